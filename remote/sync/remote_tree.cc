#include "remote/sync/remote_tree.h"

#include "common/diagnostics.h"
#include "remote/protocol/answer_lines.h"
#include "remote/protocol/raw_repl.h"
#include "remote/protocol/wire_codec.h"

namespace mpy::sync {
namespace {

std::string import_os(const BoardCaps& c) {
    return c.os_module == "os" ? "import os\n" : "import " + c.os_module + " as os\n";
}

// Board code that sets _g to the fingerprint text of the open file _f (closing it).
std::string fingerprint_code(const BoardCaps& c, const std::string& indent) {
    std::string read = indent + "while 1:\n" + indent + " _b=_f.read(" + std::to_string(c.read_chunk()) + ")\n" +
                       indent + " if not _b:break\n";
    if (c.has_sha256())
        return indent + "_h=_hl.sha256()\n" + read + indent + " _h.update(_b)\n" + indent + "_f.close()\n" + indent +
               "_g='sha256:'+''.join('%02x'%_x for _x in _h.digest())\n";
    // Adler-32, its two halves printed apart (no long ints needed on small ports).
    return indent + "_a=1;_s=0;_z=0\n" + read + indent + " _z+=len(_b)\n" + indent + " for _x in _b:\n" + indent +
           "  _a=(_a+_x)%65521;_s=(_s+_a)%65521\n" + indent + "_f.close()\n" + indent +
           "_g='adler32:%04x%04x:%d'%(_s,_a,_z)\n";
}

// "/lib" -> "/lib/", "/" -> "/", "" -> "": what a name is appended to.
std::string prefix_of(std::string_view root) {
    std::string p(root);
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    if (!p.empty() && p != "/") p += "/";
    return p;
}

}  // namespace

std::string remote_tree_code(const BoardCaps& c, std::string_view root) {
    std::string code = import_os(c);
    if (c.has_sha256()) code += "import " + c.hashlib_module + " as _hl\n";
    code += "_k=0\n";
    if (!c.has_directories()) {
        // One flat folder: every name is a file.
        return code + "for _q in os.listdir():\n _f=open(_q,'rb')\n" + fingerprint_code(c, " ") +
               " print('F',_g,repr(_q));_k+=1\nprint('E',_k)\n";
    }
    std::string prefix = prefix_of(root);
    std::string entries = c.ilistdir ? "[(_e[0],_e[1]) for _e in (os.ilistdir(_l) if _l else os.ilistdir())]"
                                     : "[(_n,os.stat(_d+_n)[0]) for _n in (os.listdir(_l) if _l else os.listdir())]";
    code += "def _sw(_d,_r):\n global _k\n _l=_d[:-1] if len(_d)>1 else _d\n for _n,_m in " + entries +
            ":\n  _p=_d+_n;_q=_r+_n\n  _k+=1\n  if _m&0x4000:\n   print('D',repr(_q));_sw(_p+'/',_q+'/')\n"
            "  else:\n   _f=open(_p,'rb')\n" +
            fingerprint_code(c, "   ") + "   print('F',_g,repr(_q))\n";
    if (prefix.empty() || prefix == "/") return code + "_sw(" + py_str(prefix) + ",'')\nprint('E',_k)\n";
    std::string dir = py_str(prefix.substr(0, prefix.size() - 1));
    return code + "try:\n _m=os.stat(" + dir + ")[0]\nexcept OSError:\n _m=-1\nif _m==-1:print('N')\nelif not _m&0x4000:print('X')\n" +
           "else:\n _sw(" + py_str(prefix) + ",'')\n print('E',_k)\n";
}

RemoteTree parse_remote_tree(const BoardCaps& c, std::string_view output, std::string_view root,
                             const ExcludeRules& rules) {
    RemoteTree tree;
    tree.kind = c.has_sha256() ? FingerprintKind::sha256 : FingerprintKind::adler32;
    auto lines = answer_lines(output);
    auto bad = [&](std::string_view line) {
        raise_error("unexpected answer from the board to the listing of its files: '" + std::string(line.substr(0, 80)) + "'");
    };
    if (lines.size() == 1 && lines[0] == "N") {
        tree.exists = false;
        return tree;
    }
    if (lines.size() == 1 && lines[0] == "X") raise_error("sync: :" + std::string(root) + " is a file on the board, not a folder");
    if (lines.empty() || lines.back().substr(0, 2) != "E ") bad(lines.empty() ? std::string_view() : lines.back());
    std::size_t count = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        std::string_view line = lines[i];
        RemoteEntry e;
        std::string_view name;
        if (line.substr(0, 2) == "D ") {
            e.is_dir = true;
            name = line.substr(2);
        } else if (line.substr(0, 2) == "F ") {
            auto sp = line.find(' ', 2);
            if (sp == std::string_view::npos) bad(line);
            e.fingerprint = std::string(line.substr(2, sp - 2));
            name = line.substr(sp + 1);
        } else {
            bad(line);
        }
        auto decoded = decode_py_literal(name);
        if (!decoded || decoded->empty()) bad(line);
        e.relative = *decoded;
        ++count;
        if (!rules.excluded(e.relative)) tree.entries.push_back(std::move(e));
    }
    if (std::to_string(count) != lines.back().substr(2)) bad(lines.back());
    return tree;
}

RemoteTree read_remote_tree(LossyLineRunner& runner, bool may_lose_bytes, const BoardCaps& caps,
                            std::string_view root, const ExcludeRules& rules) {
    std::string code = remote_tree_code(caps, root);
    // The snippet only reads: an answer of the wrong shape is asked for again on a lossy line.
    for (int attempt = 1;; ++attempt) {
        std::string out = runner.query(code);
        try {
            return parse_remote_tree(caps, out, root, rules);
        } catch (const DiagnosticError&) {
            if (attempt >= runner.attempts() || !may_lose_bytes) throw;
            runner.after_damaged_send(attempt);
        }
    }
}

}  // namespace mpy::sync
