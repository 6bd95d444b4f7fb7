// A thread with a large stack (POSIX threads: std::thread cannot choose its stack size).
#include "compiler/parser_stack.h"

#include <pthread.h>

#include <exception>

namespace mpy {

namespace {
struct Job {
    const std::function<void()>* fn;
    std::exception_ptr error;
};

void* run_job(void* arg) {
    auto* job = static_cast<Job*>(arg);
    try {
        (*job->fn)();
    } catch (...) {
        job->error = std::current_exception();
    }
    return nullptr;
}
}  // namespace

void run_with_large_stack(const std::function<void()>& fn, size_t stack_bytes) {
    Job job{&fn, nullptr};
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
