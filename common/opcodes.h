// The bytecode instruction set of MicroPython 1.27 (.mpy format 6.3): THE opcode table of the
// project.  The compiler's emitter encodes with it; mpytool's disassembler and verifier decode
// with it.  There is no second copy anywhere.
//
// Encoding facts this table captures (they are the contract with the reference VM):
//  * Every instruction is one opcode byte, then an optional argument, then an optional extra byte.
//  * The opcode's high nibble decides the argument's *format*: 0x1_ qstr index (vuint), 0x2_/0x3_
//    unsigned vuint, 0x4_ jump offset, everything else no argument.  Within the vuint formats the
//    *meaning* differs per opcode (local slot, constant index, child index, packed counts, and
//    LOAD_CONST_SMALL_INT's two's-complement signed vuint).
//  * Jump offsets are relative to the end of the instruction (after the offset bytes and before
//    any extra byte).  One byte if bit 7 is clear, else two bytes (low 7 bits, then high 8 bits).
//    Signed jumps (UNWIND_JUMP, JUMP, POP_JUMP_IF_*) are biased by 0x40 (1 byte) / 0x4000
//    (2 bytes); the others are unsigned.
//  * An extra byte follows exactly when (opcode & 0x9e) == 0: MAKE_CLOSURE(_DEFARGS) (number of
//    closed-over cells) and UNWIND_JUMP (bit 7: the break leaves a for loop; bits 0..6: how many
//    exception-handler levels to unwind).
//  * 0x70..0xff are "multi" opcodes carrying their argument in the opcode byte itself:
//    LOAD_CONST_SMALL_INT -16..47, LOAD_FAST 0..15, STORE_FAST 0..15, UNARY_OP 0..3, BINARY_OP 0..34.
//
// Names follow tools/mpy-tool.py's disassembly exactly ("LOAD_FAST_N", "LOAD_FAST 3",
// "BINARY_OP 27 __add__", "unknown" for unassigned bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mpy {

// ---- Operator numbering inside UNARY_OP / BINARY_OP ---------------------------------------
// These are the values encoded in bytecode (MP_UNARY_OP_* / MP_BINARY_OP_* below
// MP_*_OP_NUM_BYTECODE).  `not in` and `is not` have no number of their own: they are emitted as
// IN / IS followed by UNARY_OP NOT (see Emitter::binary_op).
enum class UnaryOp : std::uint8_t {
    Positive = 0,  // +x   __pos__
    Negative = 1,  // -x   __neg__
    Invert = 2,    // ~x   __invert__
    Not = 3,       // not x
};
inline constexpr unsigned kUnaryOpCount = 4;

enum class BinaryOp : std::uint8_t {
    // comparisons
    Less = 0,
    More = 1,
    Equal = 2,
    LessEqual = 3,
    MoreEqual = 4,
    NotEqual = 5,
    In = 6,
    Is = 7,
    ExceptionMatch = 8,
    // augmented assignment, same order as the plain operators below
    InplaceOr = 9,
    InplaceXor = 10,
    InplaceAnd = 11,
    InplaceLShift = 12,
    InplaceRShift = 13,
    InplaceAdd = 14,
    InplaceSubtract = 15,
    InplaceMultiply = 16,
    InplaceMatMultiply = 17,
    InplaceFloorDivide = 18,
    InplaceTrueDivide = 19,
    InplaceModulo = 20,
    InplacePower = 21,
    // plain operators
    Or = 22,
    Xor = 23,
    And = 24,
    LShift = 25,
    RShift = 26,
    Add = 27,
    Subtract = 28,
    Multiply = 29,
    MatMultiply = 30,
    FloorDivide = 31,
    TrueDivide = 32,
    Modulo = 33,
    Power = 34,
};
inline constexpr unsigned kBinaryOpCount = 35;
// Distance from an in-place operator to its plain counterpart (InplaceAdd -> Add).
inline constexpr unsigned kInplaceToPlain = 13;

// The method-style names mpy-tool prints: "__pos__", ..., "<not>"; "__lt__", ..., "<in>",
// "<is>", "<exception match>", "__ior__", ... "__pow__".  Empty for out-of-range numbers.
std::string_view unary_op_name(unsigned op);
std::string_view binary_op_name(unsigned op);

