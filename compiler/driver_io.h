// File access for the mpyc driver, keeping the operating system's error number.
//
// mpy-cross reports a file it cannot open as `OSError: (2, "can't open x.py")` and one it opened
// but cannot read (a directory) as `OSError: 21`; scripts match on these, so the driver needs the
// errno itself, not just a message, and it reads sources with open/read rather than iostreams
// (which lose errno, and cost more per small file).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "compiler/driver_stamp.h"

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

// The whole content of `path`.  Throws FileAccessError.
std::string read_source_file(const std::string& path);

// Everything readable from file descriptor `fd` (stdin).  Throws FileAccessError naming `name`.
std::string read_all_from_fd(int fd, const std::string& name);

// Writes all of `data` to file descriptor `fd`; false on error.
bool write_all_to_fd(int fd, std::string_view data);

// Size and mtime of `path` (hash left 0); false if it cannot be stat'ed.
bool stat_source(const std::string& path, SourceState& state);

bool file_exists(const std::string& path);

// Writes a compiled output the way mpy-cross's users expect of `-o PATH`, without ever leaving a
// half-written file: a regular file (or a new one) is replaced atomically (common/file_io); a
// symbolic link is followed and its target replaced; anything else that already exists — a device
// such as /dev/null, a FIFO — is opened and written in place, since renaming over it would replace
// the device itself.  A regular file that already holds exactly `data` only gets its mtime set to
// now.  Throws FileAccessError (opening = true, as mpy-cross says "can't open").
void write_output_file(const std::string& path, std::string_view data);

// Marks an up-to-date output as made now, or as made when `source` was last changed if that is
// later: a source dated in the future must not leave its output looking stale to make/ninja.
void refresh_output_time(const std::string& path, const std::string& source);

// How MicroPython prints a str object with repr(): quotes chosen like CPython, escapes for the
// quote, backslash and control characters, UTF-8 text left as it is.
std::string python_str_repr(std::string_view s);

// The line mpy-cross prints on stderr for this failure, with its newline.
std::string oserror_text(const FileAccessError& e);

// The errno whose strerror() text ends `message` ("cannot create file: No such file or
// directory" -> ENOENT), for errors that arrive as text from common/file_io; EIO if none matches.
int errno_from_message(std::string_view message);

}  // namespace mpy
