#include "remote/sync/exclude_rules.h"

#include <gtest/gtest.h>

namespace mpy::sync {
namespace {

TEST(SyncExcludeRules, DefaultsLeaveOutCachesGitAndEditorFiles) {
    ExcludeRules r;
    EXPECT_TRUE(r.excluded("__pycache__"));
    EXPECT_TRUE(r.excluded("lib/__pycache__/x.cpython-311.pyc"));
    EXPECT_TRUE(r.excluded(".git"));
    EXPECT_TRUE(r.excluded(".git/objects/ab"));
    EXPECT_TRUE(r.excluded("main.py~"));
    EXPECT_TRUE(r.excluded("lib/#notes.txt#"));
    EXPECT_TRUE(r.excluded(".#main.py"));
    EXPECT_TRUE(r.excluded("lib/.main.py.swp"));
    EXPECT_FALSE(r.excluded("main.py"));
    EXPECT_FALSE(r.excluded("lib/gitlike.py"));
    EXPECT_FALSE(r.excluded(".gitignore"));
}

TEST(SyncExcludeRules, APatternWithoutSlashMatchesAnyComponent) {
    ExcludeRules r({"*.txt", "tests"});
    EXPECT_TRUE(r.excluded("notes.txt"));
    EXPECT_TRUE(r.excluded("lib/deep/readme.txt"));
    EXPECT_TRUE(r.excluded("tests"));
    EXPECT_TRUE(r.excluded("lib/tests/t.py"));
    EXPECT_FALSE(r.excluded("lib/txt.py"));
    EXPECT_FALSE(r.excluded("lib/tests2/t.py"));
}

TEST(SyncExcludeRules, APatternWithSlashIsAnchoredToTheFolder) {
    ExcludeRules r({"lib/big/*", "/data"});
    EXPECT_TRUE(r.excluded("lib/big/blob.bin"));
    EXPECT_TRUE(r.excluded("lib/big/sub/x"));  // below an excluded path
    EXPECT_FALSE(r.excluded("lib/big"));
    EXPECT_FALSE(r.excluded("other/lib/big/blob.bin"));
    EXPECT_TRUE(r.excluded("data"));
    EXPECT_TRUE(r.excluded("data/x.csv"));
    EXPECT_FALSE(r.excluded("lib/data"));
}

}  // namespace
}  // namespace mpy::sync
