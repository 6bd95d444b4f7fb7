// Device names as users write them after `connect` (and the pure logic that resolves them
// against a list of ports, kept free of I/O so it can be unit-tested).
//
//   list | auto | id:SERIAL | usb:VID:PID | port:PATH | socket://HOST:PORT | ws://HOST:PORT | sim | PATH
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "remote/transport/port_list.h"

namespace mpy {

enum class DeviceKind { list, automatic, serial_number, usb_id, path, socket, webrepl, sim };

struct DeviceName {
    DeviceKind kind;
    std::string value;  // the serial number, the path, "HOST:PORT", or "VID:PID" (hex)
};

DeviceName parse_device_name(std::string_view text);

// Natural order by path: /dev/ttyACM2 before /dev/ttyACM10.
void sort_ports(std::vector<PortInfo>& ports);
bool natural_less(std::string_view a, std::string_view b);

// The first USB port (one with a VID:PID), as `auto` picks it; ports must be sorted.
std::optional<PortInfo> first_usb_port(const std::vector<PortInfo>& ports);
std::optional<PortInfo> port_with_serial(const std::vector<PortInfo>& ports, std::string_view serial);
// `id` is "VID:PID" in hex ("2e8a:0005"); case-insensitive; throws DiagnosticError if malformed.
std::optional<PortInfo> port_with_usb_id(const std::vector<PortInfo>& ports, std::string_view id);

// One line of `devs` output, mpremote's layout: "PATH SERIAL VID:PID MANUFACTURER PRODUCT" with
// "None" for what is unknown and 0000:0000 for non-USB ports.
std::string format_port_line(const PortInfo& p);

// The built-in connect shortcuts a0..a3, u0..u3, c0..c3: the device path, or nullopt.
std::optional<std::string> shortcut_device(std::string_view word);

}  // namespace mpy
