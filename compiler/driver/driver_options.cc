#include "compiler/driver/driver_options.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "mpytools_config.h"

namespace mpy {

namespace {

// mpy-cross turns every '\' of an input path or -s name into '/' (for Windows users); the
// stored source name and the default output name follow from that, so we do the same.
std::string forward_slashes(std::string_view path) {
    std::string out(path);
    for (char& c : out) {
        if (c == '\\') c = '/';
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

ParseOutcome usage() { return ParseOutcome{ParseAction::Usage, {}, {}}; }

ParseOutcome fail(std::string message) { return ParseOutcome{ParseAction::Fail, {}, std::move(message) + "\n"}; }

// The -march= names mpy-cross knows ("host" is resolved by the caller).
bool is_known_arch_name(std::string_view name) {
    static constexpr std::string_view kNames[] = {"x86",     "x64",       "armv6",     "armv6m", "armv7m",
                                                  "armv7em", "armv7emsp", "armv7emdp", "xtensa", "xtensawin",
                                                  "rv32imc", "rv64imc",   "debug"};
    for (std::string_view known : kNames) {
        if (known == name) return true;
    }
    return false;
}

// The architecture mpy-cross itself was built for, which is what -march=host means.
std::string_view host_arch() {
#if defined(__i386__)
    return "x86";
#elif defined(__x86_64__)
    return "x64";
#elif defined(__arm__) && !defined(__thumb2__)
    return "armv6";
#elif defined(__riscv) && (__riscv_xlen == 64)
    return "rv64imc";
#else
    return "";
#endif
}

// -X values are checked before anything else, over the whole command line (even after "--" and
// even where "-X" is really the argument of -o): mpy-cross's pre-pass does exactly this, so a bad
// -X anywhere gives the usage text whatever else is wrong.
bool pre_pass_implementation_options(const std::vector<std::string>& args, DriverOptions& opts) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "-X") continue;
        if (i + 1 >= args.size()) return false;
        std::string_view value = args[i + 1];
        if (value == "emit=bytecode" || value == "emit=native" || value == "emit=viper") {
            opts.emit = std::string(value.substr(5));
        } else if (!starts_with(value, "heapsize=")) {
            // heapsize=N sizes mpy-cross's garbage-collected heap; mpyc has none, so any value is
            // accepted and ignored.
            return false;
        }
        ++i;
    }
    return true;
}

// -O3 sets level 3 (only the first digit counts, as in mpy-cross); otherwise the level is the
// number of leading 'O's: -O is 1, -OO is 2, -Ofoo is 1.
int parse_opt_level(std::string_view arg) {
    if (arg.size() > 2 && std::isdigit(static_cast<unsigned char>(arg[2]))) return arg[2] & 0xf;
    int level = 0;
    for (size_t i = 1; i < arg.size() && arg[i] == 'O'; ++i) ++level;
    return level;
}

// strtol with base 0 that must consume the whole text; an empty text is 0 (mpy-cross accepts
// "-msmall-int-bits=" and uses 0).
bool parse_c_integer(const std::string& text, long& value) {
    char* end = nullptr;
    errno = 0;
    value = std::strtol(text.c_str(), &end, 0);
    return *end == '\0';
}

bool parse_positive(std::string_view text, unsigned& value) {
    if (text.empty() || text.size() > 6) return false;
    unsigned v = 0;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    if (v == 0) return false;
    value = v;
    return true;
}

// A long option of mpyc that takes a value: "--name=value" or "--name value".  Returns the value,
// or nullopt if `args[i]` is not this option.  Sets `missing` when the value is absent.
std::optional<std::string> long_value(const std::vector<std::string>& args, size_t& i, std::string_view name,
                                      bool& missing) {
    std::string_view arg = args[i];
    if (!starts_with(arg, name)) return std::nullopt;
    std::string_view rest = arg.substr(name.size());
    if (!rest.empty() && rest[0] == '=') return std::string(rest.substr(1));
    if (!rest.empty()) return std::nullopt;  // a longer option that merely starts the same way
    if (i + 1 >= args.size()) {
        missing = true;
        return std::string();
    }
    return args[++i];
}

// A short option of mpyc with a value: "-j4" or "-j 4".
std::optional<std::string> short_value(const std::vector<std::string>& args, size_t& i, std::string_view name,
                                       bool& missing) {
    std::string_view arg = args[i];
    if (!starts_with(arg, name)) return std::nullopt;
    if (arg.size() > name.size()) return std::string(arg.substr(name.size()));
    if (i + 1 >= args.size()) {
        missing = true;
        return std::string();
    }
    return args[++i];
}

// Handles one of mpyc's own options at args[i].  Returns true if it was one (possibly setting
// `error`), false if the argument is unknown.
bool parse_extension_option(const std::vector<std::string>& args, size_t& i, DriverOptions& opts,
                            std::string& error) {
    std::string_view arg = args[i];
    bool missing = false;
    auto need = [&](std::string_view what) { error = "mpyc: " + std::string(what) + " needs a value"; };

    if (arg == "--force" || arg == "-B") {
        opts.force = true;
        return true;
    }
    if (arg == "--json") {
        opts.json = true;
        return true;
    }
    if (auto v = long_value(args, i, "--out-dir", missing)) {
        if (missing || v->empty()) return need("--out-dir"), true;
        opts.out_dir = *v;
        return true;
    }
    if (auto v = long_value(args, i, "--depfile-target", missing)) {
        if (missing || v->empty()) return need("--depfile-target"), true;
        opts.depfile_target = *v;
        return true;
    }
    if (auto v = long_value(args, i, "--depfile", missing)) {
        if (missing || v->empty()) return need("--depfile"), true;
        opts.depfile = *v;
        return true;
    }
    for (std::string_view name : {"--recursive", "--tree"}) {
        if (auto v = long_value(args, i, name, missing)) {
            if (missing || v->empty()) return need(name), true;
            opts.trees.push_back(forward_slashes(*v));
            return true;
        }
    }
    if (auto v = long_value(args, i, "--jobs", missing)) {
        if (missing || !parse_positive(*v, opts.jobs)) error = "mpyc: --jobs needs a positive number";
        return true;
    }
    if (auto v = long_value(args, i, "--diagnostics", missing)) {
        if (*v == "auto") {
            opts.diagnostics = DiagnosticsStyle::Auto;
        } else if (*v == "rich") {
            opts.diagnostics = DiagnosticsStyle::Rich;
        } else if (*v == "traceback") {
            opts.diagnostics = DiagnosticsStyle::Traceback;
        } else {
            error = "mpyc: --diagnostics must be auto, rich or traceback";
        }
        return true;
    }
    if (auto v = long_value(args, i, "--compat", missing)) {
        if (auto c = compat_from_name(missing ? std::string_view() : std::string_view(*v))) {
            opts.compat = *c;
        } else {
            error = "mpyc: --compat must be 1.27 or 1.28";
        }
        return true;
    }
    if (auto v = short_value(args, i, "-j", missing)) {
        if (missing || !parse_positive(*v, opts.jobs)) error = "mpyc: -j needs a positive number";
        return true;
    }
    if (arg == "-r") {
        if (i + 1 >= args.size()) return need("-r"), true;
        opts.trees.push_back(forward_slashes(args[++i]));
        return true;
    }
    return false;
}

// mpyc's own checks, made once mpy-cross's have passed: combinations that only arise with the
// extensions (several inputs, --out-dir, --json, --depfile).
std::string check_extension_combinations(const DriverOptions& opts) {
    const size_t n_sources = opts.inputs.size() + opts.trees.size();
    const bool several = n_sources > 1 || !opts.trees.empty();
    bool has_stdin = false;
    for (const auto& in : opts.inputs) has_stdin |= in == "-";
    if (opts.output && opts.out_dir) return "mpyc: -o and --out-dir cannot be used together";
    if (several && opts.output) return "mpyc: -o names a single output file; with several inputs use --out-dir";
    if (several && opts.source_name) return "mpyc: -s applies to a single input file";
    if (has_stdin && (several || opts.out_dir)) return "mpyc: stdin (-) can only be compiled on its own";
    const bool to_stdout = (opts.output && *opts.output == "-") || (!opts.output && has_stdin);
    if (to_stdout && opts.json) return "mpyc: --json writes to stdout, so the output must go to a file (-o FILE)";
    if (to_stdout && opts.depfile) return "mpyc: --depfile needs an output file, not stdout";
    return {};
}

}  // namespace

