// Constant objects for mpytool freeze: str/bytes, ints (small, long long, mpz), floats for every
// object representation, complex, tuples.  The text matches mpy-tool.py -f exactly.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "common/big_int.h"
#include "common/diagnostics.h"
#include "common/qstr_ident.h"
#include "mpytool/freeze_internal.h"

namespace mpy::tool::freeze_detail {
namespace {

[[noreturn]] void freeze_error(const std::string& source_file, const std::string& msg) {
    throw DiagnosticError(Diagnostic{"error", fmt::format("error while freezing {}: {}", source_file, msg), {}});
}

// A long int constant's decimal text (as the .mpy stores it, optional sign).
BigInt parse_int_text(const std::string& source_file, std::string_view text) {
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    std::optional<BigInt> magnitude = BigInt::from_digits(text, 10);
    if (!magnitude) freeze_error(source_file, fmt::format("invalid int constant '{}'", text));
    return negative ? -*magnitude : *magnitude;
}

// Python's "%.16g" % x.
std::string format_g16(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.16g", x);
    return buf;
}

double parse_float(std::string_view text) {
    std::string s(text);
    return std::strtod(s.c_str(), nullptr);
}

// Python's complex(text) for the forms MicroPython's repr produces: "2j", "(1+2j)", "(nan-infj)".
std::pair<double, double> parse_complex(std::string_view text) {
    if (!text.empty() && text.front() == '(' && text.back() == ')') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.back() != 'j') return {parse_float(text), 0.0};
    text.remove_suffix(1);
    std::size_t split = std::string_view::npos;
    for (std::size_t i = text.size(); i-- > 1;) {
        if ((text[i] == '+' || text[i] == '-') && text[i - 1] != 'e' && text[i - 1] != 'E') {
            split = i;
            break;
        }
    }
    auto imag_of = [](std::string_view s) {
        if (s.empty() || s == "+") return 1.0;
        if (s == "-") return -1.0;
        return parse_float(s);
    };
    if (split == std::string_view::npos) return {0.0, imag_of(text)};
    return {parse_float(text.substr(0, split)), imag_of(text.substr(split))};
}

std::string hex128(unsigned __int128 v) {
    std::uint64_t hi = static_cast<std::uint64_t>(v >> 64), lo = static_cast<std::uint64_t>(v);
    return hi ? fmt::format("{:x}{:016x}", hi, lo) : fmt::format("{:016x}", lo);
}

std::string freeze_float(State& st, const std::string& source_file, const std::string& obj_name, const std::string& text) {
    double x = parse_float(text);
    std::string macro = obj_name + "_macro";
    st.line("#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B");
    st.line(fmt::format("static const mp_obj_float_t {} = {{{{&mp_type_float}}, (mp_float_t){}}};", obj_name, format_g16(x)));
    st.line(fmt::format("#define {} MP_ROM_PTR(&{})", macro, obj_name));
    st.line("#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C");
    float f = static_cast<float>(x);
    if (std::isinf(f) && !std::isinf(x)) freeze_error(source_file, "float too large to pack with f format");
    std::uint32_t fbits;
    std::memcpy(&fbits, &f, sizeof fbits);
    std::uint64_t c = ((fbits & ~std::uint64_t{3}) | 2) + 0x80800000u;
    st.line(fmt::format("#define {} ((mp_rom_obj_t)(0x{:08x}))", macro, c));
    st.line("#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D");
    std::uint64_t dbits;
    std::memcpy(&dbits, &x, sizeof dbits);
    unsigned __int128 d = static_cast<unsigned __int128>(dbits) + 0x8004000000000000ull;
    st.line(fmt::format("#define {} ((mp_rom_obj_t)(0x{}))", macro, hex128(d)));
    st.line("#endif");
    st.counts.const_obj_content += 3 * 4;
    return macro;
}

std::string freeze_int(State& st, const std::string& source_file, const std::string& obj_name, const std::string& text) {
    const BigInt v = parse_int_text(source_file, text);
    if (v.fits_int64() && v.to_int64() >= -0x2000 && v.to_int64() <= 0x1fff) {
        return fmt::format("MP_ROM_INT({})", v.to_int64());
    }
    switch (st.config.longint_impl) {
        case LongIntImpl::None:
            freeze_error(source_file, "target does not support long int");
        case LongIntImpl::LongLong:
            st.line(fmt::format("static const mp_obj_int_t {} = {{{{&mp_type_int}}, {}}};", obj_name, v.to_decimal()));
            return fmt::format("MP_ROM_PTR(&{})", obj_name);
        case LongIntImpl::Mpz: {
            unsigned bits = st.config.mpz_dig_size;
            auto digs = v.magnitude_digits(bits);
            std::vector<std::string> hex;
            for (auto d : digs) hex.push_back(d ? fmt::format("{:#x}", d) : "0x0");
            std::string joined = fmt::format("{}", fmt::join(hex, ","));
            st.line(fmt::format("static const mp_obj_int_t {} = {{{{&mp_type_int}}, {{.neg={}, .fixed_dig=1, .alloc={}, "
                                ".len={}, .dig=(uint{}_t*)(const uint{}_t[]){{{}}}}}}};",
                                obj_name, v.is_negative() ? 1 : 0, digs.size(), digs.size(), bits, bits, joined));
            // mpy-tool counts the commas of the joined text plus one, even for no digits.
            long n_digits = static_cast<long>(std::count(joined.begin(), joined.end(), ',')) + 1;
            st.counts.const_int_content += n_digits * bits / 8;
            st.counts.const_obj_content += 4 * 4;
            return fmt::format("MP_ROM_PTR(&{})", obj_name);
        }
    }
    return {};
}

}  // namespace

