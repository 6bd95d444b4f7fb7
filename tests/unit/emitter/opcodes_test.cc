// The opcode table: names as mpy-tool prints them, argument formats, and the decoder.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/opcodes.h"
#include "common/vuint.h"

namespace mpy {
namespace {

std::vector<std::uint8_t> bytes(std::initializer_list<int> list) {
    std::vector<std::uint8_t> out;
    for (int b : list) out.push_back(static_cast<std::uint8_t>(b));
    return out;
}

TEST(OpcodeTable, NamesMatchMpyTool) {
    // Spot checks against tools/mpy-tool.py 1.27.0's Opcode.mapping (the whole table was
    // compared once, all 256 entries equal; these pin the interesting ones).
    EXPECT_EQ(opcode_name(0x10), "LOAD_CONST_STRING");
    EXPECT_EQ(opcode_name(0x1c), "IMPORT_FROM");
    EXPECT_EQ(opcode_name(0x20), "MAKE_CLOSURE");
    EXPECT_EQ(opcode_name(0x22), "LOAD_CONST_SMALL_INT");
    EXPECT_EQ(opcode_name(0x24), "LOAD_FAST_N");
    EXPECT_EQ(opcode_name(0x2f), "STORE_COMP");
    EXPECT_EQ(opcode_name(0x37), "CALL_METHOD_VAR_KW");
    EXPECT_EQ(opcode_name(0x40), "UNWIND_JUMP");
    EXPECT_EQ(opcode_name(0x4b), "FOR_ITER");
    EXPECT_EQ(opcode_name(0x5f), "GET_ITER_STACK");
    EXPECT_EQ(opcode_name(0x62), "STORE_MAP");
    EXPECT_EQ(opcode_name(0x69), "IMPORT_STAR");
    EXPECT_EQ(opcode_name(0x70), "LOAD_CONST_SMALL_INT -16");
    EXPECT_EQ(opcode_name(0x80), "LOAD_CONST_SMALL_INT 0");
    EXPECT_EQ(opcode_name(0xaf), "LOAD_CONST_SMALL_INT 47");
    EXPECT_EQ(opcode_name(0xb0), "LOAD_FAST 0");
    EXPECT_EQ(opcode_name(0xbf), "LOAD_FAST 15");
    EXPECT_EQ(opcode_name(0xc7), "STORE_FAST 7");
    EXPECT_EQ(opcode_name(0xd0), "UNARY_OP 0 __pos__");
    EXPECT_EQ(opcode_name(0xd3), "UNARY_OP 3 <not>");
    EXPECT_EQ(opcode_name(0xd7), "BINARY_OP 0 __lt__");
    EXPECT_EQ(opcode_name(0xdf), "BINARY_OP 8 <exception match>");
    EXPECT_EQ(opcode_name(0xe5), "BINARY_OP 14 __iadd__");
    EXPECT_EQ(opcode_name(0xf2), "BINARY_OP 27 __add__");
    EXPECT_EQ(opcode_name(0xf9), "BINARY_OP 34 __pow__");
    // mpy-tool's accidental names for three unassigned bytes, and plain "unknown" elsewhere.
    EXPECT_EQ(opcode_name(0x00), "BASE_RESERVED");
    EXPECT_EQ(opcode_name(0x04), "UNARY_OP_MULTI_NUM");
    EXPECT_EQ(opcode_name(0x60), "BASE_BYTE_E");
    EXPECT_EQ(opcode_name(0x41), "unknown");
    EXPECT_EQ(opcode_name(0xd4), "unknown");
    EXPECT_EQ(opcode_name(0xfa), "unknown");
    EXPECT_EQ(opcode_name(0xff), "unknown");
}

TEST(OpcodeTable, KnownSetIsExactly1_27) {
    unsigned known = 0;
    for (unsigned b = 0; b < 256; ++b) known += opcode_info(static_cast<std::uint8_t>(b)).known;
    // 13 qstr + 24 vuint + 11 jump + 24 no-argument + 64 + 16 + 16 + 4 + 35 multi.
    EXPECT_EQ(known, 207u);
    for (int b : {0x00, 0x01, 0x0f, 0x1d, 0x1f, 0x38, 0x3f, 0x41, 0x4c, 0x4f, 0x60, 0x61, 0x6a,
                  0x6f, 0xd4, 0xd6, 0xfa, 0xff}) {
        EXPECT_FALSE(opcode_info(static_cast<std::uint8_t>(b)).known) << b;
    }
}

TEST(OpcodeTable, FormatsFollowTheHighNibble) {
    EXPECT_EQ(opcode_format(op::LOAD_NAME), OpFormat::Qstr);
    EXPECT_EQ(opcode_format(op::LOAD_CONST_OBJ), OpFormat::VarUint);
    EXPECT_EQ(opcode_format(op::CALL_FUNCTION), OpFormat::VarUint);
    EXPECT_EQ(opcode_format(op::FOR_ITER), OpFormat::Offset);
    EXPECT_EQ(opcode_format(op::RETURN_VALUE), OpFormat::Byte);
    EXPECT_EQ(opcode_format(0x85), OpFormat::Byte);
    EXPECT_TRUE(opcode_has_extra_byte(op::MAKE_CLOSURE));
    EXPECT_TRUE(opcode_has_extra_byte(op::MAKE_CLOSURE_DEFARGS));
    EXPECT_TRUE(opcode_has_extra_byte(op::UNWIND_JUMP));
    EXPECT_FALSE(opcode_has_extra_byte(op::JUMP));
    EXPECT_FALSE(opcode_has_extra_byte(op::MAKE_FUNCTION));
    EXPECT_TRUE(opcode_jump_is_signed(op::POP_JUMP_IF_FALSE));
    EXPECT_FALSE(opcode_jump_is_signed(op::JUMP_IF_TRUE_OR_POP));
    EXPECT_FALSE(opcode_jump_is_signed(op::FOR_ITER));
    EXPECT_EQ(opcode_info(op::LOAD_CONST_OBJ).arg, ArgKind::ConstObj);
    EXPECT_EQ(opcode_info(op::MAKE_FUNCTION_DEFARGS).arg, ArgKind::Child);
    EXPECT_EQ(opcode_info(op::STORE_DEREF).arg, ArgKind::Local);
    EXPECT_EQ(opcode_info(0x93).arg, ArgKind::Embedded);
}

// Every known opcode, encoded with a few arguments, decodes back to its own length and argument.
TEST(OpcodeDecode, EveryKnownOpcodeRoundTrips) {
    for (unsigned b = 0; b < 256; ++b) {
        const auto opcode = static_cast<std::uint8_t>(b);
        const OpcodeInfo& info = opcode_info(opcode);
        if (!info.known) continue;
        std::vector<std::int64_t> args;
        switch (info.format) {
            case OpFormat::Byte: args = {0}; break;
            case OpFormat::Qstr:
            case OpFormat::VarUint:
                args = opcode == op::LOAD_CONST_SMALL_INT
                           ? std::vector<std::int64_t>{0, 63, 64, -64, -65, 8191, -8192, 1 << 29}
                           : std::vector<std::int64_t>{0, 127, 128, 16383, 16384, 1 << 20};
                break;
            case OpFormat::Offset:
                args = opcode_jump_is_signed(opcode)
                           ? std::vector<std::int64_t>{-64, 0, 63, -65, 64, -8192, 8191}
                           : std::vector<std::int64_t>{0, 127, 128, 32767};
                break;
        }
        for (std::int64_t arg : args) {
            std::vector<std::uint8_t> code{opcode};
            if (info.format == OpFormat::Qstr || info.format == OpFormat::VarUint) {
                if (opcode == op::LOAD_CONST_SMALL_INT) {
                    vuint::append_signed(code, arg);
                } else {
                    vuint::append(code, static_cast<std::uint64_t>(arg));
                }
            } else if (info.format == OpFormat::Offset) {
                std::string field;
                bool two = !encode_jump_offset(opcode, arg, false, field);
                if (two) {
                    ASSERT_TRUE(encode_jump_offset(opcode, arg, true, field)) << b << " " << arg;
                }
                code.insert(code.end(), field.begin(), field.end());
            }
            const std::size_t arg_end = code.size();
            if (info.extra_byte) code.push_back(0x83);
            code.push_back(op::RETURN_VALUE);  // what follows must not be consumed

            std::string error;
            auto in = decode_instruction(code, 0, &error);
            ASSERT_TRUE(in) << opcode_name(opcode) << ": " << error;
            EXPECT_EQ(in->length, code.size() - 1) << opcode_name(opcode);
            EXPECT_EQ(in->opcode, opcode);
            if (info.format != OpFormat::Byte) {
                EXPECT_EQ(in->arg, arg) << opcode_name(opcode);
            }
            if (info.format == OpFormat::Offset) {
                EXPECT_EQ(in->jump_target, static_cast<std::int64_t>(arg_end) + arg);
            }
            EXPECT_EQ(in->extra.has_value(), info.extra_byte);
            if (info.extra_byte) {
                EXPECT_EQ(*in->extra, 0x83);
            }
        }
    }
}

TEST(OpcodeDecode, MultiOpcodesCarryTheirValue) {
    auto code = bytes({0x70, 0xaf, 0xbf, 0xc3, 0xd2, 0xf2});
    std::vector<std::int64_t> expect = {-16, 47, 15, 3, 2, 27};
    for (std::size_t i = 0; i < code.size(); ++i) {
        auto in = decode_instruction(code, i);
        ASSERT_TRUE(in);
        EXPECT_EQ(in->length, 1u);
        EXPECT_TRUE(in->has_arg);
        EXPECT_EQ(in->arg, expect[i]);
    }
}

TEST(OpcodeDecode, ReferenceSamples) {
    // Instructions as mpy-cross 1.27.0 wrote them (see emitter_program_test.cc's programs).
    auto code = bytes({0x42, 0x46, 0x43, 0x34, 0x20, 0x00, 0x01, 0x34, 0x02, 0x22, 0xff, 0x00});
    auto j = decode_instruction(code, 0);
    ASSERT_TRUE(j);
    EXPECT_EQ(j->arg, 6);  // JUMP 6
    EXPECT_EQ(j->jump_target, 8);
    auto p = decode_instruction(code, 2);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->arg, -12);  // POP_JUMP_IF_TRUE -12
    EXPECT_EQ(p->jump_target, -8);
    auto c = decode_instruction(code, 4);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->length, 3u);  // MAKE_CLOSURE 0, 1 cell
    EXPECT_EQ(*c->extra, 1);
    auto s = decode_instruction(code, 9);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->arg, -128);  // LOAD_CONST_SMALL_INT with ff 00
}

