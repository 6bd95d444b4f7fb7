#include "remote/protocol/answer_lines.h"

namespace mpy {

std::vector<std::string> answer_lines(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) out.emplace_back(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

}  // namespace mpy
