// Running code on a board whose line may lose bytes (old firmware without raw-paste on a UART
// without flow control: the micro:bit loses bytes now and then, most after a soft reset).
//
// This is the one place that decides how often code is sent again, what counts as damaged on
// the way, and when a board that went silent is stopped and asked again.  RawRepl provides the
// means (a checked variant of the code on lossy lines, see checked_code.h); BoardFs and the
// exec/eval/run commands run their code through a LossyLineRunner.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "remote/protocol/raw_repl.h"

namespace mpy {

// How many times code is sent in all when it arrives damaged.  Losses come in bursts when the
// board's host is busy (QEMU on a loaded machine loses several sends in a row), so be generous:
// a damaged send costs one round trip.
inline constexpr int kLossyLineAttempts = 8;

// Whether a snippet's exception is the board's real answer (an OSError about a file, a
// MemoryError) rather than a sign that the snippet arrived damaged and did not run as sent.
bool is_real_answer(const RemoteExecError& e);

// How long to wait before sending code again after its `attempt`-th send arrived damaged:
// 25 ms, doubling, at most 800 ms (all eight sends span about 2.4 s).
std::chrono::milliseconds lossy_resend_delay(int attempt);

class LossyLineRunner {
public:
    explicit LossyLineRunner(RawRepl& r, int attempts = kLossyLineAttempts) : r_(r), attempts_(attempts) {}

    // How many times code is sent in all (also for callers that verify what they sent, such as
    // file writes).
    int attempts() const { return attempts_; }

    // Runs an idempotent snippet and returns its output.  An exception that is not a real
    // answer means the snippet arrived damaged: it is sent again.  Throws RemoteExecError.
    std::string query(std::string_view code);

    // Runs code that must not run twice (it may have effects) but is safe to send again when it
    // certainly did not run: on a line that loses bytes, a compile error means the code arrived
    // damaged, so it is sent again; any other exception is the answer.  Returns the output.
    std::string exec_until_compiled(std::string_view code);

    // Same as query, with the output streamed to `sink`; sent again only while no output has arrived.
    // On a lossy line a board that accepts the snippet and then stays silent (seen on the QEMU
    // micro:bit) is stopped with Ctrl-C and asked once more.
    void query_streaming(std::string_view code, const RawRepl::OutputSink& sink);

    // Runs the user's code (exec, eval, run), which must not run twice: on a lossy line it goes
    // checked (checked_code.h) and is sent again only when it certainly did not run.  Output is
    // streamed to `sink`; the traceback reads as if the code had been sent directly.  Without
    // `follow`, returns as soon as the board has accepted the code.
    ExecOutcome run_user_code(std::string_view code, bool follow, const RawRepl::OutputSink& sink,
                              std::optional<RawRepl::Ms> idle_timeout);

    // The `attempt`-th send arrived damaged: on a lossy line, pause before the next one (longer
    // each time, lossy_resend_delay) and pace later writes more gently.  For callers that detect
    // damage themselves (a file chunk whose length or sum did not match).
    void after_damaged_send(int attempt);

private:
    RawRepl& r_;
    int attempts_;
};

}  // namespace mpy
