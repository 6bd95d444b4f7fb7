// mount, umount, and the limits a mount puts on other commands.
#include <cstdio>
#include <unistd.h>

#include "common/diagnostics.h"
#include "remote/cli/commands.h"
#include "remote/mount/mount_paths.h"

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
    auto parts = mount::lexical_components(full, true);
    bool inside = parts && !parts->empty() && "/" + std::string((*parts)[0]) == mount::kMountPoint;
    if (inside && b.stat(path).is_dir)
        throw DiagnosticError(Diagnostic{"error", std::string("rm -r not permitted on ") + mount::kMountPoint + " directory", {}});
}

}  // namespace mpy
