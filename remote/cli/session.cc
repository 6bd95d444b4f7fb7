#include "remote/cli/session.h"

#include <cstdio>

#include "common/diagnostics.h"
#include "remote/cli/commands.h"
#include "remote/transport/connect.h"

namespace mpy {

Session::Session(SessionOptions opts) : opts_(std::move(opts)) {}

Session::~Session() {
    try {
        disconnect();
    } catch (...) {
        // Shutting down: a board that vanished cannot be told goodbye.
    }
}

void Session::connect(const std::string& device) {
    disconnect();
    transport_ = open_device(device, opts_.connect);
    repl_ = std::make_unique<RawRepl>(*transport_, opts_.timeout);
    if (opts_.no_raw_paste) repl_->disable_raw_paste();
    if (transport_->name() == "sim") {
        // The sim board reads its pty as fast as it can and the kernel applies back-pressure:
        // nothing is lost, so the plain raw REPL needs neither pacing nor raw-paste's flow
        // control, whose 128-byte windows cost a round trip each (3x slower for big files).
        repl_->set_paced_writes(false);
        repl_->disable_raw_paste();
    }
    fs_ = std::make_unique<BoardFs>(*repl_);
    fs_->notice = [](std::string_view text) {
        std::fflush(stdout);
        std::fprintf(stderr, "mpr: %.*s\n", static_cast<int>(text.size()), text.data());
    };
}

void Session::disconnect() {
    if (!transport_) return;
    try {
        if (repl_ && repl_->in_raw()) repl_->leave();
    } catch (const DiagnosticError&) {
        // The board may be gone already; closing is all that is left to do.
    }
    fs_.reset();
    repl_.reset();
    transport_->close();
    transport_.reset();
    auto_soft_reset_ = true;
}

RawRepl& Session::raw(std::optional<bool> soft_reset) {
    if (!transport_) connect(opts_.default_device);
    bool reset = soft_reset.value_or(auto_soft_reset_);
    if (reset || !repl_->in_raw()) {
        repl_->enter(reset);
        auto_soft_reset_ = false;
        // The capability probe stays valid: a soft reset does not change what the board has.
    }
    return *repl_;
}

Transport& Session::friendly() {
    if (!transport_) connect(opts_.default_device);
    if (repl_->in_raw()) repl_->leave();
    return *transport_;
}

BoardFs& Session::fs() {
    raw();
    return *fs_;
}

int Session::dispatch(const ParsedCommand& c) {
    const std::string& n = c.name;
    if (n == "connect") return cmd_connect(*this, c);
    if (n == "disconnect") {
        disconnect();
        return 0;
    }
    if (n == "resume") {
        resume();
        return 0;
    }
    if (n == "soft-reset") return cmd_soft_reset(*this, c);
    if (n == "exec" || n == "eval" || n == "run") return cmd_exec(*this, c);
    if (n == "fs") return cmd_fs(*this, c);
    if (n == "df") return cmd_df(*this, c);
    if (n == "edit") return cmd_edit(*this, c);
    if (n == "rtc") return cmd_rtc(*this, c);
    if (n == "sleep") return cmd_sleep(*this, c);
    if (n == "repl") return cmd_repl(*this, c);
    if (n == "mip") return cmd_mip(*this, c);
    if (n == "help") return cmd_help(*this, c);
    if (n == "version") return cmd_version(*this, c);
    throw DiagnosticError(Diagnostic{"error", "'" + n + "' is not supported by mpr", {}});
}

int Session::run(const std::vector<ParsedCommand>& commands) {
    for (const ParsedCommand& c : commands) {
        int status = dispatch(c);
        if (status != 0) return status;
    }
    if (!did_action_) return cmd_repl(*this, ParsedCommand{"repl", {}, {}});
    return 0;
}

}  // namespace mpy
