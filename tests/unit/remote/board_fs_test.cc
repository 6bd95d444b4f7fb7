// BoardFs against a scripted board that understands exactly the snippets mpr sends (and checks
// that they are the expected ones), with a file system in a map.  It can damage chunks on the
// way, as the micro:bit's UART does, to test that transfers are retried and verified.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <map>
#include <random>
#include <regex>

#include "remote/board/board_fs.h"
#include "remote/board/sha256.h"
#include "remote/protocol/wire_codec.h"
#include "tests/unit/remote/fake_board.h"

namespace mpy {
namespace {

using testing::FakeBoard;

std::string bytes_repr(std::string_view data) {
    std::string s = "b'";
    for (char c : data) s += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    return s + "'";
}

struct FsBoard {
    std::string caps_line;
    std::map<std::string, std::string> files;
    std::string open_file;
    int damage_chunks = 0;  // damage this many chunk submissions (drop a byte from the data)
    int chunk_submissions = 0;
    std::vector<std::string> log;  // what kind of snippet each submission was

    std::pair<std::string, std::string> run(const std::string& code) {
        std::smatch m;
        auto arg = [&](const char* re) {
            return std::regex_search(code, m, std::regex(re)) ? *decode_py_literal(m[1].str()) : std::string();
        };
        if (code.find("_c=['os='") != std::string::npos) return note("probe", caps_line + "\r\n");
        if (code.find("_b=b'\xff\x80'") != std::string::npos) return note("rawbyte", "2 255\r\n");
        if (code.find(",'a').close()") != std::string::npos) {  // touch
            files[arg(R"(open\(('[^']*'),'a'\))")];
            return note("touch", "");
        }
        if (code.find("os.rename(") != std::string::npos) {
            std::regex_search(code, m, std::regex(R"(os\.rename\(('[^']*'),('[^']*')\))"));
            std::string from = *decode_py_literal(m[1].str()), to = *decode_py_literal(m[2].str());
            files[to] = files[from];
            files.erase(from);
            return note("rename", "");
        }
        if (code.find("os.remove(") != std::string::npos) {
            std::string p = arg(R"(os\.remove\(('[^']*')\))");
            if (!files.erase(p)) return note("remove", "", "OSError: [Errno 2] ENOENT\r\n");
            return note("remove", "");
        }
        if (code.find(",'wb');_w=_f.write") != std::string::npos) {
            open_file = arg(R"(_f=open\(('[^']*'),'wb'\))");
            files[open_file].clear();
            return note("open", "");
        }
        if (code.rfind("_x=", 0) == 0) {
            ++chunk_submissions;
            std::string data;
            if (code.rfind("_x=_d(b'", 0) == 0) {
                std::size_t end = code.find("')\n");
                data = *base64_decode(code.substr(8, end - 8));
            } else {
                std::size_t end = code.find("'\nprint(");
                data = *decode_py_literal(code.substr(3, end + 1 - 3));
            }
            if (damage_chunks > 0 && data.size() > 1) {
                --damage_chunks;
                data.erase(data.size() / 2, 1);
            }
            std::regex_search(code, m, std::regex(R"(len\(_x\)==(\d+) and sum\(_x\)==(\d+))"));
            bool good = std::to_string(data.size()) == m[1].str() && std::to_string(byte_sum(data)) == m[2].str();
            if (!good) return note("chunk", "-1\r\n");
            files[open_file] += data;
            return note("chunk", std::to_string(data.size()) + "\r\n");
        }
        if (code.find("_f.close()") != std::string::npos) return note("close", "");
        if (code == "print(16384,0)\n") return note("stat", "16384 0\r\n");  // the root
        if (code.find("os.stat(") != std::string::npos) {
            std::string p = arg(R"(os\.stat\(('[^']*')\))");
            auto it = files.find(p);
            return note("stat", it == files.end() ? "-1 0\r\n" : "32768 " + std::to_string(it->second.size()) + "\r\n");
        }
        if (code.find(" in os.listdir():print(32768,") != std::string::npos) {
            std::string p = arg(R"(if ('[^']*') in os\.listdir)");
            auto it = files.find(p);
            return note("stat", it == files.end() ? "-1 0\r\n" : "32768 " + std::to_string(it->second.size()) + "\r\n");
        }
        if (code.find(",'rb') as _f:") != std::string::npos) {
            std::string p = arg(R"(with open\(('[^']*'),'rb'\))");
            auto it = files.find(p);
            if (it == files.end()) return note("read", "", "OSError: [Errno 2] ENOENT\r\n");
            const std::string& d = it->second;
            if (code.find("sha256") != std::string::npos) return note("sha", bytes_repr(sha256(d)) + "\r\n");
            if (code.find("_n+=len(_b)") != std::string::npos)
                return note("sum", fmt::format("{} {}\r\n", d.size(), byte_sum(d)));
            std::regex_search(code, m, std::regex(R"(_f\.read\((\d+)\))"));
            std::size_t n = std::stoul(m[1].str());
            std::string out;
            for (std::size_t i = 0; i < d.size(); i += n)
                out += code.find("b2a_base64") != std::string::npos ? base64_encode(d.substr(i, n)) + "\r\n"
                                                                    : bytes_repr(d.substr(i, n)) + "\r\n";
            return note("read", out);
        }
        return note("unknown", "", "NameError: fake board does not understand: " + code + "\r\n");
    }

