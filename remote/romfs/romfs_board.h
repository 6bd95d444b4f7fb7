// A board's ROM partitions, driven through the raw REPL with MicroPython's `vfs.rom_ioctl`
// (docs/library/vfs.rst; stm32's vfs_rom_ioctl.c, rp2's rp2_flash.c):
//   rom_ioctl(1)                  number of partitions
//   rom_ioctl(2, id)              the partition: a buffer (stm32, unix, the sim board) or a block
//                                 device with ioctl/writeblocks (rp2); a negative int if none
//   rom_ioctl(3, id, length)      erase for writing `length` bytes; the minimum write size
//   rom_ioctl(4, id, offset, buf) write; rom_ioctl(5, id) writing is complete
// Block devices are erased with ioctl(6, block) and written with writeblocks, as mpremote does.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "remote/board/board_fs.h"
#include "remote/board/lossy_line.h"
#include "remote/protocol/raw_repl.h"

namespace mpy::romfs {

struct Partition {
    int id = 0;
    long long size = 0;
    // Set for a block device (rp2's Flash object): its block count and size.
    std::optional<long long> block_count, block_size;
    std::string first_bytes;  // the partition's first 12 bytes (fewer if it is smaller)
};

// The board's .mpy format, for compiling the image's .py files.
struct MpyTarget {
    int version = 0;   // sys.implementation._mpy's low byte; 0: the board loads no .mpy
    std::string arch;  // "" (bytecode only) or the native architecture's name ("armv7emsp", ...)
};

// Called with the offset of each chunk before it is written.
using WriteProgress = std::function<void(std::size_t offset)>;

class RomfsBoard {
public:
    RomfsBoard(RawRepl& repl, BoardFs& fs) : fs_(fs), runner_(repl) {}

    // Whether the firmware has vfs.rom_ioctl.
    bool enabled();
    int partition_count();
    // nullopt when the board has no partition `id`.
    std::optional<Partition> partition(int id);
    MpyTarget mpy_target();

    // Erases what `image` needs, writes it (unmounting /rom first: the image under it changes)
    // and completes the write.  Throws DiagnosticError when the board refuses a step.
    void write(const Partition& p, std::string_view image, const WriteProgress& progress);
    // True when the partition starts with exactly `image` (sha256 on the board, or size and
    // byte sum where it has no hashlib).
    bool holds(const Partition& p, std::string_view image);
    // Mounts partition `id` at /rom as the board does at boot (and puts /rom and /rom/lib on
    // sys.path); false when the firmware has no vfs.VfsRom.
    bool mount_at_rom(int id);

private:
    std::string query(const std::string& code) { return runner_.query(code); }
    std::string run(const std::string& code) { return runner_.exec_until_compiled(code); }
    // Python expression with the chunk's bytes, in the most compact form the board can decode.
    std::string bytes_expression(std::string_view data);

    BoardFs& fs_;
    LossyLineRunner runner_;
};

}  // namespace mpy::romfs
