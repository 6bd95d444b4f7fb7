// `mpytool dis` over every native golden (machine code that MicroPython's mpy-cross made for our
// test programs, tests/native/expected/1.28, tests/mpytool/mpy and this folder's data/): every
// instruction the
// emitters and inline assemblers wrote decodes (no "unknown instruction" item), and the listing
// resolves the tables native code uses.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "mpytool/disasm.h"
#include "mpytool/loaded_file.h"

namespace mpy::tool {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> native_goldens() {
    std::vector<fs::path> files;
    for (const char* dir : {"tests/native/expected/1.28", "tests/mpytool/mpy", "tests/unit/machine_code/data"}) {
        for (const auto& e : fs::recursive_directory_iterator(fs::path(MPYTOOLS_SOURCE_DIR) / dir)) {
            if (e.path().extension() == ".mpy") files.push_back(e.path());
        }
    }
    return files;
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(DisGoldens, EveryInstructionOfEveryArchitectureDecodes) {
    std::map<std::string, int> files_per_arch;
    std::map<std::string, int> fun_table_refs_per_arch;
    for (const auto& path : native_goldens()) {
        auto f = load_mpy(path);
        if (f.module.header.arch == NativeArch::None) continue;
        std::string listing = render_dis(f);
        std::string arch(arch_name(f.module.header.arch));
        ++files_per_arch[arch];
        fun_table_refs_per_arch[arch] += count(listing, "; fun_table[");
        // An asm_xtensa or asm_rv32 program's data() that follows a register jump (jx, callx0) or
        // that a branch lands in cannot be told from code by a disassembler (Thumb's is jumped
        // over), and its call0 may aim past its own code.
        bool inline_data = path.filename() == "asm_basic.mpy" &&
                                  (arch == "xtensa" || arch == "xtensawin" || arch == "rv32imc");
        // asm_thumb on armv6 is Thumb code behind an ARM-state prelude; the listing decodes an
        // armv6 function as ARM code throughout.
        bool armv6_inline_thumb = path.filename() == "asm_basic.mpy" && arch == "armv6";
        if (!inline_data && !armv6_inline_thumb) {
            EXPECT_EQ(count(listing, "unknown instruction"), 0) << path << "\n" << listing;
            EXPECT_EQ(count(listing, "<outside the code>"), 0) << path;
        }
    }
    // The goldens cover these architectures; each one's listing names runtime calls.
    for (const char* arch : {"x64", "x86", "armv6m", "armv7m", "armv7em", "armv7emsp", "armv7emdp", "rv32imc", "xtensa", "xtensawin", "armv6"}) {
        EXPECT_GT(files_per_arch[arch], 0) << arch;
        EXPECT_GT(fun_table_refs_per_arch[arch], 0) << arch;
    }
}

TEST(DisGoldens, RawKeepsTheHexRows) {
    auto f = load_mpy(fs::path(MPYTOOLS_SOURCE_DIR) / "tests/native/expected/1.28/rv32imc/native_calls.mpy");
    DisOptions raw;
    raw.raw = true;
    std::string hex = render_dis(f, raw);
    std::string listing = render_dis(f);
    EXPECT_EQ(count(hex, "; fun_table["), 0);
    EXPECT_GT(count(listing, "; fun_table["), 0);
    EXPECT_GT(count(listing, "; qstr '"), 0);
    EXPECT_GT(count(listing, "; const #"), 0);
}

}  // namespace
}  // namespace mpy::tool
