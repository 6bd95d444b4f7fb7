#include "remote/sync/deferred_sigint.h"

#include <pthread.h>

namespace mpy::sync {
namespace {

sigset_t just_sigint() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return set;
}

}  // namespace

DeferredSigint::DeferredSigint() {
    sigset_t set = just_sigint();
    pthread_sigmask(SIG_BLOCK, &set, &previous_);
}

DeferredSigint::~DeferredSigint() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

void DeferredSigint::block_in_this_thread() {
    sigset_t set = just_sigint();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

}  // namespace mpy::sync
