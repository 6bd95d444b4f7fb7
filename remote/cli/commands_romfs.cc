// romfs query|build|deploy: the command line of remote/romfs/ (ROMFS images of host folders and
// the board's ROM partitions through vfs.rom_ioctl), with mpremote 1.27's messages.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "common/diagnostics.h"
#include "remote/cli/commands.h"
#include "remote/mip/compile_step.h"
#include "remote/protocol/wire_codec.h"
#include "remote/romfs/folder_image.h"
#include "remote/romfs/romfs_board.h"
#include "remote/romfs/romfs_image.h"

namespace mpy {
namespace {

void say(std::string_view line) {
    std::printf("%.*s\n", static_cast<int>(line.size()), line.data());
    std::fflush(stdout);
}

// "ROMFS0 partition has size 4096 bytes[ (1 blocks of 4096 bytes each)]"
void say_partition_size(const romfs::Partition& p) {
    std::string line = "ROMFS" + std::to_string(p.id) + " partition has size " + std::to_string(p.size) + " bytes";
    if (p.block_size)
        line += " (" + std::to_string(*p.block_count) + " blocks of " + std::to_string(*p.block_size) + " bytes each)";
    say(line);
}

std::string colon_hex(std::string_view bytes) {
    std::string hex = hex_encode(bytes), out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        if (i) out += ':';
        out.append(hex, i, 2);
    }
    return out;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string folder_image(const std::string& folder, bool compile, const std::string& arch) {
    romfs::FolderImageOptions o;
    o.compile = compile;
    o.compile_options.arch = arch;
    o.print = say;
    return romfs::build_folder_image(folder, o);
}

int romfs_query(Session& s) {
    romfs::RomfsBoard board(s.raw(), s.fs());
    if (!board.enabled()) {
        say("ROMFS is not enabled on this device");
        return 0;
    }
    int count = board.partition_count();
    if (count <= 0) {
        say("No ROMFS partitions available");
        return 0;
    }
    for (int id = 0; id < count; ++id) {
        std::optional<romfs::Partition> p = board.partition(id);
        if (!p) raise_error("ROMFS" + std::to_string(id) + " partition not found on device");
        say_partition_size(*p);
        say("  Raw contents: " + colon_hex(p->first_bytes) + " ...");
        if (auto length = romfs::declared_image_length(p->first_bytes))
            say("  ROMFS image size: " + std::to_string(*length));
        else
            say("  Not a valid ROMFS");
    }
    return 0;
}

int romfs_build(const ParsedCommand& c) {
    if (c.args.size() < 2) raise_error("romfs build: source path not given");
    const std::string& folder = c.args[1];
    std::string output = c.value("output");
    if (output.empty()) output = folder + ".romfs";
    // No board: plain bytecode, as mpremote's mpy_cross (no -march) makes it.
    std::string image = folder_image(folder, c.flag("mpy", true), "");
    say("Writing " + std::to_string(image.size()) + " bytes to output file " + output);
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    if (!out.write(image.data(), static_cast<std::streamsize>(image.size())) || !out.flush())
        raise_error("romfs build: cannot write " + output);
    return 0;
}

// The image to deploy: an image file (.img/.romfs) as it is, else a folder built for the board.
std::string image_to_deploy(const std::string& path, bool compile, romfs::RomfsBoard& board) {
    if ((ends_with(path, ".img") || ends_with(path, ".romfs")) && std::filesystem::is_regular_file(path)) {
        std::ifstream file(path, std::ios::binary);
        std::string image(std::istreambuf_iterator<char>(file), {});
        if (file.bad() || !file.is_open()) raise_error("romfs deploy: cannot read " + path);
        return image;
    }
    std::string arch;
    if (compile) {
        romfs::MpyTarget target = board.mpy_target();
        std::string ours = mip::compiler_mpy_version();
        if (std::to_string(target.version) != ours)
            raise_error("romfs deploy: the board loads " +
                 (target.version ? ".mpy version " + std::to_string(target.version) : std::string("no .mpy files")) +
                 ", mpytools' compiler writes version " + ours + " (deploy with --no-mpy to keep .py source)");
        arch = target.arch;
    }
    return folder_image(path, compile, arch);
}

int romfs_deploy(Session& s, const ParsedCommand& c) {
    if (c.args.size() < 2) raise_error("romfs deploy: source path not given");
    int id = std::stoi(c.value("partition", "0"));
    romfs::RomfsBoard board(s.raw(), s.fs());
    std::string image = image_to_deploy(c.args[1], c.flag("mpy", true), board);
    say("Image size is " + std::to_string(image.size()) + " bytes");
    if (!board.enabled()) raise_error("ROMFS is not enabled on this device");
    std::optional<romfs::Partition> p = board.partition(id);
    if (!p) raise_error("ROMFS" + std::to_string(id) + " partition not found on device");
    say_partition_size(*p);
    // mpremote says these two on stdout and exits with status 1; so does mpr.
    if (!romfs::declared_image_length(image)) {
        say("Invalid ROMFS image");
        return 1;
    }
    if (static_cast<long long>(image.size()) > p->size) {
        say("ROMFS image is too big for the target partition");
        return 1;
    }
    say("Preparing ROMFS" + std::to_string(id) + " partition for writing");
    board.write(*p, image, [](std::size_t offset) {
        std::printf("\rWriting at offset %zu", offset);
        std::fflush(stdout);
    });
    say("");
    if (!board.holds(*p, image))
        raise_error("romfs deploy: ROMFS" + std::to_string(id) +
             " does not hold the image after writing (verification failed); deploy again");
    say("ROMFS image deployed");
    // Boards mount partition 0 at /rom when they start; mpr does it right away, so that the next
    // command can import from it (silently: the output stays mpremote's).
    if (id == 0) board.mount_at_rom(id);
    return 0;
}

}  // namespace

int cmd_romfs(Session& s, const ParsedCommand& c) {
    s.did_action();
    const std::string& sub = c.args[0];
    if (sub == "query") return romfs_query(s);
    if (sub == "build") return romfs_build(c);
    if (sub == "deploy") return romfs_deploy(s, c);
    raise_error("romfs: '" + sub + "' is not a command; pass romfs --help for a list");
}

}  // namespace mpy
