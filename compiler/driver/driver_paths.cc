#include "compiler/driver/driver_paths.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "common/diagnostics.h"

namespace mpy {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Directories a tree walk never enters: version control and editor state (hidden) and CPython's
// byte-code caches, none of which hold modules for the board.
bool skipped_directory(std::string_view name) { return name.empty() || name[0] == '.' || name == "__pycache__"; }

[[noreturn]] void tree_error(const std::string& root, const std::error_code& ec) {
    throw DiagnosticError(Diagnostic{"error", "cannot read directory: " + ec.message(), {root}});
}

void walk(const std::string& root, const std::string& rel, std::vector<std::string>& files,
          std::vector<std::string>* dirs) {
    const std::string here = rel.empty() ? root : join_path(root, rel);
    if (dirs) dirs->push_back(here);
    std::error_code ec;
    fs::directory_iterator it(here, ec);
    if (ec) tree_error(here, ec);
    std::vector<std::string> subdirs;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) tree_error(here, ec);
        const std::string name = it->path().filename().string();
        // Symlinked directories are not followed (a link back up the tree would never end).
        std::error_code type_ec;
        if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
            if (!skipped_directory(name)) subdirs.push_back(name);
        } else if (ends_with(name, ".py") && name.size() > 3 && it->is_regular_file(type_ec)) {
            files.push_back(rel.empty() ? name : join_path(rel, name));
        }
    }
    if (ec) tree_error(here, ec);
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& sub : subdirs) walk(root, rel.empty() ? sub : join_path(rel, sub), files, dirs);
}

std::string file_name_part(std::string_view path) {
    size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

std::string default_output_name(std::string_view input) {
    std::string out(input.substr(0, input.size() >= 2 ? input.size() - 2 : 0));
    out += "mpy";
    return out;
}

std::string join_path(std::string_view a, std::string_view b) {
    std::string out(a);
    if (!out.empty() && out.back() != '/') out += '/';
    out += b;
    return out;
}

std::vector<std::string> find_python_sources(const std::string& root, std::vector<std::string>* dirs) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        throw DiagnosticError(Diagnostic{"error", ec ? "cannot read directory: " + ec.message() : "not a directory", {root}});
    }
    std::vector<std::string> files;
    walk(root, "", files, dirs);
    std::sort(files.begin(), files.end());
    return files;
}

BuildPlan plan_build(const DriverOptions& options) {
    BuildPlan plan;
    plan.incremental = options.out_dir.has_value();
    const std::string out_dir = options.out_dir.value_or("");

    for (const auto& input : options.inputs) {
        CompileJob job;
        job.input = input;
        job.source_name = options.source_name.value_or(input == "-" ? "<stdin>" : input);
        if (options.output) {
            job.output = *options.output;
        } else if (input == "-") {
            job.output = "-";
        } else if (options.out_dir) {
            job.stamp_key = file_name_part(default_output_name(input));
            job.output = join_path(out_dir, job.stamp_key);
        } else {
            job.output = default_output_name(input);
        }
        plan.jobs.push_back(std::move(job));
    }

    for (const auto& root : options.trees) {
        for (const auto& rel : find_python_sources(root, &plan.scanned_dirs)) {
            CompileJob job;
            job.input = join_path(root, rel);
            job.source_name = rel;
            const std::string out_rel = default_output_name(rel);
            if (options.out_dir) {
                job.stamp_key = out_rel;
                job.output = join_path(out_dir, out_rel);
            } else {
                job.output = join_path(root, out_rel);
            }
            plan.jobs.push_back(std::move(job));
        }
    }

    // Two jobs writing one file would race and silently lose a module: refuse before compiling.
    std::map<std::string, const CompileJob*> by_output;
    for (const auto& job : plan.jobs) {
        if (job.output == "-") continue;
        auto [it, fresh] = by_output.emplace(job.output, &job);
        if (!fresh) {
            throw DiagnosticError(Diagnostic{
                "error", "'" + it->second->input + "' and '" + job.input + "' would both be written to '" + job.output + "'",
                {}});
        }
    }
    return plan;
}

}  // namespace mpy
