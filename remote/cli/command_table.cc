#include "remote/cli/command_table.h"

#include <algorithm>

#include "remote/cli/commands.h"

namespace mpy {
namespace {

// "fs ls" and "fs tree" list the current directory when no path is given: as mpremote, an empty
// path is added when the words up to the next '+' start with ls/tree and hold no other word that
// is not an option.
void default_fs_listing_path(std::vector<std::string>& words) {
    if (words.empty() || (words[0] != "ls" && words[0] != "tree")) return;
    auto not_option = [](const std::string& w) { return w.empty() || w[0] != '-'; };
    if (std::count_if(words.begin(), words.end(), not_option) == 1) words.push_back("");
}

// mpr's `mip list` (not in mpremote) lists every installed package when given none: its words get
// the package "*", so that mpremote's syntax for mip (one package at least) holds for it too.
void default_mip_list_packages(std::vector<std::string>& words) {
    auto not_option = [](const std::string& w) { return w.empty() || w[0] != '-'; };
    auto first = std::find_if(words.begin(), words.end(), not_option);
    if (first != words.end() && *first == "list" && std::count_if(words.begin(), words.end(), not_option) == 1)
        words.push_back("*");
}

// sync and watch take the board folder only when it is written as one (":", ":lib"): a word after
// LOCAL_DIR that does not start with ':' starts the next command, so ":" is put before it
// (`sync src exec "import main"` syncs to the working directory, then runs the exec).
void default_sync_remote_dir(std::vector<std::string>& words) {
    auto takes_value = [](const std::string& w) {
        if (w.find('=') != std::string::npos) return false;
        auto prefix_of = [&](const std::string& full, std::size_t shortest) {
            return w.size() >= shortest && full.compare(0, w.size(), w) == 0;
        };
        return prefix_of("--exclude", 3) || prefix_of("--run", 4);
    };
    int positionals = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "--") return;
        if (!w.empty() && w[0] == '-') {
            if (takes_value(w)) ++i;
            continue;
        }
        if (++positionals == 2) {
            if (w.empty() || w[0] != ':') words.insert(words.begin() + static_cast<long>(i), ":");
            return;
        }
    }
}

// mpr's `flash FILE --drive PATH --no-verify`: flash's options may follow its file (a command
// with one argument otherwise ends at that argument), so they are moved in front of it.
void flash_options_first(std::vector<std::string>& words) {
    if (words.empty() || (!words[0].empty() && words[0][0] == '-')) return;
    std::size_t end = 1;
    while (end < words.size()) {
        const std::string& w = words[end];
        if (w == "--drive" && end + 1 < words.size()) end += 2;
        else if (w.rfind("--drive=", 0) == 0 || w == "--no-verify" || w == "--verify" || w == "--list" || w == "-l")
            end += 1;
        else
            break;
    }
    std::rotate(words.begin(), words.begin() + 1, words.begin() + static_cast<std::ptrdiff_t>(end));
}

// mpr's `connect ws://HOST:PORT --password PW`: the password may follow the device (a command
// with one argument otherwise ends at that argument), so it is moved in front of it.
void connect_password_first(std::vector<std::string>& words) {
    if (words.empty() || (!words[0].empty() && words[0][0] == '-')) return;
    std::size_t end = 1;
    if (end + 1 < words.size() && words[end] == "--password") end += 2;
    else if (end < words.size() && words[end].rfind("--password=", 0) == 0) end += 1;
    std::rotate(words.begin(), words.begin() + 1, words.begin() + static_cast<std::ptrdiff_t>(end));
}