TEST(OpcodeDecode, TruncatedInstructionsAreReported) {
    std::string error;
    EXPECT_FALSE(decode_instruction(bytes({0x11}), 0, &error));
    EXPECT_NE(error.find("LOAD_NAME"), std::string::npos);
    EXPECT_FALSE(decode_instruction(bytes({0x11, 0x80}), 0));           // vuint not finished
    EXPECT_FALSE(decode_instruction(bytes({0x42, 0x80}), 0));           // 2-byte offset cut
    EXPECT_FALSE(decode_instruction(bytes({0x20, 0x01}), 0));           // extra byte missing
    EXPECT_FALSE(decode_instruction(bytes({0x40, 0x40}), 0));           // UNWIND_JUMP extra
    EXPECT_FALSE(decode_instruction(bytes({0x51}), 1));                 // past the end
    auto u = decode_instruction(bytes({0x4c, 0x05}), 0);                // unknown jump-format byte
    ASSERT_TRUE(u);
    EXPECT_FALSE(u->info->known);
    EXPECT_EQ(u->length, 2u);
}

TEST(OpcodeDecode, ArbitraryBytesNeverOverrun) {
    // A verifier walks hostile files: decoding must stay inside the span and always progress.
    std::uint32_t seed = 12345;
    auto next = [&] {
        seed = seed * 1103515245u + 12345u;
        return static_cast<std::uint8_t>(seed >> 16);
    };
    for (int round = 0; round < 2000; ++round) {
        std::vector<std::uint8_t> code(1 + round % 23);
        for (auto& b : code) b = next();
        for (std::size_t off = 0; off < code.size();) {
            auto in = decode_instruction(code, off);
            if (!in) break;
            ASSERT_GE(in->length, 1u);
            ASSERT_LE(off + in->length, code.size());
            off += in->length;
        }
    }
}

