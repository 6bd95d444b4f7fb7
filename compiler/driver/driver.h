// The mpyc program's behaviour, apart from main(): plan the jobs, compile them (in parallel,
// skipping up-to-date outputs), write outputs, stamp file and depfile, and report errors.
//
// Everything that touches the outside world besides the file system goes through DriverEnv, and the
// compiler itself is a function value, so unit tests run the whole driver with a fake compiler.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "compiler/compiler.h"
#include "compiler/driver/driver_options.h"

namespace mpy {

// Source text in, .mpy bytes out; throws mpy::DiagnosticError on a compile error.  Called from
// several threads at once when -j > 1.
using CompileFunction = std::function<std::string(std::string_view source, const CompileOptions&)>;

struct DriverEnv {
    CompileFunction compile;
    std::function<void(std::string_view)> write_stdout;
    std::function<void(std::string_view)> write_stderr;
    std::function<std::string()> read_stdin;  // may throw FileAccessError
    bool stderr_is_terminal = false;          // --diagnostics=auto shows the rich form then
    // Identifies the compiler build (version, executable size and mtime): part of the stamp file's
    // fingerprint, so rebuilding mpyc rebuilds its outputs.
    std::string compiler_identity;
    unsigned default_jobs = 1;  // -j when not given: the number of CPUs
};

// Runs one mpyc call; returns the exit status (0 success, 1 any failure, as mpy-cross).
int run_driver(const DriverOptions& options, const DriverEnv& env);

}  // namespace mpy
