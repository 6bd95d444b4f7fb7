// SHA-256 of host data, to compare with hashlib.sha256 on the board (skip unchanged files,
// verify transfers) and for `fs sha256sum` on boards without hashlib.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mpy {

class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    // The 32-byte digest; the object must not be updated afterwards.
    std::string digest();

private:
    void block(const unsigned char* p);
    std::array<std::uint32_t, 8> h_;
    unsigned char buf_[64];
    std::size_t used_ = 0;
    std::uint64_t length_ = 0;
};

std::string sha256(std::string_view data);  // raw 32-byte digest

}  // namespace mpy
