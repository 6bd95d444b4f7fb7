// UF2 drives: the mass-storage volume a UF2 boot loader shows, recognised by its INFO_UF2.TXT
// ("UF2 Bootloader v3.0 / Model: Raspberry Pi RP2 / Board-ID: RPI-RP2").  Finding the mounted
// ones, telling which UF2 families the board takes, and copying a file onto one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "remote/flash/uf2_file.h"

namespace mpy::flash {

struct Uf2Drive {
    std::filesystem::path path;
    std::string board_id;  // "RPI-RP2", "" when INFO_UF2.TXT has none
    std::string model;     // "Raspberry Pi RP2"
    // The families this board's boot loader takes; empty when mpr does not know the board.
    std::set<std::uint32_t> families;

    std::string describe() const;  // "Board-ID RPI-RP2 (Raspberry Pi RP2), takes RP2040 (0xe48bff56)"
};

// Reads `path`/INFO_UF2.TXT; throws FlashError(no_device) when `path` is not a UF2 drive.
Uf2Drive read_uf2_drive(const std::filesystem::path& path);

// The families a boot loader with this Board-ID takes (empty: not known to mpr).
std::set<std::uint32_t> families_for_board(const std::string& board_id);

// The folders mounted drives appear under: /media/$USER, /run/media/$USER, /media, /Volumes, and
// the folders in $MPR_UF2_MOUNTS (':'-separated) for other automounters.
std::vector<std::filesystem::path> uf2_mount_roots();
// The UF2 drives mounted under `roots` (each root's sub-folders holding an INFO_UF2.TXT).
std::vector<Uf2Drive> find_uf2_drives(const std::vector<std::filesystem::path>& roots);

// Throws FlashError(wrong_file) when the file's families do not fit the drive's board; returns a
// notice ("" if none) when it cannot tell (an unknown board, a file naming no family).
std::string check_uf2_fits(const Uf2File& file, const Uf2Drive& drive, const std::string& file_name);

// Writes `bytes` to the drive as `name` (flushed to the device), telling `progress` (if set) the
// bytes written so far; throws FlashError(io), leaving no partial file when a write fails.
std::filesystem::path copy_to_drive(std::span<const std::uint8_t> bytes, const Uf2Drive& drive,
                                    const std::string& name,
                                    const std::function<void(std::size_t done, std::size_t total)>& progress = {});

}  // namespace mpy::flash
