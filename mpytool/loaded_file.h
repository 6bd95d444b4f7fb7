// A .mpy file read from disk and parsed, kept together with its bytes and layout.
#pragma once

#include <filesystem>
#include <string>

#include "common/mpy_model.h"
#include "common/mpy_reader.h"

namespace mpy::tool {

struct LoadedMpy {
    std::string path;   // as given on the command line
    std::string bytes;  // the whole file
    MpyModule module;
    MpyLayout layout;
};

// Reads and parses `path`.  Throws DiagnosticError (unreadable file, or the reader's
// "offset 0x..: ..." error with the path as file name).
LoadedMpy load_mpy(const std::filesystem::path& path);

// Parses bytes already in memory (tests, fuzzing, stdin).
LoadedMpy parse_mpy(std::string bytes, std::string path);

}  // namespace mpy::tool
