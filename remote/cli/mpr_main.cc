// Entry point of mpr: parses the global options (CLI11), hands the command sequence to the
// library, renders errors.  No logic of its own.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <csignal>

#include "common/diagnostics.h"
#include "remote/cli/command_line.h"
#include "remote/cli/session.h"
#include "remote/cli/user_config.h"

namespace {

std::optional<bool> on_off(const std::string& v, const char* what) {
    if (v.empty()) return std::nullopt;
    if (v == "on" || v == "1" || v == "true") return true;
    if (v == "off" || v == "0" || v == "false") return false;
    throw mpy::DiagnosticError(mpy::Diagnostic{"error", std::string(what) + " must be on or off, not '" + v + "'", {}});
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"mpr -- MicroPython remote control (mpremote-compatible)", "mpr"};
    app.prefix_command();
    app.set_help_flag();  // `--help` is mpremote's alias for the `help` command
    int baud = 0;
    std::string dtr, rts, sim_dir, device;
    double timeout = 10, exec_timeout = 0;
    bool no_raw_paste = false, help = false, version = false;
    app.add_option("--baud", baud, "serial line speed (default 115200, or \"baud\" in the config file)");
    app.add_option("--dtr", dtr, "DTR line after opening: on|off (default on)");
    app.add_option("--rts", rts, "RTS line after opening: on|off (default on)");
    app.add_option("--sim-dir", sim_dir, "where `connect sim` keeps the virtual board's files");
    app.add_option("-d,--device", device, "device for the implicit connect (default $MPR_DEVICE, the config file, or auto)");
    app.add_option("--timeout", timeout, "seconds to wait for the board at each protocol step (default 10)");
    app.add_option("--exec-timeout", exec_timeout, "give up when exec/run/eval output stays silent this many seconds (default: wait forever)");
    app.add_flag("--no-raw-paste", no_raw_paste, "never use raw-paste mode");
    app.add_flag("--help", help, "print help and exit");
    app.add_flag("--version", version, "print version and exit");
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
        opts.connect.dtr = on_off(dtr, "--dtr");
        opts.connect.rts = on_off(rts, "--rts");
        opts.connect.sim_dir = sim_dir;
        const char* env_dev = std::getenv("MPR_DEVICE");
        if (!env_dev || !*env_dev) env_dev = std::getenv("MPREMOTE_DEVICE");
        if (!device.empty()) opts.default_device = device;
        else if (env_dev && *env_dev) opts.default_device = env_dev;
        else if (!config.device.empty()) opts.default_device = config.device;
        opts.timeout = std::chrono::milliseconds(static_cast<long>(timeout * 1000));
        if (exec_timeout > 0) opts.exec_timeout = std::chrono::milliseconds(static_cast<long>(exec_timeout * 1000));
        opts.no_raw_paste = no_raw_paste;
        const char* debug = std::getenv("MPR_DEBUG");
        opts.trace_protocol = debug && *debug && std::string(debug) != "0";
        opts.aliases = aliases;

        mpy::Session session(std::move(opts));
        return session.run(commands);
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
