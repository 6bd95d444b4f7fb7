#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "remote/board/board_fs.h"
#include "remote/board/checked_code.h"
#include "remote/protocol/raw_repl.h"
#include "remote/protocol/wire_codec.h"
#include "tests/unit/remote/fake_board.h"

namespace mpy {
namespace {

TEST(MprCheckedCode, WrapperCarriesTheCodeWithItsLengthAndSum) {
    std::string code = "s='caf\xc3\xa9'\nprint(s)\n\tx = 1 \\\n + 2\n";
    std::string w = wrap_checked_code(code);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        w, m, std::regex(R"(^\(lambda _x:exec\(_x\) if len\(_x\)==(\d+) and sum\(_x\)==(\d+) else _mpr_damaged\)\((b'.*')\)\n$)")))
        << w;
    EXPECT_EQ(m[1].str(), std::to_string(code.size()));
    EXPECT_EQ(m[2].str(), std::to_string(byte_sum(code)));
    EXPECT_EQ(decode_py_literal(m[3].str()), code);
    EXPECT_EQ(std::count(w.begin(), w.end(), '\n'), 1) << "one line: damage anywhere is caught";
    for (char c : w) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << "high bytes must be escaped";
}

TEST(MprCheckedCode, DamageAndTracebackRewrite) {
    std::string damaged = "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                          "  File \"<stdin>\", line 1, in <lambda>\r\nNameError: name '_mpr_damaged' isn't defined\r\n";
    EXPECT_TRUE(is_damaged_code_error(damaged));
    EXPECT_FALSE(user_code_ran(damaged));
    EXPECT_EQ(unwrap_traceback(damaged), damaged) << "nothing of the user's to show";
    EXPECT_FALSE(is_damaged_code_error("ValueError: something else\r\n"));
    std::string tb =
        "Traceback (most recent call last):\r\n"
        "  File \"<stdin>\", line 1, in <module>\r\n"
        "  File \"<stdin>\", line 1, in <lambda>\r\n"
        "  File \"<string>\", line 3, in <module>\r\n"
        "  File \"<string>\", line 2, in f\r\n"
        "ZeroDivisionError: division by zero\r\n";
    EXPECT_TRUE(user_code_ran(tb));
    EXPECT_EQ(unwrap_traceback(tb),
              "Traceback (most recent call last):\r\n"
              "  File \"<stdin>\", line 3, in <module>\r\n"
              "  File \"<stdin>\", line 2, in f\r\n"
              "ZeroDivisionError: division by zero\r\n");
}

TEST(MprCheckedCode, RawReplSendsTheVariantOnlyOnLossyLines) {
    auto runner = [](const std::string& c) { return std::make_pair(c, std::string()); };
    testing::FakeBoard modern(testing::FakeBoard::Paste::supported, runner);
    RawRepl a(modern, std::chrono::milliseconds(500));
    a.enter(false);
    a.submit("code", "variant");
    a.follow([](std::string_view) {}, std::nullopt);
    EXPECT_EQ(modern.executed.back(), "code");
    EXPECT_FALSE(a.sent_lossy_variant());

    testing::FakeBoard old(testing::FakeBoard::Paste::unknown, runner);
    RawRepl b(old, std::chrono::milliseconds(500));
    b.enter(false);
    b.submit("code", "variant");
    b.follow([](std::string_view) {}, std::nullopt);
    EXPECT_EQ(old.executed.back(), "variant");
    EXPECT_TRUE(b.sent_lossy_variant());
}

}  // namespace
}  // namespace mpy
