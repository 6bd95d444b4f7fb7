// The command table is the one description of mpr's commands: the parser, the dispatcher, `help`
// and the manual page must agree with it on every command.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "common/diagnostics.h"
#include "remote/cli/command_arguments.h"
#include "remote/cli/command_line.h"
#include "remote/cli/command_table.h"
#include "remote/cli/session.h"

namespace mpy {
namespace {

// The words that satisfy `spec`'s required arguments ("fs" needs a file-system command first,
// "sleep" a number).
std::vector<std::string> arguments_for(const CommandSpec& spec) {
    std::vector<std::string> args;
    for (const PositionalSpec& p : spec.positionals)
        if (p.count != PositionalSpec::Count::optional) args.push_back(p.kind == ValueKind::text ? "arg" : "1");
    if (spec.name == "fs") args[0] = "cat";
    return args;
}

// sync and watch take their optional second word only when it names a board folder (":lib"); any
// other word starts the next command (tests/unit/sync/sync_command_line_test.cc).
bool optional_word_must_be_a_board_path(const CommandSpec& spec) { return spec.name == "sync" || spec.name == "watch"; }

bool takes_more_words(const CommandSpec& spec) {
    if (optional_word_must_be_a_board_path(spec)) return false;
    return std::any_of(spec.positionals.begin(), spec.positionals.end(),
                       [](const PositionalSpec& p) { return p.count != PositionalSpec::Count::one; });
}

std::vector<std::string> with_name(const CommandSpec& spec, std::vector<std::string> rest) {
    rest.insert(rest.begin(), spec.name);
    return rest;
}

std::string escaped_for_man(const std::string& name) {
    std::string out;
    for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

TEST(MprCommandTable, NamesAreUniqueAndEveryEntryIsComplete) {
    std::set<std::string> names;
    for (const CommandSpec& spec : command_table()) {
        EXPECT_TRUE(names.insert(spec.name).second) << spec.name << " twice";
        EXPECT_FALSE(spec.help.empty()) << spec.name;
        EXPECT_NE(spec.handler, nullptr) << spec.name;
        EXPECT_EQ(find_command(spec.name), &spec);
        std::set<char> shorts;
        for (const OptionSpec& o : spec.options) {
            if (o.short_name) {
                EXPECT_TRUE(shorts.insert(o.short_name).second) << spec.name << " -" << o.short_name;
            }
        }
    }
    EXPECT_EQ(find_command("no-such-command"), nullptr);
}

// `min_args` and `greedy` are the positionals in short: they must say the same.
TEST(MprCommandTable, ArityAgreesWithThePositionals) {
    for (const CommandSpec& spec : command_table()) {
        std::size_t required = 0;
        bool greedy = false;
        for (const PositionalSpec& p : spec.positionals) {
            if (p.count != PositionalSpec::Count::optional) ++required;
            if (p.count == PositionalSpec::Count::one_or_more) greedy = true;
        }
        EXPECT_EQ(spec.min_args, required) << spec.name;
        EXPECT_EQ(spec.greedy, greedy) << spec.name;
    }
}

TEST(MprCommandTable, TheParserKnowsEveryCommandWithItsArity) {
    const AliasTable none;
    for (const CommandSpec& spec : command_table()) {
        auto parsed = parse_commands(with_name(spec, arguments_for(spec)), none);
        ASSERT_EQ(parsed.size(), 1u) << spec.name;
        EXPECT_EQ(parsed[0].name, spec.name);
        EXPECT_EQ(parsed[0].args, arguments_for(spec));
        // One word more: a greedy command (or one with an optional argument) takes it, any
        // other ends and the word is the next command.
        auto args = with_name(spec, arguments_for(spec));
        args.push_back("version");
        parsed = parse_commands(args, none);
        if (spec.ends_the_command_line) {
            // help and version end the program: what follows is never read.
            ASSERT_EQ(parsed.size(), 1u) << spec.name;
        } else if (takes_more_words(spec)) {
            ASSERT_EQ(parsed.size(), 1u) << spec.name;
            EXPECT_EQ(parsed[0].args.back(), "version");
        } else {
            ASSERT_EQ(parsed.size(), 2u) << spec.name;
            EXPECT_EQ(parsed[1].name, "version");
        }
        if (spec.min_args > 0) {
            auto short_of_one = with_name(spec, arguments_for(spec));
            short_of_one.pop_back();
            EXPECT_THROW(parse_commands(short_of_one, none), UsageError) << spec.name;
        }
    }
}

TEST(MprCommandTable, TheParserKnowsEveryOptionInEveryForm) {
    const AliasTable none;
    for (const CommandSpec& spec : command_table()) {
        auto defaults = parse_commands(with_name(spec, arguments_for(spec)), none)[0];
        for (const OptionSpec& o : spec.options) {
            EXPECT_EQ(defaults.value(o.name), o.dflt) << spec.name << " --" << o.name;
            const std::string v = o.kind == ValueKind::text ? "v" : "1";
            std::vector<std::string> long_form = {"--" + o.name};
            if (o.takes_value) long_form.push_back(v);
            auto args = with_name(spec, arguments_for(spec));
            args.insert(args.begin() + 1, long_form.begin(), long_form.end());
            EXPECT_EQ(parse_commands(args, none)[0].value(o.name), o.takes_value ? v : "1")
                << spec.name << " --" << o.name;
            if (o.short_name) {
                auto short_args = with_name(spec, arguments_for(spec));
                short_args.insert(short_args.begin() + 1, std::string("-") + o.short_name);
                if (o.takes_value) short_args.insert(short_args.begin() + 2, v);
                EXPECT_EQ(parse_commands(short_args, none)[0].value(o.name), o.takes_value ? v : "1")
                    << spec.name << " -" << o.short_name;
            }
            if (o.negatable) {
                auto negated = with_name(spec, arguments_for(spec));
                negated.insert(negated.begin() + 1, "--no-" + o.name);
                EXPECT_EQ(parse_commands(negated, none)[0].value(o.name), "0") << spec.name << " --no-" << o.name;
            }
        }
        // An unknown option before the arguments: argparse's "unrecognized arguments".
        auto bogus = with_name(spec, arguments_for(spec));
        bogus.insert(bogus.begin() + 1, "--no-such-option");
        try {
            parse_commands(bogus, none);
            ADD_FAILURE() << spec.name << " accepted --no-such-option";
        } catch (const UsageError& e) {
            EXPECT_EQ(e.command(), spec.name);
            EXPECT_EQ(e.message(), "unrecognized arguments: --no-such-option");
        }
    }
}

TEST(MprCommandTable, EveryFsCommandHasItsShortcut) {
    AliasTable aliases = builtin_aliases();
    for (std::string_view fs_cmd : kFsCommands) {
        auto parsed = parse_commands({std::string(fs_cmd), "x"}, aliases);
        ASSERT_EQ(parsed.size(), 1u);
        EXPECT_EQ(parsed[0].name, "fs");
        EXPECT_EQ(parsed[0].args, (std::vector<std::string>{std::string(fs_cmd), "x"}));
    }
    EXPECT_NE(find_command("fs")->help.find(fs_command_list()), std::string::npos);
}

TEST(MprCommandTable, HelpThroughTheDispatcherListsEveryCommand) {
    SessionOptions opts;
    opts.aliases = builtin_aliases();
    Session session(std::move(opts));
    ::testing::internal::CaptureStdout();
    int status = session.run({ParsedCommand{"help", {}, {}}});
    std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(status, 0);
    for (const CommandSpec& spec : command_table()) {
        std::string line_start = "  " + spec.name + " ";
        auto at = out.find(line_start);
        ASSERT_NE(at, std::string::npos) << spec.name;
        EXPECT_NE(out.substr(at, out.find('\n', at) - at).find(spec.help), std::string::npos) << spec.name;
    }
}

TEST(MprCommandTable, TheDispatcherRunsTheEntrysHandler) {
    Session session{SessionOptions{}};
    // Commands that need no board: each answers in its own way.
    ::testing::internal::CaptureStdout();
    EXPECT_EQ(session.run({ParsedCommand{"version", {}, {}}}), 0);
    EXPECT_EQ(::testing::internal::GetCapturedStdout().rfind("mpr ", 0), 0u);
    ::testing::internal::CaptureStdout();
    EXPECT_EQ(session.run({ParsedCommand{"sleep", {}, {"0"}}, ParsedCommand{"version", {}, {}}}), 0);
    EXPECT_EQ(::testing::internal::GetCapturedStdout().rfind("mpr ", 0), 0u);
    try {
        session.run({ParsedCommand{"sleep", {}, {"soon"}}});
        FAIL() << "sleep must reject a word";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().message, "sleep: expected a number of seconds, got 'soon'");
    }
    try {
        session.run({ParsedCommand{"romfs", {}, {"x"}}});
        FAIL() << "romfs must reject an unknown sub-command";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().message, "romfs: 'x' is not a command; pass romfs --help for a list");
    }
}

// mpremote writes the board's output past the text it holds for the end (a pipe's buffer) and its
// own text after it: the table says which commands write the board's output.
TEST(MprCommandTable, OnlyTheCommandsThatRunBoardCodeGoPastTheHeldText) {
    std::set<std::string> board_output;
    for (const CommandSpec& spec : command_table())
        if (spec.prints_board_output) board_output.insert(spec.name);
    EXPECT_EQ(board_output, (std::set<std::string>{"eval", "exec", "repl", "run"}));
    Session session{SessionOptions{}};
    session.print_at_exit("held\n");
    ::testing::internal::CaptureStdout();
    EXPECT_EQ(session.run({ParsedCommand{"version", {}, {}}}), 0);
    EXPECT_EQ(::testing::internal::GetCapturedStdout().rfind("held\nmpr ", 0), 0u);
}

TEST(MprCommandTable, TheManualDocumentsEveryCommand) {
    std::ifstream in(std::string(MPYTOOLS_SOURCE_DIR) + "/man/mpr.1");
    ASSERT_TRUE(in) << "man/mpr.1";
    std::stringstream text;
    text << in.rdbuf();
    std::string man = text.str();
    auto from = man.find(".SH COMMANDS");
    ASSERT_NE(from, std::string::npos);
    std::string commands = man.substr(from, man.find(".SH ", from + 1) - from);
    for (const CommandSpec& spec : command_table())
        EXPECT_NE(commands.find(escaped_for_man(spec.name)), std::string::npos) << spec.name << " is not in man/mpr.1";
    for (std::string_view fs_cmd : kFsCommands)
        EXPECT_NE(commands.find("fs " + escaped_for_man(std::string(fs_cmd))), std::string::npos) << "fs " << fs_cmd;
}

}  // namespace
}  // namespace mpy
