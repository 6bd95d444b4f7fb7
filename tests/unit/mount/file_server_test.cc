#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <fcntl.h>
#include <unistd.h>

#include "remote/mount/file_server.h"
#include "remote/protocol/micropython_errno.h"

namespace mpy::mount {
namespace {

namespace fs = std::filesystem;

// A scratch folder with a mounted part ("root") and a part outside it ("outside").
class FileServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        base_ = fs::temp_directory_path() / ("mpr-mount-test-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(base_);
        fs::create_directories(base_ / "root" / "sub");
        fs::create_directories(base_ / "outside");
        write(base_ / "root" / "hello.txt", "hello\n");
        write(base_ / "outside" / "secret.txt", "secret");
        server_ = std::make_unique<MountFileServer>(base_ / "root", false, 4);
    }
    void TearDown() override {
        server_.reset();
        fs::remove_all(base_);
    }
    static void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
    static std::string read(const fs::path& p) {
        std::ifstream f(p, std::ios::binary);
        std::stringstream s;
        s << f.rdbuf();
        return s.str();
    }

    struct Reply {
        std::vector<long long> fields;
        std::string payload;
    };
    Reply ask(char command, std::vector<long long> extra, const std::string& payload) {
        MountRequest r;
        r.command = command;
        r.fields.push_back(static_cast<long long>(payload.size()));
        r.fields.insert(r.fields.end(), extra.begin(), extra.end());
        r.payload = payload;
        std::optional<std::string> raw = server_->serve(r);
        Reply out;
        if (!raw) return out;
        EXPECT_EQ((*raw)[0], kMarker);
        std::size_t nl = raw->find('\n');
        std::istringstream head(raw->substr(1, nl - 1));
        long long v;
        while (head >> v) out.fields.push_back(v);
        out.payload = raw->substr(nl + 1);
        if (!out.fields.empty() && out.fields[0] >= 0)
            EXPECT_EQ(out.payload.size(), static_cast<std::size_t>(out.fields[0]));
        return out;
    }
    int error_of(char command, const std::string& payload, std::vector<long long> extra = {}) {
        Reply r = ask(command, std::move(extra), payload);
        return r.fields.empty() || r.fields[0] >= 0 ? 0 : static_cast<int>(-r.fields[0]);
    }

