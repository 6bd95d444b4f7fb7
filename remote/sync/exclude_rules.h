// Which host files `sync` and `watch` leave out (--exclude PATTERN, repeatable), and which board
// files they leave alone: an excluded board file is neither compared nor deleted (--delete), as
// rsync protects what it excludes.
//
// A pattern is a shell glob (fnmatch).  Without '/', it is matched against each component of a
// path ("__pycache__" leaves out every such folder and what it holds, "*.txt" every text file);
// with '/', against the whole path relative to the synced folder ("lib/big/*").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpy::sync {

// __pycache__, .git and editors' backups and swap files (emacs's "x~" and "#x#", vim's ".x.swp").
const std::vector<std::string>& default_excludes();

class ExcludeRules {
public:
    // The defaults followed by `extra` (the user's --exclude patterns).
    explicit ExcludeRules(const std::vector<std::string>& extra = {});

    // `relative`: a path below the synced folder, components separated by '/'.
    bool excluded(std::string_view relative) const;
    const std::vector<std::string>& patterns() const { return patterns_; }

private:
    std::vector<std::string> patterns_;
};

}  // namespace mpy::sync
