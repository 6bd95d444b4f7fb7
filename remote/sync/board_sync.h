// `sync` carried out: the host tree read (and compiled), the board's tree read in one round trip,
// the plan made (sync_plan.h) and applied through BoardFs.  Files are staged under temporary names
// ("NAME.mpr~", each written and verified) and renamed into place together at the end, so a sync
// that is stopped half-way leaves every board file as it was (boards without os.rename, the
// micro:bit, get each file written in place and verified).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "remote/board/board_fs.h"
#include "remote/protocol/raw_repl.h"
#include "remote/sync/exclude_rules.h"
#include "remote/sync/sync_plan.h"

namespace mpy::sync {

struct SyncRequest {
    std::filesystem::path local_dir;
    std::string remote_dir;  // "" = the board's working directory
    std::vector<std::string> excludes;
    bool delete_extra = false;
    bool dry_run = false;
    bool compile = false;
};

struct SyncReport {
    std::size_t sent = 0, unchanged = 0, deleted = 0, folders_made = 0;
    std::size_t bytes = 0;
    std::chrono::duration<double> elapsed{};
    bool dry_run = false;  // the counts are what a sync would do
    std::string summary() const;  // "sent 3 files (1.2 KB), 57 unchanged, 0 deleted in 0.21 s (5.7 KB/s)"
};

// What the user sees, line by line ("send lib/a.py (new, 120 bytes)").
using SayFn = std::function<void(const std::string&)>;

// The board path of `relative` below `remote_dir`.
std::string board_path(const std::string& remote_dir, const std::string& relative);

class BoardSync {
public:
    BoardSync(RawRepl& repl, BoardFs& fs) : repl_(repl), fs_(fs) {}

    // Throws DiagnosticError (nothing changed on the board) for a host folder that cannot be
    // read, a file that does not compile, conflicts (sync_plan.h), a flat board and a project
    // with folders.
    SyncReport run(const SyncRequest& request, const SayFn& say, const ProgressFn& progress = {});

private:
    // `root_dirs`: the board folder and its parents, when it does not exist yet.
    void apply(const SyncPlan& plan, const HostTree& host, const std::string& remote_dir,
               const std::vector<std::string>& root_dirs, const SayFn& say, const ProgressFn& progress,
               SyncReport& report);
    // Stages every file to send under its temporary name, then renames them all into place.
    void send_files(const SyncPlan& plan, const HostTree& host, const std::string& remote_dir, const SayFn& say,
                    const ProgressFn& progress, SyncReport& report);
    RawRepl& repl_;
    BoardFs& fs_;
};

}  // namespace mpy::sync
