#include "remote/flash/dfu_protocol.h"

#include <cctype>
#include <fmt/format.h>

#include "remote/flash/bytes_le.h"
#include "remote/flash/flash_error.h"

namespace mpy::flash {

std::string state_name(DfuState s) {
    switch (s) {
        case DfuState::app_idle: return "appIDLE";
        case DfuState::app_detach: return "appDETACH";
        case DfuState::dfu_idle: return "dfuIDLE";
        case DfuState::dfu_dnload_sync: return "dfuDNLOAD-SYNC";
        case DfuState::dfu_dnbusy: return "dfuDNBUSY";
        case DfuState::dfu_dnload_idle: return "dfuDNLOAD-IDLE";
        case DfuState::dfu_manifest_sync: return "dfuMANIFEST-SYNC";
        case DfuState::dfu_manifest: return "dfuMANIFEST";
        case DfuState::dfu_manifest_wait_reset: return "dfuMANIFEST-WAIT-RESET";
        case DfuState::dfu_upload_idle: return "dfuUPLOAD-IDLE";
        case DfuState::dfu_error: return "dfuERROR";
    }
    return fmt::format("unknown state {}", static_cast<int>(s));
}

std::string status_name(DfuStatus s) {
    switch (s) {
        case DfuStatus::ok: return "OK";
        case DfuStatus::err_target: return "errTARGET";
        case DfuStatus::err_file: return "errFILE";
        case DfuStatus::err_write: return "errWRITE";
        case DfuStatus::err_erase: return "errERASE";
        case DfuStatus::err_check_erased: return "errCHECK_ERASED";
        case DfuStatus::err_prog: return "errPROG";
        case DfuStatus::err_verify: return "errVERIFY";
        case DfuStatus::err_address: return "errADDRESS";
        case DfuStatus::err_notdone: return "errNOTDONE";
        case DfuStatus::err_firmware: return "errFIRMWARE";
        case DfuStatus::err_vendor: return "errVENDOR";
        case DfuStatus::err_usbr: return "errUSBR";
        case DfuStatus::err_por: return "errPOR";
        case DfuStatus::err_unknown: return "errUNKNOWN";
        case DfuStatus::err_stalledpkt: return "errSTALLEDPKT";
    }
    return fmt::format("unknown status 0x{:02x}", static_cast<int>(s));
}

std::string status_meaning(DfuStatus s) {
    switch (s) {
        case DfuStatus::ok: return "no error";
        case DfuStatus::err_target: return "file is not targeted for this device, or a bad address";
        case DfuStatus::err_file: return "file is for this device but fails a vendor check";
        case DfuStatus::err_write: return "device is unable to write memory";
        case DfuStatus::err_erase: return "memory erase failed";
        case DfuStatus::err_check_erased: return "memory erase check failed";
        case DfuStatus::err_prog: return "program memory function failed";
        case DfuStatus::err_verify: return "programmed memory failed verification";
        case DfuStatus::err_address: return "address out of range";
        case DfuStatus::err_notdone: return "download ended before the device had all the data it expects";
        case DfuStatus::err_firmware: return "the device's firmware is corrupt";
        case DfuStatus::err_vendor: return "vendor-specific error";
        case DfuStatus::err_usbr: return "device saw an unexpected USB reset";
        case DfuStatus::err_por: return "device saw an unexpected power-on reset";
        case DfuStatus::err_unknown: return "something went wrong, the device does not know what";
        case DfuStatus::err_stalledpkt: return "device stalled an unexpected request";
    }
    return "not a DFU 1.1 status";
}

DfuStatusReport DfuStatusReport::parse(std::span<const std::uint8_t> b) {
    if (b.size() < 6)
        throw FlashError(FlashFailure::device_error,
                         fmt::format("the device answered DFU_GETSTATUS with {} bytes, not 6", b.size()));
    DfuStatusReport r;
    r.status = static_cast<DfuStatus>(b[0]);
    r.poll_timeout = std::chrono::milliseconds(read_le(b, 1, 3));
    r.state = static_cast<DfuState>(b[4]);
    r.string_index = b[5];
    return r;
}

std::vector<std::uint8_t> DfuStatusReport::encode() const {
    std::vector<std::uint8_t> out;
    append_le(out, static_cast<std::uint32_t>(status), 1);
    append_le(out, static_cast<std::uint32_t>(poll_timeout.count()), 3);
    append_le(out, static_cast<std::uint32_t>(state), 1);
    append_le(out, string_index, 1);
    return out;
}

std::string DfuStatusReport::describe() const {
    return fmt::format("status {} ({}), state {}", status_name(status), status_meaning(status), state_name(state));
}

bool DfuFunctional::find(std::span<const std::uint8_t> extra, DfuFunctional& out) {
    constexpr std::uint8_t kFunctionalType = 0x21;
    for (std::size_t at = 0; at + 2 <= extra.size() && extra[at] >= 2; at += extra[at]) {
        std::size_t len = extra[at];
        if (extra[at + 1] != kFunctionalType || len < 7 || at + len > extra.size()) continue;
        out.attributes = extra[at + 2];
        out.detach_timeout_ms = static_cast<std::uint16_t>(read_le(extra, at + 3, 2));
        out.transfer_size = static_cast<std::uint16_t>(read_le(extra, at + 5, 2));
        out.dfu_version = len >= 9 ? static_cast<std::uint16_t>(read_le(extra, at + 7, 2)) : 0x0100;
        return true;
    }
    return false;
}

namespace {

[[noreturn]] void bad_layout(const std::string& text, const std::string& what) {
    throw FlashError(FlashFailure::device_error,
                     fmt::format("the device's memory layout '{}' cannot be read: {}", text, what));
}

// "04*016Kg" -> a run starting at `start`.
DfuSectorRun parse_run(const std::string& text, const std::string& spec, std::uint32_t start) {
    std::size_t star = spec.find('*');
    if (star == std::string::npos || star == 0) bad_layout(text, "'" + spec + "' is not COUNT*SIZE");
    DfuSectorRun r;
    r.start = start;
    try {
        r.count = static_cast<std::uint32_t>(std::stoul(spec.substr(0, star)));
        std::size_t used = 0;
        std::string rest = spec.substr(star + 1);
        r.size = static_cast<std::uint32_t>(std::stoul(rest, &used));
        std::string tail = rest.substr(used);
        std::size_t i = 0;
        if (i < tail.size() && (tail[i] == 'K' || tail[i] == 'M' || tail[i] == ' ' || tail[i] == 'B')) {
            if (tail[i] == 'K') r.size *= 1024;
            if (tail[i] == 'M') r.size *= 1024 * 1024;
            ++i;
        }
        char type = i < tail.size() ? tail[i] : 'a';
        if (type < 'a' || type > 'g') bad_layout(text, "'" + spec + "' has no memory type letter a-g");
        int bits = type - 'a' + 1;  // bit 0 readable, bit 1 erasable, bit 2 writable
        r.readable = bits & 1;
        r.erasable = bits & 2;
        r.writable = bits & 4;
    } catch (const std::logic_error&) {
        bad_layout(text, "'" + spec + "' is not COUNT*SIZE");
    }
    if (r.count == 0 || r.size == 0) bad_layout(text, "'" + spec + "' describes no memory");
    return r;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
    return s;
}

}  // namespace

DfuMemoryLayout DfuMemoryLayout::parse(const std::string& text) {
    if (text.empty() || text[0] != '@') bad_layout(text, "it does not start with '@'");
    std::vector<std::string> parts = split(text.substr(1), '/');
    if (parts.size() < 3 || parts.size() % 2 == 0) bad_layout(text, "it is not @NAME/ADDRESS/SECTORS");
    DfuMemoryLayout layout;
    layout.name = trimmed(parts[0]);
    for (std::size_t p = 1; p + 1 < parts.size(); p += 2) {
        std::uint32_t address = 0;
        try {
            address = static_cast<std::uint32_t>(std::stoul(trimmed(parts[p]), nullptr, 0));
        } catch (const std::logic_error&) {
            bad_layout(text, "'" + parts[p] + "' is not an address");
        }
        for (const std::string& spec : split(parts[p + 1], ',')) {
            DfuSectorRun run = parse_run(text, trimmed(spec), address);
            address += run.count * run.size;
            layout.runs.push_back(run);
        }
    }
    return layout;
}

const DfuSectorRun* DfuMemoryLayout::run_at(std::uint32_t address) const {
    for (const DfuSectorRun& r : runs)
        if (address >= r.start && address - r.start < static_cast<std::uint64_t>(r.count) * r.size) return &r;
    return nullptr;
}

std::uint32_t DfuMemoryLayout::sector_start(std::uint32_t address) const {
    const DfuSectorRun* r = run_at(address);
    return r->start + (address - r->start) / r->size * r->size;
}

}  // namespace mpy::flash
