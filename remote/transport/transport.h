// Transport: a byte pipe to a board (serial port, tty, TCP socket, simulated board).
//
// The raw REPL protocol only needs to read with a deadline, write, and wiggle the modem-control
// lines, so every way of reaching a board implements this one small interface.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace mpy {

using Clock = std::chrono::steady_clock;

class Transport {
public:
    virtual ~Transport() = default;

    // Reads at most `max` bytes into `buf`, waiting up to `timeout` for the first byte.
    // Returns the number of bytes read; 0 means the timeout passed.  Throws ConnectionLost
    // (transport_errors.h) when the device went away (EOF, EIO, hang-up).
    virtual std::size_t read(char* buf, std::size_t max, std::chrono::milliseconds timeout) = 0;

    // Writes all of `data` (blocking, with a generous internal timeout).  Throws on failure,
    // ConnectionLost when the device went away.
    virtual void write(std::string_view data) = 0;

    // Sets the modem-control lines.  Transports without them ignore the call.
    virtual void set_dtr(bool on) { (void)on; }
    virtual void set_rts(bool on) { (void)on; }

    // Discards bytes the board has sent but nobody has read yet.
    virtual void discard_input();

    // The file descriptor to poll for readability (the interactive terminal multiplexes it with
    // stdin), or -1 if there is none.
    virtual int poll_fd() const = 0;

    // Whether every byte written reaches the board: the far end reads as fast as it can and the
    // link applies back-pressure (the sim board's pty), so writes need no pacing and no flow
    // control.  False for UARTs, which drop bytes while the board is busy, and for links whose
    // far end is unknown (a TCP socket may end in a UART).
    virtual bool lossless() const { return false; }

    // What to call the connection in messages ("/dev/ttyACM0", "socket://host:port", "sim").
    // Only for messages: what the link can do is told by the properties above.
    virtual std::string name() const = 0;

    virtual void close() = 0;
};

}  // namespace mpy
