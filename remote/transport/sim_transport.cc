#include "remote/transport/sim_transport.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/ioctl.h>
#include <cstdlib>
#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "common/diagnostics.h"
#include "mpytools_config.h"
#include "remote/transport/fd_io.h"
#include "remote/transport/fd_transport.h"

namespace mpy {
namespace fs = std::filesystem;
namespace {

class SimTransport : public FdTransport {
public:
    SimTransport(int master, pid_t child) : FdTransport(master, "sim"), child_(child) {}
    ~SimTransport() override { close(); }
    // The board script reads its pty as fast as it can and the kernel applies back-pressure.
    bool lossless() const override { return true; }

private:
    void before_close() override {
        if (child_ <= 0) return;
        // Closing the master gives the board EOF/EIO on stdin (it should save and exit); give it a
        // moment, then insist.
        ::close(fd());
        forget_fd();
        if (!wait_for_exit(std::chrono::milliseconds(1500))) {
            kill(child_, SIGTERM);
            if (!wait_for_exit(std::chrono::milliseconds(1000))) {
                kill(child_, SIGKILL);
                waitpid(child_, nullptr, 0);
            }
        }
        child_ = -1;
    }
    bool wait_for_exit(std::chrono::milliseconds limit) {
        auto deadline = Clock::now() + limit;
        while (Clock::now() < deadline) {
            if (waitpid(child_, nullptr, WNOHANG) == child_) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    pid_t child_;
};

}  // namespace

std::optional<fs::path> find_sim_script() {
    std::vector<fs::path> candidates;
    // Installed: beside the executable's prefix (PREFIX/bin/mpr -> PREFIX/share/mpytools/sim),
    // wherever `cmake --install --prefix` put it; then the build tree's sources; then the
    // configured install location.
    std::error_code exe_ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", exe_ec);
    if (!exe_ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "mpytools" / "sim" / "board.mjs");
    candidates.push_back(fs::path(MPYTOOLS_SOURCE_DIR) / "remote" / "sim" / "board.mjs");
    candidates.push_back(fs::path(MPYTOOLS_DATADIR) / "sim" / "board.mjs");
    for (const fs::path& p : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) return p;
    }
    return std::nullopt;
}

fs::path default_sim_dir(std::string_view xdg_cache_home, std::string_view home) {
    if (!xdg_cache_home.empty()) return fs::path(xdg_cache_home) / "mpytools" / "sim";
    if (!home.empty()) return fs::path(home) / ".cache" / "mpytools" / "sim";
    return fs::temp_directory_path() / "mpytools-sim";
}

std::unique_ptr<Transport> open_sim(const ConnectOptions& opts) {
    auto script = opts.sim_script.empty() ? find_sim_script() : std::optional<fs::path>(opts.sim_script);
    if (!script)
        throw DiagnosticError(Diagnostic{
            "error",
            "sim: board script not found (looked for $MPR_SIM_SCRIPT, " MPYTOOLS_SOURCE_DIR
            "/remote/sim/board.mjs and " MPYTOOLS_DATADIR "/sim/board.mjs)",
            {}});
    fs::path dir = opts.sim_dir.empty() ? default_sim_dir("", "") : fs::path(opts.sim_dir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw DiagnosticError(Diagnostic{"error", "sim: cannot create " + dir.string() + ": " + ec.message(), {}});
    const std::string& node = opts.node.empty() ? std::string("node") : opts.node;

    // The pty is raw from the start so that no byte of the protocol is cooked: no echo, no
    // CR/LF translation, and Ctrl-C is a byte, not SIGINT.
    termios raw{};
    cfmakeraw(&raw);
    int master = -1, slave = -1;
    if (openpty(&master, &slave, nullptr, &raw, nullptr) < 0) throw_system_error("sim: openpty", errno);
    std::string script_s = script->string(), dir_s = dir.string();
    pid_t pid = fork();
    if (pid < 0) {
        int err = errno;
        ::close(master);
        ::close(slave);
        throw_system_error("sim: fork", err);
    }
    if (pid == 0) {
        // Child: a session of its own with the pty as controlling terminal, stdin/stdout on it.
        setsid();
        ioctl(slave, TIOCSCTTY, 0);
        dup2(slave, 0);
        dup2(slave, 1);
        if (slave > 1) ::close(slave);
        ::close(master);
        signal(SIGINT, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        execlp(node.c_str(), node.c_str(), script_s.c_str(), "--state", dir_s.c_str(), (char*)nullptr);
        std::string msg = "mpr: sim: cannot run " + node + ": " + std::strerror(errno) + "\n";
        (void)!::write(2, msg.data(), msg.size());
        _exit(127);
    }
    ::close(slave);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    fd_set_nonblocking(master);
    return std::make_unique<SimTransport>(master, pid);
}

}  // namespace mpy
