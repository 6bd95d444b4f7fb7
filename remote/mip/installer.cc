#include "remote/mip/installer.h"

#include <map>
#include <set>

#include "remote/board/sha256.h"
#include "remote/mip/compile_step.h"
#include "remote/mip/package_json.h"
#include "remote/protocol/raw_repl.h"

namespace mpy::mip {
namespace {

constexpr const char* kTemporarySuffix = ".mip~";

// The folders inside the target that hold `files` (relative paths), for removing those left
// empty once the files are gone.
std::vector<std::string> folders_inside_target(const std::string& target, const std::vector<std::string>& files) {
    std::vector<std::string> dirs;
    std::set<std::string> seen;
    for (std::string rel : files)
        for (auto slash = rel.rfind('/'); slash != std::string::npos; slash = rel.rfind('/')) {
            rel.resize(slash);
            std::string d = MipBoard::in_target(target, rel);
            if (seen.insert(d).second) dirs.push_back(d);
        }
    return dirs;
}

}  // namespace

void Installer::refuse_folders_on_flat_board(const std::vector<PlannedPackage>& packages) {
    if (board_.caps().has_directories()) return;
    if (!facts_.target.empty())
        raise_error("this board's file system has no folders: --target must be '/' (or left out)");
    for (const PlannedPackage& p : packages)
        for (const PlannedFile& f : p.files)
            if (f.target.find('/') != std::string::npos)
                raise_error("package '" + p.name + "' has folders ('" + f.target +
                     "'), and this board's file system has none: only single-module packages can be installed here");
}

void Installer::dry_run(const std::vector<PlannedPackage>& packages) const {
    for (const PlannedPackage& p : packages) {
        hooks_.say("Would install " + p.name + (p.version.empty() ? "" : " " + p.version) + ":");
        for (const PlannedFile& f : p.files)
            hooks_.say("  " + MipBoard::in_target(facts_.target, f.target) + "  <- " + f.url);
    }
}

void Installer::install(std::vector<PlannedPackage>& packages, bool compile) {
    refuse_folders_on_flat_board(packages);
    // Files given by URL are needed whole before anything can be compared (no hash is known).
    for (PlannedPackage& p : packages)
        for (PlannedFile& f : p.files)
            if (f.short_hash.empty()) fetch_file(fetcher_, f, p.name);
    if (compile) compile_sources(packages, facts_.mpy_version);

    // One file per target path: the first package that names it provides it.
    std::vector<PlannedFile*> files;
    std::vector<const PlannedPackage*> owners;
    std::set<std::string> targets;
    for (PlannedPackage& p : packages)
        for (PlannedFile& f : p.files)
            if (targets.insert(f.target).second) {
                files.push_back(&f);
                owners.push_back(&p);
            }

    std::vector<std::string> paths;
    for (PlannedFile* f : files) paths.push_back(MipBoard::in_target(facts_.target, f->target));
    std::vector<std::optional<std::string>> on_board = board_.sha256_of(paths);
    bool board_hashes = board_.caps().has_sha256();

    std::vector<std::pair<std::string, const std::string*>> to_write;
    std::vector<std::string> exists;
    for (std::size_t i = 0; i < files.size(); ++i) {
        PlannedFile& f = *files[i];
        bool same = false;
        if (board_hashes) {
            if (on_board[i]) {
                same = f.short_hash.empty() || f.compiled ? *on_board[i] == to_hex(sha256(f.data))
                                                          : hash_matches(*on_board[i], f.short_hash);
            }
        } else {
            // No hashlib on the board: compare contents (size first) through BoardFs.
            fetch_file(fetcher_, f, owners[i]->name);
            same = board_.has_same_content(paths[i], f.data);
        }
        if (same) {
            exists.push_back(paths[i]);
            continue;
        }
        fetch_file(fetcher_, f, owners[i]->name);  // verified against the index's hash
        to_write.emplace_back(paths[i], &f.data);
    }

    // The manifest records every package of this install, also those whose files were all there.
    Manifest manifest = parse_manifest(facts_.manifest_text);
    // Files an earlier version of a package put there that this version no longer has (and no
    // other package lists): removed once the new files are in place.
    Manifest before = manifest;
    std::vector<std::string> stale;
    for (const PlannedPackage& p : packages) {
        InstalledPackage& entry = manifest.packages[p.name];
        entry.version = p.version;
        entry.source = p.source;
        entry.files.clear();
        for (const PlannedFile& f : p.files) entry.files.push_back(f.target);
        entry.deps = p.deps;
    }
    for (const auto& [name, old] : before.packages)
        for (const std::string& f : old.files) {
            bool listed = false;
            for (const auto& [other, now] : manifest.packages)
                for (const std::string& g : now.files) listed = listed || g == f;
            if (!listed) stale.push_back(f);
        }
    std::string manifest_text = serialize_manifest(manifest);
    std::string manifest_file = MipBoard::manifest_path(facts_.target);

    for (const std::string& e : exists) hooks_.say("Exists: " + e);
    if (manifest_text != facts_.manifest_text) to_write.emplace_back(manifest_file, &manifest_text);
    write_all(to_write);
    if (!stale.empty()) {
        std::vector<std::string> paths;
        for (const std::string& s : stale) paths.push_back(MipBoard::in_target(facts_.target, s));
        for (const std::string& s : paths) hooks_.say("Removing: " + s);
        board_.remove_files(paths, folders_inside_target(facts_.target, stale));
    }
}

void Installer::write_all(const std::vector<std::pair<std::string, const std::string*>>& files) {
    if (files.empty()) return;
    bool atomic = board_.caps().rename;
    if (!atomic && hooks_.notice)
        hooks_.notice("note: this board has no os.rename, so the files are written in place (then verified), not atomically");
    std::vector<std::string> dirs;
    if (board_.caps().has_directories()) {
        // Folders of the files (the paths are absolute or relative to the board's cwd already).
        std::set<std::string> seen;
        for (const auto& [path, data] : files) {
            std::string dir = remote_dirname(path);
            for (const std::string& d : folders_for("", {dir + "/x"}))
                if (seen.insert(d).second) dirs.push_back(d);
        }
    }
    std::vector<std::string> created = board_.make_dirs(dirs);

    std::size_t total = 0, done = 0;
    for (const auto& [path, data] : files) total += data->size();
    std::vector<std::pair<std::string, std::string>> moves;
    std::vector<std::string> staged;
    std::string current;
    try {
        for (const auto& [path, data] : files) {
            current = path;
            bool is_manifest = remote_basename(path) == kManifestName;
            if (!is_manifest) hooks_.say("Installing: " + path);
            std::string temporary = atomic ? path + kTemporarySuffix : path;
            staged.push_back(temporary);
            board_.stage(temporary, *data, [&](std::size_t d, std::size_t) {
                if (hooks_.progress) hooks_.progress(done + d, total);
            });
            done += data->size();
            if (atomic) moves.emplace_back(temporary, path);
        }
    } catch (const DiagnosticError& e) {
        std::string why = e.diagnostic().message;
        if (auto* r = dynamic_cast<const RemoteExecError*>(&e); r && r->os_errno() == 28)
            why = "the board is out of space (ENOSPC)";
        if (!atomic) raise_error("writing " + current + " failed: " + why + "; this board has no os.rename, so the package may be partly installed");
        try {
            board_.remove_files(staged, created);
        } catch (const DiagnosticError&) {
        }
        raise_error("writing " + current + " failed: " + why + "; the files sent so far were removed, the board's previous files are unchanged");
    }
    board_.commit(moves);
}

std::vector<std::string> Installer::list() const {
    std::vector<std::string> out;
    Manifest m = parse_manifest(facts_.manifest_text);
    for (const auto& [name, p] : m.packages) {
        std::string line = name + (p.version.empty() ? "" : " " + p.version);
        if (!p.source.empty() && p.source != name) line += " (" + p.source + ")";
        line += ": " + std::to_string(p.files.size()) + (p.files.size() == 1 ? " file" : " files");
        out.push_back(line);
    }
    return out;
}

void Installer::uninstall(const std::string& name) {
    Manifest m = parse_manifest(facts_.manifest_text);
    if (!m.packages.count(name))
        raise_error("package '" + name + "' is not installed in " + (facts_.target.empty() ? "/" : facts_.target) +
             " (as far as mip's manifest knows; 'mip list' shows what is)");
    std::vector<std::string> files = m.files_only_in(name), paths;
    for (const std::string& f : files) paths.push_back(MipBoard::in_target(facts_.target, f));
    for (const std::string& p : paths) hooks_.say("Removing: " + p);
    board_.remove_files(paths, folders_inside_target(facts_.target, files));
    m.packages.erase(name);
    std::string manifest_file = MipBoard::manifest_path(facts_.target);
    if (m.packages.empty()) board_.remove_files({manifest_file});
    else board_.replace(manifest_file, serialize_manifest(m));
}

}  // namespace mpy::mip
