// Opening a connection from a device name (see device_names.h for the forms a name takes).
#pragma once

#include <memory>
#include <string>

#include "remote/transport/connect_options.h"
#include "remote/transport/transport.h"

namespace mpy {

// Throws DiagnosticError with mpremote-like messages ("no device found", "failed to access
// PATH (it may be in use by another program)").  `list` is not a device: the caller handles it.
std::unique_ptr<Transport> open_device(const std::string& name, const ConnectOptions& opts);

}  // namespace mpy
