// libFuzzer target: the disassemblers and the annotator must cover every byte of any input, in
// order, without crashing or reading out of bounds.  The first byte picks the architecture (all
// .mpy architecture numbers) and whether the code is emitter code; the rest is the machine code.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "mpytool/machine_code/annotate.h"
#include "mpytool/machine_code/disassembler.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mpy;
    if (size == 0) return 0;
    auto arch = static_cast<NativeArch>(data[0] % kNativeArchCount);
    bool emitter_code = data[0] & 0x80;
    std::span<const std::uint8_t> code(data + 1, size - 1);
    std::uint32_t start = (data[0] & 0x40) ? 4 : 0;  // a native function's prelude-index word
    auto insns = machine_code::disassemble(arch, code, start);
    std::uint32_t at = 0;
    for (const auto& i : insns) {
        if (i.offset != at || i.size == 0) std::abort();  // a gap, an overlap or an empty item
        at += i.size;
    }
    if (at != code.size() && !(code.size() < start && at == code.size())) std::abort();
    machine_code::ModuleNames names;
    names.qstr = [](std::size_t) { return std::string("'q'"); };
    names.constant = [](std::size_t) { return std::string("c"); };
    names.child = [](std::size_t) { return std::string("f"); };
    machine_code::annotate(arch, insns, code, names, emitter_code);
    return 0;
}
