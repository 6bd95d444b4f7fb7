#include "mpytool/machine_code/annotate.h"

#include <array>
#include <map>
#include <optional>

#include <fmt/format.h>

namespace mpy::machine_code {
namespace {

// The registers native code keeps fixed (py/asm*.h: REG_FUN_TABLE, and REG_LOCAL_3 which holds
// the qstr table in code made for a .mpy), named as the decoders name them.
struct Abi {
    const char* fun_table;
    const char* qstr_table;
    int word;
    const char* first_argument;  // holds the function object on entry (x86 passes it on the stack)
};

std::optional<Abi> abi_of(NativeArch arch) {
    switch (arch) {
        case NativeArch::X64: return Abi{"rbp", "r13", 8, "rdi"};
        case NativeArch::X86: return Abi{"ebp", "edi", 4, ""};
        case NativeArch::ArmV6:
        case NativeArch::ArmV6M:
        case NativeArch::ArmV7M:
        case NativeArch::ArmV7EM:
        case NativeArch::ArmV7EMSP:
        case NativeArch::ArmV7EMDP: return Abi{"r7", "r6", 4, "r0"};
        case NativeArch::Xtensa: return Abi{"a15", "a14", 4, "a2"};
        case NativeArch::XtensaWin: return Abi{"a7", "a6", 4, "a2"};
        case NativeArch::RV32IMC: return Abi{"s1", "s4", 4, "a0"};
        default: return std::nullopt;
    }
}

// Word offsets in the runtime's structs (mp_obj_fun_bc_t, mp_module_context_t).
constexpr int kFunBcContext = 1;
constexpr int kFunBcChildTable = 2;
constexpr int kContextGlobals = 1;
constexpr int kContextQstrTable = 2;
constexpr int kContextObjTable = 3;

// What a register is known to hold, from the loads just before.
// FunctionObject: the entry's first argument, or a word loaded from a stack slot (where the
// emitter keeps the function object), the only bases whose context the chain follows.
enum class Holds { FunctionObject, Context, ObjTable, ChildTable, FunTable };
struct Known {
    Holds holds;
    std::int64_t offset = 0;  // FunTable: the register points this many bytes into it
    // The loads that led here and what each one loaded, commented only once the chain reaches
    // a table entry: a load from a stack slot then from +4 may also be a viper pointer's word.
    std::vector<std::pair<std::size_t, std::string>> steps;
};

Known step(const Known& from, Holds holds, std::size_t index, std::string what) {
    Known k{holds, 0, from.steps};
    k.steps.emplace_back(index, std::move(what));
    return k;
}

bool is_stack_pointer(const std::string& r) { return r == "sp" || r == "rsp" || r == "esp" || r == "a1"; }

}  // namespace

std::string fun_table_entry_name(std::size_t index) {
    static constexpr std::array<const char*, 50> names = {
        "const_none_obj", "const_false_obj", "const_true_obj", "convert_obj_to_native", "convert_native_to_obj",
        "native_swap_globals", "load_name", "load_global", "load_build_class", "load_attr", "load_method",
        "load_super_method", "store_name", "store_global", "store_attr", "obj_subscr", "obj_is_true", "unary_op",
        "binary_op", "build_tuple", "build_list", "build_map", "build_set", "store_set", "list_append", "store_map",
        "make_function_from_proto_fun", "native_call_function_n_kw", "call_method_n_kw", "call_method_n_kw_var",
        "native_getiter", "native_iternext", "nlr_push", "nlr_pop", "native_raise", "import_name", "import_from",
        "import_all", "new_slice", "unpack_sequence", "unpack_ex", "delete_name", "delete_global", "new_closure",
        "arg_check_num_sig", "setup_code_state", "small_int_floor_divide", "small_int_modulo", "native_yield_from",
        "setjmp"};
    return index < names.size() ? names[index] : fmt::format("{}", index);
}

void annotate(NativeArch arch, std::vector<Instruction>& insns, std::span<const std::uint8_t> code,
              const ModuleNames& names, bool emitter_code) {
    const std::optional<Abi> found = emitter_code ? abi_of(arch) : std::nullopt;
    const bool use_abi = found.has_value();
    const Abi abi = found.value_or(Abi{"", "", 4, ""});
    // Known contents of registers, valid while loads and register additions follow each other:
    // the emitter loads each step of a chain (function object -> context -> obj_table -> entry)
    // right after the last.  Any other instruction may change registers, so it forgets them all.
    std::map<std::string, Known> known;
    // The prologue saves registers and makes the frame before it reads the function object, so
    // the first argument register is trusted for its first few instructions.
    constexpr std::size_t kPrologueLength = 12;
    std::size_t decoded = 0;
    for (std::size_t n = 0; n < insns.size(); ++n) {
        Instruction& insn = insns[n];
        if (insn.is_data) continue;
        ++decoded;
        std::map<std::string, Known> next;
        // In the prologue the instructions between the loads save registers and arguments,
        // so what is known survives them.
        if (decoded <= kPrologueLength && !insn.load && !insn.add_immediate) next = known;
        if (use_abi && *abi.first_argument && decoded <= kPrologueLength &&
            !(insn.load && insn.load->dest == abi.first_argument)) {
            known.try_emplace(abi.first_argument, Known{Holds::FunctionObject});
            next[abi.first_argument] = Known{Holds::FunctionObject};
        }
        if (insn.load) {
            next.insert(known.begin(), known.end());
            next.erase(insn.load->dest);
        }
        if (use_abi && insn.add_immediate) {
            const AddImmediate& add = *insn.add_immediate;
            next = known;
            next.erase(add.dest);
            auto source = known.find(add.source);
            if (source != known.end() && source->second.holds == Holds::FunTable) {
                next[add.dest] = Known{Holds::FunTable, source->second.offset + add.value, source->second.steps};
            } else if (source != known.end() && add.value == 0) {
                next[add.dest] = source->second;  // a register copy
            } else if (source == known.end() && add.source == abi.fun_table) {
                next[add.dest] = Known{Holds::FunTable, add.value};
            }
        }
        if (insn.literal_address && std::size_t{*insn.literal_address} + 4 <= code.size()) {  // no uint32 wrap
            std::size_t at = *insn.literal_address;
            std::uint32_t value = code[at] | code[at + 1] << 8 | code[at + 2] << 16 |
                                  static_cast<std::uint32_t>(code[at + 3]) << 24;
            insn.comment = fmt::format("= {:#x}", value);
        }
        if (use_abi && insn.load && insn.load->displacement >= 0) {
            const MemoryLoad& l = *insn.load;
            auto index = static_cast<std::size_t>(l.displacement);
            auto base = known.find(l.base);
            const auto word = static_cast<std::size_t>(abi.word);
            bool whole_word = l.width == abi.word && index % word == 0;
            if (base != known.end() && base->second.holds == Holds::FunTable) {
                std::int64_t at = base->second.offset + l.displacement;
                if (l.width == abi.word && at % abi.word == 0) {
                    insn.comment = fmt::format("fun_table[{}]", fun_table_entry_name(static_cast<std::size_t>(at / abi.word)));
                }
            } else if (base != known.end() && whole_word && base->second.holds != Holds::FunctionObject) {
                // A chain step: function object -> context -> its tables -> an entry.
                const Known& from = base->second;
                auto resolved = [&](std::string what) {
                    for (const auto& [at, label] : from.steps) insns[at].comment = label;
                    insn.comment = std::move(what);
                };
                if (from.holds == Holds::Context && index == kContextGlobals * word) {
                    resolved("context: module globals");
                } else if (from.holds == Holds::Context && index == kContextQstrTable * word) {
                    resolved("context: qstr table");
                } else if (from.holds == Holds::Context && index == kContextObjTable * word) {
                    next[l.dest] = step(from, Holds::ObjTable, n, "context: constant table");
                } else if (from.holds == Holds::ObjTable) {
                    resolved(fmt::format("const {}", names.constant(index / word)));
                } else if (from.holds == Holds::ChildTable) {
                    resolved(fmt::format("child {}", names.child(index / word)));
                }
            } else if (l.base == abi.fun_table && whole_word) {
                insn.comment = fmt::format("fun_table[{}]", fun_table_entry_name(index / word));
            } else if (l.base == abi.qstr_table && l.width == 2 && index % 2 == 0) {
                insn.comment = fmt::format("qstr {}", names.qstr(index / 2));
            } else if (is_stack_pointer(l.base) && whole_word) {
                next[l.dest] = Known{Holds::FunctionObject};
            }
            if (base != known.end() && base->second.holds == Holds::FunctionObject && whole_word) {
                // A generator's first argument is its code state, whose first word is the
                // function object.
                if (index == 0) next[l.dest] = step(base->second, Holds::FunctionObject, n, "code state: function object");
                if (index == kFunBcContext * word) next[l.dest] = step(base->second, Holds::Context, n, "function's context");
                if (index == kFunBcChildTable * word) {
                    next[l.dest] = step(base->second, Holds::ChildTable, n, "function's child table");
                }
            }
        }
        known = std::move(next);
    }
}

}  // namespace mpy::machine_code
