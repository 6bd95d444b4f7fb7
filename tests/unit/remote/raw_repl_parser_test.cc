#include <gtest/gtest.h>

#include "remote/protocol/raw_repl_parser.h"

using namespace std::string_literals;

namespace mpy {
namespace {

using State = ExecResponseParser::State;
using Start = ExecResponseParser::Start;

// Feeds `stream` in pieces of `step` bytes; returns the output and the bytes left over.
std::pair<std::string, std::string> run(ExecResponseParser& p, std::string_view stream, std::size_t step) {
    std::string out;
    std::size_t pos = 0;
    while (pos < stream.size() && !p.finished()) {
        std::string_view piece = stream.substr(pos, step);
        pos += p.feed(piece, out);
    }
    return {out, std::string(stream.substr(pos))};
}

TEST(MprExecResponse, PlainRawReplAnswerInAnySplit) {
    std::string stream = "OKhello\r\n\x04Traceback...\r\nValueError: x\r\n\x04>rest"s;
    for (std::size_t step = 1; step <= stream.size(); ++step) {
        ExecResponseParser p(Start::expect_ok);
        auto [out, rest] = run(p, stream, step);
        EXPECT_EQ(p.state(), State::done) << step;
        EXPECT_EQ(out, "hello\r\n");
        EXPECT_EQ(p.error_output(), "Traceback...\r\nValueError: x\r\n");
        EXPECT_EQ(rest, "rest") << "bytes after the prompt belong to the next exchange";
    }
}

TEST(MprExecResponse, RawPasteAckSkipsLateWindowBytes) {
    ExecResponseParser p(Start::expect_paste_ack);
    auto [out, rest] = run(p, std::string_view("\x01\x01\x04" "42\r\n\x04\x04>", 11), 3);
    EXPECT_EQ(p.state(), State::done);
    EXPECT_EQ(out, "42\r\n");
    EXPECT_EQ(p.error_output(), "");
}

TEST(MprExecResponse, GarbageInsteadOfOkFails) {
    ExecResponseParser p(Start::expect_ok);
    std::string out;
    p.feed("raw REPL; CTRL-B to exit\r\n>", out);
    EXPECT_EQ(p.state(), State::failed);
    EXPECT_NE(p.failure().find("'r'"), std::string::npos) << p.failure();
    EXPECT_TRUE(out.empty());
}

TEST(MprExecResponse, UnexpectedByteDuringPasteFails) {
    ExecResponseParser p(Start::expect_paste_ack);
    std::string out;
    p.feed("\x01X", out);
    EXPECT_EQ(p.state(), State::failed);
}

TEST(MprExecResponse, StraySeparatorBeforePromptIsIgnored) {
    ExecResponseParser p(Start::running);
    std::string out;
    std::size_t used = p.feed(std::string_view("a\x04\x04\r\n>", 6), out);
    EXPECT_EQ(used, 6u);
    EXPECT_EQ(p.state(), State::done);
    EXPECT_EQ(out, "a");
}

TEST(MprExecResponse, IncompleteStreamIsNotFinished) {
    ExecResponseParser p(Start::expect_ok);
    std::string out;
    p.feed("OKpartial", out);
    EXPECT_EQ(p.state(), State::output);
    EXPECT_FALSE(p.finished());
    p.feed("\x04" "err", out);
    EXPECT_EQ(p.state(), State::error_output);
}

TEST(MprExecResponse, ErrorOutputIsBounded) {
    ExecResponseParser p(Start::running);
    std::string out;
    p.feed(std::string_view("\x04", 1), out);
    std::string flood(ExecResponseParser::max_error_output + 1000, 'E');
    p.feed(flood, out);
    EXPECT_EQ(p.error_output().size(), ExecResponseParser::max_error_output);
}

TEST(MprRawReplBanner, FindsBannerWithEitherLineEnding) {
    std::string crlf = "\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>";
    EXPECT_EQ(find_raw_repl_banner(crlf), crlf.size());
    std::string lf = "junk raw REPL; CTRL-B to exit\n>more";
    EXPECT_EQ(find_raw_repl_banner(lf), lf.size() - 4);
    EXPECT_EQ(find_raw_repl_banner("raw REPL; CTRL-B to exit\r\n"), std::string::npos);
    EXPECT_EQ(find_raw_repl_banner("raw REPL; CTRL-B to e"), std::string::npos);
    // A damaged first banner followed by a good one.
    std::string two = "raw REPL; CTRL-B to exitX raw REPL; CTRL-B to exit\r\n>";
    EXPECT_EQ(find_raw_repl_banner(two), two.size());
}

TEST(MprRawReplBanner, SoftReboot) {
    EXPECT_EQ(find_soft_reboot("OK\r\nMPY: soft reboot\r\nraw"), 22u);
    EXPECT_EQ(find_soft_reboot("OK\r\nsoft reboot\r\n"), 17u);
    EXPECT_EQ(find_soft_reboot("OK\r\nsoft reboot"), std::string::npos);
}

TEST(MprRawReplBanner, PasteAnswers) {
    EXPECT_EQ(classify_paste_answer(std::string_view("R\x01", 2)), PasteAnswer::supported);
    EXPECT_EQ(classify_paste_answer(std::string_view("R\x00", 2)), PasteAnswer::refused);
    EXPECT_EQ(classify_paste_answer("ra"), PasteAnswer::unknown_command);
    EXPECT_EQ(classify_paste_answer("zz"), PasteAnswer::garbage);
}

TEST(MprRawReplBanner, CompileErrorsAreRecognised) {
    EXPECT_TRUE(is_compile_error("Traceback (most recent call last):\r\n  File \"<stdin>\", line 2\r\nSyntaxError: invalid syntax\r\n"));
    EXPECT_TRUE(is_compile_error("  File \"<stdin>\", line 3\nIndentationError: unexpected indent\n"));
    // Raised while running (the code had effects): not a compile error.
    EXPECT_FALSE(is_compile_error("Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nSyntaxError: x\r\n"));
    EXPECT_FALSE(is_compile_error("Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nNameError: name 'prnt' isn't defined\r\n"));
    EXPECT_FALSE(is_compile_error(""));
}

TEST(MprRawReplBanner, PrintableBytes) {
    EXPECT_EQ(printable_bytes(std::string_view("OK\x04\r\n\\", 6)), "OK\\x04\\r\\n\\\\");
    EXPECT_EQ(printable_bytes("abcdef", 3), "abc...");
}

}  // namespace
}  // namespace mpy
