// board_pty: puts a board program behind a pty, so a client opens a real tty exactly as it
// opens a board's serial port.
//
//   board_pty [--restart] [--reset-status N] [--sigint] [--link PATH] [--pace BYTES:MS] [--baud RATE] [--pipe]
//             -- COMMAND [ARGS...]
//
// It makes a pty pair, prints the client's end (the slave's path) as the first line of its
// stdout, starts COMMAND and relays bytes both ways between the pty and the command's stdio.
// The command gets its own pty (or pipes with --pipe), in raw mode, as a board's firmware
// gets a UART: the sim board (`node remote/sim/board.mjs`), the unix port, or QEMU with
// `-chardev stdio,id=s0,signal=off -serial chardev:s0 -display none -monitor none`.
//
//   --restart          when the command exits, start it again, as a board comes back after a
//                      soft reset: "MPY: soft reboot" is sent, then the new command's banner and
//                      prompt, or, if the old one was in the raw REPL, the new one is put into it
//                      and only its raw REPL banner is relayed.  (For MicroPython commands: the
//                      harness waits for the ">>> " prompt of the restarted one.)
//                      MicroPython's unix port exits on Ctrl-D where a board soft-resets.
//   --reset-status N   with --restart: a command that exits with status N was hard reset
//                      (the unix port's test `machine.reset()` exits so): it is started again as
//                      at power-on, without "MPY: soft reboot" and in the friendly REPL, its
//                      banner and prompt relayed.
//   --baud RATE        limit both directions to RATE bits per second, 10 bits a byte, as a UART
//                      at that speed (for measuring transfers on a slow link).
//   --sigint           a client's Ctrl-C while the command runs code becomes SIGINT (and is not
//                      relayed): MicroPython's unix port notices Ctrl-C in running code only as
//                      SIGINT (its REPL keeps the tty raw), where a board's UART driver looks at
//                      every received byte.  "Runs code" is told from the REPL: after Enter
//                      (friendly) or the code's Ctrl-D (raw), until the next prompt.  At most one
//                      SIGINT per 100 ms: the unix port dies of a SIGINT that comes after its
//                      KeyboardInterrupt, while it prints the traceback.
//   --link PATH        also make PATH a symbolic link to the client's end.
//   --pace BYTES:MS    pass client bytes to the command at most BYTES per MS milliseconds
//                      (the emulated micro:bit loses bytes of long unpaced bursts).
//
// The harness does not keep the client's end open: with no client attached, reading the pty
// fails (EIO/POLLHUP) and the harness waits for one; output the board sends meanwhile is kept
// (up to a limit) as a USB serial adapter would.  It stops on SIGTERM/SIGINT or when the
// command exits (without --restart), with the command's exit status.
#include <fcntl.h>
#include <sys/ioctl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxBacklog = 4 << 20;  // bytes kept for a client that does not read

volatile sig_atomic_t g_stop = 0;
void on_stop_signal(int) { g_stop = 1; }

struct Options {
    bool restart = false;
    bool pipe = false;
    bool sigint = false;
    int reset_status = -1;
    long baud = 0;
    std::string link;
    std::size_t pace_bytes = 0;
    int pace_ms = 0;
    std::vector<std::string> command;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "board_pty: %s\nusage: board_pty [--restart] [--reset-status N] [--sigint] [--link PATH] "
                 "[--pace BYTES:MS] [--baud RATE] [--pipe] -- COMMAND [ARGS...]\n",
                 why);
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options o;
    int i = 1;
    for (; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--") { ++i; break; }
        if (a == "--restart") o.restart = true;
        else if (a == "--pipe") o.pipe = true;
        else if (a == "--sigint") o.sigint = true;
        else if (a == "--link" && i + 1 < argc) o.link = argv[++i];
        else if (a == "--reset-status" && i + 1 < argc) o.reset_status = std::atoi(argv[++i]);
        else if (a == "--baud" && i + 1 < argc) {
            o.baud = std::atol(argv[++i]);
            if (o.baud <= 0) usage("bad --baud");
        }
        else if (a == "--pace" && i + 1 < argc) {
            unsigned long bytes = 0, ms = 0;
            if (std::sscanf(argv[++i], "%lu:%lu", &bytes, &ms) != 2 || bytes == 0) usage("bad --pace");
            o.pace_bytes = bytes;
            o.pace_ms = static_cast<int>(ms);
        } else if (!a.empty() && a[0] == '-') usage("unknown option");
        else break;
    }
    for (; i < argc; ++i) o.command.emplace_back(argv[i]);
    if (o.command.empty()) usage("no command");
    return o;
}

