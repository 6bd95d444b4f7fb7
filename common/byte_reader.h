// A bounds-checked cursor over untrusted bytes.  Every read checks what is left and, on failure,
// throws DiagnosticError naming the file and the byte offset:
//   "f.mpy: error: offset 0x1a: qstr length 4000000 exceeds the 12 bytes left in the file"
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace mpy {

class ByteReader {
public:
    ByteReader(std::span<const std::uint8_t> data, std::string file_name)
        : data_(data), file_(std::move(file_name)) {}

    std::size_t offset() const { return pos_; }
    std::size_t remaining() const { return data_.size() - pos_; }
    std::size_t size() const { return data_.size(); }
    bool at_end() const { return pos_ == data_.size(); }
    const std::string& file_name() const { return file_; }
    std::span<const std::uint8_t> data() const { return data_; }

    // `what` names the field in error messages ("qstr count", "code length", ...).
    std::uint8_t byte(std::string_view what);
    std::span<const std::uint8_t> bytes(std::uint64_t n, std::string_view what);
    std::uint64_t vuint(std::string_view what);

    // Throws unless `count` items of at least `min_item_bytes` bytes each fit in what is left.
    // Called before reserving memory for a count read from the file, so a forged count cannot
    // make us allocate gigabytes.
    void require_fits(std::uint64_t count, std::size_t min_item_bytes, std::string_view what,
                      std::size_t at) const;

    // Throws DiagnosticError "offset 0x<at>: <message>".
    [[noreturn]] void fail(std::size_t at, const std::string& message) const;

private:
    std::span<const std::uint8_t> data_;
    std::string file_;
    std::size_t pos_ = 0;
};

}  // namespace mpy
