// The mount agent as it is sent: split into pieces that a board with little RAM compiles one at
// a time, with comments, blank lines and most indentation squeezed out (fewer bytes on a slow
// line, less to hold while compiling).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpy::mount {

// `source` split at its "#>" lines, each piece squeezed (see squeeze_python).
std::vector<std::string> agent_pieces(std::string_view source);

// Drops comment-only and blank lines and re-indents each block by one space per level.  Only
// for code written for it (as the agents are): no multi-line strings, no '#' inside strings.
std::string squeeze_python(std::string_view source);

}  // namespace mpy::mount
