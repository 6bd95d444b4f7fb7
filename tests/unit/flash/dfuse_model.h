// A DfuSe device model for the DFU engine's tests.  IT STANDS IN FOR HARDWARE: no real USB device
// can be attached where the tests run, so this model plays an STM32 system boot loader in DFU
// mode as the USB DFU 1.1 specification (state machine, section 6 and appendix A) and ST's AN3156
// (DfuSe commands Set Address Pointer 0x21 and Erase 0x41, data blocks from wValue 2, upload, leave
// via a zero-length DNLOAD) describe it.  Written from those documents, not from any host tool.
//
// It keeps a virtual clock (DfuControl::sleep advances it) and checks the host: a GETSTATUS
// before bwPollTimeout has passed, a request the current state does not allow, a write to memory
// that is not erased or outside the memory map are all caught (a stall into dfuERROR, or an
// error status, as a device would), and counted in `violations` so tests can require none.
// Faults can be injected: a stall, a wrong status, the device vanishing, staying busy, a flash
// cell that does not keep what was written.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "remote/flash/bytes_le.h"
#include "remote/flash/dfu_control.h"
#include "remote/flash/dfu_protocol.h"

namespace mpy::flash::testing {

struct DfuseFaults {
    std::optional<int> stall_on_data_block;         // the Nth data DNLOAD (1-based) is stalled
    std::optional<int> wrong_status_on_data_block;  // its GETSTATUS says errPROG, dfuERROR
    std::optional<int> gone_on_data_block;          // the device vanishes on it (unplugged, reset)
    bool stuck_busy = false;                        // every command stays in dfuDNBUSY
    std::optional<std::uint32_t> bad_cell;          // this address reads back inverted
    bool no_upload = false;                         // bitCanUpload clear
};

class DfuseModel : public DfuControl {
public:
    // The memory map of an STM32F405 (1 MB: 4 x 16 KB, 64 KB, 7 x 128 KB), wTransferSize 2048.
    static constexpr const char* kLayout = "@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg";
    static constexpr std::uint32_t kBase = 0x08000000;
    static constexpr std::uint32_t kSize = 1024 * 1024;
    static constexpr std::uint16_t kTransferSize = 2048;

    DfuseFaults faults;
    std::vector<std::uint8_t> memory;    // what the flash holds
    DfuState state = DfuState::dfu_idle;
    DfuStatus status = DfuStatus::ok;
    int violations = 0;                  // host requests the spec does not allow
    int erases = 0, data_blocks = 0, uploads = 0;
    bool left_dfu = false;               // manifested: the board has reset into its firmware
    std::chrono::milliseconds erase_time{200}, write_time{5};

    DfuseModel() : memory(kSize) {
        // The old firmware: anything but erased flash, so an unerased write is caught.
        for (std::size_t i = 0; i < memory.size(); ++i) memory[i] = static_cast<std::uint8_t>(i * 7 + 3);
    }

    DfuMemoryLayout layout() const { return DfuMemoryLayout::parse(kLayout); }
    DfuFunctional functional() const {
        DfuFunctional f;
        f.attributes = faults.no_upload ? 0x09 : 0x0B;  // can download, (upload), will detach
        f.transfer_size = kTransferSize;
        f.dfu_version = 0x011A;
        return f;
    }

    void control_out(DfuRequest request, std::uint16_t value, std::span<const std::uint8_t> data) override {
        check_present();
        switch (request) {
            case DfuRequest::dnload: return dnload(value, data);
            case DfuRequest::clrstatus:
                if (state != DfuState::dfu_error) stall("DFU_CLRSTATUS outside dfuERROR");
                state = DfuState::dfu_idle;
                status = DfuStatus::ok;
                return;
            case DfuRequest::abort:
                if (state == DfuState::dfu_idle || state == DfuState::dfu_dnload_sync ||
                    state == DfuState::dfu_dnload_idle || state == DfuState::dfu_manifest_sync ||
                    state == DfuState::dfu_upload_idle) {
                    state = DfuState::dfu_idle;
                    pending_.reset();
                    return;
                }
                stall("DFU_ABORT in " + state_name(state));
            default: stall("an OUT request the device does not take");
        }
    }

    std::vector<std::uint8_t> control_in(DfuRequest request, std::uint16_t value, std::uint16_t length) override {
        check_present();
        switch (request) {
            case DfuRequest::getstatus: return get_status();
            case DfuRequest::getstate: return {static_cast<std::uint8_t>(state)};
            case DfuRequest::upload: return upload(value, length);
            default: stall("an IN request the device does not take");
        }
    }

    void sleep(std::chrono::milliseconds ms) override { now_ += ms; }

    std::uint8_t at(std::uint32_t address) const { return memory[address - kBase]; }

private:
    struct Pending {  // what the next GETSTATUS executes
        enum class Kind { set_address, erase, write } kind;
        std::uint32_t address;
        std::vector<std::uint8_t> data;
        int data_block_no = 0;
    };

    [[noreturn]] void stall(const std::string& why) {
        ++violations;
        last_violation = why;
        state = DfuState::dfu_error;
        status = DfuStatus::err_stalledpkt;
        throw UsbTransferError(UsbTransferError::Kind::stall, "stalled: " + why);
    }

    void check_present() const {
        if (gone_) throw UsbTransferError(UsbTransferError::Kind::gone, "LIBUSB_ERROR_NO_DEVICE");
    }

    bool in_memory(std::uint32_t address, std::size_t n) const {
        return address >= kBase && address - kBase + n <= kSize;
    }

