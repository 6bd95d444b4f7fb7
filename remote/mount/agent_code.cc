#include "remote/mount/agent_code.h"

namespace mpy::mount {

std::string squeeze_python(std::string_view source) {
    std::string out;
    std::vector<std::size_t> widths;  // indentation widths of the enclosing blocks
    std::size_t i = 0;
    while (i < source.size()) {
        std::size_t nl = source.find('\n', i);
        if (nl == std::string_view::npos) nl = source.size();
        std::string_view line = source.substr(i, nl - i);
        i = nl + 1;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        std::size_t width = line.find_first_not_of(' ');
        if (width == std::string_view::npos || line[width] == '#') continue;
        while (!widths.empty() && widths.back() > width) widths.pop_back();
        if (widths.empty() || widths.back() < width) widths.push_back(width);
        out.append(widths.size() - 1, ' ');
        out.append(line.substr(width));
        out += '\n';
    }
    return out;
}

std::vector<std::string> agent_pieces(std::string_view source) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start <= source.size()) {
        std::size_t cut = source.find("\n#>", start);
        std::size_t end = cut == std::string_view::npos ? source.size() : cut + 1;
        std::string piece = squeeze_python(source.substr(start, end - start));
        if (!piece.empty()) pieces.push_back(std::move(piece));
        if (cut == std::string_view::npos) break;
        std::size_t next = source.find('\n', cut + 1);
        start = next == std::string_view::npos ? source.size() + 1 : next + 1;
    }
    return pieces;
}

}  // namespace mpy::mount
