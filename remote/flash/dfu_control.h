// The one thing the DFU engine needs from a device: class-specific control transfers to its DFU
// interface, and a way to wait.  The production implementation is libusb (libusb_dfu.h); the unit
// tests put a DfuSe device model behind it (tests/unit/flash/dfuse_model.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "remote/flash/dfu_protocol.h"

namespace mpy::flash {

// A control transfer that did not complete.
class UsbTransferError : public std::runtime_error {
public:
    enum class Kind { stall, gone, timeout, access, other };
    UsbTransferError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class DfuControl {
public:
    virtual ~DfuControl() = default;
    // A host-to-device class request (bmRequestType 0x21) to the DFU interface.
    virtual void control_out(DfuRequest request, std::uint16_t value, std::span<const std::uint8_t> data) = 0;
    // A device-to-host class request (bmRequestType 0xA1); returns what the device sent.
    virtual std::vector<std::uint8_t> control_in(DfuRequest request, std::uint16_t value, std::uint16_t length) = 0;
    // Waits (a poll timeout); the device model only advances its clock.
    virtual void sleep(std::chrono::milliseconds ms) = 0;
};

}  // namespace mpy::flash
