// The in-memory form of one .mpy file (format 6.3): what the compiler fills and the writer
// serialises, and what the reader produces for mpytool.  Plain value types: copyable, comparable
// with ==, no pointers into file bytes.
//
// Everything is kept exactly as the file needs it, so write(read(bytes)) == bytes for every file
// mpy-cross makes: numbers stay as the text mpy-cross wrote ("1.5", "1180591620717411303424"),
// code stays as raw bytes (bytecode with its prelude, or machine code).  The one normalisation:
// qstrs are stored as strings, and the writer encodes a string as a static qstr whenever it is in
// the static list (exactly what mpy-cross does), so a hand-made file that spells out a static
// qstr is re-written in the short form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/mpy_format.h"

namespace mpy {

using Bytes = std::vector<std::uint8_t>;

// One entry of the constant-object table (or an element of a tuple constant).
struct Constant {
    ObjTag tag = ObjTag::None;
    // Str: the UTF-8 bytes; Bytes: the raw bytes; Int: decimal text ("-12345678901234567890");
    // Float / Complex: the repr text MicroPython printed ("1.5", "1e+100", "2j", "(1+2j)").
    // Unused for the other tags.
    std::string text;
    std::vector<Constant> items;  // Tuple only

    static Constant none() { return {ObjTag::None, {}, {}}; }
    static Constant boolean(bool v) { return {v ? ObjTag::True : ObjTag::False, {}, {}}; }
    static Constant ellipsis() { return {ObjTag::Ellipsis, {}, {}}; }
    static Constant fun_table() { return {ObjTag::FunTable, {}, {}}; }
    static Constant str(std::string utf8) { return {ObjTag::Str, std::move(utf8), {}}; }
    static Constant bytes(std::string raw) { return {ObjTag::Bytes, std::move(raw), {}}; }
    static Constant integer(std::string decimal) { return {ObjTag::Int, std::move(decimal), {}}; }
    static Constant floating(std::string repr) { return {ObjTag::Float, std::move(repr), {}}; }
    static Constant complex(std::string repr) { return {ObjTag::Complex, std::move(repr), {}}; }
    static Constant tuple(std::vector<Constant> elems) { return {ObjTag::Tuple, {}, std::move(elems)}; }

    bool operator==(const Constant&) const = default;
};

// Python-style repr of a constant, for listings: 'abc', b'\x00', 12, 1.5, (1, 'a'), None, ...
std::string constant_repr(const Constant& c);

// One instruction of a viper relocation stream (native modules built by mpy_ld.py; mpy-cross
// never writes one).  Kept as stored so it re-serialises identically; describe() explains it.
struct RelocationEntry {
    std::uint8_t op = 0;        // as stored: bit 0 = a new address follows, op >> 1 = destination
    std::uint64_t address = 0;  // (word index << 1) | (1 = in rodata, 0 = in text); if has_address()
    std::uint64_t count = 1;    // words to adjust; stored only if has_count()

    bool has_address() const { return op & 1; }
    // Destinations 0..5 (text, rodata, bss, each single or counted) carry a count when odd.
    bool has_count() const { return (op >> 1) <= 5 && ((op >> 1) & 1); }
    // "text", "rodata", "bss", "qstr_table", "obj_table", "mp_fun_table", "mp_fun_table[N]".
    std::string destination() const;

    bool operator==(const RelocationEntry&) const = default;
};

// A unit of code: the module's top level, a function, a class body, a lambda, a comprehension.
struct RawCode {
    CodeKind kind = CodeKind::Bytecode;
    // Bytecode: prelude + opcodes, as the VM runs it.  Native kinds: machine code (for NativePy
    // with the bytecode-style prelude embedded at prelude_offset).
    Bytes code;

    // ---- native kinds only ----
    std::uint64_t prelude_offset = 0;  // NativePy
    // NativeViper / NativeAsm: the stored scope-flags vuint.  mpy-cross writes 0; bits
    // kScopeViperReloc / Rodata / Bss say which of the sections below are present.
    std::uint64_t scope_flags = 0;
    std::uint64_t asm_n_pos_args = 0;  // NativeAsm
    std::uint64_t asm_type_sig = 0;    // NativeAsm
    std::uint64_t bss_size = 0;        // NativeViper with kScopeViperBss
    Bytes rodata;                      // NativeViper with kScopeViperRodata
    // NativeViper with kScopeViperReloc.  In the file this stream (ended by 0xff) follows the
    // raw code's children, because the runtime relocates only after loading them.
    std::vector<RelocationEntry> relocations;

    std::vector<RawCode> children;

    bool is_native() const { return kind != CodeKind::Bytecode; }
    bool operator==(const RawCode&) const = default;
};

struct ModuleHeader {
    std::uint8_t version = kMpyVersion;
    // mpy-cross stores the sub-version and arch only if some raw code is native; else both 0.
    std::uint8_t sub_version = 0;
    NativeArch arch = NativeArch::None;
    std::uint8_t small_int_bits = 31;
    // Present (feature bit 6 set) only when the file carries arch flags (RISC-V extensions).
    std::optional<std::uint64_t> arch_flags;

    bool operator==(const ModuleHeader&) const = default;
};

// The header mpy-cross writes: arch and sub-version only when `has_native`, the arch-flags
// vuint only when `arch_flags` is non-zero.
ModuleHeader make_header(NativeArch target, bool has_native, unsigned small_int_bits,
                         std::uint64_t arch_flags = 0);

struct MpyModule {
    ModuleHeader header;
    // The module's qstr table.  Entry 0 is the source file name (as given to mpy-cross); bytecode
    // and preludes refer to qstrs by index into this table.
    std::vector<std::string> qstrs;
    // The constant-object table; LOAD_CONST_OBJ's argument indexes it.
    std::vector<Constant> constants;
    // The module's outer raw code; all other code hangs below it.
    RawCode module;

    bool operator==(const MpyModule&) const = default;
};

// True if `rc` or any descendant is native code.
bool contains_native(const RawCode& rc);

// Counts raw codes in the tree (including `rc`).
std::size_t count_raw_codes(const RawCode& rc);

}  // namespace mpy
