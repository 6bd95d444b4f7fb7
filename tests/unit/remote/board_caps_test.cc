#include <gtest/gtest.h>

#include "remote/board/board_caps.h"
#include "remote/board/board_snippets.h"

namespace mpy {
namespace {

// What the probe prints on the QEMU micro:bit (MicroPython 1.9.2) and on a 1.27 board.
constexpr const char* microbit_line = "os=os plat=microbit listdir remove size mem=7312\r\n";
constexpr const char* modern_line =
    "os=os plat=rp2 stat ilistdir listdir mkdir rmdir remove rename statvfs getcwd "
    "hashlib=hashlib binascii=binascii a2b b2a mem=180000 future=1\r\n";

TEST(MprBoardCaps, ParsesMicrobitProbe) {
    BoardCaps c = parse_caps(microbit_line);
    EXPECT_EQ(c.platform, "microbit");
    EXPECT_TRUE(c.listdir);
    EXPECT_TRUE(c.remove);
    EXPECT_TRUE(c.size);
    EXPECT_FALSE(c.stat);
    EXPECT_FALSE(c.rename);
    EXPECT_FALSE(c.has_directories());
    EXPECT_FALSE(c.has_sha256());
    EXPECT_FALSE(c.a2b_base64);
    EXPECT_EQ(c.mem_free, 7312);
    // The micro:bit fails above ~2 KB per submission.
    EXPECT_LE(c.source_budget(), 1024u);
    EXPECT_GE(c.source_budget(), 256u);
}

TEST(MprBoardCaps, ParsesModernProbeAndIgnoresUnknownTokens) {
    BoardCaps c = parse_caps(modern_line);
    EXPECT_TRUE(c.stat && c.ilistdir && c.mkdir && c.rmdir && c.rename && c.statvfs && c.getcwd);
    EXPECT_TRUE(c.has_directories());
    EXPECT_EQ(c.hashlib_module, "hashlib");
    EXPECT_EQ(c.binascii_module, "binascii");
    EXPECT_TRUE(c.a2b_base64 && c.b2a_base64);
    EXPECT_EQ(c.source_budget(), 180000u / 8);
    EXPECT_EQ(c.read_chunk() % 3, 0u);
}

TEST(MprBoardCaps, BudgetsAreClamped) {
    BoardCaps big = parse_caps("mem=100000000");
    EXPECT_EQ(big.source_budget(), 32768u);
    EXPECT_LE(big.read_chunk(), 12288u);
    BoardCaps unknown = parse_caps("");
    EXPECT_EQ(unknown.mem_free, -1);
    EXPECT_EQ(unknown.source_budget(), 1024u);
}

TEST(MprBoardCaps, ProbeIsPlainAsciiWithoutControlBytes) {
    std::string code = caps_probe_code();
    for (char ch : code) {
        unsigned char c = static_cast<unsigned char>(ch);
        EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f)) << int(c);
    }
    EXPECT_LT(code.size(), 1200u) << "must fit the micro:bit's raw REPL";
}

TEST(MprBoardSnippets, AdaptToTheMicrobit) {
    BoardCaps mb = parse_caps(microbit_line);
    std::string st = snippets::stat(mb, "main.py");
    EXPECT_EQ(st.find("os.stat"), std::string::npos);
    EXPECT_NE(st.find("os.size('main.py')"), std::string::npos);
    EXPECT_NE(snippets::stat(mb, "").find("16384"), std::string::npos) << "the root is a directory";
    std::string ls = snippets::listdir(mb, "");
    EXPECT_EQ(ls.find("ilistdir"), std::string::npos);
    EXPECT_NE(ls.find("os.listdir()"), std::string::npos);
    std::string touch = snippets::touch(mb, "new.txt");
    EXPECT_EQ(touch.find("'a'"), std::string::npos) << "the micro:bit's open() has no append mode";
    std::string dg = snippets::digest(mb, "x");
    EXPECT_EQ(dg.find("hashlib"), std::string::npos);
    EXPECT_NE(dg.find("sum(_b)"), std::string::npos);
    EXPECT_NE(snippets::read_file(mb, "x", 192).find("repr(_b)"), std::string::npos);
}

TEST(MprBoardSnippets, ListingTakesSizesFromStatWhenIlistdirHasNone) {
    // VfsPosix (unix port, webassembly runtime) yields (name, type, inode): no size.
    BoardCaps c = parse_caps(modern_line);
    std::string ls = snippets::listdir(c, "lib");
    EXPECT_NE(ls.find("_e[3] if len(_e)>3 else os.stat('lib/'+_e[0])[6] if _e[1]&0x8000 else 0"), std::string::npos) << ls;
    c.stat = false;
    EXPECT_EQ(snippets::listdir(c, "lib").find("os.stat"), std::string::npos);
}

TEST(MprBoardSnippets, UseModernFeatures) {
    BoardCaps c = parse_caps(modern_line);
    EXPECT_NE(snippets::listdir(c, "lib").find("os.ilistdir('lib')"), std::string::npos);
    EXPECT_NE(snippets::stat(c, "a").find("os.stat('a')"), std::string::npos);
    EXPECT_NE(snippets::digest(c, "a").find("sha256"), std::string::npos);
    EXPECT_NE(snippets::read_file(c, "a", 3000).find("b2a_base64"), std::string::npos);
    EXPECT_NE(snippets::open_for_write(c, "a", true).find("a2b_base64"), std::string::npos);
    std::string over = snippets::replace_file(c, "a.mpr~", "a");
    EXPECT_NE(over.find("os.rename('a.mpr~','a')"), std::string::npos) << over;
    EXPECT_EQ(snippets::write_base64("QUJD", 3, 198), "_x=_d(b'QUJD')\nprint(_w(_x) if len(_x)==3 and sum(_x)==198 else -1)\n");
}

TEST(MprBoardSnippets, PathsAreQuoted) {
    BoardCaps c = parse_caps(modern_line);
    std::string s = snippets::remove(c, "it's\\odd");
    EXPECT_NE(s.find("os.remove('it\\'s\\\\odd')"), std::string::npos) << s;
}

}  // namespace
}  // namespace mpy
