#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "remote/cli/command_line.h"
#include "remote/config/user_config.h"

namespace mpy {
namespace {

TEST(MprUserConfig, ReadsDeviceBaudAndAliases) {
    UserConfig c = parse_user_config(R"({
        // comments are allowed
        "device": "/dev/ttyACM1",
        "baud": 9600,
        "commands": {
            "c33": "connect id:334D335C3138",
            "test": ["exec", "import test"],
            "double x=4": "eval x*2",
            "bl": {"command": "bootloader", "help": "enter the bootloader"}
        }
    })", "config.json");
    EXPECT_EQ(c.device, "/dev/ttyACM1");
    EXPECT_EQ(c.baud, 9600);
    ASSERT_EQ(c.aliases.size(), 4u);
    EXPECT_EQ(c.aliases.at("c33").expansion, (std::vector<std::string>{"connect", "id:334D335C3138"}));
    EXPECT_EQ(c.aliases.at("test").expansion, (std::vector<std::string>{"exec", "import test"}));
    EXPECT_EQ(c.aliases.at("double").params.at(0).first, "x");
    EXPECT_EQ(c.aliases.at("double").params.at(0).second, "4");
    EXPECT_EQ(c.aliases.at("bl").help, "enter the bootloader");

    AliasTable all = builtin_aliases();
    for (auto& [k, v] : c.aliases) all[k] = v;
    auto cmds = parse_commands({"bl"}, all);
    ASSERT_EQ(cmds.size(), 1u);
    EXPECT_EQ(cmds[0].name, "exec");
    EXPECT_NE(cmds[0].args[0].find("machine.bootloader()"), std::string::npos);
}

TEST(MprUserConfig, RejectsMalformedFiles) {
    EXPECT_THROW(parse_user_config("{", "c.json"), DiagnosticError);
    EXPECT_THROW(parse_user_config("[]", "c.json"), DiagnosticError);
    EXPECT_THROW(parse_user_config(R"({"device": 3})", "c.json"), DiagnosticError);
    EXPECT_THROW(parse_user_config(R"({"commands": {"x": 5}})", "c.json"), DiagnosticError);
    EXPECT_THROW(parse_user_config(R"({"commands": {"x": {"help": "no command"}}})", "c.json"), DiagnosticError);
    try {
        parse_user_config("{", "/home/u/.config/mpr/config.json");
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().where.file, "/home/u/.config/mpr/config.json");
    }
}

TEST(MprUserConfig, MissingFileIsEmpty) {
    UserConfig c = load_user_config("/nonexistent/mpr/config.json");
    EXPECT_TRUE(c.device.empty());
    EXPECT_TRUE(c.aliases.empty());
}

}  // namespace
}  // namespace mpy

namespace mpy {
namespace {

TEST(MprUserConfigConnection, BaudrateDtrRtsAndResetOnConnect) {
    UserConfig c = parse_user_config(
        R"({"baudrate": 921600, "dtr": "off", "rts": true, "reset_on_connect": false})", "config.json");
    EXPECT_EQ(c.baud, 921600);
    EXPECT_EQ(c.dtr, std::optional<bool>(false));
    EXPECT_EQ(c.rts, std::optional<bool>(true));
    EXPECT_FALSE(c.reset_on_connect);
    UserConfig d = parse_user_config("{}", "config.json");
    EXPECT_FALSE(d.dtr.has_value());
    EXPECT_TRUE(d.reset_on_connect);
    EXPECT_THROW(parse_user_config(R"({"dtr": "maybe"})", "config.json"), DiagnosticError);
    EXPECT_THROW(parse_user_config(R"({"baudrate": 0})", "config.json"), DiagnosticError);
}

TEST(MprUserConfigConnection, WebReplPassword) {
    EXPECT_EQ(parse_user_config(R"({"webrepl_password": "s3cret"})", "config.json").webrepl_password, "s3cret");
    EXPECT_EQ(parse_user_config("{}", "config.json").webrepl_password, "");
    try {
        parse_user_config(R"({"webrepl_password": 1234})", "config.json");
        FAIL() << "a number was taken as a password";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("\"webrepl_password\" must be a string"), std::string::npos);
    }
}

}  // namespace
}  // namespace mpy
