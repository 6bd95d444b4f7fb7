// mpytool info: what is in a .mpy file and who can load it.
#pragma once

#include <optional>
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

// For a file of another .mpy version (which the reader refuses): a short report from its header
// alone, saying which releases wrote it.  nullopt if the bytes do not even start like a .mpy file
// or are version 6.
std::optional<std::string> render_foreign_header(const std::string& bytes, const std::string& path);

// The whole `info` report of one file.
std::string render_info(const LoadedMpy& file);

}  // namespace mpy::tool
