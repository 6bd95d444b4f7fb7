// `watch`: waits for changes below a host folder with inotify (every folder watched, new folders
// added as they appear, excluded names ignored) and reports them debounced: a burst of events (an
// editor's save writes, renames and deletes several files) counts as one change once the folder
// has been quiet for a moment.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

#include "remote/sync/exclude_rules.h"

namespace mpy::sync {

class HostWatcher {
public:
    using Ms = std::chrono::milliseconds;
    // Throws DiagnosticError when inotify is not available or the folder cannot be watched.
    HostWatcher(std::filesystem::path root, ExcludeRules rules);
    ~HostWatcher();
    HostWatcher(const HostWatcher&) = delete;
    HostWatcher& operator=(const HostWatcher&) = delete;

    // Waits up to `timeout` for a change; once one comes, keeps reading until `quiet` passes
    // without another (at most `longest` after the first).  Returns whether something changed.
    bool wait_for_change(Ms timeout, Ms quiet = Ms(60), Ms longest = Ms(300));

private:
    void watch_tree(const std::filesystem::path& dir);
    // Reads the pending events; true when one of them concerns a file that is not excluded.
    bool read_events();
    std::filesystem::path root_;
    ExcludeRules rules_;
    int fd_ = -1;
    std::map<int, std::string> relative_dirs_;  // watch descriptor -> folder relative to root ("" = root)
};

}  // namespace mpy::sync
