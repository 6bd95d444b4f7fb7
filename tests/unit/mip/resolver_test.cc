// Dependency resolution and hash verification against an index v2 laid out in a host folder
// (the same code path as `mip install --index DIR`).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/diagnostics.h"
#include "remote/board/sha256.h"
#include "remote/mip/mip_board.h"
#include "remote/mip/package_json.h"
#include "remote/mip/resolver.h"

namespace mpy::mip {
namespace {

namespace fs = std::filesystem;

class MipResolverTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("mpytools-mip-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    void put(const fs::path& rel, const std::string& text) {
        fs::create_directories((dir_ / rel).parent_path());
        std::ofstream(dir_ / rel, std::ios::binary) << text;
    }
    // Stores `content` as an index file and returns its 8-digit hash.
    std::string file(const std::string& content) {
        std::string h = to_hex(sha256(content)).substr(0, 8);
        put("file/" + h.substr(0, 2) + "/" + h, content);
        return h;
    }
    void package(const std::string& name, const std::string& version, const std::string& body) {
        put("package/6/" + name + "/" + version + ".json", body);
    }
    std::vector<std::string> said_;
    Resolver resolver(Fetcher& f) {
        return Resolver(f, {dir_.string(), "6", HostBases{}}, "/lib", [this](const std::string& s) { said_.push_back(s); });
    }
    fs::path dir_;
};

TEST_F(MipResolverTest, DependenciesResolvedRecursivelyEachOnce) {
    std::string leaf = file("LEAF = 1\n"), mid = file("MID = 2\n"), top = file("TOP = 3\n");
    package("leaf", "latest", R"({"hashes":[["leaf.mpy",")" + leaf + R"("]],"version":"1.0"})");
    package("mid", "latest", R"({"hashes":[["mid/__init__.mpy",")" + mid + R"("]],"deps":[["leaf",""]],"version":"2.0"})");
    package("top", "latest",
            R"({"hashes":[["top.mpy",")" + top + R"("]],"deps":[["mid",""],["leaf","1.0"]],"version":"3.0"})");
    Fetcher f;
    Resolver r = resolver(f);
    r.add("top");
    r.add("leaf");  // named again on the command line: still once
    ASSERT_EQ(r.packages().size(), 3u);
    EXPECT_EQ(r.packages()[0].name, "top");
    EXPECT_EQ(r.packages()[0].version, "3.0");
    EXPECT_EQ(r.packages()[1].name, "mid");
    EXPECT_EQ(r.packages()[2].name, "leaf");
    EXPECT_EQ(r.packages()[0].deps, (std::vector<std::string>{"mid", "leaf"}));
    EXPECT_EQ(r.packages()[1].files[0].url, dir_.string() + "/file/" + mid.substr(0, 2) + "/" + mid);
    EXPECT_EQ(said_[0], "Installing top (latest) from " + dir_.string() + " to /lib");
    for (PlannedPackage& p : r.packages())
        for (PlannedFile& file : p.files) fetch_file(f, file, p.name);
    EXPECT_EQ(r.packages()[2].files[0].data, "LEAF = 1\n");
}

TEST_F(MipResolverTest, VersionsAndMissingPackages) {
    std::string v1 = file("V = 1\n");
    package("thing", "latest", R"({"hashes":[["thing.mpy",")" + v1 + R"("]],"version":"0.2"})");
    package("thing", "0.1", R"({"hashes":[["thing.mpy",")" + v1 + R"("]],"version":"0.1"})");
    Fetcher f;
    Resolver r = resolver(f);
    r.add("thing@0.1");
    EXPECT_EQ(r.packages()[0].version, "0.1");
    try {
        resolver(f).add("thing@9.9");
        ADD_FAILURE();
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("version 9.9 of package 'thing' not found"), std::string::npos);
        EXPECT_NE(e.diagnostic().message.find("latest version is 0.2"), std::string::npos) << e.diagnostic().message;
    }
    try {
        resolver(f).add("nosuch");
        ADD_FAILURE();
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("package 'nosuch' not found in the index " + dir_.string()),
                  std::string::npos) << e.diagnostic().message;
    }
}

TEST_F(MipResolverTest, AlteredFileIsRefused) {
    std::string h = file("GOOD = 1\n");
    put("file/" + h.substr(0, 2) + "/" + h, "EVIL = 1\n");  // same name, other bytes
    package("p", "latest", R"({"hashes":[["p.mpy",")" + h + R"("]]})");
    Fetcher f;
    Resolver r = resolver(f);
    r.add("p");
    try {
        fetch_file(f, r.packages()[0].files[0], "p");
        ADD_FAILURE();
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find("hash mismatch for p.mpy"), std::string::npos) << e.diagnostic().message;
    }
    EXPECT_FALSE(r.packages()[0].files[0].fetched);
}

TEST_F(MipResolverTest, LocalPackageJsonWithRelativeUrlsAndTraversal) {
    put("local/pkg/a.py", "A = 1\n");
    put("local/package.json", R"({"urls":[["pkg/a.py","pkg/a.py"]],"version":"0.3"})");
    put("evil/package.json", R"({"urls":[["../outside.py","x.py"]]})");
    Fetcher f;
    Resolver r = resolver(f);
    r.add((dir_ / "local").string());
    ASSERT_EQ(r.packages().size(), 1u);
    EXPECT_EQ(r.packages()[0].name, "local");
    EXPECT_EQ(r.packages()[0].files[0].url, (dir_ / "local").string() + "/pkg/a.py");
    EXPECT_THROW(resolver(f).add((dir_ / "evil" / "package.json").string()), DiagnosticError);
}

TEST(MipBoardPaths, FoldersForFiles) {
    EXPECT_EQ(folders_for("/root/lib", {"a.mpy", "pkg/sub/b.mpy", "pkg/c.mpy"}),
              (std::vector<std::string>{"/root", "/root/lib", "/root/lib/pkg", "/root/lib/pkg/sub"}));
    EXPECT_EQ(folders_for("lib", {"x/y.py"}), (std::vector<std::string>{"lib", "lib/x"}));
    EXPECT_EQ(folders_for("", {"y.py"}), std::vector<std::string>{});
    EXPECT_EQ(MipBoard::in_target("", "a.py"), "a.py");
    EXPECT_EQ(MipBoard::in_target("/lib", "a.py"), "/lib/a.py");
}

}  // namespace
}  // namespace mpy::mip
