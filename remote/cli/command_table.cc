#include "remote/cli/command_table.h"

#include "common/diagnostics.h"
#include "remote/cli/commands.h"

namespace mpy {
namespace {

[[noreturn]] void usage(const std::string& msg) { throw DiagnosticError(Diagnostic{"error", msg, {}}); }

// `fs` needs a file-system command; "fs ls" and "fs tree" list the current directory when no
// path is given.
void complete_fs_args(ParsedCommand& cmd) {
    std::vector<std::string>& args = cmd.args;
    if (args.empty()) usage("fs: missing a file-system command (cat, cp, ls, ...)");
    // As mpremote's argparse group: one size format at a time.
    if (cmd.flag("size") && cmd.flag("human")) usage("fs: argument --human/-h: not allowed with argument --size/-s");
    // "fs ls" and "fs tree" list the current directory when no path is given.
    if (args.size() == 1 && (args[0] == "ls" || args[0] == "tree")) args.push_back("");
}

std::vector<CommandSpec> make_table() {
    const std::vector<OptionSpec> follow = {{"follow", 'f', false, true, "1"}};
    return {
        {"connect", {}, 1, false,
         "connect to given device (list, auto, id:SERIAL, usb:VID:PID, port:PATH, socket://HOST:PORT, sim, or a path)",
         cmd_connect},
        {"disconnect", {}, 0, false, "disconnect current device", cmd_disconnect},
        {"resume", {}, 0, false, "resume a previous session (will not auto soft-reset)", cmd_resume},
        {"soft-reset", {}, 0, false, "perform a soft-reset of the device", cmd_soft_reset},
        {"repl",
         {{"escape-non-printable", 'e', false, true, "0"},
          {"capture", 0, true, false, ""},
          {"inject-code", 0, true, false, ""},
          {"inject-file", 0, true, false, ""}},
         0, false, "enter the REPL (Ctrl-] or Ctrl-x leaves)", cmd_repl},
        {"eval", {}, 1, false, "evaluate and print the string", cmd_exec},
        {"exec", follow, 1, false, "execute the string", cmd_exec},
        {"run", follow, 1, false, "run the given local script", cmd_exec},
        {"fs",
         {{"recursive", 'r', false, true, "0"},
          {"force", 'f', false, true, "0"},
          {"verbose", 'v', false, true, ""},
          {"size", 's', false, false, "0"},
          {"human", 'h', false, false, "0"}},
         2, true, "execute filesystem commands on the device (" + fs_command_list() + ")", cmd_fs,
         complete_fs_args},
        {"df", {}, 0, false, "show the size, used and free space of the device's file systems", cmd_df},
        {"edit", {}, 1, true, "edit files on the device with $EDITOR", cmd_edit},
        {"rtc", {{"set", 's', false, true, "0"}}, 0, false, "get (default) or set the device RTC", cmd_rtc},
        {"sleep", {}, 1, false, "sleep (seconds) before executing the next command", cmd_sleep},
        {"mount", {{"unsafe-links", 'l', false, true, "0"}}, 1, false, "mount a local directory on the device at /remote", cmd_mount},
        {"umount", {}, 0, false, "unmount the local directory", cmd_umount},
        {"mip",
         {{"target", 0, true, false, ""},
          {"index", 0, true, false, ""},
          {"mpy", 'm', false, true, "1"},
          {"compile", 0, false, true, ""},
          {"dry-run", 'n', false, false, "0"},
          {"output", 'o', true, false, ""},
          {"mpy-version", 0, true, false, ""},
          {"cacert", 0, true, false, ""}},
         1, true, "install packages (install|list|uninstall|download; see man mpr)", cmd_mip},
        {"romfs", {}, 1, true, "(not supported by mpr)", cmd_not_supported},
        {"help", {}, 0, false, "print help and exit", cmd_help},
        {"version", {}, 0, false, "print version and exit", cmd_version},
    };
}

}  // namespace

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = make_table();
    return table;
}

const CommandSpec* find_command(std::string_view name) {
    for (const CommandSpec& s : command_table())
        if (s.name == name) return &s;
    return nullptr;
}

std::string fs_command_list() {
    std::string out;
    for (std::string_view c : kFsCommands) out += (out.empty() ? "" : ", ") + std::string(c);
    return out;
}

std::vector<std::pair<std::string, std::string>> command_descriptions() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CommandSpec& s : command_table()) out.emplace_back(s.name, s.help);
    return out;
}

}  // namespace mpy
