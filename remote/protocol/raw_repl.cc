#include "remote/protocol/raw_repl.h"

#include <cstdlib>
#include <fmt/format.h>
#include <regex>
#include <thread>

#include "remote/protocol/host_interrupt.h"
#include "remote/protocol/micropython_errno.h"
#include "remote/protocol/raw_repl_parser.h"

namespace mpy {
RemoteExecError::RemoteExecError(std::string traceback, std::string output)
    : DiagnosticError(Diagnostic{"error", last_line(traceback), {}}),
      traceback_(std::move(traceback)),
      output_(std::move(output)) {}

int RemoteExecError::os_errno() const {
    if (kind() != RemoteErrorKind::os_error) return 0;
    std::string line = last_line(traceback_);
    std::smatch m;
    static const std::regex errno_form(R"(\[Errno (\d+)\])"), bare_form(R"(OSError: (-?\d+)\s*$)");
    if (std::regex_search(line, m, errno_form) || std::regex_search(line, m, bare_form))
        return std::atoi(m[1].str().c_str());
    if (const MicroPythonErrno* e = micropython_errno_named_in(line)) return e->number;
    // MicroPython 1.9 on the micro:bit words some of them: "OSError: file not found".
    if (line.find("not found") != std::string::npos) return 2;
    return 0;
}

RawRepl::RawRepl(Transport& t, RawReplOptions opts)
    : t_(t), timeout_(opts.timeout), trace_(std::move(opts.trace)), created_(Clock::now()) {
    if (!opts.raw_paste) disable_raw_paste();
    if (t.lossless()) {
        // Nothing is lost, so the plain raw REPL needs neither pacing nor raw-paste's flow
        // control, whose 128-byte windows cost a round trip each (3x slower for big files).
        paced_ = false;
        disable_raw_paste();
    }
}

void RawRepl::trace(char direction, std::string_view data) const {
    if (!trace_) return;
    double seconds = std::chrono::duration<double>(Clock::now() - created_).count();
    trace_(fmt::format("[mpr {:6.3f} {}] {}", seconds, direction, printable_bytes(data, 200)));
}

void RawRepl::write(std::string_view data) {
    trace('>', data);
    t_.write(data);
}

bool RawRepl::fill(Clock::time_point deadline) {
    char buf[4096];
    auto now = Clock::now();
    auto left = deadline > now ? std::chrono::duration_cast<Ms>(deadline - now) : Ms(0);
    std::size_t n = t_.read(buf, sizeof buf, left);
    if (n == 0) return false;
    trace('<', {buf, n});
    rx_.append(buf, n);
    return true;
}

std::string RawRepl::wait_for(const std::function<std::size_t(std::string_view)>& find,
                              const std::string& what, Ms timeout) {
    auto deadline = Clock::now() + timeout;
    while (true) {
        std::size_t end = find(rx_);
        if (end != std::string::npos) {
            std::string got = rx_.substr(0, end);
            rx_.erase(0, end);
            return got;
        }
        // Keep the buffer bounded while waiting through a chatty board.
        if (rx_.size() > (1u << 16)) rx_.erase(0, rx_.size() - 1024);
        if (Clock::now() >= deadline || !fill(deadline)) {
            if (Clock::now() < deadline) continue;
            raise_error("timed out after " + fmt::format("{:.1f}", timeout.count() / 1000.0) +
                 " s waiting for " + what + " from " + t_.name() +
                 (rx_.empty() ? " (the board sent nothing)"
                              : " (the board sent '" + printable_bytes(rx_.size() > 80 ? std::string_view(rx_).substr(rx_.size() - 80) : std::string_view(rx_)) + "')"));
        }
    }
}

std::string RawRepl::read_exact(std::size_t n, Ms timeout, const std::string& what) {
    return wait_for([n](std::string_view d) { return d.size() >= n ? n : std::string::npos; }, what,
                    timeout);
}

std::string RawRepl::drain_quiet(Ms quiet, Ms limit) {
    auto end = Clock::now() + limit;
    while (Clock::now() < end) {
        if (!fill(std::min(end, Clock::now() + quiet))) break;
    }
    std::string drained = std::move(rx_);
    rx_.clear();
    t_.discard_input();
    return drained;
}

bool RawRepl::enter_quickly(Ms limit) {
    // Drop what has already arrived, then send Ctrl-C, Ctrl-C, Ctrl-A back to back and let the
    // banner search skip whatever comes before the banner (the program's last output, the
    // friendly prompts the Ctrl-Cs cause).  A stale banner from an earlier client cannot
    // mislead us: the soft reset that follows waits for "soft reboot" and then for the banner
    // after it, which only our Ctrl-D produces.  Some REPLs (the unix port) discard input that
    // arrives while they start a new line, so the keys are sent again, at growing intervals,
    // while no banner comes; extra Ctrl-As only repeat the banner.
    rx_.clear();
    t_.discard_input();
    const auto deadline = Clock::now() + limit;
    Ms resend_after(50);
    while (true) {
        write("\r\x03\x03");
        write("\r\x01");
        const auto resend_at = std::min(deadline, Clock::now() + resend_after);
        while (true) {
            std::size_t end = find_raw_repl_banner(rx_);
            if (end != std::string::npos) {
                rx_.erase(0, end);
                return true;
            }
            if (rx_.size() > (1u << 16)) rx_.erase(0, rx_.size() - 1024);
            if (Clock::now() >= resend_at) break;
            fill(resend_at);
        }
        if (Clock::now() >= deadline) return false;
        resend_after *= 2;
    }
}

void RawRepl::enter(bool soft_reset) {
    // Entering just before a soft reset can go fast (see enter_quickly); without one, the
    // banner we find must be the answer to our Ctrl-A, so earlier output must have ended
    // first.  A board that did not answer the quick way gets the careful way.
    const Ms first_wait = std::min(timeout_, Ms(3000));
    const bool quick = soft_reset && enter_quickly(first_wait);
    if (!quick) enter_carefully(soft_reset ? 1 : 0);
    in_raw_ = true;
    running_ = false;
    if (soft_reset) this->soft_reset();
}

void RawRepl::enter_carefully(int first_try) {
    // A board busy printing (a loop in main.py, a timer, an aiorepl task) or slow to answer may
    // swallow a Ctrl-C or two (a program that catches KeyboardInterrupt) or bury the banner: so
    // Ctrl-C again, a few times, waiting longer each time.  Ctrl-C twice each time stops a
    // program even if it catches one KeyboardInterrupt; what it printed before the Ctrl-A is
    // thrown away, but kept to tell the user if all tries fail.
    constexpr int kTries = 5;
    std::string printed;
    auto keep = [&printed](std::string_view s) {
        printed.append(s);
        if (printed.size() > 4096) printed.erase(0, printed.size() - 4096);
    };
    for (int attempt = first_try; attempt < kTries; ++attempt) {
        const Ms wait = std::min(timeout_, Ms(500L << attempt));
        write("\r\x03\x03");
        keep(drain_quiet(Ms(50), Ms(250) * (attempt + 1)));
        write("\r\x01");
        const auto deadline = Clock::now() + wait;
        while (true) {
            std::size_t end = find_raw_repl_banner(rx_);
            if (end != std::string::npos) {
                rx_.erase(0, end);
                // A board slow to start answers every Ctrl-A sent so far, late and together: a
                // banner left behind would be read as the answer to the next program.  Skip
                // them all, waiting a moment for one still on its way when several were sent.
                if (attempt > first_try) rx_ = drain_quiet(Ms(100), Ms(400));  // rx_ and what came after
                while ((end = find_raw_repl_banner(rx_)) != std::string::npos) rx_.erase(0, end);
                return;
            }
            if (rx_.size() > 8192) {
                keep(std::string_view(rx_).substr(0, rx_.size() - 1024));
                rx_.erase(0, rx_.size() - 1024);
            }
            if (Clock::now() >= deadline) break;
            fill(deadline);
        }
        keep(rx_);
        rx_.clear();
    }
    std::string tail = printed.size() > 300 ? printed.substr(printed.size() - 300) : printed;
    raise_error("could not enter the raw REPL on " + t_.name() + ": timed out after " + std::to_string(kTries - first_try) +
         " tries with Ctrl-C (" +
         (printed.empty() ? std::string("the board sent nothing: is MicroPython running there?")
                          : "the board kept running; the last it printed: '" + printable_bytes(tail, 300) + "'") +
         ")");
}

void RawRepl::soft_reset() {
    write("\x04");
    wait_for(find_soft_reboot, "'soft reboot' after Ctrl-D", timeout_);
    wait_for(find_raw_repl_banner, "the raw REPL banner after the soft reset", timeout_);
}

void RawRepl::board_restarted() {
    in_raw_ = false;
    running_ = false;
    // What is already read is the restarting board's own output (a fast board's whole boot
    // banner can arrive with the code's "OK"): await_prompt must still see it.
}

RawRepl::BootOutput RawRepl::await_prompt(Ms limit) {
    BootOutput out;
    const auto deadline = Clock::now() + limit;
    while (true) {
        out.text += rx_;
        rx_.clear();
        if (out.text.find(">>> ") != std::string::npos) {
            out.prompt = true;
            return out;
        }
        if (out.text.size() > 4096) out.text.erase(0, out.text.size() - 4096);
        if (Clock::now() >= deadline) return out;
        fill(deadline);
    }
}

void RawRepl::leave() {
    write("\r\x02");
    in_raw_ = false;
    running_ = false;
    rx_.clear();
}

void RawRepl::write_plain(std::string_view code) {
    // Old firmware (and "R\x00" boards) buffer the whole submission; UARTs without flow control
    // lose bytes in long bursts while the board is busy, so 256 bytes at a time, 10 ms apart
    // (fewer once code has arrived damaged: slow_down_writes).
    const std::size_t chunk = paced_ ? pace_burst_ : 256;
    for (std::size_t i = 0; i < code.size(); i += chunk) {
        write(code.substr(i, chunk));
        if (paced_ && i + chunk < code.size()) std::this_thread::sleep_for(Ms(10));
    }
    write("\x04");
}

void RawRepl::write_raw_paste(std::string_view code) {
    std::string hdr = read_exact(2, timeout_, "the raw-paste window size");
    std::size_t increment = static_cast<unsigned char>(hdr[0]) | (static_cast<unsigned char>(hdr[1]) << 8);
    if (increment == 0) raise_error("the board offered a raw-paste window of 0 bytes");
    std::size_t window = increment;
    std::size_t i = 0;
    while (i < code.size()) {
        // Take the flow-control bytes that are waiting; when the window is used up, wait for one.
        if (rx_.empty()) fill(Clock::now());
        while (!rx_.empty() || window == 0) {
            if (rx_.empty()) {
                if (!fill(Clock::now() + timeout_))
                    raise_error("timed out waiting for raw-paste flow control from " + t_.name());
                continue;
            }
            char c = rx_[0];
            rx_.erase(0, 1);
            if (c == '\x01') {
                window += increment;
            } else if (c == '\x04') {
                // The board wants no more (it hit an error early); acknowledge and stop.  Its
                // \x04 stands in for the end-of-data acknowledgement: the output comes next.
                write("\x04");
                paste_ack_seen_ = true;
                return;
            } else {
                raise_error("unexpected byte during raw-paste: '" + printable_bytes(std::string_view(&c, 1)) + "'");
            }
        }
        std::size_t n = std::min(window, code.size() - i);
        write(code.substr(i, n));
        window -= n;
        i += n;
    }
    write("\x04");
}

void RawRepl::submit(std::string_view code) { submit(code, {}); }

void RawRepl::submit(std::string_view code, std::string_view lossy_variant) {
    if (!in_raw_) raise_error("internal: submit outside the raw REPL");
    if (running_) {
        // The previous program was left running (--no-follow): wait for it to end first.
        follow([](std::string_view) {}, timeout_);
    }
    send_code(code, lossy_variant);
    ExecResponseParser parser(paste_ack_seen_     ? ExecResponseParser::Start::running
                              : paste_this_time_ ? ExecResponseParser::Start::expect_paste_ack
                                                 : ExecResponseParser::Start::expect_ok);
    // Byte by byte until the board has accepted the code ("OK" or the raw-paste \x04), so that
    // no program output is consumed here.
    std::string none;
    auto start = Clock::now();
    auto deadline = start + timeout_;
    bool resent = false;
    while (parser.state() == ExecResponseParser::State::await_ok ||
           parser.state() == ExecResponseParser::State::await_paste_ack) {
        // A board without flow control can lose the final \x04 itself; it then waits for more
        // code forever.  It answers "OK" at once when it gets \x04, so after a long silence
        // send it again.
        if (rx_.empty() && !resent && !paste_this_time_ &&
            !fill(std::min(deadline, start + ok_resend_delay_))) {
            resent = true;
            write("\x04");
            continue;
        }
        if (rx_.empty() && !fill(deadline))
            raise_error("timed out waiting for the board to accept the code (" + t_.name() + ")");
        std::size_t used = parser.feed(std::string_view(rx_).substr(0, 1), none);
        rx_.erase(0, used);
        if (parser.state() == ExecResponseParser::State::failed) raise_error(parser.failure());
    }
    running_ = true;
}

void RawRepl::send_code(std::string_view code, std::string_view lossy_variant) {
    sent_variant_ = false;
    paste_this_time_ = false;
    paste_ack_seen_ = false;
    if (paste_ != PasteSupport::unsupported) {
        write(std::string_view("\x05" "A\x01", 3));
        std::string answer = read_exact(2, timeout_, "the answer to the raw-paste request");
        switch (classify_paste_answer(answer)) {
            case PasteAnswer::supported:
                paste_ = PasteSupport::supported;
                paste_this_time_ = true;
                write_raw_paste(code);
                return;
            case PasteAnswer::refused:
                paste_ = PasteSupport::unsupported;
                break;
            case PasteAnswer::unknown_command:
            case PasteAnswer::garbage:
                // Firmware older than raw-paste took Ctrl-A as "print the banner again".
                rx_.insert(0, answer);
                wait_for(find_raw_repl_banner, "the raw REPL banner (raw-paste fallback)", timeout_);
                paste_ = PasteSupport::unsupported;
                break;
        }
    }
    if (!lossy_variant.empty() && may_lose_bytes()) {
        sent_variant_ = true;
        write_plain(lossy_variant);
        return;
    }
    write_plain(code);
}

ExecOutcome RawRepl::follow(const OutputSink& sink, std::optional<Ms> idle_timeout) {
    if (!running_) raise_error("internal: follow without a running program");
    ExecResponseParser parser(ExecResponseParser::Start::running);
    ExecOutcome outcome;
    InterruptWatch watch;
    auto last_data = Clock::now();
    std::string out;
    while (true) {
        if (!rx_.empty()) {
            std::size_t used = parser.feed(rx_, out);
            rx_.erase(0, used);
            if (!out.empty()) {
                sink(out);
                out.clear();
            }
            if (parser.state() == ExecResponseParser::State::failed) raise_error(parser.failure());
            if (parser.state() == ExecResponseParser::State::done) {
                running_ = false;
                break;
            }
        }
        if (watch.presses() > 0 && !outcome.interrupted) {
            outcome.interrupted = true;
            write("\x03");
        }
        if (watch.presses() > 1) raise_error("interrupted; the board may still be running the code");
        // Short slices so that host Ctrl-C is noticed promptly.
        if (fill(Clock::now() + Ms(100))) {
            last_data = Clock::now();
        } else if (idle_timeout && Clock::now() - last_data > *idle_timeout) {
            running_ = false;  // given up on: a caller that goes on re-enters the raw REPL first
            throw IdleTimeoutError(Diagnostic{
                "error", "timed out after " + std::to_string(idle_timeout->count() / 1000) +
                             " s of silence waiting for the end of the program's output from " + t_.name(),
                {}});
        }
    }
    outcome.error_output = parser.error_output();
    return outcome;
}

std::string RawRepl::exec(std::string_view code) {
    std::string out;
    exec_streaming(code, [&out](std::string_view s) { out.append(s); });
    return out;
}

void RawRepl::exec_streaming(std::string_view code, const OutputSink& sink) {
    std::string collected;
    submit(code);
    ExecOutcome r = follow(
        [&](std::string_view s) {
            sink(s);
            if (collected.size() < 4096) collected.append(s.substr(0, 4096));
        },
        timeout_);
    if (!r.error_output.empty()) throw RemoteExecError(r.error_output, collected);
}

}  // namespace mpy
