#include "mpytool/loaded_file.h"

#include "common/file_io.h"

namespace mpy::tool {

LoadedMpy parse_mpy(std::string bytes, std::string path) {
    LoadedMpy f;
    f.path = std::move(path);
    f.bytes = std::move(bytes);
    f.module = read_mpy(std::string_view(f.bytes), f.path, &f.layout);
    return f;
}

LoadedMpy load_mpy(const std::filesystem::path& path) {
    return parse_mpy(read_file(path), path.string());
}

}  // namespace mpy::tool
