#include "remote/mip/resolver.h"

#include "remote/board/sha256.h"

namespace mpy::mip {
namespace {

std::string basename_of(const std::string& location) {
    auto slash = location.rfind('/');
    std::string base = slash == std::string::npos ? location : location.substr(slash + 1);
    auto colon = base.find(':');  // "github:x.py" has no folder part
    return colon == std::string::npos ? base : base.substr(colon + 1);
}

}  // namespace

std::string index_file_url(const std::string& index, const std::string& short_hash) {
    return index + "/file/" + short_hash.substr(0, 2) + "/" + short_hash;
}

Resolver::Resolver(Fetcher& fetcher, ResolveOptions options, std::string target_for_messages,
                   std::function<void(const std::string&)> say)
    : fetcher_(fetcher), opts_(std::move(options)), target_(std::move(target_for_messages)), say_(std::move(say)) {}

void Resolver::add(const std::string& arg) { add_spec(parse_package_spec(arg)); }

void Resolver::add_spec(const PackageSpec& spec) {
    // Each package once: the first request of a name (or location) decides its version.
    std::string key = spec.kind == SpecKind::IndexName ? "index:" + spec.location : spec.location + "@" + spec.version;
    if (!seen_.insert(key).second) return;

    PlannedPackage pkg;
    pkg.source = spec.display + (spec.version.empty() ? "" : "@" + spec.version);
    pkg.version = spec.version;
    switch (spec.kind) {
        case SpecKind::IndexName: {
            std::string version = spec.version.empty() ? "latest" : spec.version;
            say_("Installing " + spec.location + " (" + version + ") from " + opts_.index + " to " + target_);
            pkg.name = spec.location;
            std::string url = opts_.index + "/package/" + opts_.mpy_version + "/" + spec.location + "/" + version + ".json";
            add_from_json(std::move(pkg), url, spec.version, true);
            return;
        }
        case SpecKind::RemoteFile: {
            if (is_remote_location(spec.location)) say_("Downloading " + spec.location + " to " + target_);
            pkg.name = name_from_location(spec.location);
            std::string target = basename_of(spec.location);
            check_target_path(target, spec.location);
            pkg.files.push_back({target, rewrite_url(spec.location, spec.version, opts_.bases), "", "", false, false});
            packages_.push_back(std::move(pkg));
            return;
        }
        case SpecKind::PackageJson: {
            if (is_remote_location(spec.location)) say_("Installing " + spec.location + " to " + target_);
            pkg.name = name_from_location(spec.location);
            add_from_json(std::move(pkg), spec.location, spec.version, false);
            return;
        }
    }
}

void Resolver::add_from_json(PlannedPackage pkg, const std::string& json_location, const std::string& ref,
                             bool from_index) {
    std::string text;
    try {
        text = fetcher_.get(rewrite_url(json_location, ref, opts_.bases));
    } catch (const FetchError& e) {
        if (!from_index || !e.not_found()) {
            if (e.not_found()) raise_error("package not found: " + json_location);
            throw;
        }
        // Tell an unknown package from an unknown version of a known one.
        if (!pkg.version.empty()) {
            std::string latest = opts_.index + "/package/" + opts_.mpy_version + "/" + pkg.name + "/latest.json";
            try {
                PackageJson l = parse_package_json(fetcher_.get(latest), latest);
                raise_error("version " + pkg.version + " of package '" + pkg.name + "' not found in the index " + opts_.index +
                     (l.version.empty() ? "" : " (its latest version is " + l.version + ")"));
            } catch (const FetchError&) {
            }
        }
        raise_error("package '" + pkg.name + "' not found in the index " + opts_.index + " (asked " + json_location + ")");
    }
    PackageJson desc = parse_package_json(text, json_location);
    if (!desc.version.empty()) pkg.version = desc.version;
    std::string base = location_dir(json_location);
    for (const HashedFile& h : desc.hashes)
        pkg.files.push_back({h.target, index_file_url(opts_.index, h.hash), h.hash, "", false, false});
    for (const UrlFile& u : desc.urls) {
        std::string loc = is_remote_location(u.url) || base.empty() ? u.url : join_location(base, u.url);
        pkg.files.push_back({u.target, rewrite_url(loc, ref, opts_.bases), "", "", false, false});
    }
    std::vector<Dependency> deps = desc.deps;
    for (const Dependency& d : deps) {
        PackageSpec dep = parse_package_spec(d.name + (d.version.empty() ? "" : "@" + d.version));
        pkg.deps.push_back(dep.kind == SpecKind::IndexName ? dep.location : name_from_location(dep.location));
    }
    packages_.push_back(std::move(pkg));
    for (const Dependency& d : deps) add_spec(parse_package_spec(d.name + (d.version.empty() ? "" : "@" + d.version)));
}

void fetch_file(Fetcher& fetcher, PlannedFile& file, const std::string& package_name) {
    if (file.fetched) return;
    file.data = fetcher.get(file.url);
    if (!file.short_hash.empty()) {
        std::string got = to_hex(sha256(file.data));
        if (!hash_matches(got, file.short_hash))
            raise_error("hash mismatch for " + file.target + " of package '" + package_name + "' from " + file.url +
                 ": the index names " + file.short_hash + ", the file's sha256 is " + got.substr(0, 16) +
                 "...; nothing was written to the board");
    }
    file.fetched = true;
}

}  // namespace mpy::mip
