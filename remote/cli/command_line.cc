#include "remote/cli/command_line.h"

#include <algorithm>
#include <cctype>

#include "common/diagnostics.h"
#include "remote/cli/command_arguments.h"
#include "remote/cli/command_table.h"
#include "remote/transport/device_names.h"

namespace mpy {
namespace {

// Errors of the command line outside any one command's syntax (aliases, unknown commands):
// mpremote reports them as plain errors, with exit status 1.
[[noreturn]] void command_line_error(const std::string& msg) { throw DiagnosticError(Diagnostic{"error", msg, {}}); }

// Expands aliases at the front of `args` (mpremote's do_command_expansion).
void expand_front(std::vector<std::string>& args, const AliasTable& aliases) {
    std::vector<std::string> pre;
    std::size_t last_arg_idx = args.size();
    const Alias* last = nullptr;
    std::string last_name;
    int guard = 0;
    while (!args.empty() && aliases.count(args.front())) {
        if (++guard > 100) command_line_error("alias '" + args.front() + "' expands into itself");
        std::string name = args.front();
        args.erase(args.begin());
        const Alias& a = aliases.at(name);
        for (std::size_t i = 0; i < a.params.size(); ++i) {
            const std::string& pname = a.params[i].first;
            if (!args.empty() && args.front() == "+") break;
            std::string value;
            if (!args.empty() && args.front().find('=') == std::string::npos) {
                value = args.front();
                args.erase(args.begin());
            } else if (!args.empty() && args.front().rfind(pname + "=", 0) == 0) {
                value = args.front().substr(pname.size() + 1);
                args.erase(args.begin());
            } else if (!a.has_default[i]) {
                command_line_error("command " + name + " missing argument " + pname);
            } else {
                value = a.params[i].second;
            }
            pre.push_back(pname + "=" + value);
        }
        args.insert(args.begin(), a.expansion.begin(), a.expansion.end());
        last_arg_idx = a.expansion.size();
        last = &a;
        last_name = name;
    }
    if (last && !last->params.empty() && last_arg_idx < args.size() &&
        args[last_arg_idx].find('=') != std::string::npos)
        command_line_error("command " + last_name + " given unexpected argument " +
              args[last_arg_idx].substr(0, args[last_arg_idx].find('=')));
    if (!pre.empty()) {
        std::string joined;
        for (std::size_t i = 0; i < pre.size(); ++i) joined += (i ? ";" : "") + pre[i];
        args.insert(args.begin(), {"exec", joined});
    }
}

}  // namespace

bool ParsedCommand::flag(const std::string& n, bool dflt) const {
    auto it = options.find(n);
    if (it == options.end() || it->second.empty()) return dflt;
    return it->second == "1";
}

std::string ParsedCommand::value(const std::string& n, const std::string& dflt) const {
    auto it = options.find(n);
    return it == options.end() ? dflt : it->second;
}

AliasTable builtin_aliases() {
    AliasTable t;
    add_alias(t, "devs", {"connect", "list"}, "list available serial ports");
    for (std::string_view fs_cmd : kFsCommands)
        add_alias(t, std::string(fs_cmd), {"fs", std::string(fs_cmd)}, "fs " + std::string(fs_cmd));
    add_alias(t, "reset", {"exec", "--no-follow", "import time, machine; time.sleep_ms(100); machine.reset()"},
              "hard reset the device");
    add_alias(t, "bootloader",
              {"exec", "--no-follow", "import time, machine; time.sleep_ms(100); machine.bootloader()"},
              "make the device enter its bootloader");
    add_alias(t, "--help", {"help"});
    add_alias(t, "--version", {"version"});
    for (const char* prefix : {"a", "u", "c"})
        for (int n = 0; n < 4; ++n) {
            std::string name = prefix + std::to_string(n);
            std::string dev = *shortcut_device(name);
            add_alias(t, name, {"connect", dev}, "connect to serial port \"" + dev + "\"");
        }
    return t;
}

std::vector<ParsedCommand> parse_commands(std::vector<std::string> args, const AliasTable& aliases) {
    std::vector<ParsedCommand> out;
    while (!args.empty()) {
        if (args.front() == "+") {
            args.erase(args.begin());
            continue;
        }
        expand_front(args, aliases);
        std::string name = args.front();
        args.erase(args.begin());
        const CommandSpec* spec = find_command(name);
        if (!spec) command_line_error("'" + name + "' is not a command");
        // The command's words run to the next '+' (mpremote's terminator); what its syntax leaves
        // of them starts the next command.
        auto terminator = std::find(args.begin(), args.end(), "+");
        std::vector<std::string> words(args.begin(), terminator);
        std::vector<std::string> after(terminator, args.end());
        if (spec->prepare_words) spec->prepare_words(words);
        CommandArguments parsed = parse_command_arguments(*spec, words);
        args = std::move(parsed.rest);
        args.insert(args.end(), after.begin(), after.end());
        ParsedCommand cmd = std::move(parsed.command);
        if (spec->complete_args) spec->complete_args(cmd);
        out.push_back(std::move(cmd));
        if (spec->ends_the_command_line) break;
    }
    return out;
}

}  // namespace mpy
