// DFU devices through libusb: finding them (every USB interface of class 0xFE subclass 1) and
// talking to one (DfuControl's production implementation).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "remote/flash/dfu_control.h"
#include "remote/flash/dfuse_engine.h"

struct libusb_context;
struct libusb_device_handle;

namespace mpy::flash {

struct DfuAltSetting {
    std::uint8_t alternate_setting = 0;
    std::string name;  // the interface string: a DfuSe memory layout ("@Internal Flash  /0x08000000/...")
};

struct DfuDeviceInfo {
    int bus = 0, address = 0;
    std::uint16_t vendor = 0, product = 0;
    std::string product_name, serial;  // "" when not readable
    bool dfu_mode = false;        // interface protocol 2 (DFU mode), not 1 (runtime: a running application)
    bool access_denied = false;   // strings could not be read: the device cannot be opened by this user
    std::uint8_t interface_number = 0;
    DfuFunctional functional;
    std::vector<DfuAltSetting> alt_settings;

    std::string id() const;  // "0483:df11 (bus 1 address 5)"
};

// The USB devices with a DFU interface; throws FlashError(device_error) when libusb cannot start
// (no USB on this machine).
std::vector<DfuDeviceInfo> list_dfu_devices();

// The text telling how to give this user access to a USB device (a udev rule on Linux).
std::string usb_permission_advice(std::uint16_t vendor, std::uint16_t product);

// One open DFU device, its interface claimed and alternate setting selected (RAII).
class LibusbDfuDevice : public DfuControl {
public:
    // Throws FlashError: permission (with the udev rule), no_device (gone meanwhile), device_error.
    LibusbDfuDevice(const DfuDeviceInfo& info, std::uint8_t alternate_setting);
    ~LibusbDfuDevice() override;
    LibusbDfuDevice(const LibusbDfuDevice&) = delete;
    LibusbDfuDevice& operator=(const LibusbDfuDevice&) = delete;

    void control_out(DfuRequest request, std::uint16_t value, std::span<const std::uint8_t> data) override;
    std::vector<std::uint8_t> control_in(DfuRequest request, std::uint16_t value, std::uint16_t length) override;
    void sleep(std::chrono::milliseconds ms) override;

    // What the engine needs to know about the device (transfer size, memory layout).
    DfuDeviceFacts facts() const { return facts_; }

private:
    libusb_context* ctx_ = nullptr;
    libusb_device_handle* handle_ = nullptr;
    std::uint8_t interface_ = 0;
    DfuDeviceFacts facts_;
};

}  // namespace mpy::flash
