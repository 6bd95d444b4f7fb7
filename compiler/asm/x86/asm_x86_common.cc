// Encodings shared by the x86 and x86-64 assemblers; see asm_x86_common.h.
#include "compiler/asm/x86/asm_x86_common.h"

#include <algorithm>

namespace mpy {

using namespace x86_family;

void AsmX86Family::put(std::initializer_list<std::uint8_t> bytes) {
    if (std::uint8_t* p = reserve(bytes.size())) {
        std::copy(bytes.begin(), bytes.end(), p);
    }
}

void AsmX86Family::put_mem_operand(int reg, int base, std::int32_t disp) {
    // An ebp-like base has no "no displacement" form (that encoding means disp32 / rip-relative).
    std::uint8_t mod;
    if (disp == 0 && low3(base) != kBaseNeedsDisp) {
        mod = kModNoDisp;
    } else if (fits_i8(disp)) {
        mod = kModDisp8;
    } else {
        mod = kModDisp32;
    }
    put({modrm(mod, reg, base)});
    if (low3(base) == kBaseNeedsSib) {
        put({0x24});  // SIB: scale 1, no index, that base
    }
    if (mod == kModDisp8) {
        put({static_cast<std::uint8_t>(disp)});
    } else if (mod == kModDisp32) {
        put32(static_cast<std::uint32_t>(disp));
    }
}

void AsmX86Family::jump(std::uint8_t short_op, std::initializer_list<std::uint8_t> long_op, std::size_t label) {
    const std::int64_t dest = label_offset(label);
    const auto here = static_cast<std::int64_t>(code_pos());
    if (dest != -1 && dest < here) {
        // Backward: the target is known in both passes, so the short form is safe to choose.
        const std::int64_t rel8 = dest - (here + 2);
        if (fits_i8(rel8)) {
            put({short_op, static_cast<std::uint8_t>(rel8)});
            return;
        }
    }
    // Forward (or too far): rel32, measured from the end of the instruction.
    const std::int64_t rel32 = dest - (here + static_cast<std::int64_t>(long_op.size()) + 4);
    put(long_op);
    put32(static_cast<std::uint32_t>(rel32));
}

void AsmX86Family::jmp(std::size_t label) { jump(0xeb, {0xe9}, label); }

void AsmX86Family::jcc(Cond cc, std::size_t label) {
    jump(static_cast<std::uint8_t>(0x70 | cc), {0x0f, static_cast<std::uint8_t>(0x80 | cc)}, label);
}

}  // namespace mpy
