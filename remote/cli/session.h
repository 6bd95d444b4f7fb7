// Session: the state that carries from one command to the next (mpremote's State) — the
// connection, whether the board is in the raw REPL, whether the automatic soft reset has been
// done — and the dispatch of parsed commands to the handlers the command table names
// (command_table.h).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "remote/board/board_fs.h"
#include "remote/cli/command_line.h"
#include "remote/mount/board_mount.h"
#include "remote/mount/mount_transport.h"
#include "remote/transport/board_return.h"
#include "remote/transport/connect_options.h"
#include "remote/protocol/raw_repl.h"
#include "remote/transport/transport.h"

namespace mpy {

struct SessionOptions {
    ConnectOptions connect;
    std::string default_device = "auto";   // used by the implicit connect
    std::chrono::milliseconds timeout{10000};  // every protocol wait
    std::optional<std::chrono::milliseconds> exec_timeout;  // silence limit for exec/run/eval
    bool no_raw_paste = false;
    // false (--no-reset-on-connect): no automatic soft reset when a connection first enters the
    // raw REPL, as if every connect were followed by `resume` (boards whose program must go on).
    bool reset_on_connect = true;
    bool compress = true;                  // deflate-compressed file transfers where worth it (--no-compress)
    bool trace_protocol = false;           // every byte to and from the board on stderr (MPR_DEBUG)
    AliasTable aliases;                    // built-in + user, for `help`
};

class Session {
public:
    explicit Session(SessionOptions opts);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Runs the commands in order; an implicit `repl` ends a sequence without actions, as in
    // mpremote.  Returns the exit status.
    int run(const std::vector<ParsedCommand>& commands);

    // --- for the command implementations ---
    const SessionOptions& options() const { return opts_; }
    void connect(const std::string& device);
    // `connect --password`: the WebREPL password for this and later connections.
    void set_webrepl_password(std::string password) { opts_.connect.webrepl_password = std::move(password); }
    void disconnect();
    bool connected() const { return transport_ != nullptr; }
    // The connected device's name as the user knows it (a port path, "sim"); "" when not connected.
    std::string device_name() const { return transport_ ? transport_->name() : std::string(); }
    // Connects if needed and enters the raw REPL; the first time (and after `disconnect`) the
    // board is soft-reset unless `resume` said otherwise.  `soft_reset` forces either way.
    RawRepl& raw(std::optional<bool> soft_reset = std::nullopt);
    // Connects if needed and leaves the raw REPL (for the interactive terminal).
    Transport& friendly();
    BoardFs& fs();
    void did_action() { did_action_ = true; }
    // `mount`: serves the folder at /remote from now on; every soft reset mounts it again.
    void mount(const mount::MountSettings& settings);
    void umount();
    bool mounted() const { return mount_settings_.has_value(); }
    // Text for stdout that mpremote holds in Python's text buffer when stdout is not a terminal:
    // the board's output (exec, eval, run, repl) is written past it at once, while mpremote's own
    // text lines (fs, df, ...) and its error messages come after it.  So it is printed before the
    // next command that prints text of mpr's own, before an error, or when the session ends.
    void print_at_exit(std::string text) { stdout_at_exit_ += text; }
    void print_held_text();
    void resume() { auto_soft_reset_ = false; }
    // The code just submitted restarts the board (machine.reset(), machine.bootloader()): the
    // next command that needs the board first waits for it to come back (on the same connection,
    // or, for a USB board that re-enumerates, on the port with the same VID:PID and serial
    // number) and for its prompt.
    void expect_restart();

private:
    int dispatch(const ParsedCommand& c);
    // Makes `t` the connection, with a fresh protocol state over it.
    void attach(std::unique_ptr<Transport> t);
    // Closes the connection and drops the protocol state over it (undoes attach).
    void detach();
    // See expect_restart.
    void await_restart();
    // The device an implicit connect opens: after `disconnect`, the one connected before
    // (mpremote connects to the first USB serial port instead, which is the same device when
    // one board is attached, but never a pty or a socket); else the default device.
    const std::string& implicit_device() const;
    SessionOptions opts_;
    std::string last_device_;  // as given to the last connect that succeeded
    std::unique_ptr<Transport> transport_;
    mount::MountTransport* mount_transport_ = nullptr;  // transport_ itself, seen as what it is
    std::optional<mount::MountSettings> mount_settings_;
    std::string stdout_at_exit_;
    std::unique_ptr<RawRepl> repl_;
    std::unique_ptr<BoardFs> fs_;
    bool auto_soft_reset_ = true;  // set from options().reset_on_connect
    std::optional<BoardIdentity> restarting_;  // set by expect_restart until the board is back
    bool did_action_ = false;
};

}  // namespace mpy
