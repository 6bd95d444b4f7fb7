// connect, disconnect, resume, exec/eval/run, soft-reset, rtc, sleep, help, version.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>
#include <fmt/format.h>
#include <thread>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "mpytools_config.h"
#include "remote/board/lossy_line.h"
#include "remote/cli/command_table.h"
#include "remote/cli/commands.h"
#include "remote/transport/device_names.h"
#include "remote/transport/port_list.h"

namespace mpy {
namespace {
// Whether `code` restarts the board (mpremote's `reset` and `bootloader` shortcuts, or the same
// call written by hand): such code never ends with the raw REPL's end marker, so it is not
// followed, and the next command waits for the board to come back.
bool restarts_board(const std::string& code) {
    static const std::regex call(R"(\bmachine\.(reset|bootloader)\s*\()");
    return std::regex_search(code, call);
}
}  // namespace

void write_stdout(std::string_view data) {
    std::fwrite(data.data(), 1, data.size(), stdout);
    std::fflush(stdout);
}

int cmd_connect(Session& s, const ParsedCommand& c) {
    const std::string& dev = c.args.at(0);
    if (dev == "list") {
        s.disconnect();
        for (const PortInfo& p : list_serial_ports()) std::printf("%s\n", format_port_line(p).c_str());
        std::fflush(stdout);
        s.did_action();
        return 0;
    }
    // A WebREPL password given here serves this connection and the reconnections after a reset.
    if (c.options.count("password") && !c.value("password").empty()) s.set_webrepl_password(c.value("password"));
    s.connect(dev);
    return 0;
}

int cmd_disconnect(Session& s, const ParsedCommand&) {
    s.disconnect();
    return 0;
}

int cmd_resume(Session& s, const ParsedCommand&) {
    s.resume();
    return 0;
}

int cmd_exec(Session& s, const ParsedCommand& c) {
    std::string code;
    bool follow = true;
    if (c.name == "eval") {
        code = "print(" + c.args.at(0) + ")";
    } else if (c.name == "exec") {
        code = c.args.at(0);
        follow = c.flag("follow", true);
    } else {  // run
        try {
            code = read_file(c.args.at(0));
        } catch (const DiagnosticError&) {
            raise_error("could not read file '" + c.args.at(0) + "'");
        }
        follow = c.flag("follow", true);
    }
    RawRepl& r = s.raw();
    s.did_action();
    if (restarts_board(code)) {
        LossyLineRunner(r).run_user_code(code, false, write_stdout, s.options().exec_timeout);
        s.expect_restart();
        return 0;
    }
    ExecOutcome o = LossyLineRunner(r).run_user_code(code, follow, write_stdout, s.options().exec_timeout);
    if (!o.error_output.empty()) {
        // mpremote prints the traceback on stdout, after the output, and exits 1; scripts that
        // capture `mpremote exec` output rely on finding it there, so mpr does the same.
        write_stdout(o.error_output);
        return 1;
    }
    return o.interrupted ? 1 : 0;
}

int cmd_soft_reset(Session& s, const ParsedCommand&) {
    s.raw(true);
    s.did_action();
    return 0;
}

int cmd_rtc(Session& s, const ParsedCommand& c) {
    RawRepl& r = s.raw();
    s.did_action();
    if (c.flag("set")) {
        auto now = std::chrono::system_clock::now();
        std::time_t t = std::chrono::system_clock::to_time_t(now);
        std::tm tm{};
        localtime_r(&t, &tm);
        long us = static_cast<long>(std::chrono::duration_cast<std::chrono::microseconds>(
                                        now.time_since_epoch()).count() % 1000000);
        // machine.RTC().datetime() takes (year, month, day, weekday (Monday = 0), hour, minute,
        // second, subseconds).
        int weekday = (tm.tm_wday + 6) % 7;
        r.exec(fmt::format("import machine\nmachine.RTC().datetime(({}, {}, {}, {}, {}, {}, {}, {}))",
                           tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, weekday, tm.tm_hour,
                           tm.tm_min, tm.tm_sec, us));
    } else {
        write_stdout(r.exec("import machine\nprint(machine.RTC().datetime())"));
    }
    return 0;
}

int cmd_sleep(Session&, const ParsedCommand& c) {
    double secs = 0;
    try {
        std::size_t used = 0;
        secs = std::stod(c.args.at(0), &used);
        if (used != c.args[0].size() || secs < 0) throw std::invalid_argument("");
    } catch (const std::exception&) {
        raise_error("sleep: expected a number of seconds, got '" + c.args.at(0) + "'");
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(secs));
    return 0;
}

int cmd_help(Session& s, const ParsedCommand&) {
    s.did_action();
    std::string out = "mpr -- MicroPython remote control (mpremote-compatible), part of mpytools\n"
                      "See `man mpr` and https://docs.micropython.org/en/latest/reference/mpremote.html\n"
                      "\nList of commands:\n";
    auto cmds = command_descriptions();
    std::size_t w = 0;
    for (auto& [n, h] : cmds) w = std::max(w, n.size());
    for (auto& [n, h] : cmds) out += fmt::format("  {:<{}}  {}\n", n, w, h);
    out += "\nList of shortcuts:\n";
    w = 0;
    for (auto& [n, a] : s.options().aliases) w = std::max(w, n.size());
    for (auto& [n, a] : s.options().aliases) {
        std::string exp;
        for (const std::string& word : a.expansion) exp += (exp.empty() ? "" : " ") + word;
        out += fmt::format("  {:<{}}  {}\n", n, w, a.help.empty() ? exp : a.help);
    }
    out += "\nGlobal options (before the first command):\n"
           "  --baud N, --baudrate N   serial line speed (default 115200; config \"baud\")\n"
           "  --dtr on|off, --rts on|off   modem lines after opening (default: both on)\n"
           "  -d, --device DEV      device for the implicit connect ($MPR_DEVICE, config, auto)\n"
           "  --sim-dir DIR         files of the `sim` board (default ~/.cache/mpytools/sim)\n"
           "  --timeout S           limit for every protocol wait (default 10)\n"
           "  --exec-timeout S      give up when exec/run/eval output is silent this long\n"
           "  --no-raw-paste        never use raw-paste mode\n"
           "  --no-compress         never send files deflate-compressed\n"
           "  --no-reset-on-connect no automatic soft reset on connecting (as `resume`)\n"
           "\nWebREPL boards: connect ws://HOST:PORT --password PW ($MPR_WEBREPL_PASSWORD, config\n"
           "\"webrepl_password\").\n"
           "\nConfiguration: $MPR_CONFIG or ~/.config/mpr/config.json (aliases, device, baud, dtr, rts,\n"
           "reset_on_connect, webrepl_password).\n";
    write_stdout(out);
    return 0;
}

int cmd_version(Session& s, const ParsedCommand&) {
    s.did_action();
    write_stdout("mpr " MPYTOOLS_VERSION "\n");
    return 0;
}

}  // namespace mpy
