// Large stacks: the main thread's own (grown on demand), or threads made with one (POSIX threads:
// std::thread cannot choose its stack size).
//
// Why not simply a new thread per call: mpyc is run once per file by build systems, and a thread
// per compile costs a 1 GiB mapping, a clone, a malloc arena, and -- what hurts most on a loaded
// machine -- two trips through the scheduler (the caller sleeps until the thread is done).
#include "common/large_stack.h"

#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <exception>
#include <utility>

#include "common/sanitizers.h"

namespace mpy {

namespace {

// How much stack the current thread is known to have: set on a LargeStackThread, and on the main
// thread once its stack limit has been raised.  0: unknown (the default 8 MiB or so).
thread_local std::size_t current_large_stack = 0;

// Unmapped space also needed below the lowest point the stack may reach: the kernel refuses to
// grow a stack to within its guard gap (1 MiB by default, a boot parameter) of the next mapping.
constexpr std::uintptr_t kGuardMargin = std::uintptr_t{8} << 20;
// How far below the current frame the stack's mapping may already reach (the kernel maps 128 KiB
// below the arguments at exec; earlier calls may have gone deeper).  The probe starts below it.
constexpr std::uintptr_t kHeadroom = std::uintptr_t{1} << 20;
// The limit counts from the top of the stack (arguments and environment included), not from here.
constexpr std::size_t kAboveHere = std::size_t{16} << 20;

// Makes sure the main thread's stack can grow `bytes` below the current frame: the address range
// it would grow into must be unmapped (checked by mapping it with MAP_FIXED_NOREPLACE, which fails
// on any overlap, and unmapping it again), and the soft RLIMIT_STACK, which the kernel checks each
// time the stack grows, is raised to cover it.  Returns false, changing nothing, if either is
// impossible or this is not the main thread (other threads' stacks never grow).
// Never under ASan: it records the main thread's stack bounds at start-up, and cannot clear its
// marks for frames below them when an exception unwinds them, so later calls that reuse that
// stack would be reported as stack-use-after-scope.  (A thread's whole stack is known to it.)
bool let_main_stack_grow(std::size_t bytes) {
    if (kAddressSanitizer || ::getpid() != ::gettid()) return false;
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_STACK, &limit) != 0) return false;
    rlim_t wanted = static_cast<rlim_t>(bytes + kAboveHere);
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted) {
        if (limit.rlim_max < static_cast<rlim_t>(bytes)) return false;
        wanted = limit.rlim_max;
    }
    const bool raise = limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted;

    // Below `here - wanted` the stack cannot go (its top is above this frame), so the range from
    // there (and the guard gap under it) up to the stack's present mapping is all it may need.
    const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    if (here < wanted + kGuardMargin + kHeadroom) return false;
    const std::uintptr_t low = (here - wanted - kGuardMargin) & ~(page - 1);
    const std::uintptr_t high = (here - kHeadroom) & ~(page - 1);
    void* probe = ::mmap(reinterpret_cast<void*>(low), high - low, PROT_NONE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (probe == MAP_FAILED) return false;
    ::munmap(probe, high - low);
    // Kernels before 4.17 ignore MAP_FIXED_NOREPLACE and treat the address as a hint.
    if (probe != reinterpret_cast<void*>(low)) return false;

    if (raise) {
        limit.rlim_cur = wanted;
        if (::setrlimit(RLIMIT_STACK, &limit) != 0) return false;
    }
    return true;
}

// Starts `entry(arg)` on a thread with a `stack_bytes` stack (0: the default stack).
bool start_thread(pthread_t& thread, std::size_t stack_bytes, void* (*entry)(void*), void* arg) {
    if (stack_bytes == 0) return ::pthread_create(&thread, nullptr, entry, arg) == 0;
    pthread_attr_t attr;
    if (::pthread_attr_init(&attr) != 0) return false;
    const bool ok = ::pthread_attr_setstacksize(&attr, stack_bytes) == 0 &&
                    ::pthread_create(&thread, &attr, entry, arg) == 0;
    ::pthread_attr_destroy(&attr);
    return ok;
}

// What a thread made here runs, and what it leaves for the joining thread.
struct ThreadJob {
    std::function<void()> fn;
    std::size_t stack_bytes = 0;  // of the running thread; 0 if it has the default stack
    std::exception_ptr error;
};

void* run_thread_job(void* arg) {
    auto* job = static_cast<ThreadJob*>(arg);
    current_large_stack = job->stack_bytes;
    try {
        job->fn();
    } catch (...) {
        job->error = std::current_exception();
    }
    return nullptr;
}

}  // namespace

struct LargeStackThread::State {
    ThreadJob job;
    pthread_t thread{};
    bool started = false;
    bool joined = false;
};

LargeStackThread::LargeStackThread(std::function<void()> fn, std::size_t stack_bytes) : state_(std::make_unique<State>()) {
    ThreadJob& job = state_->job;
    job.fn = std::move(fn);
    job.stack_bytes = stack_bytes;
    state_->started = start_thread(state_->thread, stack_bytes, run_thread_job, &job);
    if (!state_->started && stack_bytes != 0) {
        job.stack_bytes = 0;
        state_->started = start_thread(state_->thread, 0, run_thread_job, &job);
    }
}

LargeStackThread::~LargeStackThread() {
    if (state_->started && !state_->joined) ::pthread_join(state_->thread, nullptr);
}

void LargeStackThread::join() {
    if (!state_->started || state_->joined) return;
    ::pthread_join(state_->thread, nullptr);
    state_->joined = true;
    if (state_->job.error) std::rethrow_exception(std::exchange(state_->job.error, nullptr));
}

bool LargeStackThread::started() const { return state_->started; }

void run_with_large_stack(const std::function<void()>& fn, std::size_t stack_bytes) {
    if (current_large_stack >= stack_bytes) {
        fn();
        return;
    }
    if (let_main_stack_grow(stack_bytes)) {
        current_large_stack = stack_bytes;
        fn();
        return;
    }
    // A thread made for this call only: a default-stack one would be no better than running here.
    ThreadJob job{[&fn] { fn(); }, stack_bytes, nullptr};
    pthread_t thread;
    if (!start_thread(thread, stack_bytes, run_thread_job, &job)) {
        fn();
        return;
    }
    ::pthread_join(thread, nullptr);
    if (job.error) std::rethrow_exception(job.error);
}

}  // namespace mpy
