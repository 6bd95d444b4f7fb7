#include "compiler/driver/driver_depfile.h"

namespace mpy {

std::string escape_make_path(std::string_view path) {
    std::string out;
    out.reserve(path.size());
    for (char c : path) {
        if (c == ' ' || c == '#') {
            out += '\\';
        } else if (c == '$') {
            out += '$';
        }
        out += c;
    }
    return out;
}

std::string depfile_per_output(const std::vector<std::pair<std::string, std::string>>& rules) {
    std::string out;
    for (const auto& [output, input] : rules) {
        out += escape_make_path(output);
        out += ": ";
        out += escape_make_path(input);
        out += '\n';
    }
    return out;
}

std::string depfile_single_target(std::string_view target, const std::vector<std::string>& prerequisites) {
    std::string out = escape_make_path(target);
    out += ':';
    for (const auto& p : prerequisites) {
        out += " \\\n  ";
        out += escape_make_path(p);
    }
    out += '\n';
    return out;
}

}  // namespace mpy
