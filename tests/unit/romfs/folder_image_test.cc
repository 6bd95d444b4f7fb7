// Images of host folders (romfs build): the tree mpremote prints, sorted entries, .py compiled
// with our compiler unless the .mpy is already there or --no-mpy, and clear errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "common/diagnostics.h"
#include "compiler/compiler.h"
#include "remote/romfs/folder_image.h"
#include "remote/romfs/romfs_image.h"
#include "tests/unit/driver/driver_test_util.h"

namespace mpy::romfs {
namespace {

struct Built {
    std::string image;
    std::vector<std::string> lines;
};

Built build(const std::string& folder, bool compile) {
    Built b;
    FolderImageOptions o;
    o.compile = compile;
    o.print = [&](std::string_view line) { b.lines.emplace_back(line); };
    b.image = build_folder_image(folder, o);
    return b;
}

TEST(RomfsFolderImage, SourceFilesKeptWithNoMpyInSortedOrder) {
    TempDir d;
    d.write("src/b.py", "print(1)\n");
    d.write("src/A.txt", "hi");
    d.write("src/lib/m.py", "x=1\n");
    Built b = build(d / "src", false);
    EXPECT_EQ(b.lines, (std::vector<std::string>{"Building romfs filesystem, source directory: " + (d / "src/"), "/",
                                                 "|-- A.txt", "|-- b.py", "\\-- lib/", "    \\-- m.py"}));
    ImageWriter expected;
    expected.add_file("A.txt", "hi");
    expected.add_file("b.py", "print(1)\n");
    expected.open_dir("lib");
    expected.add_file("m.py", "x=1\n");
    expected.close_dir();
    EXPECT_EQ(b.image, expected.finish());
}

TEST(RomfsFolderImage, NestedTreeLinesMatchMpremotes) {
    TempDir d;
    d.write("s/a/x.txt", "1");
    d.write("s/a/y/z.txt", "2");
    d.write("s/b.txt", "3");
    Built b = build(d / "s/", false);  // a trailing slash is kept as given
    EXPECT_EQ(b.lines, (std::vector<std::string>{"Building romfs filesystem, source directory: " + (d / "s/"), "/",
                                                 "|-- a/", "|   |-- x.txt", "|   \\-- y/", "|       \\-- z.txt",
                                                 "\\-- b.txt"}));
}

TEST(RomfsFolderImage, PyCompiledToMpyUnlessTheMpyIsThere) {
    TempDir d;
    d.write("s/m.py", "def f():\n    return 42\n");
    d.write("s/p.py", "y=2\n");
    d.write("s/p.mpy", "precompiled");
    Built b = build(d / "s", true);
    EXPECT_EQ(b.lines[2], "|-- m.py -> .mpy");
    EXPECT_EQ(b.lines[3], "|-- p.mpy");
    EXPECT_EQ(b.lines[4], "\\-- p.py");
    CompileOptions o;
    o.source_name = d / "s/m.py";
    ImageWriter expected;
    expected.add_file("m.mpy", compile_to_mpy("def f():\n    return 42\n", o));
    expected.add_file("p.mpy", "precompiled");
    expected.add_file("p.py", "y=2\n");
    EXPECT_EQ(b.image, expected.finish());
}

TEST(RomfsFolderImage, CompileErrorNamesFileAndLine) {
    TempDir d;
    d.write("s/ok.py", "x=1\n");
    d.write("s/bad.py", "x=1\ndef (:\n");
    try {
        build(d / "s", true);
        FAIL() << "a syntax error must stop the build";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find(d / "s/bad.py:2: SyntaxError"), std::string::npos)
            << e.diagnostic().message;
    }
    EXPECT_NO_THROW(build(d / "s", false));  // --no-mpy keeps the source as it is
}

TEST(RomfsFolderImage, MissingFolderAndNonAsciiNamesAreErrors) {
    TempDir d;
    EXPECT_THROW(build(d / "nothing", false), DiagnosticError);
    d.write("s/caf\xc3\xa9.txt", "x");
    try {
        build(d / "s", false);
        FAIL() << "a non-ASCII name must be refused";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("ASCII"), std::string::npos) << e.diagnostic().message;
    }
}

}  // namespace
}  // namespace mpy::romfs
