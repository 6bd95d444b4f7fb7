// Running recursive code (the recursive-descent parser, the code generator, tree walkers) with a
// large stack, so that deeply nested source cannot overflow the caller's stack.
//
// Nesting is bounded by the parser (10,000 levels), but left-associative chains (`a+a+...`,
// `x[0][0]...`, `a.b.b...`) are not: the code generator recurses once per term, so the stack needed
// grows with the length of a line.  1 GiB of address space covers a million terms in a Release
// build; pages are only committed when touched.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace mpy {

inline constexpr std::size_t kLargeStackBytes = std::size_t{1} << 30;

// Runs `fn` with at least `stack_bytes` of stack and returns when it is done; exceptions thrown by
// `fn` reach the caller.  Cheapest way first:
//   - inline, if the current thread already has that much (a LargeStackThread, or the main thread
//     after an earlier call);
//   - inline on the process's main thread, after raising the soft RLIMIT_STACK: Linux grows the
//     main thread's stack on demand up to the limit in force when the page is touched.  This is
//     done only if the address range the stack would grow into is free (checked once);
//   - otherwise on a new thread with a `stack_bytes` stack, waited for;
//   - and if no such thread can be made either, inline.
void run_with_large_stack(const std::function<void()>& fn, std::size_t stack_bytes = kLargeStackBytes);

// A thread with a `stack_bytes` stack (std::thread cannot choose one): run_with_large_stack calls
// on it run inline, so a worker that compiles many files pays for one such stack, not one per file.
// If the large stack cannot be had, the thread gets the default stack (and run_with_large_stack
// then spawns per call).  The destructor joins.
class LargeStackThread {
public:
    explicit LargeStackThread(std::function<void()> fn, std::size_t stack_bytes = kLargeStackBytes);
    ~LargeStackThread();
    LargeStackThread(const LargeStackThread&) = delete;
    LargeStackThread& operator=(const LargeStackThread&) = delete;

    // Waits for the thread to end; rethrows what `fn` threw.  No-op after the first call.
    void join();
    // False if no thread could be started at all (then `fn` never ran).
    bool started() const;

private:
    struct State;
    std::unique_ptr<State> state_;  // on the heap: its address must not change while the thread runs
};

}  // namespace mpy
