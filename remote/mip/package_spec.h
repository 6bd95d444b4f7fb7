// What a `mip install` argument names, and where its files come from: a package of the index
// (`name[@version]`), a repository (`github:org/repo[/path][@ref]`, also gitlab: and codeberg:),
// an http(s) URL to a .py, .mpy or package.json, or a local package.json or folder.  Pure: no
// network, no board.
#pragma once

#include <string>
#include <string_view>

namespace mpy::mip {

// The base URLs the repository forms are rewritten to.  Tests point them at a local server
// (MPR_MIP_GITHUB_URL, MPR_MIP_GITLAB_URL, MPR_MIP_CODEBERG_URL).
struct HostBases {
    std::string github = "https://raw.githubusercontent.com";
    std::string gitlab = "https://gitlab.com";
    std::string codeberg = "https://codeberg.org";

    static HostBases from_environment();
};

enum class SpecKind {
    IndexName,    // a name looked up in the index
    RemoteFile,   // a .py/.mpy at a URL or repository path: installed as one file
    PackageJson,  // a package.json at a URL, in a repository, or on the host
};

struct PackageSpec {
    SpecKind kind = SpecKind::IndexName;
    std::string location;  // the name, or the URL / repository form / host path of the file
    std::string version;   // "" when not given (index: "latest"; repository: HEAD)
    std::string display;   // the argument without its @version, as "Install NAME" prints it
};

// Splits `arg` at its last '@' (the version or ref) and classifies it.  A host path that is a
// folder becomes its package.json.  Throws DiagnosticError for an empty or malformed argument.
PackageSpec parse_package_spec(std::string_view arg);

bool is_url(std::string_view s);           // http:// or https://
bool is_repository_form(std::string_view s);  // github:, gitlab:, codeberg:
// URL or repository form: fetched over the network, relative URLs are joined to it.
inline bool is_remote_location(std::string_view s) { return is_url(s) || is_repository_form(s); }

// The http(s) URL of a repository form at `ref` ("" = HEAD); other locations unchanged.
std::string rewrite_url(std::string_view location, std::string_view ref, const HostBases& bases);

// The folder of a location ("github:o/r/a/package.json" -> "github:o/r/a"), for relative URLs.
std::string location_dir(std::string_view location);
// `rel` joined to the folder `dir` (a URL, repository form or host path).
std::string join_location(std::string_view dir, std::string_view rel);

// A short name for a package given by URL or path, for the manifest and `mip list`:
// "github:org/repo/pkg/package.json" -> "pkg", "https://x/y/mod.py" -> "mod".
std::string name_from_location(std::string_view location);

}  // namespace mpy::mip
