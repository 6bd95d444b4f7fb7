#include "remote/cli/command_arguments.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace mpy {
namespace {

using Kind = SyntaxAction::Kind;

// An option word resolved: the action, the option string it names and the value joined to it
// ("--capture=FILE", "-p1"), if any.  A null action is an unknown option.
struct OptionWord {
    const SyntaxAction* action = nullptr;
    std::string option_string;
    std::optional<std::string> explicit_arg;
};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string trimmed(const std::string& s) {
    auto b = std::find_if_not(s.begin(), s.end(), is_space);
    auto e = std::find_if_not(s.rbegin(), s.rend(), is_space).base();
    return b < e ? std::string(b, e) : std::string();
}

// Digits, single underscores allowed between them (Python's int() and float() accept "1_000").
std::size_t digit_part(const std::string& s, std::size_t i) {
    std::size_t start = i;
    while (i < s.size()) {
        if (is_digit(s[i])) ++i;
        else if (s[i] == '_' && i > start && i + 1 < s.size() && is_digit(s[i + 1]) && is_digit(s[i - 1])) ++i;
        else break;
    }
    return i;
}

// What Python's int() accepts in base 10.
bool is_python_int(const std::string& word) {
    std::string s = trimmed(word);
    std::size_t i = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    std::size_t end = digit_part(s, i);
    return end > i && end == s.size();
}

// What Python's float() accepts.
bool is_python_float(const std::string& word) {
    std::string s = trimmed(word);
    std::size_t i = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    std::string rest = s.substr(i);
    std::transform(rest.begin(), rest.end(), rest.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    if (rest == "inf" || rest == "infinity" || rest == "nan") return true;
    std::size_t int_end = digit_part(s, i);
    bool digits = int_end > i;
    i = int_end;
    if (i < s.size() && s[i] == '.') {
        std::size_t frac_end = digit_part(s, i + 1);
        digits = digits || frac_end > i + 1;
        i = frac_end;
    }
    if (!digits) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        std::size_t exp_end = digit_part(s, j);
        if (exp_end == j) return false;
        i = exp_end;
    }
    return i == s.size();
}

// How many words an action takes, as argparse's regular expression for it (_get_nargs_pattern)
// over the pattern of the words ('A' an argument, 'O' an option, '-' a "--"), written as tokens:
// std::regex backtracks by recursion, one level a word, and a long file list overflows its stack.
struct NargsToken {
    enum class Kind { arg, optional_arg, run } kind;  // "A", "A?", "[chars]*"
    std::string_view chars = {};
};
using NargsGroup = std::vector<NargsToken>;

NargsGroup nargs_group(const SyntaxAction& a) {
    using T = NargsToken::Kind;
    const NargsToken dashes{T::run, "-"};
    switch (a.kind) {
        case Kind::help:
        case Kind::flag_on:
        case Kind::flag_off: return {};                               // ()
        case Kind::value: return {{T::arg}};                          // (A)
        case Kind::remainder: return {{T::run, "-AO"}};               // ([-AO]*)
        case Kind::positional: break;
    }
    switch (a.positional->count) {
        case PositionalSpec::Count::one: return {dashes, {T::arg}, dashes};                  // (-*A-*)
        case PositionalSpec::Count::one_or_more: return {dashes, {T::arg}, {T::run, "A-"}};  // (-*A[A-]*)
        case PositionalSpec::Count::optional: return {dashes, {T::optional_arg}, dashes};    // (-*A?-*)
    }
    return {dashes, {T::arg}, dashes};
}

// Matches `groups` one after the other at the start of `pattern` as Python's re.match does
// (greedy, backtracking); the length each group took, or nothing.
class NargsMatcher {
public:
    NargsMatcher(const std::vector<NargsGroup>& groups, std::string_view pattern)
        : groups_(groups), pattern_(pattern), ends_(groups.size()) {}

