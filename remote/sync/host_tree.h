// The host side of `sync`: the files and folders below LOCAL_DIR that are not excluded, read into
// memory (a project for a microcontroller is small), and with --compile its .py files compiled to
// .mpy for the board.
#pragma once

#include <filesystem>
#include <string>

#include "remote/sync/exclude_rules.h"
#include "remote/sync/sync_plan.h"

namespace mpy::sync {

// Throws DiagnosticError when `root` is not a folder or a file cannot be read.  Symbolic links are
// followed (a link to a folder that is already being read is refused as a loop).
HostTree read_host_tree(const std::filesystem::path& root, const ExcludeRules& rules);

// Whether --compile turns this file into .mpy: every .py except boot.py and main.py, which the
// board runs by name.
bool compiles_to_mpy(const std::string& relative);

// Compiles every eligible .py of `tree` to .mpy with mpytools' compiler (renaming it), for a board
// that loads .mpy version `board_mpy_version`.  Throws DiagnosticError naming file and line when a
// file does not compile, when the board's .mpy version is not the compiler's, and when the host
// has both "a.py" and "a.mpy".  `root` names the files in messages.
void compile_host_tree(HostTree& tree, const std::string& board_mpy_version, const std::filesystem::path& root);

}  // namespace mpy::sync
