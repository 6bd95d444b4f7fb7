// mpremote's own configuration file, config.py, read without Python, so that users who switch
// to mpr keep their aliases.  mpr reads it only when it has no config.json of its own (see
// user_config.h) and $MPR_CONFIG is not set.
//
// config.py is Python; mpr accepts what mpremote documents: `commands = {...}` whose keys are
// strings ("c33", "double x=4") and whose values are a string, a list or tuple of strings, or
// {"command": ..., "help": ...}.  It is parsed with mpyc's own parser, so every string form,
// comments and continuation lines work.  Any other statement (an import, a loop that builds
// the table) cannot be followed without running Python: that is an error naming its line, not
// an alias silently missing.
#pragma once

#include <filesystem>
#include <string>

#include "remote/config/user_config.h"

namespace mpy {

// $XDG_CONFIG_HOME/mpremote/config.py, else ~/.config/mpremote/config.py (mpremote's places on
// Linux); empty if neither variable is set.
std::filesystem::path mpremote_config_path();

// Throws DiagnosticError naming `source_name` and the line for a syntax error or a statement or
// value mpr cannot read.
UserConfig parse_mpremote_config(const std::string& python_source, const std::string& source_name);

}  // namespace mpy
