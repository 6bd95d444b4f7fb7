// Reading and writing whole files, with writes that are atomic: the data goes to a temporary file
// in the same directory, which is renamed over the target only once it is complete, so an error
// or a crash never leaves a half-written file under the real name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mpy {

// Throws DiagnosticError (kind "error") naming the file and the system's reason.
std::string read_file(const std::filesystem::path& path);

// Writes `data` to `path` atomically (temporary file, then rename).  Throws DiagnosticError.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

// Replaces the contents of the existing regular file `path` with `data`, reusing its inode: the
// file is renamed to a temporary name, rewritten there and renamed back, so `path` is for a moment
// absent but never half-written.  Keeping the inode and its blocks costs a fraction of creating a
// new file and freeing the old one (about 60 against 250 us on ext4 here).  Returns false, with
// nothing changed, when that does not apply: no such file, not a regular file, more than one hard
// link (the other names would see the new bytes), not writable, or no way to rename it aside.
// Throws DiagnosticError when writing fails; the file is then gone, never left half-written.
bool rewrite_file_in_place(const std::filesystem::path& path, std::string_view data);

}  // namespace mpy