    std::pair<std::string, std::string> note(const char* kind, std::string out, std::string err = "") {
        log.emplace_back(kind);
        return {std::move(out), std::move(err)};
    }
    int count(const std::string& kind) const { return static_cast<int>(std::count(log.begin(), log.end(), kind)); }
};

constexpr const char* microbit_caps = "os=os plat=microbit listdir remove size mem=7312";
constexpr const char* modern_caps =
    "os=os plat=rp2 stat ilistdir listdir mkdir rmdir remove rename statvfs getcwd hashlib=hashlib "
    "binascii=binascii a2b b2a mem=60000";

std::string blob(std::size_t n) {
    std::mt19937 rng(42);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xff);
    return s;
}

struct Rig {
    explicit Rig(const char* caps) {
        fs.caps_line = caps;
        board = std::make_unique<FakeBoard>(FakeBoard::Paste::supported,
                                            [this](const std::string& c) { return fs.run(c); }, 128);
        board->piece = 4096;
        repl = std::make_unique<RawRepl>(*board, std::chrono::milliseconds(1000));
        repl->enter(false);
        bfs = std::make_unique<BoardFs>(*repl);
    }
    FsBoard fs;
    std::unique_ptr<FakeBoard> board;
    std::unique_ptr<RawRepl> repl;
    std::unique_ptr<BoardFs> bfs;
};

TEST(MprBoardFs, ModernBoardWritesWithBase64AndSha256) {
    Rig r(modern_caps);
    std::string data = blob(20000);
    r.bfs->write_file("lib/x.bin", data, {});
    EXPECT_EQ(r.fs.files.at("lib/x.bin"), data);
    EXPECT_EQ(r.fs.count("open"), 1);
    EXPECT_EQ(r.fs.count("touch"), 1) << "a new file's name is created first (mpremote's listing order)";
    EXPECT_EQ(r.fs.count("rename"), 1) << "the data arrives under a temporary name, renamed when verified";
    EXPECT_EQ(r.fs.files.count("lib/x.bin.mpr~"), 0u) << "temporary left behind";
    EXPECT_EQ(r.fs.count("sha"), 1);
    // 60000 bytes free: 7500-byte submissions, about 5600 bytes of data each.
    EXPECT_EQ(r.fs.chunk_submissions, 4);
    for (const std::string& code : r.board->executed) EXPECT_LE(code.size(), 7500u);
    EXPECT_TRUE(r.bfs->has_same_content("lib/x.bin", data));
    EXPECT_FALSE(r.bfs->has_same_content("lib/x.bin", data + "!"));
    EXPECT_EQ(r.bfs->read_file("lib/x.bin", data.size(), {}), data);
}

TEST(MprBoardFs, ExistingFileIsReplacedThroughAVerifiedTemporary) {
    Rig r(modern_caps);
    r.fs.files["lib/x.bin"] = "old";
    std::string data = blob(3000);
    r.bfs->write_file("lib/x.bin", data, {});
    EXPECT_EQ(r.fs.files.at("lib/x.bin"), data);
    EXPECT_EQ(r.fs.files.count("lib/x.bin.mpr~"), 0u) << "temporary left behind";
    EXPECT_EQ(r.fs.count("touch"), 0) << "an existing file needs no placeholder";
    EXPECT_EQ(r.fs.count("rename"), 1) << "renamed over the destination, atomically";
    EXPECT_EQ(r.fs.count("sha"), 1);
}

TEST(MprBoardFs, NewFileIsRemovedWhenEveryChunkArrivesDamaged) {
    Rig r(modern_caps);
    r.fs.damage_chunks = 1000;
    EXPECT_THROW(r.bfs->write_file("new.bin", blob(100), {}), DiagnosticError);
    EXPECT_EQ(r.fs.files.count("new.bin"), 0u) << "the new file's placeholder left behind";
    EXPECT_EQ(r.fs.files.count("new.bin.mpr~"), 0u) << "a partly written temporary left behind";
}

TEST(MprBoardFs, MicrobitWritesDirectlyWithLiteralsAndByteSums) {
    Rig r(microbit_caps);
    std::string data = blob(3000);
    std::size_t last_done = 0, reports = 0;
    r.bfs->write_file("data.bin", data, [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, data.size());
        EXPECT_GE(done, last_done);
        last_done = done;
        ++reports;
    });
    EXPECT_EQ(r.fs.files.at("data.bin"), data);
    EXPECT_EQ(r.fs.count("rename"), 0) << "the micro:bit has no os.rename";
    EXPECT_EQ(r.fs.count("sum"), 1);
    EXPECT_EQ(last_done, data.size());
    EXPECT_GT(reports, 2u);
    for (const std::string& code : r.board->executed) EXPECT_LE(code.size(), 1000u) << "too big for the micro:bit";
    EXPECT_EQ(r.bfs->read_file("data.bin", data.size(), {}), data);
    RemoteStat st = r.bfs->stat("data.bin");
    EXPECT_TRUE(st.exists);
    EXPECT_FALSE(st.is_dir);
    EXPECT_EQ(st.size, 3000);
    EXPECT_FALSE(r.bfs->stat("nope").exists);
    EXPECT_TRUE(r.bfs->stat("").is_dir);
}

