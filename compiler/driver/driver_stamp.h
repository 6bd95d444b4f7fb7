// The up-to-date check of --out-dir builds.
//
// mpyc keeps a small text file, OUT/.mpyc-stamp, recording for each output it wrote: the source
// path, the source's size, mtime (ns) and a 64-bit content hash, under a fingerprint of everything
// else that decides the bytes (mpyc's version and executable, -O, -msmall-int-bits, -march, emit).
// An output is rebuilt when it is missing, the fingerprint or source path changed, or the source's
// content changed.  A source whose mtime changed but whose content did not (a `touch`, a git
// checkout of the same text) is not recompiled: its output's mtime is bumped instead so make/ninja,
// which compare mtimes, see it as fresh too.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mpy {

inline constexpr std::string_view kStampFileName = ".mpyc-stamp";

struct SourceState {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t hash = 0;
};

struct StampEntry {
    std::string source;  // the input path the output was built from
    SourceState state;
};

struct StampFile {
    std::string fingerprint;
    std::map<std::string, StampEntry> entries;  // by output path relative to the output directory
};

// FNV-1a, 64 bits: fast and plenty to tell one version of a source file from the next (it guards
// against stale builds, not against an adversary).
std::uint64_t content_hash(std::string_view data);

// Parses a stamp file's text; anything malformed gives an empty stamp (everything is rebuilt).
StampFile parse_stamp(std::string_view text);
std::string format_stamp(const StampFile& stamp);

// The fingerprint line for a set of code-generation options.
std::string make_fingerprint(std::string_view compiler_identity, int opt_level, int small_int_bits,
                             std::string_view arch, unsigned arch_flags, std::string_view emit,
                             std::string_view compat);

enum class Freshness {
    Stale,          // compile it
    UpToDate,       // nothing to do
    SameContent,    // mtime or size record differs but the content hash matches: refresh the record
    NeedsContent,   // cannot decide from the metadata: hash the source and ask again
};

// Decides from the recorded entry (if any), the source's current metadata and, when known, its
// content hash.  `output_exists` is whether the output file is still there.
Freshness check_freshness(const std::optional<StampEntry>& recorded, std::string_view source_path,
                          const SourceState& current, bool hash_known, bool output_exists);

}  // namespace mpy
