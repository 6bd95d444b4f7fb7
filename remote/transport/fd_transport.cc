#include "remote/transport/fd_transport.h"

#include <unistd.h>

#include "common/diagnostics.h"
#include "remote/transport/fd_io.h"
#include "remote/transport/transport_errors.h"

namespace mpy {

FdTransport::FdTransport(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}

FdTransport::~FdTransport() {
    try {
        close();
    } catch (...) {
        // A destructor must not throw; the descriptor is released either way.
    }
}

std::size_t FdTransport::read(char* buf, std::size_t max, std::chrono::milliseconds timeout) {
    if (fd_ < 0) throw ConnectionLost(name_ + ": connection is closed");
    FdReadResult r = fd_read(fd_, buf, max, timeout);
    if (r.status == FdReadStatus::closed) throw ConnectionLost(name_ + ": device disconnected");
    return r.count;
}

void FdTransport::write(std::string_view data) {
    if (fd_ < 0) throw ConnectionLost(name_ + ": connection is closed");
    fd_write_all(fd_, data, std::chrono::seconds(10), name_);
}

void FdTransport::close() {
    if (fd_ < 0) return;
    before_close();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

}  // namespace mpy
