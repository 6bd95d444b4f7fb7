// OpenFileTable: the files the board has open through the mount, by handle number.
//
// A board closes files late or never: on its own flash the garbage collector closes forgotten
// files (`open(p).read(10)` in a loop is common), but the agent's file objects have no
// finaliser.  So a handle is a cheap record (path, flags, position), and only the most recently
// used ones hold a host file descriptor; the others are reopened where they were when used
// again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <sys/types.h>

namespace mpy::mount {

class OpenFileTable {
public:
    static constexpr std::size_t kMaxHandles = 4096;
    static constexpr std::size_t kMaxDescriptors = 32;

    OpenFileTable() = default;
    ~OpenFileTable();
    OpenFileTable(const OpenFileTable&) = delete;
    OpenFileTable& operator=(const OpenFileTable&) = delete;

    // Takes ownership of `fd`, opened from `path` with `flags`; returns its handle (from 1), or
    // 0 when the table is full (fd is then closed).
    long long add(int fd, const std::filesystem::path& path, int flags);
    // The host descriptor of `handle`, reopened if it was put aside; -1 with errno set when
    // there is no such handle (EBADF) or the file cannot be reopened.
    int fd(long long handle);
    void close(long long handle);

    std::size_t handles() const { return entries_.size(); }
    std::size_t descriptors() const { return open_; }

private:
    struct Entry {
        std::filesystem::path path;
        int flags;
        int fd;      // -1 while put aside
        off_t pos;   // where it was when put aside
        std::uint64_t last_use;
    };
    void put_aside_least_recent();

    std::map<long long, Entry> entries_;
    long long next_handle_ = 1;
    std::uint64_t clock_ = 0;
    std::size_t open_ = 0;  // entries holding a descriptor
};

}  // namespace mpy::mount
