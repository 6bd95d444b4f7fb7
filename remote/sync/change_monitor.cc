#include "remote/sync/change_monitor.h"

#include "common/diagnostics.h"
#include "remote/sync/deferred_sigint.h"

namespace mpy::sync {

ChangeMonitor::ChangeMonitor(HostWatcher& watcher) : watcher_(watcher), thread_([this] { loop(); }) {}

ChangeMonitor::~ChangeMonitor() {
    stop_ = true;
    thread_.join();
}

void ChangeMonitor::loop() {
    // Ctrl-C belongs to the main thread, whose waits it must interrupt.
    DeferredSigint::block_in_this_thread();
    while (!stop_) {
        bool changed = false;
        try {
            changed = watcher_.wait_for_change(std::chrono::milliseconds(100));
        } catch (const DiagnosticError&) {
            // A folder that cannot be watched any more: the next sync says what is wrong.
            changed = true;
        }
        if (!changed) continue;
        std::lock_guard<std::mutex> lock(mutex_);
        changed_ = true;
        if (interrupt_ && !interrupted_) {
            interrupted_ = true;
            interrupt_();
        }
        changed_cv_.notify_all();
    }
}

bool ChangeMonitor::take_change(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_cv_.wait_for(lock, timeout, [this] { return changed_; });
    bool was = changed_;
    changed_ = false;
    return was;
}

void ChangeMonitor::arm(std::function<void()> interrupt) {
    std::lock_guard<std::mutex> lock(mutex_);
    interrupt_ = std::move(interrupt);
    interrupted_ = false;
    if (changed_) {
        interrupted_ = true;
        interrupt_();
    }
}

bool ChangeMonitor::disarm() {
    std::lock_guard<std::mutex> lock(mutex_);
    interrupt_ = nullptr;
    return interrupted_;
}

}  // namespace mpy::sync
