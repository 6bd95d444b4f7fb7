// Which files one mpyc call compiles, where each result goes, and what name is stored in it.
//
// Naming rules (see man/mpyc.1, FILES):
//  - one input, mpy-cross style: output is the input with its last two characters replaced by
//    "mpy" (mpy-cross's rule, so "x.py" -> "x.mpy" but also "foo" -> "fmpy"); the stored source
//    name is the input path as given, or -s.
//  - explicit files with --out-dir: OUT/<name>.mpy (the file name only; two inputs landing on the
//    same output are an error), stored name as given.
//  - a tree (-r/--tree DIR): every *.py below DIR (hidden directories and __pycache__ skipped),
//    output at the same relative place under OUT (or next to the source without --out-dir), and the
//    stored name is the path relative to DIR ("pkg/mod.py"), as it would be imported on the board.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/driver/driver_options.h"

namespace mpy {

struct CompileJob {
    std::string input;        // path to read; "-" = stdin
    std::string output;       // path to write; "-" = stdout
    std::string source_name;  // stored in the .mpy (and used in its error messages)
    std::string stamp_key;    // output path relative to --out-dir; "" when not incremental
};

struct BuildPlan {
    std::vector<CompileJob> jobs;
    // Every directory scanned for a tree: adding or removing a source changes its mtime, so a
    // depfile listing them makes the build system re-run mpyc for new files.
    std::vector<std::string> scanned_dirs;
    // True when outputs go to --out-dir: an up-to-date check against the stamp file is possible.
    bool incremental = false;
};

// mpy-cross's default output name: drop the last two characters, append "mpy".
std::string default_output_name(std::string_view input);

// The *.py files below `root` as sorted paths relative to it ("a.py", "pkg/b.py"), plus the
// directories visited (as `root`-prefixed paths) when `dirs` is given.  Throws DiagnosticError
// if `root` is not a readable directory.
std::vector<std::string> find_python_sources(const std::string& root, std::vector<std::string>* dirs = nullptr);

// The jobs for `options` (a Run outcome).  Throws DiagnosticError for an unreadable tree or two
// inputs that would write the same output.
BuildPlan plan_build(const DriverOptions& options);

// `a` joined with `b` by exactly one '/' (no normalisation, so paths stay as the user wrote them).
std::string join_path(std::string_view a, std::string_view b);

}  // namespace mpy
