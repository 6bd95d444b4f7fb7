// File access for the mpyc driver, keeping the operating system's error number.
//
// mpy-cross reports a file it cannot open as `OSError: (2, "can't open x.py")` and one it opened
// but cannot read (a directory) as `OSError: 21`; scripts match on these, so the driver needs the
// errno itself, not just a message, and it reads sources with open/read rather than iostreams
// (which lose errno, and cost more per small file).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "compiler/driver/driver_stamp.h"

namespace mpy {

class FileAccessError : public std::runtime_error {
public:
    // `opening`: the failure was opening (or creating) the file, not reading or writing it.
    FileAccessError(int error, std::string path, bool opening);
    int error() const { return error_; }
    const std::string& path() const { return path_; }
    bool opening() const { return opening_; }

private:
    int error_;
    std::string path_;
    bool opening_;
};

// The whole content of `path`; its mtime (ns since the epoch) in `*mtime_ns` if given, from the
// fstat the read does anyway.  Throws FileAccessError.
std::string read_source_file(const std::string& path, std::int64_t* mtime_ns = nullptr);

// Everything readable from file descriptor `fd` (stdin).  Throws FileAccessError naming `name`.
std::string read_all_from_fd(int fd, const std::string& name);

// Writes all of `data` to file descriptor `fd`; false on error.
bool write_all_to_fd(int fd, std::string_view data);

// Size and mtime of `path` (hash left 0); false if it cannot be stat'ed.
bool stat_source(const std::string& path, SourceState& state);

bool file_exists(const std::string& path);

// THE rule for dating outputs, whether just written, rewritten with the same bytes, or found up
// to date: an output gets the current time -- or its source's mtime if that is later.  make and
// ninja rebuild a target older than a prerequisite, so an output dated before a source stamped in
// the future (a clock skew, an unpacked archive) would be rebuilt on every run.  Times in ns since
// the epoch; no source time (stdin): now.
std::int64_t output_mtime_ns(std::int64_t now_ns, std::optional<std::int64_t> source_mtime_ns);

// Writes a compiled output the way mpy-cross's users expect of `-o PATH`, without ever leaving a
// half-written file: a regular file (or a new one) is written under a temporary name and renamed
// into place (common/file_io's write_file_atomic); a
// symbolic link is followed and its target replaced; anything else that already exists -- a device
// such as /dev/null, a FIFO -- is opened and written in place, since renaming over it would replace
// the device itself.  A regular file that already holds exactly `data` is kept and only re-dated;
// one with other bytes is removed just before the new file is renamed into its place.
// A regular file written or kept is dated by output_mtime_ns (`source_mtime_ns`: of the source it
// was compiled from).  Throws FileAccessError (opening = true, as mpy-cross says "can't open").
void write_output_file(const std::string& path, std::string_view data,
                       std::optional<std::int64_t> source_mtime_ns = std::nullopt);

// Re-dates an up-to-date output by output_mtime_ns, as if it had just been written.
void refresh_output_time(const std::string& path, std::optional<std::int64_t> source_mtime_ns);

// How MicroPython prints a str object with repr(): quotes chosen like CPython, escapes for the
// quote, backslash and control characters, UTF-8 text left as it is.
std::string python_str_repr(std::string_view s);

// The line mpy-cross prints on stderr for this failure, with its newline.
std::string oserror_text(const FileAccessError& e);

// The errno whose strerror() text ends `message` ("cannot create file: No such file or
// directory" -> ENOENT), for errors that arrive as text from common/file_io; EIO if none matches.
int errno_from_message(std::string_view message);

}  // namespace mpy
