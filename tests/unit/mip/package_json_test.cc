// package.json / index v2 package files: fields, malformed input, and target paths that would
// leave the target folder.
#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "remote/board/sha256.h"
#include "remote/mip/manifest.h"
#include "remote/mip/package_json.h"

namespace mpy::mip {
namespace {

TEST(MipPackageJson, ParsesEveryField) {
    PackageJson p = parse_package_json(R"({"v":1,"hashes":[["pkg/a.mpy","E39DBF64"]],
        "urls":[["pkg/b.py","github:o/r/b.py"]],"deps":[["logging","0.5"],["base64"]],"version":"1.2"})",
                                       "t.json");
    ASSERT_EQ(p.hashes.size(), 1u);
    EXPECT_EQ(p.hashes[0].target, "pkg/a.mpy");
    EXPECT_EQ(p.hashes[0].hash, "e39dbf64");
    ASSERT_EQ(p.urls.size(), 1u);
    EXPECT_EQ(p.urls[0].url, "github:o/r/b.py");
    ASSERT_EQ(p.deps.size(), 2u);
    EXPECT_EQ(p.deps[0].name, "logging");
    EXPECT_EQ(p.deps[0].version, "0.5");
    EXPECT_EQ(p.deps[1].version, "");
    EXPECT_EQ(p.version, "1.2");
    PackageJson empty = parse_package_json("{}", "e.json");
    EXPECT_TRUE(empty.hashes.empty() && empty.urls.empty() && empty.deps.empty());
}

TEST(MipPackageJson, RefusesMalformedInput) {
    EXPECT_THROW(parse_package_json("{", "x"), DiagnosticError);
    EXPECT_THROW(parse_package_json("[]", "x"), DiagnosticError);
    EXPECT_THROW(parse_package_json(R"({"hashes":"no"})", "x"), DiagnosticError);
    EXPECT_THROW(parse_package_json(R"({"hashes":[["a.py","not-hex"]]})", "x"), DiagnosticError);
    EXPECT_THROW(parse_package_json(R"({"urls":[["a.py",""]]})", "x"), DiagnosticError);
    EXPECT_THROW(parse_package_json(R"({"deps":[[1,"x"]]})", "x"), DiagnosticError);
}

TEST(MipPackageJson, RefusesTraversalPaths) {
    for (const char* bad : {"../evil.py", "/boot.py", "a/../../b.py", "a/./b.py", "a//b.py", "a\\b.py", "", "..", "c:x.py"}) {
        EXPECT_FALSE(is_safe_target_path(bad)) << bad;
        std::string doc = std::string(R"({"urls":[[")") + (std::string(bad) == "a\\b.py" ? "a\\\\b.py" : bad) + R"(","x.py"]]})";
        try {
            parse_package_json(doc, "evil.json");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const DiagnosticError& e) {
            EXPECT_NE(e.diagnostic().message.find("evil.json"), std::string::npos) << e.diagnostic().message;
        }
    }
    for (const char* good : {"a.py", "pkg/sub/a.mpy", "a..b.py", ".hidden.py"}) EXPECT_TRUE(is_safe_target_path(good)) << good;
}

TEST(MipPackageJson, HashVerification) {
    std::string full = to_hex(sha256("hello"));
    EXPECT_EQ(full, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    EXPECT_TRUE(hash_matches(full, "2cf24dba"));
    EXPECT_TRUE(hash_matches(full, "2CF24DBA"));
    EXPECT_FALSE(hash_matches(full, "2cf24dbb"));
    EXPECT_FALSE(hash_matches(full, ""));
    EXPECT_FALSE(hash_matches(full.substr(0, 4), "2cf24dba"));
}

TEST(MipManifest, RoundTripAndSharedFiles) {
    Manifest m;
    m.packages["a"] = {"1.0", "a", {"a.mpy", "common.mpy"}, {"b"}};
    m.packages["b"] = {"2.0", "github:o/b", {"b.mpy", "common.mpy"}, {}};
    Manifest back = parse_manifest(serialize_manifest(m));
    ASSERT_EQ(back.packages.size(), 2u);
    EXPECT_EQ(back.packages["b"].source, "github:o/b");
    EXPECT_EQ(back.packages["a"].deps, std::vector<std::string>{"b"});
    EXPECT_EQ(back.files_only_in("a"), std::vector<std::string>{"a.mpy"});
    EXPECT_TRUE(parse_manifest("not json").packages.empty());
    EXPECT_TRUE(parse_manifest("").packages.empty());
}

}  // namespace
}  // namespace mpy::mip
