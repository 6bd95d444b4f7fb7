// Outcome of each compile job and how it is shown: mpy-cross's text on stderr, the rich form,
// and the --json report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "compiler/driver/driver_paths.h"
#include "compiler/driver/driver_stamp.h"

namespace mpy {

class FileAccessError;

enum class JobStatus { Compiled, UpToDate, Failed };

struct JobResult {
    JobStatus status = JobStatus::Failed;
    std::optional<Diagnostic> diagnostic;  // set when Failed
    std::string compat_text;               // what mpy-cross prints on stderr for this failure
    std::string rich_text;                 // file:line:col, source line, caret
    std::optional<StampEntry> stamp;       // the record for the stamp file, when the output is good
    std::string stdout_bytes;              // the .mpy, when the output is "-"
};

// Fills a Failed result for a compile error, given the source text (for the caret line).
void describe_compile_error(JobResult& result, const Diagnostic& d, std::string_view source);

// Fills a Failed result for a file that could not be read or written.
void describe_file_error(JobResult& result, const FileAccessError& e);

// The --json document: {"tool", "version", "files": [...], "diagnostics": [...], "summary": {...}}.
std::string json_report(const std::vector<CompileJob>& jobs, const std::vector<JobResult>& results);

const char* status_name(JobStatus status);

}  // namespace mpy
