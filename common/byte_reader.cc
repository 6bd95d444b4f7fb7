#include "common/byte_reader.h"

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/vuint.h"

namespace mpy {

void ByteReader::fail(std::size_t at, const std::string& message) const {
    throw DiagnosticError(Diagnostic{"error", fmt::format("offset {:#x}: {}", at, message), {file_, 0, 0}});
}

std::uint8_t ByteReader::byte(std::string_view what) {
    if (pos_ >= data_.size()) {
        fail(pos_, fmt::format("file ends where the {} should be", what));
    }
    return data_[pos_++];
}

std::span<const std::uint8_t> ByteReader::bytes(std::uint64_t n, std::string_view what) {
    if (n > remaining()) {
        fail(pos_, fmt::format("{} of {} bytes exceeds the {} bytes left in the file", what, n, remaining()));
    }
    auto out = data_.subspan(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return out;
}

std::uint64_t ByteReader::vuint(std::string_view what) {
    auto decoded = vuint::decode(data_.subspan(pos_));
    if (!decoded) {
        bool truncated = true;
        for (std::size_t i = pos_; i < data_.size() && i - pos_ < vuint::kMaxEncodedBytes; ++i) {
            if (!(data_[i] & 0x80)) truncated = false;
        }
        fail(pos_, truncated && remaining() < vuint::kMaxEncodedBytes
                       ? fmt::format("file ends inside the {} (a variable-length integer)", what)
                       : fmt::format("{} is a variable-length integer too long for 64 bits", what));
    }
    pos_ += decoded->length;
    return decoded->value;
}

void ByteReader::require_fits(std::uint64_t count, std::size_t min_item_bytes, std::string_view what,
                              std::size_t at) const {
    // Divide instead of multiplying so a huge count cannot overflow.
    if (min_item_bytes != 0 && count > remaining() / min_item_bytes) {
        fail(at, fmt::format("{} {} exceeds file size ({} bytes left)", what, count, remaining()));
    }
}

}  // namespace mpy
