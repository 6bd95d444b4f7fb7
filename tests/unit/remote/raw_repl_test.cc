#include <gtest/gtest.h>

#include <algorithm>

#include "remote/protocol/micropython_errno.h"
#include "remote/protocol/raw_repl.h"
#include "tests/unit/remote/fake_board.h"

namespace mpy {
namespace {

using testing::FakeBoard;
using Ms = std::chrono::milliseconds;

std::pair<std::string, std::string> echo_runner(const std::string& code) {
    if (code.rfind("fail", 0) == 0)
        return {"partial\r\n", "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1\r\nOSError: [Errno 2] ENOENT\r\n"};
    return {"ran " + std::to_string(code.size()) + "\r\n", ""};
}

TEST(MprRawRepl, EntersSoftResetsAndRunsWithRawPaste) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner, 16);
    RawRepl r(b, Ms(500));
    r.enter(true);
    EXPECT_TRUE(r.in_raw());
    EXPECT_EQ(b.soft_resets, 1);
    std::string code(300, 'x');
    EXPECT_EQ(r.exec(code), "ran 300\r\n");
    EXPECT_EQ(r.paste_support(), PasteSupport::supported);
    ASSERT_EQ(b.executed.size(), 1u);
    EXPECT_EQ(b.executed[0], code);
    EXPECT_EQ(b.max_unacked, 0u) << "wrote beyond the flow-control window";
    EXPECT_EQ(r.exec("y"), "ran 1\r\n");
}

TEST(MprRawRepl, RefusedPasteFallsBackOnceToPlain) {
    FakeBoard b(FakeBoard::Paste::refused, echo_runner);
    RawRepl r(b, Ms(500));
    r.set_paced_writes(false);
    r.enter(false);
    EXPECT_EQ(b.soft_resets, 0);
    EXPECT_EQ(r.exec("abc"), "ran 3\r\n");
    EXPECT_EQ(r.exec("abcd"), "ran 4\r\n");
    EXPECT_EQ(b.paste_requests, 1) << "asked again after the board said no";
    EXPECT_EQ(r.paste_support(), PasteSupport::unsupported);
    EXPECT_EQ(b.executed, (std::vector<std::string>{"abc", "abcd"}));
}

TEST(MprRawRepl, OldFirmwareWithoutRawPaste) {
    FakeBoard b(FakeBoard::Paste::unknown, echo_runner);
    RawRepl r(b, Ms(500));
    r.set_paced_writes(false);
    r.enter(true);
    std::string code(600, 'q');
    EXPECT_EQ(r.exec(code), "ran 600\r\n");
    EXPECT_EQ(b.executed.back(), code);
    EXPECT_EQ(r.paste_support(), PasteSupport::unsupported);
}

TEST(MprRawRepl, PlainWritesArePacedInChunks) {
    FakeBoard b(FakeBoard::Paste::unknown, echo_runner);
    RawRepl r(b, Ms(500));
    r.enter(false);
    r.disable_raw_paste();
    std::string code(700, 'z');
    r.exec(code);
    std::size_t biggest = 0;
    for (const std::string& w : b.writes) biggest = std::max(biggest, w.size());
    EXPECT_LE(biggest, 256u);
    EXPECT_EQ(b.executed.back(), code);
}

TEST(MprRawRepl, TracebackBecomesRemoteExecError) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    RawRepl r(b, Ms(500));
    r.enter(false);
    try {
        r.exec("fail()");
        FAIL() << "no exception";
    } catch (const RemoteExecError& e) {
        EXPECT_EQ(e.diagnostic().message, "OSError: [Errno 2] ENOENT");
        EXPECT_EQ(e.os_errno(), 2);
        EXPECT_EQ(e.output(), "partial\r\n");
        EXPECT_NE(e.traceback().find("Traceback"), std::string::npos);
    }
    EXPECT_EQ(r.exec("ok"), "ran 2\r\n") << "the session survives a remote exception";
}

TEST(MprRawRepl, StreamsOutputAsItArrives) {
    FakeBoard b(FakeBoard::Paste::supported, [](const std::string&) {
        return std::make_pair(std::string(100, 'o'), std::string());
    });
    b.piece = 3;
    RawRepl r(b, Ms(500));
    r.enter(false);
    std::vector<std::string> pieces;
    r.exec_streaming("x", [&](std::string_view s) { pieces.emplace_back(s); });
    EXPECT_GT(pieces.size(), 10u);
    std::string all;
    for (auto& p : pieces) all += p;
    EXPECT_EQ(all, std::string(100, 'o'));
}

TEST(MprRawRepl, SilentBoardTimesOutWithAClearMessage) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    b.silent = true;
    RawRepl r(b, Ms(200));
    try {
        r.enter(false);
        FAIL() << "no exception";
    } catch (const DiagnosticError& e) {
        std::string m = e.diagnostic().message;
        EXPECT_NE(m.find("could not enter the raw REPL on fake: timed out after 5 tries"), std::string::npos) << m;
        EXPECT_NE(m.find("sent nothing"), std::string::npos) << m;
    }
}

