// Prelude, line table, static qstrs and qstr identifiers.
#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "common/mpy_format.h"
#include "common/qstr_ident.h"
#include "common/qstr_static.h"

namespace mpy {
namespace {

TEST(FormatPrelude, SignatureRoundTripsThroughEncoding) {
    PreludeSignature sig{9, 2, kScopeVarArgs | kScopeVarKeywords, 3, 1, 2};
    std::vector<std::uint8_t> bytes;
    encode_prelude_signature(sig, bytes);
    auto d = decode_prelude_signature(bytes);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->sig, sig);
    EXPECT_EQ(d->length, bytes.size());
}

TEST(FormatPrelude, KnownEncodingsFromMpyCross) {
    // <module> with n_state 2 encodes as one byte 0x08; the function h(*args, **kw) of a
    // reference file (n_state 9, n_exc_stack 2, flags 6) as c0 82 c0 40.
    std::vector<std::uint8_t> a;
    encode_prelude_signature({2, 0, 0, 0, 0, 0}, a);
    EXPECT_EQ(a, (std::vector<std::uint8_t>{0x08}));
    std::vector<std::uint8_t> b;
    encode_prelude_signature({9, 2, 6, 0, 0, 0}, b);
    EXPECT_EQ(b, (std::vector<std::uint8_t>{0xc0, 0x82, 0xc0, 0x40}));
    std::vector<std::uint8_t> size;
    encode_prelude_size({1, 0}, size);
    EXPECT_EQ(size, (std::vector<std::uint8_t>{0x02}));
    size.clear();
    encode_prelude_size({70, 3}, size);
    auto d = decode_prelude_size(size);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->size, (PreludeSize{70, 3}));
}

TEST(FormatPrelude, ParsePreludeFindsSections) {
    // signature 0x08, size: n_info 3 (name + arg + 1 line byte), n_cell 1; names 1, 2; line 0x41; cell 0
    std::vector<std::uint8_t> code{0x08 | 0x01, 0x06 | 0x01, 0x01, 0x02, 0x41, 0x00, 0x63};
    // n_pos_args = 1 (A bits = 1), so one argument name follows the simple name.
    Prelude p = parse_prelude(code);
    EXPECT_EQ(p.sig.n_pos_args, 1u);
    EXPECT_EQ(p.simple_name, 1u);
    ASSERT_EQ(p.arg_names.size(), 1u);
    EXPECT_EQ(p.arg_names[0], 2u);
    EXPECT_EQ(p.offset_line_info, 4u);
    EXPECT_EQ(p.offset_closure_info, 5u);
    EXPECT_EQ(p.offset_opcodes, 6u);
}

TEST(FormatPrelude, ParsePreludeRejectsSectionsPastTheEnd) {
    std::vector<std::uint8_t> code{0x08, 0x7e};  // n_info 63 in a 2-byte function
    EXPECT_THROW(parse_prelude(code), DiagnosticError);
    std::vector<std::uint8_t> empty;
    EXPECT_THROW(parse_prelude(empty), DiagnosticError);
}

TEST(FormatLineInfo, DecodesBothEntryForms) {
    std::vector<std::uint8_t> table{0x26, 0x24, 0x81, 0x05};
    auto e = decode_line_info(table);
    ASSERT_EQ(e.size(), 3u);
    EXPECT_EQ(e[0].bc_delta, 6u);
    EXPECT_EQ(e[0].line_delta, 1u);
    EXPECT_EQ(e[2].bc_delta, 1u);
    EXPECT_EQ(e[2].line_delta, 5u);
    EXPECT_EQ(source_line_for(e, 0), 1u);
    EXPECT_EQ(source_line_for(e, 5), 1u);
    EXPECT_EQ(source_line_for(e, 6), 2u);
    EXPECT_EQ(source_line_for(e, 11), 8u);
    std::vector<std::uint8_t> cut{0x81};
    EXPECT_THROW(decode_line_info(cut), DiagnosticError);
}

TEST(FormatQstr, StaticTableMatchesTheFormat) {
    EXPECT_EQ(qstr::static_strings().size(), 165u);
    EXPECT_EQ(qstr::static_string(1), "");
    EXPECT_EQ(qstr::static_string(2), "__dir__");
    EXPECT_EQ(qstr::static_string(7), "<module>");
    EXPECT_EQ(qstr::static_string(165), "zip");
    EXPECT_FALSE(qstr::static_string(0));
    EXPECT_FALSE(qstr::static_string(166));
    EXPECT_EQ(qstr::static_index("micropython"), 115u);
    EXPECT_EQ(qstr::static_index("print"), 123u);
    EXPECT_FALSE(qstr::static_index("not_a_static_qstr"));
    for (std::uint32_t i = 1; i <= 165; ++i) EXPECT_EQ(qstr::static_index(*qstr::static_string(i)), i);
}

TEST(FormatQstr, IdentifiersAndHashesFollowTheBuild) {
    EXPECT_EQ(qstr::ident("<module>"), "_lt_module_gt_");
    EXPECT_EQ(qstr::ident("t.py"), "t_dot_py");
    EXPECT_EQ(qstr::ident("a b-c"), "a_space_b_hyphen_c");
    EXPECT_EQ(qstr::ident("\xc3\xa9"), "_eacute_");
    EXPECT_EQ(qstr::ident("\x01"), "_0x01_");
    EXPECT_EQ(qstr::hash("", 1), 5381u & 0xff);
    EXPECT_NE(qstr::hash("abc", 2), 0u);
    EXPECT_EQ(qstr::c_pool_literal("plain"), "plain");
    EXPECT_EQ(qstr::c_pool_literal("a\"b"), "\\x61\\x22\\x62");
}

TEST(FormatArch, NamesRoundTrip) {
    for (int n = 1; n < kNativeArchCount; ++n) {
        auto a = static_cast<NativeArch>(n);
        EXPECT_EQ(arch_from_name(arch_name(a)), a);
    }
    EXPECT_EQ(arch_name(NativeArch::XtensaWin), "xtensawin");
    EXPECT_FALSE(arch_from_name("z80"));
}

}  // namespace
}  // namespace mpy
