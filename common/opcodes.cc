#include "common/opcodes.h"

#include <array>

#include <fmt/format.h>

#include "common/vuint.h"

namespace mpy {
namespace {

constexpr std::array<std::string_view, kUnaryOpCount> kUnaryNames = {
    "__pos__", "__neg__", "__invert__", "<not>",
};

constexpr std::array<std::string_view, kBinaryOpCount> kBinaryNames = {
    "__lt__",      "__gt__",      "__eq__",       "__le__",        "__ge__",
    "__ne__",      "<in>",        "<is>",         "<exception match>",
    "__ior__",     "__ixor__",    "__iand__",     "__ilshift__",   "__irshift__",
    "__iadd__",    "__isub__",    "__imul__",     "__imatmul__",   "__ifloordiv__",
    "__itruediv__", "__imod__",   "__ipow__",
    "__or__",      "__xor__",     "__and__",      "__lshift__",    "__rshift__",
    "__add__",     "__sub__",     "__mul__",      "__matmul__",    "__floordiv__",
    "__truediv__", "__mod__",     "__pow__",
};

// One row per named (non-multi) opcode.  The format column is not stored: it always follows
// from the high nibble, and the table builder checks nothing here contradicts that.
struct Row {
    std::uint8_t opcode;
    std::string_view name;
    ArgKind arg;
};

constexpr Row kRows[] = {
    {op::LOAD_CONST_STRING, "LOAD_CONST_STRING", ArgKind::Qstr},
    {op::LOAD_NAME, "LOAD_NAME", ArgKind::Qstr},
    {op::LOAD_GLOBAL, "LOAD_GLOBAL", ArgKind::Qstr},
    {op::LOAD_ATTR, "LOAD_ATTR", ArgKind::Qstr},
    {op::LOAD_METHOD, "LOAD_METHOD", ArgKind::Qstr},
    {op::LOAD_SUPER_METHOD, "LOAD_SUPER_METHOD", ArgKind::Qstr},
    {op::STORE_NAME, "STORE_NAME", ArgKind::Qstr},
    {op::STORE_GLOBAL, "STORE_GLOBAL", ArgKind::Qstr},
    {op::STORE_ATTR, "STORE_ATTR", ArgKind::Qstr},
    {op::DELETE_NAME, "DELETE_NAME", ArgKind::Qstr},
    {op::DELETE_GLOBAL, "DELETE_GLOBAL", ArgKind::Qstr},
    {op::IMPORT_NAME, "IMPORT_NAME", ArgKind::Qstr},
    {op::IMPORT_FROM, "IMPORT_FROM", ArgKind::Qstr},

    {op::MAKE_CLOSURE, "MAKE_CLOSURE", ArgKind::Child},
    {op::MAKE_CLOSURE_DEFARGS, "MAKE_CLOSURE_DEFARGS", ArgKind::Child},
    {op::LOAD_CONST_SMALL_INT, "LOAD_CONST_SMALL_INT", ArgKind::SmallInt},
    {op::LOAD_CONST_OBJ, "LOAD_CONST_OBJ", ArgKind::ConstObj},
    {op::LOAD_FAST_N, "LOAD_FAST_N", ArgKind::Local},
    {op::LOAD_DEREF, "LOAD_DEREF", ArgKind::Local},
    {op::STORE_FAST_N, "STORE_FAST_N", ArgKind::Local},
    {op::STORE_DEREF, "STORE_DEREF", ArgKind::Local},
    {op::DELETE_FAST, "DELETE_FAST", ArgKind::Local},
    {op::DELETE_DEREF, "DELETE_DEREF", ArgKind::Local},
    {op::BUILD_TUPLE, "BUILD_TUPLE", ArgKind::Count},
    {op::BUILD_LIST, "BUILD_LIST", ArgKind::Count},
    {op::BUILD_MAP, "BUILD_MAP", ArgKind::Count},
    {op::BUILD_SET, "BUILD_SET", ArgKind::Count},
    {op::BUILD_SLICE, "BUILD_SLICE", ArgKind::Count},
    {op::STORE_COMP, "STORE_COMP", ArgKind::StoreComp},
    {op::UNPACK_SEQUENCE, "UNPACK_SEQUENCE", ArgKind::Count},
    {op::UNPACK_EX, "UNPACK_EX", ArgKind::PackedCounts},
    {op::MAKE_FUNCTION, "MAKE_FUNCTION", ArgKind::Child},
    {op::MAKE_FUNCTION_DEFARGS, "MAKE_FUNCTION_DEFARGS", ArgKind::Child},
    {op::CALL_FUNCTION, "CALL_FUNCTION", ArgKind::PackedCounts},
    {op::CALL_FUNCTION_VAR_KW, "CALL_FUNCTION_VAR_KW", ArgKind::PackedCounts},
    {op::CALL_METHOD, "CALL_METHOD", ArgKind::PackedCounts},
    {op::CALL_METHOD_VAR_KW, "CALL_METHOD_VAR_KW", ArgKind::PackedCounts},

    {op::UNWIND_JUMP, "UNWIND_JUMP", ArgKind::SignedJump},
    {op::JUMP, "JUMP", ArgKind::SignedJump},
    {op::POP_JUMP_IF_TRUE, "POP_JUMP_IF_TRUE", ArgKind::SignedJump},
    {op::POP_JUMP_IF_FALSE, "POP_JUMP_IF_FALSE", ArgKind::SignedJump},
    {op::JUMP_IF_TRUE_OR_POP, "JUMP_IF_TRUE_OR_POP", ArgKind::UnsignedJump},
    {op::JUMP_IF_FALSE_OR_POP, "JUMP_IF_FALSE_OR_POP", ArgKind::UnsignedJump},
    {op::SETUP_WITH, "SETUP_WITH", ArgKind::UnsignedJump},
    {op::SETUP_EXCEPT, "SETUP_EXCEPT", ArgKind::UnsignedJump},
    {op::SETUP_FINALLY, "SETUP_FINALLY", ArgKind::UnsignedJump},
    {op::POP_EXCEPT_JUMP, "POP_EXCEPT_JUMP", ArgKind::UnsignedJump},
    {op::FOR_ITER, "FOR_ITER", ArgKind::UnsignedJump},

    {op::LOAD_CONST_FALSE, "LOAD_CONST_FALSE", ArgKind::None},
    {op::LOAD_CONST_NONE, "LOAD_CONST_NONE", ArgKind::None},
    {op::LOAD_CONST_TRUE, "LOAD_CONST_TRUE", ArgKind::None},
    {op::LOAD_NULL, "LOAD_NULL", ArgKind::None},
    {op::LOAD_BUILD_CLASS, "LOAD_BUILD_CLASS", ArgKind::None},
    {op::LOAD_SUBSCR, "LOAD_SUBSCR", ArgKind::None},
    {op::STORE_SUBSCR, "STORE_SUBSCR", ArgKind::None},
    {op::DUP_TOP, "DUP_TOP", ArgKind::None},
    {op::DUP_TOP_TWO, "DUP_TOP_TWO", ArgKind::None},
    {op::POP_TOP, "POP_TOP", ArgKind::None},
    {op::ROT_TWO, "ROT_TWO", ArgKind::None},
    {op::ROT_THREE, "ROT_THREE", ArgKind::None},
    {op::WITH_CLEANUP, "WITH_CLEANUP", ArgKind::None},
    {op::END_FINALLY, "END_FINALLY", ArgKind::None},
    {op::GET_ITER, "GET_ITER", ArgKind::None},
    {op::GET_ITER_STACK, "GET_ITER_STACK", ArgKind::None},
    {op::STORE_MAP, "STORE_MAP", ArgKind::None},
    {op::RETURN_VALUE, "RETURN_VALUE", ArgKind::None},
    {op::RAISE_LAST, "RAISE_LAST", ArgKind::None},
    {op::RAISE_OBJ, "RAISE_OBJ", ArgKind::None},
    {op::RAISE_FROM, "RAISE_FROM", ArgKind::None},
    {op::YIELD_VALUE, "YIELD_VALUE", ArgKind::None},
    {op::YIELD_FROM, "YIELD_FROM", ArgKind::None},
    {op::IMPORT_STAR, "IMPORT_STAR", ArgKind::None},
};

struct Table {
    std::array<OpcodeInfo, 256> info;

