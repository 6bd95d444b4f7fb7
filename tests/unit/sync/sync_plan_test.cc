// The planning of `sync`: host tree + the board's fingerprints -> what to make, send, keep, delete.
#include "remote/sync/sync_plan.h"

#include <gtest/gtest.h>

namespace mpy::sync {
namespace {

using Strings = std::vector<std::string>;

HostTree host(std::vector<std::pair<std::string, std::string>> files, Strings dirs = {}) {
    HostTree t;
    t.dirs = std::move(dirs);
    for (auto& [name, data] : files) t.files.push_back({name, data, {}});
    return t;
}

RemoteEntry file_on_board(const std::string& name, const std::string& data,
                          FingerprintKind kind = FingerprintKind::sha256) {
    return {name, false, fingerprint(kind, data)};
}
RemoteEntry dir_on_board(const std::string& name) { return {name, true, {}}; }

RemoteTree board(std::vector<RemoteEntry> entries, FingerprintKind kind = FingerprintKind::sha256) {
    RemoteTree t;
    t.kind = kind;
    t.entries = std::move(entries);
    return t;
}

Strings sent(const SyncPlan& p) {
    Strings out;
    for (const PlannedSend& s : p.send) out.push_back(s.relative);
    return out;
}

TEST(SyncPlan, AnEmptyBoardGetsEveryFileAndFolderParentsFirst) {
    SyncPlan p = plan_sync(host({{"main.py", "print(1)"}, {"lib/a/x.py", "X=1"}}, {"lib", "lib/a"}), board({}), {});
    EXPECT_EQ(p.make_dirs, (Strings{"lib", "lib/a"}));
    EXPECT_EQ(sent(p), (Strings{"main.py", "lib/a/x.py"}));
    EXPECT_TRUE(p.send[0].is_new);
    EXPECT_EQ(p.bytes_to_send(), 11u);
    EXPECT_TRUE(p.unchanged.empty());
    EXPECT_TRUE(p.delete_files.empty());
}

TEST(SyncPlan, OnlyFilesWhoseContentDiffersAreSent) {
    RemoteTree b = board({file_on_board("a.py", "A=1"), file_on_board("b.py", "B=1"), dir_on_board("lib"),
                          file_on_board("lib/c.py", "C=1")});
    SyncPlan p = plan_sync(host({{"a.py", "A=1"}, {"b.py", "B=2"}, {"lib/c.py", "C=1"}}, {"lib"}), b, {});
    EXPECT_EQ(sent(p), (Strings{"b.py"}));
    EXPECT_FALSE(p.send[0].is_new);
    EXPECT_EQ(p.unchanged, (Strings{"a.py", "lib/c.py"}));
    EXPECT_TRUE(p.make_dirs.empty());
    EXPECT_FALSE(p.changes_nothing());
}

TEST(SyncPlan, NothingChangedChangesNothing) {
    SyncPlan p = plan_sync(host({{"a.py", "A=1"}}), board({file_on_board("a.py", "A=1")}), {});
    EXPECT_TRUE(p.changes_nothing());
    EXPECT_EQ(p.unchanged, (Strings{"a.py"}));
}

TEST(SyncPlan, BoardOnlyFilesStayWithoutDeleteAndGoWithIt) {
    RemoteTree b = board({file_on_board("a.py", "A=1"), file_on_board("old.py", "x"), dir_on_board("gone"),
                          dir_on_board("gone/deeper"), file_on_board("gone/deeper/f.txt", "f")});
    SyncPlan keep = plan_sync(host({{"a.py", "A=1"}}), b, {});
    EXPECT_TRUE(keep.delete_files.empty());
    EXPECT_TRUE(keep.delete_dirs.empty());
    SyncPlan del = plan_sync(host({{"a.py", "A=1"}}), b, {true});
    EXPECT_EQ(del.delete_files, (Strings{"old.py", "gone/deeper/f.txt"}));
    EXPECT_EQ(del.delete_dirs, (Strings{"gone/deeper", "gone"}));  // deepest first
    EXPECT_TRUE(del.clear_files.empty());  // not in the way of anything: deleted at the end
    EXPECT_TRUE(del.send.empty());
}

TEST(SyncPlan, ContentIsComparedNotJustSizeAndSumOnBoardsWithoutHashlib) {
    // Same bytes in another order: same size and byte sum, different Adler-32.
    RemoteTree b = board({file_on_board("a.py", "AB=1", FingerprintKind::adler32)}, FingerprintKind::adler32);
    EXPECT_EQ(sent(plan_sync(host({{"a.py", "BA=1"}}), b, {})), (Strings{"a.py"}));
    EXPECT_TRUE(plan_sync(host({{"a.py", "AB=1"}}), b, {}).send.empty());
}

TEST(SyncPlan, AFileWhereTheBoardHasAFolderIsAConflictWithoutDelete) {
    RemoteTree b = board({dir_on_board("x"), file_on_board("x/inner.py", "i"), file_on_board("lib", "a file")});
    SyncPlan p = plan_sync(host({{"x", "now a file"}, {"lib/m.py", "M"}}, {"lib"}), b, {});
    ASSERT_EQ(p.conflicts.size(), 2u);
    EXPECT_NE(p.conflicts[0].find("lib is a folder on the host and a file on the board"), std::string::npos);
    EXPECT_NE(p.conflicts[1].find("x is a file on the host and a folder on the board"), std::string::npos);
    EXPECT_TRUE(p.changes_nothing());  // refused: nothing at all is planned
}

TEST(SyncPlan, DeleteReplacesWhatDiffersInKind) {
    RemoteTree b = board({dir_on_board("x"), file_on_board("x/inner.py", "i"), file_on_board("lib", "a file")});
    SyncPlan p = plan_sync(host({{"x", "now a file"}, {"lib/m.py", "M"}}, {"lib"}), b, {true});
    EXPECT_TRUE(p.conflicts.empty());
    // Cleared out of the way first; nothing else is deleted.
    EXPECT_EQ(p.clear_files, (Strings{"x/inner.py", "lib"}));
    EXPECT_EQ(p.clear_dirs, (Strings{"x"}));
    EXPECT_TRUE(p.delete_files.empty());
    EXPECT_EQ(p.deletions(), 3u);
    EXPECT_EQ(p.make_dirs, (Strings{"lib"}));
    EXPECT_EQ(sent(p), (Strings{"x", "lib/m.py"}));
}

TEST(SyncPlan, ACompiledModulesStaleSourceOnTheBoardIsRemovedEvenWithoutDelete) {
    HostTree h;
    h.files.push_back({"util.mpy", "M\x06", "util.py"});
    h.files.push_back({"main.py", "import util", {}});
    RemoteTree b = board({file_on_board("util.py", "old source"), file_on_board("other.py", "o"),
                          file_on_board("main.py", "import util")});
    SyncPlan p = plan_sync(h, b, {});
    EXPECT_EQ(p.delete_files, (Strings{"util.py"}));  // other.py stays: no --delete
    EXPECT_EQ(sent(p), (Strings{"util.mpy"}));
    EXPECT_EQ(p.unchanged, (Strings{"main.py"}));
}

}  // namespace
}  // namespace mpy::sync
