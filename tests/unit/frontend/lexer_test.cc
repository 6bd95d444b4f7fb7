// Lexer: token kinds, payloads, positions, indentation, string and number forms.
// Expected behaviour was checked against mpy-cross 1.27 and 1.28 (see comments where it is
// surprising); the default is 1.28, and tests name 1.27 where the two differ.
#include "compiler/frontend/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/diagnostics.h"

namespace mpy {
namespace {

// All tokens as "KIND[:text]@line:col", space separated, up to and including End.
std::string lex_all(std::string_view src, bool positions = false, CompatVersion compat = kDefaultCompat) {
    Lexer lex(src, "t.py", LexerOptions{0, compat});
    std::string out;
    for (int guard = 0; guard < 1000; ++guard) {
        const Token& t = lex.token();
        if (!out.empty()) out += ' ';
        out += token_kind_name(t.kind);
        const bool has_payload = t.kind == TokenKind::Name || t.kind == TokenKind::Integer ||
                                 t.kind == TokenKind::FloatOrImag || t.kind == TokenKind::String ||
                                 t.kind == TokenKind::Bytes;
        if (has_payload) out += ":" + t.text;
        if (positions) out += "@" + std::to_string(t.line) + ":" + std::to_string(t.column);
        if (t.kind == TokenKind::End) break;
        lex.advance();
    }
    return out;
}

std::string first_text(std::string_view src) {
    Lexer lex(src, "t.py");
    return lex.token().text;
}

TokenKind first_kind(std::string_view src) {
    Lexer lex(src, "t.py");
    return lex.token().kind;
}

TEST(FrontendLexer, SimpleStatementWithPositions) {
    EXPECT_EQ(lex_all("x = 1\n", true), "NAME:x@1:1 '='@1:3 INTEGER:1@1:5 NEWLINE@1:6 end of file@2:1");
}

TEST(FrontendLexer, EmptyFileReadsAsOneNewline) {
    EXPECT_EQ(lex_all(""), "NEWLINE end of file");
    EXPECT_EQ(lex_all("# comment only"), "NEWLINE end of file");
}

TEST(FrontendLexer, MissingFinalNewlineIsAdded) {
    EXPECT_EQ(lex_all("pass"), "'pass' NEWLINE end of file");
}

TEST(FrontendLexer, CrAndCrLfAreNewlines) {
    EXPECT_EQ(lex_all("a\r\nb\rc\n", true), "NAME:a@1:1 NEWLINE@1:2 NAME:b@2:1 NEWLINE@2:2 NAME:c@3:1 NEWLINE@3:2 end of file@4:1");
}

TEST(FrontendLexer, IndentAndDedent) {
    EXPECT_EQ(lex_all("if x:\n    y\n    z\nw\n", true),
              "'if'@1:1 NAME:x@1:4 ':'@1:5 NEWLINE@1:6 INDENT@2:5 NAME:y@2:5 NEWLINE@2:6 NAME:z@3:5 "
              "NEWLINE@3:6 DEDENT@4:1 NAME:w@4:1 NEWLINE@4:2 end of file@5:1");
}

TEST(FrontendLexer, DedentsAtEndOfFile) {
    EXPECT_EQ(lex_all("if a:\n if b:\n  c"), "'if' NAME:a ':' NEWLINE INDENT 'if' NAME:b ':' NEWLINE INDENT NAME:c NEWLINE DEDENT DEDENT end of file");
}

TEST(FrontendLexer, TabsAdvanceToMultiplesOfEight) {
    EXPECT_EQ(lex_all("if x:\n\ty\n", true), "'if'@1:1 NAME:x@1:4 ':'@1:5 NEWLINE@1:6 INDENT@2:9 NAME:y@2:9 NEWLINE@2:10 DEDENT@3:1 end of file@3:1");
}

TEST(FrontendLexer, MismatchedDedentReplacesNewline) {
    // The NEWLINE token (at the end of line 2) becomes the error token: mpy-cross reports line 2.
    EXPECT_EQ(lex_all("if x:\n    a\n  b\n", true),
              "'if'@1:1 NAME:x@1:4 ':'@1:5 NEWLINE@1:6 INDENT@2:5 NAME:a@2:5 mismatched dedent@2:6 DEDENT@3:3 "
              "NAME:b@3:3 NEWLINE@3:4 end of file@4:1");
}

TEST(FrontendLexer, FirstTokenIndentedIsIndent) {
    EXPECT_EQ(first_kind("  x = 1\n"), TokenKind::Indent);
    EXPECT_EQ(first_kind("\n  x = 1\n"), TokenKind::Newline);
}

TEST(FrontendLexer, NoNewlinesInsideBrackets) {
    EXPECT_EQ(lex_all("f(a,\n  b)\n"), "NAME:f '(' NAME:a ',' NAME:b ')' NEWLINE end of file");
}

TEST(FrontendLexer, LineContinuationAndComments) {
    EXPECT_EQ(lex_all("x = 1 + \\\n  2  # c\n"), "NAME:x '=' INTEGER:1 '+' INTEGER:2 NEWLINE end of file");
}

TEST(FrontendLexer, Keywords) {
    EXPECT_EQ(lex_all("async await nonlocal lambda None"), "'async' 'await' 'nonlocal' 'lambda' 'None' NEWLINE end of file");
    // __debug__ is the constant True (or False with -O).
    EXPECT_EQ(first_kind("__debug__"), TokenKind::KwTrue);
    Lexer optimised("__debug__", "t.py", LexerOptions{1});
    EXPECT_EQ(optimised.token().kind, TokenKind::KwFalse);
}

TEST(FrontendLexer, OperatorsLongestMatch) {
    EXPECT_EQ(lex_all("a **= b //= c >>= d <<= e -> f := g != h ... i"),
              "NAME:a '**=' NAME:b '//=' NAME:c '>>=' NAME:d '<<=' NAME:e '->' NAME:f ':=' NAME:g '!=' NAME:h '...' NAME:i NEWLINE end of file");
    EXPECT_EQ(lex_all(".. @ @= ~"), "'.' '.' '@' '@=' '~' NEWLINE end of file");
    EXPECT_EQ(lex_all("!"), "invalid token NEWLINE end of file");
    EXPECT_EQ(lex_all("$"), "invalid token NEWLINE end of file");
}

TEST(FrontendLexer, NumberTokensKeepTheirText) {
    EXPECT_EQ(lex_all("0x1F 0o17 0b101 1_000 1.5 .5 1e10 1E-5 2j 1.5J 0x1e5"),
              "INTEGER:0x1F INTEGER:0o17 INTEGER:0b101 INTEGER:1000 FLOAT:1.5 FLOAT:.5 FLOAT:1e10 FLOAT:1e-5 "
              "FLOAT:2j FLOAT:1.5J INTEGER:0x1e5 NEWLINE end of file");
    // Letters are swallowed into the number; the parser rejects it later.
    EXPECT_EQ(lex_all("123abc"), "INTEGER:123abc NEWLINE end of file");
    EXPECT_EQ(lex_all("1.real"), "FLOAT:1.real NEWLINE end of file");
}

TEST(FrontendLexer, UnicodeIdentifiersAreBytes) {
    EXPECT_EQ(lex_all("\xc3\xa9t\xc3\xa9 = 1"), "NAME:\xc3\xa9t\xc3\xa9 '=' INTEGER:1 NEWLINE end of file");
}

TEST(FrontendLexer, StringPrefixesAndKinds) {
    EXPECT_EQ(first_kind("'a'"), TokenKind::String);
    EXPECT_EQ(first_kind("u'a'"), TokenKind::String);
    EXPECT_EQ(first_kind("r'a'"), TokenKind::String);
    EXPECT_EQ(first_kind("b'a'"), TokenKind::Bytes);
    EXPECT_EQ(first_kind("rb'a'"), TokenKind::Bytes);
    EXPECT_EQ(first_kind("br'a'"), TokenKind::Bytes);
    // Upper-case prefixes are not prefixes in MicroPython.
    EXPECT_EQ(lex_all("B'a'"), "NAME:B STRING:a NEWLINE end of file");
    EXPECT_EQ(lex_all("ur'a'"), "NAME:ur STRING:a NEWLINE end of file");
}

TEST(FrontendLexer, Escapes) {
    EXPECT_EQ(first_text(R"('\a\b\t\n\v\f\r\\\'\"')"), "\a\b\t\n\v\f\r\\'\"");
    EXPECT_EQ(first_text(R"('\x41\101\0\1234')"), std::string("AA\0S4", 5));
    EXPECT_EQ(first_text(R"('\u00e9\U0001F600')"), "\xc3\xa9\xf0\x9f\x98\x80");
    EXPECT_EQ(first_text(R"('\q')"), "\\q");            // unknown escapes stay
    EXPECT_EQ(first_text("'a\\\nb'"), "ab");             // escaped newline vanishes
    EXPECT_EQ(first_text(R"(b'\u1234\xff')"), "\\u1234\xff");  // no \u in bytes
    EXPECT_EQ(first_text(R"(r'\n\'')"), "\\n\\'");       // raw keeps the backslash
    EXPECT_EQ(first_text("'\\\xc3\xa9'"), "\\\xc3\x83\xa9");  // MicroPython re-encodes the byte after '\'
}

TEST(FrontendLexer, BadEscapesAreInvalidTokens) {
    // A short \x escape swallows the closing quote, as in MicroPython: an unterminated string.
    EXPECT_EQ(first_kind(R"('\x4')"), TokenKind::LonelyStringOpen);
    EXPECT_EQ(first_kind(R"('\x4g')"), TokenKind::Invalid);
    EXPECT_EQ(first_kind(R"('\U00110000')"), TokenKind::Invalid);
    EXPECT_EQ(first_kind(R"(b'\777')"), TokenKind::Invalid);
    EXPECT_EQ(first_kind(R"(b'\x4g')"), TokenKind::Invalid);
}

TEST(FrontendLexer, NamedUnicodeEscapeIsNotImplemented) {
    try {
        Lexer lex("x = '\\N{DASH}'\n", "t.py");
        lex.advance();
        lex.advance();
        FAIL() << "expected an error";
    } catch (const DiagnosticError& e) {
        EXPECT_EQ(e.diagnostic().kind, "NotImplementedError");
        EXPECT_EQ(e.diagnostic().message, "unicode name escapes");
        EXPECT_EQ(e.diagnostic().where.line, 0);
    }
}

TEST(FrontendLexer, TripleQuotedAndUnterminated) {
    EXPECT_EQ(first_text("'''a\n'b''c'''"), "a\n'b''c");
    EXPECT_EQ(first_kind("'abc\n"), TokenKind::LonelyStringOpen);
    EXPECT_EQ(first_kind("'''abc\n\n"), TokenKind::LonelyStringOpen);
}

TEST(FrontendLexer, AdjacentLiteralsJoinByKind) {
    EXPECT_EQ(lex_all("'a' \"b\" 'c'"), "STRING:abc NEWLINE end of file");
    EXPECT_EQ(lex_all("'a'\n'c'"), "STRING:a NEWLINE STRING:c NEWLINE end of file");
    EXPECT_EQ(lex_all("(b'a'\n b'b')"), "'(' BYTES:ab ')' NEWLINE end of file");
    // str next to bytes does not join: two tokens (a syntax error for the parser).
    EXPECT_EQ(lex_all("'a' b'b'"), "STRING:a BYTES:b NEWLINE end of file");
}

TEST(FrontendLexer, FStringBecomesFormatCall) {
    EXPECT_EQ(lex_all("f'a{x!r:>{w}}b'"),
              "STRING:a{!r:>{}}b '.' NAME:format '(' '(' NAME:x ')' ',' '(' NAME:w ')' ',' ')' NEWLINE end of file");
    EXPECT_EQ(lex_all("f'{x=}'"), "STRING:x={} '.' NAME:format '(' '(' NAME:x ')' ',' ')' NEWLINE end of file");
    EXPECT_EQ(lex_all("f'{{}}'"), "STRING:{{}} '.' NAME:format '(' ')' NEWLINE end of file");
    // Adjacent plain strings join the format string unescaped, as in MicroPython.
    EXPECT_EQ(lex_all("f'{a}' '{b}'"), "STRING:{}{b} '.' NAME:format '(' '(' NAME:a ')' ',' ')' NEWLINE end of file");
    // `!=` inside a field is an operator, not a conversion.
    EXPECT_EQ(lex_all("f'{a!=b}'"), "STRING:{} '.' NAME:format '(' '(' NAME:a '!=' NAME:b ')' ',' ')' NEWLINE end of file");
}

TEST(FrontendLexer, NestedFStringInjectsInFrontOfTheRest) {
    // 1.28: the inner literal's arguments are read first, then the rest of the outer ones.
    EXPECT_EQ(lex_all("f'{f\"{a}\"}{b}'"),
              "STRING:{}{} '.' NAME:format '(' '(' STRING:{} '.' NAME:format '(' '(' NAME:a ')' ',' ')' ')' ',' "
              "'(' NAME:b ')' ',' ')' NEWLINE end of file");
    // 1.27: the inner literal's arguments (without ".format(", as the text being injected is not
    // empty) land at the end of that text.
    EXPECT_EQ(lex_all("f'{f\"{a}\"}{b}'", false, CompatVersion::V1_27),
              "STRING:{}{} '.' NAME:format '(' '(' STRING:{} ')' ',' '(' NAME:b ')' ',' ')' '(' NAME:a ')' ',' "
              "NEWLINE end of file");
}

TEST(FrontendLexer, FStringEdgeCasesOf128) {
    // After "{{" the quote closes the literal in 1.28; 1.27 takes it as text and runs to the end.
    EXPECT_EQ(lex_all("f'{{' + x"), "STRING:{{ '.' NAME:format '(' ')' '+' NAME:x NEWLINE end of file");
    EXPECT_EQ(lex_all("f'{{' + x", false, CompatVersion::V1_27),
              "unterminated string '.' NAME:format '(' ')' NEWLINE end of file");
    EXPECT_EQ(first_kind("f'{}'"), TokenKind::MalformedFString);
    EXPECT_EQ(lex_all("f'{}'", false, CompatVersion::V1_27),
              "STRING:{} '.' NAME:format '(' '(' ')' ',' ')' NEWLINE end of file");
}

TEST(FrontendLexer, TStringBecomesTemplateCall) {
    EXPECT_EQ(lex_all("t'a{x!r:>4}b'"),
              "NAME:__template__ '(' '(' STRING:a ',' STRING:b ',' ')' ',' '(' NAME:x ')' ',' STRING:x ',' "
              "STRING:r ',' STRING:>4 ',' ')' NEWLINE end of file");
    EXPECT_EQ(lex_all("rt'\\x{y}'"),
              "NAME:__template__ '(' '(' STRING:\\x ',' STRING: ',' ')' ',' '(' NAME:y ')' ',' STRING:y ',' "
              "'None' ',' STRING: ',' ')' NEWLINE end of file");
    // Adjacent t-strings only join when the first had a field (its arguments are pending): here
    // the second starts a tuple of its own inside the first (a syntax error for the parser), and
    // the unbalanced brackets hide the NEWLINE.
    EXPECT_EQ(lex_all("t'x' t'y'"), "NAME:__template__ '(' '(' STRING:x '(' '(' STRING:y ',' ')' ',' ')' end of file");
    // A spec with fields of its own is an f-string.
    EXPECT_EQ(lex_all("t'{x:{w}}'"),
              "NAME:__template__ '(' '(' STRING: ',' STRING: ',' ')' ',' '(' NAME:x ')' ',' STRING:x ',' 'None' ',' "
              "STRING:{} '.' NAME:format '(' '(' NAME:w ')' ',' ')' ',' ')' NEWLINE end of file");
    EXPECT_EQ(first_kind("t'}'"), TokenKind::MalformedFString);
    EXPECT_EQ(first_kind("t'{x:{'"), TokenKind::MalformedFString);
    // No t-strings in 1.27.
    EXPECT_EQ(lex_all("t'a'", false, CompatVersion::V1_27), "NAME:t STRING:a NEWLINE end of file");
}

TEST(FrontendLexer, NulByteReadsAsOneIn128) {
    EXPECT_EQ(first_text(std::string("'a\0b'", 5)), "a\x01" "b");
    EXPECT_EQ(lex_all(std::string("'a\0b'", 5), false, CompatVersion::V1_27), std::string("STRING:a\0b NEWLINE end of file", 30));
}

TEST(FrontendLexer, FStringArgumentsKeepTheirLine) {
    Lexer lex("x = f'''\n{y}'''\nz\n", "t.py");
    std::vector<int> lines;
    for (; lex.token().kind != TokenKind::End; lex.advance()) lines.push_back(lex.token().line);
    // x = STRING(line 1) . format ( ( y ) , ) NEWLINE z NEWLINE
    EXPECT_EQ(lines, (std::vector<int>{1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3}));
}

}  // namespace
}  // namespace mpy
