#include "compiler/driver/driver.h"

#include <cstdint>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <system_error>
#include <vector>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "compiler/driver/driver_depfile.h"
#include "compiler/driver/driver_io.h"
#include "compiler/driver/driver_parallel.h"
#include "compiler/driver/driver_paths.h"
#include "compiler/driver/driver_report.h"
#include "compiler/driver/driver_stamp.h"

namespace mpy {

namespace {

// Everything a worker needs, shared read-only between threads.
struct BuildContext {
    const DriverOptions& options;
    const DriverEnv& env;
    const StampFile& previous;  // entries of an older build with the same fingerprint, else empty
    bool incremental;
    // One job: mpyc exits right after it, so the compiler need not free its working data.
    bool single_job;
};

void write_output(const CompileJob& job, const std::string& bytes, bool make_dirs,
                  std::optional<std::int64_t> source_mtime_ns) {
    if (make_dirs) {
        std::filesystem::path parent = std::filesystem::path(job.output).parent_path();
        std::error_code ec;
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        if (ec) throw FileAccessError(ec.value(), parent.string(), true);
    }
    write_output_file(job.output, bytes, source_mtime_ns);
}

// Decides whether an incremental job can be skipped.  Returns true (and fills `result`) if so;
// otherwise may leave the source text it had to read in `source`.
bool skip_if_up_to_date(const BuildContext& ctx, const CompileJob& job, SourceState& state, bool& have_state,
                        std::string& source, bool& have_source, JobResult& result) {
    have_state = stat_source(job.input, state);
    if (!have_state) return false;  // reading it will report the error
    std::optional<StampEntry> recorded;
    if (auto it = ctx.previous.entries.find(job.stamp_key); it != ctx.previous.entries.end()) recorded = it->second;
    const bool output_exists = file_exists(job.output);
    Freshness fresh = check_freshness(recorded, job.input, state, false, output_exists);
    if (fresh == Freshness::NeedsContent) {
        source = read_source_file(job.input);
        have_source = true;
        state.hash = content_hash(source);
        fresh = check_freshness(recorded, job.input, state, true, output_exists);
    }
    if (fresh == Freshness::UpToDate) {
        result.status = JobStatus::UpToDate;
        result.stamp = recorded;
        return true;
    }
    if (fresh == Freshness::SameContent) {
        refresh_output_time(job.output, state.mtime_ns);
        result.status = JobStatus::UpToDate;
        result.stamp = StampEntry{job.input, state};
        return true;
    }
    return false;
}

// The name mpy-cross's lexer gives the input: its path, or "<stdin>".
std::string lexer_name(const CompileJob& job) { return job.input == "-" ? "<stdin>" : job.input; }

JobResult run_job(const BuildContext& ctx, const CompileJob& job) {
    JobResult result;
    std::string source;
    std::string native_trace;  // -march=debug's text, printed before the .mpy (if that goes to stdout)
    try {
        SourceState state;
        bool have_state = false;
        bool have_source = false;
        if (ctx.incremental && !ctx.options.force &&
            skip_if_up_to_date(ctx, job, state, have_state, source, have_source, result)) {
            return result;
        }
        if (ctx.incremental && !have_state) have_state = stat_source(job.input, state);
        // The source's mtime dates the output (output_mtime_ns); a read takes it from its fstat.
        std::optional<std::int64_t> source_mtime;
        if (have_state) source_mtime = state.mtime_ns;
        if (!have_source && job.input == "-") {
            source = ctx.env.read_stdin();
        } else if (!have_source) {
            std::int64_t mtime = 0;
            source = read_source_file(job.input, &mtime);
            if (!have_state) source_mtime = mtime;
        }

        CompileOptions settings;
        settings.source_name = job.source_name;
        if (lexer_name(job) != job.source_name) settings.input_path = lexer_name(job);
        settings.opt_level = ctx.options.opt_level;
        settings.small_int_bits = ctx.options.small_int_bits;
        settings.arch = ctx.options.arch;
        settings.arch_flags = ctx.options.arch_flags;
        settings.emit = ctx.options.emit;
        settings.compat = ctx.options.compat;
        settings.free_memory = !ctx.single_job;
        if (ctx.options.arch == "debug") settings.native_trace = &native_trace;
        std::string bytes = ctx.env.compile(source, settings);
        if (job.output == "-") {
            result.stdout_bytes = std::move(bytes);
        } else {
            write_output(job, bytes, ctx.incremental, source_mtime);
        }
        result.status = JobStatus::Compiled;
        if (ctx.incremental && have_state) {
            state.hash = content_hash(source);
            result.stamp = StampEntry{job.input, state};
        }
    } catch (const DiagnosticError& e) {
        Diagnostic d = e.diagnostic();
        // mpy-cross names lexer and parser errors after the file it read, and only the compiler's
        // own errors (those with a scope: ", in f") after the -s name.  A tree's files are stored
        // under their relative names, but an error should point at the file on disk: all of them do.
        if (d.where.file == job.source_name && (d.scope.empty() || !ctx.options.source_name)) {
            d.where.file = lexer_name(job);
        }
        describe_compile_error(result, d, source);
    } catch (const FileAccessError& e) {
        describe_file_error(result, e);
    } catch (const std::exception& e) {
        // A compiler bug must not take the other files down with it: report it against this file.
        describe_compile_error(result, Diagnostic{"InternalError", e.what(), {job.input}}, {});
        result.compat_text = fmt::format("mpyc: internal error while compiling {}: {}\n", job.input, e.what());
    }
    result.stdout_bytes.insert(0, native_trace);
    return result;
}

std::string stamp_path(const DriverOptions& options) { return join_path(*options.out_dir, kStampFileName); }

StampFile load_stamp(const DriverOptions& options, const std::string& fingerprint) {
    try {
        StampFile stamp = parse_stamp(read_source_file(stamp_path(options)));
        if (stamp.fingerprint == fingerprint) return stamp;
    } catch (const FileAccessError&) {
        // No stamp yet (first build): everything is stale.
    }
    return StampFile{fingerprint, {}};
}

// Records the outputs that are now good and forgets those that failed, keeping entries of other
// files built into the same directory by earlier calls.  Writes only if something changed.
void save_stamp(const DriverOptions& options, StampFile stamp, const std::vector<CompileJob>& jobs,
                const std::vector<JobResult>& results) {
    const std::string before = format_stamp(stamp);
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (results[i].stamp) {
            stamp.entries[jobs[i].stamp_key] = *results[i].stamp;
        } else {
            stamp.entries.erase(jobs[i].stamp_key);
        }
    }
    std::string after = format_stamp(stamp);
    if (after != before || !file_exists(stamp_path(options))) write_file_atomic(stamp_path(options), after);
}

std::string depfile_text(const DriverOptions& options, const BuildPlan& plan) {
    if (options.depfile_target) {
        std::vector<std::string> prerequisites;
        for (const auto& job : plan.jobs) prerequisites.push_back(job.input);
        prerequisites.insert(prerequisites.end(), plan.scanned_dirs.begin(), plan.scanned_dirs.end());
        return depfile_single_target(*options.depfile_target, prerequisites);
    }
    std::vector<std::pair<std::string, std::string>> rules;
    for (const auto& job : plan.jobs) rules.emplace_back(job.output, job.input);
    return depfile_per_output(rules);
}

}  // namespace

