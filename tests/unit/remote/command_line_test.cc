#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "remote/cli/command_arguments.h"
#include "remote/cli/command_line.h"

namespace mpy {
namespace {

std::vector<ParsedCommand> parse(std::vector<std::string> args, AliasTable aliases = builtin_aliases()) {
    return parse_commands(std::move(args), aliases);
}

TEST(MprCommandLine, FixedArgumentCommandsChainWithoutPlus) {
    auto c = parse({"eval", "1/2", "eval", "3/4"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].name, "eval");
    EXPECT_EQ(c[0].args, std::vector<std::string>{"1/2"});
    EXPECT_EQ(c[1].args, std::vector<std::string>{"3/4"});
}

TEST(MprCommandLine, GreedyCommandsStopAtPlus) {
    auto c = parse({"fs", "cp", "a.py", "b.py", ":", "+", "repl"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].name, "fs");
    EXPECT_EQ(c[0].args, (std::vector<std::string>{"cp", "a.py", "b.py", ":"}));
    EXPECT_EQ(c[1].name, "repl");
    // Without '+', "repl" would be a path.
    auto d = parse({"cp", "a.py", ":", "repl"});
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].args.back(), "repl");
}

TEST(MprCommandLine, OptionsBeforeAndBetweenArgumentsAndNegated) {
    auto c = parse({"exec", "--no-follow", "import app", "fs", "-rv", "cp", "--force", "lib", ":"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_FALSE(c[0].flag("follow", true));
    EXPECT_EQ(c[0].args, std::vector<std::string>{"import app"});
    EXPECT_TRUE(c[1].flag("recursive"));
    EXPECT_TRUE(c[1].flag("force"));
    EXPECT_EQ(c[1].value("verbose"), "1");
    EXPECT_EQ(c[1].args, (std::vector<std::string>{"cp", "lib", ":"}));
    auto d = parse({"exec", "print(1)"});
    EXPECT_TRUE(d[0].flag("follow", false));  // default on
}

// As argparse with mpremote's catch-all for the next command: once a command's arguments are
// complete, the words after them (options too) are the next command's.
TEST(MprCommandLine, AnOptionAfterTheArgumentsStartsTheNextCommand) {
    try {
        parse({"fs", "cp", "lib", ":", "--force"});
        FAIL() << "--force after the paths was taken";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().message, "'--force' is not a command");
    }
    EXPECT_THROW(parse({"exec", "x", "--no-follow", "y"}), DiagnosticError);
    // A "--" after an argument goes with it (argparse drops it), the next word is a command.
    auto c = parse({"exec", "x", "--", "version"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].args, std::vector<std::string>{"x"});
    EXPECT_EQ(c[1].name, "version");
}

TEST(MprCommandLine, ValueOptions) {
    auto c = parse({"repl", "--capture", "log.txt", "--inject-code=import demo"});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].value("capture"), "log.txt");
    EXPECT_EQ(c[0].value("inject-code"), "import demo");
    EXPECT_THROW(parse({"repl", "--capture"}), UsageError);
    EXPECT_THROW(parse({"repl", "--bogus"}), UsageError);
}

TEST(MprCommandLine, NegativeNumbersAreArguments) {
    auto c = parse({"eval", "-1"});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].args, std::vector<std::string>{"-1"});
}

TEST(MprCommandLine, LsAndTreeDefaultToCurrentDirectory) {
    auto c = parse({"ls"});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].args, (std::vector<std::string>{"ls", ""}));
    auto t = parse({"fs", "tree", "-s"});
    EXPECT_EQ(t[0].args, (std::vector<std::string>{"tree", ""}));
    EXPECT_TRUE(t[0].flag("size"));
}

TEST(MprCommandLine, BuiltinShortcuts) {
    auto c = parse({"a1", "ls", ":lib"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].name, "connect");
    EXPECT_EQ(c[0].args, std::vector<std::string>{"/dev/ttyACM1"});
    EXPECT_EQ(c[1].args, (std::vector<std::string>{"ls", ":lib"}));
    auto d = parse({"devs"});
    EXPECT_EQ(d[0].name, "connect");
    EXPECT_EQ(d[0].args, std::vector<std::string>{"list"});
    auto r = parse({"reset"});
    EXPECT_EQ(r[0].name, "exec");
    EXPECT_FALSE(r[0].flag("follow", true));
    EXPECT_NE(r[0].args[0].find("machine.reset()"), std::string::npos);
    EXPECT_EQ(parse({"--version"})[0].name, "version");
}

TEST(MprCommandLine, UserAliasesWithParameters) {
    AliasTable t = builtin_aliases();
    add_alias(t, "double x=4", {"eval", "x*2"});
    add_alias(t, "times x y", {"eval", "x*y"});
    add_alias(t, "c33", split_words("connect id:334D335C3138"));

    auto d = parse({"double"}, t);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].name, "exec");
    EXPECT_EQ(d[0].args, std::vector<std::string>{"x=4"});
    EXPECT_EQ(d[1].args, std::vector<std::string>{"x*2"});

    auto m = parse({"times", "3", "y=7"}, t);
    EXPECT_EQ(m[0].args, std::vector<std::string>{"x=3;y=7"});
    EXPECT_THROW(parse({"times", "3"}, t), DiagnosticError);

    auto c = parse({"c33", "exec", "1"}, t);
    EXPECT_EQ(c[0].args, std::vector<std::string>{"id:334D335C3138"});
    EXPECT_EQ(c[1].name, "exec");
}

TEST(MprCommandLine, SelfReferentialAliasIsAnError) {
    AliasTable t;
    add_alias(t, "loop", {"loop"});
    EXPECT_THROW(parse({"loop"}, t), DiagnosticError);
}

TEST(MprCommandLine, Errors) {
    // Not a command: a plain error (exit 1), as mpremote's.
    EXPECT_THROW(parse({"frobnicate"}), DiagnosticError);
    // A command's missing arguments: a usage error (exit 2).
    EXPECT_THROW(parse({"connect"}), UsageError);
    EXPECT_THROW(parse({"fs"}), UsageError);
    EXPECT_THROW(parse({"cat"}), UsageError);
    EXPECT_THROW(parse({"exec"}), UsageError);
}

// mpremote's help and version print and exit: nothing after them is parsed (so no usage error
// for what follows) or run.
TEST(MprCommandLine, HelpAndVersionEndTheCommandLine) {
    auto c = parse({"exec", "1", "version", "--", "--size", "+", "exec"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[1].name, "version");
    auto h = parse({"help", "-", "frobnicate"});
    ASSERT_EQ(h.size(), 1u);
    EXPECT_EQ(h[0].name, "help");
}

TEST(MprCommandLine, SplitWords) {
    EXPECT_EQ(split_words("  connect   id:1 "), (std::vector<std::string>{"connect", "id:1"}));
    EXPECT_TRUE(split_words("").empty());
}

}  // namespace
}  // namespace mpy
