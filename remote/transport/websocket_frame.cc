#include "remote/transport/websocket_frame.h"

namespace mpy {
namespace {

bool is_control(std::uint8_t opcode) { return (opcode & 0x8) != 0; }

bool known_opcode(std::uint8_t opcode) {
    switch (static_cast<WsOpcode>(opcode)) {
        case WsOpcode::continuation:
        case WsOpcode::text:
        case WsOpcode::binary:
        case WsOpcode::close:
        case WsOpcode::ping:
        case WsOpcode::pong:
            return true;
    }
    return false;
}

}  // namespace

std::string encode_client_frame(WsOpcode opcode, std::string_view payload, std::uint32_t mask_key) {
    std::string out;
    out.reserve(payload.size() + 14);
    out.push_back(static_cast<char>(0x80 | static_cast<std::uint8_t>(opcode)));  // FIN
    const std::uint64_t n = payload.size();
    if (n < 126) {
        out.push_back(static_cast<char>(0x80 | n));
    } else if (n <= 0xffff) {
        out.push_back(static_cast<char>(0x80 | 126));
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(n));
    } else {
        out.push_back(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift));
    }
    const char mask[4] = {static_cast<char>(mask_key >> 24), static_cast<char>(mask_key >> 16),
                          static_cast<char>(mask_key >> 8), static_cast<char>(mask_key)};
    out.append(mask, 4);
    for (std::size_t i = 0; i < payload.size(); ++i) out.push_back(static_cast<char>(payload[i] ^ mask[i & 3]));
    return out;
}

std::optional<WsMessage> WsFrameParser::next() {
    while (true) {
        const std::string_view rest = std::string_view(buffer_).substr(consumed_);
        if (rest.size() < 2) break;
        const auto b0 = static_cast<std::uint8_t>(rest[0]), b1 = static_cast<std::uint8_t>(rest[1]);
        const bool fin = (b0 & 0x80) != 0;
        const std::uint8_t opcode = b0 & 0x0f;
        if (b0 & 0x70) throw WebSocketProtocolError("websocket: a frame with reserved bits set (no extension was agreed)");
        if (!known_opcode(opcode)) throw WebSocketProtocolError("websocket: unknown frame opcode " + std::to_string(opcode));
        const bool masked = (b1 & 0x80) != 0;
        std::uint64_t length = b1 & 0x7f;
        std::size_t header = 2;
        if (length == 126) {
            if (rest.size() < 4) break;
            length = (std::uint64_t{static_cast<std::uint8_t>(rest[2])} << 8) | static_cast<std::uint8_t>(rest[3]);
            header = 4;
        } else if (length == 127) {
            if (rest.size() < 10) break;
            length = 0;
            for (int i = 2; i < 10; ++i) length = (length << 8) | static_cast<std::uint8_t>(rest[i]);
            header = 10;
        }
        if (is_control(opcode) && (length > 125 || !fin))
            throw WebSocketProtocolError("websocket: a control frame that is fragmented or longer than 125 bytes");
        const std::size_t assembled = is_control(opcode) ? 0 : fragments_.size();
        if (length > max_message_ || assembled + length > max_message_)
            throw WebSocketProtocolError("websocket: a message over " + std::to_string(max_message_) + " bytes");
        if (masked) header += 4;
        if (rest.size() < header + length) break;
        std::string payload(rest.substr(header, static_cast<std::size_t>(length)));
        if (masked) {
            const std::string_view mask = rest.substr(header - 4, 4);
            for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<char>(payload[i] ^ mask[i & 3]);
        }
        consumed_ += header + static_cast<std::size_t>(length);
        if (consumed_ == buffer_.size() || consumed_ > 65536) {
            buffer_.erase(0, consumed_);
            consumed_ = 0;
        }

        if (is_control(opcode)) return WsMessage{static_cast<WsOpcode>(opcode), std::move(payload)};
        if (opcode == static_cast<std::uint8_t>(WsOpcode::continuation)) {
            if (!fragmented_) throw WebSocketProtocolError("websocket: a continuation frame without a message to continue");
            fragments_ += payload;
        } else {
            if (fragmented_) throw WebSocketProtocolError("websocket: a new message inside a fragmented one");
            fragmented_ = static_cast<WsOpcode>(opcode);
            fragments_ = std::move(payload);
        }
        if (fin) {
            WsMessage m{*fragmented_, std::move(fragments_)};
            fragmented_.reset();
            fragments_.clear();
            return m;
        }
    }
    return std::nullopt;
}

}  // namespace mpy
