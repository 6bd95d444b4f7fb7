// The whole mpyc driver run against a fake compiler: outputs, errors, stdin, --json, trees,
// the incremental rebuild rules and the depfile.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "common/diagnostics.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/driver_stamp.h"
#include "driver_test_util.h"

namespace mpy {
namespace {

namespace fs = std::filesystem;

// Compiles to "MPY|<source name>|O<level>|<source>"; a line "error" raises a SyntaxError there.
struct FakeCompiler {
    std::atomic<int> calls{0};
    std::mutex mutex;
    std::vector<std::string> names;
    std::vector<std::string> input_paths;

    std::string operator()(std::string_view source, const CompileOptions& s) {
        ++calls;
        {
            std::lock_guard<std::mutex> lock(mutex);
            names.push_back(s.source_name);
            input_paths.push_back(s.input_path);
        }
        int line = 1;
        for (size_t pos = 0; pos < source.size(); ++line) {
            size_t nl = source.find('\n', pos);
            std::string_view text = source.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
            if (text.find("error") != std::string_view::npos) {
                throw DiagnosticError(Diagnostic{"SyntaxError", "invalid syntax", {s.source_name, line,
                                                 static_cast<int>(text.find("error")) + 1}});
            }
            if (nl == std::string_view::npos) break;
            pos = nl + 1;
        }
        return "MPY|" + s.source_name + "|O" + std::to_string(s.opt_level) + "|" + std::string(source);
    }
};

struct Harness {
    FakeCompiler compiler;
    std::string out, err, stdin_text;
    DriverEnv env;
    Harness() {
        env.compile = [this](std::string_view src, const CompileOptions& s) { return compiler(src, s); };
        env.write_stdout = [this](std::string_view d) { out += d; };
        env.write_stderr = [this](std::string_view d) { err += d; };
        env.read_stdin = [this] { return stdin_text; };
        env.compiler_identity = "test-compiler";
        env.default_jobs = 2;
    }
    int run(const std::vector<std::string>& args) {
        out.clear();
        err.clear();
        compiler.calls = 0;
        ParseOutcome p = parse_command_line(args);
        EXPECT_EQ(p.action, ParseAction::Run) << p.message;
        return run_driver(p.options, env);
    }
};

TEST(DriverRun, CompilesOneFileNextToItLikeMpyCross) {
    TempDir tmp;
    tmp.write("x.py", "a = 1\n");
    Harness h;
    EXPECT_EQ(h.run({tmp / "x.py"}), 0);
    EXPECT_EQ(tmp.read("x.mpy"), "MPY|" + (tmp / "x.py") + "|O0|a = 1\n");
    EXPECT_EQ(h.err, "");
    EXPECT_EQ(h.out, "");
    EXPECT_FALSE(tmp.exists(".mpyc-stamp"));  // plain mpy-cross mode keeps no state

    EXPECT_EQ(h.run({"-O2", "-s", "shown.py", "-o", tmp / "y.mpy", tmp / "x.py"}), 0);
    EXPECT_EQ(tmp.read("y.mpy"), "MPY|shown.py|O2|a = 1\n");
    // The compiler is told the real input path only when -s hides it.
    EXPECT_EQ(h.compiler.input_paths, (std::vector<std::string>{"", tmp / "x.py"}));
}

TEST(DriverRun, CompileErrorPrintsTracebackAndWritesNothing) {
    TempDir tmp;
    tmp.write("bad.py", "ok\n  error here\n");
    tmp.write("old.mpy", "previous");
    Harness h;
    h.env.stderr_is_terminal = false;
    EXPECT_EQ(h.run({"-o", tmp / "old.mpy", tmp / "bad.py"}), 1);
    EXPECT_EQ(h.err, "Traceback (most recent call last):\n  File \"" + (tmp / "bad.py") +
                         "\", line 2\nSyntaxError: invalid syntax\n");
    EXPECT_EQ(tmp.read("old.mpy"), "previous");  // an existing output is left alone
    EXPECT_EQ(h.run({tmp / "bad.py"}), 1);
    EXPECT_FALSE(tmp.exists("bad.mpy"));
    // No temporary file is left behind either.
    for (const auto& e : fs::directory_iterator(tmp.path())) EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos);
}

TEST(DriverRun, ParserErrorsNameTheInputButCompilerErrorsTheStoredName) {
    TempDir tmp;
    tmp.write("bad.py", "error\n");
    Harness h;
    EXPECT_EQ(h.run({"-s", "shown.py", tmp / "bad.py"}), 1);
    EXPECT_NE(h.err.find("File \"" + (tmp / "bad.py") + "\", line 1\n"), std::string::npos) << h.err;

    // An error raised with a scope comes from the compiler proper: it keeps the -s name.
    h.env.compile = [](std::string_view, const CompileOptions& s) -> std::string {
        Diagnostic d{"SyntaxError", "'return' outside function", {s.source_name, 1, 1}};
        d.scope = "<module>";
        throw DiagnosticError(d);
    };
    EXPECT_EQ(h.run({"-s", "shown.py", tmp / "bad.py"}), 1);
    EXPECT_NE(h.err.find("File \"shown.py\", line 1, in <module>\n"), std::string::npos) << h.err;

    // In a tree every error names the file on disk, though the .mpy stores the relative name.
    tmp.write("src/pkg/m.py", "x\n");
    EXPECT_EQ(h.run({"-r", tmp / "src"}), 1);
    EXPECT_NE(h.err.find("File \"" + (tmp / "src/pkg/m.py") + "\", line 1, in <module>\n"), std::string::npos)
        << h.err;
}

TEST(DriverRun, RichDiagnosticsFollowTheTraceback) {
    TempDir tmp;
    tmp.write("bad.py", "ok\n  error here\n");
    Harness h;
    EXPECT_EQ(h.run({"--diagnostics=rich", tmp / "bad.py"}), 1);
    const std::string rich = (tmp / "bad.py") + ":2:3: SyntaxError: invalid syntax\n      error here\n      ^\n";
    EXPECT_NE(h.err.find("SyntaxError: invalid syntax\n" + rich), std::string::npos) << h.err;
    EXPECT_EQ(h.err.rfind("Traceback (most recent call last):\n", 0), 0u);

    // auto: rich only on a terminal
    h.env.stderr_is_terminal = true;
    h.run({tmp / "bad.py"});
    EXPECT_NE(h.err.find(rich), std::string::npos);
    h.run({"--diagnostics=traceback", tmp / "bad.py"});
    EXPECT_EQ(h.err.find(rich), std::string::npos);
}

TEST(DriverRun, MissingAndUnreadableInputsUseMpyCrossWording) {
    TempDir tmp;
    Harness h;
    EXPECT_EQ(h.run({tmp / "nofile.py"}), 1);
    EXPECT_EQ(h.err, "OSError: (2, \"can't open " + (tmp / "nofile.py") + "\")\n");
    EXPECT_EQ(h.run({tmp.path()}), 1);
    EXPECT_EQ(h.err, "OSError: 21\n");
    tmp.write("ok.py", "a\n");
    EXPECT_EQ(h.run({"-o", tmp / "no/such/dir/x.mpy", tmp / "ok.py"}), 1);
    EXPECT_EQ(h.err, "OSError: (2, \"can't open " + (tmp / "no/such/dir/x.mpy") + "\")\n");
}

TEST(DriverRun, OutputThroughSymlinkOrIntoFifoIsWrittenInPlace) {
    TempDir tmp;
    tmp.write("x.py", "a\n");
    tmp.write("real.mpy", "old");
    fs::create_symlink(tmp / "real.mpy", tmp / "link.mpy");
    Harness h;
    ASSERT_EQ(h.run({"-o", tmp / "link.mpy", tmp / "x.py"}), 0) << h.err;
    EXPECT_TRUE(fs::is_symlink(tmp / "link.mpy")) << "the link must survive, as with mpy-cross";
    EXPECT_EQ(tmp.read("real.mpy"), "MPY|" + (tmp / "x.py") + "|O0|a\n");

    // A FIFO (like /dev/null, not a regular file) is opened and written, never renamed over.
    ASSERT_EQ(::mkfifo((tmp / "pipe").c_str(), 0600), 0);
    std::string received;
    std::thread reader([&] {
        std::ifstream in(tmp / "pipe", std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), {});
    });
    int rc = h.run({"-o", tmp / "pipe", tmp / "x.py"});
    reader.join();
    EXPECT_EQ(rc, 0) << h.err;
    EXPECT_EQ(received, "MPY|" + (tmp / "x.py") + "|O0|a\n");
    struct stat st {};
    ASSERT_EQ(::lstat((tmp / "pipe").c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(DriverRun, IdenticalOutputIsTouchedNotRewritten) {
    TempDir tmp;
    tmp.write("x.py", "a\n");
    Harness h;
    ASSERT_EQ(h.run({tmp / "x.py"}), 0);
    struct stat before {};
    ASSERT_EQ(::stat((tmp / "x.mpy").c_str(), &before), 0);
    fs::last_write_time(tmp / "x.mpy", fs::last_write_time(tmp / "x.mpy") - std::chrono::hours(1));
    const auto old_time = fs::last_write_time(tmp / "x.mpy");

    ASSERT_EQ(h.run({tmp / "x.py"}), 0);
    struct stat after {};
    ASSERT_EQ(::stat((tmp / "x.mpy").c_str(), &after), 0);
    EXPECT_EQ(before.st_ino, after.st_ino) << "same bytes: the file is kept";
    EXPECT_GT(fs::last_write_time(tmp / "x.mpy"), old_time + std::chrono::minutes(30)) << "but looks rebuilt";

    tmp.write("x.py", "b\n");  // same length, other bytes
    ASSERT_EQ(h.run({tmp / "x.py"}), 0);
    EXPECT_EQ(tmp.read("x.mpy"), "MPY|" + (tmp / "x.py") + "|O0|b\n");
}

TEST(DriverRun, StdinGoesToStdoutUnlessOutputIsNamed) {
    TempDir tmp;
    Harness h;
    h.stdin_text = "b = 2\n";
    EXPECT_EQ(h.run({"-"}), 0);
    EXPECT_EQ(h.out, "MPY|<stdin>|O0|b = 2\n");
    EXPECT_EQ(h.run({"-o", tmp / "s.mpy", "-"}), 0);
    EXPECT_EQ(h.out, "");
    EXPECT_EQ(tmp.read("s.mpy"), "MPY|<stdin>|O0|b = 2\n");
    tmp.write("f.py", "c\n");
    EXPECT_EQ(h.run({"-o", "-", tmp / "f.py"}), 0);
    EXPECT_EQ(h.out, "MPY|" + (tmp / "f.py") + "|O0|c\n");
}

TEST(DriverRun, JsonReportListsFilesAndDiagnostics) {
    TempDir tmp;
    tmp.write("good.py", "a\n");
    tmp.write("bad.py", "error\n");
    Harness h;
    EXPECT_EQ(h.run({"--json", tmp / "good.py", tmp / "bad.py"}), 1);
    EXPECT_EQ(h.err, "");  // the report replaces the text on stderr
    nlohmann::json doc = nlohmann::json::parse(h.out);
    EXPECT_EQ(doc["tool"], "mpyc");
    ASSERT_EQ(doc["files"].size(), 2u);
    EXPECT_EQ(doc["files"][0]["status"], "compiled");
    EXPECT_EQ(doc["files"][1]["status"], "failed");
    ASSERT_EQ(doc["diagnostics"].size(), 1u);
    EXPECT_EQ(doc["diagnostics"][0]["kind"], "SyntaxError");
    EXPECT_EQ(doc["diagnostics"][0]["line"], 1);
    EXPECT_EQ(doc["diagnostics"][0]["column"], 1);
    EXPECT_EQ(doc["summary"]["failed"], 1);
    EXPECT_EQ(doc["summary"]["compiled"], 1);
}

TEST(DriverRun, SeveralFilesCompileInParallelAndReportInOrder) {
    TempDir tmp;
    std::vector<std::string> args = {"-j4"};
    for (int i = 0; i < 40; ++i) {
        std::string name = "m" + std::to_string(i) + ".py";
        tmp.write(name, i % 10 == 3 ? "error\n" : "v = " + std::to_string(i) + "\n");
        args.push_back(tmp / name);
    }
    Harness h;
    EXPECT_EQ(h.run(args), 1);
    EXPECT_EQ(h.compiler.calls, 40);
    EXPECT_EQ(tmp.read("m7.mpy"), "MPY|" + (tmp / "m7.py") + "|O0|v = 7\n");
    EXPECT_FALSE(tmp.exists("m13.mpy"));
    // The four failures appear in command-line order.
    size_t p3 = h.err.find("m3.py"), p13 = h.err.find("m13.py"), p23 = h.err.find("m23.py"), p33 = h.err.find("m33.py");
    ASSERT_NE(p33, std::string::npos);
    EXPECT_LT(p3, p13);
    EXPECT_LT(p13, p23);
    EXPECT_LT(p23, p33);
}

// Sets a file's mtime `seconds` into the future, so a change is visible whatever the clock's grain.
void bump_mtime(const std::string& path, int seconds) {
    fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(seconds));
}

TEST(DriverIncremental, RebuildsOnlyWhatChanged) {
    TempDir tmp;
    tmp.write("src/a.py", "a = 1\n");
    tmp.write("src/pkg/b.py", "b = 1\n");
    tmp.write("src/pkg/c.py", "c = 1\n");
    Harness h;
    const std::vector<std::string> build = {"--tree", tmp / "src", "--out-dir", tmp / "out", "-j2"};

    ASSERT_EQ(h.run(build), 0) << h.err;
    EXPECT_EQ(h.compiler.calls, 3);
    EXPECT_EQ(tmp.read("out/pkg/b.mpy"), "MPY|pkg/b.py|O0|b = 1\n");
    EXPECT_TRUE(tmp.exists("out/.mpyc-stamp"));

    ASSERT_EQ(h.run(build), 0);
    EXPECT_EQ(h.compiler.calls, 0) << "nothing changed";

    tmp.write("src/pkg/b.py", "b = 22\n");
    bump_mtime(tmp / "src/pkg/b.py", 5);
    ASSERT_EQ(h.run(build), 0);
    EXPECT_EQ(h.compiler.calls, 1);
    EXPECT_EQ(tmp.read("out/pkg/b.mpy"), "MPY|pkg/b.py|O0|b = 22\n");

    // Same content, newer mtime: not recompiled, but the output becomes newer than the source.
    bump_mtime(tmp / "out/a.mpy", -100);
    const auto old_output_time = fs::last_write_time(tmp / "out/a.mpy");
    bump_mtime(tmp / "src/a.py", 10);
    ASSERT_EQ(h.run(build), 0);
    EXPECT_EQ(h.compiler.calls, 0);
    EXPECT_GT(fs::last_write_time(tmp / "out/a.mpy"), old_output_time + std::chrono::seconds(50));
    ASSERT_EQ(h.run(build), 0);
    EXPECT_EQ(h.compiler.calls, 0) << "the refreshed record is kept";

    fs::remove(tmp / "out/pkg/c.mpy");
    ASSERT_EQ(h.run(build), 0);
    EXPECT_EQ(h.compiler.calls, 1) << "a deleted output is rebuilt";

    tmp.write("src/new.py", "n\n");
    ASSERT_EQ(h.run(build), 0);
    EXPECT_EQ(h.compiler.calls, 1) << "a new source is built";

    std::vector<std::string> optimised = build;
    optimised.push_back("-O1");
    ASSERT_EQ(h.run(optimised), 0);
    EXPECT_EQ(h.compiler.calls, 4) << "other code-generation options rebuild everything";
    EXPECT_EQ(tmp.read("out/a.mpy"), "MPY|a.py|O1|a = 1\n");

    optimised.push_back("--force");
    ASSERT_EQ(h.run(optimised), 0);
    EXPECT_EQ(h.compiler.calls, 4);

    h.env.compiler_identity = "rebuilt-compiler";
    ASSERT_EQ(h.run({"--tree", tmp / "src", "--out-dir", tmp / "out", "-O1"}), 0);
    EXPECT_EQ(h.compiler.calls, 4) << "a new compiler build rebuilds everything";
}

TEST(DriverIncremental, FailedFilesAreRetriedAndOthersKept) {
    TempDir tmp;
    tmp.write("src/good.py", "g\n");
    tmp.write("src/bad.py", "error\n");
    Harness h;
    const std::vector<std::string> build = {"-r", tmp / "src", "--out-dir", tmp / "out"};
    EXPECT_EQ(h.run(build), 1);
    EXPECT_TRUE(tmp.exists("out/good.mpy"));
    EXPECT_FALSE(tmp.exists("out/bad.mpy"));
    // Stored as "bad.py", but the error names the file on disk.
    EXPECT_NE(h.err.find("File \"" + (tmp / "src/bad.py") + "\", line 1"), std::string::npos) << h.err;

    EXPECT_EQ(h.run(build), 1);
    EXPECT_EQ(h.compiler.calls, 1) << "only the failed file is tried again";

    tmp.write("src/bad.py", "fixed\n");
    bump_mtime(tmp / "src/bad.py", 5);
    EXPECT_EQ(h.run(build), 0);
    EXPECT_EQ(h.compiler.calls, 1);
    EXPECT_EQ(tmp.read("out/bad.mpy"), "MPY|bad.py|O0|fixed\n");
}

TEST(DriverDepfileRun, WritesRulesOnlyOnSuccess) {
    TempDir tmp;
    tmp.write("src/a.py", "a\n");
    tmp.write("src/sub/b.py", "b\n");
    Harness h;
    ASSERT_EQ(h.run({"-r", tmp / "src", "--out-dir", tmp / "out", "--depfile", tmp / "deps.d"}), 0);
    EXPECT_EQ(tmp.read("deps.d"), (tmp / "out/a.mpy") + ": " + (tmp / "src/a.py") + "\n" + (tmp / "out/sub/b.mpy") +
                                      ": " + (tmp / "src/sub/b.py") + "\n");

    ASSERT_EQ(h.run({"-r", tmp / "src", "--out-dir", tmp / "out", "--depfile", tmp / "one.d", "--depfile-target",
                     "out.stamp"}),
              0);
    EXPECT_EQ(tmp.read("one.d"), "out.stamp: \\\n  " + (tmp / "src/a.py") + " \\\n  " + (tmp / "src/sub/b.py") +
                                     " \\\n  " + (tmp / "src") + " \\\n  " + (tmp / "src/sub") + "\n");

    tmp.write("x.py", "x\n");
    ASSERT_EQ(h.run({tmp / "x.py", "--depfile", tmp / "x.d"}), 0);
    EXPECT_EQ(tmp.read("x.d"), (tmp / "x.mpy") + ": " + (tmp / "x.py") + "\n");

    tmp.write("e.py", "error\n");
    EXPECT_EQ(h.run({tmp / "e.py", "--depfile", tmp / "e.d"}), 1);
    EXPECT_FALSE(tmp.exists("e.d"));
}

TEST(DriverRun, TwoInputsForOneOutputAreRefused) {
    TempDir tmp;
    tmp.write("a/m.py", "1\n");
    tmp.write("b/m.py", "2\n");
    Harness h;
    EXPECT_EQ(h.run({tmp / "a/m.py", tmp / "b/m.py", "--out-dir", tmp / "out"}), 1);
    EXPECT_EQ(h.compiler.calls, 0);
    EXPECT_NE(h.err.find("would both be written to"), std::string::npos);
}

TEST(DriverRun, VerboseManyFileModeNamesEachFile) {
    TempDir tmp;
    tmp.write("src/a.py", "a\n");
    Harness h;
    ASSERT_EQ(h.run({"-v", "-r", tmp / "src", "--out-dir", tmp / "out"}), 0);
    EXPECT_NE(h.err.find("mpyc: compiled " + (tmp / "src/a.py") + " -> " + (tmp / "out/a.mpy")), std::string::npos);
    ASSERT_EQ(h.run({"-v", "-r", tmp / "src", "--out-dir", tmp / "out"}), 0);
    EXPECT_NE(h.err.find("mpyc: 0 compiled, 1 up to date, 0 failed"), std::string::npos) << h.err;
    // mpy-cross's -v prints nothing for a single file; neither does mpyc.
    ASSERT_EQ(h.run({"-v", tmp / "src/a.py"}), 0);
    EXPECT_EQ(h.err, "");
}

}  // namespace
}  // namespace mpy
