#include "remote/board/board_caps.h"

#include <algorithm>
#include <cstdlib>

namespace mpy {

std::size_t BoardCaps::source_budget() const {
    if (mem_free < 0) return 1024;
    long b = mem_free / 8;
    return static_cast<std::size_t>(std::clamp(b, 256L, 32768L));
}

std::size_t BoardCaps::read_chunk() const {
    if (mem_free < 0) return 256;
    long b = mem_free / 16;
    // Multiples of 3 keep every base64 line free of padding except the last.
    b = std::clamp(b, 192L, 12288L);
    return static_cast<std::size_t>(b - b % 3);
}

std::string caps_probe_code() {
    // Written for MicroPython 1.9 as much as 1.27: no f-strings, no walrus, small.
    return "import sys\n"
           "try:\n import os;_o='os'\n"
           "except ImportError:\n import uos as os;_o='uos'\n"
           "_c=['os='+_o,'plat='+sys.platform]\n"
           "for _n in ('stat','ilistdir','listdir','mkdir','rmdir','remove','rename','statvfs',"
           "'getcwd','size'):\n"
           " if hasattr(os,_n):_c.append(_n)\n"
           "for _n in ('hashlib','uhashlib'):\n"
           " try:\n"
           "  if hasattr(__import__(_n),'sha256'):_c.append('hashlib='+_n);break\n"
           " except ImportError:pass\n"
           "for _n in ('binascii','ubinascii'):\n"
           " try:\n"
           "  _m=__import__(_n)\n"
           // A binascii written in Python (the webassembly port's) is slower than sending
           // escaped bytes literals, which the board's C lexer decodes: only use a native one.
           "  if not hasattr(_m,'__file__'):\n"
           "   _c.append('binascii='+_n)\n"
           "   if hasattr(_m,'a2b_base64'):_c.append('a2b')\n"
           "   if hasattr(_m,'b2a_base64'):_c.append('b2a')\n"
           "  break\n"
           " except ImportError:pass\n"
           "try:\n"
           " import deflate;_c.append('deflate')\n"
           " if hasattr(deflate.DeflateIO,'write'):_c.append('deflatew')\n"
           "except ImportError:pass\n"
           "try:\n import gc;gc.collect();_c.append('mem=%d'%gc.mem_free())\n"
           "except:pass\n"
           "print(' '.join(_c))\n"
           "del _c,_n,_o\n";
}

BoardCaps parse_caps(std::string_view line) {
    BoardCaps c;
    while (!line.empty()) {
        auto sp = line.find_first_of(" \r\n");
        std::string_view tok = line.substr(0, sp);
        line = sp == std::string_view::npos ? std::string_view() : line.substr(sp + 1);
        if (tok.empty()) continue;
        auto eq = tok.find('=');
        std::string_view key = tok.substr(0, eq);
        std::string value = eq == std::string_view::npos ? "" : std::string(tok.substr(eq + 1));
        if (key == "os") c.os_module = value;
        else if (key == "plat") c.platform = value;
        else if (key == "hashlib") c.hashlib_module = value;
        else if (key == "binascii") c.binascii_module = value;
        else if (key == "mem") c.mem_free = std::strtol(value.c_str(), nullptr, 10);
        else if (key == "a2b") c.a2b_base64 = true;
        else if (key == "deflate") c.deflate = true;
        else if (key == "deflatew") c.deflate_compress = true;
        else if (key == "b2a") c.b2a_base64 = true;
        else if (key == "stat") c.stat = true;
        else if (key == "ilistdir") c.ilistdir = true;
        else if (key == "listdir") c.listdir = true;
        else if (key == "mkdir") c.mkdir = true;
        else if (key == "rmdir") c.rmdir = true;
        else if (key == "remove") c.remove = true;
        else if (key == "rename") c.rename = true;
        else if (key == "statvfs") c.statvfs = true;
        else if (key == "getcwd") c.getcwd = true;
        else if (key == "size") c.size = true;
    }
    return c;
}

}  // namespace mpy
