#include "remote/board/lossy_line.h"

#include <algorithm>
#include <thread>

#include "remote/board/checked_code.h"
#include "remote/protocol/raw_repl_parser.h"

namespace mpy {

bool is_real_answer(const RemoteExecError& e) { return e.kind() != RemoteErrorKind::other; }

std::chrono::milliseconds lossy_resend_delay(int attempt) {
    const int doublings = std::clamp(attempt - 1, 0, 5);  // 25 ms << 5 = 800 ms, the most
    return std::chrono::milliseconds(25L << doublings);
}

void LossyLineRunner::after_damaged_send(int attempt) {
    // The board loses bytes while it is busy (after a soft reset, on a loaded host), and a damaged
    // send comes back in milliseconds: without a pause every attempt could fall into the same
    // busy spell.  Waiting longer each time spreads them over a few seconds.
    if (!r_.may_lose_bytes()) return;
    std::this_thread::sleep_for(lossy_resend_delay(attempt));
    // And the board may simply drain its UART more slowly than the pacing assumes.
    r_.slow_down_writes();
}

std::string LossyLineRunner::query(std::string_view code) {
    // Damaged code fails to compile or names something that does not exist; a read-only
    // snippet can simply be sent again.
    bool asked_again_after_silence = false;
    for (int attempt = 1;; ++attempt) {
        try {
            return r_.exec(code);
        } catch (const RemoteExecError& e) {
            if (is_real_answer(e) || attempt >= attempts_) throw;
            after_damaged_send(attempt);
        } catch (const IdleTimeoutError&) {
            // A lost end-of-code byte leaves the board waiting for more code: stop it (Ctrl-C), go
            // back to the raw REPL and ask once more, as query_streaming does.
            if (!r_.may_lose_bytes() || asked_again_after_silence) throw;
            asked_again_after_silence = true;
            r_.enter(/*soft_reset=*/false);
        }
    }
}

std::string LossyLineRunner::exec_until_compiled(std::string_view code) {
    for (int attempt = 1;; ++attempt) {
        try {
            return r_.exec(code);
        } catch (const RemoteExecError& e) {
            if (attempt >= attempts_ || !r_.may_lose_bytes() || !is_compile_error(e.traceback())) throw;
            after_damaged_send(attempt);
        }
    }
}

void LossyLineRunner::query_streaming(std::string_view code, const RawRepl::OutputSink& sink) {
    bool any_output = false, asked_again_after_silence = false;
    for (int attempt = 1;; ++attempt) {
        try {
            r_.exec_streaming(code, [&](std::string_view s) {
                any_output = true;
                sink(s);
            });
            return;
        } catch (const RemoteExecError& e) {
            // Code that did not compile never ran: whatever came before its SyntaxError on a lossy
            // line was not its output, so it is asked again even then.
            bool never_ran = r_.may_lose_bytes() && is_compile_error(e.traceback());
            if (is_real_answer(e) || (any_output && !never_ran) || attempt >= attempts_) throw;
            after_damaged_send(attempt);
        } catch (const IdleTimeoutError&) {
            // Idempotent, and nothing arrived yet: stop the board (Ctrl-C), go back to the raw
            // REPL and ask once more.
            if (!r_.may_lose_bytes() || any_output || asked_again_after_silence) throw;
            asked_again_after_silence = true;
            r_.enter(/*soft_reset=*/false);
        }
    }
}

ExecOutcome LossyLineRunner::run_user_code(std::string_view code, bool follow, const RawRepl::OutputSink& sink,
                                           std::optional<RawRepl::Ms> idle_timeout) {
    // Whether the line is lossy is known only once the board answered the raw-paste request,
    // so RawRepl chooses between the code and its checked variant.
    std::string checked = wrap_checked_code(code);
    bool allow_checked = true;
    for (int attempt = 1;; ++attempt) {
        r_.submit(code, allow_checked ? std::string_view(checked) : std::string_view());
        if (!follow) return {};
        bool printed = false;
        ExecOutcome o = r_.follow(
            [&](std::string_view d) {
                printed = true;
                sink(d);
            },
            idle_timeout);
        bool was_checked = r_.sent_lossy_variant(), send_again = false;
        bool failed_before_running = !printed && !o.error_output.empty() && !user_code_ran(o.error_output);
        if (was_checked && failed_before_running &&
            classify_traceback(o.error_output) == RemoteErrorKind::memory_error) {
            allow_checked = false;  // too big to hold twice on this board: send it plain
            send_again = true;
        } else if (was_checked && failed_before_running) {
            send_again = true;  // damaged on the way (see checked_code.h); nothing ran
        } else if (!was_checked && !printed && is_compile_error(o.error_output) && r_.may_lose_bytes()) {
            // The submission itself was damaged (or, if it comes back the same, really wrong).
            send_again = true;
        }
        if (send_again && attempt < attempts_) {
            after_damaged_send(attempt);
            continue;
        }
        if (was_checked) o.error_output = unwrap_traceback(o.error_output);
        return o;
    }
}

}  // namespace mpy
