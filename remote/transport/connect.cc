#include "remote/transport/connect.h"

#include "common/diagnostics.h"
#include "remote/transport/device_names.h"
#include "remote/transport/port_list.h"
#include "remote/transport/serial_transport.h"
#include "remote/transport/sim_transport.h"
#include "remote/transport/socket_transport.h"

namespace mpy {
namespace {
[[noreturn]] void fail(const std::string& msg) { throw DiagnosticError(Diagnostic{"error", msg, {}}); }
}  // namespace

std::unique_ptr<Transport> open_device(const std::string& text, const ConnectOptions& opts) {
    DeviceName d = parse_device_name(text);
    switch (d.kind) {
        case DeviceKind::list:
            fail("internal: 'list' is not a device");
        case DeviceKind::automatic: {
            // The first USB serial port that can be opened; busy ones are skipped, so a second
            // mpr connects to the second board.
            for (const PortInfo& p : list_serial_ports()) {
                if (!p.is_usb()) continue;
                try {
                    return open_serial_port(p.path, opts);
                } catch (const DiagnosticError& e) {
                    std::string m = e.diagnostic().message;
                    if (m.rfind("port busy", 0) != 0 && m.rfind("failed to access", 0) != 0) throw;
                }
            }
            fail("no device found (no USB serial port; name one with 'connect PORT', or use 'connect sim')");
        }
        case DeviceKind::serial_number: {
            auto p = port_with_serial(list_serial_ports(), d.value);
            if (!p) fail("no device with serial number " + d.value);
            return open_serial_port(p->path, opts);
        }
        case DeviceKind::usb_id: {
            auto p = port_with_usb_id(list_serial_ports(), d.value);
            if (!p) fail("no device with USB id " + d.value);
            return open_serial_port(p->path, opts);
        }
        case DeviceKind::path:
            try {
                return open_serial_port(d.value, opts);
            } catch (const DiagnosticError& e) {
                std::string m = e.diagnostic().message;
                if (m.rfind("failed to access", 0) == 0 && m.find("in use") == std::string::npos &&
                    m.find("No such file") == std::string::npos)
                    fail(m + " (it may be in use by another program)");
                throw;
            }
        case DeviceKind::socket:
            return open_socket(d.value);
        case DeviceKind::sim:
            return open_sim(opts);
    }
    fail("internal: unknown device kind");
}

}  // namespace mpy
