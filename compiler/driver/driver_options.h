// The mpyc command line: what the user asked for, as a plain value.
//
// mpyc accepts exactly mpy-cross 1.27's options with mpy-cross's parsing quirks (GCC-style glued
// values such as -O3 / -OO / -msmall-int-bits=N, a pre-pass over every "-X", usage text on stdout
// with exit status 1 for anything it does not understand), plus long options of its own for
// building many files at once.  That grammar is not expressible in CLI11 without changing its
// behaviour, so the parser is hand-written here as a pure function the unit tests can drive.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/compat_version.h"

namespace mpy {

// How compile errors are shown on stderr.  The mpy-cross traceback is always printed (tools parse
// it); "rich" adds file:line:col, the source line and a caret after it.
enum class DiagnosticsStyle { Auto, Rich, Traceback };

struct DriverOptions {
    // ---- mpy-cross options -------------------------------------------------------------------
    // Input files in command-line order ('\' already turned into '/', as mpy-cross does); "-" is stdin.
    std::vector<std::string> inputs;
    std::optional<std::string> output;       // -o FILE ("-" = stdout)
    std::optional<std::string> source_name;  // -s NAME ('\' turned into '/')
    int verbose = 0;                         // -v, repeatable
    int opt_level = 0;                       // -O[N] / -OO...
    int small_int_bits = 31;                 // -msmall-int-bits=N
    std::string arch;                        // -march=ARCH, "host" resolved; "" = none
    unsigned arch_flags = 0;                 // -march-flags=, validated against arch
    std::string emit;                        // -X emit=bytecode|native|viper; "" = default

    // ---- mpyc extensions ---------------------------------------------------------------------
    std::vector<std::string> trees;          // -r/--recursive/--tree DIR: every *.py below DIR
    std::optional<std::string> out_dir;      // --out-dir DIR
    unsigned jobs = 0;                       // -j N; 0 = one per CPU
    bool force = false;                      // --force / -B: ignore the up-to-date check
    std::optional<std::string> depfile;      // --depfile FILE
    std::optional<std::string> depfile_target;  // --depfile-target NAME
    DiagnosticsStyle diagnostics = DiagnosticsStyle::Auto;  // --diagnostics=auto|rich|traceback
    bool json = false;                       // --json
    CompatVersion compat = kDefaultCompat;   // --compat=1.27|1.28: whose output to reproduce

    // True when the call is a plain mpy-cross call (one input, no extension that changes what is
    // built), so it must behave exactly like mpy-cross: always compile, output next to the input.
    bool is_single_compile() const {
        return inputs.size() == 1 && trees.empty() && !out_dir;
    }
};

// What main() should do after parsing.
enum class ParseAction {
    Run,      // compile, with `options`
    Version,  // print the version line to stdout, exit 0
    Usage,    // print the usage text to stdout, exit 1 (mpy-cross does this for --help too)
    Fail,     // print `message` to stderr, exit 1
};

struct ParseOutcome {
    ParseAction action = ParseAction::Run;
    DriverOptions options;
    std::string message;  // for Fail: the line(s) to print on stderr, ending in '\n'
};

// Parses argv[1..] (without the program name).
ParseOutcome parse_command_line(const std::vector<std::string>& args);

// The usage text: mpy-cross's, naming `program`, then mpyc's own options.
std::string usage_text(std::string_view program);

// "mpyc v0.1.0 (mpytools, for MicroPython 1.27); mpyc emitting mpy v6.3\n"
std::string version_text();

// True if `text` is a -march-flags= value the `compat` release's mpy-cross accepts for rv32imc;
// sets `flags` (bit 0 zba, bit 1 zcmp).  1.27: a number 0 or 1 (decimal, 0x.. or 0b..), or
// anything starting with "zba".  1.28: a number 0..3, or a comma-separated list of zba / zcmp.
bool parse_rv32_arch_flags(std::string_view text, unsigned& flags, CompatVersion compat);

}  // namespace mpy
