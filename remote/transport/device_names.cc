#include "remote/transport/device_names.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include "common/diagnostics.h"

namespace mpy {

DeviceName parse_device_name(std::string_view t) {
    auto starts = [&](std::string_view p) { return t.substr(0, p.size()) == p; };
    if (t == "list") return {DeviceKind::list, ""};
    if (t == "auto") return {DeviceKind::automatic, ""};
    if (t == "sim") return {DeviceKind::sim, ""};
    if (starts("id:")) return {DeviceKind::serial_number, std::string(t.substr(3))};
    if (starts("usb:")) return {DeviceKind::usb_id, std::string(t.substr(4))};
    if (starts("port:")) return {DeviceKind::path, std::string(t.substr(5))};
    if (starts("socket://")) return {DeviceKind::socket, std::string(t.substr(9))};
    if (starts("ws://")) return {DeviceKind::webrepl, std::string(t.substr(5))};
    return {DeviceKind::path, std::string(t)};
}

bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        bool da = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
        bool db = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
        if (da && db) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
            while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
            // Compare the numbers by value: strip leading zeros, then length, then digits.
            std::string_view na = a.substr(i, ie - i), nb = b.substr(j, je - j);
            while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
            while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

void sort_ports(std::vector<PortInfo>& ports) {
    std::stable_sort(ports.begin(), ports.end(),
                     [](const PortInfo& x, const PortInfo& y) { return natural_less(x.path, y.path); });
}

std::optional<PortInfo> first_usb_port(const std::vector<PortInfo>& ports) {
    for (const PortInfo& p : ports)
        if (p.is_usb()) return p;
    return std::nullopt;
}

std::optional<PortInfo> port_with_serial(const std::vector<PortInfo>& ports, std::string_view serial) {
    for (const PortInfo& p : ports)
        if (!p.serial.empty() && p.serial == serial) return p;
    return std::nullopt;
}

std::optional<PortInfo> port_with_usb_id(const std::vector<PortInfo>& ports, std::string_view id) {
    auto bad = [&]() -> DiagnosticError {
        return DiagnosticError(Diagnostic{
            "error", "usb:" + std::string(id) + ": expected usb:VID:PID in hex, e.g. usb:2e8a:0005", {}});
    };
    auto colon = id.find(':');
    if (colon == std::string_view::npos) throw bad();
    auto parse_hex = [&](std::string_view s) {
        if (s.empty() || s.size() > 4) throw bad();
        int v = 0;
        for (char c : s) {
            if (!std::isxdigit(static_cast<unsigned char>(c))) throw bad();
            v = v * 16 + (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
        }
        return v;
    };
    int vid = parse_hex(id.substr(0, colon)), pid = parse_hex(id.substr(colon + 1));
    for (const PortInfo& p : ports)
        if (p.vid == vid && p.pid == pid) return p;
    return std::nullopt;
}

std::string format_port_line(const PortInfo& p) {
    auto or_none = [](const std::string& s) { return s.empty() ? std::string("None") : s; };
    return fmt::format("{} {} {:04x}:{:04x} {} {}", p.path, or_none(p.serial), p.vid.value_or(0),
                       p.pid.value_or(0), or_none(p.manufacturer), or_none(p.product));
}

std::optional<std::string> shortcut_device(std::string_view w) {
    if (w.size() != 2 || w[1] < '0' || w[1] > '3') return std::nullopt;
    switch (w[0]) {
        case 'a': return "/dev/ttyACM" + std::string(1, w[1]);
        case 'u': return "/dev/ttyUSB" + std::string(1, w[1]);
        case 'c': return "COM" + std::string(1, w[1]);
        default: return std::nullopt;
    }
}

}  // namespace mpy
