// watch's ear on the host folder (inotify): changes seen, excluded names ignored, new folders
// watched, and the monitor that interrupts a running program once per change.
#include "remote/sync/host_watcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "remote/sync/change_monitor.h"
#include "tests/unit/driver/driver_test_util.h"

namespace mpy::sync {
namespace {

using std::chrono::milliseconds;

TEST(SyncHostWatcher, SeesAnEditAndNothingWhenQuiet) {
    TempDir d;
    d.write("main.py", "print(1)\n");
    HostWatcher w(d.path(), ExcludeRules());
    EXPECT_FALSE(w.wait_for_change(milliseconds(50)));
    d.write("main.py", "print(2)\n");
    EXPECT_TRUE(w.wait_for_change(milliseconds(2000)));
    // The burst was read to its end: nothing is left over.
    EXPECT_FALSE(w.wait_for_change(milliseconds(50)));
}

TEST(SyncHostWatcher, IgnoresExcludedNames) {
    TempDir d;
    std::filesystem::create_directories(d / "__pycache__");
    HostWatcher w(d.path(), ExcludeRules({"*.log"}));
    d.write("run.log", "x");
    d.write(".main.py.swp", "x");
    d.write("__pycache__/m.pyc", "x");
    EXPECT_FALSE(w.wait_for_change(milliseconds(200)));
}

TEST(SyncHostWatcher, WatchesFoldersMadeAfterItStarted) {
    TempDir d;
    HostWatcher w(d.path(), ExcludeRules());
    std::filesystem::create_directories(d / "lib");
    EXPECT_TRUE(w.wait_for_change(milliseconds(2000)));
    d.write("lib/a.py", "A = 1\n");
    EXPECT_TRUE(w.wait_for_change(milliseconds(2000)));
}

TEST(SyncChangeMonitor, InterruptsOncePerChangeWhileArmedAndAtOnceForAnEarlierChange) {
    TempDir d;
    HostWatcher w(d.path(), ExcludeRules());
    ChangeMonitor m(w);
    std::atomic<int> interrupts{0};
    m.arm([&] { ++interrupts; });
    d.write("a.py", "1");
    EXPECT_TRUE(m.take_change(milliseconds(3000)));
    EXPECT_TRUE(m.disarm());
    EXPECT_EQ(interrupts.load(), 1);
    // A change while nothing runs is kept for the next arm, which interrupts at once.
    d.write("a.py", "2");
    EXPECT_TRUE(m.take_change(milliseconds(3000)));
    d.write("a.py", "3");
    for (int i = 0; i < 100 && interrupts.load() == 1; ++i) {
        m.arm([&] { ++interrupts; });
        if (!m.disarm()) std::this_thread::sleep_for(milliseconds(20));
    }
    EXPECT_EQ(interrupts.load(), 2);
    EXPECT_TRUE(m.take_change(milliseconds(1000)));  // and it is still there to be synced
}

}  // namespace
}  // namespace mpy::sync
