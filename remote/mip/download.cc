#include "remote/mip/download.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "remote/board/sha256.h"
#include "remote/mip/package_json.h"

namespace mpy::mip {
namespace {

namespace fs = std::filesystem;

void write_host_file(const fs::path& path, const std::string& data) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) raise_error("cannot make the folder " + path.parent_path().string() + ": " + ec.message());
    fs::path temporary = path;
    temporary += ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        if (!out) raise_error("cannot write " + temporary.string());
    }
    fs::rename(temporary, path, ec);
    if (ec) raise_error("cannot write " + path.string() + ": " + ec.message());
}

// A version usable as a file name; index versions are already such ("0.6.1", "3.4.2-3").
std::string version_file(const std::string& v) {
    if (v.empty() || !is_safe_target_path(v) || v.find('/') != std::string::npos) return "latest";
    return v;
}

}  // namespace

void write_local_index(Fetcher& fetcher, std::vector<PlannedPackage>& packages, const fs::path& dir,
                       const std::string& mpy_version) {
    for (PlannedPackage& p : packages) {
        nlohmann::json hashes = nlohmann::json::array();
        for (PlannedFile& f : p.files) {
            fetch_file(fetcher, f, p.name);
            std::string hash = to_hex(sha256(f.data)).substr(0, 8);
            write_host_file(dir / "file" / hash.substr(0, 2) / hash, f.data);
            hashes.push_back({f.target, hash});
        }
        nlohmann::json deps = nlohmann::json::array();
        for (const std::string& d : p.deps) deps.push_back({d, ""});
        nlohmann::json doc = {{"v", 1}, {"hashes", hashes}, {"deps", deps}, {"version", p.version}};
        std::string text = doc.dump(1) + "\n";
        fs::path pkg_dir = dir / "package" / mpy_version / p.name;
        write_host_file(pkg_dir / "latest.json", text);
        if (version_file(p.version) != "latest") write_host_file(pkg_dir / (p.version + ".json"), text);
    }
}

}  // namespace mpy::mip
