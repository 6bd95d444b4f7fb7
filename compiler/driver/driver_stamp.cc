#include "compiler/driver/driver_stamp.h"

#include <charconv>
#include <fmt/format.h>

namespace mpy {

namespace {

constexpr std::string_view kHeader = "mpyc-stamp 1";

// Splits off the text up to `sep`; false if `sep` is absent.
bool take_field(std::string_view& line, char sep, std::string_view& field) {
    size_t at = line.find(sep);
    if (at == std::string_view::npos) return false;
    field = line.substr(0, at);
    line.remove_prefix(at + 1);
    return true;
}

template <typename T>
bool parse_number(std::string_view text, T& value, int base = 10) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

// Paths are stored tab-separated, one entry a line: a path with a tab or newline in it cannot be
// recorded (its output is then simply rebuilt every time).
bool storable(std::string_view path) { return path.find_first_of("\t\n\r") == std::string_view::npos; }

}  // namespace

std::uint64_t content_hash(std::string_view data) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

std::string make_fingerprint(std::string_view compiler_identity, int opt_level, int small_int_bits,
                             std::string_view arch, unsigned arch_flags, std::string_view emit,
                             std::string_view compat) {
    std::string fp = fmt::format("{} O={} small-int-bits={} arch={} arch-flags={} emit={} compat={}",
                                 compiler_identity, opt_level, small_int_bits, arch, arch_flags, emit, compat);
    for (char& c : fp) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return fp;
}

StampFile parse_stamp(std::string_view text) {
    StampFile stamp;
    std::string_view line;
    if (!take_field(text, '\n', line) || line != kHeader) return {};
    if (!take_field(text, '\n', line) || line.substr(0, 12) != "fingerprint ") return {};
    stamp.fingerprint = std::string(line.substr(12));
    while (take_field(text, '\n', line)) {
        // <hash hex>\t<size>\t<mtime ns>\t<source>\t<output key>
        std::string_view hash, size, mtime, source;
        StampEntry entry;
        if (!take_field(line, '\t', hash) || !take_field(line, '\t', size) || !take_field(line, '\t', mtime) ||
            !take_field(line, '\t', source) || line.empty() || !parse_number(hash, entry.state.hash, 16) ||
            !parse_number(size, entry.state.size) || !parse_number(mtime, entry.state.mtime_ns)) {
            return {};
        }
        entry.source = std::string(source);
        stamp.entries[std::string(line)] = std::move(entry);
    }
    if (!text.empty()) return {};  // a truncated last line: do not trust any of it
    return stamp;
}

std::string format_stamp(const StampFile& stamp) {
    std::string out = fmt::format("{}\nfingerprint {}\n", kHeader, stamp.fingerprint);
    for (const auto& [key, entry] : stamp.entries) {
        if (!storable(key) || !storable(entry.source)) continue;
        out += fmt::format("{:016x}\t{}\t{}\t{}\t{}\n", entry.state.hash, entry.state.size, entry.state.mtime_ns,
                           entry.source, key);
    }
    return out;
}

Freshness check_freshness(const std::optional<StampEntry>& recorded, std::string_view source_path,
                          const SourceState& current, bool hash_known, bool output_exists) {
    if (!recorded || !output_exists || recorded->source != source_path) return Freshness::Stale;
    const SourceState& then = recorded->state;
    if (then.size == current.size && then.mtime_ns == current.mtime_ns) return Freshness::UpToDate;
    if (then.size != current.size) return Freshness::Stale;  // a different length is a different text
    if (!hash_known) return Freshness::NeedsContent;
    return then.hash == current.hash ? Freshness::SameContent : Freshness::Stale;
}

}  // namespace mpy
