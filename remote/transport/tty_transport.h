// TtyTransport: a tty opened with plain termios.
//
// Used for ttys that libserialport refuses (ptys: QEMU's -serial pty, test harnesses) and as the
// fallback for any device path.  Modem-control ioctls that a pty does not support (ENOTTY,
// EINVAL) are ignored, as pyserial does.  The port is opened exclusively (flock + TIOCEXCL) so a
// second client gets a clear "port busy" message instead of stealing half the bytes.
#pragma once

#include <memory>
#include <string>

#include "remote/transport/connect_options.h"
#include "remote/transport/fd_transport.h"

namespace mpy {

class TtyTransport : public FdTransport {
public:
    static std::unique_ptr<TtyTransport> open(const std::string& path, const ConnectOptions& opts);

    void set_dtr(bool on) override;
    void set_rts(bool on) override;
    void discard_input() override;

protected:
    TtyTransport(int fd, std::string path) : FdTransport(fd, std::move(path)) {}
    void before_close() override;
};

// Configures `fd` as a raw 8N1 line at `baud` (ignored by ptys).  Throws on an unsupported rate.
void tty_make_raw(int fd, int baud, const std::string& name);

// Sets or clears one modem-control line (TIOCM_DTR / TIOCM_RTS); ENOTTY/EINVAL are ignored.
void tty_set_modem_line(int fd, int line, bool on, const std::string& name);

}  // namespace mpy
