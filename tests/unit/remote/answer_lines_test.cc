#include <gtest/gtest.h>

#include "remote/protocol/answer_lines.h"

namespace mpy {
namespace {

using Lines = std::vector<std::string>;

TEST(AnswerLines, SplitsAtNewlinesAndDropsTheTerminalsCarriageReturn) {
    EXPECT_EQ(answer_lines("12 34\r\n'a'\r\n"), (Lines{"12 34", "'a'"}));
    EXPECT_EQ(answer_lines("one\ntwo"), (Lines{"one", "two"}));
}

TEST(AnswerLines, LeavesEmptyLinesOut) {
    EXPECT_EQ(answer_lines(""), Lines{});
    EXPECT_EQ(answer_lines("\r\n\n"), Lines{});
    EXPECT_EQ(answer_lines("\na\r\n\r\nb\n\n"), (Lines{"a", "b"}));
}

TEST(AnswerLines, KeepsOnlyTheLastCarriageReturnAndInnerSpaces) {
    EXPECT_EQ(answer_lines(" x \r\r\n"), Lines{" x \r"});
}

TEST(AnswerLines, LinesOutliveTheAnswerTheyCameFrom) {
    Lines lines;
    {
        std::string answer = "first\r\nsecond\r\n";
        lines = answer_lines(answer);
        answer.assign(answer.size(), 'x');
    }
    EXPECT_EQ(lines, (Lines{"first", "second"}));
}

}  // namespace
}  // namespace mpy
