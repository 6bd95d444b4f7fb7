// flash FILE.dfu | FILE.uf2 | --list: firmware onto the board (remote/flash/).  A .dfu goes to an
// STM32 DfuSe boot loader over USB (libusb), a .uf2 onto the UF2 boot loader's drive; when no such
// device is there, a connected MicroPython board is put into its boot loader first.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <thread>

#include "common/diagnostics.h"
#include "remote/cli/commands.h"
#include "remote/cli/progress.h"
#include "remote/flash/dfu_file.h"
#include "remote/flash/dfuse_engine.h"
#include "remote/flash/flash_error.h"
#include "remote/flash/libusb_dfu.h"
#include "remote/flash/uf2_drive.h"
#include "remote/flash/uf2_file.h"
#include "remote/transport/port_list.h"

namespace mpy {
namespace {

using namespace std::chrono_literals;
namespace fl = flash;

constexpr auto kBootloaderWait = 15s;  // for the DFU device or drive to appear after machine.bootloader()
constexpr auto kSerialPortWait = 10s;  // for the new firmware's serial port

void say(const std::string& line) { write_stdout(line + "\n"); }

void notice(const std::string& line) {
    std::fflush(stdout);
    std::fprintf(stderr, "mpr: %s\n", line.c_str());
}

std::vector<std::uint8_t> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fl::FlashError(fl::FlashFailure::io, "cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool ends_with(std::string s, const std::string& suffix) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Puts the connected (or first found) MicroPython board into its boot loader; false if there is none.
bool enter_bootloader(Session& s) {
    try {
        RawRepl& repl = s.raw(false);
        notice("putting the board on " + s.device_name() + " into its bootloader (machine.bootloader())");
        // The board resets: it never answers, and its port goes away.
        repl.submit("import machine\nmachine.bootloader()\n");
    } catch (const DiagnosticError&) {
        return false;
    }
    s.disconnect();
    return true;
}

template <typename Found>
auto wait_until(std::chrono::seconds limit, Found found) -> decltype(found()) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        auto result = found();
        if (!result.empty() || std::chrono::steady_clock::now() > deadline) return result;
        std::this_thread::sleep_for(250ms);
    }
}

std::set<std::string> serial_port_paths() {
    std::set<std::string> out;
    for (const PortInfo& p : list_serial_ports()) out.insert(p.path);
    return out;
}

// After the board restarted into its new firmware: says where its serial port came back.
void wait_for_serial_port(const std::set<std::string>& before) {
    auto fresh = wait_until(kSerialPortWait, [&] {
        std::vector<std::string> out;
        for (const std::string& p : serial_port_paths())
            if (!before.count(p)) out.push_back(p);
        return out;
    });
    if (fresh.empty())
        notice(fmt::format("no new serial port within {} s (the firmware may have no USB serial)",
                           kSerialPortWait.count()));
    else
        say("The board is back on " + fresh.front());
}

std::vector<fl::DfuDeviceInfo> dfu_mode_devices() {
    std::vector<fl::DfuDeviceInfo> out;
    for (fl::DfuDeviceInfo& d : fl::list_dfu_devices())
        if (d.dfu_mode) out.push_back(std::move(d));
    return out;
}

fl::DfuDeviceInfo find_dfu_device(Session& s, const fl::DfuFile& file) {
    std::vector<fl::DfuDeviceInfo> devices = dfu_mode_devices();
    bool asked = devices.empty() && enter_bootloader(s);
    if (asked) devices = wait_until(kBootloaderWait, dfu_mode_devices);
    if (devices.empty() && asked)
        throw fl::FlashError(fl::FlashFailure::no_device,
                             fmt::format("the board was asked to enter its bootloader (machine.bootloader()), but no "
                                         "USB DFU device appeared within {} s: is it an STM32 board with a DfuSe "
                                         "bootloader? (for a .uf2 board, flash a .uf2 file)", kBootloaderWait.count()));
    if (devices.empty())
        throw fl::FlashError(fl::FlashFailure::no_device,
                             fmt::format("no USB DFU device found (an STM32 boot loader is {:04x}:{:04x}) and no "
                                         "MicroPython board to put into it: connect the board with BOOT0 high, or "
                                         "running MicroPython", file.vendor == 0xFFFF ? 0x0483 : file.vendor,
                                         file.product == 0xFFFF ? 0xDF11 : file.product));
    if (devices.size() > 1) {
        std::string ids;
        for (const auto& d : devices) ids += "\n  " + d.id();
        throw fl::FlashError(fl::FlashFailure::no_device,
                             "more than one DFU device is connected; leave only the board to flash:" + ids);
    }
    return devices.front();
}

std::string phase_label(fl::FlashProgress::Phase p) {
    switch (p) {
        case fl::FlashProgress::Phase::erase: return "erase";
        case fl::FlashProgress::Phase::download: return "write";
        case fl::FlashProgress::Phase::verify: return "verify";
    }
    return "";
}

int flash_dfu(Session& s, const std::string& path, const std::vector<std::uint8_t>& bytes, bool verify) {
    fl::DfuFile file = fl::parse_dfu(bytes, path);
    fl::DfuDeviceInfo info = find_dfu_device(s, file);
    say(fmt::format("Flashing {} ({} bytes) to {} {}", path, file.payload_size(), info.id(), info.product_name));
    std::optional<ProgressBar> bar;
    std::optional<fl::FlashProgress::Phase> shown;
    fl::FlashProgress progress{[&](fl::FlashProgress::Phase p, std::size_t done, std::size_t total) {
        if (shown != p) {
            bar.reset();  // erases the last phase's line
            bar.emplace("flash " + phase_label(p), stderr_is_terminal());
            shown = p;
        }
        // Erase counts sectors: shown as if each were a KB, so that the bar draws.
        std::size_t scale = p == fl::FlashProgress::Phase::erase ? 1024 : 1;
        bar->update(done * scale, total * scale);
    }};
    // Before the board restarts: its new firmware's port must not be in this list already.
    std::set<std::string> ports_before = serial_port_paths();
    {
        fl::LibusbDfuDevice device(info, file.targets.front().alternate_setting);
        fl::DfuseEngine engine(device, device.facts(), progress);
        try {
            engine.flash(file, {.verify = verify});
        } catch (const fl::UsbTransferError& e) {
            // The engine names every transfer it makes; one that escapes it is still an error, not a crash.
            throw fl::FlashError(fl::FlashFailure::device_error, std::string("USB error: ") + e.what());
        }
        bar.reset();
    }
    say(verify ? "Done: written and verified; the board is starting its new firmware"
               : "Done: written (not verified); the board is starting its new firmware");
    wait_for_serial_port(ports_before);
    return 0;
}

std::string mount_roots_text() {
    std::string roots;
    for (const auto& r : fl::uf2_mount_roots()) roots += (roots.empty() ? "" : ", ") + r.string();
    return roots;
}

fl::Uf2Drive find_drive(Session& s, const std::string& given, bool& found_by_search) {
    found_by_search = false;
    if (!given.empty()) return fl::read_uf2_drive(given);
    auto search = [] { return fl::find_uf2_drives(fl::uf2_mount_roots()); };
    std::vector<fl::Uf2Drive> drives = search();
    bool asked = drives.empty() && enter_bootloader(s);
    if (asked) drives = wait_until(kBootloaderWait, search);
    if (drives.empty() && asked)
        throw fl::FlashError(fl::FlashFailure::no_device,
                             fmt::format("the board was asked to enter its bootloader (machine.bootloader()), but no "
                                         "UF2 drive was mounted within {} s (looked for INFO_UF2.TXT under {}): "
                                         "name it with --drive PATH once it is mounted", kBootloaderWait.count(),
                                         mount_roots_text()));
    if (drives.empty()) {
        throw fl::FlashError(fl::FlashFailure::no_device,
                             "no UF2 drive found (looked for INFO_UF2.TXT under " + mount_roots_text() +
                                 ") and no MicroPython board to put into its bootloader: hold BOOTSEL (or double-tap "
                                 "reset) while plugging the board in, or name its drive with --drive PATH");
    }
    if (drives.size() > 1) {
        std::string list;
        for (const auto& d : drives) list += "\n  " + d.path.string() + "  " + d.describe();
        throw fl::FlashError(fl::FlashFailure::no_device, "more than one UF2 drive; choose with --drive PATH:" + list);
    }
    found_by_search = true;
    return drives.front();
}

int flash_uf2(Session& s, const std::string& path, const std::vector<std::uint8_t>& bytes, const std::string& drive_path) {
    fl::Uf2File file = fl::parse_uf2(bytes, path);
    bool found_by_search = false;
    fl::Uf2Drive drive = find_drive(s, drive_path, found_by_search);
    if (std::string note = fl::check_uf2_fits(file, drive, path); !note.empty()) notice("warning: " + note);
    std::set<std::string> ports_before = serial_port_paths();
    std::string name = std::filesystem::path(path).filename().string();
    ProgressBar bar("flash copy", stderr_is_terminal());
    std::filesystem::path written =
        fl::copy_to_drive(bytes, drive, name, [&](std::size_t done, std::size_t total) { bar.update(done, total); });
    bar.finish();
    std::string families;
    for (std::uint32_t f : file.families()) families += (families.empty() ? "" : ", ") + fl::describe_uf2_family(f);
    say(fmt::format("Copied {} ({} blocks{}) to {}", path, file.blocks.size(),
                    families.empty() ? "" : ", family " + families, written.string()));
    // A real drive vanishes as the board restarts; a folder named by hand is not waited on.
    if (found_by_search) wait_for_serial_port(ports_before);
    return 0;
}

int list_flashable() {
    say("DFU devices:");
    try {
        std::vector<fl::DfuDeviceInfo> devices = fl::list_dfu_devices();
        if (devices.empty()) say("  none");
        for (const fl::DfuDeviceInfo& d : devices) {
            std::string line = "  " + d.id() + (d.dfu_mode ? " DFU mode" : " DFU runtime (application running)");
            if (!d.product_name.empty()) line += " '" + d.product_name + "'";
            if (!d.serial.empty()) line += " serial " + d.serial;
            if (d.functional.transfer_size) line += fmt::format(", transfer size {}", d.functional.transfer_size);
            say(line);
            for (const fl::DfuAltSetting& a : d.alt_settings)
                say(fmt::format("    alt {}: {}", a.alternate_setting, a.name.empty() ? "(unnamed)" : a.name));
            if (d.access_denied) say("    (not readable: " + fl::usb_permission_advice(d.vendor, d.product) + ")");
        }
    } catch (const fl::FlashError& e) {
        say("  none (" + e.diagnostic().message + ")");
    }
    say("UF2 drives:");
    std::vector<fl::Uf2Drive> drives = fl::find_uf2_drives(fl::uf2_mount_roots());
    if (drives.empty()) say("  none");
    for (const fl::Uf2Drive& d : drives) say("  " + d.path.string() + "  " + d.describe());
    return 0;
}

}  // namespace

int cmd_flash(Session& s, const ParsedCommand& c) {
    s.did_action();
    if (c.flag("list")) return list_flashable();
    if (c.args.empty() || c.args[0].empty())
        throw fl::FlashError(fl::FlashFailure::bad_file, "flash: name a .dfu or .uf2 file (or give --list)");
    const std::string& path = c.args[0];
    std::vector<std::uint8_t> bytes = read_file(path);
    bool dfu = ends_with(path, ".dfu");
    if (!dfu && !ends_with(path, ".uf2"))
        throw fl::FlashError(fl::FlashFailure::bad_file,
                             path + ": mpr flashes .dfu files (STM32 DfuSe) and .uf2 files; name the file so");
    if (dfu && !c.value("drive").empty())
        throw fl::FlashError(fl::FlashFailure::bad_file, "flash: --drive is for .uf2 files");
    if (dfu) return flash_dfu(s, path, bytes, c.flag("verify", true));
    return flash_uf2(s, path, bytes, c.value("drive"));
}

}  // namespace mpy