TEST(MprRawRepl, ResendsALostEndOfCode) {
    FakeBoard b(FakeBoard::Paste::unknown, echo_runner);
    RawRepl r(b, Ms(2000));
    r.set_paced_writes(false);
    r.set_ok_resend_delay(Ms(50));
    r.enter(false);
    b.drop_next_eot = 1;
    EXPECT_EQ(r.exec("print(1)"), "ran 8\r\n");
}

TEST(MprRawRepl, BoardEndingRawPasteEarly) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner, 16);
    b.abort_paste_after_first_window = true;
    RawRepl r(b, Ms(500));
    r.enter(false);
    EXPECT_THROW(r.exec(std::string(200, 'x')), RemoteExecError);
    EXPECT_EQ(r.exec("ok"), "ran 2\r\n");
}

TEST(MprRawRepl, NoFollowThenNextSubmissionWaitsForTheEnd) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    RawRepl r(b, Ms(500));
    r.enter(false);
    r.submit("first");  // left running
    EXPECT_EQ(r.exec("second"), "ran 6\r\n");
}

// Puts `late` bytes in front of the board's answers, handed out only to a read that waits
// (timeout > 0): output that was on its way when the client connected, e.g. what an earlier
// client left behind.  Counts reads that waited and got nothing (silence waits), which is
// where a real device costs wall time.
class LateBytes : public Transport {
public:
    LateBytes(FakeBoard& b, std::string late) : b_(b), late_(std::move(late)) {}
    std::size_t read(char* buf, std::size_t max, std::chrono::milliseconds timeout) override {
        if (timeout.count() > 0 && !late_.empty()) {
            std::size_t n = std::min(max, late_.size());
            late_.copy(buf, n);
            late_.erase(0, n);
            return n;
        }
        std::size_t n = b_.read(buf, max, timeout);
        if (n == 0 && timeout.count() > 0) ++silence_waits;
        return n;
    }
    void write(std::string_view data) override { b_.write(data); }
    int poll_fd() const override { return -1; }
    std::string name() const override { return "late"; }
    void close() override {}
    int silence_waits = 0;

private:
    FakeBoard& b_;
    std::string late_;
};

TEST(MprRawRepl, EnterWithSoftResetDoesNotWaitForSilence) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    LateBytes t(b, "");
    RawRepl r(t, Ms(500));
    r.enter(true);
    EXPECT_EQ(b.soft_resets, 1);
    EXPECT_EQ(t.silence_waits, 0) << "entering waited for the line to go quiet";
    EXPECT_EQ(r.exec("print(1)"), "ran 8\r\n");
}

// Loses the first `lost` writes, as the unix port discards input that arrives while it starts
// a new REPL line.
class LosesFirstWrites : public Transport {
public:
    LosesFirstWrites(FakeBoard& b, int lost) : b_(b), lost_(lost) {}
    std::size_t read(char* buf, std::size_t max, std::chrono::milliseconds timeout) override {
        return b_.read(buf, max, timeout);
    }
    void write(std::string_view data) override {
        if (lost_ > 0) {
            --lost_;
            return;
        }
        b_.write(data);
    }
    int poll_fd() const override { return -1; }
    std::string name() const override { return "lossy"; }
    void close() override {}

private:
    FakeBoard& b_;
    int lost_;
};

TEST(MprRawRepl, EnterWithSoftResetResendsLostKeysSoon) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    LosesFirstWrites t(b, 2);  // the first Ctrl-C and Ctrl-A never arrive
    RawRepl r(t, Ms(10000));
    auto start = std::chrono::steady_clock::now();
    r.enter(true);
    auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(b.soft_resets, 1);
    // The careful retry would only start after 3 s.
    EXPECT_LT(took, std::chrono::milliseconds(2000));
    EXPECT_EQ(r.exec("abc"), "ran 3\r\n");
}

TEST(MprRawRepl, LateStaleBannerDoesNotConfuseEnterWithSoftReset) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    // An earlier client's program output and raw REPL banner, arriving after our Ctrl-C.
    LateBytes t(b, "tick\r\ntock\r\nraw REPL; CTRL-B to exit\r\n>OK");
    RawRepl r(t, Ms(500));
    r.enter(true);
    EXPECT_EQ(b.soft_resets, 1);
    EXPECT_EQ(r.exec("abc"), "ran 3\r\n");
    EXPECT_EQ(r.exec("abcd"), "ran 4\r\n");
    EXPECT_EQ(b.executed, (std::vector<std::string>{"abc", "abcd"}));
}

