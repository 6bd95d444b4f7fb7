// mpytool info: what is in a .mpy file and who can load it.
#pragma once

#include <string>
#include <vector>

#include "common/mpy_model.h"
#include "mpytool/loaded_file.h"

namespace mpy::tool {

// Lines saying which MicroPython releases and which boards/ports can import a file with this
// header (the runtime's checks: version, sub-version for native code, small-int bits, arch).
std::vector<std::string> describe_compatibility(const ModuleHeader& header, bool has_native);

// The ports/chips whose native emitter is `arch` (for humans: "ESP32, ESP32-S2/S3").
std::string arch_boards(NativeArch arch);

// The whole `info` report of one file.
std::string render_info(const LoadedMpy& file);

}  // namespace mpy::tool
