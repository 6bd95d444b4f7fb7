// fs cat|cp|ls|mkdir|rm|rmdir|touch|tree|sha256sum, df and edit: mpremote's file-system
// commands over BoardFs.  Paths starting with ':' are on the board; for everything but cp the
// ':' is optional.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fmt/format.h>
#include <unistd.h>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "remote/cli/commands.h"
#include "remote/cli/progress.h"
#include "remote/board/sha256.h"
#include "remote/protocol/micropython_errno.h"
#include "remote/protocol/wire_codec.h"

namespace mpy {
namespace fs = std::filesystem;
namespace {

constexpr int kEnoent = 2;

bool is_remote(const std::string& p) { return !p.empty() && p[0] == ':'; }
std::string strip_colon(const std::string& p) { return is_remote(p) ? p.substr(1) : p; }

// The C library's message for a board errno, as mpremote prints it; "" for one it does not know.
std::string strerror_for(int err) {
    const MicroPythonErrno* e = micropython_errno(err);
    return e ? std::string(e->message) : "";
}

// A board OSError in a file-system command, worded as mpremote words it (scripts match on it):
// "cat: x.py: No such file or directory."  The path is the board path without its ':'.
[[noreturn]] void fail_os(const std::string& cmd, const std::string& path, int err) {
    raise_error(cmd + ": " + path + ": " + strerror_for(err) + ".");
}

// Runs `op` and turns what the board raised into mpremote's messages: an OSError it knows as
// "CMD: PATH: reason.", anything else as "Error with transport:" and the board's traceback.
template <typename F>
auto with_path_errors(const std::string& cmd, const std::string& path, F&& op) {
    try {
        return op();
    } catch (const RemoteExecError& e) {
        int err = e.os_errno();
        if (!strerror_for(err).empty()) fail_os(cmd, path, err);
        std::string traceback = e.traceback();
        while (!traceback.empty() && (traceback.back() == '\n' || traceback.back() == '\r')) traceback.pop_back();
        raise_error("Error with transport:\n" + traceback);
    }
}

struct CopyContext {
    Session& s;
    bool check_hash;
    bool progress;
};

void copy_file(CopyContext& ctx, const std::string& src, std::string dest, bool multiple) {
    BoardFs& b = ctx.s.fs();
    bool dest_exists = false, dest_isdir = false;
    if (is_remote(dest)) {
        std::string no_slash = dest;
        while (no_slash.size() > 2 && no_slash.back() == '/') no_slash.pop_back();
        RemoteStat st = b.stat(strip_colon(no_slash));
        dest_exists = st.exists;
        dest_isdir = st.exists && st.is_dir;
        if (no_slash != dest) {
            if (!dest_isdir) raise_error("cp: destination is not a directory");
            dest = no_slash;
        }
    } else {
        std::error_code ec;
        dest_exists = fs::exists(dest, ec);
        dest_isdir = dest_exists && fs::is_directory(dest, ec);
    }
    if (multiple) {
        if (!dest_exists) raise_error("cp: destination does not exist");
        if (!dest_isdir) raise_error("cp: destination is not a directory");
    }

    std::string data, filename;
    if (is_remote(src)) {
        std::string path = strip_colon(src);
        RemoteStat st = b.stat(path);
        if (!st.exists) fail_os("cp", path, kEnoent);
        if (st.is_dir) raise_error("cp: -r not specified; omitting directory");
        ProgressBar bar("cp " + src, ctx.progress);
        data = with_path_errors("cp", path, [&] {
            return b.read_file(path, static_cast<std::size_t>(st.size),
                               [&](std::size_t d, std::size_t t) { bar.update(d, t); });
        });
        // Verify what arrived against the board's own digest of the file.
        if (!b.digest_matches(path, data)) raise_error("cp: :" + path + " arrived damaged (or changed while it was read)");
        filename = remote_basename(path);
    } else {
        std::error_code ec;
        if (fs::is_directory(src, ec)) raise_error("cp: -r not specified; omitting directory");
        data = read_file(src);
        filename = fs::path(src).filename().string();
    }

    if (is_remote(dest)) {
        std::string path = strip_colon(dest);
        if (dest_isdir) path = b.join(path, filename);
        if (ctx.check_hash && b.has_same_content(path, data)) {
            std::printf("Up to date: %s\n", path.c_str());
            std::fflush(stdout);
            return;
        }
        ProgressBar bar("cp " + src, ctx.progress);
        with_path_errors("cp", path, [&] {
            b.write_file(path, data, [&](std::size_t d, std::size_t t) { bar.update(d, t); });
            return 0;
        });
    } else {
        fs::path out = dest_isdir ? fs::path(dest) / filename : fs::path(dest);
        write_file_atomic(out, data);
    }
}

void copy_recursive(CopyContext& ctx, std::string src, std::string dest, bool multiple) {
    BoardFs& b = ctx.s.fs();
    auto strip_slashes = [](std::string p) {
        while (p.size() > 1 && p.back() == '/' && p != ":/") p.pop_back();
        return p;
    };
    src = strip_slashes(src);
    dest = strip_slashes(dest);
    bool dest_exists = is_remote(dest) ? b.stat(strip_colon(dest)).exists : fs::exists(dest);
    bool src_remote = is_remote(src);
    std::string src_path = strip_colon(src);
    bool src_is_dir = src_remote ? b.stat(src_path).is_dir : fs::is_directory(src_path);
    if (!src_is_dir) {
        copy_file(ctx, src, dest, multiple);
        return;
    }

    // Collect the directories to create and the files to copy, both as paths relative to
    // dest (as mpremote does: into dest/<name> when dest exists, else dest is the copy).
    std::vector<std::vector<std::string>> dirs;
    std::vector<std::pair<std::vector<std::string>, std::string>> files;
    std::function<void(const std::string&, const std::vector<std::string>&)> walk_dir =
        [&](const std::string& path, const std::vector<std::string>& dest_parts) {
            if (!dest_parts.empty()) dirs.push_back(dest_parts);
            std::vector<std::pair<std::string, bool>> entries;  // name, is a directory
            if (src_remote) {
                for (const RemoteEntry& e : b.listdir(path)) entries.emplace_back(e.name, e.is_dir);
            } else {
                for (const auto& e : fs::directory_iterator(path))
                    entries.emplace_back(e.path().filename().string(), e.is_directory());
            }
            std::sort(entries.begin(), entries.end());
            for (const auto& [name, is_dir] : entries) {
                auto parts = dest_parts;
                parts.push_back(name);
                std::string child = src_remote ? b.join(path, name) : (fs::path(path) / name).string();
                if (is_dir) walk_dir(child, parts);
                else files.emplace_back(parts, child);
            }
        };
    std::string base = src_remote ? remote_basename(src_path) : fs::path(src_path).filename().string();
    walk_dir(src_path, dest_exists ? std::vector<std::string>{base} : std::vector<std::string>{});

    auto make_dir = [&](const std::vector<std::string>& parts) {
        if (is_remote(dest)) {
            std::string p = strip_colon(dest);
            for (const std::string& part : parts) p = b.join(p, part);
            try {
                b.mkdir(p);
            } catch (const RemoteExecError& e) {
                if (e.os_errno() != 17) raise_error("cp: cannot create directory :" + p + ": " + e.diagnostic().message);
            }
        } else {
            fs::path p(dest);
            for (const std::string& part : parts) p /= part;
            std::error_code ec;
            fs::create_directory(p, ec);
            if (ec) raise_error("cp: cannot create directory " + p.string() + ": " + ec.message());
        }
    };
    if (!dest_exists) make_dir({});
    for (const auto& d : dirs) make_dir(d);
    std::sort(files.begin(), files.end());
    for (const auto& [parts, path] : files) {
        std::string from = src_remote ? ":" + path : path;
        std::string to;
        if (is_remote(dest)) {
            to = strip_colon(dest);
            for (const std::string& part : parts) to = b.join(to, part);
            to = ":" + to;
        } else {
            fs::path p(dest);
            for (const std::string& part : parts) p /= part;
            to = p.string();
        }
        copy_file(ctx, from, to, false);
    }
}

void remove_recursive(Session& s, const std::string& path, bool verbose) {
    BoardFs& b = s.fs();
    RemoteStat st = b.stat(path);
    if (!st.exists) fail_os("rm", path, kEnoent);
    if (!st.is_dir) {
        with_path_errors("rm", path, [&] { b.remove(path); return 0; });
        if (verbose) std::printf("removed: '%s'\n", path.c_str());
        return;
    }
    for (const RemoteEntry& e : b.listdir(path)) remove_recursive(s, b.join(path, e.name), verbose);
    // As mpremote, the working directory stays; "/" is tried too, and the board refuses
    // (EPERM: an error, after its contents are gone).  A board without directories has no
    // rmdir: its root simply stays.
    if (!path.empty() && (path != "/" || b.caps().rmdir)) {
        try {
            b.rmdir(path);
            if (verbose) std::printf("removed directory: '%s'\n", path.c_str());
        } catch (const RemoteExecError& e) {
            if (e.os_errno() != 22) raise_error("rm -r: cannot remove :" + path + " " + strerror_for(e.os_errno()));
            if (verbose) std::printf("skipped: '%s' (vfs mountpoint)\n", path.c_str());
        }
    }
}

std::string human_size(long long size) {
    const char* units[] = {"B", "K", "M", "G", "T"};
    double v = static_cast<double>(size);
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    return u == 0 ? std::to_string(size) : fmt::format("{:.1f}{}", v, units[u]);
}

void tree(Session& s, const ParsedCommand& c, const std::string& path, const std::string& prefix) {
    auto entries = s.fs().listdir(path);
    std::sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.name < b.name; });
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const RemoteEntry& e = entries[i];
        bool last = i + 1 == entries.size();
        std::string size;
        if (e.size > 0 || !e.is_dir) {
            if (c.flag("size")) size = fmt::format("[{:>9}]  ", e.size);
            else if (c.flag("human")) size = fmt::format("[{:>6}]  ", human_size(e.size));
        }
        std::printf("%s%s%s%s\n", prefix.c_str(), last ? "└── " : "├── ", size.c_str(), e.name.c_str());
        if (e.is_dir) tree(s, c, s.fs().join(path, e.name), prefix + (last ? "    " : "│   "));
    }
}

}  // namespace

