// The host side of sync: the folder read with the excludes, and --compile's renaming.
#include "remote/sync/host_tree.h"

#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "tests/unit/driver/driver_test_util.h"

namespace mpy::sync {
namespace {

std::vector<std::string> names(const HostTree& t) {
    std::vector<std::string> out;
    for (const HostFile& f : t.files) out.push_back(f.relative);
    return out;
}

TEST(SyncHostTree, ReadsFilesAndFoldersSortedLeavingOutExcludedOnes) {
    TempDir d;
    d.write("main.py", "import lib.a\n");
    d.write("lib/a.py", "A = 1\n");
    d.write("lib/__pycache__/a.cpython-311.pyc", "cache");
    d.write("lib/notes.txt", "notes");
    d.write("b.py~", "backup");
    d.write("empty/.keep", "");
    HostTree t = read_host_tree(d.path(), ExcludeRules({"*.txt"}));
    EXPECT_EQ(t.dirs, (std::vector<std::string>{"empty", "lib"}));
    EXPECT_EQ(names(t), (std::vector<std::string>{"empty/.keep", "lib/a.py", "main.py"}));
    EXPECT_EQ(t.files[1].data, "A = 1\n");
}

TEST(SyncHostTree, AFileIsNotAFolder) {
    TempDir d;
    d.write("x.py", "");
    EXPECT_THROW(read_host_tree(d / "x.py", ExcludeRules()), DiagnosticError);
    EXPECT_THROW(read_host_tree(d / "missing", ExcludeRules()), DiagnosticError);
}

TEST(SyncHostTree, CompileTurnsModulesIntoMpyButNotMainAndBoot) {
    TempDir d;
    d.write("main.py", "import util\n");
    d.write("boot.py", "pass\n");
    d.write("util.py", "def f():\n    return 42\n");
    d.write("lib/main.py", "X = 1\n");  // only the top-level main.py is run by name
    d.write("data.json", "{}");
    HostTree t = read_host_tree(d.path(), ExcludeRules());
    compile_host_tree(t, "6", d.path());
    EXPECT_EQ(names(t), (std::vector<std::string>{"boot.py", "data.json", "lib/main.mpy", "main.py", "util.mpy"}));
    EXPECT_EQ(t.files[4].shadowed_source, "util.py");
    ASSERT_GE(t.files[4].data.size(), 4u);
    EXPECT_EQ(t.files[4].data[0], 'M');  // an .mpy header
    EXPECT_EQ(t.files[4].data[1], '\x06');
    EXPECT_EQ(t.files[3].data, "import util\n");
}

TEST(SyncHostTree, CompileErrorsNameFileAndLineAndBoardsThatCannotLoadMpy) {
    TempDir d;
    d.write("ok.py", "A = 1\n");
    d.write("bad.py", "A = 1\ndef f(:\n");
    HostTree t = read_host_tree(d.path(), ExcludeRules());
    try {
        compile_host_tree(t, "6", d.path());
        FAIL() << "a syntax error compiled";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("bad.py:2"), std::string::npos) << e.diagnostic().message;
    }
    HostTree again = read_host_tree(d.path(), ExcludeRules());
    EXPECT_THROW(compile_host_tree(again, "py", d.path()), DiagnosticError);  // the micro:bit
    EXPECT_THROW(compile_host_tree(again, "5", d.path()), DiagnosticError);
}

TEST(SyncHostTree, CompileRefusesASourceBesideItsOwnMpy) {
    TempDir d;
    d.write("a.py", "A = 1\n");
    d.write("a.mpy", "M\x06");
    HostTree t = read_host_tree(d.path(), ExcludeRules());
    EXPECT_THROW(compile_host_tree(t, "6", d.path()), DiagnosticError);
}

}  // namespace
}  // namespace mpy::sync