std::vector<CommandSpec> make_table() {
    using Count = PositionalSpec::Count;
    constexpr bool kBoardOutput = true;  // CommandSpec::prints_board_output
    const std::vector<OptionSpec> follow = {{"follow", 'f', false, true, "1"}};
    const OptionSpec mpy_files = {"mpy", 'm', false, true, "1"};
    auto sync_options = [](bool watch) {
        std::vector<OptionSpec> o = {{"delete", 0, false, false, "0"},
                                     {"exclude", 0, true, false, "", "", ValueKind::text, "PATTERN", true},
                                     {"compile", 0, false, true, "0"}};
        if (watch) {
            o.push_back({"run", 0, true, false, "", "after", ValueKind::text, "FILE"});
            o.push_back({"reset", 0, false, false, "0", "after"});
        } else {
            o.push_back({"dry-run", 'n', false, false, "0"});
        }
        return o;
    };
    return {
        {"connect", {{"password", 0, true, false, "", "", ValueKind::text, "PW", false, true}}, 1, false,
         "connect to given device (list, auto, id:SERIAL, usb:VID:PID, port:PATH, socket://HOST:PORT, ws://HOST:PORT, sim, or a path)",
         cmd_connect, nullptr, {{"device"}}, connect_password_first},
        {"disconnect", {}, 0, false, "disconnect current device", cmd_disconnect},
        {"resume", {}, 0, false, "resume a previous session (will not auto soft-reset)", cmd_resume},
        {"soft-reset", {}, 0, false, "perform a soft-reset of the device", cmd_soft_reset},
        {"repl",
         {{"escape-non-printable", 'e', false, true, "0"},
          {"capture", 0, true, false, ""},
          {"inject-code", 0, true, false, ""},
          {"inject-file", 0, true, false, ""}},
         0, false, "enter the REPL (Ctrl-] or Ctrl-x leaves)", cmd_repl, nullptr, {}, nullptr, false, kBoardOutput},
        {"eval", {}, 1, false, "evaluate and print the string", cmd_exec, nullptr, {{"expr"}}, nullptr, false,
         kBoardOutput},
        {"exec", follow, 1, false, "execute the string", cmd_exec, nullptr, {{"expr"}}, nullptr, false, kBoardOutput},
        {"run", follow, 1, false, "run the given local script", cmd_exec, nullptr, {{"path"}}, nullptr, false,
         kBoardOutput},
        {"fs",
         {{"recursive", 'r', false, true, "0"},
          {"force", 'f', false, true, "0"},
          {"verbose", 'v', false, true, ""},
          {"size", 's', false, false, "0", "size format"},
          {"human", 'h', false, false, "0", "size format"}},
         2, true, "execute filesystem commands on the device (" + fs_command_list() + ")", cmd_fs,
         nullptr, {{"command"}, {"path", Count::one_or_more}}, default_fs_listing_path},
        {"df", {}, 0, false, "show the size, used and free space of the device's file systems", cmd_df},
        {"edit", {}, 1, true, "edit files on the device with $EDITOR", cmd_edit, nullptr,
         {{"files", Count::one_or_more}}},
        {"rtc", {{"set", 's', false, true, "0"}}, 0, false, "get (default) or set the device RTC", cmd_rtc},
        {"sleep", {}, 1, false, "sleep (seconds) before executing the next command", cmd_sleep, nullptr,
         {{"ms", Count::one, ValueKind::real}}},
        {"mount", {{"unsafe-links", 'l', false, true, "0"}}, 1, false, "mount a local directory on the device at /remote",
         cmd_mount, nullptr, {{"path"}}},
        {"umount", {}, 0, false, "unmount the local directory", cmd_umount},
        // mpremote's mip options, then mpr's own.
        {"mip",
         {mpy_files,
          {"target", 0, true, false, ""},
          {"index", 0, true, false, ""},
          {"compile", 0, false, true, ""},
          {"dry-run", 'n', false, false, "0"},
          {"output", 'o', true, false, ""},
          {"mpy-version", 0, true, false, ""},
          {"cacert", 0, true, false, ""}},
         2, true, "install packages (install|list|uninstall|download; see man mpr)", cmd_mip, nullptr,
         {{"command"}, {"packages", Count::one_or_more}}, default_mip_list_packages},
        {"sync", sync_options(false), 1, false,
         "copy a local folder to the device, sending only what changed (sha256; see man mpr)", cmd_sync, nullptr,
         {{"local_dir"}, {"remote_dir", Count::optional}}, default_sync_remote_dir},
        {"watch", sync_options(true), 1, false,
         "sync a local folder, then again on every change, re-running a program (--run FILE) or soft-resetting",
         cmd_watch, nullptr, {{"local_dir"}, {"remote_dir", Count::optional}}, default_sync_remote_dir},
        {"romfs",
         {mpy_files, {"partition", 'p', true, false, "0", "", ValueKind::integer}, {"output", 'o', true, false, ""}},
         1, false, "manage ROM partitions (query, build DIR [-o FILE], deploy DIR|FILE [-p N]; see man mpr)", cmd_romfs,
         nullptr, {{"command"}, {"path", Count::optional}}},
        // mpr's own: firmware over USB DFU (.dfu) or onto a UF2 drive (.uf2).
        {"flash",
         {{"list", 'l', false, false, "0"},
          {"verify", 0, false, true, "1"},
          {"drive", 0, true, false, "", "", ValueKind::text, "PATH"}},
         0, false, "write firmware: a .dfu over USB DFU, a .uf2 to the board's UF2 drive (--list: what is there)",
         cmd_flash, nullptr, {{"file", Count::optional}}, flash_options_first},
        {"help", {}, 0, false, "print help and exit", cmd_help, nullptr, {}, nullptr, true},
        {"version", {}, 0, false, "print version and exit", cmd_version, nullptr, {}, nullptr, true},
    };
}

}  // namespace

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = make_table();
    return table;
}

const CommandSpec* find_command(std::string_view name) {
    for (const CommandSpec& s : command_table())
        if (s.name == name) return &s;
    return nullptr;
}

std::string fs_command_list() {
    std::string out;
    for (std::string_view c : kFsCommands) out += (out.empty() ? "" : ", ") + std::string(c);
    return out;
}

std::vector<std::pair<std::string, std::string>> command_descriptions() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CommandSpec& s : command_table()) out.emplace_back(s.name, s.help);
    return out;
}

}  // namespace mpy
