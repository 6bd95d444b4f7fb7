// Whole-file writes that never leave a half-written file under the real name.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "common/file_io.h"

namespace mpy {
namespace {

namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("mpytools-file-io-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    static std::string slurp(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    static void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
    static ino_t inode(const fs::path& p) {
        struct stat st {};
        EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
        return st.st_ino;
    }
    // The names in the directory: no temporary file may be left behind.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
    // The first temporary name either function tries for `name` in this process.
    fs::path first_temporary(const std::string& name) const {
        return dir_ / ("." + name + ".tmp" + std::to_string(::getpid()));
    }

    fs::path dir_;
};

TEST_F(FileIoTest, AtomicWriteCreatesTheFileAndLeavesNoTemporary) {
    write_file_atomic(dir_ / "a.mpy", std::string("M\x06\0\x1f", 4));
    EXPECT_EQ(slurp(dir_ / "a.mpy"), std::string("M\x06\0\x1f", 4));
    EXPECT_EQ(names(), std::vector<std::string>{"a.mpy"});
}

TEST_F(FileIoTest, AtomicWriteStepsAroundALeftoverTemporaryOfTheSameName) {
    // A dead process with our pid left its temporary behind: it must be neither reused nor removed.
    put(first_temporary("a.mpy"), "leftover");
    write_file_atomic(dir_ / "a.mpy", "new");
    EXPECT_EQ(slurp(dir_ / "a.mpy"), "new");
    EXPECT_EQ(slurp(first_temporary("a.mpy")), "leftover");
    EXPECT_EQ(names().size(), 2u);
}

TEST_F(FileIoTest, AtomicWriteIntoAMissingDirectoryNamesTheFile) {
    try {
        write_file_atomic(dir_ / "no-such-dir" / "a.mpy", "x");
        FAIL() << "expected an error";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("cannot create file"), std::string::npos) << e.diagnostic().message;
        EXPECT_NE(e.diagnostic().where.file.find("a.mpy"), std::string::npos);
    }
}

TEST_F(FileIoTest, RewriteInPlaceKeepsTheInodeAndReplacesEveryByte) {
    put(dir_ / "a.mpy", "a much longer older output than the new one");
    const ino_t before = inode(dir_ / "a.mpy");
    ASSERT_TRUE(rewrite_file_in_place(dir_ / "a.mpy", "short"));
    EXPECT_EQ(slurp(dir_ / "a.mpy"), "short") << "the old tail must be cut off";
    EXPECT_EQ(inode(dir_ / "a.mpy"), before);
    ASSERT_TRUE(rewrite_file_in_place(dir_ / "a.mpy", std::string(10000, 'z')));
    EXPECT_EQ(slurp(dir_ / "a.mpy"), std::string(10000, 'z'));
    EXPECT_EQ(names(), std::vector<std::string>{"a.mpy"});
}

TEST_F(FileIoTest, RewriteInPlaceDeclinesWhatItMustNotTouch) {
    // No file: nothing to reuse.
    EXPECT_FALSE(rewrite_file_in_place(dir_ / "missing.mpy", "x"));
    EXPECT_FALSE(fs::exists(dir_ / "missing.mpy"));
    // A second hard link would see the new bytes too.
    put(dir_ / "a.mpy", "old");
    fs::create_hard_link(dir_ / "a.mpy", dir_ / "b.mpy");
    EXPECT_FALSE(rewrite_file_in_place(dir_ / "a.mpy", "new"));
    EXPECT_EQ(slurp(dir_ / "a.mpy"), "old");
    EXPECT_EQ(slurp(dir_ / "b.mpy"), "old");
    // A symbolic link is not a regular file (the caller resolves links itself).
    fs::create_symlink("a.mpy", dir_ / "link.mpy");
    EXPECT_FALSE(rewrite_file_in_place(dir_ / "link.mpy", "new"));
    EXPECT_EQ(slurp(dir_ / "a.mpy"), "old");
    // A directory.
    fs::create_directory(dir_ / "d.mpy");
    EXPECT_FALSE(rewrite_file_in_place(dir_ / "d.mpy", "new"));
    EXPECT_TRUE(fs::is_directory(dir_ / "d.mpy"));
    EXPECT_EQ(names(), (std::vector<std::string>{"a.mpy", "b.mpy", "d.mpy", "link.mpy"}));
}

TEST_F(FileIoTest, RewriteInPlaceNeverClobbersAFileOnItsTemporaryName) {
    put(dir_ / "a.mpy", "old");
    put(first_temporary("a.mpy"), "leftover");
    ASSERT_TRUE(rewrite_file_in_place(dir_ / "a.mpy", "new"));
    EXPECT_EQ(slurp(dir_ / "a.mpy"), "new");
    EXPECT_EQ(slurp(first_temporary("a.mpy")), "leftover");
    EXPECT_EQ(names().size(), 2u);
}

}  // namespace
}  // namespace mpy
