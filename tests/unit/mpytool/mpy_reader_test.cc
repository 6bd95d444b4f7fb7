// The .mpy reader on hostile input (every error names the byte offset) and the round-trip
// properties: read(write(model)) == model, write(read(bytes)) == bytes for reference files.
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "common/mpy_reader.h"
#include "common/mpy_writer.h"
#include "common/vuint.h"

namespace mpy {
namespace {

using ::testing::HasSubstr;

std::string error_of(const std::string& bytes) {
    try {
        read_mpy(std::string_view(bytes), "bad.mpy");
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().where.file, "bad.mpy");
        return e.diagnostic().message;
    }
    ADD_FAILURE() << "no error";
    return {};
}

std::string header() { return std::string("M\x06\x00\x1f", 4); }
std::string vu(std::uint64_t v) {
    std::string s;
    vuint::append(s, v);
    return s;
}
// A minimal valid file: qstr "m.py", no constants, module = LOAD_CONST_NONE RETURN_VALUE.
std::string body_module() {
    std::string code("\x00\x02\x00\x51\x63", 5);  // sig, size(n_info 1), name qstr 0, ops
    return vu(code.size() << 3) + code;
}

TEST(FormatReader, AcceptsMinimalFile) {
    std::string f = header() + vu(1) + vu(0) + vu(4 << 1) + std::string("m.py\0", 5) + body_module();
    MpyLayout layout;
    MpyModule m = read_mpy(std::string_view(f), "ok.mpy", &layout);
    ASSERT_EQ(m.qstrs.size(), 1u);
    EXPECT_EQ(m.qstrs[0], "m.py");
    EXPECT_EQ(m.module.code.size(), 5u);
    EXPECT_EQ(layout.qstr_table, 6u);
    EXPECT_EQ(layout.end, f.size());
    EXPECT_EQ(write_mpy(m), f);
}

TEST(FormatReader, ErrorsNameTheByteOffset) {
    EXPECT_THAT(error_of(""), HasSubstr("offset 0x0: file ends where the magic byte should be"));
    EXPECT_THAT(error_of("X\x06\x00\x1f"), HasSubstr("offset 0x0: not a .mpy file"));
    EXPECT_THAT(error_of(std::string("M\x05\x00\x1f", 4)), HasSubstr("offset 0x1: .mpy version 5 is not supported"));
    EXPECT_THAT(error_of(std::string("M\x06\x80\x1f", 4)), HasSubstr("offset 0x2: feature byte 0x80 has the reserved bit"));
    EXPECT_THAT(error_of(std::string("M\x06\x00", 3)), HasSubstr("offset 0x3: file ends where the small-int-bits byte"));
    EXPECT_THAT(error_of(header() + vu(4000000) + vu(0)), HasSubstr("offset 0x4: qstr count 4000000 exceeds file size"));
    EXPECT_THAT(error_of(header() + vu(0) + vu(900)), HasSubstr("offset 0x5: constant count 900 exceeds file size"));
    EXPECT_THAT(error_of(header() + vu(1) + vu(0) + vu(4000000 << 1) + "abc"),
                HasSubstr("offset 0x6: qstr length 4000000 exceeds file size (3 bytes left)"));
    EXPECT_THAT(error_of(header() + vu(1) + vu(0) + vu(200 << 1 | 1) + body_module()),
                HasSubstr("offset 0x6: static qstr index 200 is not in the static list"));
    EXPECT_THAT(error_of(header() + vu(1) + vu(0) + vu(2 << 1) + "abX" + body_module()),
                HasSubstr("offset 0x9: qstr is not followed by its NUL terminator"));
    EXPECT_THAT(error_of(header() + vu(1) + vu(1) + vu(7 << 1 | 1) + "\x0b" + body_module()),
                HasSubstr("offset 0x7: unknown constant tag 11"));
    EXPECT_THAT(error_of(header() + vu(1) + vu(1) + vu(7 << 1 | 1) + "\x05" + vu(50) + "ab"),
                HasSubstr("offset 0x8: constant length 50 exceeds file size"));
    EXPECT_THAT(error_of(header() + vu(0) + vu(0) + vu(1000 << 3) + "\x00\x02"),
                HasSubstr("offset 0x6: code length 1000 exceeds file size"));
    EXPECT_THAT(error_of(header() + vu(0) + vu(0) + "\xff\xff"), HasSubstr("offset 0x6: file ends inside the raw code header"));
    EXPECT_THAT(error_of(header() + vu(0) + vu(0) + std::string(12, '\xff') + "\x01"),
                HasSubstr("offset 0x6: raw code header is a variable-length integer too long for 64 bits"));
    // A native-py raw code whose prelude offset lies outside its 2 bytes of code.
    EXPECT_THAT(error_of(std::string("M\x06\x0b\x1f", 4) + vu(0) + vu(0) + vu(2 << 3 | 1) + "ab" + vu(9)),
                HasSubstr("offset 0x9: prelude offset 9 is outside the 2 bytes of native code"));
    // Relocations never ended by 0xff.
    EXPECT_THAT(error_of(std::string("M\x06\x0b\x1f", 4) + vu(0) + vu(0) + vu(2 << 3 | 2) + "ab" + vu(kScopeViperReloc) + std::string(1, '\0')),
                HasSubstr("offset 0xb: file ends where the relocation entry"));
    // Children claimed but none there.
    EXPECT_THAT(error_of(header() + vu(0) + vu(0) + vu(2 << 3 | 4) + "ab" + vu(100)),
                HasSubstr("offset 0x9: child count 100 exceeds file size"));
}

TEST(FormatReader, NestingDepthIsLimited) {
    // 300 nested one-element tuples.
    std::string consts;
    for (int i = 0; i < 300; ++i) consts += "\x0a\x01";
    consts += "\x01";
    EXPECT_THAT(error_of(header() + vu(0) + vu(1) + consts), HasSubstr("constant tuples nested deeper than 200"));
    // 300 nested raw codes, each with one child.
    std::string codes;
    for (int i = 0; i < 300; ++i) codes += vu(0 << 3 | 4) + vu(1);
    EXPECT_THAT(error_of(header() + vu(0) + vu(0) + codes), HasSubstr("raw codes nested deeper than 200"));
}

MpyModule everything_model() {
    MpyModule m;
    m.header = make_header(NativeArch::RV32IMC, true, 31, 1);
    m.qstrs = {"prog.py", "<module>", "f", "\xc3\xa9t\xc3\xa9", std::string("nul\0inside", 10)};
    m.constants = {Constant::str("a long string constant"), Constant::bytes(std::string("\x00\xff", 2)),
                   Constant::integer("-123456789012345678901234567890"), Constant::floating("1e+100"),
                   Constant::complex("(1-2j)"), Constant::none(), Constant::boolean(true), Constant::boolean(false),
                   Constant::ellipsis(), Constant::fun_table(),
                   Constant::tuple({Constant::integer("1"), Constant::tuple({}), Constant::str("")})};
    RawCode top;
    top.code = {0x00, 0x02, 0x01, 0x51, 0x63};
    RawCode native;
    native.kind = CodeKind::NativePy;
    native.code = {0x90, 0x90, 0xc3, 0x00, 0x02, 0x02};
    native.prelude_offset = 3;
    RawCode viper;
    viper.kind = CodeKind::NativeViper;
    viper.code = Bytes(16, 0);
    viper.scope_flags = kScopeViperReloc | kScopeViperRodata | kScopeViperBss;
    viper.rodata = {1, 2, 3, 4};
    viper.bss_size = 8;
    viper.relocations = {{0x01 | (6 << 1), 2, 1}, {(1 << 1) | 0x01, 0, 3}, {(12 << 1), 0, 1}};
    RawCode asm_code;
    asm_code.kind = CodeKind::NativeAsm;
    asm_code.code = {0x70, 0x47};
    asm_code.asm_n_pos_args = 3;
    asm_code.asm_type_sig = 0x2a;
    viper.children.push_back(asm_code);  // relocations then follow the child
    top.children = {native, viper};
    m.module = top;
    return m;
}

TEST(FormatRoundTrip, ModelSurvivesWriteThenRead) {
    MpyModule m = everything_model();
    std::string bytes = write_mpy(m);
    EXPECT_EQ(bytes.substr(0, 5), std::string("M\x06\x6f\x1f\x01", 5));  // 0x40 | rv32imc<<2 | 3, flags 1
    MpyModule back = read_mpy(std::string_view(bytes), "rt.mpy");
    EXPECT_EQ(back, m);
    EXPECT_EQ(write_mpy(back), bytes);
}

TEST(FormatRoundTrip, StaticQstrsAreWrittenShort) {
    MpyModule m = everything_model();
    std::string bytes = write_mpy(m);
    // "<module>" is static qstr 7: stored as the single byte (7 << 1) | 1.
    std::string prog = vu(7 << 1) + std::string("prog.py\0", 8);
    auto at = bytes.find(prog);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(static_cast<unsigned char>(bytes[at + prog.size()]), (7u << 1) | 1);
}

TEST(FormatRoundTrip, ReferenceFilesAreReproducedByteForByte) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(MPYTOOLS_SOURCE_DIR) / "tests/mpytool/mpy";
    int n = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".mpy") continue;
        std::string bytes = read_file(entry.path());
        MpyModule m = read_mpy(std::string_view(bytes), entry.path().string());
        EXPECT_EQ(write_mpy(m), bytes) << entry.path();
        EXPECT_EQ(read_mpy(std::string_view(write_mpy(m)), "again"), m) << entry.path();
        ++n;
    }
    EXPECT_GE(n, 15);
}

}  // namespace
}  // namespace mpy
