#include "remote/cli/command_syntax.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace mpy {

bool SyntaxAction::required() const {
    if (kind == Kind::remainder) return true;  // argparse requires a REMAINDER positional too
    return kind == Kind::positional && positional->count != PositionalSpec::Count::optional;
}

std::string SyntaxAction::display_name() const {
    if (kind == Kind::remainder) return "next_command";
    if (kind == Kind::positional) return positional->name;
    std::string out;
    for (const std::string& s : option_strings) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::string SyntaxAction::metavar() const {
    if (option && !option->metavar.empty()) return option->metavar;
    // argparse's default: the destination (dashes become underscores) in capitals.
    std::string out = option ? option->name : "";
    for (char& c : out) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

CommandSyntax command_syntax(const CommandSpec& spec) {
    using Kind = SyntaxAction::Kind;
    CommandSyntax syntax;
    syntax.prog = spec.name;
    // mpremote's parsers have -h/--help, except fs, where -h is --human and help is --help alone.
    bool short_h_taken = std::any_of(spec.options.begin(), spec.options.end(),
                                     [](const OptionSpec& o) { return o.short_name == 'h'; });
    syntax.actions.push_back({Kind::help, short_h_taken ? std::vector<std::string>{"--help"}
                                                        : std::vector<std::string>{"-h", "--help"}});
    std::map<std::string, int> named_groups;
    for (const OptionSpec& o : spec.options) {
        std::vector<std::string> strings = {"--" + o.name};
        if (o.short_name) strings.push_back(std::string("-") + o.short_name);
        SyntaxAction action{o.takes_value ? Kind::value : Kind::flag_on, strings, &o};
        if (o.negatable) {
            // mpremote's _bool_flag: --NAME/-S and --no-NAME, a mutually exclusive pair.
            int group = static_cast<int>(syntax.groups.size());
            syntax.groups.push_back({syntax.actions.size(), syntax.actions.size() + 1});
            action.group = group;
            syntax.actions.push_back(action);
            syntax.actions.push_back({Kind::flag_off, {"--no-" + o.name}, &o, nullptr, group});
            continue;
        }
        if (!o.exclusive_group.empty()) {
            auto [it, added] = named_groups.emplace(o.exclusive_group, static_cast<int>(syntax.groups.size()));
            if (added) syntax.groups.emplace_back();
            action.group = it->second;
            syntax.groups[static_cast<std::size_t>(it->second)].push_back(syntax.actions.size());
        }
        syntax.actions.push_back(action);
    }
    for (const PositionalSpec& p : spec.positionals) syntax.actions.push_back({Kind::positional, {}, nullptr, &p});
    syntax.actions.push_back({Kind::remainder, {}});
    return syntax;
}

}  // namespace mpy
