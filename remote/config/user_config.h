// The user configuration file: default device, serial settings and command aliases.
//
// mpremote reads a Python file (config.py) that defines `commands`; mpr has no Python, so it
// reads the same information as JSON from $MPR_CONFIG, else $XDG_CONFIG_HOME/mpr/config.json,
// else ~/.config/mpr/config.json:
//
//   { "device": "/dev/ttyACM0", "baud": 115200, "dtr": "off", "rts": "off", "reset_on_connect": false,
//     "webrepl_password": "secret",
//     "commands": { "c33": "connect id:334D335C3138",
//                   "test": ["exec", "import test"],
//                   "double x=4": "eval x*2",
//                   "bl": { "command": "bootloader", "help": "enter the bootloader" } },
//     "mip": { "compile": true } }
//
// Without that file, mpremote's own config.py is read instead (mpremote_config.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "remote/config/alias_table.h"

namespace mpy {

struct UserConfig {
    std::string device;       // "" when not set
    std::optional<int> baud;  // "baud" or "baudrate"
    std::optional<bool> dtr, rts;  // "dtr"/"rts": "on"/"off" (or true/false)
    std::string webrepl_password;  // "webrepl_password": for ws:// boards ("" when not set)
    bool reset_on_connect = true;  // "reset_on_connect": false = --no-reset-on-connect
    bool mip_compile = false; // "mip": {"compile": true}: `mip install` compiles .py to .mpy by default
    AliasTable aliases;       // only the user's
    std::filesystem::path path;  // where it was read from ("" if there was no file)
};

std::filesystem::path user_config_path();
// Missing file: an empty config.  Malformed file: DiagnosticError naming the file.
UserConfig load_user_config(const std::filesystem::path& path);
UserConfig parse_user_config(const std::string& json_text, const std::string& source_name);

// What mpr runs with: mpr's own config.json (user_config_path()); failing that, unless
// $MPR_CONFIG chose a file, mpremote's config.py (mpremote_config.h), so that mpremote's users
// keep their aliases; failing that, an empty config.
UserConfig load_configuration();

}  // namespace mpy
