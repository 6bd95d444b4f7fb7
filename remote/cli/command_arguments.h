// One command's words parsed as mpremote parses them: by the command's argparse parser, whose
// rules (Python 3.11's argparse) mpr follows so that the same command line means the same thing
// and fails the same way:
//  - options may come before, between and after positionals until the positionals are complete;
//    what follows them (options included) is left for the next command;
//  - long options may be abbreviated ("--rec"), short ones bundled ("-rv") or joined to their
//    value ("-p1"), values given as "--capture=FILE"; "--" ends the options;
//  - a wrong command line is a UsageError with argparse's message, for which mpr prints the
//    command's usage and "CMD: error: MESSAGE" and exits with status 2, as mpremote does.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "remote/cli/command_line.h"
#include "remote/cli/command_syntax.h"

namespace mpy {

// A command line that does not fit a command's syntax.
class UsageError : public std::runtime_error {
public:
    UsageError(std::string command, std::string message);
    const std::string& command() const { return command_; }  // the command's name
    const std::string& message() const { return message_; }  // argparse's wording

private:
    std::string command_;
    std::string message_;
};

// `CMD -h` or `CMD --help`: mpremote prints the command's help and exits with status 0.
class HelpRequested : public std::runtime_error {
public:
    explicit HelpRequested(std::string command);
    const std::string& command() const { return command_; }

private:
    std::string command_;
};

struct CommandArguments {
    ParsedCommand command;
    std::vector<std::string> rest;  // the words left for the next command
};

// Parses `words` (the command's words up to the next '+', its name excluded) for `spec`.
// Throws UsageError or HelpRequested.
CommandArguments parse_command_arguments(const CommandSpec& spec, const std::vector<std::string>& words);

// Python's repr() of a string, as argparse quotes a word in its messages: 'x', "it's".
std::string python_repr(const std::string& s);

}  // namespace mpy
