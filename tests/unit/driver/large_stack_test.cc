// common/large_stack: run_with_large_stack and LargeStackThread give deep recursion the stack
// it needs -- inline on the main thread (grown under a raised RLIMIT_STACK), inline on a
// LargeStackThread, or on a thread made for the call -- and carry exceptions back.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <thread>

#include "common/sanitizers.h"
#include "common/large_stack.h"

namespace mpy {
namespace {

// Recurses `depth` frames of about 16 KiB each, touching every frame so the stack really grows
// (64 MiB at depth 4096: eight times the usual default of 8 MiB).  Returns a value that depends
// on every frame, so the compiler cannot drop the recursion.
[[gnu::noinline]] unsigned deep(unsigned depth) {
    volatile char frame[16 * 1024];
    std::memset(const_cast<char*>(frame), static_cast<int>(depth & 0x7f), sizeof frame);
    if (depth == 0) return frame[100];
    return deep(depth - 1) + frame[sizeof frame - 1];
}

constexpr unsigned kDepth = 4096;
unsigned expected_sum() {
    unsigned sum = 0;
    for (unsigned d = 0; d <= kDepth; ++d) sum += d & 0x7f;
    return sum;
}

bool on_main_thread() { return ::getpid() == ::gettid(); }

// Whether this process could let its main stack grow to 1 GiB (else the thread path is used).
bool main_stack_limit_can_rise() {
    struct rlimit limit {};
    return ::getrlimit(RLIMIT_STACK, &limit) == 0 &&
           (limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= (rlim_t{1} << 30) + (rlim_t{16} << 20));
}

TEST(LargeStack, DeepRecursionRunsAndExceptionsComeBack) {
    unsigned sum = 0;
    run_with_large_stack([&] { sum = deep(kDepth); });
    EXPECT_EQ(sum, expected_sum());
    EXPECT_THROW(run_with_large_stack([] { throw std::runtime_error("boom"); }), std::runtime_error);
    // Nested calls are fine too (compile_to_mpy's call wraps parse_module's).
    run_with_large_stack([&] { run_with_large_stack([&] { sum = deep(kDepth); }); });
    EXPECT_EQ(sum, expected_sum());
}

TEST(LargeStack, MainThreadGrowsItsOwnStackInsteadOfSpawning) {
    if (!on_main_thread()) GTEST_SKIP() << "the test runner is not on the main thread";
    if (!main_stack_limit_can_rise()) GTEST_SKIP() << "hard RLIMIT_STACK below 1 GiB: the thread fallback is used";
    std::thread::id ran_on;
    unsigned sum = 0;
    run_with_large_stack([&] {
        ran_on = std::this_thread::get_id();
        sum = deep(kDepth);
    });
    EXPECT_EQ(sum, expected_sum());
    if (kAddressSanitizer) {
        // ASan knows only the main stack's start-up size: it must get a thread instead.
        EXPECT_NE(ran_on, std::this_thread::get_id()) << "the main stack grew under ASan";
        return;
    }
    // The address range below the stack is normally free (the kernel keeps at least the initial
    // limit plus a random gap there); if it was not, the call ran on a helper thread instead.
    if (ran_on == std::this_thread::get_id()) {
        struct rlimit limit {};
        ASSERT_EQ(::getrlimit(RLIMIT_STACK, &limit), 0);
        EXPECT_TRUE(limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= (rlim_t{1} << 30)) << "soft limit not raised";
    } else {
        ADD_FAILURE() << "main thread spawned a thread (is something mapped just below the stack?)";
    }
}

TEST(LargeStack, OtherThreadsGetAThreadWithALargeStack) {
    unsigned sum = 0;
    std::thread::id caller, ran_on;
    bool threw = false;
    std::thread worker([&] {  // a default stack (8 MiB): deep() would overflow it
        caller = std::this_thread::get_id();
        run_with_large_stack([&] {
            ran_on = std::this_thread::get_id();
            sum = deep(kDepth);
        });
        try {
            run_with_large_stack([] { throw std::runtime_error("boom"); });
        } catch (const std::runtime_error&) {
            threw = true;
        }
    });
    worker.join();
    EXPECT_EQ(sum, expected_sum());
    EXPECT_NE(ran_on, caller) << "a non-main thread cannot grow its stack: a large-stack thread must run it";
    EXPECT_TRUE(threw);
}

TEST(LargeStack, LargeStackThreadRunsCallsInline) {
    unsigned sum = 0;
    std::thread::id outer, inner;
    LargeStackThread thread([&] {
        outer = std::this_thread::get_id();
        run_with_large_stack([&] {
            inner = std::this_thread::get_id();
            sum = deep(kDepth);
        });
    });
    ASSERT_TRUE(thread.started());
    thread.join();
    EXPECT_EQ(sum, expected_sum());
    EXPECT_EQ(outer, inner) << "one stack per worker, not a thread per call";
    EXPECT_NE(outer, std::this_thread::get_id());

    LargeStackThread failing([] { throw std::logic_error("from the thread"); });
    EXPECT_THROW(failing.join(), std::logic_error);
    EXPECT_NO_THROW(failing.join()) << "a second join is a no-op";
}

}  // namespace
}  // namespace mpy
