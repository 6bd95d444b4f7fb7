#include "remote/board/board_snippets.h"

#include <fmt/format.h>

#include "remote/protocol/wire_codec.h"

namespace mpy::snippets {
namespace {

std::string import_os(const BoardCaps& c) {
    return c.os_module == "os" ? "import os\n" : "import " + c.os_module + " as os\n";
}

// The root of a board without directories is the only directory there is.
bool is_root(std::string_view p) { return p.empty() || p == "/" || p == "."; }

}  // namespace

std::string stat(const BoardCaps& c, std::string_view path) {
    std::string p = py_str(path);
    if (c.stat)
        return import_os(c) + "try:\n _s=os.stat(" + p + ");print(_s[0],_s[6])\nexcept OSError:\n print(-1,0)\n";
    // micro:bit: a flat file system; os.size() raises for a missing file.
    if (is_root(path)) return "print(16384,0)\n";
    std::string name = py_str(path[0] == '/' ? path.substr(1) : path);
    return import_os(c) + "if " + name + " in os.listdir():print(32768," +
           (c.size ? "os.size(" + name + ")" : std::string("0")) + ")\nelse:print(-1,0)\n";
}

std::string listdir(const BoardCaps& c, std::string_view path) {
    std::string p = path.empty() ? "" : py_str(path);
    std::string prefix = path.empty() ? "''" : py_str(std::string(path) + (path.back() == '/' ? "" : "/"));
    if (c.ilistdir) {
        // VfsPosix (the unix port, the webassembly runtime) gives 3-tuples without the size:
        // then a regular file's size comes from os.stat.
        std::string size = c.stat ? "_e[3] if len(_e)>3 else os.stat(" + prefix + "+_e[0])[6] if _e[1]&0x8000 else 0"
                                  : "_e[3] if len(_e)>3 else 0";
        return import_os(c) + "for _e in os.ilistdir(" + p + "):print(_e[1]," + size + ",repr(_e[0]))\n";
    }
    if (c.stat) {
        return import_os(c) + "for _n in os.listdir(" + p + "):\n _s=os.stat(" + prefix +
               "+_n);print(_s[0],_s[6],repr(_n))\n";
    }
    // No stat: every entry is a file; sizes from os.size when the board has it.
    return import_os(c) + "for _n in os.listdir():print(32768," + (c.size ? "os.size(_n)" : "0") +
           ",repr(_n))\n";
}

std::string open_for_write(const BoardCaps& c, std::string_view path, bool base64) {
    std::string s = "_f=open(" + py_str(path) + ",'wb');_w=_f.write;_x=b''\n";
    if (base64) s += "from " + c.binascii_module + " import a2b_base64 as _d\n";
    return s;
}

// The board checks the chunk's length and byte sum before writing it and prints how many bytes
// it wrote, or -1 when the chunk arrived damaged (nothing is written then: send it again).
std::string write_base64(std::string_view b64, std::size_t len, std::uint32_t sum) {
    return "_x=_d(b'" + std::string(b64) + "')\n" + write_checked(len, sum);
}
std::string write_literal(std::string_view body, std::size_t len, std::uint32_t sum) {
    return "_x=b'" + std::string(body) + "'\n" + write_checked(len, sum);
}
std::string write_checked(std::size_t len, std::uint32_t sum) {
    return "print(_w(_x) if len(_x)==" + std::to_string(len) + " and sum(_x)==" + std::to_string(sum) +
           " else -1)\n";
}
std::string close_write() { return "_f.close();del _f,_w,_x\n"; }

std::string digest(const BoardCaps& c, std::string_view path) {
    std::size_t n = c.read_chunk();
    std::string open = "with open(" + py_str(path) + ",'rb') as _f:\n while 1:\n  _b=_f.read(" +
                       std::to_string(n) + ")\n  if not _b:break\n";
    if (c.has_sha256())
        return "import " + c.hashlib_module + " as _hl\n_h=_hl.sha256()\n" + open +
               "  _h.update(_b)\nprint(repr(_h.digest()))\ndel _h,_b\n";
    return "_n=_t=0\n" + open + "  _n+=len(_b);_t=(_t+sum(_b))&0xffffffff\nprint(_n,_t)\ndel _n,_t,_b\n";
}

std::string replace_file(const BoardCaps& c, std::string_view tmp, std::string_view dest) {
    std::string t = py_str(tmp), d = py_str(dest);
    // FAT refuses to rename onto an existing file on some ports: remove it and try again.
    return import_os(c) + "try:\n os.rename(" + t + "," + d + ")\nexcept OSError:\n os.remove(" + d +
           ")\n os.rename(" + t + "," + d + ")\n";
}

std::string read_file(const BoardCaps& c, std::string_view path, std::size_t chunk) {
    std::string open = "with open(" + py_str(path) + ",'rb') as _f:\n while 1:\n  _b=_f.read(" +
                       std::to_string(chunk) + ")\n  if not _b:break\n";
    if (c.b2a_base64)
        return "from " + c.binascii_module + " import b2a_base64 as _e\n" + open +
               "  print(_e(_b).decode(),end='')\n";
    return open + "  print(repr(_b))\n";
}

std::string inflate_file(const BoardCaps& c, std::string_view zpath, std::string_view path, int wbits) {
    std::size_t n = c.read_chunk();
    return "import deflate\n_n=0\nwith open(" + py_str(zpath) + ",'rb') as _i:\n with open(" + py_str(path) +
           ",'wb') as _o:\n  _z=deflate.DeflateIO(_i,deflate.RAW," + std::to_string(wbits) +
           ")\n  while 1:\n   _b=_z.read(" + std::to_string(n) + ")\n   if not _b:break\n   _n+=_o.write(_b)\n" +
           import_os(c) + "os.remove(" + py_str(zpath) + ")\nprint(_n)\ndel _n,_z,_b\n";
}

std::string read_file_deflated(const BoardCaps& c, std::string_view path, std::size_t chunk, int wbits) {
    const std::string n = std::to_string(chunk);
    std::string print_chunk = c.b2a_base64 ? "print(_e(_b).decode(),end='')" : "print(repr(_b))";
    std::string s = c.b2a_base64 ? "from " + c.binascii_module + " import b2a_base64 as _e\n" : "";
    s += "import deflate,io\n_s=io.BytesIO()\n_z=deflate.DeflateIO(_s,deflate.RAW," + std::to_string(wbits) +
         ")\n_t=0\nwith open(" + py_str(path) + ",'rb') as _f:\n while 1:\n  _b=_f.read(" + n +
         ")\n  if not _b:break\n"
         // The compressor's output streams: when the first 2 KB do not shrink by an eighth (binary
         // data: text shrinks to 0.5-0.7 there already) the attempt ends at once, so an
         // incompressible file costs the board only that much work before it is sent as it is.
         "  if not _t:\n   _z.write(_b[:2048])\n   if _s.tell()*8>min(len(_b),2048)*7:_t=-1;break\n"
         "   _z.write(_b[2048:])\n  else:_z.write(_b)\n  _t+=len(_b)\n_z.close()\n_v=_s.getvalue();del _s,_z\n"
         "if len(_v)*2<_t:\n print('Z')\n for _i in range(0,len(_v)," + n + "):\n  _b=_v[_i:_i+" + n +
         "]\n  " + print_chunk + "\nelse:\n print('R')\n del _v\n with open(" + py_str(path) +
         ",'rb') as _f:\n  while 1:\n   _b=_f.read(" + n + ")\n   if not _b:break\n   " + print_chunk + "\n";
    return s;
}

std::string remove(const BoardCaps& c, std::string_view path) {
    return import_os(c) + "os.remove(" + py_str(path) + ")\n";
}
std::string mkdir(const BoardCaps& c, std::string_view path) {
    return import_os(c) + "os.mkdir(" + py_str(path) + ")\n";
}
std::string rmdir(const BoardCaps& c, std::string_view path) {
    return import_os(c) + "os.rmdir(" + py_str(path) + ")\n";
}

std::string touch(const BoardCaps& c, std::string_view path) {
    std::string p = py_str(path);
    if (c.stat) return "open(" + p + ",'a').close()\n";
    // Boards whose open() has no append mode: create only if missing.
    return import_os(c) + "if " + py_str(path[0] == '/' ? path.substr(1) : path) +
           " not in os.listdir():open(" + p + ",'w').close()\n";
}

std::string getcwd(const BoardCaps& c) {
    if (c.getcwd) return import_os(c) + "print(repr(os.getcwd()))\n";
    return "print(repr('/'))\n";
}

std::string df(const BoardCaps& c) {
    return import_os(c) +
           "try:\n import vfs;_ms=[_m[1] for _m in vfs.mount()]\nexcept:\n _ms=['/']\n"
           "for _p in _ms:\n _s=os.statvfs(_p)\n print(_s[0]*_s[2],_s[0]*(_s[2]-_s[3]),_s[0]*_s[3],repr(_p))\n";
}

std::string raw_byte_check() { return "_b=b'\xff\x80';print(len(_b),_b[0])\n"; }

}  // namespace mpy::snippets
