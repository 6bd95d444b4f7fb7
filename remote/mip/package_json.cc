#include "remote/mip/package_json.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "common/diagnostics.h"

namespace mpy::mip {
namespace {

// A list of [string, string] pairs (hashes, urls, deps).
std::vector<std::pair<std::string, std::string>> pairs(const nlohmann::json& doc, const char* field,
                                                       std::string_view source) {
    std::vector<std::pair<std::string, std::string>> out;
    auto it = doc.find(field);
    if (it == doc.end() || it->is_null()) return out;
    auto bad = [&] {
        raise_error(std::string(source) + ": \"" + field + "\" must be a list of [string, string] pairs");
    };
    if (!it->is_array()) bad();
    for (const auto& entry : *it) {
        if (!entry.is_array() || entry.size() < 1 || entry.size() > 2 || !entry[0].is_string()) bad();
        std::string second;
        if (entry.size() == 2) {
            if (entry[1].is_string()) second = entry[1].get<std::string>();
            else if (!entry[1].is_null()) bad();
        }
        out.emplace_back(entry[0].get<std::string>(), second);
    }
    return out;
}

}  // namespace

bool is_safe_target_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) return false;
    if (path.find('\0') != std::string_view::npos || path.find(':') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (part.empty() || part == "." || part == "..") return false;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return true;
}

void check_target_path(std::string_view path, std::string_view source) {
    if (!is_safe_target_path(path))
        raise_error(std::string(source) + ": refusing the target path '" + std::string(path) +
             "': it must be a relative path inside the target folder (no leading '/', no '..' or '.' parts)");
}

PackageJson parse_package_json(std::string_view text, std::string_view source) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        raise_error(std::string(source) + ": not valid JSON (" + e.what() + ")");
    }
    if (!doc.is_object()) raise_error(std::string(source) + ": expected a JSON object");
    PackageJson pkg;
    for (auto& [target, hash] : pairs(doc, "hashes", source)) {
        check_target_path(target, source);
        bool hex = !hash.empty() && hash.size() <= 64;
        for (char c : hash) hex = hex && std::isxdigit(static_cast<unsigned char>(c));
        if (!hex) raise_error(std::string(source) + ": the hash of '" + target + "' is not a hex sha256 prefix: '" + hash + "'");
        for (char& c : hash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        pkg.hashes.push_back({target, hash});
    }
    for (auto& [target, url] : pairs(doc, "urls", source)) {
        check_target_path(target, source);
        if (url.empty()) raise_error(std::string(source) + ": no URL for '" + target + "'");
        pkg.urls.push_back({target, url});
    }
    for (auto& [name, version] : pairs(doc, "deps", source)) {
        if (name.empty()) raise_error(std::string(source) + ": a dependency without a name");
        pkg.deps.push_back({name, version});
    }
    if (auto v = doc.find("version"); v != doc.end()) {
        if (v->is_string()) pkg.version = v->get<std::string>();
        else if (v->is_number()) pkg.version = v->dump();
    }
    return pkg;
}

bool hash_matches(std::string_view sha256_hex, std::string_view short_hash) {
    if (short_hash.empty() || short_hash.size() > sha256_hex.size()) return false;
    for (std::size_t i = 0; i < short_hash.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(short_hash[i])) != sha256_hex[i]) return false;
    return true;
}

std::string to_hex(std::string_view bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

}  // namespace mpy::mip
