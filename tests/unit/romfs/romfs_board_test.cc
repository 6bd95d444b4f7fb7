// RomfsBoard against a scripted board (tests/unit/remote/fake_board.h) whose vfs.rom_ioctl keeps
// one buffer partition (as stm32's) in memory and understands exactly the snippets mpr sends:
// chunking and padding of writes, the board's refusals, verification, partition answers.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <vector>

#include "common/diagnostics.h"
#include "remote/board/board_fs.h"
#include "remote/board/sha256.h"
#include "remote/protocol/wire_codec.h"
#include "remote/romfs/romfs_board.h"
#include "tests/unit/remote/fake_board.h"

namespace mpy::romfs {
namespace {

using mpy::testing::FakeBoard;

constexpr const char* kCapsWithHashlib =
    "os=os plat=stm32 stat ilistdir listdir mkdir rmdir remove rename statvfs getcwd hashlib=hashlib "
    "binascii=binascii a2b b2a mem=60000";
constexpr const char* kCapsWithout = "os=os plat=tiny stat ilistdir listdir mkdir rmdir remove mem=60000";

struct RomBoard {
    std::string caps_line;
    std::string partition;            // its bytes (erased: 0xff)
    long long erase_answer = 4;       // what rom_ioctl(3, ...) answers
    long long write_answer = 0;       // what rom_ioctl(4, ...) answers
    int corrupt_after_write = -1;     // flip this byte once the write completes
    std::vector<std::size_t> writes;  // offsets written, in order
    std::vector<std::size_t> lengths; // their lengths
    bool mounted = false;
    bool block_device = false;        // rp2's kind: ioctl and writeblocks, 4096-byte blocks
    int erased_blocks = 0;
    bool writeblocks_raises = false;

