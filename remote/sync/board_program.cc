#include "remote/sync/board_program.h"

#include <chrono>

#include "remote/board/lossy_line.h"

namespace mpy::sync {

bool run_program_until_change(RawRepl& r, const std::string& code, ChangeMonitor& monitor, const OutputSink& sink) {
    Transport& t = r.transport();
    ExecOutcome o;
    if (r.may_lose_bytes()) {
        // Old firmware on a lossy line: the code goes checked and is sent again when damaged
        // (lossy_line.h); a change during the submission spoils this run, which is then not
        // reported and simply done again.
        monitor.arm([&t] { t.write("\x03"); });
        o = LossyLineRunner(r).run_user_code(code, true, sink, std::nullopt);
    } else {
        // Ctrl-C only once the board has accepted the code: never into a submission.
        r.submit(code);
        monitor.arm([&t] { t.write("\x03"); });
        o = r.follow(sink, std::nullopt);
    }
    bool changed = monitor.disarm();
    // The KeyboardInterrupt of a program stopped for a change is no news.
    if (!o.error_output.empty() && !changed && !o.interrupted) sink(o.error_output);
    return changed;
}

bool reset_and_stream_until_change(Transport& t, ChangeMonitor& monitor, const std::function<bool()>& stop,
                                   const OutputSink& sink) {
    t.write("\x04");
    // The friendly REPL's banner and prompts from before the reset are noise: the output is shown
    // from the board's "soft reboot" line on (or all of it, if none comes soon).
    std::string held;
    bool showing = false;
    auto give_up_holding = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    char buf[512];
    while (!stop()) {
        if (monitor.take_change(std::chrono::milliseconds(0))) return true;
        std::size_t n = t.read(buf, sizeof buf, std::chrono::milliseconds(50));
        if (showing) {
            if (n) sink(std::string_view(buf, n));
            continue;
        }
        held.append(buf, n);
        auto reboot = held.find("soft reboot");
        if (reboot != std::string::npos || std::chrono::steady_clock::now() > give_up_holding) {
            showing = true;
            auto line = reboot == std::string::npos ? std::string::npos : held.rfind('\n', reboot);
            sink(std::string_view(held).substr(line == std::string::npos ? 0 : line + 1));
        }
    }
    return false;
}

}  // namespace mpy::sync