namespace {

// -march-flags as a number, the way mpy-cross reads one: an integer in Python's syntax (sign,
// 0x/0b prefix, '_' separators, surrounding spaces), in base 16 or 2 when the text starts with
// 0x / 0b and is longer than two characters, decimal otherwise; a longer text starting with '0'
// and another letter is not a number at all.  Null when it is not a (small) number.
std::optional<long long> parse_arch_flags_number(std::string_view text) {
    int base = 10;
    if (text.size() > 2 && text[0] == '0') {
        char k = static_cast<char>(text[1] | 0x20);
        if (k == 'b') {
            base = 2;
        } else if (k == 'x') {
            base = 16;
        } else {
            return std::nullopt;
        }
    }
    size_t i = 0;
    auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (i < text.size() && is_space(text[i])) ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    if (base != 10 && i + 1 < text.size() && text[i] == '0' && (text[i + 1] | 0x20) == (base == 16 ? 'x' : 'b')) {
        i += 2;
    }
    const size_t digits_start = i;
    unsigned long long value = 0;
    bool overflow = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        int digit;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
        } else if (c == '_') {
            continue;
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            digit = (c | 0x20) - 'a' + 10;
        } else {
            break;
        }
        if (digit >= base) break;
        if (value > (1ull << 60)) overflow = true;
        value = value * static_cast<unsigned>(base) + static_cast<unsigned>(digit);
    }
    const bool parsed_something = i != digits_start;
    while (i < text.size() && is_space(text[i])) ++i;
    if (!parsed_something || i != text.size() || overflow) return std::nullopt;
    const auto v = static_cast<long long>(value);
    return negative ? -v : v;
}

