// The -march=debug back end: no machine code, but a line of text per generic operation of the
// native emitter (mpy-cross prints these on stdout; mpyc appends them to NativeConfig::trace and
// the driver prints them).  The .mpy still gets the functions' prelude bytes, which the emitter
// writes as data.
//
// The target is a 64-bit machine with twelve named registers (r_ret, r_arg1.. r_fun_table) and
// an nlr_buf of no saved registers; it has offset forms only for word accesses and 16-bit loads,
// and no indexed forms, so the other viper accesses are traced as the address computation the
// reference's emitter falls back to (mov_reg_imm/add, then a plain load8/store32/...).
// Text goes out only in the emit pass; an operation in dead code is prefixed "dead_code ".
#include <fmt/format.h>

#include <array>
#include <string>

#include "compiler/native/native_arch.h"
#include "compiler/native/native_runtime.h"

namespace mpy {

namespace {

enum DebugReg : NReg {
    kRet, kArg1, kArg2, kArg3, kArg4, kTemp0, kTemp1, kTemp2, kLocal1, kLocal2, kLocal3, kFunTable,
};

constexpr std::array<const char*, 12> kRegNames = {
    "r_ret", "r_arg1", "r_arg2", "r_arg3", "r_arg4", "r_temp0", "r_temp1", "r_temp2",
    "r_local1", "r_local2", "r_local3", "r_fun_table",
};

// mp_fun_table's entries by index (native_rt::FunIndex); the three constants are never called.
constexpr std::array<const char*, 50> kFunNames = {
    "(null)", "(null)", "(null)", "convert_obj_to_native", "convert_native_to_obj", "native_swap_globals",
    "load_name", "load_global", "load_build_class", "load_attr", "load_method", "load_super_method",
    "store_name", "store_global", "store_attr", "obj_subscr", "obj_is_true", "unary_op", "binary_op",
    "build_tuple", "build_list", "build_map", "build_set", "store_set", "list_append", "store_map",
    "make_function_from_proto_fun", "native_call_function_n_kw", "call_method_n_kw", "call_method_n_kw_var",
    "native_getiter", "native_iternext", "nlr_push", "nlr_pop", "native_raise", "import_name", "import_from",
    "import_all", "new_slice", "unpack_sequence", "unpack_ex", "delete_name", "delete_global", "new_closure",
    "arg_check_num_sig", "setup_code_state", "small_int_floor_divide", "small_int_modulo", "native_yield_from",
    "setjmp",
};
static_assert(kFunNames.size() == native_rt::kSetjmp + 1);

// nlr_buf: 2 words + no registers + 1 spare (mpy-cross gives -march=debug no nlr registers);
// the handler PC is word 5 of it, as on x64, past the buffer proper.
constexpr NativeTarget kDebugTarget{
    .word_size = 8, .nlr_buf_words = 2 + 0 + 1, .nlr_idx_local1 = 5,
    .ret = kRet, .arg1 = kArg1, .arg2 = kArg2, .arg3 = kArg3, .arg4 = kArg4,
    .temp0 = kTemp0, .temp1 = kTemp1, .temp2 = kTemp2,
    .local1 = kLocal1, .local2 = kLocal2, .local3 = kLocal3,
    .fun_table = kFunTable, .call_temp = kTemp0, .setup_code_state_temp = kTemp0,
    .registers_are_enums = true,
};

class DebugAsm final : public AsmBase {
public:
    DebugAsm() : AsmBase("AsmDebug") {}
};

const char* reg(NReg r) { return r < kRegNames.size() ? kRegNames[r] : "?"; }

int element_bytes(NWidth w) { return w == NWidth::W8 ? 1 : w == NWidth::W16 ? 2 : w == NWidth::W32 ? 4 : 8; }

const char* sized(const char* op, NWidth w) {
    // "load8", "store32", ...: the plain (no offset) forms name their width.
    static constexpr std::array<std::array<const char*, 4>, 2> kNames = {{
        {"load8", "load16", "load32", "load"},
        {"store8", "store16", "store32", "store"},
    }};
    return kNames[op[0] == 's'][static_cast<std::size_t>(w)];
}

class DebugBackend final : public NativeAsm {
public:
    explicit DebugBackend(const NativeConfig& config) : compat_(config.compat), trace_(config.trace) {}
    const NativeTarget& target() const override { return kDebugTarget; }
    AsmBase& base() override { return as_; }

    void set_function_name(const std::string& name) override { name_ = name; }
    void label_placed(std::size_t label) override {
        if (as_.emitting()) write(fmt::format("label(label_{})\n", label));
    }

    void entry(int num_locals) override { line(false, fmt::format("ENTRY({}, num_locals={})", name_, num_locals)); }
    void exit() override { line(false, "EXIT(0)"); }
    void mov_reg_local(NReg dest, int local) override { op("mov_reg_local({}, local_{})", reg(dest), local); }
    void mov_local_reg(int local, NReg src) override { op("mov_local_reg(local_{}, {})", local, reg(src)); }
    void mov_reg_local_addr(NReg dest, int local) override {
        op("mov_reg_local_addr({}, local_{})", reg(dest), local);
    }
    void mov_reg_pcrel(NReg dest, std::size_t label) override { op("mov_reg_pcrel({}, label_{})", reg(dest), label); }

