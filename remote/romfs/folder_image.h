// `romfs build DIR`: a ROMFS image of a host folder, as mpremote 1.27 builds it: entries in
// sorted order, every folder recursively, and (unless --no-mpy) each `.py` compiled to `.mpy`
// on the way, except where the folder already holds that `.mpy`.  It prints the same tree as
// mpremote ("|-- a.py -> .mpy", "\-- lib/").  With compilation off the image is byte for byte
// mpremote's; compiled files come from mpytools' compiler (bytecode identical to mpy-cross's).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "compiler/compiler.h"

namespace mpy::romfs {

struct FolderImageOptions {
    bool compile = true;
    // The compiler's settings for the board (architecture); source_name is set per file.
    CompileOptions compile_options;
    // Receives each line of the tree mpremote prints, without its newline.
    std::function<void(std::string_view)> print;
};

// Throws DiagnosticError naming the file for what cannot go in the image: an unreadable file or
// folder, a name that is not ASCII, a .py file that does not compile (its line and message).
std::string build_folder_image(const std::string& folder, const FolderImageOptions& options);

}  // namespace mpy::romfs
