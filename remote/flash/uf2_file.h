// UF2 files (Microsoft's USB Flashing Format, github.com/microsoft/uf2): 512-byte blocks, each
// with two start magics, flags, a target address, up to 476 payload bytes, its number and the
// block count, a family ID (when flag 0x2000 is set) and an end magic.  A UF2 bootloader flashes
// a board when the file's blocks are copied onto its mass-storage drive.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace mpy::flash {

inline constexpr std::size_t kUf2BlockSize = 512;
inline constexpr std::size_t kUf2MaxPayload = 476;

enum Uf2Flags : std::uint32_t {
    kUf2NotMainFlash = 0x00000001,
    kUf2FileContainer = 0x00001000,
    kUf2FamilyIdPresent = 0x00002000,
    kUf2Md5Present = 0x00004000,
    kUf2ExtensionTags = 0x00008000,
};

struct Uf2Block {
    std::uint32_t flags = 0;
    std::uint32_t address = 0;
    std::uint32_t block_no = 0;
    std::uint32_t block_count = 0;
    // The family ID when kUf2FamilyIdPresent is set, else the file size (file containers) or 0.
    std::uint32_t family_or_size = 0;
    std::vector<std::uint8_t> payload;

    std::optional<std::uint32_t> family() const {
        if (flags & kUf2FamilyIdPresent) return family_or_size;
        return std::nullopt;
    }
};

struct Uf2File {
    std::vector<Uf2Block> blocks;
    // The families of the blocks meant for main flash (none when no block names one).
    std::set<std::uint32_t> families() const;
    // Whether some block for main flash names no family.
    bool has_blocks_without_family() const;
};

// Parses and checks every block; throws FlashError(bad_file) naming `name`, the block and what
// is wrong with it (size not a multiple of 512, a magic number, a payload over 476 bytes, a block
// number not below the count).
Uf2File parse_uf2(std::span<const std::uint8_t> bytes, const std::string& name);

// A UF2 file putting `image` at `base`, `payload` bytes a block (256, as uf2conv.py and the
// RP2040 boot ROM want), the last block padded with zeros; `family` 0 means none (no flag 0x2000).
std::vector<std::uint8_t> write_uf2(std::span<const std::uint8_t> image, std::uint32_t base, std::uint32_t family,
                                    std::size_t payload = 256);

// Family IDs mpr knows by name (the ones MicroPython's UF2 ports use), from UF2's families list.
struct Uf2Family {
    const char* name;
    std::uint32_t id;
    const char* description;
};
std::span<const Uf2Family> known_uf2_families();
// "RP2040 (0xe48bff56)", or "0x12345678" for an unknown one.
std::string describe_uf2_family(std::uint32_t id);

}  // namespace mpy::flash
