// Mounting a host folder at /remote on a board: checking that the board can, sending the agent,
// starting the host's side, and undoing it all.
#pragma once

#include <filesystem>
#include <string>

#include "remote/mount/mount_transport.h"
#include "remote/protocol/raw_repl.h"

namespace mpy::mount {

inline constexpr const char* kMountPoint = "/remote";

struct MountSettings {
    std::filesystem::path folder;
    bool unsafe_links = false;
};

// What the board needs for the agent, found by one small probe.
struct MountProbe {
    std::vector<std::string> missing;  // e.g. "io.IOBase", "vfs.mount"
    long mem_free = -1;
    bool agent_loaded = false;          // the agent is still defined (no reset since)
};

std::string mount_probe_code();
MountProbe parse_mount_probe(std::string_view output);

// The bytes the board reads per request: a sixteenth of its free memory, 256 to 32768.
std::size_t read_ahead_for(long mem_free);

// Mounts `settings.folder` at /remote and makes it the board's working directory.  `repl` must
// be in the raw REPL and run over `transport`.  Throws DiagnosticError with a one-line message
// when the board cannot (the micro:bit's MicroPython 1.9.2) or the folder is not there.
void mount_folder(RawRepl& repl, MountTransport& transport, const MountSettings& settings);

// Unmounts /remote (the working directory goes back to "/" if it was inside) and stops serving.
void unmount_folder(RawRepl& repl, MountTransport& transport);

}  // namespace mpy::mount
