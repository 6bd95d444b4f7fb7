#include "remote/sync/board_sync.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/diagnostics.h"
#include "remote/board/lossy_line.h"
#include "remote/mip/mip_board.h"
#include "remote/sync/deferred_sigint.h"
#include "remote/sync/batch_upload.h"
#include "remote/sync/host_tree.h"
#include "remote/sync/remote_tree.h"

namespace mpy::sync {
namespace {

constexpr const char* kTemporarySuffix = ".mpr~";

// Runs a step on the board; an exception the board raised is reported with what was being done
// ("sync: writing /app/x.py.mpr~: OSError: [Errno 28] ENOSPC").
template <typename F>
void with_board_errors(const std::string& doing, F&& step) {
    try {
        step();
    } catch (const RemoteExecError& e) {
        raise_error("sync: " + doing + ": " + e.diagnostic().message);
    }
}

std::string human_bytes(double n) {
    if (n < 1024) return fmt::format("{:.0f} bytes", n);
    if (n < 1024 * 1024) return fmt::format("{:.1f} KB", n / 1024);
    return fmt::format("{:.1f} MB", n / 1024 / 1024);
}

// A board folder as the user wrote it (":" and ":/lib/" without the colon): "" stays the working
// directory; trailing slashes go.
std::string normal_remote_dir(std::string dir) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    if (dir == ".") dir.clear();
    return dir;
}

}  // namespace

std::string SyncReport::summary() const {
    if (dry_run)
        return fmt::format("dry run, would have sent {} file{} ({}), {} unchanged, {} deleted", sent, sent == 1 ? "" : "s",
                           human_bytes(static_cast<double>(bytes)), unchanged, deleted);
    double secs = elapsed.count();
    std::string rate = secs > 0 && bytes > 0 ? " (" + human_bytes(bytes / secs) + "/s)" : "";
    return fmt::format("sent {} file{} ({}), {} unchanged, {} deleted in {:.2f} s{}", sent, sent == 1 ? "" : "s",
                       human_bytes(static_cast<double>(bytes)), unchanged, deleted, secs, rate);
}

std::string board_path(const std::string& remote_dir, const std::string& relative) {
    if (remote_dir.empty()) return relative;
    if (remote_dir == "/") return "/" + relative;
    return remote_dir + "/" + relative;
}

SyncReport BoardSync::run(const SyncRequest& request, const SayFn& say, const ProgressFn& progress) {
    auto start = std::chrono::steady_clock::now();
    ExcludeRules rules(request.excludes);
    HostTree host = read_host_tree(request.local_dir, rules);
    const BoardCaps& caps = fs_.caps();
    std::string remote_dir = normal_remote_dir(request.remote_dir);
    if (!caps.has_directories()) {
        if (!(remote_dir.empty() || remote_dir == "/"))
            raise_error("sync: this board has a flat file system (no folders): sync to ':' instead of ':" + remote_dir + "'");
        if (!host.dirs.empty())
            raise_error("sync: this board has a flat file system (no folders), and " + request.local_dir.string() +
                 " has folders (" + host.dirs.front() + (host.dirs.size() > 1 ? ", ..." : "") +
                 "): sync a folder without subfolders, or leave them out with --exclude");
        remote_dir.clear();
    }
    if (request.compile) {
        mip::MipBoard board(repl_, fs_);
        std::string version = board.probe(remote_dir.empty() ? "/" : remote_dir).mpy_version;
        compile_host_tree(host, version, request.local_dir);
    }
    LossyLineRunner runner(repl_);
    RemoteTree remote = read_remote_tree(runner, repl_.may_lose_bytes(), caps, remote_dir, rules);
    SyncPlan plan = plan_sync(host, remote, {request.delete_extra});
    if (!plan.conflicts.empty()) {
        std::string list;
        for (const std::string& c : plan.conflicts) list += "\n  " + c;
        raise_error("sync: the board's files differ in kind from the host's (use --delete to replace them); nothing was changed:" +
             list);
    }
    // Temporaries left by an interrupted sync are mpr's own: they go in any case, first.
    auto leftover = [](const std::string& name) {
        return name.size() > 5 && name.compare(name.size() - 5, 5, kTemporarySuffix) == 0;
    };
    plan.delete_files.erase(std::remove_if(plan.delete_files.begin(), plan.delete_files.end(), leftover),
                            plan.delete_files.end());
    for (const RemoteEntry& e : remote.entries)
        if (!e.is_dir && leftover(e.relative)) plan.clear_files.push_back(e.relative);

    SyncReport report;
    report.unchanged = plan.unchanged.size();
    report.dry_run = request.dry_run;
    // A board folder that does not exist yet is made with its parents (as mkdir -p).
    std::vector<std::string> root_dirs;
    if (!remote.exists && !remote_dir.empty() && remote_dir != "/") root_dirs = mip::folders_for(remote_dir, {"f"});
    if (request.dry_run) {
        for (const std::string& f : plan.clear_files) say("delete " + board_path(remote_dir, f));
        for (const std::string& d : plan.clear_dirs) say("delete folder " + board_path(remote_dir, d));
        for (const std::string& d : root_dirs) say("make folder " + d);
        for (const std::string& d : plan.make_dirs) say("make folder " + board_path(remote_dir, d));
        for (const PlannedSend& s : plan.send)
            say(fmt::format("send {} ({}, {} bytes)", board_path(remote_dir, s.relative), s.is_new ? "new" : "changed",
                            s.size));
        for (const std::string& f : plan.delete_files) say("delete " + board_path(remote_dir, f));
        for (const std::string& d : plan.delete_dirs) say("delete folder " + board_path(remote_dir, d));
        report.sent = plan.send.size();
        report.deleted = plan.deletions();
        report.bytes = plan.bytes_to_send();
    } else {
        apply(plan, host, remote_dir, root_dirs, say, progress, report);
    }
    report.elapsed = std::chrono::steady_clock::now() - start;
    return report;
}

