// Running the compile jobs of one mpyc call on several threads.
//
// The jobs are independent (each reads one source and writes one output), so a pool of workers
// pulling the next job index from a shared counter is all the scheduling needed: no queue, no
// locks on the hot path, and the calling thread works too, so -j1 spawns no thread at all.
#pragma once

#include <cstddef>
#include <functional>

namespace mpy {

// Calls `work(i)` once for every i in [0, count), on min(threads, count) threads (the caller's
// included).  Returns when all calls are done.  If calls throw, the remaining jobs still run and
// the first exception is rethrown at the end.
void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace mpy
