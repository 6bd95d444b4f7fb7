// The mpremote command language: a sequence of commands, each with its own options and
// arguments, optionally separated by '+', with shortcuts and user aliases expanded first.
//
//   mpr connect /dev/ttyACM0 exec "print(1)" + fs cp -r lib : + repl
//
// A command takes a fixed number of arguments (the rest of the line is the next command), or,
// for fs/edit/cp/ls..., every argument up to the next '+' or the end.  Each command's words are
// parsed by argparse's rules, as mpremote parses them (command_arguments.h).  Parsing is done in
// full before anything runs, so a typo at the end does not leave the board half-updated.  The
// commands, their options and their arguments are those of the command table (command_table.h).
//
// Errors: UsageError for words that do not fit a command's syntax (mpr exits 2, as mpremote),
// DiagnosticError for the rest (an unknown command, an alias's missing argument: exit 1).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "remote/config/alias_table.h"

namespace mpy {

struct ParsedCommand {
    std::string name;                           // a base command: "connect", "fs", "exec", ...
    std::map<std::string, std::string> options; // long option name -> value ("1"/"0" for flags)
    std::vector<std::string> args;

    bool flag(const std::string& name, bool dflt = false) const;
    std::string value(const std::string& name, const std::string& dflt = "") const;
};

// mpremote's built-in shortcuts (devs, a0..c3, cat, cp, ls, ..., reset, bootloader, --help).
AliasTable builtin_aliases();

std::vector<ParsedCommand> parse_commands(std::vector<std::string> args, const AliasTable& aliases);

}  // namespace mpy
