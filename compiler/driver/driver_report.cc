#include "compiler/driver/driver_report.h"

#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/driver/driver_io.h"
#include "mpytools_config.h"

namespace mpy {

void describe_compile_error(JobResult& result, const Diagnostic& d, std::string_view source) {
    result.status = JobStatus::Failed;
    result.diagnostic = d;
    result.compat_text = render_traceback(d);
    result.rich_text = render_rich(d, source);
}

void describe_file_error(JobResult& result, const FileAccessError& e) {
    result.status = JobStatus::Failed;
    const char* what = e.opening() ? "cannot open" : "cannot read or write";
    result.diagnostic = Diagnostic{"OSError", fmt::format("{}: {}", what, std::strerror(e.error())), {e.path()}};
    result.compat_text = oserror_text(e);
    result.rich_text = fmt::format("{}: error: {}\n", e.path(), result.diagnostic->message);
}

const char* status_name(JobStatus status) {
    switch (status) {
        case JobStatus::Compiled: return "compiled";
        case JobStatus::UpToDate: return "up-to-date";
        case JobStatus::Failed: return "failed";
    }
    return "failed";
}

std::string json_report(const std::vector<CompileJob>& jobs, const std::vector<JobResult>& results) {
    using nlohmann::json;
    json files = json::array();
    json diagnostics = json::array();
    int counts[3] = {0, 0, 0};
    for (size_t i = 0; i < jobs.size(); ++i) {
        const CompileJob& job = jobs[i];
        const JobResult& r = results[i];
        ++counts[static_cast<int>(r.status)];
        files.push_back({{"input", job.input}, {"output", job.output}, {"source_name", job.source_name},
                         {"status", status_name(r.status)}});
        if (r.diagnostic) {
            const Diagnostic& d = *r.diagnostic;
            diagnostics.push_back({{"input", job.input},
                                   {"severity", "error"},
                                   {"kind", d.kind},
                                   {"message", d.message},
                                   {"file", d.where.file},
                                   {"line", d.where.line},
                                   {"column", d.where.column},
                                   {"notes", d.notes},
                                   {"text", r.compat_text}});
        }
    }
    json doc = {{"tool", "mpyc"},
                {"version", MPYTOOLS_VERSION},
                {"files", std::move(files)},
                {"diagnostics", std::move(diagnostics)},
                {"summary", {{"compiled", counts[0]}, {"up_to_date", counts[1]}, {"failed", counts[2]}}}};
    // Invalid UTF-8 in a path or message must not abort the report: replace it.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace mpy
