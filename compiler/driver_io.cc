#include "compiler/driver_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/file_io.h"

namespace mpy {

FileAccessError::FileAccessError(int error, std::string path, bool opening)
    : std::runtime_error(path + ": " + std::strerror(error)), error_(error), path_(std::move(path)), opening_(opening) {}

namespace {

// Closes a descriptor on every path out of a function.
class FdGuard {
public:
    explicit FdGuard(int fd) : fd_(fd) {}
    ~FdGuard() {
        if (fd_ >= 0) ::close(fd_);
    }
    FdGuard(const FdGuard&) = delete;
    FdGuard& operator=(const FdGuard&) = delete;

private:
    int fd_;
};

}  // namespace

std::string read_all_from_fd(int fd, const std::string& name) {
    std::string data;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size) + 1);
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw FileAccessError(errno, name, false);
        }
        if (n == 0) break;
        data.append(buf, static_cast<size_t>(n));
    }
    return data;
}

std::string read_source_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw FileAccessError(errno, path, true);
    FdGuard guard(fd);
    return read_all_from_fd(fd, path);
}

bool write_all_to_fd(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

bool stat_source(const std::string& path, SourceState& state) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    state.size = static_cast<std::uint64_t>(st.st_size);
    state.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return true;
}

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

void write_output_file(const std::string& path, std::string_view data) {
    std::string target = path;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        // Replace what the link points to, keeping the link (a dangling one is written through).
        char resolved[PATH_MAX];
        if (::realpath(path.c_str(), resolved) != nullptr) target = resolved;
    }
    if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) throw FileAccessError(errno, path, true);
        FdGuard guard(fd);
        if (!write_all_to_fd(fd, data)) throw FileAccessError(errno, path, false);
        return;
    }
    if (target != path && ::stat(target.c_str(), &st) != 0) {
        int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) throw FileAccessError(errno, path, true);
        FdGuard guard(fd);
        if (!write_all_to_fd(fd, data)) throw FileAccessError(errno, path, false);
        return;
    }
    // Recompiling an unchanged source gives the same bytes: then only bump the mtime (what make
    // and ninja look at).  Replacing a file by rename makes ext4 flush the new data and free the
    // old inode, which costs more than the whole compile of a small module.
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == data.size()) {
        int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            FdGuard guard(fd);
            std::string existing;
            try {
                existing = read_all_from_fd(fd, target);
            } catch (const FileAccessError&) {
                existing.clear();
            }
            if (existing == data && ::futimens(fd, nullptr) == 0) return;
        }
    }
    try {
        write_file_atomic(target, data);
    } catch (const DiagnosticError& e) {
        // The reason arrives as text; mpy-cross reports the errno ("can't open <output>").
        throw FileAccessError(errno_from_message(e.diagnostic().message), path, true);
    }
}

void refresh_output_time(const std::string& path, const std::string& source) {
    struct stat src {};
    struct timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const bool source_in_future =
        ::stat(source.c_str(), &src) == 0 &&
        (src.st_mtim.tv_sec > now.tv_sec || (src.st_mtim.tv_sec == now.tv_sec && src.st_mtim.tv_nsec > now.tv_nsec));
    if (!source_in_future) {
        ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
        return;
    }
    const struct timespec times[2] = {now, src.st_mtim};  // access time, modification time
    ::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

std::string python_str_repr(std::string_view s) {
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote)) {
            out += '\\';
            out += ch;
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c >= 0x20 && c != 0x7f) {
            out += ch;  // includes the bytes of UTF-8 sequences, printed as they are
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += fmt::format("\\x{:02x}", c);
        }
    }
    out += quote;
    return out;
}

std::string oserror_text(const FileAccessError& e) {
    if (e.opening()) return fmt::format("OSError: ({}, {})\n", e.error(), python_str_repr("can't open " + e.path()));
    return fmt::format("OSError: {}\n", e.error());
}

int errno_from_message(std::string_view message) {
    for (int e = 1; e < 134; ++e) {
        std::string_view text = std::strerror(e);
        if (message.size() >= text.size() + 2 && message.substr(message.size() - text.size()) == text &&
            message.substr(message.size() - text.size() - 2, 2) == ": ") {
            return e;
        }
    }
    return EIO;
}

}  // namespace mpy
