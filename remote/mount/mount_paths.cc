#include "remote/mount/mount_paths.h"

#include "remote/protocol/micropython_errno.h"

namespace mpy::mount {

namespace fs = std::filesystem;

std::optional<std::vector<std::string_view>> lexical_components(std::string_view path, bool clamp_at_root) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < path.size()) {
        std::size_t slash = path.find('/', i);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view part = path.substr(i, slash - i);
        i = slash + 1;
        if (part.empty() || part == ".") continue;
        if (part != "..") {
            parts.push_back(part);
        } else if (parts.empty()) {
            if (!clamp_at_root) return std::nullopt;
        } else {
            parts.pop_back();
        }
    }
    return parts;
}

MountRoot::MountRoot(const fs::path& folder, bool unsafe_links)
    : real_(fs::canonical(folder)), unsafe_links_(unsafe_links) {}

bool MountRoot::inside(const fs::path& p) const {
    auto r = real_.begin(), q = p.begin();
    for (; r != real_.end(); ++r, ++q)
        if (q == p.end() || *q != *r) return false;
    return true;
}

ResolvedPath MountRoot::resolve(std::string_view board_path, LastLink last) const {
    ResolvedPath out;
    if (board_path.empty() || board_path[0] != '/' || board_path.find('\0') != std::string_view::npos) {
        out.error = mp_errno::einval;  // the agent always sends a path from the mount's root
        return out;
    }
    std::optional<std::vector<std::string_view>> parts = lexical_components(board_path);
    if (!parts) {
        out.error = mp_errno::eacces;  // above the mounted folder
        return out;
    }
    out.host = real_;
    for (std::string_view part : *parts) {
        out.host /= fs::path(std::string(part));
        out.board += '/';
        out.board += part;
    }
    if (unsafe_links_ || parts->empty()) return out;
    // Where the existing part of the path really leads (links resolved); the last component
    // counts only when it is followed.
    std::error_code ec;
    fs::path checked = last == LastLink::follow ? out.host : out.host.parent_path();
    fs::path real = fs::weakly_canonical(checked, ec);
    if (ec || !inside(real)) {
        out.error = mp_errno::eacces;
        return out;
    }
    if (last == LastLink::follow && fs::is_symlink(fs::symlink_status(out.host, ec)) &&
        !fs::exists(fs::status(out.host, ec))) {
        // A dangling link: where it leads cannot be checked, and creating the file would
        // create its target.
        out.error = mp_errno::eacces;
    }
    return out;
}

}  // namespace mpy::mount
