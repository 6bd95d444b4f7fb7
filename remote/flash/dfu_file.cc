#include "remote/flash/dfu_file.h"

#include <cstring>
#include <fmt/format.h>

#include "remote/flash/bytes_le.h"
#include "remote/flash/crc32.h"
#include "remote/flash/flash_error.h"

namespace mpy::flash {
namespace {

constexpr std::size_t kPrefixSize = 11;         // "DfuSe", bVersion, DFUImageSize, bTargets
constexpr std::size_t kTargetPrefixSize = 274;  // "Target", bAlternateSetting, bTargetNamed, name, size, count
constexpr std::size_t kTargetNameSize = 255;
constexpr std::size_t kElementHeaderSize = 8;   // dwElementAddress, dwElementSize
constexpr std::size_t kSuffixSize = 16;
constexpr std::uint16_t kDfuSeVersion = 0x011A;  // bcdDFU of a DfuSe file

// Reads the file front to back, each failure naming the file, the offset and the field.
class Reader {
public:
    Reader(std::span<const std::uint8_t> bytes, const std::string& name) : b_(bytes), name_(name) {}

    [[noreturn]] void fail(std::size_t at, const std::string& what) const {
        throw FlashError(FlashFailure::bad_file, fmt::format("{}: offset {}: {}", name_, at, what));
    }
    void need(std::size_t n, std::size_t end, const std::string& what) const {
        if (pos_ + n > end) fail(pos_, fmt::format("{} runs past the end of the image ({} bytes needed, {} left)",
                                                   what, n, end - pos_));
    }
    std::uint32_t le(int width) {
        std::uint32_t v = read_le(b_, pos_, width);
        pos_ += static_cast<std::size_t>(width);
        return v;
    }
    bool literal(const char* text) {
        std::size_t n = std::strlen(text);
        bool same = std::memcmp(b_.data() + pos_, text, n) == 0;
        pos_ += n;
        return same;
    }
    std::span<const std::uint8_t> take(std::size_t n) {
        auto s = b_.subspan(pos_, n);
        pos_ += n;
        return s;
    }
    std::size_t pos() const { return pos_; }

private:
    std::span<const std::uint8_t> b_;
    const std::string& name_;
    std::size_t pos_ = 0;
};

void check_suffix(std::span<const std::uint8_t> b, const std::string& name, DfuFile& f) {
    Reader r(b, name);
    if (b.size() < kPrefixSize + kSuffixSize)
        r.fail(0, fmt::format("{} bytes is too short for a .dfu file (prefix and suffix alone take {})", b.size(),
                              kPrefixSize + kSuffixSize));
    std::size_t at = b.size() - kSuffixSize;
    if (std::memcmp(b.data() + at + 8, "UFD", 3) != 0 || b[at + 11] != kSuffixSize)
        r.fail(at, "no DFU suffix (the file should end with 'UFD', 16 and a CRC)");
    std::uint32_t stored = read_le(b, at + 12, 4);
    std::uint32_t computed = dfu_crc32(b.first(b.size() - 4));
    if (stored != computed)
        r.fail(at + 12, fmt::format("CRC mismatch: the suffix says 0x{:08x}, the file's bytes give 0x{:08x} "
                                    "(the file is damaged)", stored, computed));
    std::uint16_t bcd_dfu = static_cast<std::uint16_t>(read_le(b, at + 6, 2));
    if (bcd_dfu != kDfuSeVersion)
        r.fail(at + 6, fmt::format("bcdDFU is 0x{:04x}, not 0x011a: a plain DFU 1.1 file, not a DfuSe one "
                                   "(mpr flashes STM32 DfuSe files)", bcd_dfu));
    f.device = static_cast<std::uint16_t>(read_le(b, at, 2));
    f.product = static_cast<std::uint16_t>(read_le(b, at + 2, 2));
    f.vendor = static_cast<std::uint16_t>(read_le(b, at + 4, 2));
}

DfuTarget read_target(Reader& r, std::size_t image_end, int index) {
    std::size_t start = r.pos();
    r.need(kTargetPrefixSize, image_end, fmt::format("target {}'s prefix", index));
    if (!r.literal("Target")) r.fail(start, fmt::format("target {} does not start with 'Target'", index));
    DfuTarget t;
    t.alternate_setting = static_cast<std::uint8_t>(r.le(1));
    bool named = r.le(4) != 0;
    auto raw_name = r.take(kTargetNameSize);
    t.name = named ? std::string(reinterpret_cast<const char*>(raw_name.data()),
                                 strnlen(reinterpret_cast<const char*>(raw_name.data()), kTargetNameSize))
                   : std::string();
    std::size_t size = r.le(4);
    std::uint32_t count = r.le(4);
    std::size_t end = r.pos() + size;
    if (end > image_end)
        r.fail(start, fmt::format("target {} says it is {} bytes, past the end of the image", index, size));
    for (std::uint32_t e = 0; e < count; ++e) {
        std::size_t at = r.pos();
        r.need(kElementHeaderSize, end, fmt::format("target {} element {}'s header", index, e));
        DfuElement el;
        el.address = r.le(4);
        std::size_t n = r.le(4);
        r.need(n, end, fmt::format("target {} element {} ({} bytes at 0x{:08x})", index, e, n, el.address));
        auto data = r.take(n);
        el.data.assign(data.begin(), data.end());
        if (el.data.empty()) r.fail(at, fmt::format("target {} element {} is empty", index, e));
        t.elements.push_back(std::move(el));
    }
    if (r.pos() != end)
        r.fail(r.pos(), fmt::format("target {} has {} bytes after its {} elements", index, end - r.pos(), count));
    return t;
}

}  // namespace

std::size_t DfuFile::payload_size() const {
    std::size_t n = 0;
    for (const DfuTarget& t : targets)
        for (const DfuElement& e : t.elements) n += e.data.size();
    return n;
}

DfuFile parse_dfu(std::span<const std::uint8_t> bytes, const std::string& name) {
    DfuFile f;
    check_suffix(bytes, name, f);
    Reader r(bytes, name);
    if (!r.literal("DfuSe")) r.fail(0, "no DfuSe prefix (the file should start with 'DfuSe')");
    if (std::uint32_t v = r.le(1); v != 1) r.fail(5, fmt::format("DfuSe prefix version {}, not 1", v));
    std::size_t image_size = r.le(4);
    std::size_t image_end = bytes.size() - kSuffixSize;
    if (image_size != image_end)
        r.fail(6, fmt::format("the prefix gives an image of {} bytes, the file holds {} before its suffix", image_size,
                              image_end));
    int count = static_cast<int>(r.le(1));
    if (count == 0) r.fail(10, "the file has no targets");
    for (int t = 0; t < count; ++t) f.targets.push_back(read_target(r, image_end, t));
    if (r.pos() != image_end)
        r.fail(r.pos(), fmt::format("{} bytes after the last target", image_end - r.pos()));
    return f;
}

std::vector<std::uint8_t> write_dfu(const DfuFile& file) {
    std::vector<std::uint8_t> targets;
    for (const DfuTarget& t : file.targets) {
        std::vector<std::uint8_t> body;
        for (const DfuElement& e : t.elements) {
            std::size_t padded = (e.data.size() + 7) / 8 * 8;
            append_le(body, e.address, 4);
            append_le(body, static_cast<std::uint32_t>(padded), 4);
            body.insert(body.end(), e.data.begin(), e.data.end());
            body.resize(body.size() + padded - e.data.size(), 0);
        }
        for (char c : std::string_view("Target")) targets.push_back(static_cast<std::uint8_t>(c));
        append_le(targets, t.alternate_setting, 1);
        append_le(targets, t.name.empty() ? 0 : 1, 4);
        std::string name = t.name.substr(0, kTargetNameSize);
        name.resize(kTargetNameSize, '\0');
        targets.insert(targets.end(), name.begin(), name.end());
        append_le(targets, static_cast<std::uint32_t>(body.size()), 4);
        append_le(targets, static_cast<std::uint32_t>(t.elements.size()), 4);
        targets.insert(targets.end(), body.begin(), body.end());
    }
    std::vector<std::uint8_t> out;
    for (char c : std::string_view("DfuSe")) out.push_back(static_cast<std::uint8_t>(c));
    append_le(out, 1, 1);
    append_le(out, static_cast<std::uint32_t>(kPrefixSize + targets.size()), 4);
    append_le(out, static_cast<std::uint32_t>(file.targets.size()), 1);
    out.insert(out.end(), targets.begin(), targets.end());
    append_le(out, file.device, 2);
    append_le(out, file.product, 2);
    append_le(out, file.vendor, 2);
    append_le(out, kDfuSeVersion, 2);
    for (char c : std::string_view("UFD")) out.push_back(static_cast<std::uint8_t>(c));
    append_le(out, kSuffixSize, 1);
    append_le(out, dfu_crc32(out), 4);
    return out;
}

}  // namespace mpy::flash
