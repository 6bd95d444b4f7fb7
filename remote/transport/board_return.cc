#include "remote/transport/board_return.h"

#include <fmt/format.h>
#include <thread>

#include "common/diagnostics.h"

namespace mpy {

std::string BoardIdentity::describe() const {
    if (!usb) return device;
    std::string s = fmt::format("USB {:04x}:{:04x}", *usb->vid, *usb->pid);
    if (!usb->serial.empty()) s += " serial " + usb->serial;
    return s + ", was " + usb->path;
}

BoardIdentity identify_board(const std::string& device, const std::string& open_path,
                             const std::vector<PortInfo>& ports) {
    BoardIdentity who{device, std::nullopt};
    for (const PortInfo& p : ports)
        if (p.path == open_path && p.is_usb()) who.usb = p;
    return who;
}

std::optional<PortInfo> returning_port(const std::vector<PortInfo>& ports, const PortInfo& was) {
    for (const PortInfo& p : ports) {
        if (!p.is_usb() || p.vid != was.vid || p.pid != was.pid) continue;
        // Without a serial number two boards of one kind look alike: only its old name will do.
        if (was.serial.empty() ? p.path == was.path : p.serial == was.serial) return p;
    }
    return std::nullopt;
}

std::unique_ptr<Transport> reopen_board(const BoardIdentity& who, const BoardOpener& opener,
                                        std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    std::string last_failure;
    while (true) {
        std::optional<std::string> target;
        if (who.usb) {
            if (auto p = returning_port(opener.list_ports(), *who.usb)) target = p->path;
        } else {
            target = who.device;
        }
        if (target) {
            try {
                return opener.open(*target);
            } catch (const DiagnosticError& e) {
                // Just re-enumerated ports often refuse for a moment (udev sets permissions).
                last_failure = e.diagnostic().message;
            }
        }
        if (Clock::now() >= deadline) break;
        std::this_thread::sleep_for(opener.poll_interval);
    }
    std::string msg = fmt::format("the board ({}) did not come back within {:.1f} s after it restarted",
                                  who.describe(), limit.count() / 1000.0);
    if (!last_failure.empty()) msg += " (last attempt: " + last_failure + ")";
    else if (who.usb) msg += " (no USB serial port with that VID:PID and serial number appeared)";
    throw DiagnosticError(Diagnostic{"error", msg, {}});
}

}  // namespace mpy
