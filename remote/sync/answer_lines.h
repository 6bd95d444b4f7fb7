// The lines of a board's printed answer: split at '\n', the '\r' the board's terminal adds
// dropped, empty lines left out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpy::sync {

std::vector<std::string> answer_lines(std::string_view text);

}  // namespace mpy::sync
