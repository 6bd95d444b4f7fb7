#include "remote/cli/command_usage.h"

#include <algorithm>
#include <map>
#include <regex>
#include <vector>

namespace mpy {
namespace {

using Kind = SyntaxAction::Kind;

std::string positional_usage(const SyntaxAction& a) {
    if (a.kind == Kind::remainder) return "...";
    const std::string& n = a.positional->name;
    switch (a.positional->count) {
        case PositionalSpec::Count::one: return n;
        case PositionalSpec::Count::one_or_more: return n + " [" + n + " ...]";
        case PositionalSpec::Count::optional: return "[" + n + "]";
    }
    return n;
}

// The usage of `selected` (indices into syntax.actions, in order): each option in brackets or
// inside its group's brackets, then the positionals.
std::string actions_usage(const CommandSyntax& syntax, const std::vector<std::size_t>& selected) {
    std::map<std::size_t, std::string> inserts;  // before the part at this position
    std::vector<bool> in_group(selected.size(), false);
    for (const std::vector<std::size_t>& group : syntax.groups) {
        std::size_t start = 0;
        while (start < selected.size() && selected[start] != group.front()) ++start;
        if (start == selected.size()) continue;
        std::size_t end = start + group.size();
        // argparse only brackets a group whose actions are listed together.
        if (end > selected.size() || !std::equal(group.begin(), group.end(), selected.begin() + static_cast<long>(start)))
            continue;
        for (std::size_t i = start; i < end; ++i) in_group[i] = true;
        // Where one group ends and the next starts, the marks are "] [".
        if (inserts.count(start)) inserts[start] += " [";
        else inserts[start] = "[";
        inserts[end] += "]";
        for (std::size_t i = start + 1; i < end; ++i) inserts[i] = "|";
    }
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < selected.size(); ++i) {
        const SyntaxAction& a = syntax.actions[selected[i]];
        std::string part;
        if (!a.is_optional()) {
            part = positional_usage(a);
        } else {
            part = a.option_strings.front();
            if (a.kind == Kind::value) part += " " + a.metavar();
            if (!in_group[i]) part = "[" + part + "]";
        }
        parts.push_back(part);
    }
    std::vector<std::string> with_marks;
    for (std::size_t i = 0; i <= parts.size(); ++i) {
        if (auto it = inserts.find(i); it != inserts.end()) with_marks.push_back(it->second);
        if (i < parts.size()) with_marks.push_back(parts[i]);
    }
    std::string text;
    for (const std::string& s : with_marks) text += (text.empty() ? "" : " ") + s;
    // argparse's clean-ups around the group marks.
    text = std::regex_replace(text, std::regex(R"(([\[(]) )"), "$1");
    text = std::regex_replace(text, std::regex(R"( ([\])]))"), "$1");
    text = std::regex_replace(text, std::regex(R"([\[(] *[\])])"), "");
    text = std::regex_replace(text, std::regex(R"(\(([^|]*)\))"), "$1");
    auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The parts a usage line may be broken between: a bracketed group, or a word.
std::vector<std::string> wrappable_parts(const std::string& usage) {
    static const std::regex part(R"(\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+)");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(usage.begin(), usage.end(), part); it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

std::vector<std::string> fill_lines(const std::vector<std::string>& parts, const std::string& indent,
                                    std::size_t text_width, const std::string* prefix) {
    std::vector<std::string> lines, line;
    auto flush = [&] {
        std::string joined;
        for (const std::string& p : line) joined += (joined.empty() ? "" : " ") + p;
        lines.push_back(indent + joined);
        line.clear();
    };
    std::size_t line_len = (prefix ? prefix->size() : indent.size()) - 1;
    for (const std::string& part : parts) {
        if (line_len + 1 + part.size() > text_width && !line.empty()) {
            flush();
            line_len = indent.size() - 1;
        }
        line.push_back(part);
        line_len += part.size() + 1;
    }
    if (!line.empty()) flush();
    if (prefix && !lines.empty()) lines[0] = lines[0].substr(indent.size());
    return lines;
}

}  // namespace

std::string format_usage(const CommandSyntax& syntax, int columns) {
    const std::string prefix = "usage: ";
    const std::string& prog = syntax.prog;
    std::vector<std::size_t> optionals, positionals, all;
    for (std::size_t i = 0; i < syntax.actions.size(); ++i) {
        const SyntaxAction& a = syntax.actions[i];
        if (a.option && a.option->hidden_in_usage) continue;
        (a.is_optional() ? optionals : positionals).push_back(i);
    }
    all = optionals;
    all.insert(all.end(), positionals.begin(), positionals.end());
    std::string usage = prog;
    if (std::string body = actions_usage(syntax, all); !body.empty()) usage += " " + body;

    // argparse's formatter takes 2 off the terminal's width.
    const auto text_width = static_cast<std::size_t>(std::max(columns - 2, 1));
    if (prefix.size() + usage.size() > text_width) {
        std::vector<std::string> opt_parts = wrappable_parts(actions_usage(syntax, optionals));
        std::vector<std::string> pos_parts = wrappable_parts(actions_usage(syntax, positionals));
        std::vector<std::string> lines;
        if (static_cast<double>(prefix.size() + prog.size()) <= 0.75 * static_cast<double>(text_width)) {
            // A short name: the parts follow it, indented under the first.
            std::string indent(prefix.size() + prog.size() + 1, ' ');
            std::vector<std::string> first = {prog};
            if (!opt_parts.empty()) {
                first.insert(first.end(), opt_parts.begin(), opt_parts.end());
                lines = fill_lines(first, indent, text_width, &prefix);
                std::vector<std::string> rest = fill_lines(pos_parts, indent, text_width, nullptr);
                lines.insert(lines.end(), rest.begin(), rest.end());
            } else if (!pos_parts.empty()) {
                first.insert(first.end(), pos_parts.begin(), pos_parts.end());
                lines = fill_lines(first, indent, text_width, &prefix);
            } else {
                lines = {prog};
            }
        } else {
            // A long name: on its own line, the parts below it.
            std::string indent(prefix.size(), ' ');
            std::vector<std::string> parts = opt_parts;
            parts.insert(parts.end(), pos_parts.begin(), pos_parts.end());
            lines = fill_lines(parts, indent, text_width, nullptr);
            if (lines.size() > 1) {
                lines = fill_lines(opt_parts, indent, text_width, nullptr);
                std::vector<std::string> rest = fill_lines(pos_parts, indent, text_width, nullptr);
                lines.insert(lines.end(), rest.begin(), rest.end());
            }
            lines.insert(lines.begin(), prog);
        }
        usage.clear();
        for (const std::string& l : lines) usage += (usage.empty() ? "" : "\n") + l;
    }
    return prefix + usage + "\n";
}

}  // namespace mpy