    void mov_reg_reg(NReg dest, NReg src) override { op("mov_reg_reg({}, {})", reg(dest), reg(src)); }
    void mov_reg_imm(NReg dest, std::int64_t value) override {
        // The reference passes the value through a C int: printed as %d and as 32-bit %x.
        const auto v = static_cast<std::int32_t>(value);
        op("mov_reg_imm({}, {}={:#x})", reg(dest), v, static_cast<std::uint32_t>(v));
    }
    void load(NWidth w, NReg dest, NReg base, std::int32_t index) override {
        if (w == NWidth::Word || w == NWidth::W16) {
            op("{}({}, {}, {})", sized("load", w), reg(dest), reg(base), index);
            return;
        }
        op("{}({}, {})", sized("load", w), reg(dest), reg(address(w, base, index)));
    }
    void store(NWidth w, NReg src, NReg base, std::int32_t index) override {
        if (w == NWidth::Word) {
            op("store({}, {}, {})", reg(src), reg(base), index);
            return;
        }
        op("{}({}, {})", sized("store", w), reg(src), reg(address(w, base, index)));
    }
    // No indexed forms: the index is added to the base once per byte of the element.
    bool has_indexed_access() const override { return true; }
    bool has_offset_load(NWidth w) const override { return w == NWidth::Word || w == NWidth::W16; }
    void load_indexed(NWidth w, NReg dest, NReg base, NReg index) override {
        for (int i = 0; i < element_bytes(w); ++i) add(base, index);
        op("{}({}, {})", sized("load", w), reg(dest), reg(base));
    }
    void store_indexed(NWidth w, NReg src, NReg base, NReg index) override {
        for (int i = 0; i < element_bytes(w); ++i) add(base, index);
        op("{}({}, {})", sized("store", w), reg(src), reg(base));
    }

    void add(NReg dest, NReg src) override { op("add({}, {})", reg(dest), reg(src)); }
    void sub(NReg dest, NReg src) override { op("sub({}, {})", reg(dest), reg(src)); }
    void mul(NReg dest, NReg src) override { op("mul({}, {})", reg(dest), reg(src)); }
    void and_(NReg dest, NReg src) override { op("and({}, {})", reg(dest), reg(src)); }
    void or_(NReg dest, NReg src) override { op("or({}, {})", reg(dest), reg(src)); }
    void xor_(NReg dest, NReg src) override { op("xor({}, {})", reg(dest), reg(src)); }
    // 1.28 traces its register clearing as such; 1.27 had no such operation and used xor.
    void clear_reg(NReg r) override {
        if (compat_ == CompatVersion::V1_27) {
            xor_(r, r);
        } else {
            op("clr({})", reg(r));
        }
    }
    void not_(NReg r) override { op("not({})", reg(r)); }
    void neg(NReg r) override { op("neg({})", reg(r)); }
    void shift(NShift kind, NReg dest, NReg count) override {
        const char* name = kind == NShift::Left ? "lsl" : kind == NShift::RightLogical ? "lsr" : "asr";
        op("{}({}, {})", name, reg(dest), reg(count));
    }
    void compare_to_bool(NCompare cmp, bool is_unsigned, NReg lhs, NReg rhs, NReg dest) override {
        // The operation's number: the comparison's index, plus 6 for a signed one.
        const int index = static_cast<int>(cmp) + (is_unsigned ? 0 : 6);
        op("setcc({}, {}, {}, {})", index, reg(dest), reg(lhs), reg(rhs));
    }

    void jmp(std::size_t label) override { op("jump(label_{})", label); }
    void jump_if_zero(NReg r, std::size_t label, bool bool_test) override {
        op("jump_if_reg_zero({}, label_{}, {})", reg(r), label, bool_test);
    }
    void jump_if_nonzero(NReg r, std::size_t label, bool bool_test) override {
        op("jump_if_reg_nonzero({}, label_{}, {})", reg(r), label, bool_test);
    }
    void jump_if_equal(NReg reg1, NReg reg2, std::size_t label) override {
        op("jump_if_reg_eq({}, {}, label_{})", reg(reg1), reg(reg2), label);
    }
    void jmp_reg(NReg r) override { op("jump_reg({})", reg(r)); }
    using NativeAsm::call_ind;
    void call_ind(std::size_t fun, NReg) override {
        op("call_ind({})", fun < kFunNames.size() ? kFunNames[fun] : "?");
    }

private:
    // A constant-index access without an offset form: the reference's emitter puts the byte
    // offset in r_arg2 and adds the base (index 0: the base as it is).
    NReg address(NWidth w, NReg base, std::int32_t index) {
        if (index == 0) return base;
        mov_reg_imm(kArg2, static_cast<std::int64_t>(index) * element_bytes(w));
        add(kArg2, base);
        return kArg2;
    }

    template <class... Args>
    void op(fmt::format_string<Args...> format, Args&&... args) {
        if (as_.emitting()) line(true, fmt::format(format, std::forward<Args>(args)...));
    }
    // One operation: indented (ENTRY/EXIT are not), marked when in dead code.
    void line(bool indent, const std::string& text) {
        if (!as_.emitting()) return;
        write(fmt::format("{}{}{}\n", indent ? "    " : "", as_.suppressed() ? "dead_code " : "", text));
    }
    void write(const std::string& text) {
        if (trace_ != nullptr) *trace_ += text;
    }

    DebugAsm as_;
    CompatVersion compat_;
    std::string* trace_;
    std::string name_ = "?";
};

}  // namespace

std::unique_ptr<NativeAsm> make_debug_backend(const NativeConfig& config) {
    return std::make_unique<DebugBackend>(config);
}

}  // namespace mpy
