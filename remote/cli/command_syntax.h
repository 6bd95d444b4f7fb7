// A command of the table as mpremote's argparse parser sees it: its "actions" (the help option,
// each option form, each positional and the trailing catch-all for the next command) and its
// mutually exclusive groups, in argparse's order.  The parser (command_arguments.h) and the
// usage text (command_usage.h) both read this one model, so they cannot disagree.
#pragma once

#include <string>
#include <vector>

#include "remote/cli/command_table.h"

namespace mpy {

struct SyntaxAction {
    enum class Kind {
        help,        // -h/--help: prints the command's help
        flag_on,     // --NAME, -S: sets the option to "1"
        flag_off,    // --no-NAME: sets it to "0"
        value,       // --NAME VALUE
        positional,  // a positional argument
        remainder,   // the words left for the next command (argparse's nargs=REMAINDER)
    };
    Kind kind;
    std::vector<std::string> option_strings;  // empty for positionals, in argparse's order
    const OptionSpec* option = nullptr;       // flag_on, flag_off, value
    const PositionalSpec* positional = nullptr;
    int group = -1;  // index into CommandSyntax::groups, -1 if none

    bool is_optional() const { return !option_strings.empty(); }
    bool required() const;
    // How argparse names it in an error: "--human/-h", "expr", "next_command".
    std::string display_name() const;
    // The value's name in the usage text ("CAPTURE").
    std::string metavar() const;
};

struct CommandSyntax {
    std::string prog;  // the command's name: argparse's `prog` in mpremote
    std::vector<SyntaxAction> actions;
    std::vector<std::vector<std::size_t>> groups;  // indices into actions, each group contiguous
};

CommandSyntax command_syntax(const CommandSpec& spec);

}  // namespace mpy
