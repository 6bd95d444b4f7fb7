// The lines of a board's printed answer: split at '\n', the '\r' the board's terminal adds
// dropped, empty lines left out.  The lines are owned copies, so they outlive the answer they
// came from (views into a temporary answer were a use-after-scope once).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpy {

std::vector<std::string> answer_lines(std::string_view text);

}  // namespace mpy
