// What a board can do, found by one probe at the first file-system command, so that mpr adapts
// instead of failing: the micro:bit (MicroPython 1.9.2) has an `os` with only listdir, remove,
// size and uname, no directories, no hashlib or binascii, and about 9 KB of heap.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mpy {

struct BoardCaps {
    // os module functions
    bool stat = false, ilistdir = false, listdir = false, mkdir = false, rmdir = false;
    bool remove = false, rename = false, statvfs = false, getcwd = false, size = false;
    std::string os_module = "os";           // "os" or "uos"
    std::string hashlib_module;             // "" when there is no hashlib.sha256
    std::string binascii_module;            // "" when there is no binascii
    bool a2b_base64 = false, b2a_base64 = false;
    bool deflate = false;                   // deflate.DeflateIO can decompress (MicroPython 1.21+)
    bool deflate_compress = false;          // ... and compress (MICROPY_PY_DEFLATE_COMPRESS)
    long mem_free = -1;                     // gc.mem_free() after gc.collect(), -1 unknown
    std::string platform;                   // sys.platform

    bool has_directories() const { return mkdir || stat || ilistdir; }
    bool has_sha256() const { return !hashlib_module.empty(); }
    // Bytes of Python source per file-transfer submission: large on big boards (few round
    // trips), small on tiny ones (the micro:bit fails with MemoryError above ~2 KB).
    std::size_t source_budget() const;
    // Bytes of file data read per chunk on the board when downloading.
    std::size_t read_chunk() const;
};

// The board-side code of the probe: prints one line of space-separated tokens.
std::string caps_probe_code();
// Parses the probe's line.  Unknown tokens are ignored (newer probes, older mpr).
BoardCaps parse_caps(std::string_view line);

}  // namespace mpy
