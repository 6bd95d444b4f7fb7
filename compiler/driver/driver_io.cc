#include "compiler/driver/driver_io.h"

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

std::int64_t to_ns(const struct timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; }

struct timespec from_ns(std::int64_t ns) {
    struct timespec t {};
    t.tv_sec = static_cast<time_t>(ns / 1000000000);
    t.tv_nsec = static_cast<long>(ns % 1000000000);
    if (t.tv_nsec < 0) {
        t.tv_nsec += 1000000000;
        --t.tv_sec;
    }
    return t;
}

// Dates an output (open as `fd`, or by `path` if fd < 0) by output_mtime_ns.  `just_written`: its
// mtime is already now, so only a source dated later needs a call.  Failure is ignored, as it is
// for the mtime a write gives: the output itself is right.
void date_output(int fd, const std::string& path, std::optional<std::int64_t> source_mtime_ns, bool just_written) {
    struct timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const std::int64_t now_ns = to_ns(now);
    const std::int64_t mtime = output_mtime_ns(now_ns, source_mtime_ns);
    if (mtime == now_ns && just_written) return;
    // Passing no times means "now" and needs only write permission, like writing the file did.
    const struct timespec times[2] = {now, from_ns(mtime)};  // access time, modification time
    const struct timespec* set = mtime == now_ns ? nullptr : times;
    if (fd >= 0) {
        ::futimens(fd, set);
    } else {
        ::utimensat(AT_FDCWD, path.c_str(), set, 0);
    }
}

// Reads `fd` to the end; `size_hint`: the expected size, to allocate once.
std::string read_fd(int fd, const std::string& name, size_t size_hint) {
    std::string data;
    if (size_hint > 0) data.reserve(size_hint + 1);
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

}  // namespace

std::int64_t output_mtime_ns(std::int64_t now_ns, std::optional<std::int64_t> source_mtime_ns) {
    return source_mtime_ns && *source_mtime_ns > now_ns ? *source_mtime_ns : now_ns;
}

std::string read_all_from_fd(int fd, const std::string& name) {
    struct stat st {};
    const bool sized = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
    return read_fd(fd, name, sized ? static_cast<size_t>(st.st_size) : 0);
}

std::string read_source_file(const std::string& path, std::int64_t* mtime_ns) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw FileAccessError(errno, path, true);
    FdGuard guard(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0) return read_fd(fd, path, 0);
    if (mtime_ns) *mtime_ns = to_ns(st.st_mtim);
    return read_fd(fd, path, S_ISREG(st.st_mode) && st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0);
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
    state.mtime_ns = to_ns(st.st_mtim);
    return true;
}

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

void write_output_file(const std::string& path, std::string_view data, std::optional<std::int64_t> source_mtime_ns) {
    std::string target = path;
    struct stat st {};
    bool exists = ::lstat(path.c_str(), &st) == 0;
    if (exists && S_ISLNK(st.st_mode)) {
        // Replace what the link points to, keeping the link (a dangling one is written through).
        char resolved[PATH_MAX];
        if (::realpath(path.c_str(), resolved) != nullptr) target = resolved;
        exists = ::stat(target.c_str(), &st) == 0;
    }
    if (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) throw FileAccessError(errno, path, true);
        FdGuard guard(fd);
        if (!write_all_to_fd(fd, data)) throw FileAccessError(errno, path, false);
        return;
    }
    if (target != path && !exists) {
        int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) throw FileAccessError(errno, path, true);
        FdGuard guard(fd);
        if (!write_all_to_fd(fd, data)) throw FileAccessError(errno, path, false);
        date_output(fd, target, source_mtime_ns, true);
        return;
    }
    // Recompiling an unchanged source gives the same bytes: then only bump the mtime (what make
    // and ninja look at).  Replacing a file by rename makes ext4 flush the new data and free the
    // old inode, which costs more than the whole compile of a small module.
    if (exists && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == data.size()) {
        int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            FdGuard guard(fd);
            std::string existing;
            try {
                existing = read_all_from_fd(fd, target);
            } catch (const FileAccessError&) {
                existing.clear();
            }
            if (existing == data) {
                date_output(fd, target, source_mtime_ns, false);
                return;
            }
        }
    }
    // An older output with other bytes (its source changed): rewrite it in place, keeping its
    // inode.  Failing that, remove it first, so the rename below only adds a name: renaming over an
    // existing file makes ext4 allocate and start writing the new file's blocks at once (its
    // auto_da_alloc guard), measured ~0.15 ms more per file.  Either way the output is never
    // half-written: for a moment it is absent, then complete.
    bool rewritten = false;
    try {
        rewritten = exists && S_ISREG(st.st_mode) && rewrite_file_in_place(target, data);
    } catch (const DiagnosticError& e) {
        throw FileAccessError(errno_from_message(e.diagnostic().message), path, false);
    }
    if (!rewritten) {
        if (exists && S_ISREG(st.st_mode)) ::unlink(target.c_str());
        try {
            write_file_atomic(target, data);
        } catch (const DiagnosticError& e) {
            // The reason arrives as text; mpy-cross reports the errno ("can't open <output>").
            throw FileAccessError(errno_from_message(e.diagnostic().message), path, true);
        }
    }
    date_output(-1, target, source_mtime_ns, true);
}

void refresh_output_time(const std::string& path, std::optional<std::int64_t> source_mtime_ns) {
    date_output(-1, path, source_mtime_ns, false);
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
