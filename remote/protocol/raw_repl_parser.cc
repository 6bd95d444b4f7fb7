#include "remote/protocol/raw_repl_parser.h"

#include <fmt/format.h>

namespace mpy {

ExecResponseParser::ExecResponseParser(Start start)
    : state_(start == Start::expect_ok          ? State::await_ok
             : start == Start::expect_paste_ack ? State::await_paste_ack
                                                : State::output) {}

std::size_t ExecResponseParser::feed(std::string_view data, std::string& out) {
    std::size_t i = 0;
    while (i < data.size() && !finished()) {
        char c = data[i];
        switch (state_) {
            case State::await_ok:
                pending_ += c;
                ++i;
                if (std::string_view("OK").substr(0, pending_.size()) != pending_) {
                    state_ = State::failed;
                    failure_ = "could not execute the code (the board answered '" +
                               printable_bytes(pending_) + "' instead of 'OK')";
                } else if (pending_ == "OK") {
                    state_ = State::output;
                }
                break;
            case State::await_paste_ack:
                ++i;
                if (c == '\x04') {
                    state_ = State::output;
                } else if (c != '\x01') {
                    state_ = State::failed;
                    failure_ = "unexpected byte from the board during raw-paste: '" +
                               printable_bytes(std::string_view(&c, 1)) + "'";
                }
                break;
            case State::output: {
                // Copy the run of output bytes up to the next \x04 in one go.
                std::size_t end = data.find('\x04', i);
                if (end == std::string_view::npos) {
                    out.append(data.substr(i));
                    i = data.size();
                } else {
                    out.append(data.substr(i, end - i));
                    i = end + 1;
                    state_ = State::error_output;
                }
                break;
            }
            case State::error_output: {
                std::size_t end = data.find('\x04', i);
                std::string_view chunk = data.substr(i, end == std::string_view::npos ? data.size() - i : end - i);
                if (err_.size() < max_error_output)
                    err_.append(chunk.substr(0, max_error_output - err_.size()));
                if (end == std::string_view::npos) {
                    i = data.size();
                } else {
                    i = end + 1;
                    state_ = State::await_prompt;
                }
                break;
            }
            case State::await_prompt:
                ++i;
                // Anything before the prompt (a stray \r\n from some ports) is not ours to keep.
                if (c == '>') state_ = State::done;
                break;
            case State::done:
            case State::failed:
                break;
        }
    }
    return i;
}

namespace {
constexpr std::string_view banner_text = "raw REPL; CTRL-B to exit";
}

std::size_t find_raw_repl_banner(std::string_view data) {
    std::size_t from = 0;
    while (true) {
        std::size_t pos = data.find(banner_text, from);
        if (pos == std::string_view::npos) return std::string_view::npos;
        std::size_t j = pos + banner_text.size();
        if (j < data.size() && data[j] == '\r') ++j;
        if (j < data.size() && data[j] == '\n') {
            ++j;
            if (j < data.size() && data[j] == '>') return j + 1;
            if (j >= data.size()) return std::string_view::npos;
        } else if (j >= data.size()) {
            return std::string_view::npos;
        }
        from = pos + 1;
    }
}

std::size_t find_soft_reboot(std::string_view data) {
    std::size_t pos = data.find("soft reboot");
    if (pos == std::string_view::npos) return pos;
    std::size_t nl = data.find('\n', pos);
    return nl == std::string_view::npos ? nl : nl + 1;
}

PasteAnswer classify_paste_answer(std::string_view b) {
    if (b == std::string_view("R\x01", 2)) return PasteAnswer::supported;
    if (b == std::string_view("R\x00", 2)) return PasteAnswer::refused;
    if (b == "ra") return PasteAnswer::unknown_command;
    return PasteAnswer::garbage;
}

bool is_compile_error(std::string_view tb) {
    bool syntax = tb.find("SyntaxError") != std::string_view::npos ||
                  tb.find("IndentationError") != std::string_view::npos;
    return syntax && tb.find(", in ") == std::string_view::npos;
}

std::string last_line(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    auto nl = text.find_last_of('\n');
    std::string_view line = nl == std::string_view::npos ? text : text.substr(nl + 1);
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return std::string(line);
}

RemoteErrorKind classify_traceback(std::string_view tb) {
    std::string line = last_line(tb);
    std::string_view cls = std::string_view(line).substr(0, line.find(':'));
    while (!cls.empty() && cls.back() == ' ') cls.remove_suffix(1);
    if (cls == "OSError") return RemoteErrorKind::os_error;
    if (cls == "MemoryError") return RemoteErrorKind::memory_error;
    return RemoteErrorKind::other;
}

std::string printable_bytes(std::string_view data, std::size_t limit) {
    std::string s;
    for (std::size_t i = 0; i < data.size() && i < limit; ++i) {
        unsigned char c = static_cast<unsigned char>(data[i]);
        if (c == '\\') s += "\\\\";
        else if (c == '\r') s += "\\r";
        else if (c == '\n') s += "\\n";
        else if (c >= 0x20 && c < 0x7f) s += static_cast<char>(c);
        else s += fmt::format("\\x{:02x}", c);
    }
    if (data.size() > limit) s += "...";
    return s;
}

}  // namespace mpy
