// Turns the packages named on the command line into an install plan: every package (its
// dependencies resolved recursively, each once) with the files it puts in the target folder and
// where each file comes from.  Only package descriptions are fetched here; file contents are
// fetched by fetch_file, which verifies them against the hash the index names.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "remote/mip/fetcher.h"
#include "remote/mip/package_json.h"
#include "remote/mip/package_spec.h"

namespace mpy::mip {

struct PlannedFile {
    std::string target;      // relative to the target folder
    std::string url;         // what is fetched (http(s) URL or host path)
    std::string short_hash;  // the index's sha256 prefix; "" for files given by URL
    std::string data;        // the content, once fetched
    bool fetched = false;
    bool compiled = false;   // turned from .py into .mpy on the host (--compile)
};

struct PlannedPackage {
    std::string name;     // the manifest's key: the index name, or a name made from the URL/path
    std::string version;  // the package's own "version", else the version asked for
    std::string source;   // the argument (or dependency) that named it
    std::vector<PlannedFile> files;
    std::vector<std::string> deps;  // names of the packages it depends on
};

struct ResolveOptions {
    std::string index;        // base URL or host folder of the index, without a trailing '/'
    std::string mpy_version;  // "6", ... or "py": the index folder to take packages from
    HostBases bases;
};

class Resolver {
public:
    // `say` receives mpremote's progress lines ("Installing NAME (latest) from INDEX to TARGET").
    Resolver(Fetcher& fetcher, ResolveOptions options, std::string target_for_messages,
             std::function<void(const std::string&)> say);

    // Adds `arg` (a command-line package argument) and its dependencies to the plan.
    void add(const std::string& arg);
    const std::vector<PlannedPackage>& packages() const { return packages_; }
    std::vector<PlannedPackage>& packages() { return packages_; }

private:
    void add_spec(const PackageSpec& spec);
    void add_from_json(PlannedPackage pkg, const std::string& json_location, const std::string& ref, bool from_index);
    Fetcher& fetcher_;
    ResolveOptions opts_;
    std::string target_;
    std::function<void(const std::string&)> say_;
    std::vector<PlannedPackage> packages_;
    std::set<std::string> seen_;  // index names and locations already in the plan
};

// Fetches `file` (unless already fetched) and checks it against its index hash.  Throws
// DiagnosticError naming the file, its URL and both hashes on a mismatch.
void fetch_file(Fetcher& fetcher, PlannedFile& file, const std::string& package_name);

// The URL of an index file by its hash: INDEX/file/{h[:2]}/{h}.
std::string index_file_url(const std::string& index, const std::string& short_hash);

}  // namespace mpy::mip
