#include "remote/mount/open_files.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace mpy::mount {

OpenFileTable::~OpenFileTable() {
    for (auto& [handle, e] : entries_)
        if (e.fd >= 0) ::close(e.fd);
}

long long OpenFileTable::add(int fd, const std::filesystem::path& path, int flags) {
    if (entries_.size() >= kMaxHandles) {
        ::close(fd);
        return 0;
    }
    if (open_ >= kMaxDescriptors) put_aside_least_recent();
    long long handle = next_handle_++;
    // Reopening must neither create nor empty the file again.
    entries_[handle] = Entry{path, flags & ~(O_CREAT | O_TRUNC | O_EXCL), fd, 0, ++clock_};
    ++open_;
    return handle;
}

int OpenFileTable::fd(long long handle) {
    auto it = entries_.find(handle);
    if (it == entries_.end()) {
        errno = EBADF;
        return -1;
    }
    Entry& e = it->second;
    e.last_use = ++clock_;
    if (e.fd >= 0) return e.fd;
    if (open_ >= kMaxDescriptors) put_aside_least_recent();
    int fd = ::open(e.path.c_str(), e.flags, 0666);
    if (fd < 0) return -1;
    if (::lseek(fd, e.pos, SEEK_SET) < 0) {
        int err = errno;
        ::close(fd);
        errno = err;
        return -1;
    }
    e.fd = fd;
    ++open_;
    return fd;
}

void OpenFileTable::close(long long handle) {
    auto it = entries_.find(handle);
    if (it == entries_.end()) return;
    if (it->second.fd >= 0) {
        ::close(it->second.fd);
        --open_;
    }
    entries_.erase(it);
}

void OpenFileTable::put_aside_least_recent() {
    Entry* oldest = nullptr;
    for (auto& [handle, e] : entries_)
        if (e.fd >= 0 && (!oldest || e.last_use < oldest->last_use)) oldest = &e;
    if (!oldest) return;
    off_t pos = ::lseek(oldest->fd, 0, SEEK_CUR);
    oldest->pos = pos < 0 ? 0 : pos;
    ::close(oldest->fd);
    oldest->fd = -1;
    --open_;
}

}  // namespace mpy::mount
