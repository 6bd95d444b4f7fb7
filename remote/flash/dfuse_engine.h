// Flashing a DfuSe device (STM32 system boot loader, AN3156) through DfuControl: bring it to
// dfuIDLE, erase every sector the file's elements touch, download each element in wTransferSize
// blocks after a Set Address Pointer, wait out each bwPollTimeout, read everything back to
// verify, then leave DFU (Set Address Pointer to the start, zero-length DNLOAD, GETSTATUS) so the
// board runs its new firmware.  Every failure is a FlashError naming the DFU state and status.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "remote/flash/dfu_control.h"
#include "remote/flash/dfu_file.h"
#include "remote/flash/dfu_protocol.h"

namespace mpy::flash {

struct DfuDeviceFacts {
    DfuFunctional functional;     // wTransferSize, attributes
    DfuMemoryLayout memory;       // of the alternate setting flashed
    std::uint8_t alternate_setting = 0;
    std::uint16_t vendor = 0x0483, product = 0xDF11;  // the device's idVendor, idProduct
};

struct FlashProgress {
    enum class Phase { erase, download, verify };
    // Called with the phase, the bytes (sectors for erase) done and the total.
    std::function<void(Phase, std::size_t done, std::size_t total)> update;
};

struct FlashSettings {
    bool verify = true;
    bool leave = true;  // leave DFU at the end so the board starts its new firmware
    // How long a device may stay busy (dfuDNBUSY, dfuMANIFEST) on one command before mpr gives up.
    std::chrono::milliseconds busy_limit{20000};
};

class DfuseEngine {
public:
    DfuseEngine(DfuControl& control, DfuDeviceFacts facts, FlashProgress progress = {});

    // Flashes the targets of `file` for this alternate setting (throws FlashError).
    void flash(const DfuFile& file, const FlashSettings& settings);

    // The individual steps, for flash() and the tests.
    DfuStatusReport get_status();
    void to_idle();  // from any state the spec allows, via CLRSTATUS/ABORT; throws if it fails
    void set_address(std::uint32_t address);
    void erase_sector(std::uint32_t address);
    void download(std::uint32_t address, std::span<const std::uint8_t> data, std::size_t& done, std::size_t total);
    std::vector<std::uint8_t> upload(std::uint32_t address, std::size_t length, std::size_t& done, std::size_t total);
    void leave(std::uint32_t start_address);

private:
    // Polls GETSTATUS (waiting each bwPollTimeout) until the device is past dfuDNBUSY;
    // throws naming `what` unless it ends in `expected` with status OK.
    void wait_for(DfuState expected, const std::string& what);
    void dnload(std::uint16_t block, std::span<const std::uint8_t> data, const std::string& what);
    [[noreturn]] void fail_transfer(const UsbTransferError& e, const std::string& what);
    void check_file(const DfuFile& file) const;

    DfuControl& control_;
    DfuDeviceFacts facts_;
    FlashProgress progress_;
    std::chrono::milliseconds busy_limit_{20000};
    bool downloading_ = false;  // memory has been changed: the firmware is incomplete until done
};

}  // namespace mpy::flash
