// .dfu files as ST's DfuSe tools and MicroPython's tools/dfu.py make them (UM0391): a "DfuSe"
// prefix, targets (one per alternate setting of the DFU interface) holding elements (an address
// and the bytes that go there), and the DFU 1.1 suffix (device, product, vendor, "UFD", CRC).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mpy::flash {

struct DfuElement {
    std::uint32_t address = 0;
    std::vector<std::uint8_t> data;
};

struct DfuTarget {
    std::uint8_t alternate_setting = 0;
    // "" when the target is not named; ST's tools name it "ST...".
    std::string name = "ST...";
    std::vector<DfuElement> elements;
};

struct DfuFile {
    std::vector<DfuTarget> targets;
    std::uint16_t vendor = 0x0483;   // idVendor in the suffix (0xFFFF: any)
    std::uint16_t product = 0xDF11;  // idProduct (0xFFFF: any)
    std::uint16_t device = 0;        // bcdDevice (0 or 0xFFFF: any)

    std::size_t payload_size() const;  // the bytes of every element
};

// Parses and checks a whole .dfu file; throws FlashError(bad_file) naming `name` (the file's
// path, for the message), the field and the offset of what is wrong.
DfuFile parse_dfu(std::span<const std::uint8_t> bytes, const std::string& name);

// The bytes of a .dfu file.  Each element is padded with zeros to a multiple of 8 bytes (some
// STM32 families, the L4 among them, program flash in double words), as tools/dfu.py does.
std::vector<std::uint8_t> write_dfu(const DfuFile& file);

}  // namespace mpy::flash
