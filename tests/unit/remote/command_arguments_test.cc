// One command's words parsed by argparse's rules: what mpr accepts and the messages it gives, as
// mpremote 1.27.0 (Python 3.11's argparse) gives them for the same words.
#include <gtest/gtest.h>

#include "remote/cli/command_arguments.h"

namespace mpy {
namespace {

CommandArguments parse(const std::string& command, std::vector<std::string> words) {
    return parse_command_arguments(*find_command(command), words);
}

// argparse's message for `words`, or "" when they parse.
std::string message_for(const std::string& command, std::vector<std::string> words) {
    try {
        parse(command, std::move(words));
    } catch (const UsageError& e) {
        EXPECT_EQ(e.command(), command);
        return e.message();
    }
    return "";
}

TEST(MprCommandArguments, MissingArguments) {
    EXPECT_EQ(message_for("exec", {}), "the following arguments are required: expr, next_command");
    EXPECT_EQ(message_for("fs", {}), "the following arguments are required: command, path, next_command");
    EXPECT_EQ(message_for("fs", {"cp"}), "the following arguments are required: path, next_command");
    EXPECT_EQ(message_for("romfs", {}), "the following arguments are required: command, next_command");
    EXPECT_EQ(message_for("exec", {"--no-follow"}), "the following arguments are required: expr, next_command");
}

TEST(MprCommandArguments, UnknownOptionsAndStrayWords) {
    EXPECT_EQ(message_for("exec", {"--foo", "x"}), "unrecognized arguments: --foo");
    EXPECT_EQ(message_for("soft-reset", {"-x"}), "unrecognized arguments: -x");
    EXPECT_EQ(message_for("fs", {"-x"}), "the following arguments are required: command, path, next_command");
    // Between options, the positionals go on; the first option after them is the next
    // command's word.
    CommandArguments c = parse("fs", {"-r", "cp", "--force", "lib", "--verbose", ":"});
    EXPECT_EQ(c.command.args, (std::vector<std::string>{"cp", "lib"}));
    EXPECT_EQ(c.command.value("force"), "1");
    EXPECT_EQ(c.rest, (std::vector<std::string>{"--verbose", ":"}));
}

TEST(MprCommandArguments, OptionValues) {
    EXPECT_EQ(message_for("repl", {"--capture"}), "argument --capture: expected one argument");
    EXPECT_EQ(message_for("repl", {"--capture", "-e"}), "argument --capture: expected one argument");
    EXPECT_EQ(message_for("exec", {"--follow=1", "x"}), "argument --follow/-f: ignored explicit argument '1'");
    EXPECT_EQ(message_for("exec", {"-fx", "y"}), "argument --follow/-f: ignored explicit argument 'x'");
    EXPECT_EQ(message_for("exec", {"-f=", "y"}), "argument --follow/-f: ignored explicit argument ''");
    EXPECT_EQ(message_for("romfs", {"-p", "x", "query"}), "argument --partition/-p: invalid int value: 'x'");
    EXPECT_EQ(message_for("romfs", {"--partition=1.5", "query"}), "argument --partition/-p: invalid int value: '1.5'");
    EXPECT_EQ(message_for("sleep", {"abc"}), "argument ms: invalid float value: 'abc'");
    EXPECT_EQ(message_for("sleep", {"it's"}), "argument ms: invalid float value: \"it's\"");
    for (const char* number : {"1", "-2.5", " 3 ", "1_000", "1e3", ".5", "5.", "inf", "+NaN"})
        EXPECT_EQ(message_for("sleep", {number}), "") << number;
    for (const char* word : {"", "1_", "_1", "1__0", "e3", ".", "1e", "0x10"})
        EXPECT_NE(message_for("sleep", {word}), "") << word;
    // A word starting with '-' that is not a negative number is an (unknown) option.
    EXPECT_EQ(message_for("sleep", {"-inf"}), "the following arguments are required: ms, next_command");
}

TEST(MprCommandArguments, ExclusiveOptions) {
    EXPECT_EQ(message_for("fs", {"ls", "-s", "-h", ""}), "argument --human/-h: not allowed with argument --size/-s");
    EXPECT_EQ(message_for("fs", {"-sh", "ls", ""}), "argument --human/-h: not allowed with argument --size/-s");
    EXPECT_EQ(message_for("fs", {"--human", "--size", "ls", ""}), "argument --size/-s: not allowed with argument --human/-h");
    EXPECT_EQ(message_for("exec", {"--no-follow", "--follow", "x"}), "argument --follow/-f: not allowed with argument --no-follow");
    // The same option twice is no conflict.
    EXPECT_EQ(message_for("exec", {"-f", "--follow", "x"}), "");
}

TEST(MprCommandArguments, AbbreviationsAndBundles) {
    EXPECT_EQ(message_for("fs", {"--no", "ls", ""}),
              "ambiguous option: --no could match --no-recursive, --no-force, --no-verbose");
    EXPECT_EQ(message_for("fs", {"--h", "ls", ""}), "ambiguous option: --h could match --help, --human");
    CommandArguments a = parse("fs", {"--rec", "--no-f", "-rvs", "cp", "a", ":"});
    EXPECT_EQ(a.command.value("recursive"), "1");
    EXPECT_EQ(a.command.value("force"), "0");
    EXPECT_EQ(a.command.value("verbose"), "1");
    EXPECT_EQ(a.command.value("size"), "1");
    EXPECT_EQ(a.command.args, (std::vector<std::string>{"cp", "a", ":"}));
    CommandArguments r = parse("repl", {"--cap=log", "--inject-code", "x=1"});
    EXPECT_EQ(r.command.value("capture"), "log");
    EXPECT_EQ(r.command.value("inject-code"), "x=1");
    EXPECT_EQ(parse("romfs", {"-p2", "-oout.img", "build"}).command.value("partition"), "2");
}

TEST(MprCommandArguments, WhatIsLeftIsTheNextCommand) {
    CommandArguments e = parse("exec", {"x", "--no-follow", "eval", "1"});
    EXPECT_EQ(e.command.args, std::vector<std::string>{"x"});
    EXPECT_EQ(e.rest, (std::vector<std::string>{"--no-follow", "eval", "1"}));
    // "--" ends the options: a word that looks like one is an argument.
    CommandArguments d = parse("exec", {"--", "--no-follow"});
    EXPECT_EQ(d.command.args, std::vector<std::string>{"--no-follow"});
    EXPECT_TRUE(d.rest.empty());
    // Negative numbers and words with spaces are arguments, not options.
    EXPECT_EQ(parse("eval", {"-1"}).command.args, std::vector<std::string>{"-1"});
    EXPECT_EQ(parse("exec", {"-x = 1"}).command.args, std::vector<std::string>{"-x = 1"});
}

// A shell glob may give cp thousands of files: matching them must not recurse once a word (as
// std::regex does, which overflowed the stack at 30000 words).
TEST(MprCommandArguments, LongFileLists) {
    std::vector<std::string> words = {"cp", "-r"};
    for (int i = 0; i < 200000; ++i) words.push_back("f" + std::to_string(i));
    words.push_back(":");
    CommandArguments c = parse("fs", words);
    EXPECT_EQ(c.command.args.size(), 200002u);
    EXPECT_EQ(c.command.args.back(), ":");
    EXPECT_EQ(parse("sleep", {"-" + std::string(100000, '1')}).command.args.size(), 1u);
}

TEST(MprCommandArguments, HelpOption) {
    EXPECT_THROW(parse("exec", {"-h"}), HelpRequested);
    EXPECT_THROW(parse("fs", {"--help"}), HelpRequested);
    // fs's -h is --human.
    EXPECT_EQ(parse("fs", {"-h", "tree", ""}).command.value("human"), "1");
}

TEST(MprCommandArguments, PythonRepr) {
    EXPECT_EQ(python_repr("x"), "'x'");
    EXPECT_EQ(python_repr("it's"), "\"it's\"");
    EXPECT_EQ(python_repr("'\""), "'\\'\"'");
    EXPECT_EQ(python_repr("a\\b\n\x01"), "'a\\\\b\\n\\x01'");
}

}  // namespace
}  // namespace mpy
