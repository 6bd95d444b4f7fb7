#include <gtest/gtest.h>

#include <random>

#include "remote/board/sha256.h"
#include "remote/protocol/wire_codec.h"

namespace mpy {
namespace {

std::string random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xff);
    return s;
}

std::string all_bytes() {
    std::string s;
    for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
    return s;
}

TEST(MprWireCodec, Base64KnownVectors) {
    EXPECT_EQ(base64_encode(""), "");
    EXPECT_EQ(base64_encode("f"), "Zg==");
    EXPECT_EQ(base64_encode("fo"), "Zm8=");
    EXPECT_EQ(base64_encode("foo"), "Zm9v");
    EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64_decode("Zm9vYmE=\n"), "fooba");
    EXPECT_EQ(base64_decode("Zm9v\r\nYmFy\n"), "foobar");
}

TEST(MprWireCodec, Base64RejectsGarbage) {
    EXPECT_FALSE(base64_decode("Zm9"));
    EXPECT_FALSE(base64_decode("Zm9v!"));
    EXPECT_FALSE(base64_decode("Zg==Zg=="));
    EXPECT_FALSE(base64_decode("Z==="));
}

TEST(MprWireCodec, Base64RoundTrip) {
    for (std::size_t n : {0u, 1u, 2u, 3u, 100u, 4097u}) {
        std::string d = random_bytes(n, static_cast<unsigned>(n));
        EXPECT_EQ(base64_decode(base64_encode(d)), d);
    }
}

TEST(MprWireCodec, BytesLiteralRoundTripsEveryByte) {
    for (bool raw_high : {true, false}) {
        std::string d = all_bytes() + "0" + std::string("\0001\0008", 4) + "\\'";
        std::string body = encode_bytes_literal(d, {raw_high});
        for (char c : body) {
            EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20) << "control byte in the literal";
            if (!raw_high) {
                EXPECT_LT(static_cast<unsigned char>(c), 0x80);
            }
        }
        EXPECT_EQ(decode_py_literal("b'" + body + "'"), d);
    }
}

TEST(MprWireCodec, BytesLiteralShortEscapes) {
    EXPECT_EQ(encode_bytes_literal(std::string("\0a", 2)), "\\0a");
    // An octal escape followed by a digit would swallow it: use \x there.
    EXPECT_EQ(encode_bytes_literal(std::string("\0" "7", 2)), "\\x007");
    EXPECT_EQ(encode_bytes_literal("\x1f"), "\\37");
    EXPECT_EQ(encode_bytes_literal("\n\r\t"), "\\n\\r\\t");
    EXPECT_EQ(encode_bytes_literal("it's"), "it\\'s");
    EXPECT_EQ(encode_bytes_literal("\x7f"), "\\x7f");
    EXPECT_EQ(encode_bytes_literal("\xe9", {true}), "\xe9");
    EXPECT_EQ(encode_bytes_literal("\xe9", {false}), "\\xe9");
}

TEST(MprWireCodec, BytesLiteralIsCompact) {
    std::string d = random_bytes(100000, 7);
    double ratio = static_cast<double>(encode_bytes_literal(d).size()) / d.size();
    EXPECT_LT(ratio, 1.4) << ratio;
    std::string text(50000, 'x');
    for (std::size_t i = 0; i < text.size(); i += 40) text[i] = '\n';
    EXPECT_LT(static_cast<double>(encode_bytes_literal(text).size()) / text.size(), 1.03);
}

TEST(MprWireCodec, BytesLiteralUptoRespectsLimit) {
    std::string d = random_bytes(5000, 3);
    std::string rebuilt;
    std::size_t pos = 0;
    while (pos < d.size()) {
        std::size_t used = 0;
        std::string body = encode_bytes_literal_upto(d.substr(pos), 100, used);
        ASSERT_LE(body.size(), 100u);
        ASSERT_GT(used, 0u);
        auto chunk = decode_py_literal("b'" + body + "'");
        ASSERT_TRUE(chunk);
        EXPECT_EQ(chunk->size(), used);
        rebuilt += *chunk;
        pos += used;
    }
    EXPECT_EQ(rebuilt, d);
}

TEST(MprWireCodec, DecodesMicroPythonRepr) {
    EXPECT_EQ(decode_py_literal("b'\\x00\\xff\\n'"), std::string("\0\xff\n", 3));
    EXPECT_EQ(decode_py_literal("b\"it's\""), "it's");
    EXPECT_EQ(decode_py_literal("'caf\xc3\xa9'"), "caf\xc3\xa9");
    EXPECT_EQ(decode_py_literal("'\\u00e9'"), "\xc3\xa9");
    EXPECT_EQ(decode_py_literal("'\\xe9'"), "\xc3\xa9");  // a str escape is a code point
    EXPECT_EQ(decode_py_literal("''"), "");
    EXPECT_FALSE(decode_py_literal("b'abc"));
    EXPECT_FALSE(decode_py_literal("'a'b'"));
    EXPECT_FALSE(decode_py_literal("b'\\x4'"));
    EXPECT_FALSE(decode_py_literal("b'\\q'"));
    EXPECT_FALSE(decode_py_literal("abc"));
    EXPECT_FALSE(decode_py_literal("b'\\"));
}

TEST(MprWireCodec, PyStrQuotesPaths) {
    EXPECT_EQ(py_str("main.py"), "'main.py'");
    EXPECT_EQ(py_str("it's\\x\n"), "'it\\'s\\\\x\\n'");
    EXPECT_EQ(decode_py_literal(py_str("a'b\"c\\d\x01")), "a'b\"c\\d\x01");
}

TEST(MprSha256, KnownVectors) {
    EXPECT_EQ(hex_encode(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(hex_encode(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hex_encode(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(hex_encode(sha256(std::string(1000000, 'a'))),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(MprSha256, IncrementalEqualsOneShot) {
    std::string d = random_bytes(1000, 11);
    for (std::size_t split : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 999u}) {
        Sha256 h;
        h.update(std::string_view(d).substr(0, split));
        h.update(std::string_view(d).substr(split));
        EXPECT_EQ(h.digest(), sha256(d)) << split;
    }
}

}  // namespace
}  // namespace mpy