// ---- Opcode values ------------------------------------------------------------------------
namespace op {
// qstr argument (0x10..0x1c)
inline constexpr std::uint8_t LOAD_CONST_STRING = 0x10;
inline constexpr std::uint8_t LOAD_NAME = 0x11;
inline constexpr std::uint8_t LOAD_GLOBAL = 0x12;
inline constexpr std::uint8_t LOAD_ATTR = 0x13;
inline constexpr std::uint8_t LOAD_METHOD = 0x14;
inline constexpr std::uint8_t LOAD_SUPER_METHOD = 0x15;
inline constexpr std::uint8_t STORE_NAME = 0x16;
inline constexpr std::uint8_t STORE_GLOBAL = 0x17;
inline constexpr std::uint8_t STORE_ATTR = 0x18;
inline constexpr std::uint8_t DELETE_NAME = 0x19;
inline constexpr std::uint8_t DELETE_GLOBAL = 0x1a;
inline constexpr std::uint8_t IMPORT_NAME = 0x1b;
inline constexpr std::uint8_t IMPORT_FROM = 0x1c;
// vuint argument (0x20..0x2f)
inline constexpr std::uint8_t MAKE_CLOSURE = 0x20;          // child index; extra byte n_closed
inline constexpr std::uint8_t MAKE_CLOSURE_DEFARGS = 0x21;  // child index; extra byte n_closed
inline constexpr std::uint8_t LOAD_CONST_SMALL_INT = 0x22;  // SIGNED vuint
inline constexpr std::uint8_t LOAD_CONST_OBJ = 0x23;        // constant-table index
inline constexpr std::uint8_t LOAD_FAST_N = 0x24;
inline constexpr std::uint8_t LOAD_DEREF = 0x25;
inline constexpr std::uint8_t STORE_FAST_N = 0x26;
inline constexpr std::uint8_t STORE_DEREF = 0x27;
inline constexpr std::uint8_t DELETE_FAST = 0x28;
inline constexpr std::uint8_t DELETE_DEREF = 0x29;
inline constexpr std::uint8_t BUILD_TUPLE = 0x2a;
inline constexpr std::uint8_t BUILD_LIST = 0x2b;
inline constexpr std::uint8_t BUILD_MAP = 0x2c;
inline constexpr std::uint8_t BUILD_SET = 0x2d;
inline constexpr std::uint8_t BUILD_SLICE = 0x2e;
inline constexpr std::uint8_t STORE_COMP = 0x2f;  // (stack index << 2) | kind (0 list, 1 dict, 2 set)
// vuint argument (0x30..0x37)
inline constexpr std::uint8_t UNPACK_SEQUENCE = 0x30;
inline constexpr std::uint8_t UNPACK_EX = 0x31;  // n_left | n_right << 8
inline constexpr std::uint8_t MAKE_FUNCTION = 0x32;
inline constexpr std::uint8_t MAKE_FUNCTION_DEFARGS = 0x33;
inline constexpr std::uint8_t CALL_FUNCTION = 0x34;  // n_positional | n_keyword << 8
inline constexpr std::uint8_t CALL_FUNCTION_VAR_KW = 0x35;
inline constexpr std::uint8_t CALL_METHOD = 0x36;
inline constexpr std::uint8_t CALL_METHOD_VAR_KW = 0x37;
// jump offset (0x40..0x4b)
inline constexpr std::uint8_t UNWIND_JUMP = 0x40;  // signed; extra byte
inline constexpr std::uint8_t JUMP = 0x42;         // signed
inline constexpr std::uint8_t POP_JUMP_IF_TRUE = 0x43;    // signed
inline constexpr std::uint8_t POP_JUMP_IF_FALSE = 0x44;   // signed
inline constexpr std::uint8_t JUMP_IF_TRUE_OR_POP = 0x45;   // unsigned from here on
inline constexpr std::uint8_t JUMP_IF_FALSE_OR_POP = 0x46;
inline constexpr std::uint8_t SETUP_WITH = 0x47;
inline constexpr std::uint8_t SETUP_EXCEPT = 0x48;
inline constexpr std::uint8_t SETUP_FINALLY = 0x49;
inline constexpr std::uint8_t POP_EXCEPT_JUMP = 0x4a;
inline constexpr std::uint8_t FOR_ITER = 0x4b;
// no argument (0x50..0x5f)
inline constexpr std::uint8_t LOAD_CONST_FALSE = 0x50;
inline constexpr std::uint8_t LOAD_CONST_NONE = 0x51;
inline constexpr std::uint8_t LOAD_CONST_TRUE = 0x52;
inline constexpr std::uint8_t LOAD_NULL = 0x53;
inline constexpr std::uint8_t LOAD_BUILD_CLASS = 0x54;
inline constexpr std::uint8_t LOAD_SUBSCR = 0x55;
inline constexpr std::uint8_t STORE_SUBSCR = 0x56;
inline constexpr std::uint8_t DUP_TOP = 0x57;
inline constexpr std::uint8_t DUP_TOP_TWO = 0x58;
inline constexpr std::uint8_t POP_TOP = 0x59;
inline constexpr std::uint8_t ROT_TWO = 0x5a;
inline constexpr std::uint8_t ROT_THREE = 0x5b;
inline constexpr std::uint8_t WITH_CLEANUP = 0x5c;
inline constexpr std::uint8_t END_FINALLY = 0x5d;
inline constexpr std::uint8_t GET_ITER = 0x5e;
inline constexpr std::uint8_t GET_ITER_STACK = 0x5f;
// no argument (0x60..0x69)
inline constexpr std::uint8_t STORE_MAP = 0x62;
inline constexpr std::uint8_t RETURN_VALUE = 0x63;
inline constexpr std::uint8_t RAISE_LAST = 0x64;
inline constexpr std::uint8_t RAISE_OBJ = 0x65;
inline constexpr std::uint8_t RAISE_FROM = 0x66;
inline constexpr std::uint8_t YIELD_VALUE = 0x67;
inline constexpr std::uint8_t YIELD_FROM = 0x68;
inline constexpr std::uint8_t IMPORT_STAR = 0x69;
// multi opcodes: the argument is the distance from the base
inline constexpr std::uint8_t LOAD_CONST_SMALL_INT_MULTI = 0x70;  // value = byte - 0x70 - 16
inline constexpr std::uint8_t LOAD_FAST_MULTI = 0xb0;
inline constexpr std::uint8_t STORE_FAST_MULTI = 0xc0;
inline constexpr std::uint8_t UNARY_OP_MULTI = 0xd0;
inline constexpr std::uint8_t BINARY_OP_MULTI = 0xd7;
}  // namespace op

