// Constants and small encodings of the .mpy file format, version 6 sub-version 3 (MicroPython
// 1.23 and later, the format of 1.27's mpy-cross).  This file only *names* the format's numbers;
// the in-memory module is common/mpy_model.h, the byte I/O common/mpy_reader.h / mpy_writer.h.
//
// File layout (all counts are vuints, see common/vuint.h):
//   'M'  version(6)  feature-byte  small-int-bits
//   [arch-flags vuint, if feature-byte bit 6]
//   n_qstr  n_obj  qstr*  obj*  raw-code(module)
// feature-byte: bit 7 reserved (0), bit 6 arch flags follow, bits 5..2 native arch, bits 1..0
// sub-version.  mpy-cross writes arch and sub-version only when some function is native code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mpy {

inline constexpr std::uint8_t kMpyMagic = 'M';
inline constexpr std::uint8_t kMpyVersion = 6;
inline constexpr std::uint8_t kMpySubVersion = 3;
inline constexpr std::size_t kMpyHeaderSize = 4;

// Feature byte (header byte 2).
inline constexpr std::uint8_t kFeatureReserved = 0x80;
inline constexpr std::uint8_t kFeatureArchFlagsPresent = 0x40;
inline constexpr unsigned kFeatureArchShift = 2;
inline constexpr std::uint8_t kFeatureArchMask = 0x0f;  // after the shift
inline constexpr std::uint8_t kFeatureSubVersionMask = 0x03;

// Native architecture numbers (feature byte bits 5..2), in the reference's order.
enum class NativeArch : std::uint8_t {
    None = 0,
    X86 = 1,
    X64 = 2,
    ArmV6 = 3,
    ArmV6M = 4,
    ArmV7M = 5,
    ArmV7EM = 6,
    ArmV7EMSP = 7,
    ArmV7EMDP = 8,
    Xtensa = 9,
    XtensaWin = 10,
    RV32IMC = 11,
    RV64IMC = 12,
    Debug = 13,  // mpy-cross -march=debug: a textual trace, never loadable
};
inline constexpr int kNativeArchCount = 14;

// The -march= spelling ("x64", "armv7emsp", ...; "" for None).  Unknown numbers give "".
std::string_view arch_name(NativeArch arch);
// Inverse of arch_name for -march values (not "host").  nullopt if unknown.
std::optional<NativeArch> arch_from_name(std::string_view name);
// True if `n` is one of the numbers above.
bool is_known_arch(unsigned n);

// Tag byte of each entry in the constant-object table.
enum class ObjTag : std::uint8_t {
    FunTable = 0,  // &mp_fun_table (native code reaches runtime helpers through it)
    None = 1,
    False = 2,
    True = 3,
    Ellipsis = 4,
    Str = 5,      // vuint len, bytes, NUL
    Bytes = 6,    // vuint len, bytes, NUL
    Int = 7,      // vuint len, decimal text (no NUL)
    Float = 8,    // vuint len, repr text
    Complex = 9,  // vuint len, repr text
    Tuple = 10,   // vuint count, objects
};
inline constexpr std::uint8_t kObjTagCount = 11;

// Raw-code kind: the two low bits of a raw code's first vuint (MP_CODE_BYTECODE + n at run time).
enum class CodeKind : std::uint8_t {
    Bytecode = 0,
    NativePy = 1,     // @micropython.native: machine code with a bytecode-style prelude inside
    NativeViper = 2,  // @micropython.viper
    NativeAsm = 3,    // @micropython.asm_thumb / asm_xtensa / asm_rv32
};
std::string_view code_kind_name(CodeKind kind);  // "bytecode", "native", "viper", "asm"

// Raw-code first vuint: (code length << 3) | (has children << 2) | kind.
inline constexpr unsigned kRawCodeHasChildrenBit = 0x04;
inline constexpr unsigned kRawCodeLengthShift = 3;

// Scope flags.  The low four are stored in a bytecode prelude signature; viper/asm raw codes carry
// a scope-flags vuint whose bits 4..6 say which extra sections follow (written by mpy_ld.py for
// native modules; mpy-cross always writes 0).
inline constexpr std::uint32_t kScopeGenerator = 0x01;
inline constexpr std::uint32_t kScopeVarKeywords = 0x02;
inline constexpr std::uint32_t kScopeVarArgs = 0x04;
inline constexpr std::uint32_t kScopeDefKwArgs = 0x08;
inline constexpr std::uint32_t kScopeAllSig = 0x0f;
inline constexpr std::uint32_t kScopeViperReloc = 0x10;
inline constexpr std::uint32_t kScopeViperRodata = 0x20;
inline constexpr std::uint32_t kScopeViperBss = 0x40;

