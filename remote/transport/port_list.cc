#include "remote/transport/port_list.h"

#include <libserialport.h>
#include <libusb.h>

#include "remote/transport/device_names.h"

namespace mpy {
namespace {

std::string str_or_empty(const char* s) { return s ? s : ""; }

// libserialport reads the USB strings from sysfs; when it finds none (some drivers, some
// permissions) ask the device itself through libusb.
void fill_from_libusb(PortInfo& p, int bus, int address) {
    libusb_context* ctx = nullptr;
    if (libusb_init(&ctx) != 0) return;
    libusb_device** list = nullptr;
    ssize_t n = libusb_get_device_list(ctx, &list);
    for (ssize_t i = 0; i < n; ++i) {
        libusb_device* d = list[i];
        if (libusb_get_bus_number(d) != bus || libusb_get_device_address(d) != address) continue;
        libusb_device_descriptor desc{};
        libusb_device_handle* h = nullptr;
        if (libusb_get_device_descriptor(d, &desc) != 0 || libusb_open(d, &h) != 0) break;
        auto read_string = [&](uint8_t index, std::string& out) {
            unsigned char buf[256];
            if (index == 0 || !out.empty()) return;
            int len = libusb_get_string_descriptor_ascii(h, index, buf, sizeof buf);
            if (len > 0) out.assign(reinterpret_cast<char*>(buf), static_cast<std::size_t>(len));
        };
        read_string(desc.iManufacturer, p.manufacturer);
        read_string(desc.iProduct, p.product);
        read_string(desc.iSerialNumber, p.serial);
        libusb_close(h);
        break;
    }
    if (list) libusb_free_device_list(list, 1);
    libusb_exit(ctx);
}

}  // namespace

std::vector<PortInfo> list_serial_ports() {
    std::vector<PortInfo> out;
    sp_port** ports = nullptr;
    if (sp_list_ports(&ports) != SP_OK) return out;
    for (sp_port** it = ports; *it; ++it) {
        sp_port* port = *it;
        PortInfo p;
        p.path = str_or_empty(sp_get_port_name(port));
        if (sp_get_port_transport(port) == SP_TRANSPORT_USB) {
            int vid = 0, pid = 0;
            if (sp_get_port_usb_vid_pid(port, &vid, &pid) == SP_OK) {
                p.vid = vid;
                p.pid = pid;
            }
            p.serial = str_or_empty(sp_get_port_usb_serial(port));
            p.manufacturer = str_or_empty(sp_get_port_usb_manufacturer(port));
            p.product = str_or_empty(sp_get_port_usb_product(port));
            int bus = 0, address = 0;
            if ((p.serial.empty() || p.manufacturer.empty() || p.product.empty()) &&
                sp_get_port_usb_bus_address(port, &bus, &address) == SP_OK)
                fill_from_libusb(p, bus, address);
        }
        out.push_back(std::move(p));
    }
    sp_free_port_list(ports);
    sort_ports(out);
    return out;
}

}  // namespace mpy
