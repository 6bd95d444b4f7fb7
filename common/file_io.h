// Reading and writing whole files, with writes that are atomic: the data goes to a temporary file
// in the same directory, which is renamed over the target only once it is complete, so an error
// or a crash never leaves a half-written file under the real name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mpy {

// Throws DiagnosticError (kind "error") naming the file and the system's reason.
std::string read_file(const std::filesystem::path& path);

// Writes `data` to `path` atomically (temporary file, then rename).  Throws DiagnosticError.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

}  // namespace mpy
