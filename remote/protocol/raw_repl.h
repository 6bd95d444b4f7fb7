// RawRepl: MicroPython's raw REPL protocol over a Transport.
//
// Entering (Ctrl-C to stop a running program, Ctrl-A), leaving (Ctrl-B), soft reset (Ctrl-D at
// an empty raw REPL), and running code: raw-paste with flow control when the board offers it
// (it answers "R\x01" + window size), else plain raw REPL with the code written in paced
// chunks (old firmware, or "R\x00").  Output is streamed while the code runs.  Every wait has a
// deadline and fails with a message that says what was expected and what arrived.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostics.h"
#include "remote/protocol/raw_repl_parser.h"
#include "remote/transport/transport.h"

namespace mpy {

// The code raised an exception on the board.  what() is the last line of the traceback
// ("OSError: [Errno 2] ENOENT"); traceback() is all of it.
class RemoteExecError : public DiagnosticError {
public:
    RemoteExecError(std::string traceback, std::string output);
    const std::string& traceback() const { return traceback_; }
    const std::string& output() const { return output_; }
    // What kind of exception it was (OSError, MemoryError, other).
    RemoteErrorKind kind() const { return classify_traceback(traceback_); }
    // The errno of an OSError traceback ("[Errno 2] ENOENT", "OSError: 2", "ENOENT"), or 0.
    int os_errno() const;

private:
    std::string traceback_;
    std::string output_;
};

// A running program went silent for longer than the idle timeout.  Its own type, so that a
// caller sending an idempotent snippet on a lossy line can stop the board and send it again.
class IdleTimeoutError : public DiagnosticError {
public:
    using DiagnosticError::DiagnosticError;
};

enum class PasteSupport { unknown, supported, unsupported };

struct ExecOutcome {
    std::string error_output;  // the traceback, empty when the code finished normally
    bool interrupted = false;  // host Ctrl-C was forwarded to the board
};

// How a RawRepl talks to its board; the settings come from the program's options.
struct RawReplOptions {
    std::chrono::milliseconds timeout{10000};  // every protocol wait
    bool raw_paste = true;                     // false: never try raw-paste (--no-raw-paste)
    // Receives one line for every write to and read from the board (the byte trace), when set.
    std::function<void(std::string_view line)> trace;
};

class RawRepl {
public:
    using Ms = std::chrono::milliseconds;
    using OutputSink = std::function<void(std::string_view)>;

    // On a lossless transport (Transport::lossless) code goes by the plain raw REPL without
    // pacing: nothing can be lost, and raw-paste's windows would only cost round trips.
    RawRepl(Transport& t, RawReplOptions opts);
    explicit RawRepl(Transport& t, Ms timeout = Ms(10000)) : RawRepl(t, RawReplOptions{timeout, true, {}}) {}

    Transport& transport() { return t_; }
    bool in_raw() const { return in_raw_; }
    PasteSupport paste_support() const { return paste_; }
    // Whether code can arrive damaged: plain raw REPL over a line without flow control.
    bool may_lose_bytes() const { return paste_ != PasteSupport::supported && paced_; }
    // Never try raw-paste (--no-raw-paste); also set when the board turned it down.
    void disable_raw_paste() { paste_ = PasteSupport::unsupported; }
    // Plain raw REPL writes are paced (256 bytes every 10 ms) for boards that drop bytes under
    // load; a transport known to apply back-pressure (the sim board) need not wait.
    void set_paced_writes(bool on) { paced_ = on; }
    // Code arrived damaged: pace later writes more gently (half the burst, down to 32 bytes every
    // 10 ms).  A board emulated on a loaded host drains its UART more slowly than a real one.
    void slow_down_writes() { pace_burst_ = std::max<std::size_t>(pace_burst_ / 2, kMinPaceBurst); }
    std::size_t pace_burst() const { return pace_burst_; }
    // How long to wait for "OK" before sending the end-of-code \x04 again (it may have been lost).
    void set_ok_resend_delay(Ms d) { ok_resend_delay_ = d; }

    // Stops any running program and enters the raw REPL, optionally soft-resetting the board.
    void enter(bool soft_reset);
    // Back to the friendly REPL.
    void leave();
    // Soft reset while in the raw REPL; waits until the raw REPL prompt is back.
    void soft_reset();
    // The board restarted (a hard reset, or a new connection to it): it is in the friendly REPL,
    // or still booting, with nothing of ours running.
    void board_restarted();
    // Waits up to `limit` for a restarted board's friendly prompt (">>> ", after boot.py and
    // main.py).  Returns what the board sent meanwhile, and whether the prompt came.  Throws
    // ConnectionLost when the device goes away meanwhile (a USB board re-enumerating).
    struct BootOutput {
        std::string text;
        bool prompt = false;
    };
    BootOutput await_prompt(Ms limit);

    // Sends `code` and waits until the board accepted it: afterwards the board is running it
    // (call follow(), or leave it running).
    void submit(std::string_view code);
    // Same, but on a line that may lose bytes (known only once the board has answered the
    // raw-paste request) sends `lossy_variant` instead (see checked_code.h).
    void submit(std::string_view code, std::string_view lossy_variant);
    // Whether the last submission was the lossy variant.
    bool sent_lossy_variant() const { return sent_variant_; }
    // Streams the program's output to `sink` until it finishes.  `idle_timeout` (nullopt = wait
    // forever) limits the silence between bytes.  Host Ctrl-C is forwarded to the board.
    ExecOutcome follow(const OutputSink& sink, std::optional<Ms> idle_timeout);

    // submit + follow, collecting the output; throws RemoteExecError if the code raised.
    std::string exec(std::string_view code);
    // Same, with the output streamed to `sink` as it arrives.
    void exec_streaming(std::string_view code, const OutputSink& sink);

private:
    void write(std::string_view data);
    // Reads whatever arrives before `deadline` into rx_; false on timeout.
    bool fill(Clock::time_point deadline);
    // Waits until `find` locates its target in rx_ and removes everything up to it.
    std::string wait_for(const std::function<std::size_t(std::string_view)>& find,
                         const std::string& what, Ms timeout);
    std::string read_exact(std::size_t n, Ms timeout, const std::string& what);
    void send_code(std::string_view code, std::string_view lossy_variant);
    void write_plain(std::string_view code);
    void write_raw_paste(std::string_view code);
    // Reads until the line has been quiet for `quiet` (at most `limit`); returns what came.
    std::string drain_quiet(Ms quiet, Ms limit);
    // Ctrl-C, Ctrl-A until the raw REPL banner comes (tries first_try..3, each waiting longer).
    void enter_carefully(int first_try);
    // Enters the raw REPL without waiting for the line to go quiet (only safe when a soft reset
    // follows); false if no banner came within `limit`.
    bool enter_quickly(Ms limit);

    Transport& t_;
    Ms timeout_;
    bool in_raw_ = false;
    bool paced_ = true;
    static constexpr std::size_t kMinPaceBurst = 32;
    std::size_t pace_burst_ = 256;  // bytes per paced write, 10 ms apart
    Ms ok_resend_delay_{2500};
    std::function<void(std::string_view)> trace_;
    PasteSupport paste_ = PasteSupport::unknown;
    bool paste_this_time_ = false;  // the current submission went by raw-paste
    bool paste_ack_seen_ = false;   // ... and the board already ended it with \x04
    bool running_ = false;          // code was accepted and its output not yet read to the end
    bool sent_variant_ = false;
    std::string rx_;  // bytes received and not yet consumed
    Clock::time_point created_;
    void trace(char direction, std::string_view data) const;
};

}  // namespace mpy
