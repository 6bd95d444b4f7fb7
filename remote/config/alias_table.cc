#include "remote/config/alias_table.h"

#include <cctype>

#include "common/diagnostics.h"

namespace mpy {

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
    if (words.empty()) throw DiagnosticError(Diagnostic{"error", "empty alias name in the configuration", {}});
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

}  // namespace mpy
