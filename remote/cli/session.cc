#include "remote/cli/session.h"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

#include "common/diagnostics.h"
#include "remote/cli/command_table.h"
#include "remote/transport/connect.h"
#include "remote/transport/device_names.h"
#include "remote/transport/file_channel.h"
#include "remote/transport/transport_errors.h"

namespace mpy {

Session::Session(SessionOptions opts) : opts_(std::move(opts)), auto_soft_reset_(opts_.reset_on_connect) {}

Session::~Session() {
    try {
        disconnect();
    } catch (...) {
        // Shutting down: a board that vanished cannot be told goodbye.
    }
    print_held_text();
}

void Session::print_held_text() {
    if (stdout_at_exit_.empty()) return;
    std::fwrite(stdout_at_exit_.data(), 1, stdout_at_exit_.size(), stdout);
    std::fflush(stdout);
    stdout_at_exit_.clear();
}

void Session::connect(const std::string& device) {
    disconnect();
    attach(open_device(device, opts_.connect));
    last_device_ = device;
}

void Session::attach(std::unique_ptr<Transport> t) {
    // A link with its own file transfer (WebREPL's records) moves the bytes of `fs cp` & co.
    auto* channel = dynamic_cast<FileChannel*>(t.get());
    // Every connection reads through the mount's filter, a plain pass-through until `mount`.
    auto filtered = std::make_unique<mount::MountTransport>(std::move(t));
    mount_transport_ = filtered.get();
    transport_ = std::move(filtered);
    RawReplOptions repl_opts{opts_.timeout, !opts_.no_raw_paste, {}};
    if (opts_.trace_protocol)
        repl_opts.trace = [](std::string_view line) {
            std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
        };
    repl_ = std::make_unique<RawRepl>(*transport_, std::move(repl_opts));
    fs_ = std::make_unique<BoardFs>(*repl_);
    fs_->set_compression(opts_.compress);
    fs_->set_file_channel(channel);
    fs_->notice = [](std::string_view text) {
        std::fflush(stdout);
        std::fprintf(stderr, "mpr: %.*s\n", static_cast<int>(text.size()), text.data());
    };
}

void Session::detach() {
    fs_.reset();
    repl_.reset();
    transport_->close();
    mount_transport_ = nullptr;
    transport_.reset();
}

const std::string& Session::implicit_device() const {
    return last_device_.empty() ? opts_.default_device : last_device_;
}

void Session::expect_restart() {
    if (!transport_) return;
    // Looked up now, while the port is still there: a USB board's goes away as it restarts.
    DeviceName d = parse_device_name(last_device_);
    const bool serial = d.kind == DeviceKind::automatic || d.kind == DeviceKind::serial_number ||
                        d.kind == DeviceKind::usb_id || d.kind == DeviceKind::path;
    restarting_ = identify_board(last_device_, transport_->name(),
                                 serial ? list_serial_ports() : std::vector<PortInfo>{});
}

void Session::await_restart() {
    BoardIdentity who = std::move(*restarting_);
    restarting_.reset();
    repl_->board_restarted();
    // A restarted board is as fresh as a soft reset makes it; only a mount must be set up again.
    auto_soft_reset_ = mount_settings_.has_value();
    try {
        RawRepl::BootOutput boot = repl_->await_prompt(opts_.timeout);
        if (boot.prompt || !boot.text.empty()) return;  // back (a busy main.py is stopped by enter())
        throw DiagnosticError(Diagnostic{
            "error",
            fmt::format("the board on {} did not come back after it restarted: it sent nothing for {:.1f} s",
                        transport_->name(), opts_.timeout.count() / 1000.0),
            {}});
    } catch (const ConnectionLost&) {
        // A USB board: its port went away; it comes back as a new device.
    }
    detach();
    BoardOpener opener;
    opener.open = [this](const std::string& device) { return open_device(device, opts_.connect); };
    attach(reopen_board(who, opener, opts_.timeout));
    try {
        // Its banner may have gone out before the port was open; a prompt or silence will do.
        repl_->await_prompt(std::chrono::milliseconds(500));
    } catch (const ConnectionLost&) {
        throw DiagnosticError(Diagnostic{"error", "the board (" + who.describe() + ") went away again after it restarted", {}});
    }
}

void Session::disconnect() {
    if (!transport_) return;
    if (restarting_) {
        // The board is restarting: nothing of ours is left on it to undo.
        restarting_.reset();
        mount_settings_.reset();
        repl_->board_restarted();
    }
    try {
        if (mount_settings_) {
            // As mpremote: the board must not keep a mount whose host has gone.
            mount_settings_.reset();
            if (!repl_->in_raw()) repl_->enter(false);
            mount::unmount_folder(*repl_, *mount_transport_);
        }
        if (repl_ && repl_->in_raw()) repl_->leave();
    } catch (const DiagnosticError&) {
        // The board may be gone already; closing is all that is left to do.
    }
    detach();
    auto_soft_reset_ = opts_.reset_on_connect;
}

RawRepl& Session::raw(std::optional<bool> soft_reset) {
    if (!transport_) connect(implicit_device());
    if (restarting_) await_restart();
    bool reset = soft_reset.value_or(auto_soft_reset_);
    if (reset || !repl_->in_raw()) {
        repl_->enter(reset);
        auto_soft_reset_ = false;
        // A soft reset took the mount away: give it back (mpremote loses it).
        if (reset && mount_settings_) mount::mount_folder(*repl_, *mount_transport_, *mount_settings_);
        // The capability probe stays valid: a soft reset does not change what the board has.
    }
    return *repl_;
}

Transport& Session::friendly() {
    if (!transport_) connect(implicit_device());
    if (restarting_) await_restart();
    if (repl_->in_raw()) repl_->leave();
    return *transport_;
}

BoardFs& Session::fs() {
    raw();
    return *fs_;
}

void Session::mount(const mount::MountSettings& settings) {
    RawRepl& r = raw();
    mount_settings_.reset();  // an earlier mount is replaced, or gone if this one fails
    mount::mount_folder(r, *mount_transport_, settings);
    mount_settings_ = settings;
}

void Session::umount() {
    if (!mount_settings_) return;
    mount_settings_.reset();
    mount::unmount_folder(raw(), *mount_transport_);
}

int Session::dispatch(const ParsedCommand& c) {
    const CommandSpec* spec = find_command(c.name);
    if (!spec) throw DiagnosticError(Diagnostic{"error", "internal: no command '" + c.name + "'", {}});
    // The board's output passes held text (print_at_exit); mpr's own text lines do not.
    if (!spec->prints_board_output) print_held_text();
    return spec->handler(*this, c);
}

int Session::run(const std::vector<ParsedCommand>& commands) {
    for (const ParsedCommand& c : commands) {
        int status = dispatch(c);
        if (status != 0) return status;
    }
    if (!did_action_) return dispatch(ParsedCommand{"repl", {}, {}});
    return 0;
}

}  // namespace mpy