void BoardSync::apply(const SyncPlan& plan, const HostTree& host, const std::string& remote_dir,
                      const std::vector<std::string>& root_dirs, const SayFn& say, const ProgressFn& progress,
                      SyncReport& report) {
    mip::MipBoard board(repl_, fs_);
    auto remove = [&](const std::vector<std::string>& rel_files, const std::vector<std::string>& rel_dirs) {
        if (rel_files.empty() && rel_dirs.empty()) return;
        std::vector<std::string> files, dirs;
        for (const std::string& f : rel_files) files.push_back(board_path(remote_dir, f));
        for (const std::string& d : rel_dirs) dirs.push_back(board_path(remote_dir, d));
        with_board_errors("deleting files", [&] { board.remove_files(files, dirs); });
        for (const std::string& f : files) say("deleted " + f);
        for (const std::string& d : dirs) say("deleted folder " + d);
        report.deleted += files.size() + dirs.size();
    };
    remove(plan.clear_files, plan.clear_dirs);
    if (!root_dirs.empty() || !plan.make_dirs.empty()) {
        std::vector<std::string> dirs = root_dirs;
        for (const std::string& d : plan.make_dirs) dirs.push_back(board_path(remote_dir, d));
        with_board_errors("making the folders " + dirs.front() + (dirs.size() > 1 ? ", ..." : ""),
                          [&] { report.folders_made = board.make_dirs(dirs).size(); });
    }
    send_files(plan, host, remote_dir, say, progress, report);
    remove(plan.delete_files, plan.delete_dirs);
}

void BoardSync::send_files(const SyncPlan& plan, const HostTree& host, const std::string& remote_dir, const SayFn& say,
                           const ProgressFn& progress, SyncReport& report) {
    if (plan.send.empty()) return;
    mip::MipBoard board(repl_, fs_);
    std::map<std::string, const HostFile*> by_name;
    for (const HostFile& f : host.files) by_name[f.relative] = &f;
    const bool atomic = fs_.caps().rename;
    std::size_t total = plan.bytes_to_send(), done = 0;
    std::vector<UploadItem> items;
    std::vector<std::pair<std::string, std::string>> moves;
    std::vector<std::string> dests;
    for (const PlannedSend& s : plan.send) {
        std::string dest = board_path(remote_dir, s.relative);
        std::string staged = atomic ? dest + kTemporarySuffix : dest;
        items.push_back({staged, by_name.at(s.relative)->data});
        if (atomic) moves.emplace_back(staged, dest);
        dests.push_back(dest);
    }
    // Small files go several to a submission; the rest (and any that did not verify) by BoardFs.
    std::vector<std::size_t> rest;
    if (batch_upload_usable(fs_.caps(), repl_.may_lose_bytes())) {
        LossyLineRunner runner(repl_);
        with_board_errors("writing small files", [&] {
            rest = upload_in_batches(runner, fs_.caps(), items, [&](std::size_t bytes) {
                done += bytes;
                if (progress) progress(done, total);
            });
        });
    } else {
        for (std::size_t i = 0; i < items.size(); ++i) rest.push_back(i);
    }
    for (std::size_t i : rest) {
        const UploadItem& item = items[i];
        with_board_errors("writing " + item.path, [&] {
            fs_.write_file(item.path, item.data,
                           [&](std::size_t d, std::size_t) {
                               if (progress) progress(done + d, total);
                           },
                           /*via_temporary=*/false);
        });
        done += item.data.size();
    }
    // Everything arrived and was verified: now every file takes its real name, in few round trips.
    // Ctrl-C waits for the renames: a sync stopped half-way through them would leave some files
    // new and some old.  (A Ctrl-C while files are staged ends mpr, with every board file whole.)
    if (atomic) {
        DeferredSigint deferred;
        with_board_errors("renaming the files sent into place", [&] { board.commit(moves); });
    }
    for (const std::string& d : dests) say("sent " + d);
    report.sent = plan.send.size();
    report.bytes = total;
}

}  // namespace mpy::sync
