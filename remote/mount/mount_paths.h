// Where a board's path inside /remote leads on the host, and whether the board may go there.
//
// The agent sends paths from the mount's root ("/a/b", "/sub/../x").  They are resolved
// lexically ("." dropped, ".." taken back), never by the host's file system, and must stay
// inside the mounted folder; symbolic links must not lead out of it either, unless the user
// allowed it (`mount -l`).  A refusal is EACCES on the board.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpy::mount {

// The components of a '/'-separated path, with empty ones and "." dropped and ".." applied.
// A ".." above the start: nullopt, or (`clamp_at_root`, as on a board's own root) nothing.
std::optional<std::vector<std::string_view>> lexical_components(std::string_view path,
                                                                bool clamp_at_root = false);

struct ResolvedPath {
    int error = 0;                // a MicroPython errno when the path is refused
    std::filesystem::path host;   // the file on the host
    std::string board;            // the normalised path inside the mount: "" (the root), "/a/b"
};

// Whether the last component is followed when it is a symbolic link: yes for open, stat,
// listdir, chdir; no for remove, rename, rmdir, mkdir (they act on the link itself).
enum class LastLink { follow, keep };

class MountRoot {
public:
    // `folder` must exist; it is resolved once (a mounted folder may itself be a link).
    MountRoot(const std::filesystem::path& folder, bool unsafe_links);

    ResolvedPath resolve(std::string_view board_path, LastLink last) const;
    const std::filesystem::path& real() const { return real_; }

private:
    bool inside(const std::filesystem::path& real_path) const;
    std::filesystem::path real_;
    bool unsafe_links_;
};

}  // namespace mpy::mount
