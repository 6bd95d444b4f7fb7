// MicroPython's errno values (the numbers its OSError carries), their names and the messages
// a user reads for them.
//
// The numbers are MicroPython's own (py/mperrno.h: Linux's numbering for the values it knows),
// so a board reports them the same whatever its port; the unix port passes other Linux values
// through, of which ENOTEMPTY is common.  The messages are the C library's wording on Linux,
// which is what mpremote prints (it maps a board errno to the host's and asks os.strerror).
#pragma once

#include <string_view>

namespace mpy {

struct MicroPythonErrno {
    int number;
    std::string_view name;     // "ENOENT"
    std::string_view message;  // "No such file or directory"
};

// The entry for `number`, or nullptr when MicroPython has no such errno.
const MicroPythonErrno* micropython_errno(int number);
// The entry whose name appears in `text` as a whole word ("... ENOENT", "EPERM: x"), or nullptr.
const MicroPythonErrno* micropython_errno_named_in(std::string_view text);

}  // namespace mpy
