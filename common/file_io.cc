#include "common/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
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

void write_file_atomic(const std::filesystem::path& path, std::string_view data) {
    std::filesystem::path dir = path.parent_path();
    std::random_device rd;
    std::filesystem::path tmp = (dir.empty() ? std::filesystem::path(".") : dir) /
                                ("." + path.filename().string() + ".tmp" + std::to_string(rd() % 1000000));
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) fail(path, "cannot create file", errno);
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            fail(path, "cannot write file", err);
        }
        done += static_cast<size_t>(n);
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

}  // namespace mpy
