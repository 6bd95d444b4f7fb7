#include "remote/config/user_config.h"

#include <cstdlib>
#include <fstream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/diagnostics.h"
#include "remote/config/mpremote_config.h"

namespace mpy {
namespace fs = std::filesystem;

fs::path user_config_path() {
    if (const char* p = std::getenv("MPR_CONFIG"); p && *p) return p;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return fs::path(x) / "mpr" / "config.json";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".config" / "mpr" / "config.json";
    return {};
}

UserConfig parse_user_config(const std::string& text, const std::string& source) {
    auto bad = [&](const std::string& msg) {
        return DiagnosticError(Diagnostic{"error", msg, {source, 0, 0}});
    };
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
    } catch (const nlohmann::json::parse_error& e) {
        throw bad(std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object()) throw bad("the configuration must be a JSON object");
    UserConfig c;
    if (j.contains("device")) {
        if (!j["device"].is_string()) throw bad("\"device\" must be a string");
        c.device = j["device"].get<std::string>();
    }
    for (const char* key : {"baud", "baudrate"}) {  // "baudrate": pyserial's and mpremote's word
        if (!j.contains(key)) continue;
        if (!j[key].is_number_integer() || j[key].get<long>() <= 0)
            throw bad("\"" + std::string(key) + "\" must be a positive integer");
        c.baud = j[key].get<int>();
    }
    for (const char* key : {"dtr", "rts"}) {
        if (!j.contains(key)) continue;
        const auto& v = j[key];
        std::optional<bool> on;
        if (v.is_boolean()) on = v.get<bool>();
        else if (v.is_string() && (v == "on" || v == "off")) on = v == "on";
        else throw bad("\"" + std::string(key) + "\" must be \"on\", \"off\", true or false");
        (std::string(key) == "dtr" ? c.dtr : c.rts) = on;
    }
    if (j.contains("webrepl_password")) {
        if (!j["webrepl_password"].is_string()) throw bad("\"webrepl_password\" must be a string");
        c.webrepl_password = j["webrepl_password"].get<std::string>();
    }
    if (j.contains("reset_on_connect")) {
        if (!j["reset_on_connect"].is_boolean()) throw bad("\"reset_on_connect\" must be true or false");
        c.reset_on_connect = j["reset_on_connect"].get<bool>();
    }
    if (j.contains("mip")) {
        const auto& mip = j["mip"];
        if (!mip.is_object() || (mip.contains("compile") && !mip["compile"].is_boolean()))
            throw bad("\"mip\" must be an object like {\"compile\": true}");
        c.mip_compile = mip.value("compile", false);
    }
    if (j.contains("commands")) {
        if (!j["commands"].is_object()) throw bad("\"commands\" must be an object");
        for (auto& [key, val] : j["commands"].items()) {
            std::string help;
            const nlohmann::json* cmd = &val;
            if (val.is_object()) {
                if (!val.contains("command")) throw bad("alias \"" + key + "\" has no \"command\"");
                cmd = &val["command"];
                if (val.contains("help") && val["help"].is_string()) help = val["help"].get<std::string>();
            }
            std::vector<std::string> words;
            if (cmd->is_string()) {
                words = split_words(cmd->get<std::string>());
            } else if (cmd->is_array()) {
                for (const auto& w : *cmd) {
                    if (!w.is_string()) throw bad("alias \"" + key + "\": every word must be a string");
                    words.push_back(w.get<std::string>());
                }
            } else {
                throw bad("alias \"" + key + "\" must be a string, a list of strings or an object");
            }
            add_alias(c.aliases, key, std::move(words), std::move(help));
        }
    }
    return c;
}

namespace {

// The whole file, or nothing when it cannot be opened (a missing config file is no error).
std::optional<std::string> read_if_present(const fs::path& path) {
    if (path.empty()) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

}  // namespace

UserConfig load_user_config(const fs::path& path) {
    std::optional<std::string> text = read_if_present(path);
    if (!text) return {};
    UserConfig c = parse_user_config(*text, path.string());
    c.path = path;
    return c;
}

UserConfig load_configuration() {
    UserConfig own = load_user_config(user_config_path());
    if (!own.path.empty()) return own;
    if (const char* chosen = std::getenv("MPR_CONFIG"); chosen && *chosen) return {};
    const fs::path theirs = mpremote_config_path();
    if (std::optional<std::string> text = read_if_present(theirs)) {
        UserConfig c = parse_mpremote_config(*text, theirs.string());
        c.path = theirs;
        return c;
    }
    return {};
}

}  // namespace mpy
