// Holds SIGINT back in the calling thread while it lives: a Ctrl-C pressed meanwhile is delivered
// (to the handler in force, or as the default: mpr ends) when the guard goes, not in the middle
// of a step that must not be cut in two or see its system calls fail with EINTR (the renames
// that put synced files in place; a sync inside `watch`).
#pragma once

#include <signal.h>

namespace mpy::sync {

class DeferredSigint {
public:
    DeferredSigint();
    ~DeferredSigint();
    DeferredSigint(const DeferredSigint&) = delete;
    DeferredSigint& operator=(const DeferredSigint&) = delete;

    // Blocks SIGINT for good in the calling thread (a helper thread that must never take it).
    static void block_in_this_thread();

private:
    sigset_t previous_;
};

}  // namespace mpy::sync
