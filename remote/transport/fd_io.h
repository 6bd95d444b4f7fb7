// Reading and writing a non-blocking file descriptor with deadlines (poll based).
//
// Shared by every transport that ends in a plain file descriptor (ttys, ptys, sockets) and by the
// interactive terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace mpy {

enum class FdReadStatus { data, timeout, closed };

struct FdReadResult {
    FdReadStatus status;
    std::size_t count;  // bytes read when status == data
};

// Waits up to `timeout` for `fd` to become readable, then reads what is there (at most `max`).
// EOF, EIO and POLLHUP without data report `closed`.  EINTR counts as a timeout so that callers
// can notice a host Ctrl-C promptly.
FdReadResult fd_read(int fd, char* buf, std::size_t max, std::chrono::milliseconds timeout);

// Writes all of `data`, waiting for the descriptor to drain when it is full.  Throws
// ConnectionLost when the other end is gone (EIO, EPIPE, ECONNRESET), DiagnosticError naming
// `what` when nothing could be written for `timeout` or on another error.
void fd_write_all(int fd, std::string_view data, std::chrono::milliseconds timeout,
                  const std::string& what);

// Puts `fd` into non-blocking mode.
void fd_set_nonblocking(int fd);

// "what: reason" as a DiagnosticError of kind "error", with strerror(err) as the reason.
[[noreturn]] void throw_system_error(const std::string& what, int err);

}  // namespace mpy