TEST(OpcodeEncode, JumpOffsetLimits) {
    std::string out;
    EXPECT_TRUE(encode_jump_offset(op::JUMP, 63, false, out));
    EXPECT_EQ(static_cast<unsigned char>(out.back()), 0x7f);
    EXPECT_FALSE(encode_jump_offset(op::JUMP, 64, false, out));
    EXPECT_TRUE(encode_jump_offset(op::JUMP, -64, false, out));
    EXPECT_EQ(static_cast<unsigned char>(out.back()), 0x00);
    EXPECT_FALSE(encode_jump_offset(op::JUMP, -65, false, out));
    EXPECT_TRUE(encode_jump_offset(op::FOR_ITER, 127, false, out));
    EXPECT_FALSE(encode_jump_offset(op::FOR_ITER, 128, false, out));
    EXPECT_FALSE(encode_jump_offset(op::FOR_ITER, -1, false, out));
    out.clear();
    EXPECT_TRUE(encode_jump_offset(op::JUMP, -65, true, out));
    EXPECT_EQ(out, std::string("\xbf\x7f", 2));  // 0x4000 - 65 = 0x3fbf
    EXPECT_FALSE(encode_jump_offset(op::JUMP, 0x4000, true, out));
    EXPECT_FALSE(encode_jump_offset(op::JUMP_IF_FALSE_OR_POP, 0x8000, true, out));
}

TEST(OpcodeTable, OperatorNames) {
    EXPECT_EQ(unary_op_name(static_cast<unsigned>(UnaryOp::Invert)), "__invert__");
    EXPECT_EQ(binary_op_name(static_cast<unsigned>(BinaryOp::MatMultiply)), "__matmul__");
    EXPECT_EQ(binary_op_name(static_cast<unsigned>(BinaryOp::InplaceMatMultiply)), "__imatmul__");
    EXPECT_EQ(static_cast<unsigned>(BinaryOp::InplaceAdd) + kInplaceToPlain,
              static_cast<unsigned>(BinaryOp::Add));
    EXPECT_EQ(binary_op_name(kBinaryOpCount), "");
}

}  // namespace
}  // namespace mpy
