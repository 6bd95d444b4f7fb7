#include "common/mpy_reader.h"

#include <fmt/format.h>

#include "common/byte_reader.h"
#include "common/diagnostics.h"
#include "common/qstr_static.h"

namespace mpy {
namespace {

class MpyParser {
public:
    MpyParser(std::span<const std::uint8_t> data, const std::string& file, MpyLayout* layout,
              const ReadLimits& limits)
        : in_(data, file), layout_(layout), limits_(limits) {}

    MpyModule parse() {
        MpyModule m;
        m.header = parse_header();

        std::size_t at = in_.offset();
        std::uint64_t n_qstr = in_.vuint("qstr count");
        std::size_t at_obj = in_.offset();
        std::uint64_t n_obj = in_.vuint("constant count");
        // Every qstr and every constant takes at least one byte.
        in_.require_fits(n_qstr, 1, "qstr count", at);
        in_.require_fits(n_obj, 1, "constant count", at_obj);
        in_.require_fits(n_qstr + n_obj, 1, "qstr + constant count", at);

        if (layout_) layout_->qstr_table = in_.offset();
        m.qstrs.reserve(static_cast<std::size_t>(n_qstr));
        for (std::uint64_t i = 0; i < n_qstr; ++i) {
            m.qstrs.push_back(parse_qstr());
        }
        if (layout_) layout_->obj_table = in_.offset();
        m.constants.reserve(static_cast<std::size_t>(n_obj));
        for (std::uint64_t i = 0; i < n_obj; ++i) {
            m.constants.push_back(parse_constant(0));
        }
        if (layout_) layout_->raw_code = in_.offset();
        m.module = parse_raw_code(0);
        if (layout_) layout_->end = in_.offset();
        return m;
    }

private:
    ModuleHeader parse_header() {
        ModuleHeader h;
        if (in_.byte("magic byte") != kMpyMagic) {
            in_.fail(0, "not a .mpy file (the first byte is not 'M')");
        }
        h.version = in_.byte("version byte");
        if (h.version != kMpyVersion) {
            in_.fail(1, fmt::format(".mpy version {} is not supported: this tool reads version {} "
                                    "({}); version {} is {}",
                                    h.version, kMpyVersion, mpy_version_releases(kMpyVersion, kMpySubVersion),
                                    h.version, mpy_version_releases(h.version, 0)));
        }
        std::uint8_t feature = in_.byte("feature byte");
        if (feature & kFeatureReserved) {
            in_.fail(2, fmt::format("feature byte {:#04x} has the reserved bit 7 set", feature));
        }
        h.arch = static_cast<NativeArch>((feature >> kFeatureArchShift) & kFeatureArchMask);
        h.sub_version = feature & kFeatureSubVersionMask;
        h.small_int_bits = in_.byte("small-int-bits byte");
        if (feature & kFeatureArchFlagsPresent) {
            h.arch_flags = in_.vuint("arch flags");
        }
        return h;
    }

    std::string parse_qstr() {
        std::size_t at = in_.offset();
        std::uint64_t v = in_.vuint("qstr header");
        if (v & kQstrStaticBit) {
            std::uint64_t index = v >> 1;
            auto s = index <= qstr::kLastStatic ? qstr::static_string(static_cast<std::uint32_t>(index))
                                                : std::nullopt;
            if (!s) {
                in_.fail(at, fmt::format("static qstr index {} is not in the static list (1..{})", index,
                                         qstr::kLastStatic));
            }
            return std::string(*s);
        }
        std::uint64_t len = v >> 1;
        if (len >= in_.remaining()) {  // the text plus its NUL
            in_.fail(at, fmt::format("qstr length {} exceeds file size ({} bytes left)", len, in_.remaining()));
        }
        auto text = in_.bytes(len, "qstr text");
        expect_nul("qstr");
        return std::string(text.begin(), text.end());
    }

    void expect_nul(std::string_view what) {
        std::size_t at = in_.offset();
        if (in_.byte("NUL terminator") != 0) {
            in_.fail(at, fmt::format("{} is not followed by its NUL terminator", what));
        }
    }

    Constant parse_constant(unsigned depth) {
        if (depth > limits_.max_constant_depth) {
            in_.fail(in_.offset(), fmt::format("constant tuples nested deeper than {}", limits_.max_constant_depth));
        }
        std::size_t at = in_.offset();
        std::uint8_t tag_byte = in_.byte("constant tag");
        if (tag_byte >= kObjTagCount) {
            in_.fail(at, fmt::format("unknown constant tag {}", tag_byte));
        }
        Constant c;
        c.tag = static_cast<ObjTag>(tag_byte);
        switch (c.tag) {
            case ObjTag::FunTable:
            case ObjTag::None:
            case ObjTag::False:
            case ObjTag::True:
            case ObjTag::Ellipsis:
                return c;
            case ObjTag::Tuple: {
                std::size_t at_len = in_.offset();
                std::uint64_t n = in_.vuint("tuple length");
                in_.require_fits(n, 1, "tuple length", at_len);
                c.items.reserve(static_cast<std::size_t>(n));
                for (std::uint64_t i = 0; i < n; ++i) {
                    c.items.push_back(parse_constant(depth + 1));
                }
                return c;
            }
            case ObjTag::Str:
            case ObjTag::Bytes:
            case ObjTag::Int:
            case ObjTag::Float:
            case ObjTag::Complex: {
                bool terminated = c.tag == ObjTag::Str || c.tag == ObjTag::Bytes;
                std::size_t at_len = in_.offset();
                std::uint64_t n = in_.vuint("constant length");
                if (n > in_.remaining() || (terminated && n == in_.remaining())) {
                    in_.fail(at_len, fmt::format("constant length {} exceeds file size ({} bytes left)", n,
                                                 in_.remaining()));
                }
                auto body = in_.bytes(n, "constant data");
                c.text.assign(body.begin(), body.end());
                if (terminated) expect_nul(c.tag == ObjTag::Str ? "str constant" : "bytes constant");
                return c;
            }
        }
        return c;  // unreachable: every tag below kObjTagCount is handled
    }

