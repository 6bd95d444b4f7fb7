#include "compiler/driver/driver_parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <memory>
#include <vector>

#include "common/large_stack.h"

namespace mpy {

void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work) {
    std::atomic<std::size_t> next{0};
    std::mutex error_mutex;
    std::exception_ptr first_error;

    auto worker = [&] {
        for (std::size_t i = next.fetch_add(1, std::memory_order_relaxed); i < count;
             i = next.fetch_add(1, std::memory_order_relaxed)) {
            try {
                work(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(error_mutex);
                if (!first_error) first_error = std::current_exception();
            }
        }
    };

    const std::size_t n_threads = std::max<std::size_t>(1, std::min<std::size_t>(threads, count));
    // Each helper compiles many files on one large stack (see common/large_stack.h), instead of
    // making a large-stack thread per file; the calling thread grows its own stack if it can.
    std::vector<std::unique_ptr<LargeStackThread>> helpers;
    helpers.reserve(n_threads - 1);
    for (std::size_t t = 1; t < n_threads; ++t) {
        auto helper = std::make_unique<LargeStackThread>(worker);
        if (helper->started()) helpers.push_back(std::move(helper));  // else: fewer threads, same jobs
    }
    worker();
    helpers.clear();  // joins
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace mpy
