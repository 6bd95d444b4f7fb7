#include "remote/board/board_fs.h"

#include <cstdlib>

#include "remote/board/board_snippets.h"
#include "remote/board/deflate_codec.h"
#include "remote/board/sha256.h"
#include "remote/protocol/answer_lines.h"
#include "remote/protocol/wire_codec.h"

namespace mpy {
namespace {

// Splits "a b 'name'" into the leading integers and the trailing literal.
struct Line {
    std::vector<long long> numbers;
    std::string rest;
};
Line split_line(std::string_view line, int count) {
    Line out;
    for (int i = 0; i < count; ++i) {
        while (!line.empty() && line[0] == ' ') line.remove_prefix(1);
        auto sp = line.find(' ');
        std::string num(line.substr(0, sp));
        char* end = nullptr;
        long long v = std::strtoll(num.c_str(), &end, 10);
        if (num.empty() || *end) raise_error("unexpected answer from the board: '" + std::string(line) + "'");
        out.numbers.push_back(v);
        line = sp == std::string_view::npos ? std::string_view() : line.substr(sp + 1);
    }
    out.rest = std::string(line);
    return out;
}

}  // namespace

std::uint32_t byte_sum(std::string_view data) {
    std::uint32_t s = 0;
    for (char c : data) s += static_cast<unsigned char>(c);
    return s;
}

std::string remote_join(std::string_view a, std::string_view b) {
    // mpremote joins "" and "x" as "./x"; flat file systems (the micro:bit) would take that as
    // a file name, so a relative name stays as it is.
    if (a.empty() || a == ".") return std::string(b);
    std::string r(a);
    while (r.size() > 1 && r.back() == '/') r.pop_back();
    if (r == "/") r.clear();
    while (!b.empty() && b.front() == '/') b.remove_prefix(1);
    while (!b.empty() && b.back() == '/') b.remove_suffix(1);
    return r + "/" + std::string(b);
}

std::string remote_dirname(std::string_view p) {
    auto s = p.rfind('/');
    return s == std::string_view::npos ? "" : std::string(p.substr(0, s));
}

std::string remote_basename(std::string_view p) {
    auto s = p.rfind('/');
    return std::string(s == std::string_view::npos ? p : p.substr(s + 1));
}

const BoardCaps& BoardFs::caps() {
    if (!caps_) caps_ = parse_caps(query(caps_probe_code()));
    return *caps_;
}

bool BoardFs::raw_high_bytes_ok() {
    if (!raw_high_) {
        try {
            auto lines = answer_lines(query(snippets::raw_byte_check()));
            raw_high_ = lines.size() == 1 && lines[0] == "2 255";
        } catch (const RemoteExecError&) {
            raw_high_ = false;
        }
    }
    return *raw_high_;
}

RemoteStat BoardFs::stat(std::string_view path) {
    // "" is the working directory, which exists and is a directory; not every board can say
    // so (os.stat('') fails in a subdirectory on the webassembly port's VfsPosix).
    if (path.empty()) return {true, true, 0};
    std::string text = query(snippets::stat(caps(), path));
    auto lines = answer_lines(text);
    if (lines.size() != 1) raise_error("unexpected answer from the board to stat");
    Line l = split_line(lines[0], 2);
    RemoteStat s;
    if (l.numbers[0] == -1) return s;
    s.exists = true;
    s.is_dir = (l.numbers[0] & 0x4000) != 0;
    s.size = l.numbers[1];
    return s;
}

std::vector<RemoteEntry> BoardFs::listdir(std::string_view path) {
    const BoardCaps& c = caps();
    if (!c.has_directories() && !(path.empty() || path == "/" || path == "."))
        raise_error("this board has no directories (only '/')");
    std::vector<RemoteEntry> out;
    std::string text = query(snippets::listdir(c, path));
    for (const std::string& line : answer_lines(text)) {
        Line l = split_line(line, 2);
        auto name = decode_py_literal(l.rest);
        if (!name) raise_error("unexpected directory entry from the board: '" + line + "'");
        out.push_back({*name, (l.numbers[0] & 0x4000) != 0, l.numbers[1]});
    }
    return out;
}

std::string BoardFs::read_file(std::string_view path, std::size_t size_hint, const ProgressFn& progress,
                               const std::function<void(std::string_view)>& sink) {
    // A link with its own file transfer (WebREPL) reads an existing regular file with it.
    // A size_hint is the size of a regular file the caller has just stat'ed or written: no
    // second stat (a round trip) is needed to know the channel can read it.
    if (channel_) {
        bool regular = size_hint > 0;
        if (!regular) {
            RemoteStat st = stat(path);
            regular = st.exists && !st.is_dir;
        }
        if (regular) {
            if (auto data = channel_->get(path, size_hint, progress)) {
                if (sink) sink(*data);
                return *data;
            }
        }
    }
    const BoardCaps& c = caps();
    // A board that can compress sends a file it finds compressible deflated (a cat, which
    // streams, and small files go as they are).  It holds the compressed copy in RAM.  Only with
    // a native b2a_base64: as repr() (the sim board, whose binascii is Python and far too slow)
    // compressed bytes take 2.6 times their size, and a 100 KB text measured 0.73x as fast.
    const bool deflated = compress_ && c.deflate_compress && c.b2a_base64 && !sink && size_hint >= kMinCompressedSize &&
                          size_hint <= kMaxCompressedDownload &&
                          c.mem_free > static_cast<long>(size_hint);
    std::string data, pending;
    enum class Mode { plain, deflated, unknown } mode = deflated ? Mode::unknown : Mode::plain;
    bool base64 = c.b2a_base64;
    auto take_line = [&](std::string_view line) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) return;
        if (mode == Mode::unknown) {
            if (line != "Z" && line != "R") raise_error("unexpected answer from the board while reading " + std::string(path) + ": '" + printable_bytes(line) + "'");
            mode = line == "Z" ? Mode::deflated : Mode::plain;
            return;
        }
        auto chunk = base64 ? base64_decode(line) : decode_py_literal(line);
        if (!chunk) raise_error("corrupt data from the board while reading " + std::string(path));
        data += *chunk;
        if (sink) sink(*chunk);
        if (progress && mode == Mode::plain) progress(data.size(), std::max(size_hint, data.size()));
    };
    const int wbits = std::min(kMaxDownloadWindowBits, deflate_window_bits(c.mem_free));
    runner_.query_streaming(deflated ? snippets::read_file_deflated(c, path, c.read_chunk(), wbits)
                                     : snippets::read_file(c, path, c.read_chunk()),
                            [&](std::string_view s) {
        pending.append(s);
        std::size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            take_line(std::string_view(pending).substr(0, nl));
            pending.erase(0, nl + 1);
        }
    });
    take_line(pending);
    if (mode == Mode::deflated) {
        auto inflated = inflate_raw(data);
        if (!inflated) raise_error("corrupt compressed data from the board while reading " + std::string(path));
        data = std::move(*inflated);
        if (progress) progress(data.size(), std::max(size_hint, data.size()));
    }
    if (size_hint > 0 && data.size() != size_hint)
        raise_error("reading " + std::string(path) + ": expected " + std::to_string(size_hint) + " bytes, got " +
             std::to_string(data.size()));
    return data;
}

