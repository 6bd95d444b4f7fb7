// The implementations of mpr's commands, one function per command family.  Each returns the
// exit status (0 or 1) or throws DiagnosticError; the command table (command_table.h) names
// them and the Session dispatches to them through it.
#pragma once

#include "remote/cli/command_line.h"
#include "remote/cli/session.h"

namespace mpy {

int cmd_connect(Session& s, const ParsedCommand& c);  // connect (incl. `connect list` = devs)
int cmd_disconnect(Session& s, const ParsedCommand& c);
int cmd_resume(Session& s, const ParsedCommand& c);
int cmd_exec(Session& s, const ParsedCommand& c);     // exec, eval, run
int cmd_soft_reset(Session& s, const ParsedCommand& c);
int cmd_rtc(Session& s, const ParsedCommand& c);
int cmd_sleep(Session& s, const ParsedCommand& c);
int cmd_fs(Session& s, const ParsedCommand& c);       // fs cat|cp|ls|mkdir|rm|rmdir|touch|tree|sha256sum
int cmd_df(Session& s, const ParsedCommand& c);
int cmd_edit(Session& s, const ParsedCommand& c);
int cmd_repl(Session& s, const ParsedCommand& c);
int cmd_mount(Session& s, const ParsedCommand& c);   // mount [-l] DIR
int cmd_umount(Session& s, const ParsedCommand& c);
// fs rm -r refuses to delete inside the mounted folder, as mpremote does.
void refuse_recursive_rm_in_mount(Session& s, const std::string& path);
int cmd_mip(Session& s, const ParsedCommand& c);      // mip install|list|uninstall|download
int cmd_sync(Session& s, const ParsedCommand& c);     // sync LOCAL_DIR [:REMOTE_DIR]
int cmd_watch(Session& s, const ParsedCommand& c);    // watch LOCAL_DIR [:REMOTE_DIR] [--run FILE | --reset]
int cmd_romfs(Session& s, const ParsedCommand& c);    // romfs query|build|deploy
// flash FILE.dfu|FILE.uf2 [--no-verify] [--drive PATH], flash --list
int cmd_flash(Session& s, const ParsedCommand& c);
int cmd_help(Session& s, const ParsedCommand& c);
int cmd_version(Session& s, const ParsedCommand& c);

// Writes bytes to stdout unbuffered-ish (flushes), for output streamed from the board.
void write_stdout(std::string_view data);

}  // namespace mpy
