// Make/ninja dependency files (--depfile), in the syntax gcc -MD writes.
//
// Two shapes, because make and ninja want different things from a many-file command:
//  - per output (default):   out/a.mpy: src/a.py
//                            out/b.mpy: src/b.py
//    one rule per compiled file; make can `-include` it, and ninja accepts it for an edge that
//    lists every output.
//  - one target (--depfile-target T):   T: src/a.py src/b.py src src/pkg
//    every source plus every directory scanned for a tree (a directory's mtime changes when a file
//    is added or removed, so a new module re-runs mpyc); for a ninja edge whose single output is a
//    stamp file.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mpy {

// Escapes a path for a make rule: spaces and '#' get a backslash, '$' is doubled.
std::string escape_make_path(std::string_view path);

// `rules` are (output, input) pairs.
std::string depfile_per_output(const std::vector<std::pair<std::string, std::string>>& rules);

std::string depfile_single_target(std::string_view target, const std::vector<std::string>& prerequisites);

}  // namespace mpy
