#include "remote/sync/exclude_rules.h"

#include <fnmatch.h>

namespace mpy::sync {

const std::vector<std::string>& default_excludes() {
    static const std::vector<std::string> patterns = {"__pycache__", ".git", "*~", "#*#", ".#*", ".*.sw?"};
    return patterns;
}

ExcludeRules::ExcludeRules(const std::vector<std::string>& extra) : patterns_(default_excludes()) {
    patterns_.insert(patterns_.end(), extra.begin(), extra.end());
}

bool ExcludeRules::excluded(std::string_view relative) const {
    const std::string whole(relative);
    for (const std::string& p : patterns_) {
        if (p.find('/') != std::string::npos) {
            // Anchored to the synced folder; a match of a folder covers what is below it.
            std::string anchored = p.front() == '/' ? p.substr(1) : p;
            while (!anchored.empty() && anchored.back() == '/') anchored.pop_back();
            for (std::size_t end = whole.find('/');; end = whole.find('/', end + 1)) {
                std::string prefix = whole.substr(0, end);
                if (fnmatch(anchored.c_str(), prefix.c_str(), FNM_PATHNAME) == 0) return true;
                if (end == std::string::npos) break;
            }
            continue;
        }
        std::size_t start = 0;
        while (start <= whole.size()) {
            std::size_t end = whole.find('/', start);
            std::string component = whole.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (fnmatch(p.c_str(), component.c_str(), 0) == 0) return true;
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return false;
}

}  // namespace mpy::sync
