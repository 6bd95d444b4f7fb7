// SimTransport: the built-in virtual board.  It runs the sim board script (MicroPython's
// webassembly runtime driven by Node.js, remote/sim/board.mjs, written by the "boards" helper)
// with a pty as its stdin/stdout and talks to it through the pty master, exactly as it would
// talk to a USB serial port.  The board's files persist in a state directory.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "remote/transport/connect_options.h"
#include "remote/transport/transport.h"

namespace mpy {

// Where the sim board script is when no ConnectOptions::sim_script is given: beside the
// program's installation (PREFIX/share/mpytools/sim/board.mjs), else the source tree
// (MPYTOOLS_SOURCE_DIR/remote/sim/board.mjs), else the configured MPYTOOLS_DATADIR/sim/board.mjs.
// Returns nullopt when none exists.
std::optional<std::filesystem::path> find_sim_script();

// The default state directory given the user's $XDG_CACHE_HOME and $HOME (either may be empty):
// XDG_CACHE_HOME/mpytools/sim, else HOME/.cache/mpytools/sim, else one under the temporary
// directory.
std::filesystem::path default_sim_dir(std::string_view xdg_cache_home, std::string_view home);

std::unique_ptr<Transport> open_sim(const ConnectOptions& opts);

}  // namespace mpy