int run_driver(const DriverOptions& options, const DriverEnv& env) {
    BuildPlan plan;
    try {
        plan = plan_build(options);
    } catch (const DiagnosticError& e) {
        env.write_stderr(fmt::format("mpyc: {}\n", e.what()));
        return 1;
    }

    const std::string fingerprint = make_fingerprint(env.compiler_identity, options.opt_level, options.small_int_bits,
                                                     options.arch, options.arch_flags, options.emit,
                                                     compat_name(options.compat));
    const bool incremental = plan.incremental;
    StampFile previous = incremental && !options.force ? load_stamp(options, fingerprint) : StampFile{fingerprint, {}};
    if (incremental) {
        std::error_code ec;
        std::filesystem::create_directories(*options.out_dir, ec);
    }

    BuildContext ctx{options, env, previous, incremental, plan.jobs.size() == 1};
    std::vector<JobResult> results(plan.jobs.size());
    const unsigned threads = options.jobs ? options.jobs : env.default_jobs;
    run_parallel(plan.jobs.size(), threads, [&](size_t i) { results[i] = run_job(ctx, plan.jobs[i]); });

    // Report in input order, whatever order the threads finished in.
    const bool rich = !options.json && (options.diagnostics == DiagnosticsStyle::Rich ||
                                        (options.diagnostics == DiagnosticsStyle::Auto && env.stderr_is_terminal));
    const bool chatty = options.verbose > 0 && !options.is_single_compile();
    int failed = 0, compiled = 0, up_to_date = 0;
    std::string err_text;
    for (size_t i = 0; i < plan.jobs.size(); ++i) {
        const JobResult& r = results[i];
        const CompileJob& job = plan.jobs[i];
        if (r.status == JobStatus::Failed) {
            ++failed;
            if (!options.json) err_text += r.compat_text;
            if (rich) err_text += r.rich_text;
        } else {
            ++(r.status == JobStatus::Compiled ? compiled : up_to_date);
            if (chatty) {
                err_text += fmt::format("mpyc: {} {} -> {}\n", r.status == JobStatus::Compiled ? "compiled" : "up to date",
                                        job.input, job.output);
            }
        }
        // Written for failed jobs too: -march=debug's trace of the functions before the error.
        if (!r.stdout_bytes.empty()) env.write_stdout(r.stdout_bytes);
    }
    if (chatty) {
        err_text += fmt::format("mpyc: {} compiled, {} up to date, {} failed\n", compiled, up_to_date, failed);
    }

    int status = failed ? 1 : 0;
    try {
        if (incremental) save_stamp(options, std::move(previous), plan.jobs, results);
        // Like gcc, no depfile for a failed build: the build system will run mpyc again anyway.
        if (options.depfile && !failed) write_file_atomic(*options.depfile, depfile_text(options, plan));
    } catch (const DiagnosticError& e) {
        err_text += fmt::format("mpyc: {}\n", e.what());
        status = 1;
    }
    if (!err_text.empty()) env.write_stderr(err_text);
    if (options.json) env.write_stdout(json_report(plan.jobs, results));
    return status;
}

}  // namespace mpy
