#include "remote/flash/dfuse_engine.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "remote/flash/bytes_le.h"
#include "remote/flash/flash_error.h"

namespace mpy::flash {
namespace {

// What the user may do after a failure that left the firmware half written.
constexpr const char* kRetryNote =
    "; the board is still in its DFU bootloader (its firmware is incomplete): it is safe to run `mpr flash` again";

std::vector<std::uint8_t> command(std::uint8_t code, std::uint32_t address) {
    std::vector<std::uint8_t> out{code};
    append_le(out, address, 4);
    return out;
}

}  // namespace

DfuseEngine::DfuseEngine(DfuControl& control, DfuDeviceFacts facts, FlashProgress progress)
    : control_(control), facts_(std::move(facts)), progress_(std::move(progress)) {}

void DfuseEngine::fail_transfer(const UsbTransferError& e, const std::string& what) {
    std::string note = downloading_ ? kRetryNote : "";
    switch (e.kind()) {
        case UsbTransferError::Kind::gone:
            throw FlashError(FlashFailure::device_gone,
                             fmt::format("the DFU device went away while {} ({}){}", what, e.what(), note));
        case UsbTransferError::Kind::stall: {
            // The device says why in its status; it stays in dfuERROR until CLRSTATUS.
            std::string why = "its status could not be read";
            try {
                DfuStatusReport st = DfuStatusReport::parse(control_.control_in(DfuRequest::getstatus, 0, 6));
                why = st.describe();
                control_.control_out(DfuRequest::clrstatus, 0, {});
            } catch (const std::exception&) {
                // The stall is what is reported; the status was extra detail.
            }
            throw FlashError(FlashFailure::stalled, fmt::format("the DFU device stalled {}: {}{}", what, why, note));
        }
        case UsbTransferError::Kind::timeout:
            throw FlashError(FlashFailure::timeout,
                             fmt::format("the DFU device did not answer while {} ({}){}", what, e.what(), note));
        case UsbTransferError::Kind::access:
            throw FlashError(FlashFailure::permission, fmt::format("{} while {}", e.what(), what));
        case UsbTransferError::Kind::other: break;
    }
    throw FlashError(FlashFailure::device_error, fmt::format("USB error while {}: {}{}", what, e.what(), note));
}

DfuStatusReport DfuseEngine::get_status() {
    try {
        return DfuStatusReport::parse(control_.control_in(DfuRequest::getstatus, 0, 6));
    } catch (const UsbTransferError& e) {
        fail_transfer(e, "reading its status (DFU_GETSTATUS)");
    }
}

void DfuseEngine::to_idle() {
    auto request = [&](DfuRequest r, const char* what) {
        try {
            control_.control_out(r, 0, {});
        } catch (const UsbTransferError& e) {
            fail_transfer(e, what);
        }
    };
    DfuStatusReport st = get_status();
    if (st.state == DfuState::dfu_error) {
        request(DfuRequest::clrstatus, "clearing its error status (DFU_CLRSTATUS)");
        st = get_status();
    }
    if (st.state == DfuState::dfu_dnload_idle || st.state == DfuState::dfu_upload_idle ||
        st.state == DfuState::dfu_dnload_sync || st.state == DfuState::dfu_manifest_sync) {
        request(DfuRequest::abort, "returning it to dfuIDLE (DFU_ABORT)");
        st = get_status();
    }
    if (st.state != DfuState::dfu_idle || st.status != DfuStatus::ok)
        throw FlashError(FlashFailure::device_error,
                         fmt::format("the DFU device cannot be brought to dfuIDLE: {}", st.describe()));
}

void DfuseEngine::dnload(std::uint16_t block, std::span<const std::uint8_t> data, const std::string& what) {
    try {
        control_.control_out(DfuRequest::dnload, block, data);
    } catch (const UsbTransferError& e) {
        fail_transfer(e, what);
    }
}

void DfuseEngine::wait_for(DfuState expected, const std::string& what) {
    std::chrono::milliseconds waited{0};
    for (;;) {
        DfuStatusReport st = get_status();
        if (st.status != DfuStatus::ok) {
            try {
                control_.control_out(DfuRequest::clrstatus, 0, {});
            } catch (const UsbTransferError&) {
                // The error status is what is reported.
            }
            throw FlashError(FlashFailure::device_error, fmt::format("the DFU device failed {}: {}{}", what,
                                                                     st.describe(), downloading_ ? kRetryNote : ""));
        }
        if (st.state == expected) return;
        if (st.state != DfuState::dfu_dnbusy && st.state != DfuState::dfu_dnload_sync)
            throw FlashError(FlashFailure::device_error,
                             fmt::format("the DFU device is in state {} after {}, not {} ({})", state_name(st.state),
                                         what, state_name(expected), st.describe()));
        if (waited > busy_limit_)
            throw FlashError(FlashFailure::timeout,
                             fmt::format("the DFU device stayed busy ({}) for over {} ms while {}{}",
                                         state_name(st.state), busy_limit_.count(), what,
                                         downloading_ ? kRetryNote : ""));
        // The spec forbids asking again before bwPollTimeout has passed.
        control_.sleep(st.poll_timeout);
        waited += std::max(st.poll_timeout, std::chrono::milliseconds(1));
    }
}

void DfuseEngine::set_address(std::uint32_t address) {
    std::string what = fmt::format("setting the address pointer to 0x{:08x}", address);
    dnload(0, command(kDfuSeSetAddress, address), what);
    wait_for(DfuState::dfu_dnload_idle, what);
}

void DfuseEngine::erase_sector(std::uint32_t address) {
    std::string what = fmt::format("erasing the sector at 0x{:08x}", address);
    dnload(0, command(kDfuSeErase, address), what);
    wait_for(DfuState::dfu_dnload_idle, what);
}

void DfuseEngine::download(std::uint32_t address, std::span<const std::uint8_t> data, std::size_t& done,
                           std::size_t total) {
    const std::size_t chunk = facts_.functional.transfer_size;
    std::uint32_t block = 0xFFFF + 1;  // forces a Set Address Pointer first
    std::uint32_t base = address;
    for (std::size_t at = 0; at < data.size(); at += chunk) {
        if (block > 0xFFFF) {  // wValue is 16 bits: point again and count from 2
            base = address + static_cast<std::uint32_t>(at);
            set_address(base);
            block = kDfuSeFirstDataBlock;
        }
        auto part = data.subspan(at, std::min(chunk, data.size() - at));
        std::string what = fmt::format("writing {} bytes at 0x{:08x} (DFU_DNLOAD block {})", part.size(),
                                       address + at, block);
        dnload(static_cast<std::uint16_t>(block), part, what);
        wait_for(DfuState::dfu_dnload_idle, what);
        ++block;
        done += part.size();
        if (progress_.update) progress_.update(FlashProgress::Phase::download, done, total);
    }
}

std::vector<std::uint8_t> DfuseEngine::upload(std::uint32_t address, std::size_t length, std::size_t& done,
                                              std::size_t total) {
    const std::size_t chunk = facts_.functional.transfer_size;
    std::vector<std::uint8_t> out;
    std::uint32_t block = 0xFFFF + 1;
    while (out.size() < length) {
        if (block > 0xFFFF) {
            to_idle();
            set_address(address + static_cast<std::uint32_t>(out.size()));
            to_idle();  // DfuSe uploads start from dfuIDLE
            block = kDfuSeFirstDataBlock;
        }
        std::size_t want = std::min(chunk, length - out.size());
        std::string what = fmt::format("reading {} bytes at 0x{:08x} back (DFU_UPLOAD block {})", want,
                                       address + out.size(), block);
        std::vector<std::uint8_t> got;
        try {
            got = control_.control_in(DfuRequest::upload, static_cast<std::uint16_t>(block),
                                      static_cast<std::uint16_t>(want));
        } catch (const UsbTransferError& e) {
            fail_transfer(e, what);
        }
        if (got.size() != want)
            throw FlashError(FlashFailure::device_error,
                             fmt::format("the DFU device sent {} bytes instead of {} while {}", got.size(), want, what));
        out.insert(out.end(), got.begin(), got.end());
        ++block;
        done += want;
        if (progress_.update) progress_.update(FlashProgress::Phase::verify, done, total);
    }
    to_idle();
    return out;
}

void DfuseEngine::leave(std::uint32_t start_address) {
    to_idle();
    set_address(start_address);
    dnload(0, {}, "leaving DFU (zero-length DFU_DNLOAD)");
    // The device manifests on this GETSTATUS and resets: it may vanish before answering.
    try {
        DfuStatusReport st = DfuStatusReport::parse(control_.control_in(DfuRequest::getstatus, 0, 6));
        if (st.status != DfuStatus::ok)
            throw FlashError(FlashFailure::device_error,
                             fmt::format("the DFU device failed to leave DFU: {}", st.describe()));
    } catch (const UsbTransferError& e) {
        if (e.kind() == UsbTransferError::Kind::access) fail_transfer(e, "leaving DFU");
    }
}

void DfuseEngine::check_file(const DfuFile& file) const {
    if (facts_.functional.transfer_size == 0)
        throw FlashError(FlashFailure::device_error, "the DFU device gives a transfer size of 0 bytes");
    if (file.payload_size() == 0) throw FlashError(FlashFailure::bad_file, "the file has nothing to write");
    // 0xFFFF in the file's suffix means "any".
    if ((file.vendor != 0xFFFF && file.vendor != facts_.vendor) || (file.product != 0xFFFF && file.product != facts_.product))
        throw FlashError(FlashFailure::wrong_file,
                         fmt::format("the file is for USB device {:04x}:{:04x}, this device is {:04x}:{:04x}",
                                     file.vendor, file.product, facts_.vendor, facts_.product));
    for (std::size_t t = 0; t < file.targets.size(); ++t) {
        const DfuTarget& target = file.targets[t];
        if (target.alternate_setting != facts_.alternate_setting)
            throw FlashError(FlashFailure::wrong_file,
                             fmt::format("target {} of the file is for alternate setting {} of the DFU interface; "
                                         "the device's '{}' is alternate setting {}",
                                         t, target.alternate_setting, facts_.memory.name, facts_.alternate_setting));
        for (const DfuElement& e : target.elements) {
            std::uint32_t last = e.address + static_cast<std::uint32_t>(e.data.size()) - 1;
            const DfuSectorRun* first_run = facts_.memory.run_at(e.address);
            const DfuSectorRun* last_run = facts_.memory.run_at(last);
            if (!first_run || !last_run)
                throw FlashError(FlashFailure::wrong_file,
                                 fmt::format("the file writes 0x{:08x}-0x{:08x}, outside the device's '{}': "
                                             "it is a file for another board",
                                             e.address, last, facts_.memory.name));
            for (std::uint32_t a = e.address; a <= last && a >= e.address;) {
                const DfuSectorRun* r = facts_.memory.run_at(a);
                if (!r || !r->writable || !r->erasable)
                    throw FlashError(FlashFailure::wrong_file,
                                     fmt::format("the file writes 0x{:08x}, which the device's '{}' does not let "
                                                 "mpr erase and write", a, facts_.memory.name));
                std::uint64_t next = static_cast<std::uint64_t>(facts_.memory.sector_start(a)) + r->size;
                if (next > 0xFFFFFFFFull) break;
                a = static_cast<std::uint32_t>(next);
            }
        }
    }
}

void DfuseEngine::flash(const DfuFile& file, const FlashSettings& settings) {
    busy_limit_ = settings.busy_limit;
    check_file(file);
    if (settings.verify && !facts_.functional.can_upload())
        throw FlashError(FlashFailure::device_error,
                         "the DFU device cannot upload (bitCanUpload is clear), so it cannot be verified: "
                         "use --no-verify");
    to_idle();

    std::set<std::uint32_t> sectors;
    for (const DfuTarget& t : file.targets)
        for (const DfuElement& e : t.elements)
            for (std::uint64_t a = e.address; a < e.address + static_cast<std::uint64_t>(e.data.size());) {
                std::uint32_t start = facts_.memory.sector_start(static_cast<std::uint32_t>(a));
                sectors.insert(start);
                a = static_cast<std::uint64_t>(start) + facts_.memory.run_at(start)->size;
            }
    std::size_t erased = 0;
    downloading_ = true;  // from the first erase on, the old firmware is gone
    for (std::uint32_t s : sectors) {
        erase_sector(s);
        if (progress_.update) progress_.update(FlashProgress::Phase::erase, ++erased, sectors.size());
    }

    const std::size_t total = file.payload_size();
    std::size_t done = 0;
    for (const DfuTarget& t : file.targets)
        for (const DfuElement& e : t.elements) download(e.address, e.data, done, total);

    if (settings.verify) {
        to_idle();
        done = 0;
        for (const DfuTarget& t : file.targets)
            for (const DfuElement& e : t.elements) {
                std::vector<std::uint8_t> back = upload(e.address, e.data.size(), done, total);
                auto diff = std::mismatch(e.data.begin(), e.data.end(), back.begin());
                if (diff.first != e.data.end()) {
                    std::size_t at = static_cast<std::size_t>(diff.first - e.data.begin());
                    throw FlashError(FlashFailure::verify_failed,
                                     fmt::format("verify failed: 0x{:08x} reads back 0x{:02x}, the file has 0x{:02x}{}",
                                                 e.address + at, *diff.second, *diff.first, kRetryNote));
                }
            }
    }
    downloading_ = false;
    if (settings.leave)
        for (const DfuTarget& t : file.targets)
            if (!t.elements.empty()) return leave(t.elements.front().address);
}

}  // namespace mpy::flash
