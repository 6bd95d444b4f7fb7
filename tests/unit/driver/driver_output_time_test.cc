// The one rule for dating outputs (output_mtime_ns) and every path of the driver that applies it:
// a new output, an output rewritten with the same bytes, an up-to-date output in tree mode.
// A source dated in the future must never leave its output older than itself (make and ninja
// would rebuild it on every run).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "compiler/driver/driver_io.h"
#include "driver_test_util.h"

namespace mpy {
namespace {

namespace fs = std::filesystem;

std::int64_t now_ns() {
    struct timespec t {};
    ::clock_gettime(CLOCK_REALTIME, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

struct FileTimes {
    std::int64_t mtime_ns;
    ino_t inode;
};

FileTimes stat_times(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return {static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, st.st_ino};
}

// Sets a file's mtime to `ns`.
void set_mtime(const std::string& path, std::int64_t ns) {
    const struct timespec times[2] = {{0, UTIME_OMIT}, {static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)}};
    ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0) << path;
}

constexpr std::int64_t kHour = std::int64_t{3600} * 1000000000;

// Runs the driver with a compiler whose output depends only on the source text.
int run_mpyc(const std::vector<std::string>& args, int* compiles = nullptr) {
    DriverEnv env;
    env.compile = [compiles](std::string_view src, const CompileOptions&) {
        if (compiles) ++*compiles;
        return "MPY:" + std::string(src);
    };
    env.write_stdout = [](std::string_view) {};
    env.write_stderr = [](std::string_view) {};
    env.read_stdin = [] { return std::string(); };
    env.compiler_identity = "output-time-test";
    ParseOutcome p = parse_command_line(args);
    EXPECT_EQ(p.action, ParseAction::Run) << p.message;
    return run_driver(p.options, env);
}

TEST(DriverOutputTime, RuleTakesTheLaterOfNowAndTheSource) {
    const std::int64_t now = 1700000000123456789;
    EXPECT_EQ(output_mtime_ns(now, std::nullopt), now) << "stdin: now";
    EXPECT_EQ(output_mtime_ns(now, now - kHour), now) << "an ordinary source: now";
    EXPECT_EQ(output_mtime_ns(now, now), now);
    EXPECT_EQ(output_mtime_ns(now, now + kHour), now + kHour) << "a future source: its own time";
    EXPECT_EQ(output_mtime_ns(now, now + 1), now + 1) << "to the nanosecond";
}

TEST(DriverOutputTime, FutureSourceRecompiledToTheSameBytesKeepsOutputNotOlder) {
    TempDir tmp;
    tmp.write("x.py", "a = 1\n");
    const std::int64_t future = now_ns() + kHour + 123456789;
    set_mtime(tmp / "x.py", future);

    // A new output.
    ASSERT_EQ(run_mpyc({"-o", tmp / "x.mpy", tmp / "x.py"}), 0);
    const FileTimes first = stat_times(tmp / "x.mpy");
    EXPECT_GE(first.mtime_ns, future) << "new output older than its future-dated source";

    // Recompiled, same bytes: the file is kept (same inode), and dated by the same rule -- this
    // path used to date it "now", older than the source.
    set_mtime(tmp / "x.mpy", now_ns() - kHour);
    ASSERT_EQ(run_mpyc({"-o", tmp / "x.mpy", tmp / "x.py"}), 0);
    const FileTimes second = stat_times(tmp / "x.mpy");
    EXPECT_EQ(second.inode, first.inode) << "identical output should be kept, not replaced";
    EXPECT_GE(second.mtime_ns, future);
    EXPECT_EQ(tmp.read("x.mpy"), "MPY:a = 1\n");

    // Changed bytes: replaced, and still not older than the source.
    tmp.write("x.py", "a = 22\n");
    set_mtime(tmp / "x.py", future);
    ASSERT_EQ(run_mpyc({"-o", tmp / "x.mpy", tmp / "x.py"}), 0);
    EXPECT_EQ(tmp.read("x.mpy"), "MPY:a = 22\n");
    const FileTimes third = stat_times(tmp / "x.mpy");
    EXPECT_GE(third.mtime_ns, future);
    EXPECT_EQ(third.inode, first.inode) << "changed output should be rewritten in place (rewrite_file_in_place)";
}

TEST(DriverOutputTime, OrdinarySourceGivesOutputTheCurrentTime) {
    TempDir tmp;
    tmp.write("x.py", "a = 1\n");
    set_mtime(tmp / "x.py", now_ns() - 2 * kHour);
    ASSERT_EQ(run_mpyc({"-o", tmp / "x.mpy", tmp / "x.py"}), 0);
    set_mtime(tmp / "x.mpy", now_ns() - kHour);
    const std::int64_t before = now_ns();
    ASSERT_EQ(run_mpyc({"-o", tmp / "x.mpy", tmp / "x.py"}), 0);  // same bytes
    const std::int64_t t = stat_times(tmp / "x.mpy").mtime_ns;
    // The file system may round the clock down to its own grain (a jiffy): allow a second.
    EXPECT_GE(t, before - 1000000000) << "kept output not re-dated";
    EXPECT_LE(t, now_ns() + 1000000000) << "an ordinary source must not date its output ahead";
}

TEST(DriverOutputTime, TreeModeAppliesTheSameRuleToEveryPath) {
    TempDir tmp;
    tmp.write("src/a.py", "a = 1\n");
    tmp.write("src/b.py", "b = 1\n");
    const std::vector<std::string> build = {"--tree", tmp / "src", "--out-dir", tmp / "out"};
    int compiles = 0;
    ASSERT_EQ(run_mpyc(build, &compiles), 0);
    EXPECT_EQ(compiles, 2);

    // Same content, dated in the future: found up to date by content, re-dated.
    const std::int64_t future = now_ns() + kHour;
    set_mtime(tmp / "src/a.py", future);
    set_mtime(tmp / "out/a.mpy", now_ns() - kHour);
    compiles = 0;
    ASSERT_EQ(run_mpyc(build, &compiles), 0);
    EXPECT_EQ(compiles, 0);
    EXPECT_GE(stat_times(tmp / "out/a.mpy").mtime_ns, future);

    // Forced rebuild (-B): recompiled to the same bytes, re-dated by the rule too.
    set_mtime(tmp / "src/b.py", future + 5);
    set_mtime(tmp / "out/b.mpy", now_ns() - kHour);
    const ino_t inode = stat_times(tmp / "out/b.mpy").inode;
    compiles = 0;
    ASSERT_EQ(run_mpyc({"--tree", tmp / "src", "--out-dir", tmp / "out", "-B"}, &compiles), 0);
    EXPECT_EQ(compiles, 2);
    EXPECT_EQ(stat_times(tmp / "out/b.mpy").inode, inode);
    EXPECT_GE(stat_times(tmp / "out/b.mpy").mtime_ns, future + 5);
    EXPECT_GE(stat_times(tmp / "out/a.mpy").mtime_ns, future);

    // And the next incremental run has nothing to do.
    compiles = 0;
    ASSERT_EQ(run_mpyc(build, &compiles), 0);
    EXPECT_EQ(compiles, 0);
}

}  // namespace
}  // namespace mpy