RemoteDigest BoardFs::digest(std::string_view path) {
    const BoardCaps& c = caps();
    // The snippet only reads: on a line that loses bytes, code that arrived damaged and still ran
    // (printing something of the wrong shape) is simply asked for again.
    for (int attempt = 1;; ++attempt) {
        std::string text = query(snippets::digest(c, path));
        try {
            return parse_digest(c, text);
        } catch (const DiagnosticError&) {
            if (attempt >= runner_.attempts() || !r_.may_lose_bytes()) throw;
            runner_.after_damaged_send(attempt);
        }
    }
}

RemoteDigest BoardFs::parse_digest(const BoardCaps& c, std::string_view text) {
    auto lines = answer_lines(text);
    if (lines.size() != 1) raise_error("unexpected answer from the board to the checksum");
    RemoteDigest d;
    if (c.has_sha256()) {
        auto raw = decode_py_literal(lines[0]);
        if (!raw || raw->size() != 32) raise_error("unexpected sha256 digest from the board: '" + std::string(lines[0]) + "'");
        d.sha256 = *raw;
        return d;
    }
    Line l = split_line(lines[0], 2);
    d.size = l.numbers[0];
    d.byte_sum = static_cast<std::uint32_t>(l.numbers[1]);
    return d;
}

bool BoardFs::digest_matches(std::string_view path, std::string_view data) {
    RemoteDigest d = digest(path);
    return d.sha256 ? *d.sha256 == sha256(data)
                    : d.size == static_cast<long long>(data.size()) && d.byte_sum == byte_sum(data);
}

