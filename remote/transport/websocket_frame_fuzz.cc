// libFuzzer target: arbitrary bytes from a "server" fed to the websocket frame parser in
// arbitrary pieces.  The parser must not crash, hang or allocate beyond its limit, must only
// ever report protocol errors as WebSocketProtocolError, and what it returns must fit in what
// it was given.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "remote/transport/websocket_frame.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
    // The first byte chooses the piece size: the socket delivers frames split anywhere.
    const std::size_t piece = 1 + data[0] % 64;
    mpy::WsFrameParser parser(4096);
    std::size_t fed = 0, returned = 0;
    try {
        while (fed < in.size()) {
            std::size_t n = std::min(piece, in.size() - fed);
            parser.feed(in.substr(fed, n));
            fed += n;
            while (auto m = parser.next()) {
                returned += m->payload.size();
                if (m->payload.size() > 4096 || returned > fed) __builtin_trap();
            }
            if (parser.pending() > fed) __builtin_trap();
        }
    } catch (const mpy::WebSocketProtocolError&) {
        // Refusing garbage is the expected outcome.
    }
    return 0;
}