// Static qstrs: a qstr-table entry whose vuint is odd is (index << 1) | 1 into the fixed list of
// common/qstr_static.h; an even vuint is (length << 1) followed by the bytes and a NUL.
inline constexpr unsigned kQstrStaticBit = 1;

// ---- Bytecode prelude (py/bc.h layout) ----------------------------------------------------
//
// signature  bits interleaved as xSSSSEAA, then xFSSKAED per extra byte (x = more follow)
// size       xIIIIIIC repeated: I = size of source-info section, C = size of closure section
// source info: simple-name qstr index, one qstr index per positional and keyword-only
//            argument (vuints), then the line-number table
// closure:   one byte per cell: the local slot that becomes a cell
// then the opcodes.
struct PreludeSignature {
    std::uint32_t n_state = 1;  // >= 1 (stored minus one)
    std::uint32_t n_exc_stack = 0;
    std::uint32_t scope_flags = 0;  // only kScopeAllSig bits are stored
    std::uint32_t n_pos_args = 0;
    std::uint32_t n_kwonly_args = 0;
    std::uint32_t n_def_pos_args = 0;
    bool operator==(const PreludeSignature&) const = default;
};

struct PreludeSize {
    std::uint32_t n_info = 0;  // bytes of the source-info section (names + line table)
    std::uint32_t n_cell = 0;  // bytes of the closure section
    bool operator==(const PreludeSize&) const = default;
};

void encode_prelude_signature(const PreludeSignature& sig, std::vector<std::uint8_t>& out);
void encode_prelude_size(const PreludeSize& size, std::vector<std::uint8_t>& out);

// Decoders: each returns the value and the number of bytes used, or nullopt if `bytes` ends
// first or the encoding is absurdly long (> 10 bytes).
struct DecodedSignature {
    PreludeSignature sig;
    std::size_t length = 0;
};
struct DecodedSize {
    PreludeSize size;
    std::size_t length = 0;
};
std::optional<DecodedSignature> decode_prelude_signature(std::span<const std::uint8_t> bytes);
std::optional<DecodedSize> decode_prelude_size(std::span<const std::uint8_t> bytes);

// The whole prelude of one bytecode (or native-py) function, located within its code bytes.
struct Prelude {
    PreludeSignature sig;
    PreludeSize size;
    std::uint32_t simple_name = 0;          // qstr-table index
    std::vector<std::uint32_t> arg_names;   // qstr-table indices, n_pos_args + n_kwonly_args
    std::size_t offset_size = 0;            // where the size field starts
    std::size_t offset_source_info = 0;     // where simple_name starts
    std::size_t offset_line_info = 0;       // after the argument names
    std::size_t offset_closure_info = 0;    // offset_source_info + n_info
    std::size_t offset_opcodes = 0;         // offset_closure_info + n_cell
};
// Parses the prelude that starts at `start` in `code`.  Throws DiagnosticError (kind "error",
// message "prelude ...") if it runs past the end of `code` or its sections do not fit.
Prelude parse_prelude(std::span<const std::uint8_t> code, std::size_t start = 0);

// ---- Line-number table (inside the source-info section) ----------------------------------
// Entries are 0b0LLBBBBB (bytecode delta <= 31, line delta <= 3) or 0b1LLLBBBB 0bLLLLLLLL
// (bytecode delta <= 15, line delta <= 2047).  Lines start at 1.
struct LineInfoEntry {
    std::uint32_t bc_delta = 0;
    std::uint32_t line_delta = 0;
};
// Decodes the whole table; a truncated two-byte entry at the end throws DiagnosticError.
std::vector<LineInfoEntry> decode_line_info(std::span<const std::uint8_t> table);
// The source line of bytecode offset `bc_offset` (relative to the first opcode), as the VM
// computes it for tracebacks.
std::uint32_t source_line_for(std::span<const LineInfoEntry> table, std::size_t bc_offset);

}  // namespace mpy
