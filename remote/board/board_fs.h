// BoardFs: file-system operations on the board, run through the raw REPL with code adapted to
// the board's capabilities (probed once, on first use).
//
// Writes are binary-safe, compact on the wire (base64 or escaped bytes literals), safe for an
// existing file (a temporary file, verified, then copied over it on the board; boards without
// os.rename get the destination written directly, see write_file) and verified (sha256 when
// the board has hashlib, otherwise size plus byte sum), and sent again when they arrive damaged.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "remote/board/board_caps.h"
#include "remote/board/lossy_line.h"
#include "remote/protocol/raw_repl.h"
#include "remote/protocol/wire_codec.h"
#include "remote/transport/file_channel.h"

namespace mpy {

struct RemoteEntry {
    std::string name;
    bool is_dir = false;
    long long size = 0;
};

struct RemoteStat {
    bool exists = false;
    bool is_dir = false;
    long long size = 0;
};

// What the board can tell about a file's content: its sha256 (hashlib boards) or its size and
// byte sum (others).
struct RemoteDigest {
    std::optional<std::string> sha256;  // raw 32 bytes
    long long size = -1;
    std::uint32_t byte_sum = 0;
};

// Size and byte sum of host data, to compare with a RemoteDigest without sha256.
std::uint32_t byte_sum(std::string_view data);

using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

class BoardFs {
public:
    explicit BoardFs(RawRepl& repl) : r_(repl), runner_(repl) {}

    // Where remarks for the user go (once per session each), e.g. that writes on this board
    // cannot be atomic.  Unset: no remarks.
    std::function<void(std::string_view)> notice;

    const BoardCaps& caps();
    // Whether data may travel deflate-compressed (on by default; --no-compress turns it off).
    void set_compression(bool on) { compress_ = on; }
    // The link's own file transfer (WebREPL's records), used for whole files' bytes when set;
    // not owned.
    void set_file_channel(FileChannel* channel) { channel_ = channel; }
    // Files smaller than this go as they are: the extra round trips would cost more than they save.
    static constexpr std::size_t kMinCompressedSize = 2048;
    // The board compresses a download whole before sending any of it: bigger files would keep
    // the line silent too long (the idle timeout) and need too much of its RAM.
    static constexpr std::size_t kMaxCompressedDownload = 256 * 1024;
    // The board's compressor searches its whole window for every byte: a 100 KB text took 0.6 s
    // at 12 bits and 3.1 s at 15 (for 18% fewer bytes) on the unix port, so downloads use at most 12.
    static constexpr int kMaxDownloadWindowBits = 12;
    RemoteStat stat(std::string_view path);
    std::vector<RemoteEntry> listdir(std::string_view path);
    // Reads a whole file.  `size_hint` > 0: the size of a regular file the caller has stat'ed or
    // written (checked against what arrives); 0: unknown.  `sink` (if given) also receives the data
    // as it arrives (cat).
    std::string read_file(std::string_view path, std::size_t size_hint, const ProgressFn& progress,
                          const std::function<void(std::string_view)>& sink = {});
    // `via_temporary` false: written in place (then verified), for callers that stage their own
    // temporary files (mip renames a whole package into place at once).
    void write_file(std::string_view path, std::string_view data, const ProgressFn& progress,
                    bool via_temporary = true);
    RemoteDigest digest(std::string_view path);
    // True when the board's digest of `path` (sha256, or size and byte sum) matches `data`.
    bool digest_matches(std::string_view path, std::string_view data);
    // True when the board's file has exactly `data` (compared by sha256, or by size + byte sum
    // and then content on boards without hashlib).
    bool has_same_content(std::string_view path, std::string_view data);
    void remove(std::string_view path);
    void mkdir(std::string_view path);
    void rmdir(std::string_view path);
    void touch(std::string_view path);
    std::string getcwd();
    // Joins board paths as mpremote does, so that paths mpr prints match its: "" (the working
    // directory) and "x" give "./x".  On a board without directories (the micro:bit) a name in
    // the root stays as it is, as remote_join gives it.
    std::string join(std::string_view dir, std::string_view name);

    struct DfRow {
        std::string mount;
        long long size, used, avail;
    };
    std::vector<DfRow> df();

private:
    bool raw_high_bytes_ok();
    // Runs an idempotent snippet, sending it again if it arrived damaged.
    std::string query(const std::string& code) { return runner_.query(code); }
    void write_file_once(const std::string& tmp, std::string_view data, bool base64,
                         const BytesLiteralOptions& lit_opts, std::size_t budget, const ProgressFn& progress);
    void discard_temporary(const std::string& tmp);
    static RemoteDigest parse_digest(const BoardCaps& c, std::string_view text);
    void close_quietly();
    RawRepl& r_;
    LossyLineRunner runner_;
    std::optional<BoardCaps> caps_;
    std::optional<bool> raw_high_;
    bool told_not_atomic_ = false;
    FileChannel* channel_ = nullptr;
    bool compress_ = true;
};

// mpremote's path helpers for board paths: join with '/', dirname, basename.
std::string remote_join(std::string_view a, std::string_view b);
std::string remote_dirname(std::string_view p);
std::string remote_basename(std::string_view p);

}  // namespace mpy