void make_raw(int fd) {
    termios t{};
    if (tcgetattr(fd, &t) != 0) return;
    cfmakeraw(&t);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(fd, TCSANOW, &t);
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

// An owned file descriptor.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(o.release()) {}
    Fd& operator=(Fd&& o) noexcept { reset(o.release()); return *this; }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return fd_; }
    int release() { int f = fd_; fd_ = -1; return f; }
    void reset(int f = -1) { if (fd_ >= 0) ::close(fd_); fd_ = f; }
    explicit operator bool() const { return fd_ >= 0; }
private:
    int fd_ = -1;
};

// The board program: its pid and our ends of its stdin/stdout.
struct Child {
    pid_t pid = -1;
    Fd in;   // we write the client's bytes here
    Fd out;  // we read the board's output here
};

Child start_child(const Options& o) {
    Child c;
    int child_in = -1, child_out = -1;
    if (o.pipe) {
        int a[2], b[2];
        if (pipe(a) != 0 || pipe(b) != 0) { std::perror("board_pty: pipe"); std::exit(1); }
        child_in = a[0];
        c.in.reset(a[1]);
        child_out = b[1];
        c.out.reset(b[0]);
    } else {
        int master = -1, slave = -1;
        if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
            std::perror("board_pty: openpty");
            std::exit(1);
        }
        make_raw(slave);
        child_in = child_out = slave;
        c.in.reset(master);
        c.out.reset(dup(master));
    }
    c.pid = fork();
    if (c.pid < 0) { std::perror("board_pty: fork"); std::exit(1); }
    if (c.pid == 0) {
        setsid();
        if (!o.pipe) ioctl(child_in, TIOCSCTTY, 0);
        dup2(child_in, 0);
        dup2(child_out, 1);
        if (child_in > 2) close(child_in);
        if (child_out > 2 && child_out != child_in) close(child_out);
        c.in.reset();
        c.out.reset();
        std::vector<char*> args;
        for (const auto& s : o.command) args.push_back(const_cast<char*>(s.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "board_pty: cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    close(child_in);
    if (child_out != child_in) close(child_out);
    set_nonblocking(c.in.get());
    set_nonblocking(c.out.get());
    return c;
}

// Bytes waiting to be written to a non-blocking fd.
struct Queue {
    std::string data;
    std::size_t off = 0;
    std::size_t size() const { return data.size() - off; }
    void push(std::string_view s) {
        if (off > 0 && off == data.size()) { data.clear(); off = 0; }
        data.append(s);
    }
    // Writes at most `limit` bytes; returns how many went out (-1: the fd is gone).
    long flush(int fd, std::size_t limit) {
        std::size_t n = std::min(limit, size());
        if (n == 0) return 0;
        ssize_t w = ::write(fd, data.data() + off, n);
        if (w < 0) return (errno == EAGAIN || errno == EINTR) ? 0 : -1;
        off += static_cast<std::size_t>(w);
        if (off == data.size()) { data.clear(); off = 0; }
        return w;
    }
};

// A UART's speed limit for one direction: `bytes_per_second` on average, with bursts of at
// most a few milliseconds' worth (a UART's FIFO), or no limit when 0.
class RateLimit {
public:
    explicit RateLimit(double bytes_per_second) : rate_(bytes_per_second) {}
    bool limited() const { return rate_ > 0; }
    // How many bytes may go now (SIZE_MAX when unlimited).
    std::size_t allows() {
        if (!limited()) return SIZE_MAX;
        auto now = Clock::now();
        credit_ += std::chrono::duration<double>(now - last_).count() * rate_;
        last_ = now;
        const double burst = std::max(16.0, rate_ * 0.004);
        if (credit_ > burst) credit_ = burst;
        return credit_ >= 1 ? static_cast<std::size_t>(credit_) : 0;
    }
    void used(std::size_t n) { credit_ -= static_cast<double>(n); }
private:
    double rate_;
    double credit_ = 0;
    Clock::time_point last_ = Clock::now();
};

// Follows the command's REPL mode from its output, to restore it after a restart.
class ModeTracker {
public:
    void feed(std::string_view s) {
        tail_.append(s);
        if (tail_.find("raw REPL; CTRL-B to exit") != std::string::npos) raw_ = true;
        std::size_t p = tail_.rfind(">>> ");
        std::size_t r = tail_.rfind("raw REPL; CTRL-B to exit");
        if (p != std::string::npos && (r == std::string::npos || p > r)) raw_ = false;
        if (tail_.size() > 64) tail_.erase(0, tail_.size() - 64);
    }
    bool raw() const { return raw_; }
    // Whether the output so far ends in a prompt (friendly, continuation, raw, paste): the REPL
    // is waiting for input, not running code.
    bool at_prompt() const {
        auto ends = [&](std::string_view e) {
            return tail_.size() >= e.size() && std::string_view(tail_).substr(tail_.size() - e.size()) == e;
        };
        // (Not raw-paste's \x01 window grants: a late one may follow the end of the code.)
        return ends(">>> ") || ends("... ") || ends("=== ") || ends("\x04>") || ends("\n>");
    }
private:
    std::string tail_;
    bool raw_ = false;
};

class Relay {
public:
    Relay(Options o, Fd master)
        : o_(std::move(o)), master_(std::move(master)), to_board_rate_(o_.baud / 10.0), to_client_rate_(o_.baud / 10.0) {}

    int run() {
        child_ = start_child(o_);
        for (;;) {
            if (g_stop) return stop(0);
            if (int status; child_.pid > 0 && waitpid(child_.pid, &status, WNOHANG) == child_.pid) {
                drain_child_output();
                child_.pid = -1;
                if (!o_.restart) return exit_code(status);
                restart(o_.reset_status >= 0 && exit_code(status) == o_.reset_status);
                continue;
            }
            step();
        }
    }

private:
    void step() {
        // Is a client attached?  With none, the pty reports POLLHUP at once, so the main poll
        // below leaves it out and wakes up now and then to look again.
        pollfd probe{master_.get(), POLLIN, 0};
        poll(&probe, 1, 0);
        client_gone_ = (probe.revents & POLLHUP) != 0;

        // While a restarted command boots, the client's bytes wait (they are meant for the REPL
        // the harness is about to restore).
        const bool paced_wait = to_child_.size() > 0 && (rebooting_ || pace_allows() == 0);
        const std::size_t client_allowance = to_client_.size() ? to_client_rate_.allows() : 0;
        const bool client_rate_wait = to_client_.size() > 0 && client_allowance == 0;
        pollfd set[3] = {{-1, 0, 0}, {child_.out.get(), POLLIN, 0}, {-1, 0, 0}};
        if (!client_gone_) {
            set[0] = {master_.get(), static_cast<short>(POLLIN | (client_allowance ? POLLOUT : 0)), 0};
        }
        if (to_child_.size() > 0 && !paced_wait) set[2] = {child_.in.get(), POLLOUT, 0};
        const bool rate_wait = client_rate_wait || (paced_wait && to_board_rate_.limited());
        const int timeout = rate_wait ? 1 : (client_gone_ || paced_wait) ? 10 : 200;
        if (poll(set, 3, timeout) < 0 && errno != EINTR) {
            std::perror("board_pty: poll");
            std::exit(1);
        }

        if (set[0].revents & POLLIN) {
            char buf[4096];
            ssize_t n = ::read(master_.get(), buf, sizeof buf);
            if (n > 0) take_client_input({buf, static_cast<std::size_t>(n)});
        }
        if (!client_gone_ && client_allowance > 0) {
            long w = to_client_.flush(master_.get(), std::min(client_allowance, to_client_.size()));
            if (w > 0) to_client_rate_.used(static_cast<std::size_t>(w));
        }
        if (to_client_.size() > kMaxBacklog) {
            to_client_.data.erase(0, to_client_.off + to_client_.size() - kMaxBacklog);
            to_client_.off = 0;
        }

        if (set[1].revents & (POLLIN | POLLHUP)) read_child();
        if (to_child_.size() > 0 && !paced_wait) {
            long w = to_child_.flush(child_.in.get(), pace_allows());
            if (w > 0) {
                paced_ += static_cast<std::size_t>(w);
                to_board_rate_.used(static_cast<std::size_t>(w));
            }
        }
    }

    void take_client_input(std::string_view data) {
        if (!o_.sigint) {
            to_child_.push(data);
            return;
        }
        for (char c : data) {
            if (c == '\x03' && running_code_) {
                auto now = Clock::now();
                if (child_.pid > 0 && now - last_sigint_ >= std::chrono::milliseconds(100)) {
                    kill(child_.pid, SIGINT);
                    last_sigint_ = now;
                }
                continue;
            }
            to_child_.push(std::string_view(&c, 1));
            if ((!mode_.raw() && c == '\r') || (mode_.raw() && c == '\x04')) running_code_ = true;
        }
    }

    // How many bytes pacing and the line speed let through now (everything when neither limits).
    std::size_t pace_allows() { return std::min(to_board_rate_.allows(), pace_bytes_allowed()); }
    std::size_t pace_bytes_allowed() {
        if (o_.pace_bytes == 0) return to_child_.size();
        auto now = Clock::now();
        if (now - pace_start_ >= std::chrono::milliseconds(o_.pace_ms)) {
            pace_start_ = now;
            paced_ = 0;
        }
        return paced_ >= o_.pace_bytes ? 0 : std::min(o_.pace_bytes - paced_, to_child_.size());
    }

    void read_child() {
        char buf[4096];
        ssize_t n = ::read(child_.out.get(), buf, sizeof buf);
        if (n <= 0) return;
        std::string_view s(buf, static_cast<std::size_t>(n));
        if (rebooting_) {
            // A restarted command: wait for its prompt, put it back into the raw REPL if it was
            // there, and relay from the point a board's soft reset would show.
            static constexpr std::string_view kRawBanner = "raw REPL; CTRL-B to exit\r\n";
            reboot_output_.append(s);
            if (!sent_ctrl_a_) {
                std::size_t p = reboot_output_.find(">>> ");
                if (p == std::string::npos) return;
                if (!was_raw_) {
                    rebooting_ = false;
                    std::string out = std::move(reboot_output_);
                    reboot_output_.clear();
                    if (out.rfind("\r\n", 0) == 0) out.erase(0, 2);
                    mode_.feed(out);
                    to_client_.push(out);
                    return;
                }
                const char ctrl_a = '\x01';
                (void)!::write(child_.in.get(), &ctrl_a, 1);
                sent_ctrl_a_ = true;
                reboot_output_.erase(0, p + 4);
            }
            std::size_t b = reboot_output_.find(kRawBanner);
            if (b == std::string::npos) return;
            rebooting_ = false;
            std::string out = reboot_output_.substr(b);
            reboot_output_.clear();
            mode_.feed(out);
            to_client_.push(out);
            return;
        }
        mode_.feed(s);
        if (mode_.at_prompt()) running_code_ = false;
        to_client_.push(s);
    }

    void drain_child_output() {
        for (int i = 0; i < 100; ++i) {
            pollfd p{child_.out.get(), POLLIN, 0};
            if (poll(&p, 1, 0) <= 0 || !(p.revents & POLLIN)) break;
            read_child();
        }
    }

    void restart(bool hard_reset) {
        // A hard reset comes back as at power-on: friendly REPL, no soft-reboot line.
        was_raw_ = !hard_reset && mode_.raw();
        if (!hard_reset) to_client_.push("MPY: soft reboot\r\n");
        mode_ = ModeTracker{};
        running_code_ = false;
        child_ = start_child(o_);
        rebooting_ = true;
        sent_ctrl_a_ = false;
        reboot_output_.clear();
    }

    int stop(int code) {
        if (child_.pid > 0) {
            kill(child_.pid, SIGTERM);
            for (int i = 0; i < 50; ++i) {
                if (waitpid(child_.pid, nullptr, WNOHANG) == child_.pid) return code;
                usleep(10000);
            }
            kill(child_.pid, SIGKILL);
            waitpid(child_.pid, nullptr, 0);
        }
        return code;
    }

    static int exit_code(int status) {
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    }

    Options o_;
    Fd master_;
    Child child_;
    Queue to_client_, to_child_;
    ModeTracker mode_;
    bool client_gone_ = false;
    bool rebooting_ = false;
    bool was_raw_ = false;
    bool sent_ctrl_a_ = false;
    std::string reboot_output_;
    Clock::time_point pace_start_ = Clock::now();
    std::size_t paced_ = 0;
    RateLimit to_board_rate_, to_client_rate_;
    bool running_code_ = false;  // --sigint: the command runs code (a Ctrl-C becomes SIGINT)
    Clock::time_point last_sigint_{};
};

}  // namespace

int main(int argc, char** argv) {
    Options o = parse_options(argc, argv);
    int master = -1, slave = -1;
    char name[256] = {};
    if (openpty(&master, &slave, name, nullptr, nullptr) != 0) {
        std::perror("board_pty: openpty");
        return 1;
    }
    // The client's end starts raw (the client sets it up again anyway); then let go of it, so
    // the harness does not count as a reader on the client's side.
    make_raw(slave);
    close(slave);
    set_nonblocking(master);
    if (!o.link.empty()) {
        unlink(o.link.c_str());
        if (symlink(name, o.link.c_str()) != 0) {
            std::perror("board_pty: symlink");
            return 1;
        }
    }
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGPIPE, SIG_IGN);
    std::printf("%s\n", name);
    std::fflush(stdout);
    const std::string link = o.link;
    Relay relay(std::move(o), Fd(master));
    int code = relay.run();
    if (!link.empty()) unlink(link.c_str());
    return code;
}