TEST(MprBoardFs, DamagedChunksAreSentAgain) {
    Rig r(microbit_caps);
    r.fs.damage_chunks = 3;
    std::string data = blob(2500);
    r.bfs->write_file("d.bin", data, {});
    EXPECT_EQ(r.fs.files.at("d.bin"), data);
    EXPECT_EQ(r.fs.count("open"), 1) << "a damaged chunk must not restart the file";
}

TEST(MprBoardFs, GivesUpWhenEveryChunkArrivesDamaged) {
    Rig r(modern_caps);
    r.fs.damage_chunks = 1000;
    std::string data = blob(100);
    r.fs.files["keep.bin"] = "old";
    EXPECT_THROW(r.bfs->write_file("keep.bin", data, {}), DiagnosticError);
    EXPECT_EQ(r.fs.files.at("keep.bin"), "old") << "the destination must be untouched";
    EXPECT_EQ(r.fs.files.count("keep.bin.mpr~"), 0u) << "temporary left behind";
}

TEST(MprBoardFs, MissingFileIsAnOsError) {
    Rig r(modern_caps);
    try {
        r.bfs->read_file("absent", 0, {});
        FAIL();
    } catch (const RemoteExecError& e) {
        EXPECT_EQ(e.os_errno(), 2);
    }
}

TEST(MprBoardFs, JoinsPathsAsMpremotePrintsThem) {
    Rig modern(modern_caps);
    EXPECT_EQ(modern.bfs->join("", "a.py"), "./a.py");
    EXPECT_EQ(modern.bfs->join(".", "a.py"), "./a.py");
    EXPECT_EQ(modern.bfs->join("./pkg", "a.py"), "./pkg/a.py");
    EXPECT_EQ(modern.bfs->join("/", "a.py"), "/a.py");
    Rig microbit(microbit_caps);
    EXPECT_EQ(microbit.bfs->join("", "a.py"), "a.py") << "a flat file system has no './'";
}

TEST(MprBoardFs, TheWorkingDirectoryNeedsNoStat) {
    Rig r(modern_caps);
    RemoteStat st = r.bfs->stat("");
    EXPECT_TRUE(st.exists && st.is_dir);
    EXPECT_EQ(r.fs.count("stat"), 0);
}

TEST(MprBoardFs, PathHelpers) {
    EXPECT_EQ(remote_join("", "a.py"), "a.py");
    EXPECT_EQ(remote_join("/", "a.py"), "/a.py");
    EXPECT_EQ(remote_join("lib/", "/sub/"), "lib/sub");
    EXPECT_EQ(remote_dirname("lib/sub/a.py"), "lib/sub");
    EXPECT_EQ(remote_dirname("a.py"), "");
    EXPECT_EQ(remote_basename("lib/sub/a.py"), "a.py");
    EXPECT_EQ(byte_sum(std::string("\xff\x01", 2)), 256u);
}

}  // namespace
}  // namespace mpy
