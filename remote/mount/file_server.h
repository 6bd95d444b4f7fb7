// MountFileServer: answers the mount agent's requests from the host folder, inside it only.
//
// Each request (mount_protocol.h) becomes one host file-system call; the reply carries the
// result or MicroPython's errno for the host's error.  Paths are checked by MountRoot (no
// "..", absolute paths or links leading out).  Files the board opens stay open here, under a
// small handle number (OpenFileTable), until it closes them or the mount ends; a file opened
// for reading that fits in the answer to the open is not kept at all (handle 0).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "remote/mount/mount_paths.h"
#include "remote/mount/open_files.h"
#include "remote/mount/mount_protocol.h"

namespace mpy::mount {

class MountFileServer {
public:
    // `read_ahead`: bytes sent with the answer to an open for reading, the largest piece the
    // board can take at once (its reads ask for that much themselves).
    MountFileServer(const std::filesystem::path& folder, bool unsafe_links, std::size_t read_ahead);
    ~MountFileServer();
    MountFileServer(const MountFileServer&) = delete;
    MountFileServer& operator=(const MountFileServer&) = delete;

    // The reply to send, or nullopt when the request has none (close).
    std::optional<std::string> serve(const MountRequest& r);

    const OpenFileTable& open_files() const { return files_; }

private:
    std::string stat(const MountRequest& r);
    std::string statvfs(const MountRequest& r);
    std::string listdir(const MountRequest& r);
    std::string chdir(const MountRequest& r);
    std::string open(const MountRequest& r);
    std::string read(const MountRequest& r);
    std::string write(const MountRequest& r);
    std::string seek(const MountRequest& r);
    void close(const MountRequest& r);
    std::string simple(const MountRequest& r);  // mkdir, remove, rmdir
    std::string rename(const MountRequest& r);
    // Reads up to `n` bytes (all that is left when n < 0) from `fd`.
    static std::string read_fd(int fd, long long n, int& error);

    MountRoot root_;
    std::size_t read_ahead_;
    OpenFileTable files_;
};

}  // namespace mpy::mount
