// sync and watch: the command line of remote/sync/ (a host folder mirrored onto the board by
// sha256; with watch, again on every change, then the program re-run or the board soft-reset).
#include <cstdio>
#include <filesystem>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "remote/cli/commands.h"
#include "remote/cli/progress.h"
#include "remote/protocol/host_interrupt.h"
#include "remote/protocol/wire_codec.h"
#include "remote/sync/board_program.h"
#include "remote/sync/board_sync.h"
#include "remote/sync/change_monitor.h"
#include "remote/sync/deferred_sigint.h"
#include "remote/sync/host_watcher.h"

namespace mpy {
namespace {

void say(const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

void report_error(const DiagnosticError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "mpr: %s\n", e.diagnostic().message.c_str());
}

sync::SyncRequest request_of(const ParsedCommand& c) {
    sync::SyncRequest r;
    r.local_dir = c.args.at(0);
    std::string remote = c.args.size() > 1 ? c.args[1] : ":";
    if (remote.empty() || remote[0] != ':')
        throw DiagnosticError(Diagnostic{"error", c.name + ": the board folder is written with a ':' (':', ':/lib'), not '" + remote + "'", {}});
    r.remote_dir = remote.substr(1);
    std::string excludes = c.value("exclude");
    for (std::size_t start = 0; !excludes.empty() && start <= excludes.size();) {
        std::size_t nl = excludes.find('\n', start);
        r.excludes.push_back(excludes.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    r.delete_extra = c.flag("delete");
    r.compile = c.flag("compile");
    r.dry_run = c.flag("dry-run");
    return r;
}

sync::SyncReport sync_once(Session& s, const sync::SyncRequest& request) {
    sync::BoardSync syncer(s.raw(), s.fs());
    ProgressBar bar("sync", stderr_is_terminal());
    sync::SyncReport report = syncer.run(request, say, [&](std::size_t d, std::size_t t) { bar.update(d, t); });
    bar.finish();
    return report;
}

// The code `watch --run FILE` runs: FILE as given, else FILE in LOCAL_DIR; read again every time.
std::string program_code(const std::string& file, const std::filesystem::path& local_dir) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::exists(file, ec) ? std::filesystem::path(file) : local_dir / file;
    return read_file(p);
}

}  // namespace

int cmd_sync(Session& s, const ParsedCommand& c) {
    s.did_action();
    sync::SyncRequest request = request_of(c);
    sync::SyncReport report = sync_once(s, request);
    say(report.summary());
    return 0;
}

// Syncs, then loops: run the program (or soft-reset) and stream its output until the host folder
// changes, sync the change.  Host Ctrl-C ends it with status 0, as mpremote's repl ends.
int cmd_watch(Session& s, const ParsedCommand& c) {
    s.did_action();
    sync::SyncRequest request = request_of(c);
    const std::string run_file = c.value("run");
    const bool reset = c.flag("reset");
    // The program runs in the board folder (its imports and files are there): a relative folder
    // is made absolute first, so that changing into it does not move the next sync.
    std::string program_dir;
    if (!run_file.empty() && s.fs().caps().has_directories()) {
        if (request.remote_dir.empty() || request.remote_dir[0] != '/')
            request.remote_dir = remote_join(s.fs().getcwd(), request.remote_dir);
        program_dir = request.remote_dir;
    }
    InterruptWatch ctrl_c;  // for the whole watch: Ctrl-C only counts, and is looked at between steps
    // Watching starts before the first sync, so that an edit made while it runs is not missed.
    sync::HostWatcher watcher(request.local_dir, sync::ExcludeRules(request.excludes));
    sync::ChangeMonitor monitor(watcher);
    bool first = true, first_run = true;
    while (ctrl_c.presses() == 0) {
        try {
            // A Ctrl-C during the sync ends the watch once the sync is done (its waits must not
            // be cut short).
            sync::DeferredSigint deferred;
            sync::SyncReport report = sync_once(s, request);
            if (first || report.sent || report.deleted) say(report.summary());
        } catch (const RemoteExecError&) {
            throw;  // the board failed: nothing sensible to wait for
        } catch (const DiagnosticError& e) {
            // A file that does not compile, a folder that went away: say so and wait for the fix.
            report_error(e);
            while (ctrl_c.presses() == 0 && !monitor.take_change(std::chrono::milliseconds(100))) {
            }
            continue;
        }
        first = false;
        if (ctrl_c.presses() > 0) break;  // pressed during the sync
        bool changed = false;
        if (!run_file.empty()) {
            std::string code;
            try {
                code = program_code(run_file, request.local_dir);
            } catch (const DiagnosticError& e) {
                report_error(e);
            }
            if (!code.empty()) {
                // A fresh interpreter for every run: modules imported by the last run would
                // otherwise be taken from sys.modules instead of the files just synced.
                RawRepl& r = s.raw(/*soft_reset=*/!first_run);
                first_run = false;
                if (!program_dir.empty()) r.exec("import os\nos.chdir(" + py_str(program_dir) + ")\ndel os\n");
                changed = sync::run_program_until_change(r, code, monitor, write_stdout);
            }
        } else if (reset) {
            changed = sync::reset_and_stream_until_change(
                s.friendly(), monitor, [&] { return ctrl_c.presses() > 0; }, write_stdout);
        }
        while (!changed && ctrl_c.presses() == 0) changed = monitor.take_change(std::chrono::milliseconds(100));
        if (changed) monitor.take_change(std::chrono::milliseconds(0));
    }
    say("watch: stopped");
    return 0;
}

}  // namespace mpy
