// The websocket frame codec against RFC 6455's own examples (section 5.7) and its rules.
#include <gtest/gtest.h>

#include "remote/transport/websocket_frame.h"

namespace mpy {
namespace {

std::string bytes(std::initializer_list<int> list) {
    std::string s;
    for (int b : list) s.push_back(static_cast<char>(b));
    return s;
}

TEST(WebSocketFrame, EncodesTheRfcMaskedHello) {
    EXPECT_EQ(encode_client_frame(WsOpcode::text, "Hello", 0x37fa213d),
              bytes({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58}));
}

TEST(WebSocketFrame, EncodesExtendedLengths) {
    std::string f = encode_client_frame(WsOpcode::binary, std::string(256, 'x'), 0);
    EXPECT_EQ(f.substr(0, 4), bytes({0x82, 0xfe, 0x01, 0x00}));
    EXPECT_EQ(f.size(), 4u + 4u + 256u);
    f = encode_client_frame(WsOpcode::binary, std::string(65536, 'x'), 0);
    EXPECT_EQ(f.substr(0, 10), bytes({0x82, 0xff, 0, 0, 0, 0, 0, 1, 0, 0}));
    EXPECT_EQ(f.size(), 10u + 4u + 65536u);
}

TEST(WebSocketFrame, ParsesUnmaskedAndMaskedHelloByteByByte) {
    WsFrameParser p;
    const std::string two = bytes({0x81, 0x05, 'H', 'e', 'l', 'l', 'o'}) +
                            bytes({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58});
    std::vector<WsMessage> got;
    for (char c : two) {
        p.feed(std::string_view(&c, 1));
        while (auto m = p.next()) got.push_back(*m);
    }
    ASSERT_EQ(got.size(), 2u);
    for (const WsMessage& m : got) {
        EXPECT_EQ(m.opcode, WsOpcode::text);
        EXPECT_EQ(m.payload, "Hello");
    }
    EXPECT_EQ(p.pending(), 0u);
}

TEST(WebSocketFrame, JoinsFragmentsAroundAControlFrame) {
    WsFrameParser p;
    p.feed(bytes({0x01, 0x03, 'H', 'e', 'l', 0x89, 0x02, 'h', 'i', 0x80, 0x02, 'l', 'o'}));
    auto ping = p.next();
    ASSERT_TRUE(ping);
    EXPECT_EQ(ping->opcode, WsOpcode::ping);
    EXPECT_EQ(ping->payload, "hi");
    auto text = p.next();
    ASSERT_TRUE(text);
    EXPECT_EQ(text->opcode, WsOpcode::text);
    EXPECT_EQ(text->payload, "Hello");
    EXPECT_FALSE(p.next());
}

TEST(WebSocketFrame, WaitsForTheWholeFrame) {
    WsFrameParser p;
    p.feed(bytes({0x82, 0x7e, 0x01}));
    EXPECT_FALSE(p.next());
    p.feed(bytes({0x00}) + std::string(255, 'a'));
    EXPECT_FALSE(p.next());
    p.feed("b");
    auto m = p.next();
    ASSERT_TRUE(m);
    EXPECT_EQ(m->opcode, WsOpcode::binary);
    EXPECT_EQ(m->payload, std::string(255, 'a') + "b");
}

TEST(WebSocketFrame, RefusesProtocolViolations) {
    auto refused = [](const std::string& in, std::size_t limit = 1024) {
        WsFrameParser p(limit);
        p.feed(in);
        try {
            while (p.next()) {
            }
        } catch (const WebSocketProtocolError&) {
            return true;
        }
        return false;
    };
    EXPECT_TRUE(refused(bytes({0xc1, 0x00})));                    // RSV1 without an extension
    EXPECT_TRUE(refused(bytes({0x83, 0x00})));                    // opcode 3 is reserved
    EXPECT_TRUE(refused(bytes({0x09, 0x00})));                    // fragmented ping
    EXPECT_TRUE(refused(bytes({0x89, 0x7e, 0x00, 0x7e})));        // ping over 125 bytes
    EXPECT_TRUE(refused(bytes({0x80, 0x01, 'x'})));               // continuation of nothing
    EXPECT_TRUE(refused(bytes({0x01, 0x01, 'x', 0x81, 0x01, 'y'})));  // new message inside one
    // A length over the limit is refused before its bytes arrive (no huge allocation).
    EXPECT_TRUE(refused(bytes({0x82, 0x7f, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})));
    EXPECT_TRUE(refused(bytes({0x02, 0x7e, 0x02, 0x00}) + std::string(512, 'a') + bytes({0x80, 0x7e, 0x02, 0x01}), 1024));
    EXPECT_FALSE(refused(bytes({0x81, 0x00})));                   // an empty text message is fine
}

}  // namespace
}  // namespace mpy
