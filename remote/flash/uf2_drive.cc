#include "remote/flash/uf2_drive.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "remote/flash/flash_error.h"

namespace mpy::flash {
namespace fs = std::filesystem;
namespace {

constexpr const char* kInfoFile = "INFO_UF2.TXT";

// "Key: value" from INFO_UF2.TXT.
std::string field(const std::string& text, const std::string& key) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) != 0) continue;
        std::string v = line.substr(key.size() + 1);
        while (!v.empty() && (v.back() == '\r' || v.back() == ' ')) v.pop_back();
        while (!v.empty() && v.front() == ' ') v.erase(v.begin());
        return v;
    }
    return {};
}

struct BoardFamilies {
    const char* board_id_prefix;
    std::set<std::uint32_t> families;
};

// Board-IDs the boot loaders of MicroPython's UF2 ports report, and the families they take.
const std::vector<BoardFamilies>& board_table() {
    static const std::vector<BoardFamilies> table = {
        {"RPI-RP2", {0xe48bff56}},                                               // RP2040 boot ROM
        {"RP2350", {0xe48bff57, 0xe48bff58, 0xe48bff59, 0xe48bff5a, 0xe48bff5b}},  // RP2350 boot ROM
        {"SAMD21", {0x68ed2b88}},
        {"SAMD51", {0x55114460}},
        {"SAME54", {0x55114460}},
        {"nRF52840", {0xada52840, 0x1b57745f}},
        {"nRF52833", {0x621e937a, 0x1b57745f}},
        {"MIMXRT10", {0x4fb2d5bd}},
    };
    return table;
}

}  // namespace

std::set<std::uint32_t> families_for_board(const std::string& board_id) {
    for (const BoardFamilies& b : board_table())
        if (board_id.rfind(b.board_id_prefix, 0) == 0) return b.families;
    return {};
}

std::string Uf2Drive::describe() const {
    std::string out = "Board-ID " + (board_id.empty() ? std::string("?") : board_id);
    if (!model.empty()) out += " (" + model + ")";
    if (families.empty()) return out + ", family not known to mpr";
    std::string names;
    for (std::uint32_t f : families) names += (names.empty() ? "" : ", ") + describe_uf2_family(f);
    return out + ", takes " + names;
}

Uf2Drive read_uf2_drive(const fs::path& path) {
    std::ifstream in(path / kInfoFile, std::ios::binary);
    if (!in)
        throw FlashError(FlashFailure::no_device,
                         fmt::format("{} is not a UF2 drive (it has no {})", path.string(), kInfoFile));
    std::stringstream text;
    text << in.rdbuf();
    Uf2Drive d;
    d.path = path;
    d.board_id = field(text.str(), "Board-ID");
    d.model = field(text.str(), "Model");
    d.families = families_for_board(d.board_id);
    return d;
}

std::vector<fs::path> uf2_mount_roots() {
    std::vector<fs::path> roots;
    if (const char* extra = std::getenv("MPR_UF2_MOUNTS")) {
        std::string s = extra;
        for (std::size_t start = 0; start <= s.size();) {
            std::size_t end = s.find(':', start);
            if (end == std::string::npos) end = s.size();
            if (end > start) roots.emplace_back(s.substr(start, end - start));
            start = end + 1;
        }
    }
    if (const char* user = std::getenv("USER")) {
        roots.emplace_back(fs::path("/media") / user);
        roots.emplace_back(fs::path("/run/media") / user);
    }
    roots.emplace_back("/media");
    roots.emplace_back("/Volumes");
    return roots;
}

std::vector<Uf2Drive> find_uf2_drives(const std::vector<fs::path>& roots) {
    std::vector<Uf2Drive> out;
    std::set<fs::path> seen;
    for (const fs::path& root : roots) {
        std::error_code ec;
        for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code ignored;
            if (!fs::is_regular_file(it->path() / kInfoFile, ignored)) continue;
            fs::path canonical = fs::weakly_canonical(it->path(), ignored);
            if (!seen.insert(canonical).second) continue;
            try {
                out.push_back(read_uf2_drive(it->path()));
            } catch (const FlashError&) {
                // Unmounted between the listing and the read: not a drive any more.
            }
        }
    }
    return out;
}

std::string check_uf2_fits(const Uf2File& file, const Uf2Drive& drive, const std::string& file_name) {
    std::set<std::uint32_t> families = file.families();
    if (families.empty())
        return file_name + " names no UF2 family, so mpr cannot check that it is for this board";
    if (drive.families.empty())
        return fmt::format("mpr does not know which UF2 families board '{}' takes; not checked", drive.board_id);
    for (std::uint32_t f : families)
        if (drive.families.count(f)) return {};
    std::string names;
    for (std::uint32_t f : families) names += (names.empty() ? "" : ", ") + describe_uf2_family(f);
    std::string takes;
    for (std::uint32_t f : drive.families) takes += (takes.empty() ? "" : ", ") + describe_uf2_family(f);
    throw FlashError(FlashFailure::wrong_file,
                     fmt::format("{} is for UF2 family {}, but the board of drive {} (Board-ID {}) takes {}: "
                                 "wrong file for this board (nothing was copied)",
                                 file_name, names, drive.path.string(), drive.board_id, takes));
}

fs::path copy_to_drive(std::span<const std::uint8_t> bytes, const Uf2Drive& drive, const std::string& name,
                       const std::function<void(std::size_t, std::size_t)>& progress) {
    constexpr std::size_t kChunk = 64 * 1024;  // a step of the progress bar
    fs::path target = drive.path / name;
    auto fail = [&](const std::string& what) {
        throw FlashError(FlashFailure::io, fmt::format("cannot {} {}: {}", what, target.string(), std::strerror(errno)));
    };
    int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("create");
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, std::min(kChunk, bytes.size() - done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int saved = errno;
            ::close(fd);
            ::unlink(target.c_str());  // a partial file flashes nothing; leave no half-written output
            errno = saved;
            fail("write");
        }
        done += static_cast<std::size_t>(n);
        if (progress) progress(done, bytes.size());
    }
    // The boot loader sees the blocks as they reach the device, not when they sit in the page cache.
    // A board that got every block restarts at once, taking its drive away: a flush or close that
    // fails then is the copy having worked.
    std::error_code ec;
    auto drive_gone = [&] { return !fs::exists(drive.path / kInfoFile, ec); };
    if (::fsync(fd) != 0 && errno != EINVAL && !drive_gone()) {
        int saved = errno;
        ::close(fd);
        errno = saved;
        fail("flush");
    }
    if (::close(fd) != 0 && !drive_gone()) fail("close");
    return target;
}

}  // namespace mpy::flash
