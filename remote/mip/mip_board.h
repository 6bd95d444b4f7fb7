// What mip does on the board, in few round trips: one probe (the target folder, the board's
// .mpy version and the manifest), the sha256 of many files at once, folders made in one go,
// files staged under temporary names through BoardFs and renamed into place together.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "remote/board/board_fs.h"
#include "remote/protocol/raw_repl.h"

namespace mpy::mip {

struct BoardFacts {
    std::string target;        // the target folder ("" = the root of a flat file system)
    std::string mpy_version;   // "6" ... from sys.implementation._mpy, "py" when the board has none
    std::string mpy_arch;      // "" (bytecode only) or the native architecture's name
    std::string manifest_text; // the manifest dot-file's content, "" when there is none
};

class MipBoard {
public:
    MipBoard(RawRepl& repl, BoardFs& fs) : repl_(repl), fs_(fs) {}

    const BoardCaps& caps() { return fs_.caps(); }
    // `target`: --target, or "" to take the first sys.path entry ending in "/lib".
    BoardFacts probe(const std::string& target);
    // The full path of a file in the target folder.
    static std::string in_target(const std::string& target, const std::string& relative);
    static std::string manifest_path(const std::string& target);

    // sha256 (lowercase hex) of each path, nullopt where there is no such file.  Boards without
    // hashlib get nullopt everywhere (callers then compare contents through BoardFs).
    std::vector<std::optional<std::string>> sha256_of(const std::vector<std::string>& paths);
    // Makes every folder in `dirs` that does not exist (parents must come first); returns those
    // it made.
    std::vector<std::string> make_dirs(const std::vector<std::string>& dirs);
    bool has_same_content(const std::string& path, const std::string& data) { return fs_.has_same_content(path, data); }
    // Writes `data` to `temporary` (verified; see BoardFs::write_file).
    void stage(const std::string& temporary, const std::string& data, const ProgressFn& progress);
    // Replaces `path` with `data` on its own (BoardFs's temporary + rename, where the board can).
    void replace(const std::string& path, const std::string& data) { fs_.write_file(path, data, {}); }
    // Renames every (temporary, final) pair, replacing existing files.
    void commit(const std::vector<std::pair<std::string, std::string>>& moves);
    // Removes the files that exist among `paths`; then each folder of `dirs` that is empty
    // (deepest first).  Never fails for a missing file.
    void remove_files(const std::vector<std::string>& paths, const std::vector<std::string>& dirs = {});

private:
    // Code with effects that must not run twice: sent again only when it did not compile.
    std::string run(const std::string& code);
    // Read-only or idempotent code: sent again whenever it failed in a way that says it arrived
    // damaged (a lost line leaves a NameError as often as a SyntaxError).
    std::string query(const std::string& code);
    RawRepl& repl_;
    BoardFs& fs_;
};

// Every folder a set of files needs, parents first: "/a/lib" and "x/y.py" give "/a", "/a/lib",
// "/a/lib/x".
std::vector<std::string> folders_for(const std::string& target, const std::vector<std::string>& relative_files);

}  // namespace mpy::mip
