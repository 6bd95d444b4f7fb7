#include "remote/romfs/romfs_image.h"

#include <stdexcept>

namespace mpy::romfs {
namespace {

std::string record(RecordKind kind, std::string_view payload) {
    return encode_uint(static_cast<std::uint8_t>(kind)) + encode_uint(payload.size()) + std::string(payload);
}

std::string named(std::string_view name, std::string_view rest) {
    for (char c : name)
        if (static_cast<unsigned char>(c) >= 0x80)
            throw std::invalid_argument("ROMFS names must be ASCII: '" + std::string(name) + "'");
    return encode_uint(name.size()) + std::string(name) + std::string(rest);
}

}  // namespace

std::string encode_uint(std::uint64_t value) {
    std::string out(1, static_cast<char>(value & 0x7f));
    for (value >>= 7; value != 0; value >>= 7) out.insert(out.begin(), static_cast<char>(0x80 | (value & 0x7f)));
    return out;
}

ImageWriter::ImageWriter() : stack_{OpenDir{}} {}

void ImageWriter::open_dir(std::string_view name) { stack_.push_back(OpenDir{std::string(name), {}}); }

void ImageWriter::close_dir() {
    if (stack_.size() < 2) throw std::logic_error("ImageWriter::close_dir without an open directory");
    OpenDir dir = std::move(stack_.back());
    stack_.pop_back();
    stack_.back().records += record(RecordKind::directory, named(dir.name, dir.records));
}

void ImageWriter::add_file(std::string_view name, std::string_view data) {
    stack_.back().records += record(RecordKind::file, named(name, record(RecordKind::data_verbatim, data)));
}

std::string ImageWriter::finish() {
    if (stack_.size() != 1) throw std::logic_error("ImageWriter::finish with a directory still open");
    std::string body = std::move(stack_.back().records);
    stack_ = {OpenDir{}};
    std::string length = encode_uint(body.size());
    // Boards read the image in place, 16-bit aligned: an odd total gets a redundant leading
    // 0x80 in the length (a zero 7-bit group), which keeps the value and evens the size.
    if ((kImageHeader.size() + length.size() + body.size()) % 2 == 1) length.insert(length.begin(), '\x80');
    return std::string(kImageHeader) + length + body;
}

std::optional<std::uint64_t> declared_image_length(std::string_view first_bytes) {
    if (first_bytes.substr(0, kImageHeader.size()) != kImageHeader) return std::nullopt;
    std::uint64_t length = 0;
    for (unsigned char byte : first_bytes.substr(kImageHeader.size())) {
        length = (length << 7) | (byte & 0x7f);
        if (!(byte & 0x80)) break;
    }
    return length;
}

}  // namespace mpy::romfs
