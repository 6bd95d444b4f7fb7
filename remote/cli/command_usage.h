// A command's usage text, as mpremote's argparse parser prints it before a usage error:
//
//   usage: fs [--help] [--recursive | --no-recursive] [--force | --no-force]
//             [--verbose | --no-verbose] [--size | --human]
//             command path [path ...] ...
//
// laid out and wrapped by the rules of Python 3.11's argparse.HelpFormatter (options first, then
// positionals; mutually exclusive groups in brackets with '|'; lines broken between parts to fit
// the terminal's width less 2).
#pragma once

#include <string>

#include "remote/cli/command_syntax.h"

namespace mpy {

// The width argparse wraps to when stdout is not a terminal and COLUMNS is unset.
inline constexpr int kDefaultTerminalColumns = 80;

// "usage: ...\n" for a terminal `columns` wide.
std::string format_usage(const CommandSyntax& syntax, int columns = kDefaultTerminalColumns);

}  // namespace mpy
