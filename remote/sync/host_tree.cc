#include "remote/sync/host_tree.h"

#include <algorithm>
#include <set>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "compiler/compiler.h"
#include "remote/mip/compile_step.h"

namespace mpy::sync {
namespace fs = std::filesystem;
namespace {

void walk(const fs::path& dir, const std::string& relative_dir, const ExcludeRules& rules, HostTree& tree,
          std::set<fs::path>& open_dirs) {
    std::error_code ec;
    fs::path canonical = fs::canonical(dir, ec);
    if (ec) raise_error("sync: cannot read folder " + dir.string() + ": " + ec.message());
    if (!open_dirs.insert(canonical).second) raise_error("sync: " + dir.string() + " links back to a folder above it");
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) raise_error("sync: cannot read folder " + dir.string() + ": " + ec.message());
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path().filename() < b.path().filename(); });
    for (const fs::directory_entry& e : entries) {
        std::string name = e.path().filename().string();
        std::string relative = relative_dir.empty() ? name : relative_dir + "/" + name;
        if (rules.excluded(relative)) continue;
        if (e.is_directory(ec)) {
            tree.dirs.push_back(relative);
            walk(e.path(), relative, rules, tree, open_dirs);
        } else if (e.is_regular_file(ec)) {
            tree.files.push_back({relative, read_file(e.path()), {}});
        }
        // Anything else (a broken link, a socket) has nothing to send.
    }
    open_dirs.erase(canonical);
}

}  // namespace

HostTree read_host_tree(const fs::path& root, const ExcludeRules& rules) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) raise_error("sync: " + root.string() + " is not a folder");
    HostTree tree;
    std::set<fs::path> open_dirs;
    walk(root, "", rules, tree, open_dirs);
    return tree;
}

bool compiles_to_mpy(const std::string& relative) {
    if (relative.size() < 3 || relative.compare(relative.size() - 3, 3, ".py") != 0) return false;
    return relative != "boot.py" && relative != "main.py";
}

void compile_host_tree(HostTree& tree, const std::string& board_mpy_version, const fs::path& root) {
    std::set<std::string> names;
    for (const HostFile& f : tree.files) names.insert(f.relative);
    bool any = false;
    for (const HostFile& f : tree.files) any = any || compiles_to_mpy(f.relative);
    if (!any) return;
    if (board_mpy_version == "py")
        raise_error("sync --compile: this board cannot import .mpy files (sync without --compile to send the .py files)");
    if (board_mpy_version != mip::compiler_mpy_version())
        raise_error("sync --compile: the board loads .mpy version " + board_mpy_version + ", mpytools' compiler writes version " +
             mip::compiler_mpy_version() + " (sync without --compile to send the .py files)");
    for (HostFile& f : tree.files) {
        if (!compiles_to_mpy(f.relative)) continue;
        std::string target = f.relative.substr(0, f.relative.size() - 3) + ".mpy";
        std::string where = (root / f.relative).string();
        if (names.count(target))
            raise_error("sync --compile: " + where + " would compile to " + target + ", which the folder also has");
        CompileOptions opts;
        opts.source_name = f.relative;
        try {
            f.data = compile_to_mpy(f.data, opts);
        } catch (const DiagnosticError& e) {
            const Diagnostic& d = e.diagnostic();
            raise_error("sync --compile: " + where + (d.where.line ? ":" + std::to_string(d.where.line) : "") + ": " + d.kind +
                 ": " + d.message + " (nothing was sent to the board)");
        }
        f.shadowed_source = f.relative;
        f.relative = target;
    }
}

}  // namespace mpy::sync
