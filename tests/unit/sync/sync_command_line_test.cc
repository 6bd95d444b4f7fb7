// sync and watch on the command line: the board folder is taken only when written with ':'.
#include <gtest/gtest.h>

#include "remote/cli/command_arguments.h"
#include "remote/cli/command_line.h"

namespace mpy {
namespace {

std::vector<ParsedCommand> parse(std::vector<std::string> words) { return parse_commands(std::move(words), {}); }

TEST(SyncCommandLine, TheBoardFolderIsOptionalAndWrittenWithAColon) {
    auto c = parse({"sync", "src"});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].args, (std::vector<std::string>{"src"}));
    c = parse({"sync", "src", ":lib", "+", "exec", "import main"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].args, (std::vector<std::string>{"src", ":lib"}));
    EXPECT_EQ(c[1].name, "exec");
}

TEST(SyncCommandLine, AWordWithoutColonStartsTheNextCommand) {
    auto c = parse({"sync", "--delete", "src", "exec", "import main"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].args, (std::vector<std::string>{"src", ":"}));
    EXPECT_TRUE(c[0].flag("delete"));
    EXPECT_EQ(c[1].name, "exec");
    EXPECT_EQ(c[1].args, (std::vector<std::string>{"import main"}));
    // An option's value is not the local folder.
    c = parse({"watch", "--run", "main.py", "src", "soft-reset"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].value("run"), "main.py");
    EXPECT_EQ(c[0].args, (std::vector<std::string>{"src", ":"}));
    EXPECT_EQ(c[1].name, "soft-reset");
}

TEST(SyncCommandLine, ExcludeRepeats) {
    auto c = parse({"sync", "--exclude", "*.txt", "--exclude=tests", "-n", "src", ":"});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].value("exclude"), "*.txt\ntests");
    EXPECT_TRUE(c[0].flag("dry-run"));
}

TEST(SyncCommandLine, WatchRunsAProgramOrResetsNotBoth) {
    EXPECT_THROW(parse({"watch", "--run", "main.py", "--reset", "src"}), UsageError);
    EXPECT_THROW(parse({"sync"}), UsageError);
}

}  // namespace
}  // namespace mpy
