// libFuzzer target: arbitrary bytes from a "board" into everything that parses board output —
// the exec-response parser (from each starting state, in two-part splits), the banner and
// soft-reboot finders and the data decoders (the capability probe's parser has its own target,
// board/board_caps_fuzz.cc).  None may crash, hang, or consume more than it was given.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "remote/protocol/raw_repl_parser.h"
#include "remote/protocol/wire_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    using Start = mpy::ExecResponseParser::Start;
    for (Start start : {Start::expect_ok, Start::expect_paste_ack, Start::running}) {
        mpy::ExecResponseParser p(start);
        std::string out;
        std::size_t split = size ? data[0] % (size + 1) : 0;
        std::size_t used = p.feed(in.substr(0, split), out);
        if (used > split) __builtin_trap();
        if (!p.finished()) {
            std::size_t more = p.feed(in.substr(split), out);
            if (more > size - split) __builtin_trap();
        }
        if (out.size() > size) __builtin_trap();
    }
    std::size_t b = mpy::find_raw_repl_banner(in);
    if (b != std::string_view::npos && (b > size || in[b - 1] != '>')) __builtin_trap();
    std::size_t r = mpy::find_soft_reboot(in);
    if (r != std::string_view::npos && r > size) __builtin_trap();
    (void)mpy::base64_decode(in);
    if (auto lit = mpy::decode_py_literal(in); lit && lit->size() > 4 * size) __builtin_trap();
    // What we encode must decode to itself.
    std::string body = mpy::encode_bytes_literal(in);
    auto back = mpy::decode_py_literal("b'" + body + "'");
    if (!back || *back != in) __builtin_trap();
    auto b64 = mpy::base64_decode(mpy::base64_encode(in));
    if (!b64 || *b64 != in) __builtin_trap();
    return 0;
}
