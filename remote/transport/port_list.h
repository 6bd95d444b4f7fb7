// The serial ports on this machine and what USB says about them (for `devs`, `auto`, `id:`).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mpy {

struct PortInfo {
    std::string path;          // "/dev/ttyACM0"
    std::optional<int> vid;    // USB vendor id, when the port is a USB device
    std::optional<int> pid;    // USB product id
    std::string serial;        // USB serial number ("" if unknown)
    std::string manufacturer;  // ("" if unknown)
    std::string product;       // ("" if unknown)

    bool is_usb() const { return vid.has_value() && pid.has_value(); }
};

// Enumerates the ports (libserialport), filling USB strings it lacks from libusb.  Sorted in
// natural order (ttyACM2 before ttyACM10).
std::vector<PortInfo> list_serial_ports();

}  // namespace mpy
