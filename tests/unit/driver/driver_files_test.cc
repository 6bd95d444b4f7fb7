// Output naming, tree discovery, the stamp file and depfile text of the mpyc driver.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/diagnostics.h"
#include "compiler/driver/driver_depfile.h"
#include "compiler/driver/driver_io.h"
#include "compiler/driver/driver_paths.h"
#include "compiler/driver/driver_stamp.h"
#include "driver_test_util.h"

namespace mpy {
namespace {

TEST(DriverNaming, DefaultOutputFollowsMpyCross) {
    EXPECT_EQ(default_output_name("x.py"), "x.mpy");
    EXPECT_EQ(default_output_name("dir/mod.py"), "dir/mod.mpy");
    // mpy-cross cuts two characters whatever they are.
    EXPECT_EQ(default_output_name("foo"), "fmpy");
    EXPECT_EQ(default_output_name("a.txt"), "a.tmpy");
    EXPECT_EQ(default_output_name("x"), "mpy");
}

TEST(DriverNaming, PlanForOneFileAndStdin) {
    DriverOptions o;
    o.inputs = {"src/x.py"};
    BuildPlan plan = plan_build(o);
    ASSERT_EQ(plan.jobs.size(), 1u);
    EXPECT_EQ(plan.jobs[0].output, "src/x.mpy");
    EXPECT_EQ(plan.jobs[0].source_name, "src/x.py");
    EXPECT_FALSE(plan.incremental);

    o.inputs = {"-"};
    plan = plan_build(o);
    EXPECT_EQ(plan.jobs[0].output, "-");
    EXPECT_EQ(plan.jobs[0].source_name, "<stdin>");

    o.output = "o.mpy";
    o.source_name = "shown.py";
    plan = plan_build(o);
    EXPECT_EQ(plan.jobs[0].output, "o.mpy");
    EXPECT_EQ(plan.jobs[0].source_name, "shown.py");
}

TEST(DriverNaming, ExplicitFilesIntoOutDirAndCollisions) {
    DriverOptions o;
    o.inputs = {"a/one.py", "b/two.py"};
    o.out_dir = "out";
    BuildPlan plan = plan_build(o);
    ASSERT_EQ(plan.jobs.size(), 2u);
    EXPECT_TRUE(plan.incremental);
    EXPECT_EQ(plan.jobs[0].output, "out/one.mpy");
    EXPECT_EQ(plan.jobs[0].stamp_key, "one.mpy");
    EXPECT_EQ(plan.jobs[1].source_name, "b/two.py");

    o.inputs = {"a/same.py", "b/same.py"};
    EXPECT_THROW(plan_build(o), DiagnosticError);
}

TEST(DriverTree, FindsPythonFilesSortedSkippingHiddenAndCaches) {
    TempDir tmp;
    tmp.write("z.py", "");
    tmp.write("a.py", "");
    tmp.write("notes.txt", "");
    tmp.write("pkg/__init__.py", "");
    tmp.write("pkg/sub/deep.py", "");
    tmp.write(".git/hook.py", "");
    tmp.write("__pycache__/cached.py", "");
    tmp.write("pkg/.hidden/h.py", "");
    std::vector<std::string> dirs;
    std::vector<std::string> files = find_python_sources(tmp.path(), &dirs);
    EXPECT_EQ(files, (std::vector<std::string>{"a.py", "pkg/__init__.py", "pkg/sub/deep.py", "z.py"}));
    EXPECT_EQ(dirs, (std::vector<std::string>{tmp.path(), tmp.path() + "/pkg", tmp.path() + "/pkg/sub"}));
    EXPECT_THROW(find_python_sources(tmp.path() + "/a.py"), DiagnosticError);
    EXPECT_THROW(find_python_sources(tmp.path() + "/missing"), DiagnosticError);
}

TEST(DriverTree, PlanMirrorsTheTree) {
    TempDir tmp;
    tmp.write("src/main.py", "");
    tmp.write("src/lib/util.py", "");
    DriverOptions o;
    o.trees = {tmp.path() + "/src"};
    o.out_dir = tmp.path() + "/out";
    BuildPlan plan = plan_build(o);
    ASSERT_EQ(plan.jobs.size(), 2u);
    EXPECT_EQ(plan.jobs[0].input, tmp.path() + "/src/lib/util.py");
    EXPECT_EQ(plan.jobs[0].output, tmp.path() + "/out/lib/util.mpy");
    EXPECT_EQ(plan.jobs[0].source_name, "lib/util.py");
    EXPECT_EQ(plan.jobs[0].stamp_key, "lib/util.mpy");
    EXPECT_EQ(plan.jobs[1].source_name, "main.py");

    o.out_dir.reset();  // outputs next to the sources
    plan = plan_build(o);
    EXPECT_EQ(plan.jobs[1].output, tmp.path() + "/src/main.mpy");
    EXPECT_FALSE(plan.incremental);
}

TEST(DriverStamp, RoundTripsAndRejectsDamage) {
    StampFile s;
    s.fingerprint = "mpyc-0.1 O=0";
    s.entries["lib/a.mpy"] = StampEntry{"src/lib/a.py", SourceState{12, 1700000000123456789, 0xdeadbeefcafef00dull}};
    s.entries["b.mpy"] = StampEntry{"src/b c.py", SourceState{0, 5, 1}};
    std::string text = format_stamp(s);
    StampFile back = parse_stamp(text);
    EXPECT_EQ(back.fingerprint, s.fingerprint);
    ASSERT_EQ(back.entries.size(), 2u);
    EXPECT_EQ(back.entries["lib/a.mpy"].source, "src/lib/a.py");
    EXPECT_EQ(back.entries["lib/a.mpy"].state.hash, 0xdeadbeefcafef00dull);
    EXPECT_EQ(back.entries["lib/a.mpy"].state.mtime_ns, 1700000000123456789);
    EXPECT_EQ(back.entries["b.mpy"].source, "src/b c.py");

    EXPECT_TRUE(parse_stamp(text.substr(0, text.size() - 3)).entries.empty());  // truncated
    EXPECT_TRUE(parse_stamp("garbage\n").fingerprint.empty());
}

TEST(DriverStamp, FingerprintCoversCodeGenerationOptions) {
    std::string base = make_fingerprint("id", 0, 31, "", 0, "", "1.28");
    EXPECT_NE(base, make_fingerprint("id2", 0, 31, "", 0, "", "1.28"));
    EXPECT_NE(base, make_fingerprint("id", 1, 31, "", 0, "", "1.28"));
    EXPECT_NE(base, make_fingerprint("id", 0, 16, "", 0, "", "1.28"));
    EXPECT_NE(base, make_fingerprint("id", 0, 31, "x64", 0, "", "1.28"));
    EXPECT_NE(base, make_fingerprint("id", 0, 31, "rv32imc", 1, "", "1.28"));
    EXPECT_NE(base, make_fingerprint("id", 0, 31, "", 0, "bytecode", "1.28"));
    EXPECT_NE(base, make_fingerprint("id", 0, 31, "", 0, "", "1.27"));
    EXPECT_EQ(base, make_fingerprint("id", 0, 31, "", 0, "", "1.28"));
}

TEST(DriverStamp, FreshnessDecisions) {
    StampEntry rec{"a.py", SourceState{10, 100, 42}};
    EXPECT_EQ(check_freshness(std::nullopt, "a.py", rec.state, false, true), Freshness::Stale);
    EXPECT_EQ(check_freshness(rec, "a.py", rec.state, false, true), Freshness::UpToDate);
    EXPECT_EQ(check_freshness(rec, "a.py", rec.state, false, false), Freshness::Stale);  // output deleted
    EXPECT_EQ(check_freshness(rec, "other.py", rec.state, false, true), Freshness::Stale);
    SourceState touched{10, 200, 0};
    EXPECT_EQ(check_freshness(rec, "a.py", touched, false, true), Freshness::NeedsContent);
    touched.hash = 42;
    EXPECT_EQ(check_freshness(rec, "a.py", touched, true, true), Freshness::SameContent);
    touched.hash = 43;
    EXPECT_EQ(check_freshness(rec, "a.py", touched, true, true), Freshness::Stale);
    EXPECT_EQ(check_freshness(rec, "a.py", SourceState{11, 100, 0}, false, true), Freshness::Stale);
}

TEST(DriverStamp, ContentHashDistinguishesTexts) {
    EXPECT_EQ(content_hash(""), 0xcbf29ce484222325ull);  // FNV-1a offset basis
    EXPECT_EQ(content_hash("a"), 0xaf63dc4c8601ec8cull);  // published FNV-1a 64 test vector
    EXPECT_NE(content_hash("x = 1\n"), content_hash("x = 2\n"));
}

TEST(DriverDepfile, PerOutputRulesEscapePaths) {
    std::string text = depfile_per_output({{"out/a.mpy", "src/a.py"}, {"out/my mod.mpy", "src/my mod.py"}});
    EXPECT_EQ(text, "out/a.mpy: src/a.py\nout/my\\ mod.mpy: src/my\\ mod.py\n");
    EXPECT_EQ(escape_make_path("a#b$c"), "a\\#b$$c");
}

TEST(DriverDepfile, SingleTargetListsEveryPrerequisite) {
    EXPECT_EQ(depfile_single_target("out/.stamp", {"src/a.py", "src"}), "out/.stamp: \\\n  src/a.py \\\n  src\n");
    EXPECT_EQ(depfile_single_target("t", {}), "t:\n");
}

TEST(DriverIo, OsErrorTextMatchesMpyCross) {
    EXPECT_EQ(oserror_text(FileAccessError(2, "nofile.py", true)), "OSError: (2, \"can't open nofile.py\")\n");
    EXPECT_EQ(oserror_text(FileAccessError(21, "dir", false)), "OSError: 21\n");
    // A name with both quote kinds makes repr() fall back to single quotes with escapes.
    EXPECT_EQ(python_str_repr("can't \"x\"\n"), "'can\\'t \"x\"\\n'");
    EXPECT_EQ(python_str_repr("a\x01"), "'a\\x01'");
    EXPECT_EQ(errno_from_message("cannot create file: No such file or directory"), 2);
    EXPECT_EQ(errno_from_message("cannot replace file: Is a directory"), 21);
}

TEST(DriverIo, ReadsFilesAndReportsErrno) {
    TempDir tmp;
    tmp.write("a.py", "x = 1\n");
    EXPECT_EQ(read_source_file(tmp.path() + "/a.py"), "x = 1\n");
    try {
        read_source_file(tmp.path() + "/missing.py");
        FAIL() << "no error";
    } catch (const FileAccessError& e) {
        EXPECT_EQ(e.error(), ENOENT);
        EXPECT_TRUE(e.opening());
    }
    try {
        read_source_file(tmp.path());
        FAIL() << "no error";
    } catch (const FileAccessError& e) {
        EXPECT_EQ(e.error(), EISDIR);
        EXPECT_FALSE(e.opening());
    }
}

}  // namespace
}  // namespace mpy
