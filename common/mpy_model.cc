#include "common/mpy_model.h"

#include <fmt/format.h>

namespace mpy {
namespace {

// Python's quoting rule: single quotes unless the text has a ' and no ".
char pick_quote(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    return has_single && !has_double ? '"' : '\'';
}

std::string quoted(const std::string& s, bool is_bytes) {
    char q = pick_quote(s);
    std::string out = is_bytes ? "b" : "";
    out.push_back(q);
    for (unsigned char c : s) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c == static_cast<unsigned char>(q)) {
                    out.push_back('\\');
                    out.push_back(static_cast<char>(c));
                } else if (c < 0x20 || c == 0x7f || (is_bytes && c >= 0x80)) {
                    out += fmt::format("\\x{:02x}", c);
                } else {
                    out.push_back(static_cast<char>(c));  // UTF-8 of a str passes through
                }
        }
    }
    out.push_back(q);
    return out;
}

}  // namespace

std::string constant_repr(const Constant& c) {
    switch (c.tag) {
        case ObjTag::FunTable: return "mp_fun_table";
        case ObjTag::None: return "None";
        case ObjTag::False: return "False";
        case ObjTag::True: return "True";
        case ObjTag::Ellipsis: return "Ellipsis";
        case ObjTag::Str: return quoted(c.text, false);
        case ObjTag::Bytes: return quoted(c.text, true);
        case ObjTag::Int:
        case ObjTag::Float:
        case ObjTag::Complex: return c.text;
        case ObjTag::Tuple: {
            std::string out = "(";
            for (std::size_t i = 0; i < c.items.size(); ++i) {
                if (i) out += ", ";
                out += constant_repr(c.items[i]);
            }
            if (c.items.size() == 1) out += ",";
            return out + ")";
        }
    }
    return fmt::format("<unknown tag {}>", static_cast<unsigned>(c.tag));
}

std::string RelocationEntry::destination() const {
    unsigned dest = op >> 1;
    if (dest <= 5) {
        static constexpr const char* kSections[] = {"text", "rodata", "bss"};
        return kSections[dest >> 1];
    }
    switch (dest) {
        case 6: return "qstr_table";
        case 7: return "obj_table";
        case 8: return "mp_fun_table";
        default: return fmt::format("mp_fun_table[{}]", dest - 9);
    }
}

ModuleHeader make_header(NativeArch target, bool has_native, unsigned small_int_bits,
                         std::uint64_t arch_flags) {
    ModuleHeader h;
    h.version = kMpyVersion;
    if (has_native) {
        h.sub_version = kMpySubVersion;
        h.arch = target;
    }
    h.small_int_bits = static_cast<std::uint8_t>(small_int_bits);
    if (arch_flags != 0) {
        h.arch_flags = arch_flags;
    }
    return h;
}

bool contains_native(const RawCode& rc) {
    if (rc.is_native()) {
        return true;
    }
    for (const auto& child : rc.children) {
        if (contains_native(child)) {
            return true;
        }
    }
    return false;
}

std::size_t count_raw_codes(const RawCode& rc) {
    std::size_t n = 1;
    for (const auto& child : rc.children) {
        n += count_raw_codes(child);
    }
    return n;
}

}  // namespace mpy