    std::optional<std::vector<std::size_t>> lengths() {
        if (!step(0, 0, 0)) return std::nullopt;
        std::vector<std::size_t> out;
        std::size_t start = 0;
        for (std::size_t end : ends_) {
            out.push_back(end - start);
            start = end;
        }
        return out;
    }

private:
    // The recursion is one level a token (a dozen at most), not one a word.
    bool step(std::size_t g, std::size_t t, std::size_t pos) {
        if (g == groups_.size()) return true;
        if (t == groups_[g].size()) {
            ends_[g] = pos;
            return step(g + 1, 0, pos);
        }
        const NargsToken& tok = groups_[g][t];
        bool is_arg = pos < pattern_.size() && pattern_[pos] == 'A';
        switch (tok.kind) {
            case NargsToken::Kind::arg: return is_arg && step(g, t + 1, pos + 1);
            case NargsToken::Kind::optional_arg: return (is_arg && step(g, t + 1, pos + 1)) || step(g, t + 1, pos);
            case NargsToken::Kind::run: break;
        }
        std::size_t run = 0;
        while (pos + run < pattern_.size() && tok.chars.find(pattern_[pos + run]) != std::string_view::npos) ++run;
        for (std::size_t k = run + 1; k-- > 0;)
            if (step(g, t + 1, pos + k)) return true;
        return false;
    }

    const std::vector<NargsGroup>& groups_;
    std::string_view pattern_;
    std::vector<std::size_t> ends_;
};

// argparse's test for a negative number, which is an argument, not an option: -\d+ or -\d*\.\d+
bool looks_like_negative_number(const std::string& w) {
    if (w.size() < 2 || w[0] != '-') return false;
    auto dot = w.find('.');
    if (dot == std::string::npos) return std::all_of(w.begin() + 1, w.end(), is_digit);
    return dot + 1 < w.size() && std::all_of(w.begin() + 1, w.begin() + static_cast<long>(dot), is_digit) &&
           std::all_of(w.begin() + static_cast<long>(dot) + 1, w.end(), is_digit);
}

class ArgparseRun {
public:
    ArgparseRun(const CommandSpec& spec, const std::vector<std::string>& words)
        : spec_(spec), syntax_(command_syntax(spec)), words_(words) {
        for (const SyntaxAction& a : syntax_.actions)
            for (const std::string& s : a.option_strings) option_strings_.emplace_back(s, &a);
        for (const std::vector<std::size_t>& group : syntax_.groups)
            for (std::size_t i : group)
                for (std::size_t j : group)
                    if (i != j) conflicts_[&syntax_.actions[i]].push_back(&syntax_.actions[j]);
        result_.command.name = spec.name;
        for (const OptionSpec& o : spec.options)
            if (!o.dflt.empty()) result_.command.options[o.name] = o.dflt;
    }

    CommandArguments run() {
        classify();
        std::vector<std::size_t> option_indices;
        for (const auto& [i, _] : option_at_) option_indices.push_back(i);
        for (const SyntaxAction& a : syntax_.actions)
            if (!a.is_optional()) positionals_.push_back(&a);

        std::size_t start = 0;
        const long max_option_index = option_indices.empty() ? -1 : static_cast<long>(option_indices.back());
        while (static_cast<long>(start) <= max_option_index) {
            std::size_t next_option = *std::lower_bound(option_indices.begin(), option_indices.end(), start);
            if (start != next_option) {
                std::size_t end = consume_positionals(start);
                if (end > start) {
                    start = end;
                    continue;
                }
            }
            if (!option_at_.count(start)) {
                extras_.insert(extras_.end(), words_.begin() + static_cast<long>(start), words_.begin() + static_cast<long>(next_option));
                start = next_option;
            }
            start = consume_optional(start);
        }
        std::size_t stop = consume_positionals(start);
        extras_.insert(extras_.end(), words_.begin() + static_cast<long>(stop), words_.end());

        std::string missing;
        for (const SyntaxAction& a : syntax_.actions)
            if (a.required() && !seen_.count(&a)) missing += (missing.empty() ? "" : ", ") + a.display_name();
        if (!missing.empty()) fail("the following arguments are required: " + missing);
        if (!extras_.empty()) {
            std::string joined;
            for (const std::string& e : extras_) joined += (joined.empty() ? "" : " ") + e;
            fail("unrecognized arguments: " + joined);
        }
        return std::move(result_);
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw UsageError(spec_.name, message); }
    [[noreturn]] void fail(const SyntaxAction& a, const std::string& message) const {
        fail("argument " + a.display_name() + ": " + message);
    }

    const SyntaxAction* exact_option(const std::string& s) const {
        for (const auto& [name, action] : option_strings_)
            if (name == s) return action;
        return nullptr;
    }

