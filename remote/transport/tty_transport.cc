#include "remote/transport/tty_transport.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "common/diagnostics.h"
#include "remote/transport/fd_io.h"
#include "remote/transport/transport_errors.h"

namespace mpy {
namespace {

speed_t speed_for(int baud, const std::string& name) {
    struct Rate {
        int baud;
        speed_t code;
    };
    static constexpr Rate rates[] = {
        {1200, B1200},       {2400, B2400},       {4800, B4800},       {9600, B9600},
        {19200, B19200},     {38400, B38400},     {57600, B57600},     {115200, B115200},
        {230400, B230400},   {460800, B460800},   {500000, B500000},   {576000, B576000},
        {921600, B921600},   {1000000, B1000000}, {1152000, B1152000}, {1500000, B1500000},
        {2000000, B2000000}, {3000000, B3000000}, {4000000, B4000000},
    };
    for (const Rate& r : rates)
        if (r.baud == baud) return r.code;
    throw DiagnosticError(
        Diagnostic{"error", name + ": unsupported baud rate " + std::to_string(baud), {}});
}

bool ignorable_modem_error(int err) { return err == ENOTTY || err == EINVAL || err == ENOTSUP; }

}  // namespace

void tty_make_raw(int fd, int baud, const std::string& name) {
    termios t{};
    if (tcgetattr(fd, &t) < 0) {
        if (errno == ENOTTY) return;  // not a tty at all (a FIFO, a file): nothing to configure
        throw_system_error(name, errno);
    }
    cfmakeraw(&t);
    t.c_cflag |= CLOCAL | CREAD;
    t.c_cflag &= ~(CRTSCTS | CSTOPB | PARENB);
    t.c_iflag &= ~(IXON | IXOFF | IXANY);
    t.c_cc[VMIN] = 0;
    t.c_cc[VTIME] = 0;
    speed_t s = speed_for(baud, name);
    cfsetispeed(&t, s);
    cfsetospeed(&t, s);
    if (tcsetattr(fd, TCSANOW, &t) < 0) throw_system_error(name, errno);
}

void tty_set_modem_line(int fd, int line, bool on, const std::string& name) {
    if (ioctl(fd, on ? TIOCMBIS : TIOCMBIC, &line) < 0 && !ignorable_modem_error(errno))
        throw_system_error(name + ": setting modem lines", errno);
}

std::unique_ptr<TtyTransport> TtyTransport::open(const std::string& path,
                                                 const ConnectOptions& opts) {
    int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        if (err == EBUSY)
            throw PortUnavailable(PortUnavailable::Reason::busy, err,
                                  "port busy: " + path + " is in use by another program");
        throw PortUnavailable(PortUnavailable::Reason::inaccessible, err,
                              "failed to access " + path + ": " + std::strerror(err));
    }
    auto t = std::unique_ptr<TtyTransport>(new TtyTransport(fd, path));
    // Two cooperating locks: flock() stops other mpr/pyserial instances (pyserial uses it too),
    // TIOCEXCL stops any other opener of a real tty.
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
        int err = errno;
        if (err == EWOULDBLOCK)
            throw PortUnavailable(PortUnavailable::Reason::busy, err,
                                  "port busy: " + path + " is in use by another program (close it first)");
    }
    // Not fatal if refused: the flock above already guards against other mpr/pyserial users.
    (void)ioctl(fd, TIOCEXCL);
    tty_make_raw(fd, opts.baud, path);
    // DTR before RTS: with both asserted the ESP auto-reset transistors hold EN and GPIO0 high.
    tty_set_modem_line(fd, TIOCM_DTR, opts.dtr.value_or(true), path);
    tty_set_modem_line(fd, TIOCM_RTS, opts.rts.value_or(true), path);
    return t;
}

void TtyTransport::set_dtr(bool on) { tty_set_modem_line(fd(), TIOCM_DTR, on, name()); }
void TtyTransport::set_rts(bool on) { tty_set_modem_line(fd(), TIOCM_RTS, on, name()); }

void TtyTransport::discard_input() {
    tcflush(fd(), TCIFLUSH);
    Transport::discard_input();
}

void TtyTransport::before_close() {
    // RTS first, then DTR: dropping them the other way round pulses EN on ESP boards.
    int rts = TIOCM_RTS, dtr = TIOCM_DTR;
    ioctl(fd(), TIOCMBIC, &rts);
    ioctl(fd(), TIOCMBIC, &dtr);
    ioctl(fd(), TIOCNXCL);
}

}  // namespace mpy