bool BoardFs::has_same_content(std::string_view path, std::string_view data) {
    RemoteStat s = stat(path);
    if (!s.exists || s.is_dir) return false;
    if (caps().has_sha256()) return digest(path).sha256 == sha256(data);
    if (s.size != static_cast<long long>(data.size())) return false;
    // Same size, no hashlib: reading it back is still cheaper than writing it.
    return read_file(path, data.size(), {}) == data;
}

namespace {
// A chunk or a whole file arrived damaged (the board lost bytes on the way).
struct DamagedTransfer {};
}  // namespace

void BoardFs::write_file(std::string_view path, std::string_view data, const ProgressFn& progress,
                         bool via_temporary) {
    BoardCaps c = caps();
    if (!via_temporary) c.rename = false;
    std::string dest(path);
    // With os.rename an upload is atomic: the data goes to DEST.mpr~, is verified, and is then
    // renamed over DEST, so DEST never holds a partial file.  A new DEST is first created empty,
    // where mpremote's direct write would create it: a rename onto an existing name keeps that
    // name's directory entry (POSIX; FAT reuses the slot it frees), so directories list their
    // files in the order they have after mpremote's writes (its own tests compare listings).
    // A failed upload removes the temporary and the placeholder; only a board that dies
    // mid-upload can leave them, the placeholder empty.
    // Boards without os.rename (the micro:bit) have too little flash for two copies (~16 KB, and
    // its file system is corrupted when it runs out): the destination is written directly,
    // verified, and written again if it arrived damaged.
    const bool atomic = c.rename;
    if (!atomic && via_temporary && notice && !told_not_atomic_) {
        told_not_atomic_ = true;
        notice("note: this board has no os.rename, so files are written in place (then verified), not atomically");
    }
    const bool is_new = atomic && !stat(dest).exists;
    // A link with its own file transfer (WebREPL) writes the temporary with it, whose folder is
    // known to exist (the destination exists or was just created).
    const bool by_channel = channel_ && atomic;
    const std::string target = atomic ? dest + ".mpr~" : dest;
    bool base64 = c.a2b_base64;
    BytesLiteralOptions lit_opts;
    if (!base64) lit_opts.raw_high_bytes = raw_high_bytes_ok();
    // Room for the call around the data in each submission.
    std::size_t budget = c.source_budget() > 192 ? c.source_budget() - 100 : 92;
    std::function<void()> discard = [&] {
        discard_temporary(target);
        if (is_new) discard_temporary(dest);
    };

    // Text and other compressible data goes deflated when the board can inflate it (into the
    // temporary, from a compressed temporary beside it) and that makes the transfer at least a
    // quarter shorter; other data goes as it is, so nothing is ever slower.
    const int wbits = deflate_window_bits(c.mem_free);
    std::string deflated;
    if (compress_ && !by_channel && c.deflate && data.size() >= kMinCompressedSize) {
        deflated = deflate_raw(data, wbits);
        auto wire = [&](std::string_view d) {
            return base64 ? (d.size() + 2) / 3 * 4 : encode_bytes_literal(d, lit_opts).size();
        };
        if (wire(deflated) * 4 > wire(data) * 3) deflated.clear();
    }
    const std::string zpath = target + "z";
    if (!deflated.empty()) {
        auto discard_plain = discard;
        discard = [this, zpath, discard_plain] {
            discard_temporary(zpath);
            discard_plain();
        };
    }

    if (is_new) query(snippets::touch(c, dest));
    for (int attempt = 1;; ++attempt) {
        try {
            bool sent = false;
            if (by_channel) {
                try {
                    sent = channel_->put(target, data, progress);
                } catch (const DiagnosticError&) {
                    discard();
                    throw;
                }
            }
            if (sent) {
                // Verified and renamed below, as any upload.
            } else if (deflated.empty()) {
                write_file_once(target, data, base64, lit_opts, budget, progress);
            } else {
                write_file_once(zpath, deflated, base64, lit_opts, budget, [&](std::size_t d, std::size_t t) {
                    if (progress) progress(t ? data.size() * d / t : 0, data.size());
                });
                auto lines = answer_lines(query(snippets::inflate_file(c, zpath, target, wbits)));
                if (lines.size() != 1 || lines[0] != std::to_string(data.size())) throw DamagedTransfer{};
            }
            if (!digest_matches(target, data)) throw DamagedTransfer{};
            if (atomic) query(snippets::replace_file(c, target, dest));
            return;
        } catch (const DamagedTransfer&) {
            if (attempt >= runner_.attempts()) {
                if (atomic) discard();
                else if (!deflated.empty()) discard_temporary(zpath);
                raise_error("writing " + dest + " failed " + std::to_string(runner_.attempts()) +
                     " times: the data kept arriving damaged (the board loses bytes); " +
                     (!atomic ? "the file on the board is damaged"
                              : is_new ? "nothing was written" : "the old file is unchanged"));
            }
            runner_.after_damaged_send(attempt);
        } catch (const RemoteExecError& e) {
            if (atomic) {
                discard();
            } else {
                // The caller keeps its own temporary names (mip), but the compressed copy beside
                // the target is ours to remove.
                close_quietly();
                if (!deflated.empty()) discard_temporary(zpath);
            }
            throw;
        }
    }
}

