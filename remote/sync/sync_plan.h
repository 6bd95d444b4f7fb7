// What `sync` does to the board, decided from the host's files and the board's fingerprints alone
// (no I/O here, so that every case can be unit-tested): which folders to make, which files to
// send (new or changed), which are already there, and with --delete which board files and folders
// to remove.  Paths are relative to the synced folders, components separated by '/'.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "remote/sync/fingerprint.h"

namespace mpy::sync {

struct HostFile {
    std::string relative;
    std::string data;  // what lands on the board (the .mpy with --compile)
    // With --compile, the source this .mpy came from ("a.py" for "a.mpy"): a board copy of it
    // would be imported instead of the .mpy (MicroPython looks for .py first), so it is removed.
    std::string shadowed_source;
};

struct HostTree {
    std::vector<std::string> dirs;   // parents before children
    std::vector<HostFile> files;
};

struct RemoteEntry {
    std::string relative;
    bool is_dir = false;
    std::string fingerprint;  // files only, in the tree's kind
};

struct RemoteTree {
    bool exists = true;  // false: the board folder is still to be made
    FingerprintKind kind = FingerprintKind::sha256;
    std::vector<RemoteEntry> entries;
};

struct PlanOptions {
    bool delete_extra = false;  // --delete
};

struct PlannedSend {
    std::string relative;
    std::size_t size = 0;
    bool is_new = false;  // false: replaces a board file with other content
};

struct SyncPlan {
    std::vector<std::string> make_dirs;     // parents first
    std::vector<PlannedSend> send;
    std::vector<std::string> unchanged;
    // Board entries in the way of a host file or folder of the other kind (--delete only): deleted
    // before anything is made or sent, files first, folders deepest first.
    std::vector<std::string> clear_files;
    std::vector<std::string> clear_dirs;
    // Board files and folders the host does not have (--delete), and the sources of modules now
    // sent compiled: deleted once the files sent are in place, files first, folders deepest first.
    std::vector<std::string> delete_files;
    std::vector<std::string> delete_dirs;
    // Where the host and the board disagree on what a name is (a file here, a folder there) and
    // --delete was not given: the sync is refused, nothing is changed.
    std::vector<std::string> conflicts;

    std::size_t bytes_to_send() const;
    std::size_t deletions() const {
        return clear_files.size() + clear_dirs.size() + delete_files.size() + delete_dirs.size();
    }
    bool changes_nothing() const { return make_dirs.empty() && send.empty() && deletions() == 0; }
};

// `host` must not hold excluded files; `remote` entries that are excluded must already be left out.
SyncPlan plan_sync(const HostTree& host, const RemoteTree& remote, const PlanOptions& options);

}  // namespace mpy::sync
