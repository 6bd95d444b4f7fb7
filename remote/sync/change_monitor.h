// `watch`'s ear on the host folder: a thread that waits on a HostWatcher and raises a flag when
// something changed, so that the main thread can follow the board's program and still learn of an
// edit.  While a program runs, an armed `interrupt` is called once per change (it sends Ctrl-C to
// the board), which ends the program so that the change can be synced.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "remote/sync/host_watcher.h"

namespace mpy::sync {

class ChangeMonitor {
public:
    explicit ChangeMonitor(HostWatcher& watcher);
    ~ChangeMonitor();
    ChangeMonitor(const ChangeMonitor&) = delete;
    ChangeMonitor& operator=(const ChangeMonitor&) = delete;

    // Waits up to `timeout` for a change; true (and the change consumed) when there was one.
    bool take_change(std::chrono::milliseconds timeout);
    // While armed, a change calls `interrupt` (on the monitor's thread); a change that came
    // before arming calls it at once.  disarm() returns whether it was called.
    void arm(std::function<void()> interrupt);
    bool disarm();

private:
    void loop();
    HostWatcher& watcher_;
    std::mutex mutex_;
    std::condition_variable changed_cv_;
    bool changed_ = false;
    std::function<void()> interrupt_;
    bool interrupted_ = false;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace mpy::sync
