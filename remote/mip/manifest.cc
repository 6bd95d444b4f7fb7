#include "remote/mip/manifest.h"

#include <nlohmann/json.hpp>

namespace mpy::mip {

std::vector<std::string> Manifest::files_only_in(const std::string& name) const {
    std::vector<std::string> out;
    auto it = packages.find(name);
    if (it == packages.end()) return out;
    for (const std::string& f : it->second.files) {
        bool shared = false;
        for (const auto& [other, pkg] : packages)
            if (other != name)
                for (const std::string& g : pkg.files) shared = shared || g == f;
        if (!shared) out.push_back(f);
    }
    return out;
}

Manifest parse_manifest(std::string_view text) {
    Manifest m;
    if (text.empty()) return m;
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object() || !doc.contains("packages") || !doc["packages"].is_object()) return m;
    auto strings = [](const nlohmann::json& j) {
        std::vector<std::string> out;
        if (j.is_array())
            for (const auto& e : j)
                if (e.is_string()) out.push_back(e.get<std::string>());
        return out;
    };
    for (const auto& [name, entry] : doc["packages"].items()) {
        if (!entry.is_object()) continue;
        InstalledPackage p;
        p.version = entry.value("version", "");
        p.source = entry.value("source", "");
        if (entry.contains("files")) p.files = strings(entry["files"]);
        if (entry.contains("deps")) p.deps = strings(entry["deps"]);
        m.packages[name] = std::move(p);
    }
    return m;
}

std::string serialize_manifest(const Manifest& m) {
    nlohmann::json packages = nlohmann::json::object();
    for (const auto& [name, p] : m.packages)
        packages[name] = {{"version", p.version}, {"source", p.source}, {"files", p.files}, {"deps", p.deps}};
    nlohmann::json doc = {{"v", 1}, {"packages", packages}};
    return doc.dump() + "\n";
}

}  // namespace mpy::mip
