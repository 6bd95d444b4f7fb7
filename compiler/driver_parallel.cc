#include "compiler/driver_parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

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
    std::vector<std::jthread> helpers;
    helpers.reserve(n_threads - 1);
    for (std::size_t t = 1; t < n_threads; ++t) helpers.emplace_back(worker);
    worker();
    helpers.clear();  // joins
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace mpy
