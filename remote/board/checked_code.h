// Sending user code intact over a line that loses bytes (old firmware without raw-paste on a
// UART without flow control: the micro:bit loses bytes now and then, most after a soft reset).
//
// A lost byte usually breaks the syntax (harmless: the code did not run, send it again), but it
// can also leave valid code that does something else ("x=700 chars" arriving as 695).  So on
// such lines the code travels inside a bytes literal together with its length and byte sum,
// and the board runs it with exec() only if both match; otherwise it names an undefined
// marker (NameError) and mpr sends it again (lossy_line.h decides).  Any error without a frame of the user's code
// ("<string>") means the wrapper itself failed, before the user's code ran: also sent again.  The traceback of the user's own errors is rewritten to look as if
// the code had been sent directly.
#pragma once

#include <string>
#include <string_view>

namespace mpy {

// The submission that checks and runs `code`.
std::string wrap_checked_code(std::string_view code);
// True when the traceback says the wrapped code arrived damaged (nothing ran).
bool is_damaged_code_error(std::string_view traceback);
// True when the traceback has a frame of the user's code (so it did run, at least in part).
bool user_code_ran(std::string_view traceback);
// Removes the wrapper's frame and names the user's frames "<stdin>" again.
std::string unwrap_traceback(std::string_view traceback);

}  // namespace mpy
