#include "remote/transport/connect.h"

#include <cerrno>

#include "common/diagnostics.h"
#include "remote/transport/device_names.h"
#include "remote/transport/port_list.h"
#include "remote/transport/serial_transport.h"
#include "remote/transport/sim_transport.h"
#include "remote/transport/socket_transport.h"
#include "remote/transport/transport_errors.h"
#include "remote/transport/webrepl_transport.h"

namespace mpy {

std::unique_ptr<Transport> open_device(const std::string& text, const ConnectOptions& opts) {
    DeviceName d = parse_device_name(text);
    switch (d.kind) {
        case DeviceKind::list:
            raise_error("internal: 'list' is not a device");
        case DeviceKind::automatic: {
            // The first USB serial port that can be opened; busy ones are skipped, so a second
            // mpr connects to the second board.
            for (const PortInfo& p : list_serial_ports()) {
                if (!p.is_usb()) continue;
                try {
                    return open_serial_port(p.path, opts);
                } catch (const PortUnavailable&) {
                    // Busy, or not ours to open: the next port, then.
                }
            }
            raise_error("no device found (no USB serial port; name one with 'connect PORT', or use 'connect sim')");
        }
        case DeviceKind::serial_number: {
            auto p = port_with_serial(list_serial_ports(), d.value);
            if (!p) raise_error("no device with serial number " + d.value);
            return open_serial_port(p->path, opts);
        }
        case DeviceKind::usb_id: {
            auto p = port_with_usb_id(list_serial_ports(), d.value);
            if (!p) raise_error("no device with USB id " + d.value);
            return open_serial_port(p->path, opts);
        }
        case DeviceKind::path:
            try {
                return open_serial_port(d.value, opts);
            } catch (const PortUnavailable& e) {
                // A port that exists but cannot be opened is most often held by another program.
                if (e.reason() == PortUnavailable::Reason::inaccessible && e.error_number() != ENOENT)
                    throw PortUnavailable(e.reason(), e.error_number(),
                                          e.diagnostic().message + " (it may be in use by another program)");
                throw;
            }
        case DeviceKind::socket:
            return open_socket(d.value);
        case DeviceKind::webrepl:
            return open_webrepl(d.value, opts.webrepl_password, opts.webrepl_timeout);
        case DeviceKind::sim:
            return open_sim(opts);
    }
    raise_error("internal: unknown device kind");
}

}  // namespace mpy