    fs::path base_;
    std::unique_ptr<MountFileServer> server_;
};

TEST_F(FileServerTest, OpenSendsTheFirstPieceThenReadsTheRest) {
    Reply o = ask('O', {}, "rb /hello.txt");
    ASSERT_EQ(o.fields.size(), 2u);
    EXPECT_EQ(o.payload, "hell") << "read-ahead of 4 bytes comes with the answer";
    long long h = o.fields[1];
    EXPECT_EQ(ask('R', {h, -1}, "").payload, "o\n");
    EXPECT_EQ(ask('K', {h, 1, 0}, "").fields, (std::vector<long long>{0, 1}));
    EXPECT_EQ(ask('R', {h, 2}, "").payload, "el") << "no more than asked: the agent sizes its reads";
    EXPECT_FALSE(server_->serve(MountRequest{'X', {0, h}, ""})) << "close has no reply";
    EXPECT_EQ(server_->open_files().handles(), 0u);
    EXPECT_EQ(error_of('R', "", {h, 1}), mp_errno::ebadf);
}

TEST_F(FileServerTest, SmallFileForReadingIsNotKeptOpen) {
    write(base_ / "root" / "small.txt", "abc");
    Reply o = ask('O', {}, "r /small.txt");
    EXPECT_EQ(o.fields, (std::vector<long long>{3, 0})) << "handle 0: all of it came with the answer";
    EXPECT_EQ(o.payload, "abc");
    EXPECT_EQ(server_->open_files().handles(), 0u);
    EXPECT_EQ(ask('O', {}, "r+ /small.txt").fields.at(1), 1) << "kept open when it may be written";
}

TEST_F(FileServerTest, WriteModes) {
    long long h = ask('O', {}, "w /new.bin").fields.at(1);
    std::string data("a\0\r\n\x1e\x03", 6);
    EXPECT_EQ(ask('W', {h}, data).fields, (std::vector<long long>{0, 6}));
    ask('X', {h}, "");
    EXPECT_EQ(read(base_ / "root" / "new.bin"), data);
    h = ask('O', {}, "a /new.bin").fields.at(1);
    ask('W', {h}, "+");
    ask('X', {h}, "");
    EXPECT_EQ(read(base_ / "root" / "new.bin"), data + "+");
    EXPECT_EQ(error_of('O', "x /new.bin"), mp_errno::eexist);
    EXPECT_EQ(error_of('O', "q /new.bin"), mp_errno::einval);
    EXPECT_EQ(error_of('O', "rw /new.bin"), mp_errno::einval);
}

TEST_F(FileServerTest, ErrnoNumbersAreMicroPythons) {
    EXPECT_EQ(error_of('S', "/missing"), mp_errno::enoent);
    EXPECT_EQ(error_of('O', "r /missing"), mp_errno::enoent);
    EXPECT_EQ(error_of('O', "r /sub"), mp_errno::eisdir);
    EXPECT_EQ(error_of('M', "/sub"), mp_errno::eexist);
    EXPECT_EQ(error_of('C', "/hello.txt"), mp_errno::enotdir);
    EXPECT_EQ(error_of('L', "/hello.txt"), mp_errno::enotdir);
    write(base_ / "root" / "sub" / "f", "");
    EXPECT_EQ(error_of('Q', "/sub"), mp_errno::enotempty);
    EXPECT_EQ(error_of('D', "/sub"), mp_errno::eisdir);
    EXPECT_EQ(error_of('Q', "/"), mp_errno::eperm) << "the mounted folder itself stays";
    EXPECT_EQ(micropython_errno_for_host(EACCES), 13);
    EXPECT_EQ(micropython_errno_for_host(ENOTEMPTY), 39);
    EXPECT_EQ(micropython_errno_for_host(EPERM), 1);
    EXPECT_EQ(micropython_errno_for_host(EHOSTUNREACH), mp_errno::eio) << "no board name: EIO";
}

TEST_F(FileServerTest, DirectoriesAndNames) {
    EXPECT_EQ(error_of('M', "/sub/inner"), 0);
    write(base_ / "root" / "sub" / "inner" / "f.txt", "12345");
    Reply l = ask('L', {}, "/sub");
    EXPECT_EQ(l.payload, "-1 inner\n");
    EXPECT_EQ(ask('L', {}, "/sub/inner").payload, "5 f.txt\n");
    write(base_ / "root" / "sub" / "inner" / "bad\xff.txt", "");
    write(base_ / "root" / "sub" / "inner" / "two\nlines", "");
    write(base_ / "root" / "sub" / "inner" / "caf\xc3\xa9", "");
    EXPECT_EQ(ask('L', {}, "/sub/inner").payload, "0 caf\xc3\xa9\n5 f.txt\n") << "names a board cannot hold are left out";
    fs::remove(base_ / "root" / "sub" / "inner" / "bad\xff.txt");
    fs::remove(base_ / "root" / "sub" / "inner" / "two\nlines");
    fs::remove(base_ / "root" / "sub" / "inner" / "caf\xc3\xa9");
    Reply st = ask('S', {}, "/sub/inner/f.txt");
    ASSERT_EQ(st.fields.size(), 4u);
    EXPECT_EQ(st.fields[1] & 0xF000, 0x8000);
    EXPECT_EQ(st.fields[2], 5);
    EXPECT_EQ(ask('C', {}, "/sub/./inner/../inner").payload, "/sub/inner");
    EXPECT_EQ(ask('C', {}, "/").payload, "");
    std::string from = "/sub/inner/f.txt", to = "/g.txt";
    EXPECT_EQ(error_of('N', from + to, {static_cast<long long>(from.size())}), 0);
    EXPECT_TRUE(fs::exists(base_ / "root" / "g.txt"));
    EXPECT_EQ(error_of('D', "/g.txt"), 0);
    EXPECT_EQ(error_of('Q', "/sub/inner"), 0);
    EXPECT_EQ(ask('V', {}, "/").fields.size(), 11u);
}

TEST_F(FileServerTest, NothingOutsideTheFolder) {
    fs::create_symlink(base_ / "outside", base_ / "root" / "out");
    fs::create_symlink(base_ / "outside" / "secret.txt", base_ / "root" / "secret_link");
    fs::create_symlink(base_ / "outside" / "not-yet", base_ / "root" / "dangling");
    fs::create_symlink("hello.txt", base_ / "root" / "inner_link");
    for (const char* p : {"/../outside/secret.txt", "/sub/../../outside/secret.txt", "/out/secret.txt",
                          "/secret_link", "/.."}) {
        EXPECT_EQ(error_of('S', p), mp_errno::eacces) << p;
        EXPECT_EQ(error_of('O', std::string("r ") + p), mp_errno::eacces) << p;
    }
    EXPECT_EQ(error_of('O', "w /dangling"), mp_errno::eacces) << "would create a file outside";
    EXPECT_FALSE(fs::exists(base_ / "outside" / "not-yet"));
    EXPECT_EQ(error_of('O', "w /out/new"), mp_errno::eacces);
    EXPECT_EQ(error_of('M', "/out/newdir"), mp_errno::eacces);
    EXPECT_EQ(error_of('L', "/out"), mp_errno::eacces);
    EXPECT_EQ(error_of('C', "/out"), mp_errno::eacces);
    EXPECT_EQ(error_of('S', "hello.txt"), mp_errno::einval) << "paths are from the mount's root";
    EXPECT_EQ(error_of('S', std::string("/hello.txt\0x", 12)), mp_errno::einval);
    EXPECT_EQ(error_of('S', "/inner_link"), 0) << "a link inside the folder is fine";
    EXPECT_EQ(error_of('D', "/secret_link"), 0) << "removing a link does not touch its target";
    EXPECT_TRUE(fs::exists(base_ / "outside" / "secret.txt"));
    // The listing shows a link leading out as an empty file.
    EXPECT_NE(ask('L', {}, "/").payload.find("0 out\n"), std::string::npos);

    MountFileServer unsafe(base_ / "root", true, 64);
    MountRequest r{'S', {15}, "/out/secret.txt"};
    EXPECT_EQ(unsafe.serve(r)->substr(0, 3), "\x1e" "0 ") << "-l allows links leading out";
    MountRequest up{'S', {17}, "/../outside/secret.txt"};
    EXPECT_EQ(*unsafe.serve(up), encode_error(mp_errno::eacces)) << "but never ..";
}

TEST_F(FileServerTest, ForgottenFilesDoNotRunOutOfDescriptors) {
    // 100 files opened and never closed (the board's garbage would close them on its flash):
    // only the most recent hold a descriptor, the others are reopened where they were.
    write(base_ / "root" / "w.bin", "");
    std::vector<long long> handles;
    for (int i = 0; i < 100; ++i) {
        Reply o = ask('O', {}, "r /hello.txt");
        ASSERT_EQ(o.fields.size(), 2u) << i;
        handles.push_back(o.fields[1]);
    }
    long long w = ask('O', {}, "w /w.bin").fields.at(1);
    ask('W', {w}, "abc");
    EXPECT_EQ(server_->open_files().handles(), 101u);
    EXPECT_LE(server_->open_files().descriptors(), OpenFileTable::kMaxDescriptors);
    EXPECT_EQ(ask('R', {handles[0], 9}, "").payload, "o\n") << "the first, reopened past its read-ahead";
    for (long long h : handles) ask('R', {h, -1}, "");
    ask('W', {w}, "def");
    ask('X', {w}, "");
    EXPECT_EQ(read(base_ / "root" / "w.bin"), "abcdef") << "reopened for writing without emptying it";
}

TEST(OpenFileTable, HandlesAreLimited) {
    OpenFileTable table;
    for (std::size_t i = 0; i < OpenFileTable::kMaxHandles; ++i) ASSERT_GT(table.add(::open("/dev/null", O_RDONLY), "/dev/null", O_RDONLY), 0);
    EXPECT_EQ(table.add(::open("/dev/null", O_RDONLY), "/dev/null", O_RDONLY), 0);
    EXPECT_LE(table.descriptors(), OpenFileTable::kMaxDescriptors);
    table.close(1);
    EXPECT_EQ(table.fd(1), -1);
    EXPECT_EQ(errno, EBADF);
}

}  // namespace
}  // namespace mpy::mount

namespace mpy::mount {
namespace {

TEST(MountPaths, LexicalComponents) {
    using V = std::vector<std::string_view>;
    EXPECT_EQ(lexical_components("/a//./b/../c/"), V({"a", "c"}));
    EXPECT_EQ(lexical_components(""), V{});
    EXPECT_FALSE(lexical_components("/a/../.."));
    EXPECT_EQ(lexical_components("/../remote/x", true), V({"remote", "x"})) << "a board's root has no parent";
}

}  // namespace
}  // namespace mpy::mount