void BoardFs::close_quietly() {
    try {
        r_.exec("try:\n _f.close()\nexcept:\n pass\n");
    } catch (const DiagnosticError&) {
    }
}

void BoardFs::discard_temporary(const std::string& tmp) {
    // Leave no temporary (or the placeholder of a new file) behind; an existing destination was
    // never touched.
    try {
        r_.exec("try:\n _f.close()\nexcept:\n pass\n" + snippets::remove(caps(), tmp));
    } catch (const DiagnosticError&) {
    }
}

void BoardFs::write_file_once(const std::string& tmp, std::string_view data, bool base64,
                              const BytesLiteralOptions& lit_opts, std::size_t budget,
                              const ProgressFn& progress) {
    query(snippets::open_for_write(caps(), tmp, base64));
    std::size_t done = 0;
    if (progress) progress(0, data.size());
    while (done < data.size()) {
        std::string code;
        std::size_t n = 0;
        if (base64) {
            n = std::min(data.size() - done, budget / 4 * 3);
            std::string_view chunk = data.substr(done, n);
            code = snippets::write_base64(base64_encode(chunk), n, byte_sum(chunk));
        } else {
            std::string body = encode_bytes_literal_upto(data.substr(done), budget, n, lit_opts);
            if (n == 0) raise_error("internal: empty chunk");
            code = snippets::write_literal(body, n, byte_sum(data.substr(done, n)));
        }
        // A damaged submission fails to compile, names something that does not exist, or
        // carries a chunk whose length or sum is wrong: in every case nothing was written, so
        // it is simply sent again.  A write of the wrong size (which the checks should make
        // impossible) spoils the file: start it again.
        for (int attempt = 1;; ++attempt) {
            auto lines = answer_lines(query(code));
            if (lines.size() == 1 && lines[0] == std::to_string(n)) break;
            if (lines.size() != 1 || lines[0] != "-1" || attempt >= 2 * runner_.attempts()) throw DamagedTransfer{};
            runner_.after_damaged_send(attempt);
        }
        done += n;
        if (progress) progress(done, data.size());
    }
    query(snippets::close_write());
}

void BoardFs::remove(std::string_view path) { query(snippets::remove(caps(), path)); }
void BoardFs::mkdir(std::string_view path) {
    if (!caps().mkdir) raise_error("this board has no directories (its os module has no mkdir)");
    query(snippets::mkdir(caps(), path));
}
void BoardFs::rmdir(std::string_view path) {
    if (!caps().rmdir) raise_error("this board has no directories (its os module has no rmdir)");
    query(snippets::rmdir(caps(), path));
}
void BoardFs::touch(std::string_view path) { query(snippets::touch(caps(), path)); }

std::string BoardFs::join(std::string_view dir, std::string_view name) {
    if ((dir.empty() || dir == ".") && caps().has_directories()) return remote_join("./", name);
    return remote_join(dir, name);
}

std::string BoardFs::getcwd() {
    std::string text = query(snippets::getcwd(caps()));
    auto lines = answer_lines(text);
    auto s = lines.size() == 1 ? decode_py_literal(lines[0]) : std::nullopt;
    return s ? *s : "/";
}

std::vector<BoardFs::DfRow> BoardFs::df() {
    if (!caps().statvfs) raise_error("df: this board's os module has no statvfs");
    std::vector<DfRow> rows;
    std::string text = query(snippets::df(caps()));
    for (const std::string& line : answer_lines(text)) {
        Line l = split_line(line, 3);
        auto m = decode_py_literal(l.rest);
        rows.push_back({m ? *m : l.rest, l.numbers[0], l.numbers[1], l.numbers[2]});
    }
    return rows;
}

}  // namespace mpy
