// WebREPL's file record bytes, as modwebrepl.c's packed struct webrepl_file lays them out.
#include <gtest/gtest.h>

#include <stdexcept>

#include "remote/transport/webrepl_files.h"

namespace mpy {
namespace {

TEST(WebReplFiles, HeaderLayout) {
    std::string h = webrepl_record_header(WebReplRecord::put_file, "main.py", 0x01020304);
    ASSERT_EQ(h.size(), 82u);
    EXPECT_EQ(h.substr(0, 4), std::string("WA\x01\x00", 4));
    EXPECT_EQ(h.substr(4, 8), std::string(8, '\0'));                 // offset
    EXPECT_EQ(h.substr(12, 4), std::string("\x04\x03\x02\x01", 4));  // size, little-endian
    EXPECT_EQ(h.substr(16, 2), std::string("\x07\x00", 2));          // name length
    EXPECT_EQ(h.substr(18, 7), "main.py");
    EXPECT_EQ(h.substr(25), std::string(57, '\0'));
    EXPECT_EQ(webrepl_record_header(WebReplRecord::get_file, std::string(63, 'a'), 0).size(), 82u);
    EXPECT_THROW(webrepl_record_header(WebReplRecord::get_file, std::string(64, 'a'), 0), std::invalid_argument);
}

TEST(WebReplFiles, Answers) {
    EXPECT_EQ(webrepl_status(std::string("WB\0\0", 4)), std::optional<std::uint16_t>(0));
    EXPECT_EQ(webrepl_status(std::string("WB\x01\x00", 4)), std::optional<std::uint16_t>(1));
    EXPECT_FALSE(webrepl_status("WB"));
    EXPECT_FALSE(webrepl_status(std::string("XB\0\0", 4)));
    EXPECT_EQ(webrepl_chunk(std::string("\x03\x00" "abc", 5)), std::optional<std::string_view>("abc"));
    EXPECT_EQ(webrepl_chunk(std::string("\0\0", 2)), std::optional<std::string_view>(""));
    EXPECT_FALSE(webrepl_chunk(std::string("\x05\x00" "abc", 5)));  // shorter than it says
    EXPECT_FALSE(webrepl_chunk("x"));
}

}  // namespace
}  // namespace mpy
