#include "remote/protocol/host_interrupt.h"

#include <csignal>

namespace mpy {
namespace {

// A signal handler can only talk to the program through an object of static storage duration;
// this counter is the one piece of global state in mpr, and only the handler writes it.
volatile std::sig_atomic_t g_sigint_count = 0;
int g_depth = 0;
struct sigaction g_previous;

extern "C" void count_sigint(int) { g_sigint_count = g_sigint_count + 1; }

}  // namespace

InterruptWatch::InterruptWatch() : start_(g_sigint_count), installed_(g_depth++ == 0) {
    if (installed_) {
        struct sigaction sa {};
        sa.sa_handler = count_sigint;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0;  // no SA_RESTART: a blocking poll() returns EINTR at once
        sigaction(SIGINT, &sa, &g_previous);
    }
}

InterruptWatch::~InterruptWatch() {
    --g_depth;
    if (installed_) sigaction(SIGINT, &g_previous, nullptr);
}

int InterruptWatch::presses() const { return g_sigint_count - start_; }

}  // namespace mpy
