// How `sync` tells whether a board file already has the host file's content without reading it:
// the board's sha256 when it has hashlib, else Adler-32 and the size (the micro:bit has no
// hashlib; a plain byte sum, as BoardFs uses to verify transfers, would miss two bytes swapped
// by an edit, Adler-32 does not).  Both sides compute the same kind; the text compared is
// "sha256:HEX" or "adler32:HEX:SIZE".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mpy::sync {

enum class FingerprintKind { sha256, adler32 };

std::string fingerprint(FingerprintKind kind, std::string_view data);
// Adler-32 (RFC 1950) of `data`.
std::uint32_t adler32(std::string_view data);

}  // namespace mpy::sync