int cmd_fs(Session& s, const ParsedCommand& c) {
    s.raw();
    s.did_action();
    std::string command = c.args.at(0);
    std::vector<std::string> paths(c.args.begin() + 1, c.args.end());
    std::string verbose_opt = c.value("verbose");
    bool verbose = command == "cat" ? verbose_opt == "1" : verbose_opt != "0";
    std::string cp_dest;
    if (command == "cp") {
        if (paths.size() <= 1) raise_error("cp: missing destination path");
        cp_dest = paths.back();
        paths.pop_back();
    } else {
        for (std::string& p : paths) p = strip_colon(p);
    }
    BoardFs& b = s.fs();
    CopyContext ctx{s, !c.flag("force"), stderr_is_terminal()};
    for (const std::string& path : paths) {
        if (verbose) {
            if (command == "cp") std::printf("cp %s %s\n", path.c_str(), cp_dest.c_str());
            else std::printf("%s :%s\n", command.c_str(), path.c_str());
            std::fflush(stdout);
        }
        if (command == "cat") {
            with_path_errors("cat", path, [&] { return b.read_file(path, 0, {}, write_stdout); });
        } else if (command == "ls") {
            RemoteStat st = b.stat(path);
            if (!st.exists) fail_os("ls", path, kEnoent);
            if (!st.is_dir) {
                std::printf("%12lld %s\n", st.size, remote_basename(path).c_str());
                continue;
            }
            auto entries = with_path_errors("ls", path, [&] { return b.listdir(path); });
            for (const RemoteEntry& e : entries)
                std::printf("%12lld %s%s\n", e.size, e.name.c_str(), e.is_dir ? "/" : "");
        } else if (command == "mkdir") {
            with_path_errors("mkdir", path, [&] { b.mkdir(path); return 0; });
        } else if (command == "rm") {
            // As in mpremote, the per-file lines of `rm -r` need an explicit -v.
            if (c.flag("recursive")) {
                refuse_recursive_rm_in_mount(s, path);
                remove_recursive(s, path, verbose_opt == "1");
            } else {
                with_path_errors("rm", path, [&] { b.remove(path); return 0; });
            }
        } else if (command == "rmdir") {
            with_path_errors("rmdir", path, [&] { b.rmdir(path); return 0; });
        } else if (command == "touch") {
            with_path_errors("touch", path, [&] { b.touch(path); return 0; });
        } else if (command == "sha256sum") {
            std::string digest;
            if (b.caps().has_sha256()) {
                RemoteStat st = b.stat(path);
                if (!st.exists) fail_os("sha256sum", path, kEnoent);
                digest = *with_path_errors("sha256sum", path, [&] { return b.digest(path); }).sha256;
            } else {
                // No hashlib on the board: fetch the file and hash it here.
                digest = sha256(with_path_errors("sha256sum", path, [&] { return b.read_file(path, 0, {}); }));
            }
            std::printf("%s\n", hex_encode(digest).c_str());
        } else if (command == "cp") {
            if (c.flag("recursive")) copy_recursive(ctx, path, cp_dest, paths.size() > 1);
            else copy_file(ctx, path, cp_dest, paths.size() > 1);
        } else if (command == "tree") {
            std::string p = path;
            if (p.empty() || p == ".") p = b.getcwd();
            RemoteStat st = b.stat(p);
            if (!st.is_dir) raise_error("tree: '" + p + "' is not a directory");
            if (verbose_opt == "1") std::printf(":%s on %s\n", p.c_str(), s.device_name().c_str());
            else std::printf(":%s\n", p.c_str());
            tree(s, c, p, "");
        } else {
            raise_error("fs: unknown command '" + command + "' (cat, cp, ls, mkdir, rm, rmdir, touch, tree, sha256sum)");
        }
        std::fflush(stdout);
    }
    return 0;
}

