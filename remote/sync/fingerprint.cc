#include "remote/sync/fingerprint.h"

#include <cstdint>
#include <cstdio>

#include "remote/board/sha256.h"
#include "remote/protocol/wire_codec.h"

namespace mpy::sync {

std::uint32_t adler32(std::string_view data) {
    constexpr std::uint32_t kMod = 65521;
    std::uint32_t a = 1, b = 0;
    for (char c : data) {
        a = (a + static_cast<unsigned char>(c)) % kMod;
        b = (b + a) % kMod;
    }
    return (b << 16) | a;
}

std::string fingerprint(FingerprintKind kind, std::string_view data) {
    if (kind == FingerprintKind::sha256) return "sha256:" + hex_encode(sha256(data));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", adler32(data));
    return "adler32:" + std::string(buf) + ":" + std::to_string(data.size());
}

}  // namespace mpy::sync
