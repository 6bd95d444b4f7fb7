// The board side of `sync`: every file and folder below the board folder with its fingerprint
// (fingerprint.h), gathered by one snippet in one round trip however many files there are.
#pragma once

#include <string>
#include <string_view>

#include "remote/board/board_caps.h"
#include "remote/board/lossy_line.h"
#include "remote/sync/exclude_rules.h"
#include "remote/sync/sync_plan.h"

namespace mpy::sync {

// The board code that walks `root` ("" = the working directory, "/", "/lib") and prints a line
// per entry: "D 'rel'" for a folder, "F FINGERPRINT 'rel'" for a file; "N" alone when `root`
// does not exist, "X" when it is a file; last "E COUNT".  A board without directories (the
// micro:bit) lists its one flat folder.
std::string remote_tree_code(const BoardCaps& caps, std::string_view root);

// Parses that output; entries `rules` excludes are left out.  Throws DiagnosticError when the
// output is not of that shape (a snippet that arrived damaged on a lossy line) or `root` is a file.
RemoteTree parse_remote_tree(const BoardCaps& caps, std::string_view output, std::string_view root,
                             const ExcludeRules& rules);

// Runs the snippet (asking again when the answer is damaged on a lossy line) and parses it.
RemoteTree read_remote_tree(LossyLineRunner& runner, bool may_lose_bytes, const BoardCaps& caps,
                            std::string_view root, const ExcludeRules& rules);

}  // namespace mpy::sync
