// SimTransport: the built-in virtual board.  It runs the sim board script (MicroPython's
// webassembly runtime driven by Node.js, remote/sim/board.mjs, written by the "boards" helper)
// with a pty as its stdin/stdout and talks to it through the pty master, exactly as it would
// talk to a USB serial port.  The board's files persist in a state directory.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "remote/transport/connect_options.h"
#include "remote/transport/transport.h"

namespace mpy {

// Where the sim board script is: $MPR_SIM_SCRIPT, else the source tree
// (MPYTOOLS_SOURCE_DIR/remote/sim/board.mjs), else the installed MPYTOOLS_DATADIR/sim/board.mjs.
// Returns nullopt when none exists.
std::optional<std::filesystem::path> find_sim_script();

// The default state directory: $XDG_CACHE_HOME/mpytools/sim or ~/.cache/mpytools/sim.
std::filesystem::path default_sim_dir();

std::unique_ptr<Transport> open_sim(const ConnectOptions& opts);

}  // namespace mpy
