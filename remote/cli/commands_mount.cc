// mount, umount, and the limits a mount puts on other commands.
#include <cstdio>
#include <unistd.h>
#include <vector>

#include "common/diagnostics.h"
#include "remote/cli/commands.h"

namespace mpy {

int cmd_mount(Session& s, const ParsedCommand& c) {
    const std::string& folder = c.args.at(0);
    s.mount(mount::MountSettings{folder, c.flag("unsafe-links")});
    // No did_action(): `mount DIR` with nothing after it enters the REPL, as in mpremote.
    std::string line = "Local directory " + folder + " is mounted at " + mount::kMountPoint + "\n";
    if (isatty(1)) write_stdout(line);
    else s.print_at_exit(line);
    return 0;
}

int cmd_umount(Session& s, const ParsedCommand&) {
    s.umount();
    return 0;
}

void refuse_recursive_rm_in_mount(Session& s, const std::string& path) {
    if (!s.mounted()) return;
    BoardFs& b = s.fs();
    std::string full = !path.empty() && path[0] == '/' ? path : b.getcwd() + "/" + path;
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= full.size()) {
        std::size_t slash = full.find('/', i);
        if (slash == std::string::npos) slash = full.size();
        std::string part = full.substr(i, slash - i);
        i = slash + 1;
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else {
            parts.push_back(part);
        }
    }
    bool inside = !parts.empty() && "/" + parts[0] == mount::kMountPoint;
    if (inside && b.stat(path).is_dir)
        throw DiagnosticError(Diagnostic{"error", std::string("rm -r not permitted on ") + mount::kMountPoint + " directory", {}});
}

}  // namespace mpy