std::string freeze_constant(State& st, const std::string& source_file, const std::string& obj_name, const Constant& c) {
    switch (c.tag) {
        case ObjTag::FunTable: return "&mp_fun_table";
        case ObjTag::None: return "MP_ROM_NONE";
        case ObjTag::False: return "MP_ROM_FALSE";
        case ObjTag::True: return "MP_ROM_TRUE";
        case ObjTag::Ellipsis: return "MP_ROM_PTR(&mp_const_ellipsis_obj)";
        case ObjTag::Str:
        case ObjTag::Bytes: {
            bool is_str = c.tag == ObjTag::Str;
            if (c.text.empty()) return is_str ? "MP_ROM_QSTR(MP_QSTR_)" : "MP_ROM_PTR(&mp_const_empty_bytes_obj)";
            if (is_str && st.known_qstrs.count(c.text)) return fmt::format("MP_ROM_QSTR(MP_QSTR_{})", qstr::ident(c.text));
            std::string escaped;
            for (unsigned char b : c.text) escaped += fmt::format("\\x{:02x}", b);
            st.line(fmt::format("static const mp_obj_str_t {} = {{{{&{}}}, {}, {}, (const byte*)\"{}\"}};", obj_name,
                                is_str ? "mp_type_str" : "mp_type_bytes",
                                qstr::hash(c.text, st.config.qstr_bytes_in_hash), c.text.size(), escaped));
            st.counts.const_str_content += static_cast<long>(c.text.size());
            st.counts.const_obj_content += 4 * 4;
            return fmt::format("MP_ROM_PTR(&{})", obj_name);
        }
        case ObjTag::Int: return freeze_int(st, source_file, obj_name, c.text);
        case ObjTag::Float: return freeze_float(st, source_file, obj_name, c.text);
        case ObjTag::Complex: {
            auto [re, im] = parse_complex(c.text);
            st.line(fmt::format("static const mp_obj_complex_t {} = {{{{&mp_type_complex}}, (mp_float_t){}, (mp_float_t){}}};",
                                obj_name, format_g16(re), format_g16(im)));
            return fmt::format("MP_ROM_PTR(&{})", obj_name);
        }
        case ObjTag::Tuple: {
            if (c.items.empty()) return "MP_ROM_PTR(&mp_const_empty_tuple_obj)";
            std::vector<std::string> refs;
            for (std::size_t i = 0; i < c.items.size(); ++i) {
                refs.push_back(freeze_constant(st, source_file, fmt::format("{}_{}", obj_name, i), c.items[i]));
            }
            st.line(fmt::format("static const mp_rom_obj_tuple_t {} = {{{{&mp_type_tuple}}, {}, {{", obj_name, c.items.size()));
            for (const auto& r : refs) st.line(fmt::format("    {},", r));
            st.line("}};");
            return fmt::format("MP_ROM_PTR(&{})", obj_name);
        }
    }
    freeze_error(source_file, "freezing of this object is not implemented");
}

}  // namespace mpy::tool::freeze_detail
