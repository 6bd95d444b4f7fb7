// Finding a board again after it restarted (machine.reset(), machine.bootloader(), a board that
// dropped off USB and came back).  A USB board's port goes away while it restarts and may come
// back under another name (ttyACM0 -> ttyACM1): it is recognised by its VID:PID and serial
// number, as libserialport enumerates them.  Other devices (ptys, UARTs behind an adapter that
// stays plugged in, sockets, sim) are opened again by the name they were connected by.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "remote/transport/connect_options.h"
#include "remote/transport/port_list.h"
#include "remote/transport/transport.h"

namespace mpy {

// Who the connected board is: the device text it was connected by and, for a USB serial port,
// the port as enumerated while it was connected.
struct BoardIdentity {
    std::string device;           // "auto", "/dev/ttyACM0", "id:...", "sim", ...
    std::optional<PortInfo> usb;  // set when the open port was a USB device with a VID:PID

    // "USB 2e8a:0005 serial E66038B713" or the device text, for messages.
    std::string describe() const;
};

// The identity of the board connected by `device` whose open port is `open_path`, looked up in
// `ports` (list_serial_ports()).
BoardIdentity identify_board(const std::string& device, const std::string& open_path,
                             const std::vector<PortInfo>& ports);

// The port in `ports` that is the board `was` (same VID:PID and serial number; same VID:PID and
// path when it has no serial number), or nullopt while it is not back.
std::optional<PortInfo> returning_port(const std::vector<PortInfo>& ports, const PortInfo& was);

// How reopen_board looks for ports and opens them (the real ones by default; tests inject).
struct BoardOpener {
    std::function<std::vector<PortInfo>()> list_ports = list_serial_ports;
    std::function<std::unique_ptr<Transport>(const std::string& device)> open;  // required
    std::chrono::milliseconds poll_interval{100};
};

// Waits up to `limit` until the board is back and open.  Throws a DiagnosticError that says
// what was awaited ("the board (USB 2e8a:0005 serial X) did not come back within 10 s") when it
// is not, with the last reason an open failed.
std::unique_ptr<Transport> reopen_board(const BoardIdentity& who, const BoardOpener& opener,
                                        std::chrono::milliseconds limit);

}  // namespace mpy