    std::pair<std::string, std::string> run(const std::string& code) {
        std::smatch m;
        if (code.find("_c=['os='") != std::string::npos) return {caps_line + "\r\n", ""};
        if (code.find("hasattr(vfs,'rom_ioctl')") != std::string::npos) return {"True\r\n", ""};
        if (code.find("print(vfs.rom_ioctl(1))") != std::string::npos) return {"1\r\n", ""};
        if (std::regex_search(code, m, std::regex(R"(_d=vfs\.rom_ioctl\(2,(-?\d+)\)\nif isinstance)"))) {
            if (m[1] != "0") return {"none\r\n", ""};
            std::string head = block_device ? "blocks " + std::to_string(partition.size() / 4096) + " 4096"
                                            : "bytes " + std::to_string(partition.size());
            std::string first;
            for (std::size_t i = 0; i < 12 && i < partition.size(); ++i)
                first += (i ? " " : "") + std::to_string(static_cast<unsigned char>(partition[i]));
            return {head + "\r\n" + first + "\r\n", ""};
        }
        if (std::regex_search(code, m, std::regex(R"(for _b in range\((\d+)\):\n _d\.ioctl\(6,_b\))"))) {
            erased_blocks = std::stoi(m[1]);
            partition.replace(0, erased_blocks * 4096, std::string(erased_blocks * 4096, '\xff'));
            return {"", ""};
        }
        if (std::regex_search(code, m, std::regex(R"(_d\.writeblocks\((\d+),binascii\.a2b_base64\('([^']*)'\),(\d+)\))"))) {
            if (writeblocks_raises) return {"", "Traceback (most recent call last):\r\nOSError: [Errno 5] EIO\r\n"};
            std::size_t offset = std::stoul(m[1]) * 4096 + std::stoul(m[3]);
            std::string data = *base64_decode(m[2].str());
            writes.push_back(offset);
            lengths.push_back(data.size());
            partition.replace(offset, data.size(), data);
            return {"None\r\n", ""};
        }
        if (code.find("vfs.umount('/rom')") != std::string::npos) return {"", ""};
        if (std::regex_search(code, m, std::regex(R"(vfs\.rom_ioctl\(3,0,(\d+)\))"))) {
            if (erase_answer >= 0) partition.assign(partition.size(), '\xff');
            return {std::to_string(erase_answer) + "\r\n", ""};
        }
        if (std::regex_search(code, m, std::regex(R"(vfs\.rom_ioctl\(4,0,(\d+),binascii\.a2b_base64\('([^']*)'\)\))"))) {
            std::size_t offset = std::stoul(m[1]);
            std::string data = *base64_decode(m[2].str());
            writes.push_back(offset);
            lengths.push_back(data.size());
            if (write_answer < 0) return {std::to_string(write_answer) + "\r\n", ""};
            if (offset + data.size() > partition.size()) return {"-22\r\n", ""};
            partition.replace(offset, data.size(), data);
            return {"0\r\n", ""};
        }
        if (code.find("vfs.rom_ioctl(4,0,") != std::string::npos) {  // a bytes literal
            std::regex_search(code, m, std::regex(R"(vfs\.rom_ioctl\(4,0,(\d+),(b'.*')\)\))"));
            std::size_t offset = std::stoul(m[1]);
            std::string data = *decode_py_literal(m[2].str());
            writes.push_back(offset);
            lengths.push_back(data.size());
            partition.replace(offset, data.size(), data);
            return {"0\r\n", ""};
        }
        if (code.find("vfs.rom_ioctl(5,0)") != std::string::npos) {
            if (corrupt_after_write >= 0) partition[corrupt_after_write] ^= 1;
            return {"0\r\n", ""};
        }
        if (std::regex_search(code, m, std::regex(R"(hashlib\.sha256\(memoryview\(vfs\.rom_ioctl\(2,0\)\)\[:(\d+)\]\))")))
            return {hex_encode(sha256(partition.substr(0, std::stoul(m[1])))) + "\r\n", ""};
        if (std::regex_search(code, m, std::regex(R"(_m=memoryview\(vfs\.rom_ioctl\(2,0\)\)\[:(\d+)\])"))) {
            std::string head = partition.substr(0, std::stoul(m[1]));
            return {std::to_string(head.size()) + " " + std::to_string(byte_sum(head)) + "\r\n", ""};
        }
        if (code.find("vfs.VfsRom(") != std::string::npos) {
            mounted = true;
            return {"mounted\r\n", ""};
        }
        return {"", "Traceback (most recent call last):\r\nNameError: unexpected snippet\r\n"};
    }
};

struct Rig {
    Rig(const char* caps, std::size_t size) {
        rom.caps_line = caps;
        rom.partition.assign(size, '\xff');
        board = std::make_unique<FakeBoard>(FakeBoard::Paste::supported,
                                            [this](const std::string& c) { return rom.run(c); }, 128);
        board->piece = 4096;
        repl = std::make_unique<RawRepl>(*board, std::chrono::milliseconds(1000));
        repl->enter(false);
        fs = std::make_unique<BoardFs>(*repl);
        romfs = std::make_unique<RomfsBoard>(*repl, *fs);
    }
    RomBoard rom;
    std::unique_ptr<FakeBoard> board;
    std::unique_ptr<RawRepl> repl;
    std::unique_ptr<BoardFs> fs;
    std::unique_ptr<RomfsBoard> romfs;
};

std::string image_of(std::size_t n) {
    std::string s = std::string("\xd2\xcd\x31", 3);
    while (s.size() < n) s += static_cast<char>(s.size() * 7 % 251);
    return s;
}

TEST(RomfsBoard, ReadsThePartitionsAnswer) {
    Rig r(kCapsWithHashlib, 16384);
    EXPECT_TRUE(r.romfs->enabled());
    EXPECT_EQ(r.romfs->partition_count(), 1);
    std::optional<Partition> p = r.romfs->partition(0);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->size, 16384);
    EXPECT_FALSE(p->block_size);
    EXPECT_EQ(p->first_bytes, std::string(12, '\xff'));
    EXPECT_FALSE(r.romfs->partition(3)) << "a partition the board does not have";
}

TEST(RomfsBoard, WritesIn4KChunksPaddedWithZerosThenVerifies) {
    Rig r(kCapsWithHashlib, 16384);
    std::string image = image_of(10000);
    Partition p = *r.romfs->partition(0);
    std::vector<std::size_t> progress;
    r.romfs->write(p, image, [&](std::size_t offset) { progress.push_back(offset); });
    EXPECT_EQ(r.rom.writes, (std::vector<std::size_t>{0, 4096, 8192}));
    EXPECT_EQ(r.rom.lengths, (std::vector<std::size_t>{4096, 4096, 4096}));
    EXPECT_EQ(progress, r.rom.writes);
    EXPECT_EQ(r.rom.partition.substr(0, 10000), image);
    EXPECT_EQ(r.rom.partition.substr(10000, 2288), std::string(2288, '\0')) << "the last chunk padded with zeros";
    EXPECT_EQ(r.rom.partition.substr(12288), std::string(4096, '\xff')) << "untouched past the last chunk";
    EXPECT_TRUE(r.romfs->holds(p, image));
    EXPECT_TRUE(r.romfs->mount_at_rom(0));
    EXPECT_TRUE(r.rom.mounted);
}

TEST(RomfsBoard, PaddingStopsAtThePartitionsEnd) {
    Rig r(kCapsWithHashlib, 10000);
    std::string image = image_of(9000);
    Partition p = *r.romfs->partition(0);
    r.romfs->write(p, image, {});
    EXPECT_EQ(r.rom.lengths, (std::vector<std::size_t>{4096, 4096, 1808}));
    EXPECT_TRUE(r.romfs->holds(p, image));
}

TEST(RomfsBoard, WithoutBinasciiOrHashlibBytesLiteralsAndByteSums) {
    Rig r(kCapsWithout, 8192);
    std::string image = image_of(5000);
    Partition p = *r.romfs->partition(0);
    r.romfs->write(p, image, {});
    EXPECT_EQ(r.rom.writes, (std::vector<std::size_t>{0, 4096}));
    EXPECT_EQ(r.rom.partition.substr(0, 5000), image);
    EXPECT_TRUE(r.romfs->holds(p, image));
    r.rom.partition[100] ^= 0x10;
    r.rom.partition[101] ^= 0x10;  // a change the byte sum sees
    EXPECT_FALSE(r.romfs->holds(p, image));
}

TEST(RomfsBoard, AVerificationMismatchIsSeen) {
    Rig r(kCapsWithHashlib, 8192);
    r.rom.corrupt_after_write = 77;
    std::string image = image_of(3000);
    Partition p = *r.romfs->partition(0);
    r.romfs->write(p, image, {});
    EXPECT_FALSE(r.romfs->holds(p, image));
}

TEST(RomfsBoard, BlockDevicesAreErasedByBlockAndWrittenWithWriteblocks) {
    Rig r(kCapsWithHashlib, 16384);
    r.rom.block_device = true;
    std::string image = image_of(5000);
    Partition p = *r.romfs->partition(0);
    ASSERT_TRUE(p.block_size);
    EXPECT_EQ(*p.block_count, 4);
    EXPECT_EQ(p.size, 16384);
    r.romfs->write(p, image, {});
    EXPECT_EQ(r.rom.erased_blocks, 2) << "the blocks the image covers";
    EXPECT_EQ(r.rom.writes, (std::vector<std::size_t>{0, 4096}));
    EXPECT_EQ(r.rom.partition.substr(0, 5000), image);
    EXPECT_TRUE(r.romfs->holds(p, image));
    r.rom.writeblocks_raises = true;
    try {
        r.romfs->write(p, image, {});
        FAIL() << "a write the block device refuses must stop the write";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("failed to write ROMFS0 at offset 0 (OSError: [Errno 5] EIO)"),
                  std::string::npos)
            << e.diagnostic().message;
    }
}

TEST(RomfsBoard, RefusalsAreErrorsThatSayWhat) {
    Rig r(kCapsWithHashlib, 16384);
    Partition p = *r.romfs->partition(0);
    r.rom.erase_answer = -22;
    try {
        r.romfs->write(p, image_of(100), {});
        FAIL() << "a refused erase must stop the write";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("refused to erase ROMFS0"), std::string::npos) << e.diagnostic().message;
        EXPECT_TRUE(r.rom.writes.empty());
    }
    r.rom.erase_answer = 4;
    r.rom.write_answer = -5;
    try {
        r.romfs->write(p, image_of(100), {});
        FAIL() << "a failed write must stop the write";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("failed to write ROMFS0 at offset 0 (error -5)"), std::string::npos)
            << e.diagnostic().message;
        EXPECT_NE(e.diagnostic().message.find("deploy again"), std::string::npos);
    }
}

}  // namespace
}  // namespace mpy::romfs
