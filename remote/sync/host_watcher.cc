#include "remote/sync/host_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/diagnostics.h"

namespace mpy::sync {
namespace fs = std::filesystem;
namespace {

constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                  IN_DELETE_SELF | IN_ATTRIB;

}  // namespace

HostWatcher::HostWatcher(fs::path root, ExcludeRules rules) : root_(std::move(root)), rules_(std::move(rules)) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) raise_error(std::string("watch: cannot watch files (inotify): ") + std::strerror(errno));
    watch_tree(root_);
}

HostWatcher::~HostWatcher() {
    if (fd_ >= 0) close(fd_);
}

void HostWatcher::watch_tree(const fs::path& dir) {
    std::error_code ec;
    std::string relative = fs::relative(dir, root_, ec).generic_string();
    if (relative == ".") relative.clear();
    if (!relative.empty() && rules_.excluded(relative)) return;
    int wd = inotify_add_watch(fd_, dir.c_str(), kEvents);
    if (wd < 0) {
        // A folder that vanished meanwhile has nothing to watch; the root must be watchable.
        if (relative.empty()) raise_error("watch: cannot watch " + dir.string() + ": " + std::strerror(errno));
        return;
    }
    relative_dirs_[wd] = relative;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec)) watch_tree(it->path());
}

bool HostWatcher::read_events() {
    alignas(inotify_event) char buf[16384];
    bool relevant = false;
    while (true) {
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) break;
        for (char* p = buf; p < buf + n;) {
            auto* ev = reinterpret_cast<inotify_event*>(p);
            p += sizeof(inotify_event) + ev->len;
            auto dir = relative_dirs_.find(ev->wd);
            if (dir == relative_dirs_.end()) continue;
            if (ev->mask & IN_IGNORED) {
                relative_dirs_.erase(dir);
                continue;
            }
            std::string name = ev->len ? std::string(ev->name) : std::string();
            std::string relative = dir->second.empty() ? name : name.empty() ? dir->second : dir->second + "/" + name;
            if (!relative.empty() && rules_.excluded(relative)) continue;
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(root_ / relative);
            relevant = true;
        }
    }
    return relevant;
}

bool HostWatcher::wait_for_change(Ms timeout, Ms quiet, Ms longest) {
    auto wait = [&](Ms ms) {
        pollfd p{fd_, POLLIN, 0};
        return poll(&p, 1, static_cast<int>(ms.count())) > 0;
    };
    if (!wait(timeout) || !read_events()) return false;
    auto first = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - first < longest) {
        if (!wait(quiet)) break;
        read_events();
    }
    return true;
}

}  // namespace mpy::sync