    // argparse's _parse_optional: is `word` an option, and which?
    std::optional<OptionWord> parse_optional(const std::string& word) const {
        if (word.empty() || word[0] != '-') return std::nullopt;
        if (const SyntaxAction* a = exact_option(word)) return OptionWord{a, word, std::nullopt};
        if (word.size() == 1) return std::nullopt;
        if (auto eq = word.find('='); eq != std::string::npos) {
            if (const SyntaxAction* a = exact_option(word.substr(0, eq))) return OptionWord{a, word.substr(0, eq), word.substr(eq + 1)};
        }
        std::vector<OptionWord> candidates = option_candidates(word);
        if (candidates.size() > 1) {
            std::string names;
            for (const OptionWord& c : candidates) names += (names.empty() ? "" : ", ") + c.option_string;
            fail("ambiguous option: " + word + " could match " + names);
        }
        if (candidates.size() == 1) return candidates.front();
        if (looks_like_negative_number(word)) return std::nullopt;
        if (word.find(' ') != std::string::npos) return std::nullopt;
        return OptionWord{};
    }

    // argparse's _get_option_tuples: the options `word` may abbreviate, or a short option with
    // its value or more short options joined.
    std::vector<OptionWord> option_candidates(const std::string& word) const {
        std::vector<OptionWord> out;
        if (word[1] == '-') {
            auto eq = word.find('=');
            std::string prefix = word.substr(0, eq);
            std::optional<std::string> explicit_arg;
            if (eq != std::string::npos) explicit_arg = word.substr(eq + 1);
            for (const auto& [name, action] : option_strings_)
                if (name.rfind(prefix, 0) == 0) out.push_back({action, name, explicit_arg});
        } else {
            std::string short_prefix = word.substr(0, 2);
            for (const auto& [name, action] : option_strings_) {
                if (name == short_prefix) out.push_back({action, name, word.substr(2)});
                else if (name.rfind(word, 0) == 0) out.push_back({action, name, std::nullopt});
            }
        }
        return out;
    }

    void classify() {
        for (std::size_t i = 0; i < words_.size(); ++i) {
            if (words_[i] == "--") {
                pattern_ += '-';
                pattern_.append(words_.size() - i - 1, 'A');
                break;
            }
            if (std::optional<OptionWord> o = parse_optional(words_[i])) {
                option_at_[i] = *o;
                pattern_ += 'O';
            } else {
                pattern_ += 'A';
            }
        }
    }

    // How many words at the start of `pattern` action `a` takes (argparse's _match_argument).
    std::size_t match_argument(const SyntaxAction& a, std::string_view pattern) const {
        std::optional<std::vector<std::size_t>> m = NargsMatcher({nargs_group(a)}, pattern).lengths();
        if (!m) fail(a, "expected one argument");  // only a value option can miss its words
        return m->front();
    }

    std::size_t consume_optional(std::size_t start) {
        OptionWord word = option_at_.at(start);
        std::vector<std::pair<const SyntaxAction*, std::vector<std::string>>> taken;
        std::size_t stop = start + 1;
        while (true) {
            if (!word.action) {
                extras_.push_back(words_[start]);
                return start + 1;
            }
            if (word.explicit_arg) {
                std::size_t count = match_argument(*word.action, "A");
                if (count == 0 && word.option_string[1] != '-' && !word.explicit_arg->empty()) {
                    // "-rv": a flag, then more short options in the same word.
                    taken.push_back({word.action, {}});
                    std::string next = std::string("-") + word.explicit_arg->front();
                    const SyntaxAction* next_action = exact_option(next);
                    if (!next_action) fail(*word.action, "ignored explicit argument " + python_repr(*word.explicit_arg));
                    std::string tail = word.explicit_arg->substr(1);
                    word = {next_action, next, tail.empty() ? std::nullopt : std::optional<std::string>(tail)};
                } else if (count == 1) {
                    taken.push_back({word.action, {*word.explicit_arg}});
                    stop = start + 1;
                    break;
                } else {
                    fail(*word.action, "ignored explicit argument " + python_repr(*word.explicit_arg));
                }
            } else {
                std::size_t first = start + 1;
                std::size_t count = match_argument(*word.action, std::string_view(pattern_).substr(std::min(first, pattern_.size())));
                stop = first + count;
                taken.push_back({word.action, {words_.begin() + static_cast<long>(first), words_.begin() + static_cast<long>(stop)}});
                break;
            }
        }
        for (auto& [action, values] : taken) take_action(*action, values);
        return stop;
    }

