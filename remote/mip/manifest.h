// The manifest: a small JSON dot-file in the target folder (`.mpr-mip.json`) that `mip install`
// writes and `mip list` / `mip uninstall` read, recording which package put which files there.
//
//   {"v": 1, "packages": {"logging": {"version": "0.6.1", "source": "logging",
//                                     "files": ["logging.mpy"], "deps": []}}}
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mpy::mip {

inline constexpr const char* kManifestName = ".mpr-mip.json";

struct InstalledPackage {
    std::string version;
    std::string source;
    std::vector<std::string> files;  // relative to the target folder
    std::vector<std::string> deps;
};

struct Manifest {
    std::map<std::string, InstalledPackage> packages;

    // Files of `name` that no other package lists (what uninstalling it may remove).
    std::vector<std::string> files_only_in(const std::string& name) const;
};

// An empty or unreadable manifest (a file edited by hand, an older format) is an empty one: the
// manifest only adds to what mip knows, it never stops an install.
Manifest parse_manifest(std::string_view text);
std::string serialize_manifest(const Manifest& m);

}  // namespace mpy::mip