// Ranges of the multi opcodes.
inline constexpr int kSmallIntMultiMin = -16;      // LOAD_CONST_SMALL_INT_MULTI + 0
inline constexpr int kSmallIntMultiMax = 47;       // LOAD_CONST_SMALL_INT_MULTI + 63
inline constexpr unsigned kFastMultiCount = 16;    // LOAD_FAST 0..15, STORE_FAST 0..15

// UNWIND_JUMP extra byte: this bit says "the unwound-to loop is a for loop: pop its iterator".
inline constexpr std::uint8_t kUnwindFromForBit = 0x80;
// Slots a for-loop's iterator occupies on the value stack (GET_ITER_STACK, MP_OBJ_ITER_BUF_NSLOTS).
inline constexpr int kIterBufSlots = 4;

// ---- Per-opcode description ----------------------------------------------------------------

// How an opcode's argument is laid out in the byte stream (the reference's MP_BC_FORMAT_*).
enum class OpFormat : std::uint8_t {
    Byte,     // no argument bytes
    Qstr,     // vuint qstr-table index
    VarUint,  // vuint (or signed vuint for LOAD_CONST_SMALL_INT)
    Offset,   // 1- or 2-byte jump offset
};

// What the argument *means*, for disassembly and verification.
enum class ArgKind : std::uint8_t {
    None,
    Qstr,            // index into the module's qstr table
    ConstObj,        // index into the module's constant-object table
    Child,           // index into this raw code's children
    Local,           // local slot number (fast or deref)
    SmallInt,        // signed integer value
    Count,           // plain count (BUILD_*, UNPACK_SEQUENCE)
    PackedCounts,    // UNPACK_EX n_left|n_right<<8, CALL_* n_pos|n_kw<<8
    StoreComp,       // STORE_COMP (stack index << 2) | collection kind
    SignedJump,      // relative jump, may go backwards
    UnsignedJump,    // relative jump, forwards only
    Embedded,        // multi opcode: the value is in the opcode byte (see Instruction::arg)
};

