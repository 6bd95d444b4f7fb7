// `repl`: a raw terminal between the user's tty and the board's friendly REPL.
//
// Keys go to the board byte for byte (Ctrl-C included: the local tty is in raw mode), the
// board's output goes to the screen (and to --capture).  Ctrl-] or Ctrl-x leaves; Ctrl-J types
// --inject-code, Ctrl-K runs --inject-file through the raw REPL.  When stdin is not a terminal
// (a pipe in a script), its bytes are sent as they are and the session ends once stdin is
// exhausted and the board has been quiet for a moment.
#include <cstdio>
#include <fstream>
#include <fmt/format.h>
#include <cerrno>
#include <optional>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "remote/cli/commands.h"
#include "remote/transport/fd_io.h"
#include "remote/transport/transport_errors.h"

namespace mpy {
namespace {

// Puts the local terminal in raw mode for the lifetime of the object.
class RawTerminal {
public:
    explicit RawTerminal(int fd) : fd_(fd) {
        if (!isatty(fd) || tcgetattr(fd, &saved_) != 0) return;
        termios t = saved_;
        t.c_iflag &= ~(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
        t.c_oflag = 0;
        t.c_cflag = (t.c_cflag & ~(CSIZE | PARENB)) | CS8;
        t.c_lflag = 0;
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        active_ = tcsetattr(fd, TCSANOW, &t) == 0;
    }
    ~RawTerminal() {
        if (active_) tcsetattr(fd_, TCSANOW, &saved_);
    }
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;

private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

std::string escape_non_printable(std::string_view data) {
    std::string out;
    for (char ch : data) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c == 8 || c == 9 || c == 10 || c == 13 || c == 27 || (c >= 32 && c <= 126)) out += ch;
        else out += fmt::format("[{:02x}]", c);
    }
    return out;
}

}  // namespace

int cmd_repl(Session& s, const ParsedCommand& c) {
    Transport& t = s.friendly();
    s.did_action();
    bool escape = c.flag("escape-non-printable");
    std::string capture_path = c.value("capture");
    std::optional<std::string> inject_code, inject_file;
    if (c.options.count("inject-code")) {
        std::string code = c.value("inject-code"), fixed;
        // As in mpremote, a literal "\n" in the option means "press Enter".
        for (std::size_t i = 0; i < code.size(); ++i) {
            if (code[i] == '\\' && i + 1 < code.size() && code[i + 1] == 'n') {
                fixed += "\r\n";
                ++i;
            } else {
                fixed += code[i];
            }
        }
        inject_code = fixed;
    }
    if (c.options.count("inject-file")) inject_file = c.value("inject-file");

    std::printf("Connected to MicroPython at %s\n", t.name().c_str());
    std::printf("Use Ctrl-] or Ctrl-x to exit this shell\n");
    if (escape) std::printf("Escaping non-printable bytes/characters by printing their hex code\n");
    std::ofstream capture;
    if (!capture_path.empty()) {
        std::printf("Capturing session to file \"%s\"\n", capture_path.c_str());
        capture.open(capture_path, std::ios::binary | std::ios::trunc);
        if (!capture) throw DiagnosticError(Diagnostic{"error", "repl: cannot write " + capture_path, {}});
    }
    if (inject_code) std::printf("Use Ctrl-J to inject code\n");
    if (inject_file) std::printf("Use Ctrl-K to inject file \"%s\"\n", inject_file->c_str());
    std::fflush(stdout);

    bool interactive = isatty(0) != 0;
    RawTerminal raw(0);
    bool stdin_open = true;
    // Between Ctrl-E and Ctrl-D (or Ctrl-C) the board's REPL is in paste mode, where Ctrl-D
    // ends the paste instead of soft-resetting.
    bool paste_mode = false;
    auto last_output = Clock::now(), last_write = Clock::now(), eof_at = Clock::now();
    bool output_since_write = false;
    char buf[4096];
    auto out = [&](std::string_view data) {
        std::string shown = escape ? escape_non_printable(data) : std::string(data);
        write_stdout(shown);
        if (capture) {
            capture.write(shown.data(), static_cast<std::streamsize>(shown.size()));
            capture.flush();
        }
    };
    while (true) {
        pollfd fds[2] = {{t.poll_fd(), POLLIN, 0}, {stdin_open ? 0 : -1, POLLIN, 0}};
        int n = poll(fds, 2, 100);
        if (n < 0 && errno != EINTR) throw_system_error("repl: poll", errno);
        if (fds[0].revents) {
            std::size_t got;
            try {
                got = t.read(buf, sizeof buf, std::chrono::milliseconds(0));
            } catch (const ConnectionLost&) {
                std::printf("\r\ndevice disconnected\n");
                return 0;
            }
            if (got > 0) {
                out(std::string_view(buf, got));
                last_output = Clock::now();
                output_since_write = true;
            }
        }
        if (stdin_open && fds[1].revents) {
            ssize_t got = ::read(0, buf, interactive ? 1 : sizeof buf);
            if (got <= 0) {
                stdin_open = false;
                eof_at = Clock::now();
                continue;
            }
            std::string_view keys(buf, static_cast<std::size_t>(got));
            std::string to_board;
            for (char k : keys) {
                if (k == '\x1d' || k == '\x18') {  // Ctrl-] or Ctrl-x
                    if (!to_board.empty()) t.write(to_board);
                    std::printf("\n");
                    return 0;
                }
                if (k == '\x05') paste_mode = true;
                if (k == '\x03') paste_mode = false;
                if (k == '\x04' && paste_mode) {
                    paste_mode = false;
                    to_board += k;
                } else if (k == '\x04' && s.mounted()) {
                    // Ctrl-D soft-resets the board, which loses the mount: reset it ourselves
                    // and mount the folder again (as mpremote does), then back to the REPL.
                    if (!to_board.empty()) t.write(to_board);
                    to_board.clear();
                    // First show what the board still has to say about the keys before.
                    char before[4096];  // not buf: `keys` still points into it
                    auto until = Clock::now() + std::chrono::seconds(3);
                    while (Clock::now() < until) {
                        std::size_t drained = t.read(before, sizeof before, std::chrono::milliseconds(500));
                        if (drained == 0) break;
                        out(std::string_view(before, drained));
                    }
                    // The raw REPL takes the board's own line; a MicroPython that can mount
                    // (1.2x) says this.
                    out("MPY: soft reboot\r\n");
                    s.raw(true);
                    s.friendly();
                } else if (k == '\x0a' && inject_code && interactive) {
                    to_board += *inject_code;
                } else if (k == '\x0b' && inject_file && interactive) {
                    if (!to_board.empty()) t.write(to_board);
                    to_board.clear();
                    out("Injecting " + *inject_file + "\r\n");
                    RawRepl& r = s.raw(false);
                    try {
                        r.submit(read_file(*inject_file));
                    } catch (const DiagnosticError& e) {
                        out("Error:\r\n" + e.diagnostic().message + "\r\n");
                    }
                    s.friendly();
                } else {
                    to_board += k;
                }
            }
            if (!to_board.empty()) {
                t.write(to_board);
                last_write = Clock::now();
                output_since_write = false;
            }
        }
        // Piped input used up: leave once the board has answered the last input (or 5 s
        // passed) and has then been quiet for a moment.
        if (!stdin_open) {
            auto now = Clock::now();
            bool answered = output_since_write || now - last_write > std::chrono::seconds(5);
            if (answered && now - std::max(last_output, eof_at) > std::chrono::milliseconds(700)) {
                std::printf("\n");
                return 0;
            }
        }
    }
}

}  // namespace mpy
