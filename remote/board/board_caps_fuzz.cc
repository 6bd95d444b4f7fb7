// libFuzzer target: arbitrary bytes from a "board" as the answer to the capability probe.  The
// parser must not crash or hang, and what it finds must stay within sane bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "remote/board/board_caps.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    mpy::BoardCaps caps = mpy::parse_caps(in);
    if (caps.os_module.size() > size + 2 || caps.platform.size() > size) __builtin_trap();
    (void)caps.source_budget();
    (void)caps.read_chunk();
    return 0;
}
