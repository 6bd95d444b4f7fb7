#include <gtest/gtest.h>

#include <vector>

#include "remote/mount/request_parser.h"

using namespace std::string_literals;

namespace mpy::mount {
namespace {

struct Seen {
    std::string output;
    std::vector<MountRequest> requests;
    std::vector<std::size_t> request_at;  // output size when each request completed
};

Seen feed_in_steps(std::string_view stream, std::size_t step, const std::string& token = "Tok123") {
    MountRequestParser p(token);
    Seen s;
    for (std::size_t i = 0; i < stream.size(); i += step) {
        p.feed(stream.substr(i, step), [&](std::string_view o) { s.output.append(o); },
               [&](MountRequest&& r) {
                   s.request_at.push_back(s.output.size());
                   s.requests.push_back(std::move(r));
               });
    }
    return s;
}

TEST(MountRequestParser, RequestBetweenOutputInAnySplit) {
    std::string stream = "before\r\n\x1eTok123S7:/mod.pyafter"s;
    for (std::size_t step = 1; step <= stream.size(); ++step) {
        Seen s = feed_in_steps(stream, step);
        ASSERT_EQ(s.requests.size(), 1u) << step;
        EXPECT_EQ(s.requests[0].command, 'S');
        EXPECT_EQ(s.requests[0].fields, std::vector<long long>{7});
        EXPECT_EQ(s.requests[0].payload, "/mod.py");
        EXPECT_EQ(s.output, "before\r\nafter") << step;
        EXPECT_EQ(s.request_at[0], 8u) << "output before a request is delivered first";
    }
}

TEST(MountRequestParser, FieldsWithSignsAndEmptyPayload) {
    Seen s = feed_in_steps("\x1eTok123K0,3,-12,1:\x1eTok123X0,4:", 3);
    ASSERT_EQ(s.requests.size(), 2u);
    EXPECT_EQ(s.requests[0].fields, (std::vector<long long>{0, 3, -12, 1}));
    EXPECT_EQ(s.requests[0].field(9), 0) << "a missing field reads as 0";
    EXPECT_EQ(s.requests[1].command, 'X');
    EXPECT_TRUE(s.output.empty());
}

TEST(MountRequestParser, PayloadLineEndingsDecoded) {
    // The agent doubles \r; a board may turn "\n" into "\r\n" (sim, ONLCR) or leave it.
    // Original payload: "a\r\nb\nc\r" (7 bytes).
    for (std::string wire : {"a\r\r\nb\nc\r\r"s, "a\r\r\nb\r\nc\r\r"s, "a\r\r\r\nb\r\nc\r\r"s}) {
        std::string stream = "\x1eTok123W7,1:"s + wire + "tail";
        for (std::size_t step = 1; step <= stream.size(); ++step) {
            Seen s = feed_in_steps(stream, step);
            ASSERT_EQ(s.requests.size(), 1u) << step;
            EXPECT_EQ(s.requests[0].payload, "a\r\nb\nc\r") << step;
            EXPECT_EQ(s.output, "tail");
        }
    }
}

TEST(MountRequestParser, BinaryPayloadKeepsEveryOtherByte) {
    std::string payload;
    for (int b = 0; b < 256; ++b)
        if (b != '\r') payload += static_cast<char>(b);
    std::string stream = "\x1eTok123W" + std::to_string(payload.size()) + ",2:" + payload;
    Seen s = feed_in_steps(stream, 5);
    ASSERT_EQ(s.requests.size(), 1u);
    EXPECT_EQ(s.requests[0].payload, payload) << "the marker byte and \\x04 inside a payload are data";
}

TEST(MountRequestParser, MarkerInProgramOutputPassesThrough) {
    // A wrong token, a marker at the end of a token, a bad command letter, bad fields: all output.
    for (std::string text : {"\x1eTok12x rest"s, "\x1e\x1e\x1e"s, "\x1eTok123Z5:hello"s, "\x1eTok123S:x"s,
                             "\x1eTok123S-1:x"s, "\x1eTok123S1,2,3,4,5:x"s, "\x1eTok123S1234567890123:"s,
                             "\x1eTok123S5x"s, "abc\x1eTok"s + "\x1eTok123S1:z"}) {
        Seen s = feed_in_steps(text + "!", 1);
        if (text.find("S1:z") != std::string::npos) {
            ASSERT_EQ(s.requests.size(), 1u) << "a real request right after a false start";
            EXPECT_EQ(s.output, "abc\x1eTok!");
            continue;
        }
        EXPECT_TRUE(s.requests.empty()) << text;
        EXPECT_EQ(s.output, text + "!");
    }
}

TEST(MountRequestParser, HeldBackOnlyWhileItCanStillBeARequest) {
    MountRequestParser p("Tok123");
    std::string out;
    auto sink = [&](std::string_view o) { out.append(o); };
    auto none = [](MountRequest&&) { FAIL() << "no request expected"; };
    p.feed("x\x1eTo", sink, none);
    EXPECT_EQ(out, "x");
    EXPECT_TRUE(p.mid_request());
    p.feed("p", sink, none);
    EXPECT_EQ(out, "x\x1eTop");
    EXPECT_FALSE(p.mid_request());
    p.feed("\x1eTok123S3:ab", sink, none);
    EXPECT_TRUE(p.mid_request());
    p.reset();
    p.feed("c", sink, none);
    EXPECT_EQ(out, "x\x1eTopc") << "after reset, the rest of a request is output";
}

TEST(MountProtocol, RepliesAndTokens) {
    EXPECT_EQ(encode_reply(3, {7}, "abc"), "\x1e" "3 7\nabc");
    EXPECT_EQ(encode_error(2), "\x1e-2\n");
    std::string t = random_token();
    EXPECT_EQ(t.size(), kTokenLength);
    for (char c : t) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << t;
    EXPECT_TRUE(is_mount_command('O'));
    EXPECT_FALSE(is_mount_command('Z'));
}

}  // namespace
}  // namespace mpy::mount
