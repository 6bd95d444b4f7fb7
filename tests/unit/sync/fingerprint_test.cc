#include "remote/sync/fingerprint.h"

#include <gtest/gtest.h>

namespace mpy::sync {
namespace {

TEST(SyncFingerprint, Adler32MatchesTheRfcsValues) {
    EXPECT_EQ(adler32(""), 1u);
    EXPECT_EQ(adler32("Wikipedia"), 0x11E60398u);  // RFC 1950's algorithm, the well-known example
    // Long enough for both sums to wrap at 65521.
    EXPECT_EQ(adler32(std::string(100000, '\xff')), 0x149A302Cu);  // as zlib.adler32 computes it
}

TEST(SyncFingerprint, TextNamesKindAndValue) {
    EXPECT_EQ(fingerprint(FingerprintKind::sha256, "abc"),
              "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(fingerprint(FingerprintKind::adler32, "Wikipedia"), "adler32:11e60398:9");
}

}  // namespace
}  // namespace mpy::sync
