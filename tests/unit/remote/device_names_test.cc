#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "remote/transport/device_names.h"

namespace mpy {
namespace {

TEST(MprDeviceNames, ParsesEveryForm) {
    EXPECT_EQ(parse_device_name("list").kind, DeviceKind::list);
    EXPECT_EQ(parse_device_name("auto").kind, DeviceKind::automatic);
    EXPECT_EQ(parse_device_name("sim").kind, DeviceKind::sim);
    DeviceName id = parse_device_name("id:334D335C3138");
    EXPECT_EQ(id.kind, DeviceKind::serial_number);
    EXPECT_EQ(id.value, "334D335C3138");
    DeviceName usb = parse_device_name("usb:2e8a:0005");
    EXPECT_EQ(usb.kind, DeviceKind::usb_id);
    EXPECT_EQ(usb.value, "2e8a:0005");
    DeviceName port = parse_device_name("port:/dev/ttyS0");
    EXPECT_EQ(port.kind, DeviceKind::path);
    EXPECT_EQ(port.value, "/dev/ttyS0");
    DeviceName sock = parse_device_name("socket://localhost:2217");
    EXPECT_EQ(sock.kind, DeviceKind::socket);
    auto ws = parse_device_name("ws://192.168.4.1:8266");
    EXPECT_EQ(ws.kind, DeviceKind::webrepl);
    EXPECT_EQ(ws.value, "192.168.4.1:8266");
    EXPECT_EQ(sock.value, "localhost:2217");
    DeviceName path = parse_device_name("/dev/pts/3");
    EXPECT_EQ(path.kind, DeviceKind::path);
    EXPECT_EQ(path.value, "/dev/pts/3");
}

TEST(MprDeviceNames, Shortcuts) {
    EXPECT_EQ(shortcut_device("a0"), "/dev/ttyACM0");
    EXPECT_EQ(shortcut_device("a3"), "/dev/ttyACM3");
    EXPECT_EQ(shortcut_device("u1"), "/dev/ttyUSB1");
    EXPECT_EQ(shortcut_device("c2"), "COM2");
    EXPECT_FALSE(shortcut_device("a4"));
    EXPECT_FALSE(shortcut_device("x0"));
    EXPECT_FALSE(shortcut_device("a"));
    EXPECT_FALSE(shortcut_device("a10"));
}

TEST(MprDeviceNames, NaturalOrder) {
    EXPECT_TRUE(natural_less("/dev/ttyACM2", "/dev/ttyACM10"));
    EXPECT_FALSE(natural_less("/dev/ttyACM10", "/dev/ttyACM2"));
    EXPECT_TRUE(natural_less("/dev/ttyACM9", "/dev/ttyUSB0"));
    EXPECT_TRUE(natural_less("COM1", "COM01x"));
    EXPECT_FALSE(natural_less("COM3", "COM3"));
    std::vector<PortInfo> ports = {{"/dev/ttyACM10"}, {"/dev/ttyACM2"}, {"/dev/ttyACM1"}};
    sort_ports(ports);
    EXPECT_EQ(ports[0].path, "/dev/ttyACM1");
    EXPECT_EQ(ports[1].path, "/dev/ttyACM2");
    EXPECT_EQ(ports[2].path, "/dev/ttyACM10");
}

std::vector<PortInfo> sample_ports() {
    PortInfo s0{"/dev/ttyS0"};
    PortInfo pico{"/dev/ttyACM0", 0x2e8a, 0x0005, "E66038B7133F2A2F", "MicroPython", "Board in FS mode"};
    PortInfo esp{"/dev/ttyUSB0", 0x10c4, 0xea60, "0001", "Silicon Labs", "CP2102 USB to UART Bridge Controller"};
    return {s0, pico, esp};
}

TEST(MprDeviceNames, AutoPicksFirstUsbPort) {
    auto p = first_usb_port(sample_ports());
    ASSERT_TRUE(p);
    EXPECT_EQ(p->path, "/dev/ttyACM0");
    EXPECT_FALSE(first_usb_port({PortInfo{"/dev/ttyS0"}}));
}

TEST(MprDeviceNames, FindsBySerialNumber) {
    auto p = port_with_serial(sample_ports(), "0001");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->path, "/dev/ttyUSB0");
    EXPECT_FALSE(port_with_serial(sample_ports(), "nope"));
    EXPECT_FALSE(port_with_serial(sample_ports(), ""));  // ports without serial never match ""
}

TEST(MprDeviceNames, FindsByVidPid) {
    auto p = port_with_usb_id(sample_ports(), "2E8A:5");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->path, "/dev/ttyACM0");
    auto q = port_with_usb_id(sample_ports(), "10c4:ea60");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->path, "/dev/ttyUSB0");
    EXPECT_FALSE(port_with_usb_id(sample_ports(), "1234:5678"));
    EXPECT_THROW(port_with_usb_id(sample_ports(), "2e8a"), DiagnosticError);
    EXPECT_THROW(port_with_usb_id(sample_ports(), "2e8g:0005"), DiagnosticError);
    EXPECT_THROW(port_with_usb_id(sample_ports(), "12345:1"), DiagnosticError);
}

TEST(MprDeviceNames, ListLineLayoutMatchesMpremote) {
    auto ports = sample_ports();
    EXPECT_EQ(format_port_line(ports[0]), "/dev/ttyS0 None 0000:0000 None None");
    EXPECT_EQ(format_port_line(ports[1]),
              "/dev/ttyACM0 E66038B7133F2A2F 2e8a:0005 MicroPython Board in FS mode");
}

}  // namespace
}  // namespace mpy
