#include "remote/mip/package_spec.h"

#include <cstdlib>
#include <filesystem>

#include "common/diagnostics.h"

namespace mpy::mip {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string env_or(const char* name, const std::string& dflt) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : dflt;
}

std::string strip_trailing_slashes(std::string s) {
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

}  // namespace

HostBases HostBases::from_environment() {
    HostBases b;
    b.github = strip_trailing_slashes(env_or("MPR_MIP_GITHUB_URL", b.github));
    b.gitlab = strip_trailing_slashes(env_or("MPR_MIP_GITLAB_URL", b.gitlab));
    b.codeberg = strip_trailing_slashes(env_or("MPR_MIP_CODEBERG_URL", b.codeberg));
    return b;
}

bool is_url(std::string_view s) { return starts_with(s, "http://") || starts_with(s, "https://"); }

bool is_repository_form(std::string_view s) {
    return starts_with(s, "github:") || starts_with(s, "gitlab:") || starts_with(s, "codeberg:");
}

PackageSpec parse_package_spec(std::string_view arg) {
    PackageSpec spec;
    std::string text(arg);
    // The version follows the last '@'; a URL's user@host part comes before any '/' of its path,
    // so an '@' there is not taken for a version.
    auto at = text.rfind('@');
    auto scheme_end = text.find("://");
    bool at_in_authority = scheme_end != std::string::npos && at != std::string::npos && at > scheme_end &&
                           text.find('/', scheme_end + 3) > at;
    if (at != std::string::npos && !at_in_authority) {
        spec.version = text.substr(at + 1);
        text.resize(at);
        if (spec.version.empty()) raise_error("mip: '" + std::string(arg) + "': empty version after '@'");
    }
    if (text.empty()) raise_error("mip: empty package name");
    spec.display = text;
    spec.location = text;
    if (is_remote_location(text)) {
        if (is_repository_form(text)) {
            auto colon = text.find(':');
            std::string_view rest = std::string_view(text).substr(colon + 1);
            auto slash = rest.find('/');
            if (slash == std::string_view::npos || slash == 0 || slash + 1 >= rest.size())
                raise_error("mip: '" + text + "': expected " + text.substr(0, colon) + ":ORG/REPO[/PATH]");
        }
        if (ends_with(text, ".py") || ends_with(text, ".mpy")) {
            spec.kind = SpecKind::RemoteFile;
        } else {
            spec.kind = SpecKind::PackageJson;
            if (!ends_with(text, ".json")) spec.location = (ends_with(text, "/") ? text : text + "/") + "package.json";
        }
        return spec;
    }
    if (ends_with(text, ".json")) {
        spec.kind = SpecKind::PackageJson;
        return spec;
    }
    std::error_code ec;
    if (text.find('/') != std::string::npos && std::filesystem::is_directory(text, ec)) {
        spec.kind = SpecKind::PackageJson;
        spec.location = (ends_with(text, "/") ? text : text + "/") + "package.json";
        return spec;
    }
    if (ends_with(text, ".py") || ends_with(text, ".mpy")) {
        spec.kind = SpecKind::RemoteFile;  // a host file, installed as one module
        return spec;
    }
    spec.kind = SpecKind::IndexName;
    return spec;
}

std::string rewrite_url(std::string_view location, std::string_view ref, const HostBases& bases) {
    if (!is_repository_form(location)) return std::string(location);
    std::string branch = ref.empty() ? "HEAD" : std::string(ref);
    auto colon = location.find(':');
    std::string_view scheme = location.substr(0, colon);
    std::string_view rest = location.substr(colon + 1);
    auto s1 = rest.find('/');
    std::string org(rest.substr(0, s1));
    std::string_view after = s1 == std::string_view::npos ? std::string_view() : rest.substr(s1 + 1);
    auto s2 = after.find('/');
    std::string repo(after.substr(0, s2));
    std::string path = s2 == std::string_view::npos ? std::string() : std::string(after.substr(s2 + 1));
    if (scheme == "github") return bases.github + "/" + org + "/" + repo + "/" + branch + "/" + path;
    if (scheme == "gitlab") return bases.gitlab + "/" + org + "/" + repo + "/-/raw/" + branch + "/" + path;
    return bases.codeberg + "/" + org + "/" + repo + "/raw/branch/" + branch + "/" + path;
}

std::string location_dir(std::string_view location) {
    auto slash = location.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(location.substr(0, slash));
}

std::string join_location(std::string_view dir, std::string_view rel) {
    if (dir.empty()) return std::string(rel);
    return std::string(dir) + "/" + std::string(rel);
}

std::string name_from_location(std::string_view location) {
    std::string s(location);
    auto colon = s.find(':');
    if (is_repository_form(s)) s = s.substr(colon + 1);
    else if (is_url(s)) s = s.substr(s.find("://") + 3);
    while (!s.empty() && s.back() == '/') s.pop_back();
    if (ends_with(s, "/package.json")) s.resize(s.size() - 13);
    std::string base = s.substr(s.rfind('/') == std::string::npos ? 0 : s.rfind('/') + 1);
    for (std::string_view ext : {".json", ".mpy", ".py"})
        if (ends_with(base, ext)) {
            base.resize(base.size() - ext.size());
            break;
        }
    return base.empty() ? std::string(location) : base;
}

}  // namespace mpy::mip
