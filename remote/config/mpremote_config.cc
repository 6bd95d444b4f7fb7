#include "remote/config/mpremote_config.h"

#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

#include "common/diagnostics.h"
#include "compiler/frontend/ast.h"
#include "compiler/frontend/parser.h"

namespace mpy {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void unreadable(const std::string& source, int line, const std::string& what) {
    throw DiagnosticError(Diagnostic{
        "error", what + " (mpr reads only literal `commands = {...}` from mpremote's config.py; "
                        "or write the aliases to mpr's own config.json, see mpr(1))",
        {source, line, 0}});
}

// The text of a string literal, if `e` is one.
std::optional<std::string> string_of(const ast::Expr& e) {
    const auto* c = e.as<ast::Constant>();
    if (c == nullptr || c->value.kind != ast::ConstValue::Kind::Str) return std::nullopt;
    return c->value.text;
}

// The words of a list or tuple of string literals.  A tuple of constants arrives folded into
// one Constant.
std::optional<std::vector<std::string>> strings_of(const ast::Expr& e) {
    std::vector<std::string> words;
    if (const auto* list = e.as<ast::List>()) {
        for (const ast::ExprPtr& item : list->elts) {
            std::optional<std::string> word = string_of(*item);
            if (!word) return std::nullopt;
            words.push_back(std::move(*word));
        }
        return words;
    }
    if (const auto* c = e.as<ast::Constant>(); c != nullptr && c->value.kind == ast::ConstValue::Kind::Tuple) {
        for (const ast::ConstValue& item : c->value.items) {
            if (item.kind != ast::ConstValue::Kind::Str) return std::nullopt;
            words.push_back(item.text);
        }
        return words;
    }
    return std::nullopt;
}

// One alias's expansion: a string (split at white space, as mpremote does), a list or tuple of
// words, or {"command": <either>, "help": "..."}.
std::optional<std::vector<std::string>> expansion_of(const ast::Expr& e, std::string& help) {
    if (std::optional<std::string> text = string_of(e)) return split_words(*text);
    if (auto words = strings_of(e)) return words;
    const auto* dict = e.as<ast::DictOrSet>();
    if (dict == nullptr) return std::nullopt;
    std::optional<std::vector<std::string>> command;
    for (const ast::BraceItem& item : dict->items) {
        std::optional<std::string> key = item.value ? string_of(*item.key) : std::nullopt;
        if (key == "command") {
            std::string ignored;
            command = expansion_of(*item.value, ignored);
        } else if (key == "help" && string_of(*item.value)) {
            help = *string_of(*item.value);
        } else {
            return std::nullopt;
        }
    }
    return command;
}

}  // namespace

fs::path mpremote_config_path() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return fs::path(x) / "mpremote" / "config.py";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".config" / "mpremote" / "config.py";
    return {};
}

UserConfig parse_mpremote_config(const std::string& python_source, const std::string& source_name) {
    const ast::Module module = parse_module(python_source, source_name);
    UserConfig config;
    for (const ast::StmtPtr& stmt : module.body.stmts) {
        if (stmt->is<ast::Pass>()) continue;  // a docstring or comment-only line
        const auto* assign = stmt->as<ast::Assign>();
        const ast::Name* target = nullptr;
        if (assign != nullptr && assign->targets.size() == 1) target = assign->targets[0]->as<ast::Name>();
        if (target == nullptr || target->id != "commands") {
            unreadable(source_name, stmt->line, "a statement other than `commands = {...}`");
        }
        const auto* dict = assign->value->as<ast::DictOrSet>();
        if (dict == nullptr) unreadable(source_name, stmt->line, "`commands` is not a {...} display");
        config.aliases.clear();  // a later assignment replaces the table, as in Python
        for (const ast::BraceItem& item : dict->items) {
            const int line = item.key->line ? item.key->line : stmt->line;
            std::optional<std::string> key = item.value ? string_of(*item.key) : std::nullopt;
            if (!key) unreadable(source_name, line, "an alias name that is not a string literal");
            std::string help;
            std::optional<std::vector<std::string>> words = expansion_of(*item.value, help);
            if (!words) {
                unreadable(source_name, line,
                           "alias \"" + *key + "\" is not a string, a list of strings or {\"command\": ..., \"help\": ...}");
            }
            add_alias(config.aliases, *key, std::move(*words), std::move(help));
        }
    }
    return config;
}

}  // namespace mpy
