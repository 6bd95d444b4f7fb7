// A scripted MicroPython board behind the Transport interface, for testing RawRepl without
// hardware: friendly REPL, raw REPL, soft reset, and raw-paste in the three flavours boards
// answer with (supported with a window, refused with R\x00, unknown to old firmware).
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <utility>

#include "remote/transport/transport.h"

namespace mpy::testing {

class FakeBoard : public Transport {
public:
    enum class Paste { supported, refused, unknown };
    // Runs submitted code: returns (stdout, traceback).
    using Runner = std::function<std::pair<std::string, std::string>(const std::string&)>;

    FakeBoard(Paste paste, Runner run, unsigned window = 32) : paste_(paste), run_(std::move(run)), window_(window) {}

    std::size_t read(char* buf, std::size_t max, std::chrono::milliseconds) override {
        std::size_t n = 0;
        // Hand out at most `piece` bytes per read so that parsers see split responses.
        while (n < max && n < piece && !out_.empty()) {
            buf[n++] = out_.front();
            out_.pop_front();
        }
        return n;
    }

    void write(std::string_view data) override {
        writes.emplace_back(data);
        if (silent) return;
        for (char c : data) take(c);
    }

    int poll_fd() const override { return -1; }
    std::string name() const override { return "fake"; }
    void close() override {}

    // --- knobs and observations ---
    bool silent = false;            // never answer
    int drop_next_eot = 0;          // lose this many code-ending \x04 (raw REPL, non-empty buffer)
    std::size_t piece = 7;          // bytes per read()
    std::vector<std::string> writes;
    std::vector<std::string> executed;  // code the board ran
    int soft_resets = 0;
    int paste_requests = 0;
    std::size_t max_unacked = 0;    // most bytes received in raw-paste beyond the granted window
    bool abort_paste_after_first_window = false;
    int hang_next_runs = 0;         // accept this many submissions and then stay silent
    bool is_lossless = false;       // what lossless() answers
    bool lossless() const override { return is_lossless; }

private:
    void emit(std::string_view s) { out_.insert(out_.end(), s.begin(), s.end()); }
    void finish(const std::string& code) {
        executed.push_back(code);
        if (hang_next_runs > 0) {  // accepted, and then never a byte more
            --hang_next_runs;
            return;
        }
        auto [o, e] = run_(code);
        emit(o);
        emit("\x04");
        emit(e);
        emit("\x04>");
    }
    void take(char c) {
        switch (mode_) {
            case Mode::friendly:
                if (c == '\x01') {
                    mode_ = Mode::raw;
                    buf_.clear();
                    emit("\r\nraw REPL; CTRL-B to exit\r\n>");
                } else if (c == '\r') {
                    emit("\r\n>>> ");
                }
                return;
            case Mode::raw:
                if (esc_ == 1) {  // after \x05
                    esc_ = c == 'A' ? 2 : 0;
                    if (esc_ == 0) buf_ += c;
                    return;
                }
                if (esc_ == 2) {
                    esc_ = 0;
                    if (c == '\x01') {
                        ++paste_requests;
                        if (paste_ == Paste::supported) {
                            emit(std::string("R\x01", 2));
                            emit(std::string(1, static_cast<char>(window_ & 0xff)) +
                                 std::string(1, static_cast<char>(window_ >> 8)));
                            emit("\x01");
                            mode_ = Mode::paste;
                            granted_ = 2 * window_;
                            received_ = 0;
                            buf_.clear();
                            return;
                        }
                        if (paste_ == Paste::refused) {
                            emit(std::string("R\x00", 2));
                            return;
                        }
                        // Old firmware: 'A' went into the buffer, Ctrl-A restarts the raw REPL.
                        buf_.clear();
                        emit("raw REPL; CTRL-B to exit\r\n>");
                        return;
                    }
                    buf_ += 'A';
                    take(c);
                    return;
                }
                if (c == '\x05' && paste_ != Paste::unknown) { esc_ = 1; return; }
                if (c == '\x01') { buf_.clear(); emit("raw REPL; CTRL-B to exit\r\n>"); return; }
                if (c == '\x02') { mode_ = Mode::friendly; emit("\r\nMicroPython fake\r\n>>> "); return; }
                if (c == '\x03') { buf_.clear(); return; }
                if (c == '\x04') {
                    if (buf_.empty()) {
                        ++soft_resets;
                        emit("OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>");
                        return;
                    }
                    if (drop_next_eot > 0) { --drop_next_eot; return; }
                    emit("OK");
                    std::string code = buf_;
                    buf_.clear();
                    finish(code);
                    return;
                }
                buf_ += c;
                return;
            case Mode::paste:
                if (c == '\x04') {
                    mode_ = Mode::raw;
                    std::string code = buf_;
                    buf_.clear();
                    if (aborted_) {
                        // The client acknowledged our stop: report the error.
                        aborted_ = false;
                        executed.push_back(code);
                        emit("\x04SyntaxError: early\r\n\x04>");
                        return;
                    }
                    emit("\x04");
                    finish(code);
                    return;
                }
                if (aborted_) return;  // data sent before the client saw our stop
                buf_ += c;
                ++received_;
                if (received_ > granted_) max_unacked = std::max(max_unacked, received_ - granted_);
                if (received_ % window_ == 0) {
                    if (abort_paste_after_first_window && !aborted_) {
                        aborted_ = true;
                        emit("\x04");  // "stop sending"; the client acknowledges with \x04
                        return;
                    }
                    granted_ += window_;
                    emit("\x01");
                }
                return;
        }
    }

    enum class Mode { friendly, raw, paste };
    Mode mode_ = Mode::friendly;
    Paste paste_;
    Runner run_;
    unsigned window_;
    int esc_ = 0;
    bool aborted_ = false;
    std::size_t granted_ = 0, received_ = 0;
    std::string buf_;
    std::deque<char> out_;
};

}  // namespace mpy::testing
