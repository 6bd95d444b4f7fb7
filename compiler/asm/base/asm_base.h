// What every machine-code assembler of the native emitter shares: the code buffer, the labels and
// the two assembly passes (MicroPython's asmbase does the same job for its assemblers).
//
// Passes.  A function is assembled twice with the same instruction stream:
//   start_pass(false) ... (size pass: counts bytes, records label offsets)
//   start_pass(true)  ... (emit pass: writes bytes; code_size() == size of the first pass)
// Labels are small integers, numbered per function; set_num_labels() before the size pass.  In
// the size pass a label not yet placed reads as -1, which is how assemblers tell a backward jump
// (size known) from a forward one (must assume the long form).  The emit pass keeps the offsets
// the size pass found, so forward jumps get their real distance.
//
// Dead code: after suppress_code() nothing is written (nor counted) until the next label_assign().
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace mpy {

// An assembler limit the reference reports as NotImplementedError ("too many locals for native
// method"); the native emitter turns it into a compile error.
struct NativeAsmLimit : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class AsmBase {
public:
    // Number of labels this function uses (labels are 0 .. n-1).  Call before the size pass.
    void set_num_labels(std::size_t n);
    // emit=false: size pass (labels reset to "unassigned"); emit=true: writing pass.
    void start_pass(bool emit);
    void end_pass() {}
    bool emitting() const { return emit_; }
    // Offset where the next byte goes.
    std::size_t code_pos() const { return pos_; }
    // Size of the code from the size pass (valid in the emit pass) -- the buffer size.
    std::size_t code_size() const { return size_; }
    // The bytes written by the emit pass (code_size() bytes).
    const std::vector<std::uint8_t>& bytes() const { return buf_; }
    // Places label `n` here (ends a dead-code region).  In the emit pass the offset must equal
    // the one found in the size pass (throws std::logic_error otherwise).
    void label_assign(std::size_t n);
    // Offset of label `n` as known now (size pass: only labels placed so far); -1 if unassigned.
    std::int64_t label_offset(std::size_t n) const;
    // Dead code follows: write nothing until the next label_assign().
    void suppress_code() { suppress_ = true; }
    bool suppressed() const { return suppress_; }
    // Advance to a multiple of `alignment` (a power of two); the skipped bytes are zero.
    void align(unsigned alignment);
    // Little-endian integer of `size` bytes (bytes past the eighth are zero).
    void data(unsigned size, std::uint64_t value);
    // Raw bytes written as one unit (e.g. an encoded varuint); suppressed like any instruction.
    void raw(std::span<const std::uint8_t> bytes);

protected:
    // `name` prefixes the messages of internal errors ("AsmX64: ...").
    explicit AsmBase(const char* name) : name_(name) {}
    // Reserves `n` bytes at the current position: returns where to write them, or nullptr when
    // nothing is to be written (size pass or dead code).  Advances the position unless suppressed.
    std::uint8_t* reserve(std::size_t n);
    [[noreturn]] void internal_error(const std::string& what) const;

private:
    const char* name_;
    bool emit_ = false;
    bool suppress_ = false;
    std::size_t pos_ = 0;
    std::size_t size_ = 0;
    std::vector<std::uint8_t> buf_;
    std::vector<std::int64_t> labels_;
};

}  // namespace mpy