TEST(MprRawRepl, EnterWithoutSoftResetSkipsALateStaleBanner) {
    // No soft reset to resynchronise on: the stale banner must be drained before Ctrl-A.
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    LateBytes t(b, "raw REPL; CTRL-B to exit\r\n>");
    RawRepl r(t, Ms(500));
    r.enter(false);
    EXPECT_EQ(b.soft_resets, 0);
    EXPECT_EQ(r.exec("abc"), "ran 3\r\n");
    EXPECT_EQ(b.executed, (std::vector<std::string>{"abc"}));
}

TEST(MprRawRepl, LosslessLinkGoesPlainAndUnpaced) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    b.is_lossless = true;
    RawRepl r(b, Ms(500));
    r.enter(false);
    EXPECT_EQ(r.exec("abc"), "ran 3\r\n");
    EXPECT_EQ(b.paste_requests, 0) << "raw-paste's windows only cost round trips there";
    EXPECT_FALSE(r.may_lose_bytes());

    FakeBoard uart(FakeBoard::Paste::unknown, echo_runner);
    RawRepl u(uart, Ms(500));
    u.enter(false);
    EXPECT_EQ(u.exec("abc"), "ran 3\r\n");
    EXPECT_TRUE(u.may_lose_bytes()) << "paced plain raw REPL on a line that may lose bytes";
}

TEST(MprRawRepl, OptionsTurnRawPasteOffAndTraceGoesToTheSink) {
    FakeBoard b(FakeBoard::Paste::supported, echo_runner);
    b.piece = 4096;  // the answer in one read, so in one trace line
    std::vector<std::string> lines;
    RawRepl r(b, RawReplOptions{Ms(500), false, [&](std::string_view l) { lines.emplace_back(l); }});
    r.set_paced_writes(false);
    r.enter(false);
    EXPECT_EQ(r.exec("abc"), "ran 3\r\n");
    EXPECT_EQ(b.paste_requests, 0);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0].rfind("[mpr ", 0), 0u) << lines[0];
    bool wrote = false, read = false;
    for (const std::string& l : lines) {
        wrote = wrote || l.find(" >] ") != std::string::npos;
        read = read || l.find(" <] ") != std::string::npos;
    }
    EXPECT_TRUE(wrote && read);
    bool output_traced = false;
    for (const std::string& l : lines) output_traced = output_traced || l.find("ran 3\\r\\n") != std::string::npos;
    EXPECT_TRUE(output_traced) << "the board's answer, printable";
}

TEST(MprRemoteExecError, KindIsTheExceptionClass) {
    EXPECT_EQ(RemoteExecError("Traceback\r\nOSError: [Errno 2] ENOENT\r\n", "").kind(), RemoteErrorKind::os_error);
    EXPECT_EQ(RemoteExecError("MemoryError: \r\n", "").kind(), RemoteErrorKind::memory_error);
    EXPECT_EQ(RemoteExecError("MemoryError\r\n", "").kind(), RemoteErrorKind::memory_error);
    EXPECT_EQ(RemoteExecError("ValueError: no OSError here\r\n", "").kind(), RemoteErrorKind::other);
    EXPECT_EQ(RemoteExecError("", "").kind(), RemoteErrorKind::other);
}

TEST(MprRemoteExecError, ErrnoForms) {
    EXPECT_EQ(RemoteExecError("OSError: [Errno 17] EEXIST\r\n", "").os_errno(), 17);
    EXPECT_EQ(RemoteExecError("Traceback\r\nOSError: 28\r\n", "").os_errno(), 28);
    EXPECT_EQ(RemoteExecError("OSError: ENOENT\n", "").os_errno(), 2);
    EXPECT_EQ(RemoteExecError("OSError: file not found\r\n", "").os_errno(), 2);
    EXPECT_EQ(RemoteExecError("ValueError: 2\r\n", "").os_errno(), 0);
    // Names of mpremote's whole table, as whole words only.
    EXPECT_EQ(RemoteExecError("OSError: EOPNOTSUPP\r\n", "").os_errno(), 95);
    EXPECT_EQ(RemoteExecError("OSError: EPERM: x\r\n", "").os_errno(), 1);
    EXPECT_EQ(RemoteExecError("OSError: ENOENTRY\r\n", "").os_errno(), 0);
}

TEST(MprMicroPythonErrno, NumbersNamesAndMessages) {
    ASSERT_NE(micropython_errno(95), nullptr);
    EXPECT_EQ(micropython_errno(95)->name, "EOPNOTSUPP");
    EXPECT_EQ(micropython_errno(95)->message, "Operation not supported");
    EXPECT_EQ(micropython_errno(1)->message, "Operation not permitted");
    EXPECT_EQ(micropython_errno(0), nullptr);
    EXPECT_EQ(micropython_errno(200), nullptr);
    ASSERT_NE(micropython_errno_named_in("[Errno 104] ECONNRESET"), nullptr);
    EXPECT_EQ(micropython_errno_named_in("[Errno 104] ECONNRESET")->number, 104);
    EXPECT_EQ(micropython_errno_named_in("XEPERM"), nullptr);
}

}  // namespace
}  // namespace mpy
