#include "remote/transport/fd_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "common/diagnostics.h"
#include "remote/transport/transport_errors.h"

namespace mpy {

[[noreturn]] void throw_system_error(const std::string& what, int err) {
    throw DiagnosticError(Diagnostic{"error", what + ": " + std::strerror(err), {}});
}

void fd_set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) throw_system_error("fcntl", errno);
}

FdReadResult fd_read(int fd, char* buf, std::size_t max, std::chrono::milliseconds timeout) {
    pollfd p{fd, POLLIN, 0};
    int ms = timeout.count() < 0 ? -1 : static_cast<int>(timeout.count());
    int n = poll(&p, 1, ms);
    if (n < 0) {
        if (errno == EINTR) return {FdReadStatus::timeout, 0};
        throw_system_error("poll", errno);
    }
    if (n == 0) return {FdReadStatus::timeout, 0};
    ssize_t got = ::read(fd, buf, max);
    if (got > 0) return {FdReadStatus::data, static_cast<std::size_t>(got)};
    if (got == 0) return {FdReadStatus::closed, 0};
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return {FdReadStatus::timeout, 0};
    if (errno == EIO || errno == ECONNRESET) return {FdReadStatus::closed, 0};
    throw_system_error("read", errno);
}

void fd_write_all(int fd, std::string_view data, std::chrono::milliseconds timeout,
                  const std::string& what) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n > 0) {
            data.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EIO || errno == EPIPE || errno == ECONNRESET))
            throw ConnectionLost(what + ": " + std::strerror(errno));
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) throw_system_error(what, errno);
        pollfd p{fd, POLLOUT, 0};
        int r = poll(&p, 1, static_cast<int>(timeout.count()));
        if (r == 0)
            throw DiagnosticError(Diagnostic{
                "error", what + ": the device accepted no data for " +
                             std::to_string(timeout.count() / 1000) + " s (is it stuck?)", {}});
        if (r < 0 && errno != EINTR) throw_system_error(what, errno);
    }
}

}  // namespace mpy