    Table() {
        for (unsigned b = 0; b < 256; ++b) {
            auto byte = static_cast<std::uint8_t>(b);
            info[b] = OpcodeInfo{byte, "unknown", opcode_format(byte), ArgKind::None,
                                 opcode_has_extra_byte(byte), false};
        }
        for (const Row& r : kRows) {
            OpcodeInfo& i = info[r.opcode];
            i.name = r.name;
            i.arg = r.arg;
            i.known = true;
        }
        auto multi = [&](unsigned base, unsigned count, std::string_view name) {
            for (unsigned b = base; b < base + count; ++b) {
                info[b].name = name;
                info[b].arg = ArgKind::Embedded;
                info[b].known = true;
            }
        };
        multi(op::LOAD_CONST_SMALL_INT_MULTI, kSmallIntMultiMax - kSmallIntMultiMin + 1,
              "LOAD_CONST_SMALL_INT");
        multi(op::LOAD_FAST_MULTI, kFastMultiCount, "LOAD_FAST");
        multi(op::STORE_FAST_MULTI, kFastMultiCount, "STORE_FAST");
        multi(op::UNARY_OP_MULTI, kUnaryOpCount, "UNARY_OP");
        multi(op::BINARY_OP_MULTI, kBinaryOpCount, "BINARY_OP");
    }
};

const Table& table() {
    static const Table t;
    return t;
}

// The value a multi opcode carries in its own byte.
std::int64_t embedded_value(std::uint8_t b) {
    if (b >= op::BINARY_OP_MULTI) return b - op::BINARY_OP_MULTI;
    if (b >= op::UNARY_OP_MULTI) return b - op::UNARY_OP_MULTI;
    if (b >= op::STORE_FAST_MULTI) return b - op::STORE_FAST_MULTI;
    if (b >= op::LOAD_FAST_MULTI) return b - op::LOAD_FAST_MULTI;
    return static_cast<std::int64_t>(b - op::LOAD_CONST_SMALL_INT_MULTI) + kSmallIntMultiMin;
}

bool fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

}  // namespace

std::string_view unary_op_name(unsigned op) {
    return op < kUnaryOpCount ? kUnaryNames[op] : std::string_view{};
}

std::string_view binary_op_name(unsigned op) {
    return op < kBinaryOpCount ? kBinaryNames[op] : std::string_view{};
}

const OpcodeInfo& opcode_info(std::uint8_t opcode) { return table().info[opcode]; }

std::string opcode_name(std::uint8_t opcode) {
    // mpy-tool builds its name list from every MP_BC_* constant, so three unassigned bytes
    // show the names of non-opcode constants that happen to equal them.
    switch (opcode) {
        case 0x00: return "BASE_RESERVED";
        case 0x04: return "UNARY_OP_MULTI_NUM";
        case 0x60: return "BASE_BYTE_E";
        default: break;
    }
    const OpcodeInfo& i = opcode_info(opcode);
    if (i.arg != ArgKind::Embedded) return std::string(i.name);
    std::int64_t v = embedded_value(opcode);
    if (opcode >= op::BINARY_OP_MULTI) return fmt::format("BINARY_OP {} {}", v, binary_op_name(v));
    if (opcode >= op::UNARY_OP_MULTI) return fmt::format("UNARY_OP {} {}", v, unary_op_name(v));
    return fmt::format("{} {}", i.name, v);
}

std::optional<Instruction> decode_instruction(std::span<const std::uint8_t> code, std::size_t offset,
                                              std::string* error) {
    if (offset >= code.size()) {
        fail(error, fmt::format("no instruction at offset {} (code is {} bytes)", offset, code.size()));
        return std::nullopt;
    }
    Instruction insn;
    insn.offset = offset;
    insn.opcode = code[offset];
    insn.info = &opcode_info(insn.opcode);
    std::size_t p = offset + 1;
    auto rest = [&] { return code.subspan(p); };
    auto truncated = [&] {
        fail(error, fmt::format("{} at offset {} runs past the end of the code",
                                opcode_name(insn.opcode), offset));
        return std::nullopt;
    };

    switch (insn.info->format) {
        case OpFormat::Byte:
            if (insn.info->arg == ArgKind::Embedded) {
                insn.arg = embedded_value(insn.opcode);
                insn.has_arg = true;
            }
            break;
        case OpFormat::Qstr:
        case OpFormat::VarUint:
            if (insn.opcode == op::LOAD_CONST_SMALL_INT) {
                auto d = vuint::decode_signed(rest());
                if (!d) return truncated();
                insn.arg = d->value;
                p += d->length;
            } else {
                auto d = vuint::decode(rest());
                if (!d) return truncated();
                if (d->value > static_cast<std::uint64_t>(INT64_MAX)) return truncated();
                insn.arg = static_cast<std::int64_t>(d->value);
                p += d->length;
            }
            insn.has_arg = true;
            break;
        case OpFormat::Offset: {
            if (p >= code.size()) return truncated();
            std::int64_t v;
            bool is_signed = opcode_jump_is_signed(insn.opcode);
            if ((code[p] & 0x80) == 0) {
                v = code[p];
                p += 1;
                if (is_signed) v -= 0x40;
            } else {
                if (p + 1 >= code.size()) return truncated();
                v = (code[p] & 0x7f) | (static_cast<std::int64_t>(code[p + 1]) << 7);
                p += 2;
                if (is_signed) v -= 0x4000;
            }
            insn.arg = v;
            insn.has_arg = true;
            insn.jump_target = static_cast<std::int64_t>(p) + v;
            break;
        }
    }
    if (insn.info->extra_byte) {
        if (p >= code.size()) return truncated();
        insn.extra = code[p];
        p += 1;
    }
    insn.length = p - offset;
    return insn;
}

bool encode_jump_offset(std::uint8_t opcode, std::int64_t relative, bool two_bytes,
                        std::string& out) {
    bool is_signed = opcode_jump_is_signed(opcode);
    if (!two_bytes) {
        std::int64_t v = is_signed ? relative + 0x40 : relative;
        if (v < 0 || v > 0x7f) return false;
        out.push_back(static_cast<char>(v));
        return true;
    }
    std::int64_t v = is_signed ? relative + 0x4000 : relative;
    if (v < 0 || v > 0x7fff) return false;
    out.push_back(static_cast<char>(0x80 | (v & 0x7f)));
    out.push_back(static_cast<char>(v >> 7));
    return true;
}

}  // namespace mpy
