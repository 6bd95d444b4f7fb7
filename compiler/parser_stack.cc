// A thread with a large stack (POSIX threads: std::thread cannot choose its stack size).
#include "compiler/parser_stack.h"

#include <pthread.h>

#include <exception>

namespace mpy {

namespace {
// The stack size of the current thread when run_with_large_stack made it (0 otherwise), so a
// nested call (compile_to_mpy's thread calling parse_module) runs directly instead of paying for
// a second thread: each costs a stack mapping and a malloc arena, ~0.1 ms per mpyc process.
thread_local size_t current_large_stack = 0;

struct Job {
    const std::function<void()>* fn;
    size_t stack_bytes;
    std::exception_ptr error;
};

void* run_job(void* arg) {
    auto* job = static_cast<Job*>(arg);
    current_large_stack = job->stack_bytes;
    try {
        (*job->fn)();
    } catch (...) {
        job->error = std::current_exception();
    }
    return nullptr;
}
}  // namespace

void run_with_large_stack(const std::function<void()>& fn, size_t stack_bytes) {
    if (current_large_stack >= stack_bytes) {
        fn();
        return;
    }
    Job job{&fn, stack_bytes, nullptr};
    pthread_attr_t attr;
    bool started = false;
    pthread_t thread;
    if (pthread_attr_init(&attr) == 0) {
        if (pthread_attr_setstacksize(&attr, stack_bytes) == 0 &&
            pthread_create(&thread, &attr, run_job, &job) == 0) {
            started = true;
            pthread_join(thread, nullptr);
        }
        pthread_attr_destroy(&attr);
    }
    if (!started) {
        fn();
        return;
    }
    if (job.error) std::rethrow_exception(job.error);
}

}  // namespace mpy
