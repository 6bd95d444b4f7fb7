#include "remote/sync/sync_plan.h"

#include <algorithm>
#include <map>
#include <set>

namespace mpy::sync {
namespace {

bool is_below(const std::string& path, const std::string& dir) {
    return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

std::size_t depth(const std::string& path) { return std::count(path.begin(), path.end(), '/'); }

}  // namespace

std::size_t SyncPlan::bytes_to_send() const {
    std::size_t n = 0;
    for (const PlannedSend& s : send) n += s.size;
    return n;
}

SyncPlan plan_sync(const HostTree& host, const RemoteTree& remote, const PlanOptions& options) {
    SyncPlan plan;
    std::map<std::string, const RemoteEntry*> on_board;
    for (const RemoteEntry& e : remote.entries) on_board[e.relative] = &e;
    std::set<std::string> host_dirs(host.dirs.begin(), host.dirs.end());
    std::set<std::string> host_files;
    for (const HostFile& f : host.files) host_files.insert(f.relative);

    // Board entries of the wrong kind are replaced with --delete (with everything below a
    // folder), else they stop the sync.
    std::set<std::string> replaced;
    auto wrong_kind = [&](const std::string& relative, bool host_is_dir) {
        auto it = on_board.find(relative);
        if (it == on_board.end() || it->second->is_dir == host_is_dir) return false;
        if (!options.delete_extra) {
            plan.conflicts.push_back(relative + (host_is_dir ? " is a folder on the host and a file on the board"
                                                             : " is a file on the host and a folder on the board"));
            return false;
        }
        replaced.insert(relative);
        return true;
    };
    for (const std::string& d : host.dirs)
        if (wrong_kind(d, true) || !on_board.count(d)) plan.make_dirs.push_back(d);
    for (const HostFile& f : host.files) {
        auto it = on_board.find(f.relative);
        bool present = it != on_board.end() && !it->second->is_dir;
        if (wrong_kind(f.relative, false) || !present) {
            plan.send.push_back({f.relative, f.data.size(), true});
        } else if (it->second->fingerprint != fingerprint(remote.kind, f.data)) {
            plan.send.push_back({f.relative, f.data.size(), false});
        } else {
            plan.unchanged.push_back(f.relative);
        }
    }
    if (!plan.conflicts.empty()) {
        SyncPlan refused;
        refused.conflicts = plan.conflicts;
        return refused;
    }

    auto under_replaced = [&](const std::string& path) {
        for (const std::string& r : replaced)
            if (path == r || is_below(path, r)) return true;
        return false;
    };
    std::set<std::string> shadowed;
    for (const HostFile& f : host.files)
        if (!f.shadowed_source.empty()) shadowed.insert(f.shadowed_source);
    for (const RemoteEntry& e : remote.entries) {
        bool on_host = e.is_dir ? host_dirs.count(e.relative) != 0 : host_files.count(e.relative) != 0;
        bool stale_source = !e.is_dir && shadowed.count(e.relative) != 0;
        if (under_replaced(e.relative)) (e.is_dir ? plan.clear_dirs : plan.clear_files).push_back(e.relative);
        else if (!on_host && (options.delete_extra || stale_source))
            (e.is_dir ? plan.delete_dirs : plan.delete_files).push_back(e.relative);
    }
    auto deepest_first = [](const std::string& a, const std::string& b) { return depth(a) > depth(b); };
    std::stable_sort(plan.clear_dirs.begin(), plan.clear_dirs.end(), deepest_first);
    std::stable_sort(plan.delete_dirs.begin(), plan.delete_dirs.end(), deepest_first);
    return plan;
}

}  // namespace mpy::sync
