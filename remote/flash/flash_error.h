// The error every part of remote/flash throws: a DiagnosticError (so mpr's edge prints it and
// exits 1) that also says what kind of failure it was, for callers and tests that act on it.
#pragma once

#include <string>

#include "common/diagnostics.h"

namespace mpy::flash {

enum class FlashFailure {
    bad_file,          // a .dfu/.uf2 file that is not well formed
    wrong_file,        // a well-formed file for another board (family, vendor/product, memory)
    no_device,         // no DFU device / UF2 drive found
    permission,        // the USB device cannot be opened by this user
    device_error,      // the device reported an error status or an unexpected state
    device_gone,       // the device vanished mid-operation
    stalled,           // the device stalled a request
    timeout,           // the device stayed busy longer than it may
    verify_failed,     // read-back differs from the file
    io,                // a host file could not be read or written
};

class FlashError : public DiagnosticError {
public:
    FlashError(FlashFailure failure, const std::string& message)
        : DiagnosticError(Diagnostic{"error", message, {}, {}, {}}), failure_(failure) {}
    FlashFailure failure() const { return failure_; }

private:
    FlashFailure failure_;
};

}  // namespace mpy::flash
