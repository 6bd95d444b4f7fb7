#include "remote/romfs/romfs_board.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "common/diagnostics.h"
#include "remote/board/sha256.h"
#include "remote/protocol/wire_codec.h"

namespace mpy::romfs {
namespace {


std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

long long number(const std::vector<std::string>& words, std::size_t i, const char* what) {
    if (i >= words.size()) raise_error(std::string("romfs: unexpected answer from the board (") + what + ")");
    char* end = nullptr;
    long long v = std::strtoll(words[i].c_str(), &end, 10);
    if (*end != '\0') raise_error(std::string("romfs: unexpected answer from the board (") + what + ": " + words[i] + ")");
    return v;
}

std::string segment(int id) { return "vfs.rom_ioctl(2," + std::to_string(id) + ")"; }

// The .mpy header's architecture numbers (py/persistentcode.h's MP_NATIVE_ARCH_*).
std::string arch_name(long long number) {
    static const char* const names[] = {"",        "x86",      "x64",       "armv6",     "armv6m",
                                        "armv7m",  "armv7em",  "armv7emsp", "armv7emdp", "xtensa",
                                        "xtensawin", "rv32imc", "rv64imc"};
    return number >= 0 && number < static_cast<long long>(std::size(names)) ? names[number] : "";
}

}  // namespace

bool RomfsBoard::enabled() { return query("import vfs\nprint(hasattr(vfs,'rom_ioctl'))\n").find("True") == 0; }

int RomfsBoard::partition_count() {
    return static_cast<int>(number(words_of(query("import vfs\nprint(vfs.rom_ioctl(1))\n")), 0, "partition count"));
}

std::optional<Partition> RomfsBoard::partition(int id) {
    // One round trip: "none" | "blocks COUNT SIZE" | "bytes LENGTH", then the first bytes.
    std::string code = "import vfs\n_d=" + segment(id) +
                       "\nif isinstance(_d,int) and _d<0:print('none')\n"
                       "else:\n print(*(('blocks',_d.ioctl(4,0),_d.ioctl(5,0)) if hasattr(_d,'ioctl') else "
                       "('bytes',len(_d))))\n print(*bytes(memoryview(_d)[:12]))\ndel _d\n";
    std::string answer = query(code);
    auto newline = answer.find('\n');
    std::vector<std::string> head = words_of(answer.substr(0, newline));
    if (head.empty()) raise_error("romfs: unexpected answer from the board (partition " + std::to_string(id) + ")");
    if (head[0] == "none") return std::nullopt;
    Partition p;
    p.id = id;
    if (head[0] == "blocks") {
        p.block_count = number(head, 1, "block count");
        p.block_size = number(head, 2, "block size");
        p.size = *p.block_count * *p.block_size;
    } else {
        p.size = number(head, 1, "partition size");
    }
    std::vector<std::string> bytes = words_of(newline == std::string::npos ? "" : answer.substr(newline + 1));
    for (std::size_t i = 0; i < bytes.size(); ++i) p.first_bytes += static_cast<char>(number(bytes, i, "contents"));
    return p;
}

MpyTarget RomfsBoard::mpy_target() {
    std::vector<std::string> w =
        words_of(query("import sys\n_v=getattr(sys.implementation,'_mpy',0)\nprint(_v&255,_v>>10&63)\ndel _v\n"));
    return MpyTarget{static_cast<int>(number(w, 0, ".mpy version")), arch_name(number(w, 1, ".mpy arch"))};
}

std::string RomfsBoard::bytes_expression(std::string_view data) {
    const BoardCaps& c = fs_.caps();
    if (c.a2b_base64) return c.binascii_module + ".a2b_base64('" + base64_encode(data) + "')";
    return "b'" + encode_bytes_literal(data, BytesLiteralOptions{false}) + "'";
}

void RomfsBoard::write(const Partition& p, std::string_view image, const WriteProgress& progress) {
    const std::string id = std::to_string(p.id);
    const BoardCaps& c = fs_.caps();
    std::string imports = "import vfs\n" + (c.a2b_base64 ? "import " + c.binascii_module + "\n" : std::string());
    run("import vfs\ntry:\n vfs.umount('/rom')\nexcept:\n pass\n");
    // 4 KB per submission (mpremote's), or what the partition needs as its smallest write.
    std::size_t chunk = 4096;
    if (p.block_size) {
        long long blocks = (static_cast<long long>(image.size()) + *p.block_size - 1) / *p.block_size;
        run("import vfs\n_d=" + segment(p.id) + "\nfor _b in range(" + std::to_string(blocks) +
            "):\n _d.ioctl(6,_b)\ndel _d\n");
        chunk = std::min<std::size_t>(chunk, static_cast<std::size_t>(*p.block_size));
    } else {
        long long min_write = number(
            words_of(run("import vfs\nprint(vfs.rom_ioctl(3," + id + "," + std::to_string(image.size()) + "))\n")), 0,
            "erase");
        if (min_write < 0)
            raise_error("romfs: the board refused to erase ROMFS" + id + " for " + std::to_string(image.size()) +
                 " bytes (error " + std::to_string(min_write) + ")");
        chunk = std::max<std::size_t>(chunk, static_cast<std::size_t>(min_write));
    }
    for (std::size_t offset = 0; offset < image.size(); offset += chunk) {
        if (progress) progress(offset);
        // Whole chunks padded with zeros (flash writes in units of the minimum write size),
        // never past the partition's end.
        std::size_t room = static_cast<std::size_t>(p.size) - offset;
        std::string data(image.substr(offset, chunk));
        data.resize(std::min(chunk, room), '\0');
        std::string call =
            p.block_size ? "_d.writeblocks(" + std::to_string(offset / *p.block_size) + "," + bytes_expression(data) +
                               "," + std::to_string(offset % *p.block_size) + ")"
                         : "vfs.rom_ioctl(4," + id + "," + std::to_string(offset) + "," + bytes_expression(data) + ")";
        auto failed_write = [&](const std::string& why) {
            raise_error("romfs: the board failed to write ROMFS" + id + " at offset " + std::to_string(offset) + " (" + why +
                 "); the partition holds a partial image: deploy again");
        };
        std::string answer;
        try {
            answer = run(imports + "_d=" + segment(p.id) + "\nprint(" + call + ")\ndel _d\n");
        } catch (const RemoteExecError& e) {  // a block device raises OSError
            failed_write(e.diagnostic().message);
        }
        std::vector<std::string> w = words_of(answer);
        if (!w.empty() && w[0] != "None" && number(w, 0, "write") < 0) failed_write("error " + w[0]);
    }
    if (!p.block_size) {
        std::vector<std::string> w = words_of(run("import vfs\nprint(vfs.rom_ioctl(5," + id + "))\n"));
        if (!w.empty() && w[0] != "None" && number(w, 0, "write complete") < 0)
            raise_error("romfs: the board failed to complete writing ROMFS" + id + " (error " + w[0] + ")");
    }
}

bool RomfsBoard::holds(const Partition& p, std::string_view image) {
    const BoardCaps& c = fs_.caps();
    std::string view = "memoryview(" + segment(p.id) + ")[:" + std::to_string(image.size()) + "]";
    if (c.has_sha256() && !c.binascii_module.empty()) {
        std::string answer = query("import vfs," + c.hashlib_module + "," + c.binascii_module + "\nprint(" +
                                   c.binascii_module + ".hexlify(" + c.hashlib_module + ".sha256(" + view +
                                   ").digest()).decode())\n");
        std::vector<std::string> w = words_of(answer);
        return !w.empty() && w[0] == hex_encode(sha256(image));
    }
    std::vector<std::string> w = words_of(query("import vfs\n_m=" + view + "\nprint(len(_m),sum(_m))\ndel _m\n"));
    return number(w, 0, "length") == static_cast<long long>(image.size()) &&
           number(w, 1, "byte sum") == static_cast<long long>(byte_sum(image));
}

bool RomfsBoard::mount_at_rom(int id) {
    std::string answer = run(
        "import vfs,sys\nif hasattr(vfs,'VfsRom'):\n vfs.mount(vfs.VfsRom(" + segment(id) +
        "),'/rom')\n for _p in ('/rom','/rom/lib'):\n  if _p not in sys.path:sys.path.append(_p)\n print('mounted')\n");
    return answer.find("mounted") != std::string::npos;
}

}  // namespace mpy::romfs
