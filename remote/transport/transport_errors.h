// The failures of a connection that callers act on, as types: callers catch these instead of
// reading the message.
#pragma once

#include <string>

#include "common/diagnostics.h"

namespace mpy {

// The device went away (EOF, EIO, hang-up: unplugged, reset, the sim board ended) or the
// connection was already closed.
class ConnectionLost : public DiagnosticError {
public:
    explicit ConnectionLost(std::string message) : DiagnosticError(Diagnostic{"error", std::move(message), {}}) {}
};

// A port could not be opened: another program has it, or it cannot be accessed at all.
class PortUnavailable : public DiagnosticError {
public:
    enum class Reason {
        busy,          // in use by another program (EBUSY, or locked by another mpr/pyserial)
        inaccessible,  // open() failed with errno(): no such file, permission denied, ...
    };
    PortUnavailable(Reason reason, int err, std::string message)
        : DiagnosticError(Diagnostic{"error", std::move(message), {}}), reason_(reason), errno_(err) {}
    Reason reason() const { return reason_; }
    // The errno of the failure (EBUSY, EWOULDBLOCK for a lock, ENOENT, EACCES, ...).
    int error_number() const { return errno_; }

private:
    Reason reason_;
    int errno_;
};

}  // namespace mpy
