// What `watch` does on the board between two syncs: run the program (--run) or soft-reset the
// board so that it runs main.py (--reset), streaming the output until the host folder changes.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "remote/protocol/raw_repl.h"
#include "remote/sync/change_monitor.h"
#include "remote/transport/transport.h"

namespace mpy::sync {

using OutputSink = std::function<void(std::string_view)>;

// Runs `code` (the board is in the raw REPL) with its output going to `sink` until it ends, or
// until a change comes: the monitor then stops it with Ctrl-C.  Returns whether a change stopped
// it.  The traceback of a program that failed on its own (not of one stopped for a change) goes
// to `sink` too.
bool run_program_until_change(RawRepl& r, const std::string& code, ChangeMonitor& monitor, const OutputSink& sink);

// Soft-resets the board from the friendly REPL (it runs boot.py and main.py, as after power-on)
// and streams its output from the board's "soft reboot" line on, until a change (returns true)
// or until `stop()` says so (returns false).
bool reset_and_stream_until_change(Transport& t, ChangeMonitor& monitor, const std::function<bool()>& stop,
                                   const OutputSink& sink);

}  // namespace mpy::sync
