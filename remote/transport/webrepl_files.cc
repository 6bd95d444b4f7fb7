#include "remote/transport/webrepl_files.h"

#include <stdexcept>

namespace mpy {
namespace {

void put_le(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
}

}  // namespace

std::string webrepl_record_header(WebReplRecord type, std::string_view path, std::uint32_t size) {
    if (path.size() > kWebReplMaxPath) throw std::invalid_argument("a WebREPL record names at most 63 bytes");
    std::string h = "WA";
    h.push_back(static_cast<char>(type));
    h.push_back('\0');       // flags
    put_le(h, 0, 8);         // offset: the board ignores it
    put_le(h, size, 4);
    put_le(h, path.size(), 2);
    h.append(path);
    h.append(64 - path.size(), '\0');
    return h;
}

std::optional<std::uint16_t> webrepl_status(std::string_view a) {
    if (a.size() != 4 || a[0] != 'W' || a[1] != 'B') return std::nullopt;
    return static_cast<std::uint16_t>(static_cast<std::uint8_t>(a[2]) | (static_cast<std::uint8_t>(a[3]) << 8));
}

std::optional<std::string_view> webrepl_chunk(std::string_view a) {
    if (a.size() < 2) return std::nullopt;
    std::size_t n = static_cast<std::uint8_t>(a[0]) | (static_cast<std::size_t>(static_cast<std::uint8_t>(a[1])) << 8);
    if (a.size() != 2 + n) return std::nullopt;
    return a.substr(2);
}

}  // namespace mpy