    std::size_t consume_positionals(std::size_t start) {
        std::string_view rest = std::string_view(pattern_).substr(std::min(start, pattern_.size()));
        // As many positionals as can match, dropping the last ones until they do.
        std::vector<std::size_t> counts;
        for (std::size_t n = positionals_.size(); n > 0; --n) {
            std::vector<NargsGroup> groups;
            for (std::size_t k = 0; k < n; ++k) groups.push_back(nargs_group(*positionals_[k]));
            if (auto m = NargsMatcher(groups, rest).lengths()) {
                counts = *m;
                break;
            }
        }
        for (std::size_t k = 0; k < counts.size(); ++k) {
            std::vector<std::string> values(words_.begin() + static_cast<long>(start), words_.begin() + static_cast<long>(start + counts[k]));
            start += counts[k];
            take_action(*positionals_[k], values);
        }
        positionals_.erase(positionals_.begin(), positionals_.begin() + static_cast<long>(counts.size()));
        return start;
    }

    void check_value(const SyntaxAction& a, ValueKind kind, const std::string& value) const {
        if (kind == ValueKind::integer && !is_python_int(value)) fail(a, "invalid int value: " + python_repr(value));
        if (kind == ValueKind::real && !is_python_float(value)) fail(a, "invalid float value: " + python_repr(value));
    }

    void take_action(const SyntaxAction& a, std::vector<std::string> values) {
        seen_.insert(&a);
        if (a.kind != Kind::remainder) {
            // argparse drops the first "--" from an action's words.
            if (auto it = std::find(values.begin(), values.end(), "--"); it != values.end()) values.erase(it);
        }
        if (a.kind == Kind::value)
            for (const std::string& v : values) check_value(a, a.option->kind, v);
        if (a.kind == Kind::positional)
            for (const std::string& v : values) check_value(a, a.positional->kind, v);
        // Any use counts as present, except an optional positional that got no word.
        bool present = !(a.kind == Kind::positional && a.positional->count == PositionalSpec::Count::optional && values.empty());
        if (present) {
            auto it = conflicts_.find(&a);
            if (it != conflicts_.end())
                for (const SyntaxAction* other : it->second)
                    if (present_.count(other)) fail(a, "not allowed with argument " + other->display_name());
            present_.insert(&a);
        }
        ParsedCommand& cmd = result_.command;
        switch (a.kind) {
            case Kind::help: throw HelpRequested(spec_.name);
            case Kind::flag_on: cmd.options[a.option->name] = "1"; break;
            case Kind::flag_off: cmd.options[a.option->name] = "0"; break;
            case Kind::value: {
                auto it = cmd.options.find(a.option->name);
                if (a.option->repeatable && it != cmd.options.end()) it->second += "\n" + values.at(0);
                else cmd.options[a.option->name] = values.at(0);
                break;
            }
            case Kind::positional: cmd.args.insert(cmd.args.end(), values.begin(), values.end()); break;
            case Kind::remainder: result_.rest = std::move(values); break;
        }
    }

    const CommandSpec& spec_;
    CommandSyntax syntax_;
    const std::vector<std::string>& words_;
    std::vector<std::pair<std::string, const SyntaxAction*>> option_strings_;  // in argparse's order
    std::map<const SyntaxAction*, std::vector<const SyntaxAction*>> conflicts_;
    std::map<std::size_t, OptionWord> option_at_;
    std::string pattern_;
    std::vector<const SyntaxAction*> positionals_;  // those not yet consumed
    std::set<const SyntaxAction*> seen_, present_;
    std::vector<std::string> extras_;
    CommandArguments result_;
};

}  // namespace

UsageError::UsageError(std::string command, std::string message)
    : std::runtime_error(command + ": error: " + message), command_(std::move(command)), message_(std::move(message)) {}

HelpRequested::HelpRequested(std::string command) : std::runtime_error(command + " --help"), command_(std::move(command)) {}

CommandArguments parse_command_arguments(const CommandSpec& spec, const std::vector<std::string>& words) {
    return ArgparseRun(spec, words).run();
}

std::string python_repr(const std::string& s) {
    char quote = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
    std::string out(1, quote);
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (ch == '\\') out += "\\\\";
        else if (ch == quote) out += std::string("\\") + quote;
        else if (ch == '\n') out += "\\n";
        else if (ch == '\r') out += "\\r";
        else if (ch == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else {
            out += ch;
        }
    }
    return out + quote;
}

}  // namespace mpy
