// Running recursive code (the recursive-descent parser, tree walkers) on a thread with a large
// stack, so that deeply nested source cannot overflow the caller's stack.
#pragma once

#include <cstddef>
#include <functional>

namespace mpy {

// Runs `fn` on a new thread whose stack is `stack_bytes` large (address space is reserved, pages
// are only committed when touched) and waits for it.  Exceptions thrown by `fn` are rethrown in
// the caller.  Falls back to running `fn` directly if such a thread cannot be created.
void run_with_large_stack(const std::function<void()>& fn, size_t stack_bytes = size_t{1} << 30);

}  // namespace mpy