// 1.28's flag names: a comma-separated list of "zba" and "zcmp", at least one.
std::optional<unsigned> parse_rv32_flag_names(std::string_view text) {
    unsigned flags = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        const std::string_view name = text.substr(start, comma - start);
        if (name == "zba") {
            flags |= 1u;
        } else if (name == "zcmp") {
            flags |= 2u;
        } else {
            return std::nullopt;
        }
        start = comma + 1;
    }
    if (flags == 0) return std::nullopt;
    return flags;
}

}  // namespace

bool parse_rv32_arch_flags(std::string_view text, unsigned& flags, CompatVersion compat) {
    // The extensions each release knows: 1.27 zba (bit 0), 1.28 also zcmp (bit 1).  A number
    // with any other bit (a negative one has them all) is refused, without trying names.
    const unsigned known = compat == CompatVersion::V1_27 ? 1u : 3u;
    if (const std::optional<long long> number = parse_arch_flags_number(text)) {
        if (*number < 0 || (static_cast<unsigned long long>(*number) & ~static_cast<unsigned long long>(known)) != 0) {
            return false;
        }
        flags = static_cast<unsigned>(*number);
        return true;
    }
    if (compat == CompatVersion::V1_27) {
        // 1.27 compares only the first three letters with "zba".
        if (!starts_with(text, "zba")) return false;
        flags |= 1u;
        return true;
    }
    const std::optional<unsigned> names = parse_rv32_flag_names(text);
    if (!names) return false;
    flags = *names;
    return true;
}

