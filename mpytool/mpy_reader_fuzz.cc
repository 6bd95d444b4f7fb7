// libFuzzer target: the .mpy reader and everything mpytool does with what it returns must never
// crash, hang or read out of bounds, whatever the bytes.  Properties checked on every input that
// parses: re-writing and re-reading gives the same model, and info/dis/verify/diff/freeze run.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/diagnostics.h"
#include "common/mpy_reader.h"
#include "common/mpy_writer.h"
#include "mpytool/diff.h"
#include "mpytool/disasm.h"
#include "mpytool/freeze.h"
#include "mpytool/info.h"
#include "mpytool/loaded_file.h"
#include "mpytool/verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mpy;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    (void)tool::verify_bytes(bytes, "fuzz.mpy");
    tool::LoadedMpy f;
    try {
        f = tool::parse_mpy(bytes, "fuzz.mpy");
    } catch (const DiagnosticError&) {
        return 0;
    }
    std::string again = write_mpy(f.module);
    MpyModule back = read_mpy(std::string_view(again), "again.mpy");
    if (!(back == f.module)) std::abort();  // the writer and reader disagree
    (void)tool::render_info(f);
    (void)tool::render_dis(f, {});
    (void)tool::diff_modules(f, f);
    try {
        (void)tool::freeze_modules({f}, {});
    } catch (const DiagnosticError&) {
    }
    return 0;
}
