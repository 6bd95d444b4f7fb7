#include "remote/flash/uf2_file.h"

#include <array>
#include <fmt/format.h>

#include "remote/flash/bytes_le.h"
#include "remote/flash/flash_error.h"

namespace mpy::flash {
namespace {

constexpr std::uint32_t kMagicStart0 = 0x0A324655;  // "UF2\n"
constexpr std::uint32_t kMagicStart1 = 0x9E5D5157;
constexpr std::uint32_t kMagicEnd = 0x0AB16F30;
constexpr std::size_t kHeaderSize = 32;
constexpr std::size_t kEndMagicAt = kUf2BlockSize - 4;

constexpr std::array<Uf2Family, 16> kFamilies = {{
    {"RP2040", 0xe48bff56, "Raspberry Pi RP2040"},
    {"RP2XXX_ABSOLUTE", 0xe48bff57, "Raspberry Pi RP2xxx, absolute addresses"},
    {"RP2XXX_DATA", 0xe48bff58, "Raspberry Pi RP2xxx data"},
    {"RP2350_ARM_S", 0xe48bff59, "Raspberry Pi RP2350, Arm secure"},
    {"RP2350_RISCV", 0xe48bff5a, "Raspberry Pi RP2350, RISC-V"},
    {"RP2350_ARM_NS", 0xe48bff5b, "Raspberry Pi RP2350, Arm non-secure"},
    {"SAMD21", 0x68ed2b88, "Microchip (Atmel) SAMD21"},
    {"SAMD51", 0x55114460, "Microchip (Atmel) SAMD51"},
    {"NRF52", 0x1b57745f, "Nordic NRF52"},
    {"NRF52840", 0xada52840, "Nordic NRF52840"},
    {"NRF52833", 0x621e937a, "Nordic NRF52833"},
    {"STM32F4", 0x57755a57, "ST STM32F4xx"},
    {"STM32WB", 0x70d16653, "ST STM32WBxx"},
    {"MIMXRT10XX", 0x4fb2d5bd, "NXP i.MX RT10XX"},
    {"ESP32S2", 0xbfdd4eee, "ESP32-S2"},
    {"ESP32S3", 0xc47e5767, "ESP32-S3"},
}};

}  // namespace

std::set<std::uint32_t> Uf2File::families() const {
    std::set<std::uint32_t> out;
    for (const Uf2Block& b : blocks)
        if (!(b.flags & kUf2NotMainFlash))
            if (auto f = b.family()) out.insert(*f);
    return out;
}

bool Uf2File::has_blocks_without_family() const {
    for (const Uf2Block& b : blocks)
        if (!(b.flags & kUf2NotMainFlash) && !b.family()) return true;
    return false;
}

Uf2File parse_uf2(std::span<const std::uint8_t> bytes, const std::string& name) {
    auto fail = [&](std::size_t block, const std::string& what) {
        throw FlashError(FlashFailure::bad_file,
                         fmt::format("{}: block {} (offset {}): {}", name, block, block * kUf2BlockSize, what));
    };
    if (bytes.empty()) throw FlashError(FlashFailure::bad_file, name + ": empty file, not a UF2 file");
    if (bytes.size() % kUf2BlockSize != 0)
        throw FlashError(FlashFailure::bad_file,
                         fmt::format("{}: {} bytes is not a whole number of 512-byte UF2 blocks", name, bytes.size()));
    Uf2File f;
    for (std::size_t i = 0; i < bytes.size() / kUf2BlockSize; ++i) {
        auto b = bytes.subspan(i * kUf2BlockSize, kUf2BlockSize);
        if (read_le(b, 0, 4) != kMagicStart0 || read_le(b, 4, 4) != kMagicStart1)
            fail(i, fmt::format("start magic numbers are 0x{:08x} 0x{:08x}, not 0x{:08x} 0x{:08x}", read_le(b, 0, 4),
                                read_le(b, 4, 4), kMagicStart0, kMagicStart1));
        if (read_le(b, kEndMagicAt, 4) != kMagicEnd)
            fail(i, fmt::format("end magic number is 0x{:08x}, not 0x{:08x}", read_le(b, kEndMagicAt, 4), kMagicEnd));
        Uf2Block block;
        block.flags = read_le(b, 8, 4);
        block.address = read_le(b, 12, 4);
        std::uint32_t size = read_le(b, 16, 4);
        block.block_no = read_le(b, 20, 4);
        block.block_count = read_le(b, 24, 4);
        block.family_or_size = read_le(b, 28, 4);
        if (size > kUf2MaxPayload) fail(i, fmt::format("payload size {} is over 476 bytes", size));
        if (block.block_no >= block.block_count)
            fail(i, fmt::format("block number {} is not below the block count {}", block.block_no, block.block_count));
        block.payload.assign(b.begin() + kHeaderSize, b.begin() + kHeaderSize + size);
        f.blocks.push_back(std::move(block));
    }
    return f;
}

std::vector<std::uint8_t> write_uf2(std::span<const std::uint8_t> image, std::uint32_t base, std::uint32_t family,
                                    std::size_t payload) {
    std::size_t count = (image.size() + payload - 1) / payload;
    std::vector<std::uint8_t> out;
    out.reserve(count * kUf2BlockSize);
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t start = out.size();
        append_le(out, kMagicStart0, 4);
        append_le(out, kMagicStart1, 4);
        append_le(out, family ? static_cast<std::uint32_t>(kUf2FamilyIdPresent) : 0u, 4);
        append_le(out, static_cast<std::uint32_t>(base + i * payload), 4);
        append_le(out, static_cast<std::uint32_t>(payload), 4);
        append_le(out, static_cast<std::uint32_t>(i), 4);
        append_le(out, static_cast<std::uint32_t>(count), 4);
        append_le(out, family, 4);
        auto chunk = image.subspan(i * payload, std::min(payload, image.size() - i * payload));
        out.insert(out.end(), chunk.begin(), chunk.end());
        out.resize(start + kEndMagicAt, 0);
        append_le(out, kMagicEnd, 4);
    }
    return out;
}

std::span<const Uf2Family> known_uf2_families() { return kFamilies; }

std::string describe_uf2_family(std::uint32_t id) {
    for (const Uf2Family& f : kFamilies)
        if (f.id == id) return fmt::format("{} (0x{:08x})", f.name, id);
    return fmt::format("0x{:08x}", id);
}

}  // namespace mpy::flash
