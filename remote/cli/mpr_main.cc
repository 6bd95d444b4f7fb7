// Entry point of mpr: parses the global options (CLI11), hands the command sequence to the
// library, renders errors.  No logic of its own.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <csignal>
#include <sys/ioctl.h>
#include <unistd.h>

#include "common/diagnostics.h"
#include "remote/cli/command_arguments.h"
#include "remote/cli/command_line.h"
#include "remote/cli/command_usage.h"
#include "remote/cli/session.h"
#include "remote/config/user_config.h"
#include "remote/transport/sim_transport.h"

namespace {

std::optional<bool> on_off(const std::string& v, const char* what) {
    if (v.empty()) return std::nullopt;
    if (v == "on" || v == "1" || v == "true") return true;
    if (v == "off" || v == "0" || v == "false") return false;
    throw mpy::DiagnosticError(mpy::Diagnostic{"error", std::string(what) + " must be on or off, not '" + v + "'", {}});
}

// The value of an environment variable, "" when unset.  The library reads none: the settings
// they hold are passed in through SessionOptions.
std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// The terminal width argparse wraps usage texts to (Python's shutil.get_terminal_size): $COLUMNS,
// else stdout's terminal, else 80.
int terminal_columns() {
    try {
        if (int c = std::stoi(env("COLUMNS")); c > 0) return c;
    } catch (const std::exception&) {
    }
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return mpy::kDefaultTerminalColumns;
}

mpy::CommandSyntax syntax_of(const std::string& command) { return mpy::command_syntax(*mpy::find_command(command)); }

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"mpr -- MicroPython remote control (mpremote-compatible)", "mpr"};
    app.prefix_command();
    app.set_help_flag();  // `--help` is mpremote's alias for the `help` command
    int baud = 0;
    std::string dtr, rts, sim_dir, device;
    double timeout = 10, exec_timeout = 0;
    bool no_raw_paste = false, no_compress = false, no_reset_on_connect = false, help = false, version = false;
    // What they do is told once, by `help` (cmd_help); CLI11 never prints a help of its own.
    app.add_option("--baud,--baudrate", baud);
    app.add_option("--dtr", dtr);
    app.add_option("--rts", rts);
    app.add_option("--sim-dir", sim_dir);
    app.add_option("-d,--device", device);
    app.add_option("--timeout", timeout);
    app.add_option("--exec-timeout", exec_timeout);
    app.add_flag("--no-raw-paste", no_raw_paste);
    app.add_flag("--no-compress", no_compress);
    app.add_flag("--no-reset-on-connect", no_reset_on_connect);
    app.add_flag("--help", help);
    app.add_flag("--version", version);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    std::vector<std::string> args = app.remaining();
    if (help) args.insert(args.begin(), "help");
    if (version) args.insert(args.begin(), "version");

    // A board write to a closed pipe (`mpr exec ... | head`) must be an error, not a death.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        mpy::UserConfig config = mpy::load_configuration();
        mpy::AliasTable aliases = mpy::builtin_aliases();
        for (auto& [name, alias] : config.aliases) aliases[name] = alias;
        std::vector<mpy::ParsedCommand> commands = mpy::parse_commands(args, aliases);

        mpy::SessionOptions opts;
        opts.connect.baud = baud ? baud : config.baud.value_or(115200);
        opts.connect.dtr = dtr.empty() ? config.dtr : on_off(dtr, "--dtr");
        opts.connect.rts = rts.empty() ? config.rts : on_off(rts, "--rts");
        if (baud < 0) throw mpy::DiagnosticError(mpy::Diagnostic{"error", "--baud must be a positive number", {}});
        opts.reset_on_connect = !no_reset_on_connect && config.reset_on_connect;
        opts.connect.sim_dir = !sim_dir.empty() ? sim_dir : mpy::default_sim_dir(env("XDG_CACHE_HOME"), env("HOME")).string();
        opts.connect.sim_script = env("MPR_SIM_SCRIPT");
        if (!env("MPR_NODE").empty()) opts.connect.node = env("MPR_NODE");
        opts.connect.webrepl_password =
            !env("MPR_WEBREPL_PASSWORD").empty() ? env("MPR_WEBREPL_PASSWORD") : config.webrepl_password;
        std::string env_dev = !env("MPR_DEVICE").empty() ? env("MPR_DEVICE") : env("MPREMOTE_DEVICE");
        if (!device.empty()) opts.default_device = device;
        else if (!env_dev.empty()) opts.default_device = env_dev;
        else if (!config.device.empty()) opts.default_device = config.device;
        opts.timeout = std::chrono::milliseconds(static_cast<long>(timeout * 1000));
        opts.connect.webrepl_timeout = opts.timeout;
        if (exec_timeout > 0) opts.exec_timeout = std::chrono::milliseconds(static_cast<long>(exec_timeout * 1000));
        opts.no_raw_paste = no_raw_paste;
        opts.compress = !no_compress;
        opts.trace_protocol = !env("MPR_DEBUG").empty() && env("MPR_DEBUG") != "0";
        opts.aliases = aliases;

        mpy::Session session(std::move(opts));
        return session.run(commands);
    } catch (const mpy::UsageError& e) {
        // As argparse: the command's usage, the message, status 2.
        std::fflush(stdout);
        std::fprintf(stderr, "%s%s: error: %s\n", mpy::format_usage(syntax_of(e.command()), terminal_columns()).c_str(),
                     e.command().c_str(), e.message().c_str());
        return 2;
    } catch (const mpy::HelpRequested& e) {
        std::printf("%s\n%s\n", mpy::format_usage(syntax_of(e.command()), terminal_columns()).c_str(),
                    mpy::find_command(e.command())->help.c_str());
        return 0;
    } catch (const mpy::DiagnosticError& e) {
        std::fflush(stdout);
        const mpy::Diagnostic& d = e.diagnostic();
        // "FILE[:LINE]: [KIND: ]message": the line for a configuration file's error, the kind when
        // it is a Python one (a SyntaxError in mpremote's config.py).
        std::string where = d.where.file.empty() ? "" : d.where.file + (d.where.line > 0 ? ":" + std::to_string(d.where.line) : "") + ": ";
        if (d.kind != "error") where += d.kind + ": ";
        std::fprintf(stderr, "mpr: %s%s\n", where.c_str(), d.message.c_str());
        return 1;
    }
}
