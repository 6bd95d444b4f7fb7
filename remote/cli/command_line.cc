#include "remote/cli/command_line.h"

#include <algorithm>
#include <cctype>

#include "common/diagnostics.h"
#include "remote/transport/device_names.h"

namespace mpy {
namespace {

[[noreturn]] void usage(const std::string& msg) { throw DiagnosticError(Diagnostic{"error", msg, {}}); }

struct OptionSpec {
    std::string name;  // long name without "--"
    char short_name;   // 0 if none
    bool takes_value;
    bool negatable;    // accepts --no-NAME
    std::string dflt;  // value when absent ("" for value options)
};

// How many positional arguments: exactly `min` when `greedy` is false; otherwise at least `min`
// and everything up to '+'.
struct CommandSpec {
    std::string name;
    std::vector<OptionSpec> options;
    std::size_t min_args;
    bool greedy;
    std::string help;
};

const std::vector<CommandSpec>& command_specs() {
    static const std::vector<CommandSpec> specs = {
        {"connect", {}, 1, false, "connect to given device (list, auto, id:SERIAL, usb:VID:PID, port:PATH, socket://HOST:PORT, sim, or a path)"},
        {"disconnect", {}, 0, false, "disconnect current device"},
        {"resume", {}, 0, false, "resume a previous session (will not auto soft-reset)"},
        {"soft-reset", {}, 0, false, "perform a soft-reset of the device"},
        {"repl",
         {{"escape-non-printable", 'e', false, true, "0"},
          {"capture", 0, true, false, ""},
          {"inject-code", 0, true, false, ""},
          {"inject-file", 0, true, false, ""}},
         0, false, "enter the REPL (Ctrl-] or Ctrl-x leaves)"},
        {"eval", {}, 1, false, "evaluate and print the string"},
        {"exec", {{"follow", 'f', false, true, "1"}}, 1, false, "execute the string"},
        {"run", {{"follow", 'f', false, true, "1"}}, 1, false, "run the given local script"},
        {"fs",
         {{"recursive", 'r', false, true, "0"},
          {"force", 'f', false, true, "0"},
          {"verbose", 'v', false, true, ""},
          {"size", 's', false, false, "0"},
          {"human", 'h', false, false, "0"}},
         1, true, "execute filesystem commands on the device (cat, cp, ls, mkdir, rm, rmdir, touch, tree, sha256sum)"},
        {"df", {}, 0, false, "show the size, used and free space of the device's file systems"},
        {"edit", {}, 1, true, "edit files on the device with $EDITOR"},
        {"rtc", {{"set", 's', false, true, "0"}}, 0, false, "get (default) or set the device RTC"},
        {"sleep", {}, 1, false, "sleep (seconds) before executing the next command"},
        {"mount", {{"unsafe-links", 'l', false, true, "0"}}, 1, false, "(not supported by mpr)"},
        {"umount", {}, 0, false, "(not supported by mpr)"},
        {"mip",
         {{"target", 0, true, false, ""},
          {"index", 0, true, false, ""},
          {"mpy", 'm', false, true, "1"},
          {"compile", 0, false, true, ""},
          {"dry-run", 'n', false, false, "0"},
          {"output", 'o', true, false, ""},
          {"mpy-version", 0, true, false, ""},
          {"cacert", 0, true, false, ""}},
         1, true, "install packages (install|list|uninstall|download; see man mpr)"},
        {"romfs", {}, 1, true, "(not supported by mpr)"},
        {"help", {}, 0, false, "print help and exit"},
        {"version", {}, 0, false, "print version and exit"},
    };
    return specs;
}

const CommandSpec* find_spec(const std::string& name) {
    for (const CommandSpec& s : command_specs())
        if (s.name == name) return &s;
    return nullptr;
}

bool looks_like_number(const std::string& s) {
    if (s.size() < 2 || s[0] != '-') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}

bool is_option_token(const std::string& s) { return s.size() > 1 && s[0] == '-' && !looks_like_number(s); }

// Expands aliases at the front of `args` (mpremote's do_command_expansion).
void expand_front(std::vector<std::string>& args, const AliasTable& aliases) {
    std::vector<std::string> pre;
    std::size_t last_arg_idx = args.size();
    const Alias* last = nullptr;
    std::string last_name;
    int guard = 0;
    while (!args.empty() && aliases.count(args.front())) {
        if (++guard > 100) usage("alias '" + args.front() + "' expands into itself");
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
                usage("command " + name + " missing argument " + pname);
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
        usage("command " + last_name + " given unexpected argument " +
              args[last_arg_idx].substr(0, args[last_arg_idx].find('=')));
    if (!pre.empty()) {
        std::string joined;
        for (std::size_t i = 0; i < pre.size(); ++i) joined += (i ? ";" : "") + pre[i];
        args.insert(args.begin(), {"exec", joined});
    }
}

// Applies option token `tok` (possibly "-rf" or "--capture=x") for `spec`; may consume the
// next token as a value.
void apply_option(const CommandSpec& spec, ParsedCommand& cmd, std::vector<std::string>& rest,
                  std::size_t& i, const std::string& tok) {
    auto set_value_option = [&](const OptionSpec& o, std::string inline_value, bool has_inline) {
        if (has_inline) {
            cmd.options[o.name] = inline_value;
        } else {
            if (i + 1 >= rest.size() || rest[i + 1] == "+")
                usage(spec.name + ": option --" + o.name + " needs a value");
            cmd.options[o.name] = rest[++i];
        }
    };
    if (tok.rfind("--", 0) == 0) {
        std::string body = tok.substr(2), inline_value;
        bool has_inline = false;
        if (auto eq = body.find('='); eq != std::string::npos) {
            inline_value = body.substr(eq + 1);
            body = body.substr(0, eq);
            has_inline = true;
        }
        for (const OptionSpec& o : spec.options) {
            if (body == o.name) {
                if (o.takes_value) set_value_option(o, inline_value, has_inline);
                else cmd.options[o.name] = "1";
                return;
            }
            if (o.negatable && body == "no-" + o.name) {
                cmd.options[o.name] = "0";
                return;
            }
        }
        usage(spec.name + ": unknown option " + tok);
    }
    // Short options, possibly bundled ("-rv").
    for (std::size_t k = 1; k < tok.size(); ++k) {
        const OptionSpec* found = nullptr;
        for (const OptionSpec& o : spec.options)
            if (o.short_name == tok[k]) found = &o;
        if (!found) usage(spec.name + ": unknown option -" + std::string(1, tok[k]));
        if (found->takes_value) {
            set_value_option(*found, tok.substr(k + 1), k + 1 < tok.size());
            return;
        }
        cmd.options[found->name] = "1";
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

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

void add_alias(AliasTable& table, const std::string& key, std::vector<std::string> expansion, std::string help) {
    std::vector<std::string> words = split_words(key);
    if (words.empty()) usage("empty alias name in the configuration");
    Alias a;
    for (std::size_t i = 1; i < words.size(); ++i) {
        auto eq = words[i].find('=');
        a.params.emplace_back(words[i].substr(0, eq), eq == std::string::npos ? "" : words[i].substr(eq + 1));
        a.has_default.push_back(eq != std::string::npos);
    }
    a.expansion = std::move(expansion);
    a.help = std::move(help);
    table[words[0]] = std::move(a);
}

AliasTable builtin_aliases() {
    AliasTable t;
    add_alias(t, "devs", {"connect", "list"}, "list available serial ports");
    for (const char* fs_cmd : {"cat", "cp", "ls", "mkdir", "rm", "rmdir", "sha256sum", "touch", "tree"})
        add_alias(t, fs_cmd, {"fs", fs_cmd}, std::string("fs ") + fs_cmd);
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
        const CommandSpec* spec = find_spec(name);
        if (!spec) usage("'" + name + "' is not a command");
        ParsedCommand cmd;
        cmd.name = name;
        for (const OptionSpec& o : spec->options)
            if (!o.dflt.empty()) cmd.options[o.name] = o.dflt;
        // Walk this command's tokens: options anywhere, positionals until satisfied.
        std::size_t i = 0;
        for (; i < args.size(); ++i) {
            const std::string& tok = args[i];
            if (tok == "+") break;
            if (is_option_token(tok) && !spec->options.empty()) {
                apply_option(*spec, cmd, args, i, tok);
                continue;
            }
            if (!spec->greedy && cmd.args.size() == spec->min_args) break;
            cmd.args.push_back(tok);
        }
        args.erase(args.begin(), args.begin() + static_cast<long>(i));
        // "fs ls" and "fs tree" list the current directory when no path is given.
        if (name == "fs" && cmd.args.size() == 1 && (cmd.args[0] == "ls" || cmd.args[0] == "tree"))
            cmd.args.push_back("");
        std::size_t needed = spec->min_args + (name == "fs" ? 1 : 0);
        if (cmd.args.size() < needed) {
            if (name == "fs" && cmd.args.empty()) usage("fs: missing a file-system command (cat, cp, ls, ...)");
            usage(name + ": missing argument" + (needed - cmd.args.size() > 1 ? "s" : ""));
        }
        out.push_back(std::move(cmd));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> command_descriptions() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CommandSpec& s : command_specs()) out.emplace_back(s.name, s.help);
    return out;
}

}  // namespace mpy
