// FdTransport: a Transport over one file descriptor that the object owns.
//
// ttys, ptys, TCP sockets and the libserialport port all end up as a file descriptor, so their
// reading and writing is shared here; subclasses only open, configure and close.
#pragma once

#include <string>

#include "remote/transport/transport.h"

namespace mpy {

class FdTransport : public Transport {
public:
    FdTransport(const FdTransport&) = delete;
    FdTransport& operator=(const FdTransport&) = delete;
    ~FdTransport() override;

    std::size_t read(char* buf, std::size_t max, std::chrono::milliseconds timeout) override;
    void write(std::string_view data) override;
    int poll_fd() const override { return fd_; }
    std::string name() const override { return name_; }
    void close() override;

protected:
    FdTransport(int fd, std::string name);
    // Subclasses that must do something before the descriptor goes (drop DTR, reap a child).
    virtual void before_close() {}
    int fd() const { return fd_; }
    // Releases ownership without closing (when a library owns the descriptor).
    void forget_fd() { fd_ = -1; }

private:
    int fd_;
    std::string name_;
};

}  // namespace mpy
