#include "remote/romfs/folder_image.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "common/diagnostics.h"
#include "remote/romfs/romfs_image.h"

namespace mpy::romfs {
namespace {

namespace fs = std::filesystem;


bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string read_host_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) raise_error("romfs: cannot read " + path);
    std::ostringstream data;
    data << in.rdbuf();
    if (in.bad()) raise_error("romfs: cannot read " + path);
    return data.str();
}

// Sorted as Python sorts os.listdir's names (by code point, which for UTF-8 is byte order).
std::vector<std::string> sorted_names(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    if (ec) raise_error("romfs: cannot list " + dir + ": " + ec.message());
    std::sort(names.begin(), names.end());
    return names;
}

class FolderWalker {
public:
    FolderWalker(ImageWriter& image, const FolderImageOptions& options) : image_(image), options_(options) {}

    // `dir` ends in '/' (mpremote joins names to it as given, and so names the compiled sources).
    void walk(const std::string& dir, const std::string& prefix) {
        std::vector<std::string> names = sorted_names(dir);
        for (const std::string& name : names) {
            bool last = name == names.back();
            std::string entry = prefix + (last ? "\\--" : "|--") + " ";
            std::string path = dir + name;
            std::error_code ec;
            fs::file_status st = fs::status(path, ec);  // follows links, as os.stat
            if (ec) raise_error("romfs: cannot read " + path + ": " + ec.message());
            try {
                if (fs::is_directory(st)) {
                    say(entry + name + "/");
                    image_.open_dir(name);
                    walk(path + "/", prefix + (last ? "    " : "|   "));
                    image_.close_dir();
                } else {
                    add_file(dir, name, entry);
                }
            } catch (const std::invalid_argument& e) {
                raise_error("romfs: " + path + ": " + e.what());
            }
        }
    }

private:
    void add_file(const std::string& dir, const std::string& name, const std::string& entry) {
        std::string path = dir + name;
        bool compile = options_.compile && ends_with(name, ".py") &&
                       !fs::is_regular_file(dir + name.substr(0, name.size() - 3) + ".mpy");
        if (!compile) {
            say(entry + name);
            image_.add_file(name, read_host_file(path));
            return;
        }
        say(entry + name + " -> .mpy");
        std::string source = read_host_file(path);
        CompileOptions opts = options_.compile_options;
        opts.source_name = path;
        std::string mpy;
        try {
            mpy = compile_to_mpy(source, opts);
        } catch (const DiagnosticError& e) {
            const Diagnostic& d = e.diagnostic();
            raise_error("romfs: " + path + (d.where.line ? ":" + std::to_string(d.where.line) : "") + ": " + d.kind + ": " +
                 d.message + " (nothing was written; --no-mpy keeps .py source)");
        }
        image_.add_file(name.substr(0, name.size() - 3) + ".mpy", mpy);
    }

    void say(const std::string& line) const {
        if (options_.print) options_.print(line);
    }

    ImageWriter& image_;
    const FolderImageOptions& options_;
};

}  // namespace

std::string build_folder_image(const std::string& folder, const FolderImageOptions& options) {
    std::string dir = folder;
    if (dir.empty() || dir.back() != '/') dir += '/';
    if (!fs::is_directory(dir)) raise_error("romfs: " + folder + " is not a folder");
    if (options.print) {
        options.print("Building romfs filesystem, source directory: " + dir);
        options.print("/");
    }
    ImageWriter image;
    FolderWalker(image, options).walk(dir, "");
    return image.finish();
}

}  // namespace mpy::romfs
