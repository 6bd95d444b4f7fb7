// The package description mip reads: a package.json, or an index v2 package file
// (`package/{mpy version|py}/{name}/{version}.json`), which has the same fields:
//
//   { "hashes": [["pkg/a.mpy", "e39dbf64"], ...],   files in the index's file/ folder, by sha256 prefix
//     "urls":   [["pkg/b.py", "github:org/repo/b.py"], ...],   files fetched from a URL (or relative path)
//     "deps":   [["name", "version"], ...],          packages installed with it
//     "version": "0.1" }
//
// Every target path is checked here, once, before anything is fetched: a path that is absolute,
// has a '..' or '.' part, a backslash or an empty part would leave (or confuse) the target
// folder, and is refused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpy::mip {

struct HashedFile {
    std::string target;  // relative to the target folder
    std::string hash;    // lowercase hex prefix of the content's sha256 (8 characters in micropython-lib)
};

struct UrlFile {
    std::string target;
    std::string url;     // absolute, repository form, or relative to the package.json
};

struct Dependency {
    std::string name;     // an index name or any package form
    std::string version;  // "" when not given
};

struct PackageJson {
    std::vector<HashedFile> hashes;
    std::vector<UrlFile> urls;
    std::vector<Dependency> deps;
    std::string version;
};

// Parses the text of a package.json; `source` (its URL or path) names it in errors.  Throws
// DiagnosticError for malformed JSON, wrong field types, unsafe target paths and hashes that
// are not hex.
PackageJson parse_package_json(std::string_view text, std::string_view source);

// Throws DiagnosticError naming `source` when `path` is not a safe relative path inside the
// target folder.
void check_target_path(std::string_view path, std::string_view source);
bool is_safe_target_path(std::string_view path);

// True when `sha256_hex` (a full lowercase digest) starts with `short_hash` (case-insensitive).
bool hash_matches(std::string_view sha256_hex, std::string_view short_hash);

// Lowercase hex of raw bytes.
std::string to_hex(std::string_view bytes);

}  // namespace mpy::mip
