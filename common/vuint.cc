#include "common/vuint.h"

namespace mpy::vuint {

Encoded encode(std::uint64_t value) {
    // Fill from the end: the lowest group is written first and ends up last.
    Encoded e;
    std::size_t i = sizeof e.bytes;
    e.bytes[--i] = static_cast<std::uint8_t>(value & 0x7f);
    for (value >>= 7; value != 0; value >>= 7) {
        e.bytes[--i] = static_cast<std::uint8_t>(0x80 | (value & 0x7f));
    }
    e.first = static_cast<std::uint8_t>(i);
    return e;
}

Encoded encode_signed(std::int64_t value) {
    // Emit groups until what remains is pure sign extension (0 or -1), then make sure the top
    // group's bit 6 agrees with the sign.  Arithmetic right shift keeps the sign.
    Encoded e;
    std::size_t i = sizeof e.bytes;
    e.bytes[--i] = static_cast<std::uint8_t>(value & 0x7f);
    value >>= 7;
    while (value != 0 && value != -1) {
        e.bytes[--i] = static_cast<std::uint8_t>(0x80 | (value & 0x7f));
        value >>= 7;
    }
    bool top_says_negative = (e.bytes[i] & 0x40) != 0;
    if (value == -1 && !top_says_negative) {
        e.bytes[--i] = 0xff;
    } else if (value == 0 && top_says_negative) {
        e.bytes[--i] = 0x80;
    }
    e.first = static_cast<std::uint8_t>(i);
    return e;
}

std::size_t encoded_size(std::uint64_t value) {
    std::size_t n = 1;
    while (value >>= 7) {
        ++n;
    }
    return n;
}

void append(std::vector<std::uint8_t>& out, std::uint64_t value) {
    const Encoded e = encode(value);
    out.insert(out.end(), e.data(), e.data() + e.size());
}

void append(std::string& out, std::uint64_t value) {
    const Encoded e = encode(value);
    out.append(reinterpret_cast<const char*>(e.data()), e.size());
}

void append_signed(std::vector<std::uint8_t>& out, std::int64_t value) {
    const Encoded e = encode_signed(value);
    out.insert(out.end(), e.data(), e.data() + e.size());
}

void append_signed(std::string& out, std::int64_t value) {
    const Encoded e = encode_signed(value);
    out.append(reinterpret_cast<const char*>(e.data()), e.size());
}

std::optional<Decoded> decode(std::span<const std::uint8_t> bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes.size() && i < kMaxEncodedBytes; ++i) {
        if (value >> 57) {
            return std::nullopt;  // another 7 bits would push bits out of 64
        }
        value = (value << 7) | (bytes[i] & 0x7f);
        if ((bytes[i] & 0x80) == 0) {
            return Decoded{value, i + 1};
        }
    }
    return std::nullopt;
}

std::optional<DecodedSigned> decode_signed(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) {
        return std::nullopt;
    }
    // Start from the sign carried by bit 6 of the first group, then shift groups in.
    std::uint64_t value = (bytes[0] & 0x40) ? ~std::uint64_t{0} : 0;
    for (std::size_t i = 0; i < bytes.size() && i < kMaxEncodedBytes; ++i) {
        value = (value << 7) | (bytes[i] & 0x7f);
        if ((bytes[i] & 0x80) == 0) {
            return DecodedSigned{static_cast<std::int64_t>(value), i + 1};
        }
    }
    return std::nullopt;
}

}  // namespace mpy::vuint