    void dnload(std::uint16_t block, std::span<const std::uint8_t> data) {
        if (state != DfuState::dfu_idle && state != DfuState::dfu_dnload_idle)
            stall("DFU_DNLOAD in " + state_name(state));
        if (data.empty()) {
            if (state == DfuState::dfu_idle) stall("a zero-length DFU_DNLOAD in dfuIDLE");
            state = DfuState::dfu_manifest_sync;
            return;
        }
        if (data.size() > kTransferSize) stall("a DFU_DNLOAD longer than wTransferSize");
        if (block == 0) {
            if (data.size() == 5 && data[0] == kDfuSeSetAddress)
                pending_ = Pending{Pending::Kind::set_address, read_le(data, 1, 4), {}};
            else if (data.size() == 5 && data[0] == kDfuSeErase)
                pending_ = Pending{Pending::Kind::erase, read_le(data, 1, 4), {}};
            else
                stall("an unknown DfuSe command");
        } else if (block == 1) {
            stall("DFU_DNLOAD block 1 (reserved by DfuSe)");
        } else {
            ++data_blocks;
            if (faults.gone_on_data_block == data_blocks) {
                gone_ = true;
                check_present();
            }
            if (faults.stall_on_data_block == data_blocks) {
                state = DfuState::dfu_error;
                status = DfuStatus::err_stalledpkt;
                throw UsbTransferError(UsbTransferError::Kind::stall, "LIBUSB_ERROR_PIPE");
            }
            std::uint32_t address = pointer_ + (block - kDfuSeFirstDataBlock) * kTransferSize;
            pending_ = Pending{Pending::Kind::write, address, {data.begin(), data.end()}, data_blocks};
        }
        state = DfuState::dfu_dnload_sync;
    }

    std::vector<std::uint8_t> get_status() {
        if (now_ < busy_until_) {
            ++violations;
            last_violation = "DFU_GETSTATUS before bwPollTimeout had passed";
            busy_until_ = {};
            state = DfuState::dfu_error;
            status = DfuStatus::err_stalledpkt;
            throw UsbTransferError(UsbTransferError::Kind::stall, "LIBUSB_ERROR_PIPE");
        }
        DfuStatusReport r;
        if (state == DfuState::dfu_dnload_sync && pending_) {
            execute(*pending_);
            pending_.reset();
        } else if (state == DfuState::dfu_dnbusy && !faults.stuck_busy) {
            state = DfuState::dfu_dnload_idle;
        } else if (state == DfuState::dfu_manifest_sync) {
            // Manifestation: the boot loader jumps to the new firmware and leaves the bus.
            state = DfuState::dfu_manifest;
            left_dfu = true;
            gone_ = true;
        }
        r.status = status;
        r.state = state;
        if (state == DfuState::dfu_dnbusy) {
            r.poll_timeout = busy_time_;
            busy_until_ = now_ + busy_time_;
        }
        return r.encode();
    }

    void fail(DfuStatus s) {
        state = DfuState::dfu_error;
        status = s;
    }

    void execute(const Pending& p) {
        if (faults.wrong_status_on_data_block && p.data_block_no == *faults.wrong_status_on_data_block)
            return fail(DfuStatus::err_prog);
        switch (p.kind) {
            case Pending::Kind::set_address:
                if (!in_memory(p.address, 1)) return fail(DfuStatus::err_target);
                pointer_ = p.address;
                busy_time_ = std::chrono::milliseconds(1);
                break;
            case Pending::Kind::erase: {
                if (!in_memory(p.address, 1)) return fail(DfuStatus::err_target);
                DfuMemoryLayout l = layout();
                std::uint32_t start = l.sector_start(p.address);
                std::fill_n(memory.begin() + (start - kBase), l.run_at(start)->size, 0xFF);
                ++erases;
                busy_time_ = erase_time;
                break;
            }
            case Pending::Kind::write:
                if (!in_memory(p.address, p.data.size())) return fail(DfuStatus::err_address);
                for (std::size_t i = 0; i < p.data.size(); ++i)
                    if (memory[p.address - kBase + i] != 0xFF) {
                        ++violations;
                        last_violation = "a write to memory that was not erased";
                        return fail(DfuStatus::err_check_erased);
                    }
                for (std::size_t i = 0; i < p.data.size(); ++i) {
                    std::uint8_t v = p.data[i];
                    if (faults.bad_cell == p.address + i) v = static_cast<std::uint8_t>(~v);
                    memory[p.address - kBase + i] = v;
                }
                busy_time_ = write_time;
                break;
        }
        state = DfuState::dfu_dnbusy;
    }

    std::vector<std::uint8_t> upload(std::uint16_t block, std::uint16_t length) {
        if (faults.no_upload) stall("DFU_UPLOAD on a device without bitCanUpload");
        if (state != DfuState::dfu_idle && state != DfuState::dfu_upload_idle)
            stall("DFU_UPLOAD in " + state_name(state));
        if (length > kTransferSize) stall("a DFU_UPLOAD longer than wTransferSize");
        if (block < kDfuSeFirstDataBlock) stall("DFU_UPLOAD of a DfuSe command block");
        std::uint32_t address = pointer_ + (block - kDfuSeFirstDataBlock) * kTransferSize;
        if (!in_memory(address, length)) stall("DFU_UPLOAD outside the memory");
        ++uploads;
        // A short frame ends the upload (DFU 1.1 section 6.2).
        state = length < kTransferSize ? DfuState::dfu_idle : DfuState::dfu_upload_idle;
        return {memory.begin() + (address - kBase), memory.begin() + (address - kBase) + length};
    }

public:
    std::string last_violation;

private:
    std::optional<Pending> pending_;
    std::uint32_t pointer_ = kBase;
    std::chrono::milliseconds now_{0}, busy_until_{0}, busy_time_{0};
    bool gone_ = false;
};

}  // namespace mpy::flash::testing
