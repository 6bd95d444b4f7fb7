// Big integer arithmetic for constant folding.  Schoolbook algorithms: the folder refuses
// results beyond a size limit, so quadratic cost stays small.
#include "common/big_int.h"

#include <algorithm>

namespace mpy {

BigInt::BigInt(int64_t v) {
    neg_ = v < 0;
    uint64_t m = neg_ ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    while (m != 0) {
        mag_.push_back(static_cast<uint32_t>(m));
        m >>= 32;
    }
}

void BigInt::trim(Mag& m) {
    while (!m.empty() && m.back() == 0) m.pop_back();
}

BigInt BigInt::make(bool neg, Mag mag) {
    trim(mag);
    BigInt r;
    r.neg_ = neg && !mag.empty();
    r.mag_ = std::move(mag);
    return r;
}

std::optional<BigInt> BigInt::from_digits(std::string_view digits, int base) {
    if (digits.empty()) return std::nullopt;
    Mag m;
    for (char ch : digits) {
        uint32_t c = static_cast<unsigned char>(ch);
        uint32_t d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            d = (c | 0x20) - 'a' + 10;
        } else {
            return std::nullopt;
        }
        if (d >= static_cast<uint32_t>(base)) return std::nullopt;
        uint64_t carry = d;
        for (uint32_t& limb : m) {
            uint64_t t = static_cast<uint64_t>(limb) * static_cast<uint32_t>(base) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        if (carry != 0) m.push_back(static_cast<uint32_t>(carry));
    }
    return make(false, std::move(m));
}

std::vector<uint64_t> BigInt::magnitude_digits(unsigned bits) const {
    std::vector<uint64_t> out;
    const uint64_t total_bits = mag_.size() * 32;
    for (uint64_t pos = 0; pos < total_bits; pos += bits) {
        uint64_t d = 0;
        for (unsigned b = 0; b < bits && pos + b < total_bits; ++b) {
            const uint64_t bit = pos + b;
            if ((mag_[bit / 32] >> (bit % 32)) & 1) d |= uint64_t{1} << b;
        }
        out.push_back(d);
    }
    while (!out.empty() && out.back() == 0) out.pop_back();
    return out;
}

uint64_t BigInt::bit_length() const {
    if (mag_.empty()) return 0;
    uint64_t bits = (mag_.size() - 1) * 32;
    uint32_t top = mag_.back();
    while (top != 0) {
        ++bits;
        top >>= 1;
    }
    return bits;
}

bool BigInt::fits_int64() const { return fits_signed_bits(64); }

bool BigInt::fits_signed_bits(int bits) const {
    uint64_t len = bit_length();
    if (len < static_cast<uint64_t>(bits)) return true;
    if (!neg_ || len > static_cast<uint64_t>(bits)) return false;
    // -2^(bits-1) has exactly `bits` bits and is a power of two.
    for (size_t i = 0; i + 1 < mag_.size(); ++i) {
        if (mag_[i] != 0) return false;
    }
    uint32_t top = mag_.back();
    return (top & (top - 1)) == 0;
}

int64_t BigInt::to_int64() const {
    uint64_t m = 0;
    for (size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
    return neg_ ? static_cast<int64_t>(0 - m) : static_cast<int64_t>(m);
}

std::string BigInt::to_decimal() const {
    if (mag_.empty()) return "0";
    Mag m = mag_;
    std::string out;
    while (!m.empty()) {
        uint64_t rem = 0;
        for (size_t i = m.size(); i-- > 0;) {
            uint64_t cur = (rem << 32) | m[i];
            m[i] = static_cast<uint32_t>(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        trim(m);
        for (int k = 0; k < 9; ++k) {
            out += static_cast<char>('0' + rem % 10);
            rem /= 10;
            if (m.empty() && rem == 0) break;
        }
    }
    if (neg_) out += '-';
    std::reverse(out.begin(), out.end());
    return out;
}

double BigInt::to_double_like_mpz() const {
    double v = 0;
    for (size_t i = mag_.size(); i-- > 0;) v = v * 4294967296.0 + mag_[i];
    return neg_ ? -v : v;
}

int BigInt::compare_mag(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

int BigInt::compare(const BigInt& b) const {
    if (neg_ != b.neg_) return neg_ ? -1 : 1;
    int c = compare_mag(mag_, b.mag_);
    return neg_ ? -c : c;
}

BigInt::Mag BigInt::add_mag(const Mag& a, const Mag& b) {
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1);
    uint64_t carry = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        uint64_t t = static_cast<uint64_t>(x[i]) + (i < y.size() ? y[i] : 0) + carry;
        r[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    r[x.size()] = static_cast<uint32_t>(carry);
    trim(r);
    return r;
}

BigInt::Mag BigInt::sub_mag(const Mag& a, const Mag& b) {
    Mag r(a.size());
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t t = static_cast<int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
        borrow = t < 0 ? 1 : 0;
        r[i] = static_cast<uint32_t>(t + (borrow << 32));
    }
    trim(r);
    return r;
}

BigInt::Mag BigInt::mul_mag(const Mag& a, const Mag& b) {
    if (a.empty() || b.empty()) return {};
    Mag r(a.size() + b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b.size(); ++j) {
            uint64_t t = static_cast<uint64_t>(a[i]) * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        r[i + b.size()] = static_cast<uint32_t>(carry);
    }
    trim(r);
    return r;
}

// Knuth's algorithm D (TAOCP 4.3.1), truncating division of magnitudes.
void BigInt::divmod_mag(const Mag& a, const Mag& b, Mag* q, Mag* r) {
    if (compare_mag(a, b) < 0) {
        *q = {};
        *r = a;
        return;
    }
    if (b.size() == 1) {
        Mag quo(a.size());
        uint64_t rem = 0;
        for (size_t i = a.size(); i-- > 0;) {
            uint64_t cur = (rem << 32) | a[i];
            quo[i] = static_cast<uint32_t>(cur / b[0]);
            rem = cur % b[0];
        }
        trim(quo);
        *q = std::move(quo);
        *r = rem ? Mag{static_cast<uint32_t>(rem)} : Mag{};
        return;
    }
    // Normalise so the divisor's top limb has its high bit set.
    int shift = 0;
    for (uint32_t top = b.back(); (top & 0x80000000u) == 0; top <<= 1) ++shift;
    auto shl = [shift](const Mag& m, size_t extra) {
        Mag out(m.size() + extra, 0);
        uint32_t carry = 0;
        for (size_t i = 0; i < m.size(); ++i) {
            out[i] = shift ? (m[i] << shift) | carry : m[i];
            carry = shift ? m[i] >> (32 - shift) : 0;
        }
        if (extra) out[m.size()] = carry;
        return out;
    };
    Mag v = shl(b, 0);
    Mag u = shl(a, 1);
    const size_t n = v.size();
    const size_t m = a.size() - n;
    Mag quo(m + 1, 0);
    for (size_t j = m + 1; j-- > 0;) {
        uint64_t num = (static_cast<uint64_t>(u[j + n]) << 32) | u[j + n - 1];
        uint64_t qhat = num / v[n - 1];
        uint64_t rhat = num % v[n - 1];
        while (qhat > 0xffffffffu || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
            --qhat;
            rhat += v[n - 1];
            if (rhat > 0xffffffffu) break;
        }
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t = static_cast<int64_t>(u[i + j]) - static_cast<int64_t>(p & 0xffffffffu) - borrow;
            borrow = t < 0 ? 1 : 0;
            u[i + j] = static_cast<uint32_t>(t + (borrow << 32));
        }
        int64_t t = static_cast<int64_t>(u[j + n]) - static_cast<int64_t>(carry) - borrow;
        borrow = t < 0 ? 1 : 0;
        u[j + n] = static_cast<uint32_t>(t + (borrow << 32));
        if (borrow) {
            // qhat was one too large: add the divisor back.
            --qhat;
            uint64_t c = 0;
            for (size_t i = 0; i < n; ++i) {
                uint64_t s = static_cast<uint64_t>(u[i + j]) + v[i] + c;
                u[i + j] = static_cast<uint32_t>(s);
                c = s >> 32;
            }
            u[j + n] = static_cast<uint32_t>(u[j + n] + c);
        }
        quo[j] = static_cast<uint32_t>(qhat);
    }
    trim(quo);
    *q = std::move(quo);
    // Un-normalise the remainder.
    Mag rem(n);
    for (size_t i = 0; i < n; ++i) {
        rem[i] = shift ? (u[i] >> shift) | (i + 1 < u.size() ? u[i + 1] << (32 - shift) : 0) : u[i];
    }
    trim(rem);
    *r = std::move(rem);
}

BigInt BigInt::operator-() const { return make(!neg_, mag_); }

BigInt operator+(const BigInt& a, const BigInt& b) {
    if (a.neg_ == b.neg_) return BigInt::make(a.neg_, BigInt::add_mag(a.mag_, b.mag_));
    if (BigInt::compare_mag(a.mag_, b.mag_) >= 0) return BigInt::make(a.neg_, BigInt::sub_mag(a.mag_, b.mag_));
    return BigInt::make(b.neg_, BigInt::sub_mag(b.mag_, a.mag_));
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
    return BigInt::make(a.neg_ != b.neg_, BigInt::mul_mag(a.mag_, b.mag_));
}

void BigInt::floor_divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder) {
    Mag q, r;
    divmod_mag(a.mag_, b.mag_, &q, &r);
    BigInt quo = make(a.neg_ != b.neg_, std::move(q));
    BigInt rem = make(a.neg_, std::move(r));
    // Truncation -> floor: when the signs differ and there is a remainder.
    if (!rem.is_zero() && rem.neg_ != b.neg_) {
        quo = quo - BigInt(1);
        rem = rem + b;
    }
    if (quotient) *quotient = std::move(quo);
    if (remainder) *remainder = std::move(rem);
}

BigInt BigInt::pow(uint64_t exponent) const {
    BigInt result(1);
    BigInt base = *this;
    while (exponent != 0) {
        if (exponent & 1) result = result * base;
        exponent >>= 1;
        if (exponent != 0) base = base * base;
    }
    return result;
}

BigInt BigInt::shifted_left(uint64_t n) const {
    if (mag_.empty()) return {};
    size_t limbs = n / 32;
    int bits = static_cast<int>(n % 32);
    Mag r(limbs, 0);
    uint32_t carry = 0;
    for (uint32_t limb : mag_) {
        r.push_back(bits ? (limb << bits) | carry : limb);
        carry = bits ? limb >> (32 - bits) : 0;
    }
    r.push_back(carry);
    return make(neg_, std::move(r));
}

BigInt BigInt::shifted_right(uint64_t n) const {
    if (!neg_) {
        size_t limbs = n / 32;
        if (limbs >= mag_.size()) return {};
        int bits = static_cast<int>(n % 32);
        Mag r;
        for (size_t i = limbs; i < mag_.size(); ++i) {
            uint32_t hi = i + 1 < mag_.size() ? mag_[i + 1] : 0;
            r.push_back(bits ? (mag_[i] >> bits) | (hi << (32 - bits)) : mag_[i]);
        }
        return make(false, std::move(r));
    }
    // floor(-m / 2^n) = -ceil(m / 2^n) = ~((m - 1) >> n)
    BigInt m_minus_1 = make(false, mag_) - BigInt(1);
    return m_minus_1.shifted_right(n).bit_invert();
}

BigInt::Mag BigInt::to_twos(size_t limbs) const {
    Mag r(limbs, 0);
    std::copy(mag_.begin(), mag_.end(), r.begin());
    if (neg_) {
        uint64_t carry = 1;
        for (uint32_t& limb : r) {
            uint64_t t = static_cast<uint64_t>(static_cast<uint32_t>(~limb)) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    return r;
}

BigInt BigInt::from_twos(Mag m) {
    bool neg = !m.empty() && (m.back() & 0x80000000u);
    if (neg) {
        uint64_t carry = 1;
        for (uint32_t& limb : m) {
            uint64_t t = static_cast<uint64_t>(static_cast<uint32_t>(~limb)) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    return make(neg, std::move(m));
}

template <class Op> BigInt BigInt::bitwise(const BigInt& b, Op op) const {
    size_t limbs = std::max(mag_.size(), b.mag_.size()) + 1;
    Mag x = to_twos(limbs);
    Mag y = b.to_twos(limbs);
    for (size_t i = 0; i < limbs; ++i) x[i] = op(x[i], y[i]);
    return from_twos(std::move(x));
}

BigInt BigInt::bit_and(const BigInt& b) const { return bitwise(b, [](uint32_t p, uint32_t q) { return p & q; }); }
BigInt BigInt::bit_or(const BigInt& b) const { return bitwise(b, [](uint32_t p, uint32_t q) { return p | q; }); }
BigInt BigInt::bit_xor(const BigInt& b) const { return bitwise(b, [](uint32_t p, uint32_t q) { return p ^ q; }); }
BigInt BigInt::bit_invert() const { return -*this - BigInt(1); }

}  // namespace mpy
