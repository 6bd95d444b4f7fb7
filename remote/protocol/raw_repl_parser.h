// Parsers for what a board sends back in the raw REPL, kept free of I/O so that they can be
// driven by scripted byte streams in unit tests and by arbitrary bytes in the fuzzer.
//
// After a submission the board answers (plain raw REPL)
//     "OK" <stdout> \x04 <stderr: traceback> \x04 ">"
// or, after a raw-paste submission, acknowledges the end of data with \x04 and then sends
//     <stdout> \x04 <stderr> \x04 ">"
// Late \x01 window increments may still precede the acknowledgement.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mpy {

class ExecResponseParser {
public:
    enum class Start { expect_ok, expect_paste_ack, running };
    enum class State { await_ok, await_paste_ack, output, error_output, await_prompt, done, failed };

    explicit ExecResponseParser(Start start);

    // Consumes bytes from `data` until the response is complete (or failed).  Bytes of the
    // program's output are appended to `out` (the caller streams and clears it).  Returns how many
    // bytes were consumed; bytes after the final '>' are left for the next exchange.
    std::size_t feed(std::string_view data, std::string& out);

    State state() const { return state_; }
    bool finished() const { return state_ == State::done || state_ == State::failed; }
    // The traceback (or other error text) the board sent between the two \x04.
    const std::string& error_output() const { return err_; }
    // Why the response was not understood (state() == failed).
    const std::string& failure() const { return failure_; }

    // Tracebacks beyond this size are truncated: a board spewing garbage cannot exhaust memory.
    static constexpr std::size_t max_error_output = 1 << 20;

private:
    State state_;
    std::string pending_;  // the part of "OK" seen so far
    std::string err_;
    std::string failure_;
};

// Finds the raw REPL banner "raw REPL; CTRL-B to exit" + "\r\n" or "\n" + ">" in `data`.
// Returns the offset just past the '>', or npos (not there yet: read more).
std::size_t find_raw_repl_banner(std::string_view data);

// Finds "soft reboot" + line end (1.27 prints "MPY: soft reboot\r\n", 1.9 "soft reboot\r\n");
// returns the offset past the line end, or npos.
std::size_t find_soft_reboot(std::string_view data);

// Classifies the two bytes a board answers to the raw-paste request "\x05A\x01".
enum class PasteAnswer { supported, refused, unknown_command, garbage };
PasteAnswer classify_paste_answer(std::string_view two_bytes);

// True when a traceback is a compile error of the submitted code itself (SyntaxError or
// IndentationError with no function frame, i.e. no ", in <module>"): the code never ran, so
// sending it again has no side effects.  Used to recover from bytes lost on the way.
bool is_compile_error(std::string_view traceback);

// The exception a board's traceback ends in, as far as mpr acts on it: an OSError is the board's
// answer about a file, a MemoryError says the code was too big for the board to hold.
enum class RemoteErrorKind { os_error, memory_error, other };
// Classifies by the exception class that starts the traceback's last line ("OSError: ...").
RemoteErrorKind classify_traceback(std::string_view traceback);
// The last non-empty line of `text`, without its line ending.
std::string last_line(std::string_view text);

// Makes bytes printable for error messages: "OK\x04" -> "OK\\x04", at most `limit` bytes shown.
std::string printable_bytes(std::string_view data, std::size_t limit = 80);

}  // namespace mpy
