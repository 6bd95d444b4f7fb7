// libFuzzer target: arbitrary bytes from a "board" into the host side of the mount protocol.
// The request parser (fed in two pieces, split where the first byte says) must pass through
// output and complete requests without crashing, holding more than it was given, or inventing
// bytes; every request is then served by a file server on a scratch folder, whose answers must
// be well-formed replies.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

#include "remote/mount/file_server.h"
#include "remote/mount/request_parser.h"

namespace {

const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("mpr-mount-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d / "sub");
        std::atexit([] { std::filesystem::remove_all(scratch()); });
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    mpy::mount::MountFileServer server(scratch(), false, 64);  // a fresh one: no handles left over
    mpy::mount::MountRequestParser parser("Tok123");
    std::size_t output = 0, payload = 0;
    auto on_output = [&](std::string_view o) { output += o.size(); };
    auto on_request = [&](mpy::mount::MountRequest&& r) {
        if (r.fields.empty() || r.fields[0] != static_cast<long long>(r.payload.size())) __builtin_trap();
        payload += r.payload.size();
        auto reply = server.serve(r);
        if (reply && (reply->empty() || (*reply)[0] != mpy::mount::kMarker || reply->find('\n') == std::string::npos))
            __builtin_trap();
    };
    std::size_t split = size ? data[0] % (size + 1) : 0;
    parser.feed(in.substr(0, split), on_output, on_request);
    parser.feed(in.substr(split), on_output, on_request);
    if (output + payload > size) __builtin_trap();
    return 0;
}
