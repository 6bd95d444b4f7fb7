#include "common/file_io.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_NOREPLACE
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/diagnostics.h"

namespace mpy {

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what, int err) {
    throw DiagnosticError(Diagnostic{"error", std::string(what) + ": " + std::strerror(err), {path.string()}});
}
}  // namespace

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot open file", errno ? errno : ENOENT);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) fail(path, "cannot read file", errno ? errno : EIO);
    return std::move(buf).str();
}

namespace {

// The name of temporary file number `attempt` beside `path` (same directory, so a rename never
// crosses file systems).  The process id keeps concurrent writers apart; a leftover of a dead
// process that had the same id makes the caller try the next number.  (Not std::random_device: its
// constructor probes the CPU, and CPUID traps to the hypervisor in a VM, ~25 us per output here.)
std::filesystem::path temporary_beside(const std::filesystem::path& path, int attempt) {
    std::string name = ".";
    name += path.filename().native();
    name += ".tmp";
    name += std::to_string(::getpid());
    if (attempt > 0) {
        name += '-';
        name += std::to_string(attempt);
    }
    std::filesystem::path dir = path.parent_path();
    return (dir.empty() ? std::filesystem::path(".") : dir) / name;
}

// How many temporary names to try before giving up on EEXIST.
constexpr int kTemporaryNameAttempts = 100;

// Writes all of `data` at offset 0 of `fd` and cuts the file to its length; false with errno set.
bool overwrite_fd(int fd, std::string_view data) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::pwrite(fd, data.data() + done, data.size() - done, static_cast<off_t>(done));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return ::ftruncate(fd, static_cast<off_t>(data.size())) == 0;
}

// Writes `data` into `fd`, open on the temporary `tmp`, closes it and renames it to `path`.  On
// any failure the temporary is removed (it may hold a mix of old and new bytes) and the error thrown.
void fill_and_rename(int fd, const std::filesystem::path& tmp, const std::filesystem::path& path,
                     std::string_view data) {
    if (!overwrite_fd(fd, data)) {
        int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        fail(path, "cannot write file", err);
    }
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "cannot write file", err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "cannot replace file", err);
    }
}

}  // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view data) {
    std::filesystem::path tmp;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        tmp = temporary_beside(path, attempt);
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && (errno != EEXIST || attempt + 1 == kTemporaryNameAttempts)) {
            fail(path, "cannot create file", errno);
        }
    }
    fill_and_rename(fd, tmp, path, data);
}

bool rewrite_file_in_place(const std::filesystem::path& path, std::string_view data) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) return false;
    // Under a temporary name the old file can be rewritten without ever being seen half-written
    // under its real one.  NOREPLACE: never clobber a file that happens to have that name.
    std::filesystem::path aside;
    for (int attempt = 0;; ++attempt) {
        aside = temporary_beside(path, attempt);
        if (::renameat2(AT_FDCWD, path.c_str(), AT_FDCWD, aside.c_str(), RENAME_NOREPLACE) == 0) break;
        if (errno != EEXIST || attempt + 1 == kTemporaryNameAttempts) return false;
    }
    int fd = ::open(aside.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        // Not writable (a read-only file in a writable directory): put it back untouched.
        ::rename(aside.c_str(), path.c_str());
        return false;
    }
    fill_and_rename(fd, aside, path, data);
    return true;
}

}  // namespace mpy
