#include "remote/transport/transport.h"

namespace mpy {

void Transport::discard_input() {
    char buf[512];
    // Bounded so that a board printing without pause cannot keep us here forever.
    for (int i = 0; i < 64; ++i)
        if (read(buf, sizeof buf, std::chrono::milliseconds(0)) == 0) return;
}

}  // namespace mpy