struct OpcodeInfo {
    std::uint8_t opcode = 0;
    std::string_view name;       // base name, e.g. "LOAD_FAST_N", "LOAD_FAST" for the multi range
    OpFormat format = OpFormat::Byte;
    ArgKind arg = ArgKind::None;
    bool extra_byte = false;     // one raw byte follows the argument
    bool known = false;          // false for bytes the 1.27 VM does not define
};

// Description of any byte value (unknown bytes get known == false, name "unknown", and the
// format the VM's nibble rule would give them).
const OpcodeInfo& opcode_info(std::uint8_t opcode);

// The format the reference derives from the high nibble (MP_BC_FORMAT).
constexpr OpFormat opcode_format(std::uint8_t opcode) {
    return static_cast<OpFormat>((0x000003a4u >> (2 * (opcode >> 4))) & 3);
}
constexpr bool opcode_has_extra_byte(std::uint8_t opcode) { return (opcode & 0x9e) == 0; }
constexpr bool opcode_jump_is_signed(std::uint8_t opcode) {
    return opcode >= op::UNWIND_JUMP && opcode <= op::POP_JUMP_IF_FALSE;
}

// The full name exactly as mpy-tool.py prints it for this byte: "LOAD_CONST_SMALL_INT -3",
// "LOAD_FAST 3", "STORE_FAST 12", "UNARY_OP 3 <not>", "BINARY_OP 27 __add__", "JUMP",
// "unknown" -- and mpy-tool's accidental names for the unassigned bytes 0x00 "BASE_RESERVED",
// 0x04 "UNARY_OP_MULTI_NUM" and 0x60 "BASE_BYTE_E" (opcode_info(b).known stays false).
std::string opcode_name(std::uint8_t opcode);

// ---- Decoding ----------------------------------------------------------------------------

struct Instruction {
    std::size_t offset = 0;   // of the opcode byte, within the span given to the decoder
    std::size_t length = 0;   // total bytes, opcode to extra byte inclusive
    std::uint8_t opcode = 0;
    const OpcodeInfo* info = nullptr;
    // The argument: qstr/const/child index, local number, count, signed small int, the jump
    // offset (relative, as encoded after removing the bias), or for multi opcodes the embedded
    // value (small int value, local number, operator number).  0 when there is none.
    std::int64_t arg = 0;
    bool has_arg = false;
    std::optional<std::uint8_t> extra;  // the extra byte, if the opcode has one
    // For jumps: absolute target offset = offset of the next byte after the offset field.
    // (That is offset + length, minus 1 for UNWIND_JUMP's trailing extra byte.)
    std::int64_t jump_target = 0;
};

// Decodes the instruction starting at `offset` in `code`.  Returns nullopt (and sets *error if
// given) when the instruction runs past the end of `code` or its vuint is absurdly long; unknown
// opcode bytes decode structurally (info->known == false) so a verifier can report them.
std::optional<Instruction> decode_instruction(std::span<const std::uint8_t> code, std::size_t offset,
                                              std::string* error = nullptr);

// ---- Encoding helpers (shared by the emitter and tests) ----------------------------------

// Encodes a jump's offset field.  `relative` is target - (end of the offset field).  With
// `two_bytes` false the offset must fit one byte (signed: -64..63, unsigned: 0..127).
// Returns false (and writes nothing) if it does not fit the chosen size.
bool encode_jump_offset(std::uint8_t opcode, std::int64_t relative, bool two_bytes,
                        std::string& out);

}  // namespace mpy