ParseOutcome parse_command_line(const std::vector<std::string>& args) {
    DriverOptions opts;
    if (!pre_pass_implementation_options(args, opts)) return usage();

    std::optional<std::string> arch_flags_text;
    bool parsing_options = true;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!parsing_options || arg.size() < 2 || arg[0] != '-') {
            opts.inputs.push_back(forward_slashes(arg));
            continue;
        }
        if (arg == "-X") {
            ++i;  // checked by the pre-pass
        } else if (arg == "--version") {
            return ParseOutcome{ParseAction::Version, {}, {}};
        } else if (arg == "--help" || arg == "-h") {
            return usage();
        } else if (arg == "-v") {
            ++opts.verbose;
        } else if (starts_with(arg, "-O")) {
            opts.opt_level = parse_opt_level(arg);
        } else if (arg == "-o" || arg == "-s") {
            if (i + 1 >= args.size()) return usage();
            ++i;
            if (arg == "-o") {
                opts.output = args[i];
            } else {
                opts.source_name = forward_slashes(args[i]);
            }
        } else if (starts_with(arg, "-msmall-int-bits=")) {
            long bits = 0;
            if (!parse_c_integer(arg.substr(17), bits)) return usage();
            opts.small_int_bits = static_cast<int>(bits < INT_MIN ? INT_MIN : bits > INT_MAX ? INT_MAX : bits);
        } else if (starts_with(arg, "-march=")) {
            std::string_view name = std::string_view(arg).substr(7);
            if (name == "host") {
                name = host_arch();
                if (name.empty()) return fail("unable to determine host architecture for -march=host");
            } else if (!is_known_arch_name(name)) {
                return usage();
            }
            opts.arch = std::string(name);
        } else if (starts_with(arg, "-march-flags=")) {
            arch_flags_text = arg.substr(13);
        } else if (arg == "--") {
            parsing_options = false;
        } else {
            std::string error;
            if (!parse_extension_option(args, i, opts, error)) return usage();
            if (!error.empty()) return fail(error);
        }
    }

    // The checks mpy-cross makes after reading the whole line, in its order.
    if (arch_flags_text && !opts.arch.empty()) {
        if (opts.arch != "rv32imc" || !parse_rv32_arch_flags(*arch_flags_text, opts.arch_flags, opts.compat)) {
            return fail("unrecognised arch flags");
        }
    }
    if ((opts.emit == "native" || opts.emit == "viper") && opts.arch.empty()) return fail("arch not specified");
    if (opts.inputs.empty() && opts.trees.empty()) return fail("no input file");

    if (std::string error = check_extension_combinations(opts); !error.empty()) return fail(error);
    return ParseOutcome{ParseAction::Run, std::move(opts), {}};
}

std::string usage_text(std::string_view program) {
    std::string text = "usage: ";
    text += program;
    text +=
        " [<opts>] [-X <implopt>] [--] <input filename>\n"
        "Options:\n"
        "--version : show version information\n"
        "-o : output file for compiled bytecode (defaults to input filename with .mpy extension, or stdout if "
        "input is stdin)\n"
        "-s : source filename to embed in the compiled bytecode (defaults to input file)\n"
        "-v : verbose (trace various operations); can be multiple\n"
        "-O[N] : apply bytecode optimizations of level N\n"
        "\n"
        "Target specific options:\n"
        "-msmall-int-bits=number : set the maximum bits used to encode a small-int\n"
        "-march=<arch> : set architecture for native emitter;\n"
        "                x86, x64, armv6, armv6m, armv7m, armv7em, armv7emsp,\n"
        "                armv7emdp, xtensa, xtensawin, rv32imc, rv64imc, host, debug\n"
        "-march-flags=<flags> : set architecture-specific flags (can be either a dec/hex/bin value or a "
        "comma-separated flags string)\n"
        "                       supported flags for rv32imc: zba, zcmp\n"
        "\n"
        "Implementation specific options:\n"
        "  emit={bytecode,native,viper} -- set the default code emitter\n"
        "  heapsize=<n> -- set the heap size for the GC (default 2097152)\n"
        "\n"
        "mpyc options (several inputs, see man mpyc):\n"
        "<file>... : compile several files (each to <file>.mpy, or into --out-dir)\n"
        "-r, --recursive, --tree <dir> : compile every *.py below <dir>\n"
        "--out-dir <dir> : write outputs there (keeping the tree's layout); only changed files are rebuilt\n"
        "-j, --jobs <n> : compile with n threads (default: one per CPU)\n"
        "-B, --force : rebuild everything, ignoring the up-to-date check\n"
        "--depfile <file> : write make/ninja dependencies of the outputs\n"
        "--depfile-target <name> : name the depfile's single target (for a ninja edge)\n"
        "--compat=1.27|1.28 : reproduce that MicroPython release's mpy-cross exactly (default 1.28)\n"
        "--diagnostics=auto|rich|traceback : add file:line:col and a caret to errors (auto: on a terminal)\n"
        "--json : print a JSON report of the files and diagnostics on stdout\n";
    return text;
}

std::string version_text() {
    return "mpyc v" MPYTOOLS_VERSION " (mpytools, for MicroPython 1.28 and 1.27); mpyc emitting mpy v6.3\n";
}

}  // namespace mpy