int cmd_df(Session& s, const ParsedCommand&) {
    BoardFs& b = s.fs();
    s.did_action();
    std::string f = "{:<10}{:>9}{:>9}{:>9}{:>5} {}\n";
    std::string out = fmt::format(fmt::runtime(f), "filesystem", "size", "used", "avail", "use%", "mounted on");
    for (const auto& r : b.df()) {
        if (r.size <= 0) continue;
        out += fmt::format(fmt::runtime(f), "<vfs>", r.size, r.used, r.avail, 100 * r.used / r.size, r.mount);
    }
    write_stdout(out);
    return 0;
}

int cmd_edit(Session& s, const ParsedCommand& c) {
    BoardFs& b = s.fs();
    s.did_action();
    const char* editor = std::getenv("EDITOR");
    if (!editor || !*editor) raise_error("edit: $EDITOR not set");
    for (const std::string& arg : c.args) {
        std::string src = strip_colon(arg);
        std::printf("edit :%s\n", src.c_str());
        std::fflush(stdout);
        with_path_errors("edit", src, [&] { b.touch(src); return 0; });
        std::string data = with_path_errors("edit", src, [&] { return b.read_file(src, 0, {}); });
        std::string tmpl = (fs::temp_directory_path() / ("mpr-edit-XXXXXX" + remote_basename(src))).string();
        int fd = mkstemps(tmpl.data(), static_cast<int>(remote_basename(src).size()));
        if (fd < 0) raise_error("edit: cannot create a temporary file");
        ::close(fd);
        write_file_atomic(tmpl, data);
        std::string cmdline = std::string(editor) + " \"" + tmpl + "\"";
        int rc = std::system(cmdline.c_str());
        if (rc == 0) {
            std::string edited = read_file(tmpl);
            if (edited != data) b.write_file(src, edited, {});
        }
        fs::remove(tmpl);
    }
    return 0;
}

}  // namespace mpy
