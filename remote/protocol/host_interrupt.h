// Host Ctrl-C while code runs on the board: instead of killing mpr (and leaving the board
// running), the first Ctrl-C is forwarded to the board as \x03 so that it raises
// KeyboardInterrupt; a second one gives up waiting.
#pragma once

namespace mpy {

// While an InterruptWatch exists, SIGINT only counts presses.  Nesting is allowed.
class InterruptWatch {
public:
    InterruptWatch();
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

    // Ctrl-C presses since this watch started.
    int presses() const;

private:
    int start_;
    bool installed_;
};

}  // namespace mpy
