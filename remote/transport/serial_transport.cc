#include "remote/transport/serial_transport.h"

#include <cerrno>
#include <cstring>
#include <libserialport.h>
#include <sys/file.h>

#include "common/diagnostics.h"
#include "remote/transport/fd_io.h"
#include "remote/transport/fd_transport.h"
#include "remote/transport/transport_errors.h"
#include "remote/transport/tty_transport.h"

namespace mpy {
namespace {

class SerialTransport : public FdTransport {
public:
    SerialTransport(sp_port* port, int fd, std::string path)
        : FdTransport(fd, std::move(path)), port_(port) {}
    ~SerialTransport() override { close(); }

    void set_dtr(bool on) override { check(sp_set_dtr(port_, on ? SP_DTR_ON : SP_DTR_OFF)); }
    void set_rts(bool on) override { check(sp_set_rts(port_, on ? SP_RTS_ON : SP_RTS_OFF)); }
    void discard_input() override {
        sp_flush(port_, SP_BUF_INPUT);
        Transport::discard_input();
    }

private:
    void check(sp_return r) {
        if (r != SP_OK) {
            char* msg = sp_last_error_message();
            std::string text = msg ? msg : "libserialport error";
            sp_free_error_message(msg);
            throw DiagnosticError(Diagnostic{"error", name() + ": " + text, {}});
        }
    }
    void before_close() override {
        if (!port_) return;
        // RTS first, then DTR (see TtyTransport::before_close).
        sp_set_rts(port_, SP_RTS_OFF);
        sp_set_dtr(port_, SP_DTR_OFF);
        sp_close(port_);
        sp_free_port(port_);
        port_ = nullptr;
        forget_fd();  // sp_close closed it
    }

    sp_port* port_;
};

}  // namespace

std::unique_ptr<Transport> open_serial_port(const std::string& path, const ConnectOptions& opts) {
    sp_port* port = nullptr;
    if (sp_get_port_by_name(path.c_str(), &port) != SP_OK || !port) return TtyTransport::open(path, opts);
    if (sp_open(port, SP_MODE_READ_WRITE) != SP_OK) {
        int err = errno;
        sp_free_port(port);
        if (err == EBUSY)
            throw PortUnavailable(PortUnavailable::Reason::busy, err,
                                  "port busy: " + path + " is in use by another program");
        if (err == EACCES || err == ENOENT)
            throw PortUnavailable(PortUnavailable::Reason::inaccessible, err,
                                  "failed to access " + path + ": " + std::strerror(err));
        // libserialport refuses ttys without modem control (ptys): plain termios copes.
        return TtyTransport::open(path, opts);
    }
    int fd = -1;
    sp_get_port_handle(port, &fd);
    if (flock(fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK) {
        sp_close(port);
        sp_free_port(port);
        throw PortUnavailable(PortUnavailable::Reason::busy, EWOULDBLOCK,
                              "port busy: " + path + " is in use by another program (close it first)");
    }
    sp_port_config* cfg = nullptr;
    sp_new_config(&cfg);
    sp_set_config_baudrate(cfg, opts.baud);
    sp_set_config_bits(cfg, 8);
    sp_set_config_parity(cfg, SP_PARITY_NONE);
    sp_set_config_stopbits(cfg, 1);
    sp_set_config_flowcontrol(cfg, SP_FLOWCONTROL_NONE);
    // DTR before RTS: both asserted keeps ESP auto-reset circuits quiet.
    sp_set_config_dtr(cfg, opts.dtr.value_or(true) ? SP_DTR_ON : SP_DTR_OFF);
    sp_set_config_rts(cfg, opts.rts.value_or(true) ? SP_RTS_ON : SP_RTS_OFF);
    sp_return r = sp_set_config(port, cfg);
    sp_free_config(cfg);
    auto t = std::make_unique<SerialTransport>(port, fd, path);
    if (r != SP_OK)
        throw DiagnosticError(Diagnostic{
            "error", path + ": cannot configure the port (baud rate " + std::to_string(opts.baud) + "?)", {}});
    fd_set_nonblocking(fd);
    return t;
}

}  // namespace mpy
