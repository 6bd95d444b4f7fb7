// LossyLineRunner: the one place that decides when code is sent again on a line that loses
// bytes.  The scripted board answers each submission in turn from a list, so that a test can
// say "damaged twice, then fine" and count what was sent.
#include <gtest/gtest.h>

#include <deque>

#include "remote/board/lossy_line.h"
#include "tests/unit/remote/fake_board.h"

namespace mpy {
namespace {

using testing::FakeBoard;
using Ms = std::chrono::milliseconds;
using Answer = std::pair<std::string, std::string>;  // output, traceback

const std::string kCompileError =
    "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1\r\nSyntaxError: invalid syntax\r\n";
const std::string kNameError =
    "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nNameError: name 'pint' isn't defined\r\n";
const std::string kOsError =
    "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nOSError: [Errno 2] ENOENT\r\n";
// What the checked wrapper (checked_code.h) answers when its code arrived damaged.
const std::string kDamaged =
    "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
    "  File \"<stdin>\", line 1, in <lambda>\r\nNameError: name '_mpr_damaged' isn't defined\r\n";
const std::string kMemoryError =
    "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1\r\nMemoryError: memory allocation failed, allocating 2048 bytes\r\n";

// A board that answers the submissions with `answers` in turn, then with "ok".
struct Script {
    std::deque<Answer> answers;
    FakeBoard::Runner runner() {
        return [this](const std::string&) {
            if (answers.empty()) return Answer{"ok\r\n", ""};
            Answer a = answers.front();
            answers.pop_front();
            return a;
        };
    }
};

// Old firmware: no raw-paste, so plain raw REPL on a line without flow control (lossy).
struct LossyRig {
    Script script;
    FakeBoard board;
    RawRepl repl;
    explicit LossyRig(std::deque<Answer> answers, FakeBoard::Paste paste = FakeBoard::Paste::unknown)
        : script{std::move(answers)}, board(paste, script.runner()), repl(board, Ms(300)) {
        repl.enter(false);
    }
};

bool is_checked(const std::string& submission) { return submission.rfind("(lambda _x:", 0) == 0; }

TEST(MprLossyLine, RealAnswersAreOsAndMemoryErrors) {
    EXPECT_TRUE(is_real_answer(RemoteExecError(kOsError, "")));
    EXPECT_TRUE(is_real_answer(RemoteExecError(kMemoryError, "")));
    EXPECT_FALSE(is_real_answer(RemoteExecError(kCompileError, "")));
    EXPECT_FALSE(is_real_answer(RemoteExecError(kNameError, "")));
}

TEST(MprLossyLine, QuerySendsADamagedSnippetAgain) {
    LossyRig r({Answer{"", kCompileError}, Answer{"", kNameError}});
    EXPECT_EQ(LossyLineRunner(r.repl).query("print(42)"), "ok\r\n");
    EXPECT_EQ(r.board.executed.size(), 3u);
}

TEST(MprLossyLine, QueryTakesAnOsErrorAsTheAnswer) {
    LossyRig r({Answer{"", kOsError}});
    try {
        LossyLineRunner(r.repl).query("open('x')");
        FAIL() << "an OSError must come through";
    } catch (const RemoteExecError& e) {
        EXPECT_EQ(e.kind(), RemoteErrorKind::os_error);
        EXPECT_EQ(e.os_errno(), 2);
    }
    EXPECT_EQ(r.board.executed.size(), 1u) << "a real answer is not asked again";
}

TEST(MprLossyLine, QueryGivesUpAfterItsAttempts) {
    LossyRig r(std::deque<Answer>(10, Answer{"", kCompileError}));
    LossyLineRunner runner(r.repl, 3);
    EXPECT_THROW(runner.query("x"), RemoteExecError);
    EXPECT_EQ(r.board.executed.size(), 3u);
}

TEST(MprLossyLine, ResendsWaitLongerEachTime) {
    EXPECT_EQ(lossy_resend_delay(1), Ms(25));
    EXPECT_EQ(lossy_resend_delay(2), Ms(50));
    EXPECT_EQ(lossy_resend_delay(5), Ms(400));
    EXPECT_EQ(lossy_resend_delay(6), Ms(800));
    EXPECT_EQ(lossy_resend_delay(7), Ms(800));
    EXPECT_EQ(lossy_resend_delay(100), Ms(800));
    // The default attempts are spread over seconds, so that a busy spell of the board cannot
    // swallow them all.
    Ms total(0);
    for (int a = 1; a < kLossyLineAttempts; ++a) total += lossy_resend_delay(a);
    EXPECT_GE(total, Ms(2000));
}

TEST(MprLossyLine, DamagedSendsAreSpacedOut) {
    LossyRig r({Answer{"", kCompileError}, Answer{"", kCompileError}});
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(LossyLineRunner(r.repl).query("print(42)"), "ok\r\n");
    EXPECT_GE(std::chrono::steady_clock::now() - start, lossy_resend_delay(1) + lossy_resend_delay(2));
    EXPECT_EQ(r.board.executed.size(), 3u);
}

TEST(MprLossyLine, DamagedSendsPaceLaterWritesMoreGently) {
    LossyRig r({Answer{"", kCompileError}, Answer{"", kNameError}});
    EXPECT_EQ(r.repl.pace_burst(), 256u);
    EXPECT_EQ(LossyLineRunner(r.repl).query("print(42)"), "ok\r\n");
    EXPECT_EQ(r.repl.pace_burst(), 64u) << "halved after each damaged send";
    for (int i = 0; i < 10; ++i) r.repl.slow_down_writes();
    EXPECT_EQ(r.repl.pace_burst(), 32u) << "never below 32 bytes";
}

TEST(MprLossyLine, ALineThatLosesNothingIsNeitherPausedNorSlowed) {
    Script script{{Answer{"", kCompileError}}};
    FakeBoard board(FakeBoard::Paste::supported, script.runner());
    RawRepl repl(board, Ms(300));
    repl.enter(false);
    EXPECT_EQ(LossyLineRunner(repl).query("x"), "ok\r\n");
    EXPECT_EQ(board.executed.size(), 2u);
    EXPECT_EQ(repl.pace_burst(), 256u);
}

TEST(MprLossyLine, StreamingQueryIsNotSentAgainOnceOutputArrived) {
    LossyRig r({Answer{"partial\r\n", kNameError}});
    std::string seen;
    EXPECT_THROW(LossyLineRunner(r.repl).query_streaming("x", [&](std::string_view s) { seen += s; }),
                 RemoteExecError);
    EXPECT_EQ(seen, "partial\r\n");
    EXPECT_EQ(r.board.executed.size(), 1u) << "output that arrived cannot be taken back";
}

TEST(MprLossyLine, StreamingQueryThatDidNotCompileIsSentAgainWhateverCameBefore) {
    // A SyntaxError means the damaged code never ran: bytes before it were not its output.
    const std::string syntax_error =
        "Traceback (most recent call last):\r\n  File \"<stdin>\", line 5\r\nSyntaxError: invalid syntax\r\n";
    LossyRig r({Answer{"junk", syntax_error}});
    std::string seen;
    LossyLineRunner(r.repl).query_streaming("read()", [&](std::string_view s) { seen += s; });
    EXPECT_EQ(seen, "junkok\r\n");
    EXPECT_EQ(r.board.executed, (std::vector<std::string>{"read()", "read()"}));
}

TEST(MprLossyLine, SilentQueryIsInterruptedAndAskedOnceMore) {
    LossyRig r({});
    r.board.hang_next_runs = 1;
    EXPECT_EQ(LossyLineRunner(r.repl).query("read()"), "ok\r\n");
    EXPECT_EQ(r.board.executed, (std::vector<std::string>{"read()", "read()"}));
}

TEST(MprLossyLine, SilentBoardIsInterruptedAndAskedOnceMore) {
    LossyRig r({});
    r.board.hang_next_runs = 1;
    std::string seen;
    LossyLineRunner(r.repl).query_streaming("read()", [&](std::string_view s) { seen += s; });
    EXPECT_EQ(seen, "ok\r\n");
    EXPECT_EQ(r.board.executed, (std::vector<std::string>{"read()", "read()"}));
}

TEST(MprLossyLine, SilenceIsAskedAgainOnlyOnce) {
    LossyRig r({});
    r.board.hang_next_runs = 2;
    EXPECT_THROW(LossyLineRunner(r.repl).query_streaming("read()", [](std::string_view) {}), IdleTimeoutError);
    EXPECT_EQ(r.board.executed.size(), 2u);
}

TEST(MprLossyLine, SilenceOnALineThatLosesNothingIsAnError) {
    LossyRig r({}, FakeBoard::Paste::supported);
    r.board.hang_next_runs = 1;
    EXPECT_THROW(LossyLineRunner(r.repl).query_streaming("read()", [](std::string_view) {}), IdleTimeoutError);
    EXPECT_EQ(r.board.executed.size(), 1u);
}

TEST(MprLossyLine, UserCodeGoesCheckedAndDamagedCodeIsSentAgain) {
    LossyRig r({Answer{"", kDamaged}});
    std::string seen;
    ExecOutcome o = LossyLineRunner(r.repl).run_user_code(
        "print('hi')", true, [&](std::string_view s) { seen += s; }, std::nullopt);
    EXPECT_EQ(o.error_output, "");
    EXPECT_EQ(seen, "ok\r\n");
    ASSERT_EQ(r.board.executed.size(), 2u);
    EXPECT_TRUE(is_checked(r.board.executed[0]));
    EXPECT_TRUE(is_checked(r.board.executed[1]));
}

TEST(MprLossyLine, UserCodeThatRanIsNotSentAgain) {
    const std::string user_error =
        "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
        "  File \"<stdin>\", line 1, in <lambda>\r\n  File \"<string>\", line 1, in <module>\r\n"
        "ZeroDivisionError: divide by zero\r\n";
    LossyRig r({Answer{"", user_error}});
    ExecOutcome o = LossyLineRunner(r.repl).run_user_code("1/0", true, [](std::string_view) {}, std::nullopt);
    EXPECT_EQ(r.board.executed.size(), 1u);
    EXPECT_EQ(o.error_output,
              "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
              "ZeroDivisionError: divide by zero\r\n")
        << "the traceback reads as if the code had been sent directly";
}

TEST(MprLossyLine, UserCodeTooBigToCheckGoesPlain) {
    LossyRig r({Answer{"", kMemoryError}});
    ExecOutcome o = LossyLineRunner(r.repl).run_user_code("x = 1", true, [](std::string_view) {}, std::nullopt);
    EXPECT_EQ(o.error_output, "");
    ASSERT_EQ(r.board.executed.size(), 2u);
    EXPECT_TRUE(is_checked(r.board.executed[0]));
    EXPECT_EQ(r.board.executed[1], "x = 1");
}

TEST(MprLossyLine, UserCodeOnAFlowControlledLineIsSentOnce) {
    LossyRig r({Answer{"", kCompileError}}, FakeBoard::Paste::supported);
    ExecOutcome o = LossyLineRunner(r.repl).run_user_code("pint(", true, [](std::string_view) {}, std::nullopt);
    EXPECT_EQ(r.board.executed, std::vector<std::string>{"pint("});
    EXPECT_EQ(o.error_output, kCompileError) << "a compile error there is the user's own";
}

TEST(MprLossyLine, UserCodeWithoutFollowReturnsOnceAccepted) {
    LossyRig r({Answer{"never read\r\n", ""}});
    std::string seen;
    ExecOutcome o = LossyLineRunner(r.repl).run_user_code(
        "import app", false, [&](std::string_view s) { seen += s; }, std::nullopt);
    EXPECT_EQ(o.error_output, "");
    EXPECT_EQ(seen, "");
    EXPECT_EQ(r.board.executed.size(), 1u);
}

}  // namespace
}  // namespace mpy
