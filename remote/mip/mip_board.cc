#include "remote/mip/mip_board.h"

#include <algorithm>
#include <set>

#include "remote/board/lossy_line.h"
#include "remote/mip/manifest.h"
#include "remote/mip/package_json.h"
#include "remote/protocol/answer_lines.h"
#include "remote/protocol/wire_codec.h"

namespace mpy::mip {
namespace {

std::string import_os(const BoardCaps& c) {
    return c.os_module == "os" ? "import os\n" : "import " + c.os_module + " as os\n";
}

// A Python list literal of strings.
std::string py_list(const std::vector<std::string>& items) {
    std::string s = "[";
    for (const std::string& i : items) s += py_str(i) + ",";
    return s + "]";
}

// Paths per submission, so that one submission stays well below what a board can compile.
constexpr std::size_t kPathsPerBatch = 24;

}  // namespace

// On a line that loses bytes (the micro:bit's) a snippet may arrive damaged and fail to compile:
// it did not run then, and is sent again; any other answer stands.
std::string MipBoard::run(const std::string& code) { return LossyLineRunner(repl_).exec_until_compiled(code); }
std::string MipBoard::query(const std::string& code) { return LossyLineRunner(repl_).query(code); }

std::string MipBoard::in_target(const std::string& target, const std::string& relative) {
    return target.empty() ? relative : remote_join(target, relative);
}

std::string MipBoard::manifest_path(const std::string& target) { return in_target(target, kManifestName); }

BoardFacts MipBoard::probe(const std::string& target) {
    const BoardCaps& c = caps();
    std::string target_expr =
        !target.empty() ? py_str(target)
        : c.has_directories() ? "([_p for _p in sys.path if _p.endswith('/lib') and not _p.startswith('/rom')]+[None])[0]"
                              : "''";
    // One line each: the .mpy version number, the arch (from the .mpy word's bits 10 and up),
    // repr(target), repr(manifest text).
    std::string code = "import sys\n_v=getattr(sys.implementation,'_mpy',0)\nprint(_v&255)\nprint(_v>>10)\n_t=" +
                       target_expr + "\nprint(repr(_t))\n_m=''\nif _t is not None:\n try:\n  _f=open((_t+'/' if _t else '')+" +
                       py_str(kManifestName) + ")\n  _m=_f.read()\n  _f.close()\n except OSError:\n  pass\nprint(repr(_m))\ndel _v,_t,_m\n";
    auto lines = answer_lines(query(code));
    if (lines.size() < 4) raise_error("unexpected answer from the board to mip's probe");
    BoardFacts f;
    f.mpy_version = lines[0] == "0" ? "py" : lines[0];
    static const char* const arches[] = {"", "x86", "x64", "armv6", "armv6m", "armv7m", "armv7em", "armv7emsp",
                                         "armv7emdp", "xtensa", "xtensawin", "rv32imc", "rv64imc"};
    int arch = std::atoi(lines[1].c_str()) & 0x3f;
    f.mpy_arch = arch >= 0 && arch < 13 ? arches[arch] : "";
    if (lines[2] == "None") raise_error("unable to find a lib folder in the board's sys.path; use --target to choose one");
    auto t = decode_py_literal(lines[2]);
    auto m = decode_py_literal(lines[3]);
    if (!t || !m) raise_error("unexpected answer from the board to mip's probe");
    f.target = *t;
    while (f.target.size() > 1 && f.target.back() == '/') f.target.pop_back();
    if (!c.has_directories() && f.target == "/") f.target.clear();  // a flat file system's names have no '/'
    f.manifest_text = *m;
    return f;
}

std::vector<std::optional<std::string>> MipBoard::sha256_of(const std::vector<std::string>& paths) {
    std::vector<std::optional<std::string>> out;
    const BoardCaps& c = caps();
    if (!c.has_sha256()) return std::vector<std::optional<std::string>>(paths.size());
    for (std::size_t at = 0; at < paths.size(); at += kPathsPerBatch) {
        std::vector<std::string> batch(paths.begin() + at, paths.begin() + std::min(paths.size(), at + kPathsPerBatch));
        std::string code = "import " + c.hashlib_module +
                           " as _hl\ndef _hf(p):\n try:\n  f=open(p,'rb')\n except OSError:\n  return None\n"
                           " try:\n  h=_hl.sha256()\n  while 1:\n   b=f.read(1024)\n   if not b:break\n   h.update(b)\n"
                           "  return h.digest()\n except OSError:\n  return None\n finally:\n  f.close()\n"
                           "for _p in " + py_list(batch) + ":print(repr(_hf(_p)))\ndel _hf\n";
        auto lines = answer_lines(query(code));
        if (lines.size() != batch.size()) raise_error("unexpected answer from the board to the sha256 of the target's files");
        for (const std::string& l : lines) {
            if (l == "None") {
                out.emplace_back();
                continue;
            }
            auto raw = decode_py_literal(l);
            if (!raw || raw->size() != 32) raise_error("unexpected sha256 from the board: '" + l + "'");
            out.emplace_back(to_hex(*raw));
        }
    }
    return out;
}

std::vector<std::string> MipBoard::make_dirs(const std::vector<std::string>& dirs) {
    std::vector<std::string> created;
    if (dirs.empty()) return created;
    const BoardCaps& c = caps();
    if (!c.mkdir) raise_error("this board has no folders (its os module has no mkdir)");
    for (std::size_t at = 0; at < dirs.size(); at += kPathsPerBatch) {
        std::vector<std::string> batch(dirs.begin() + at, dirs.begin() + std::min(dirs.size(), at + kPathsPerBatch));
        std::string exists = c.stat ? "  os.stat(_d)\n" : "  os.listdir(_d)\n";
        std::string out = run(import_os(c) + "for _d in " + py_list(batch) + ":\n try:\n" + exists +
                              " except OSError:\n  os.mkdir(_d)\n  print(repr(_d))\n");
        for (const std::string& l : answer_lines(out))
            if (auto d = decode_py_literal(l)) created.push_back(*d);
    }
    return created;
}

void MipBoard::stage(const std::string& temporary, const std::string& data, const ProgressFn& progress) {
    fs_.write_file(temporary, data, progress, /*via_temporary=*/false);
}

void MipBoard::commit(const std::vector<std::pair<std::string, std::string>>& moves) {
    const BoardCaps& c = caps();
    for (std::size_t at = 0; at < moves.size(); at += kPathsPerBatch) {
        std::string pairs = "[";
        for (std::size_t i = at; i < std::min(moves.size(), at + kPathsPerBatch); ++i)
            pairs += "(" + py_str(moves[i].first) + "," + py_str(moves[i].second) + "),";
        pairs += "]";
        // FAT refuses to rename onto an existing file on some ports: remove it and try again.
        run(import_os(c) + "def _mv(a,b):\n try:\n  os.rename(a,b)\n except OSError:\n  os.remove(b)\n  os.rename(a,b)\n"
                           "for _a,_b in " + pairs + ":_mv(_a,_b)\ndel _mv\n");
    }
}

void MipBoard::remove_files(const std::vector<std::string>& paths, const std::vector<std::string>& dirs) {
    const BoardCaps& c = caps();
    for (std::size_t at = 0; at < paths.size(); at += kPathsPerBatch) {
        std::vector<std::string> batch(paths.begin() + at, paths.begin() + std::min(paths.size(), at + kPathsPerBatch));
        query(import_os(c) + "for _p in " + py_list(batch) + ":\n try:\n  os.remove(_p)\n except OSError:\n  pass\n");
    }
    if (dirs.empty() || !c.rmdir) return;
    std::vector<std::string> deepest_first = dirs;
    std::sort(deepest_first.begin(), deepest_first.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    query(import_os(c) + "for _d in " + py_list(deepest_first) + ":\n try:\n  os.rmdir(_d)\n except OSError:\n  pass\n");
}

std::vector<std::string> folders_for(const std::string& target, const std::vector<std::string>& relative_files) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    auto add_with_parents = [&](const std::string& dir) {
        std::size_t pos = dir.size() > 0 && dir[0] == '/' ? 1 : 0;
        while (pos <= dir.size()) {
            auto slash = dir.find('/', pos);
            std::string prefix = dir.substr(0, slash);
            if (!prefix.empty() && prefix != "/" && seen.insert(prefix).second) out.push_back(prefix);
            if (slash == std::string::npos) break;
            pos = slash + 1;
        }
    };
    if (!target.empty()) add_with_parents(target);
    for (const std::string& f : relative_files) {
        auto slash = f.rfind('/');
        if (slash == std::string::npos) continue;
        add_with_parents(MipBoard::in_target(target, f.substr(0, slash)));
    }
    return out;
}

}  // namespace mpy::mip
