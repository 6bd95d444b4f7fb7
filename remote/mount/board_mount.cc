#include "remote/mount/board_mount.h"

#include <algorithm>
#include <sstream>

#include "common/diagnostics.h"
#include "remote/agent/agent_sources.h"
#include "remote/board/lossy_line.h"
#include "remote/mount/agent_code.h"
#include "remote/protocol/raw_repl_parser.h"

namespace mpy::mount {

std::string mount_probe_code() {
    // Old firmware must be able to run this: MicroPython 1.9 syntax, a few hundred bytes.
    return "import sys,gc\n"
           "m=[]\n"
           "try:\n import io;io.IOBase\nexcept:\n m.append('io.IOBase')\n"
           "try:\n import vfs;vfs.mount\nexcept:\n"
           " try:\n  import os;os.mount\n except:\n  m.append('vfs.mount')\n"
           "try:\n sys.stdin.buffer;sys.stdout.buffer\nexcept:\n m.append('sys.stdin.buffer')\n"
           "try:\n import micropython;micropython.kbd_intr\nexcept:\n m.append('micropython.kbd_intr')\n"
           "gc.collect()\n"
           "print('mount-probe',gc.mem_free(),int('_mount' in globals()),' '.join(m))\n"
           "del m\n";
}

MountProbe parse_mount_probe(std::string_view output) {
    MountProbe p;
    std::size_t at = output.find("mount-probe ");
    if (at == std::string_view::npos) return p;
    std::size_t nl = output.find('\n', at);
    std::istringstream line(std::string(output.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at)));
    std::string word;
    int loaded = 0;
    line >> word >> p.mem_free >> loaded;
    p.agent_loaded = loaded != 0;
    while (line >> word) p.missing.push_back(word);
    return p;
}

std::size_t read_ahead_for(long mem_free) {
    if (mem_free < 0) return 1024;
    // Measured before the agent is loaded (it takes about 8 KB on a 64-bit port, 5 on a 32-bit
    // one); a module's import also needs room to compile what it reads, and each piece must be
    // one contiguous block of a heap that imports fragment: on a 40 KB heap a sixteenth (2 KB)
    // was already more than the largest free block after an import.
    return static_cast<std::size_t>(std::clamp<long>(mem_free / 32, 256, 32768));
}

void mount_folder(RawRepl& repl, MountTransport& transport, const MountSettings& settings) {
    std::error_code ec;
    if (!std::filesystem::is_directory(settings.folder, ec))
        raise_error("mount: " + settings.folder.string() + ": not a directory");
    transport.stop();  // an earlier mount's agent is gone or about to be replaced
    // The probe only reads: on a lossy line it is asked again whenever it arrived damaged.
    MountProbe probe = parse_mount_probe(LossyLineRunner(repl).query(mount_probe_code()));
    if (!probe.missing.empty()) {
        std::string list;
        for (const std::string& m : probe.missing) list += (list.empty() ? "" : ", ") + m;
        raise_error("mount: this board's MicroPython cannot mount a host folder (it has no " + list + ")");
    }
    if (!probe.agent_loaded) {
        std::vector<std::string> pieces = agent_pieces(agent::mount_agent_source());
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            try {
                LossyLineRunner(repl).exec_until_compiled(pieces[i]);
            } catch (const RemoteExecError& e) {
                raise_error("mount: the board could not load mpr's mount agent (piece " + std::to_string(i + 1) +
                     " of " + std::to_string(pieces.size()) + "): " + e.diagnostic().message);
            }
        }
    }
    // Known by now (the probe went through the raw REPL): whether this line loses bytes when a
    // burst fills the board's receive buffer; answers are then paced as code is.
    transport.set_paced_replies(repl.may_lose_bytes());
    std::size_t ahead = read_ahead_for(probe.mem_free);
    std::string token = random_token();
    std::unique_ptr<MountFileServer> server;
    try {
        server = std::make_unique<MountFileServer>(settings.folder, settings.unsafe_links, ahead);
    } catch (const std::filesystem::filesystem_error& e) {
        raise_error("mount: " + settings.folder.string() + ": " + e.code().message());
    }
    transport.start(std::move(server), token);
    try {
        LossyLineRunner(repl).exec_until_compiled("_mount('" + token + "'," + std::to_string(ahead) + ")");
    } catch (const RemoteExecError& e) {
        transport.stop();
        raise_error("mount: could not mount at " + std::string(kMountPoint) + ": " + e.diagnostic().message);
    }
}

void unmount_folder(RawRepl& repl, MountTransport& transport) {
    try {
        repl.exec("try:\n _mumount()\nexcept (NameError, OSError):\n pass\n");
    } catch (const RemoteExecError&) {
        // Nothing mounted any more (the board was reset): nothing to undo.
    }
    transport.stop();
}

}  // namespace mpy::mount
