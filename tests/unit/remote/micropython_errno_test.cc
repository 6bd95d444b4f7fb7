#include <gtest/gtest.h>

#include <set>

#include "remote/protocol/micropython_errno.h"

namespace mpy {
namespace {

TEST(MicroPythonErrnoTable, NumbersAndNamesAreUnique) {
    std::set<int> numbers;
    std::set<std::string_view> names;
    for (const MicroPythonErrno& e : kMicroPythonErrnos) {
        EXPECT_TRUE(numbers.insert(e.number).second) << e.number;
        EXPECT_TRUE(names.insert(e.name).second) << e.name;
        EXPECT_FALSE(e.message.empty()) << e.name;
    }
}

TEST(MicroPythonErrnoTable, HostFileErrorsReachTheBoardByName) {
    // The board's numbers are Linux's whatever the host's are.
    EXPECT_EQ(micropython_errno_for_host(ENOENT), 2);
    EXPECT_EQ(micropython_errno_for_host(ENAMETOOLONG), 36);
    EXPECT_EQ(micropython_errno_for_host(ELOOP), 40);
    EXPECT_EQ(micropython_errno_for_host(EOPNOTSUPP), 95);
    for (const MicroPythonErrno& e : kMicroPythonErrnos) {
        if (e.file_error) {
            EXPECT_EQ(micropython_errno_for_host(e.host), e.number) << e.name;
        }
    }
    // Not file errors: the board's code sees EIO.
    EXPECT_EQ(micropython_errno_for_host(ECONNRESET), 5);
    EXPECT_EQ(micropython_errno_for_host(EINTR), 5);
    EXPECT_EQ(micropython_errno_for_host(0), 5);
}

TEST(MicroPythonErrnoTable, NamedConstantsAreTheTablesNumbers) {
    EXPECT_EQ(mp_errno::enoent, 2);
    EXPECT_EQ(mp_errno::enotempty, 39);
    EXPECT_EQ(micropython_errno(mp_errno::eacces)->name, "EACCES");
    EXPECT_EQ(micropython_errno(36)->message, "File name too long");
}

}  // namespace
}  // namespace mpy
