// Entry point of mpyc: parses the command line and runs the driver with the real compiler.
// All behaviour lives in compiler/driver*.cc; this file only connects it to the process
// (argv, stdin/stdout/stderr, the terminal test, the CPU count) and to mpy::compile_to_mpy.
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <string>
#include <thread>
#include <vector>

#include "common/diagnostics.h"
#include "compiler/compiler.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/driver_io.h"
#include "compiler/driver/driver_options.h"
#include "mpytools_config.h"

namespace {

// Version plus the executable's size and mtime: a rebuilt mpyc invalidates --out-dir stamps.
std::string compiler_identity() {
    std::string id = "mpyc-" MPYTOOLS_VERSION;
    struct stat st {};
    if (::stat("/proc/self/exe", &st) == 0) {
        id += fmt::format("/{}/{}.{}", static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                          static_cast<long>(st.st_mtim.tv_nsec));
    }
    return id;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    mpy::ParseOutcome parsed = mpy::parse_command_line(args);
    switch (parsed.action) {
        case mpy::ParseAction::Version:
            mpy::write_all_to_fd(STDOUT_FILENO, mpy::version_text());
            return 0;
        case mpy::ParseAction::Usage:
            mpy::write_all_to_fd(STDOUT_FILENO, mpy::usage_text(argc > 0 ? argv[0] : "mpyc"));
            return 1;
        case mpy::ParseAction::Fail:
            mpy::write_all_to_fd(STDERR_FILENO, parsed.message);
            return 1;
        case mpy::ParseAction::Run:
            break;
    }

    mpy::DriverEnv env;
    env.compile = mpy::compile_to_mpy;
    env.write_stdout = [](std::string_view data) { mpy::write_all_to_fd(STDOUT_FILENO, data); };
    env.write_stderr = [](std::string_view data) { mpy::write_all_to_fd(STDERR_FILENO, data); };
    env.read_stdin = [] { return mpy::read_all_from_fd(STDIN_FILENO, "<stdin>"); };
    env.stderr_is_terminal = ::isatty(STDERR_FILENO) != 0;
    if (parsed.options.out_dir) env.compiler_identity = compiler_identity();
    // Counting CPUs reads /sys: skip it for the common one-file call, which never spawns threads.
    if (!parsed.options.is_single_compile()) env.default_jobs = std::max(1u, std::thread::hardware_concurrency());
    return mpy::run_driver(parsed.options, env);
}
