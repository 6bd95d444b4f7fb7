// The board's answer to the listing of its tree (one line per entry, then "E COUNT").
#include "remote/sync/remote_tree.h"

#include <gtest/gtest.h>

#include "common/diagnostics.h"

namespace mpy::sync {
namespace {

BoardCaps big_board() {
    BoardCaps c;
    c.stat = c.ilistdir = c.listdir = c.mkdir = c.rmdir = c.remove = c.rename = true;
    c.hashlib_module = "hashlib";
    return c;
}

BoardCaps microbit() {
    BoardCaps c;
    c.listdir = c.remove = c.size = true;
    return c;
}

TEST(SyncRemoteTree, ParsesFoldersAndFilesWithTheirFingerprints) {
    std::string out =
        "D 'lib'\r\nF sha256:00ff 'lib/a b.py'\r\nF sha256:0102 'main.py'\r\nD '__pycache__'\r\n"
        "F sha256:0a0b '__pycache__/x.mpy'\r\nE 5\r\n";
    RemoteTree t = parse_remote_tree(big_board(), out, "/", ExcludeRules());
    EXPECT_TRUE(t.exists);
    EXPECT_EQ(t.kind, FingerprintKind::sha256);
    ASSERT_EQ(t.entries.size(), 3u);  // __pycache__ and what it holds are excluded
    EXPECT_TRUE(t.entries[0].is_dir);
    EXPECT_EQ(t.entries[0].relative, "lib");
    EXPECT_EQ(t.entries[1].relative, "lib/a b.py");
    EXPECT_EQ(t.entries[1].fingerprint, "sha256:00ff");
    EXPECT_EQ(t.entries[2].relative, "main.py");
}

TEST(SyncRemoteTree, AMissingFolderIsEmptyAndAFileIsRefused) {
    EXPECT_FALSE(parse_remote_tree(big_board(), "N\r\n", "/app", ExcludeRules()).exists);
    try {
        parse_remote_tree(big_board(), "X\r\n", "/app", ExcludeRules());
        FAIL() << "a file as the board folder was accepted";
    } catch (const DiagnosticError& e) {
        EXPECT_NE(e.diagnostic().message.find(":/app is a file on the board"), std::string::npos);
    }
}

TEST(SyncRemoteTree, AnAnswerThatLostLinesIsRefused) {
    // Missing the end line, or one entry short of the count: a damaged answer, never a tree.
    EXPECT_THROW(parse_remote_tree(big_board(), "F sha256:00 'a.py'\r\n", "", ExcludeRules()), DiagnosticError);
    EXPECT_THROW(parse_remote_tree(big_board(), "F sha256:00 'a.py'\r\nE 2\r\n", "", ExcludeRules()), DiagnosticError);
    EXPECT_THROW(parse_remote_tree(big_board(), "F sha256:00 a.py\r\nE 1\r\n", "", ExcludeRules()), DiagnosticError);
    EXPECT_THROW(parse_remote_tree(big_board(), "Q 'a.py'\r\nE 1\r\n", "", ExcludeRules()), DiagnosticError);
}

TEST(SyncRemoteTree, BoardsWithoutHashlibAnswerAdler32) {
    RemoteTree t = parse_remote_tree(microbit(), "F adler32:11e60398:9 'w.txt'\r\nE 1\r\n", "", ExcludeRules());
    EXPECT_EQ(t.kind, FingerprintKind::adler32);
    ASSERT_EQ(t.entries.size(), 1u);
    EXPECT_EQ(t.entries[0].fingerprint, fingerprint(FingerprintKind::adler32, "Wikipedia"));
}

TEST(SyncRemoteTree, TheCodeFitsTheBoard) {
    std::string flat = remote_tree_code(microbit(), "");
    EXPECT_EQ(flat.find("hashlib"), std::string::npos);
    EXPECT_EQ(flat.find("ilistdir"), std::string::npos);
    EXPECT_NE(flat.find("os.listdir()"), std::string::npos);
    std::string big = remote_tree_code(big_board(), "/app/");
    EXPECT_NE(big.find("import hashlib as _hl"), std::string::npos);
    EXPECT_NE(big.find("os.stat('/app')"), std::string::npos);  // trailing '/' dropped
    EXPECT_NE(big.find("_sw('/app/','')"), std::string::npos);
}

}  // namespace
}  // namespace mpy::sync