    RawCode parse_raw_code(unsigned depth) {
        if (depth > limits_.max_raw_code_depth) {
            in_.fail(in_.offset(), fmt::format("raw codes nested deeper than {}", limits_.max_raw_code_depth));
        }
        std::size_t at = in_.offset();
        std::uint64_t kind_len = in_.vuint("raw code header");
        RawCode rc;
        rc.kind = static_cast<CodeKind>(kind_len & 3);
        bool has_children = kind_len & kRawCodeHasChildrenBit;
        std::uint64_t code_len = kind_len >> kRawCodeLengthShift;
        if (code_len > in_.remaining()) {
            in_.fail(at, fmt::format("code length {} exceeds file size ({} bytes left)", code_len, in_.remaining()));
        }
        if (layout_) layout_->code_offsets.push_back(in_.offset());
        auto code = in_.bytes(code_len, "code");
        rc.code.assign(code.begin(), code.end());

        switch (rc.kind) {
            case CodeKind::Bytecode:
                break;
            case CodeKind::NativePy: {
                std::size_t at_off = in_.offset();
                rc.prelude_offset = in_.vuint("prelude offset");
                if (rc.prelude_offset >= rc.code.size()) {
                    in_.fail(at_off, fmt::format("prelude offset {} is outside the {} bytes of native code",
                                                 rc.prelude_offset, rc.code.size()));
                }
                break;
            }
            case CodeKind::NativeViper:
                rc.scope_flags = in_.vuint("scope flags");
                parse_viper_sections(rc);
                break;
            case CodeKind::NativeAsm:
                rc.scope_flags = in_.vuint("scope flags");
                rc.asm_n_pos_args = in_.vuint("asm argument count");
                rc.asm_type_sig = in_.vuint("asm type signature");
                break;
        }

        if (has_children) {
            std::size_t at_n = in_.offset();
            std::uint64_t n = in_.vuint("child count");
            in_.require_fits(n, 1, "child count", at_n);
            rc.children.reserve(static_cast<std::size_t>(n));
            for (std::uint64_t i = 0; i < n; ++i) {
                rc.children.push_back(parse_raw_code(depth + 1));
            }
        }

        // The loader relocates after it has loaded the children, so the stream comes last.
        if (rc.kind == CodeKind::NativeViper && (rc.scope_flags & kScopeViperReloc)) {
            parse_relocations(rc);
        }
        return rc;
    }

    void parse_viper_sections(RawCode& rc) {
        std::uint64_t rodata_size = 0;
        if (rc.scope_flags & kScopeViperRodata) {
            std::size_t at = in_.offset();
            rodata_size = in_.vuint("rodata size");
            if (rodata_size > in_.remaining()) {
                in_.fail(at, fmt::format("rodata size {} exceeds file size ({} bytes left)", rodata_size,
                                         in_.remaining()));
            }
        }
        if (rc.scope_flags & kScopeViperBss) {
            rc.bss_size = in_.vuint("bss size");
        }
        if (rc.scope_flags & kScopeViperRodata) {
            auto data = in_.bytes(rodata_size, "rodata");
            rc.rodata.assign(data.begin(), data.end());
        }
    }

    void parse_relocations(RawCode& rc) {
        for (;;) {
            std::uint8_t op = in_.byte("relocation entry (or its 0xff end marker)");
            if (op == 0xff) {
                return;
            }
            RelocationEntry r;
            r.op = op;
            if (r.has_address()) r.address = in_.vuint("relocation address");
            if (r.has_count()) r.count = in_.vuint("relocation count");
            rc.relocations.push_back(r);
        }
    }

    ByteReader in_;
    MpyLayout* layout_;
    ReadLimits limits_;
};

}  // namespace

RawHeader peek_header(std::span<const std::uint8_t> data, const std::string& file_name) {
    ByteReader in(data, file_name);
    if (in.byte("magic byte") != kMpyMagic) {
        in.fail(0, "not a .mpy file (the first byte is not 'M')");
    }
    RawHeader h;
    h.version = in.byte("version byte");
    h.feature = in.byte("feature byte");
    h.small_int_bits = in.byte("small-int-bits byte");
    return h;
}

MpyModule read_mpy(std::span<const std::uint8_t> data, const std::string& file_name, MpyLayout* layout,
                   const ReadLimits& limits) {
    if (layout) *layout = MpyLayout{};
    return MpyParser(data, file_name, layout, limits).parse();
}

std::string mpy_version_releases(unsigned version, unsigned sub_version) {
    switch (version) {
        case 0: return "MicroPython 1.5.1 to 1.8.7";
        case 2: return "MicroPython 1.9 to 1.9.2";
        case 3: return "MicroPython 1.9.3 to 1.10";
        case 4: return "MicroPython 1.11";
        case 5: return "MicroPython 1.12 to 1.18";
        case 6:
            switch (sub_version) {
                case 0: return "MicroPython 1.19";
                case 1: return "MicroPython 1.20 to 1.21";
                case 2: return "MicroPython 1.22";
                case 3: return "MicroPython 1.23 and later";
                default: return "no released MicroPython";
            }
        default: return "no released MicroPython";
    }
}

}  // namespace mpy
