// The USB DFU 1.1 protocol as STM32 boot loaders speak it, with ST's DfuSe extensions (AN3156):
// class requests, device states and status codes (each with its name, for error messages), the
// DFU_GETSTATUS answer, the DFU functional descriptor and the memory layout a DfuSe alternate
// setting describes in its interface string ("@Internal Flash  /0x08000000/04*016Kg,...").
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mpy::flash {

enum class DfuRequest : std::uint8_t {
    detach = 0, dnload = 1, upload = 2, getstatus = 3, clrstatus = 4, getstate = 5, abort = 6,
};

enum class DfuState : std::uint8_t {
    app_idle = 0, app_detach = 1, dfu_idle = 2, dfu_dnload_sync = 3, dfu_dnbusy = 4, dfu_dnload_idle = 5,
    dfu_manifest_sync = 6, dfu_manifest = 7, dfu_manifest_wait_reset = 8, dfu_upload_idle = 9, dfu_error = 10,
};

enum class DfuStatus : std::uint8_t {
    ok = 0x00, err_target = 0x01, err_file = 0x02, err_write = 0x03, err_erase = 0x04, err_check_erased = 0x05,
    err_prog = 0x06, err_verify = 0x07, err_address = 0x08, err_notdone = 0x09, err_firmware = 0x0A,
    err_vendor = 0x0B, err_usbr = 0x0C, err_por = 0x0D, err_unknown = 0x0E, err_stalledpkt = 0x0F,
};

// The spec's names: "dfuDNLOAD-IDLE", "errCHECK_ERASED"; with the spec's meaning for statuses.
std::string state_name(DfuState s);
std::string status_name(DfuStatus s);
std::string status_meaning(DfuStatus s);

// DfuSe commands: the first byte of a DFU_DNLOAD with wValue 0.
inline constexpr std::uint8_t kDfuSeSetAddress = 0x21;
inline constexpr std::uint8_t kDfuSeErase = 0x41;
// DfuSe data blocks: wValue >= 2 addresses pointer + (wValue - 2) * wTransferSize.
inline constexpr std::uint16_t kDfuSeFirstDataBlock = 2;

struct DfuStatusReport {
    DfuStatus status = DfuStatus::ok;
    std::chrono::milliseconds poll_timeout{0};  // bwPollTimeout: wait this long before the next GETSTATUS
    DfuState state = DfuState::dfu_idle;
    std::uint8_t string_index = 0;

    // The 6 bytes of a DFU_GETSTATUS answer; throws FlashError(device_error) if fewer.
    static DfuStatusReport parse(std::span<const std::uint8_t> bytes);
    std::vector<std::uint8_t> encode() const;
    // "status errWRITE (device error writing memory), state dfuERROR"
    std::string describe() const;
};

// The DFU functional descriptor (DFU 1.1 section 4.1.3), from the interface's extra descriptors.
struct DfuFunctional {
    std::uint8_t attributes = 0;  // bitCanDnload 1, bitCanUpload 2, bitManifestationTolerant 4, bitWillDetach 8
    std::uint16_t detach_timeout_ms = 0;
    std::uint16_t transfer_size = 0;
    std::uint16_t dfu_version = 0;  // 0x011A for DfuSe

    bool can_upload() const { return attributes & 0x02; }
    // Finds the descriptor (type 0x21, 7 or 9 bytes) among an interface's extra descriptors.
    static bool find(std::span<const std::uint8_t> extra, DfuFunctional& out);
};

// One run of equal sectors of a DfuSe memory, as "04*016Kg" says: 4 sectors of 16 KB, readable,
// erasable and writable ("g": a = r, b = e, c = re, d = w, e = rw, f = ew, g = rew).
struct DfuSectorRun {
    std::uint32_t start = 0;
    std::uint32_t count = 0;
    std::uint32_t size = 0;
    bool readable = false, erasable = false, writable = false;
};

struct DfuMemoryLayout {
    std::string name;  // "Internal Flash"
    std::vector<DfuSectorRun> runs;

    // Parses "@NAME/0xADDR/N*SSSKg,..[/0xADDR/...]"; throws FlashError(device_error) naming the text.
    static DfuMemoryLayout parse(const std::string& text);
    // The sector holding `address`, or nullptr.
    const DfuSectorRun* run_at(std::uint32_t address) const;
    // The start of the sector holding `address` (which run_at must find).
    std::uint32_t sector_start(std::uint32_t address) const;
};

}  // namespace mpy::flash
