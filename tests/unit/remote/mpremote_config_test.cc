// mpremote's config.py, read by mpr without Python.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/diagnostics.h"
#include "remote/cli/command_line.h"
#include "remote/config/mpremote_config.h"
#include "remote/config/user_config.h"

namespace mpy {
namespace {

using ::testing::HasSubstr;

// The example config.py of mpremote's documentation (docs/reference/mpremote.rst), as users have it.
constexpr const char* kDocumentedExample = R"PY(
commands = {
    "c33": "connect id:334D335C3138", # Connect to a specific device by ID.
    "bl": "bootloader", # Shorter alias for bootloader.
    "double x=4": "eval x*2",  # x is an argument, with default 4
    "wl_scan": ["exec", """
import network
wl = network.WLAN()
wl.active(1)
for ap in wl.scan():
    print(ap)
""",], # Print out nearby WiFi networks.
    "test": ["mount", ".", "exec", "import test"], # Mount current directory and run test.py.
    "demo": ["run", "path/to/demo.py"], # Execute demo.py on the device.
}
)PY";

TEST(MprMpremoteConfig, ReadsTheDocumentedExample) {
    UserConfig c = parse_mpremote_config(kDocumentedExample, "config.py");
    ASSERT_EQ(c.aliases.size(), 6u);
    EXPECT_EQ(c.aliases.at("c33").expansion, (std::vector<std::string>{"connect", "id:334D335C3138"}));
    EXPECT_EQ(c.aliases.at("bl").expansion, (std::vector<std::string>{"bootloader"}));
    EXPECT_EQ(c.aliases.at("double").params.at(0).first, "x");
    EXPECT_EQ(c.aliases.at("double").params.at(0).second, "4");
    EXPECT_EQ(c.aliases.at("double").expansion, (std::vector<std::string>{"eval", "x*2"}));
    EXPECT_EQ(c.aliases.at("wl_scan").expansion,
              (std::vector<std::string>{"exec", "\nimport network\nwl = network.WLAN()\nwl.active(1)\nfor ap in wl.scan():\n    print(ap)\n"}));
    EXPECT_EQ(c.aliases.at("demo").expansion, (std::vector<std::string>{"run", "path/to/demo.py"}));

    // The aliases expand as mpr's own do.
    AliasTable all = builtin_aliases();
    for (auto& [k, v] : c.aliases) all[k] = v;
    auto cmds = parse_commands({"double", "5"}, all);
    ASSERT_EQ(cmds.size(), 2u);
    EXPECT_EQ(cmds[0].name, "exec");
    EXPECT_EQ(cmds[1].name, "eval");
    EXPECT_EQ(cmds[1].args.at(0), "x*2");
}

TEST(MprMpremoteConfig, AcceptsTuplesHelpDocstringsAndEscapes) {
    UserConfig c = parse_mpremote_config(
        "'''My aliases.'''\n"
        "commands = {\n"
        "    'hi': ('exec', 'print(\"hi\\tthere\")'),\n"
        "    \"up\": {\"command\": \"fs cp main.py :main.py\", \"help\": \"upload main\"},\n"
        "    'cat' 'x': r'fs cat :x\\y',\n"  // adjacent literals join; raw string keeps the backslash
        "}\n",
        "config.py");
    EXPECT_EQ(c.aliases.at("hi").expansion, (std::vector<std::string>{"exec", "print(\"hi\tthere\")"}));
    EXPECT_EQ(c.aliases.at("up").expansion, (std::vector<std::string>{"fs", "cp", "main.py", ":main.py"}));
    EXPECT_EQ(c.aliases.at("up").help, "upload main");
    EXPECT_EQ(c.aliases.at("catx").expansion, (std::vector<std::string>{"fs", "cat", ":x\\y"}));
}

TEST(MprMpremoteConfig, WhatNeedsPythonIsAnErrorNamingTheLine) {
    auto error_of = [](const std::string& source) -> Diagnostic {
        try {
            parse_mpremote_config(source, "/home/u/.config/mpremote/config.py");
        } catch (const DiagnosticError& e) {
            return e.diagnostic();
        }
        ADD_FAILURE() << "accepted: " << source;
        return {};
    };
    Diagnostic d = error_of("import os\ncommands = {}\n");
    EXPECT_EQ(d.where.file, "/home/u/.config/mpremote/config.py");
    EXPECT_EQ(d.where.line, 1);
    EXPECT_THAT(d.message, HasSubstr("a statement other than `commands = {...}`"));
    d = error_of("commands = {}\ncommands['x'] = 'eval 1'\n");
    EXPECT_EQ(d.where.line, 2);
    d = error_of("commands = dict(x='eval 1')\n");
    EXPECT_THAT(d.message, HasSubstr("not a {...} display"));
    d = error_of("commands = {\n  'a': 'eval 1',\n  'b': 42,\n}\n");
    EXPECT_THAT(d.message, HasSubstr("alias \"b\" is not a string"));
    d = error_of("commands = {'a': ['exec', 1 + 1]}\n");
    EXPECT_THAT(d.message, HasSubstr("alias \"a\""));
    // A Python syntax error is reported like mpyc's, with the line.
    d = error_of("commands = {\n  'a': 'eval 1'\n  'b': 'eval 2'\n}\n");
    EXPECT_EQ(d.kind, "SyntaxError");
    EXPECT_EQ(d.where.file, "/home/u/.config/mpremote/config.py");
}

// load_configuration: mpr's own file first; mpremote's only without one and without $MPR_CONFIG.
class MprConfigChoice : public ::testing::Test {
protected:
    void SetUp() override {
        home_ = std::filesystem::temp_directory_path() / ("mpr-config-choice-" + std::to_string(::getpid()));
        std::filesystem::remove_all(home_);
        std::filesystem::create_directories(home_ / "mpremote");
        std::filesystem::create_directories(home_ / "mpr");
        for (const char* name : {"MPR_CONFIG", "XDG_CONFIG_HOME"}) {
            const char* v = std::getenv(name);
            saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
        }
        ::unsetenv("MPR_CONFIG");
        ::setenv("XDG_CONFIG_HOME", home_.c_str(), 1);
    }
    void TearDown() override {
        for (const auto& [name, value] : saved_) {
            if (value) ::setenv(name.c_str(), value->c_str(), 1);
            else ::unsetenv(name.c_str());
        }
        std::filesystem::remove_all(home_);
    }
    void write(const std::filesystem::path& rel, const std::string& text) { std::ofstream(home_ / rel) << text; }

    std::filesystem::path home_;
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(MprConfigChoice, MpremoteConfigIsTheFallback) {
    write("mpremote/config.py", "commands = {'hi': 'eval 1'}\n");
    UserConfig c = load_configuration();
    EXPECT_EQ(c.path, home_ / "mpremote" / "config.py");
    EXPECT_EQ(c.aliases.count("hi"), 1u);

    write("mpr/config.json", R"({"commands": {"own": "eval 2"}})");
    c = load_configuration();
    EXPECT_EQ(c.path, home_ / "mpr" / "config.json");
    EXPECT_EQ(c.aliases.count("own"), 1u);
    EXPECT_EQ(c.aliases.count("hi"), 0u) << "mpr's own file wins; the two are not merged";

    std::filesystem::remove(home_ / "mpr" / "config.json");
    ::setenv("MPR_CONFIG", (home_ / "missing.json").c_str(), 1);
    c = load_configuration();
    EXPECT_TRUE(c.aliases.empty()) << "a file chosen by $MPR_CONFIG is not replaced by mpremote's";
}

}  // namespace
}  // namespace mpy
