// The usage texts mpr prints before a usage error, against the texts mpremote 1.27.0 prints
// (recorded from it with Python 3.11's argparse: stdout not a terminal, COLUMNS as given).
#include <gtest/gtest.h>

#include "remote/cli/command_line.h"
#include "remote/cli/command_usage.h"

namespace mpy {
namespace {

std::string usage_of(const std::string& command, int columns = kDefaultTerminalColumns) {
    return format_usage(command_syntax(*find_command(command)), columns);
}

TEST(MprCommandUsage, OneLineWhenItFits) {
    EXPECT_EQ(usage_of("exec"), "usage: exec [-h] [--follow | --no-follow] expr ...\n");
    EXPECT_EQ(usage_of("connect"), "usage: connect [-h] device ...\n");
    EXPECT_EQ(usage_of("edit"), "usage: edit [-h] files [files ...] ...\n");
    EXPECT_EQ(usage_of("rtc"), "usage: rtc [-h] [--set | --no-set] ...\n");
    EXPECT_EQ(usage_of("sleep"), "usage: sleep [-h] ms ...\n");
    EXPECT_EQ(usage_of("mount"), "usage: mount [-h] [--unsafe-links | --no-unsafe-links] path ...\n");
}

TEST(MprCommandUsage, WrappedUnderTheCommandsName) {
    // The text mpremote's own test (test_fs_tree.sh.exp) expects.
    EXPECT_EQ(usage_of("fs"),
              "usage: fs [--help] [--recursive | --no-recursive] [--force | --no-force]\n"
              "          [--verbose | --no-verbose] [--size | --human]\n"
              "          command path [path ...] ...\n");
    // Value options with their metavar; the positionals on a line of their own.
    EXPECT_EQ(usage_of("repl"),
              "usage: repl [-h] [--escape-non-printable | --no-escape-non-printable]\n"
              "            [--capture CAPTURE] [--inject-code INJECT_CODE]\n"
              "            [--inject-file INJECT_FILE]\n"
              "            ...\n");
    EXPECT_EQ(usage_of("romfs"),
              "usage: romfs [-h] [--mpy | --no-mpy] [--partition PARTITION] [--output OUTPUT]\n"
              "             command [path] ...\n");
    // mpremote's mip options and then mpr's own.
    EXPECT_EQ(usage_of("mip"),
              "usage: mip [-h] [--mpy | --no-mpy] [--target TARGET] [--index INDEX]\n"
              "           [--compile | --no-compile] [--dry-run] [--output OUTPUT]\n"
              "           [--mpy-version MPY_VERSION] [--cacert CACERT]\n"
              "           command packages [packages ...] ...\n");
}

TEST(MprCommandUsage, NarrowTerminals) {
    EXPECT_EQ(usage_of("fs", 40),
              "usage: fs [--help]\n"
              "          [--recursive | --no-recursive]\n"
              "          [--force | --no-force]\n"
              "          [--verbose | --no-verbose]\n"
              "          [--size | --human]\n"
              "          command path [path ...] ...\n");
    EXPECT_EQ(usage_of("romfs", 20),
              "usage: romfs [-h]\n"
              "             [--mpy | --no-mpy]\n"
              "             [--partition PARTITION]\n"
              "             [--output OUTPUT]\n"
              "             command\n"
              "             [path]\n"
              "             ...\n");
    // A name longer than three quarters of the width goes on a line of its own.
    EXPECT_EQ(usage_of("soft-reset", 20), "usage: soft-reset\n       [-h] ...\n");
    EXPECT_EQ(usage_of("soft-reset", 12), "usage: soft-reset\n       [-h]\n       ...\n");
    EXPECT_EQ(usage_of("fs", 12),
              "usage: fs\n       [--help]\n       [--recursive | --no-recursive]\n       [--force | --no-force]\n"
              "       [--verbose | --no-verbose]\n       [--size | --human]\n       command\n       path\n"
              "       [path ...]\n       ...\n");
}

TEST(MprCommandUsage, EveryCommandHasOne) {
    for (const CommandSpec& spec : command_table()) {
        std::string usage = usage_of(spec.name);
        EXPECT_EQ(usage.rfind("usage: " + spec.name + " ", 0), 0u) << usage;
        // Every command ends with the words left for the next one.
        EXPECT_EQ(usage.substr(usage.size() - 4), "...\n") << usage;
        for (const PositionalSpec& p : spec.positionals) EXPECT_NE(usage.find(p.name), std::string::npos) << usage;
        for (const OptionSpec& o : spec.options)
            EXPECT_EQ(usage.find("--" + o.name) != std::string::npos, !o.hidden_in_usage) << usage;
    }
}

TEST(MprCommandUsage, HiddenOptionsStillParse) {
    // connect's --password (WebREPL) is mpr's own: accepted after the device as well, but not in
    // mpremote's usage text.
    EXPECT_EQ(usage_of("connect"), "usage: connect [-h] device ...\n");
    std::vector<ParsedCommand> cmds =
        parse_commands({"connect", "ws://127.0.0.1:8266", "--password", "pw", "exec", "1"}, builtin_aliases());
    ASSERT_EQ(cmds.size(), 2u);
    EXPECT_EQ(cmds[0].args, std::vector<std::string>{"ws://127.0.0.1:8266"});
    EXPECT_EQ(cmds[0].value("password"), "pw");
    EXPECT_EQ(cmds[1].name, "exec");
    cmds = parse_commands({"connect", "--password=x", "ws://h:1"}, builtin_aliases());
    EXPECT_EQ(cmds.at(0).value("password"), "x");
}

}  // namespace
}  // namespace mpy
