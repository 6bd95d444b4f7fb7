#include "compiler/asm/base/asm_base.h"

#include <algorithm>
#include <stdexcept>

namespace mpy {

void AsmBase::internal_error(const std::string& what) const {
    throw std::logic_error(std::string(name_) + ": " + what);
}

void AsmBase::set_num_labels(std::size_t n) { labels_.assign(n, -1); }

void AsmBase::start_pass(bool emit) {
    if (emit) {
        // The size pass measured the code: the buffer is exactly that big (zero-filled, so
        // alignment gaps are deterministic).
        size_ = pos_;
        buf_.assign(size_, 0);
    } else {
        // Unassigned labels are how the size pass tells backward jumps from forward ones.
        std::fill(labels_.begin(), labels_.end(), -1);
        buf_.clear();
        size_ = 0;
    }
    emit_ = emit;
    suppress_ = false;
    pos_ = 0;
}

std::uint8_t* AsmBase::reserve(std::size_t n) {
    if (suppress_) {
        return nullptr;
    }
    std::uint8_t* where = nullptr;
    if (emit_) {
        if (pos_ + n > buf_.size()) internal_error("emit pass writes more code than the size pass measured");
        where = buf_.data() + pos_;
    }
    pos_ += n;
    return where;
}

void AsmBase::label_assign(std::size_t n) {
    if (n >= labels_.size()) internal_error("label " + std::to_string(n) + " out of range");
    suppress_ = false;  // a label is a jump target: code after it is live again
    const auto here = static_cast<std::int64_t>(pos_);
    if (!emit_) {
        if (labels_[n] != -1) internal_error("label " + std::to_string(n) + " assigned twice");
        labels_[n] = here;
    } else if (labels_[n] != here) {
        internal_error("label " + std::to_string(n) + " moved between passes");
    }
}

std::int64_t AsmBase::label_offset(std::size_t n) const {
    if (n >= labels_.size()) internal_error("label " + std::to_string(n) + " out of range");
    return labels_[n];
}

void AsmBase::align(unsigned alignment) {
    // Not subject to dead-code suppression (the reference moves the offset unconditionally).
    pos_ = (pos_ + alignment - 1) & ~static_cast<std::size_t>(alignment - 1);
}

void AsmBase::data(unsigned size, std::uint64_t value) {
    if (std::uint8_t* p = reserve(size)) {
        for (unsigned i = 0; i < size; ++i) {
            p[i] = i < 8 ? static_cast<std::uint8_t>(value >> (8 * i)) : 0;
        }
    }
}

void AsmBase::raw(std::span<const std::uint8_t> bytes) {
    if (std::uint8_t* p = reserve(bytes.size())) {
        std::copy(bytes.begin(), bytes.end(), p);
    }
}

}  // namespace mpy
