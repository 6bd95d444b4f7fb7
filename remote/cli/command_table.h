// mpr's commands, one entry each: the name, the options, how many arguments, the help text and
// the function that runs it.  The parser (command_line.cc) reads the syntax from here, the
// Session dispatches to the entry's handler and `help` prints the entry's text, so adding a
// command is adding an entry (and writing its handler).
//
// The table names Session only by declaration: the parser stays free of it and can be tested
// on its own.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mpy {

class Session;
struct ParsedCommand;

// What a value must look like (argparse's `type=`): a word that is not one is a usage error
// ("invalid float value: 'x'").
enum class ValueKind { text, integer, real };

struct OptionSpec {
    std::string name;  // long name without "--"
    char short_name;   // 0 if none
    bool takes_value;
    bool negatable;    // accepts --no-NAME
    std::string dflt;  // value when absent ("" for value options)
    // Options sharing a non-empty group exclude each other, as an argparse mutually exclusive
    // group (fs's --size and --human).  A negatable flag is always a group of its own with its
    // --no- form.
    std::string exclusive_group = {};
    ValueKind kind = ValueKind::text;  // of a value option's value
    // The value's name in the usage text; "" means argparse's default, NAME in capitals.
    std::string metavar = {};
    // argparse's action="append": each use adds a value; ParsedCommand holds them joined by '\n'
    // (sync's --exclude).
    bool repeatable = false;
    // argparse's help=SUPPRESS: accepted, but not shown in the usage text (mpr's own options on
    // mpremote's commands, so that the usage texts stay mpremote's: connect's --password).
    bool hidden_in_usage = false;
};

// A positional argument as mpremote's argparse parser declares it.
struct PositionalSpec {
    enum class Count { one, one_or_more, optional };
    std::string name;  // as the usage text and the error messages show it ("expr", "path")
    Count count = Count::one;
    ValueKind kind = ValueKind::text;
};

struct CommandSpec {
    // Runs the command; returns the exit status (0 or 1) or throws DiagnosticError.
    using Handler = int (*)(Session&, const ParsedCommand&);
    // Completes or checks the parsed command (its arguments, its options' combinations) after
    // its words are parsed (may throw).
    using ArgumentsHook = void (*)(ParsedCommand& command);
    // Rewrites the command's words (up to the next '+') before they are parsed.
    using WordsHook = void (*)(std::vector<std::string>& words);

    std::string name;
    std::vector<OptionSpec> options;
    // Exactly this many arguments (the next word starts the next command); with `greedy`, at
    // least this many and every word up to the next '+'.
    std::size_t min_args;
    bool greedy;
    std::string help;
    Handler handler;
    ArgumentsHook complete_args = nullptr;
    // The positional arguments, in order, as mpremote declares them: the parser follows argparse's
    // rules with them (command_arguments.h), the usage text names them (command_usage.h).
    // `min_args` and `greedy` say the same in short (a unit test keeps them in agreement).
    std::vector<PositionalSpec> positionals = {};
    WordsHook prepare_words = nullptr;
    // The program ends after this command (mpremote's help and version "print ... and exit"):
    // the words after it are neither parsed nor run.
    bool ends_the_command_line = false;
    // The command writes the board's own output (exec, eval, run, repl), which goes past the
    // session's held text (Session::print_at_exit) at once, as mpremote's does; every other
    // command's text comes after the held text.
    bool prints_board_output = false;
};

// Every command, in the order `help` lists them.
const std::vector<CommandSpec>& command_table();
// The entry named `name`, or nullptr.
const CommandSpec* find_command(std::string_view name);

// The file-system commands of `fs` (each also a shortcut: `ls` for `fs ls`), in help order.
inline constexpr std::array<std::string_view, 9> kFsCommands = {
    "cat", "cp", "ls", "mkdir", "rm", "rmdir", "touch", "tree", "sha256sum"};
// "cat, cp, ls, ..., sha256sum", for help texts and messages.
std::string fs_command_list();

// Names of the commands and the one-line description of each (for `help`).
std::vector<std::pair<std::string, std::string>> command_descriptions();

}  // namespace mpy
