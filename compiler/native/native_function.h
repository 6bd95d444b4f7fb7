// Lowers one recorded native/viper scope (compiler/native/native_ops.h) to machine code, exactly as
// MicroPython 1.27's native emitter does for `mpy-cross -march=<arch>`.  This is the
// architecture-neutral part; registers, instruction choices and encodings come from the
// target's back end (compiler/native/native_asm.h).  The comments below name the x64 registers;
// on Thumb read r0-r3 for the argument/temporary registers, r4/r5 for the locals, r6 for the
// qstr table and r7 for the function table.
//
// The model (what decides the bytes):
//  * A VIRTUAL value stack: each entry is a value already in its stack slot, a value held in a
//    register, or an immediate not yet materialised.  Values stay in registers/immediates until
//    an operation needs the concrete stack ("settling": before calls that take a stack pointer,
//    jumps and labels) or the register is needed for something else.
//  * Frame (C stack, in words from sp): [nlr_buf, return value, unwind slot, throw value] when
//    the scope needs the global exception handler, then the code state (fun_bc, ip, sp, n_state,
//    old_globals) or, for viper, only fun_obj/old_globals, then the Python stack, then the
//    locals in reverse order.  Generators keep the code state behind r12 instead.
//  * The first two locals live in rbx and r12 when the scope has no exception handler and is not
//    a generator.  r13 holds the module's qstr table, rbp the runtime function table.
//  * The scope is lowered three times (the reference's STACK_SIZE, CODE_SIZE and EMIT passes):
//    the first finds the maximum stack depth (frame size), the second the label offsets, the
//    third writes the bytes.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/mpy_model.h"
#include "compiler/bytecode/code_builder.h"
#include "compiler/bytecode/emitter.h"
#include "compiler/native/native_asm.h"
#include "compiler/native/native_ops.h"

namespace mpy {

struct NativeScopeInput {
    std::uint32_t scope = 0;
    const ScopeSignature* signature = nullptr;
    const std::vector<NativeOp>* ops = nullptr;
    const std::deque<ast::ConstValue>* constants = nullptr;
    const std::vector<const void*>* constant_ids = nullptr;
    std::uint32_t num_user_labels = 0;
    bool generator = false;
    NativeConfig config;
    // The module's back end, shared by its scopes (an RV32 frame depends on the functions
    // compiled before it, as the reference keeps one assembler per module); null: a fresh one.
    NativeAsm* assembler = nullptr;
};

struct NativeFunctionResult {
    RawCode code;  // kind NativePy / NativeViper, no children
    std::vector<std::uint32_t> children;
};

// Value types of viper (the low nibble is the runtime's MP_NATIVE_TYPE_*; the values are passed
// to the runtime's conversion helpers as they are, so they must stay these numbers).
enum class VType : std::uint8_t {
    Obj = 0x00,
    Bool = 0x01,
    Int = 0x02,
    Uint = 0x03,
    Ptr = 0x04,
    Ptr8 = 0x05,
    Ptr16 = 0x06,
    Ptr32 = 0x07,
    PtrNone = 0x54,
    Unbound = 0x60,
    BuiltinCast = 0x70,
};

// The type's name in viper error messages ("int", "ptr8", "None" for PtrNone...).
const char* vtype_name(VType v);

class NativeFunction {
public:
    NativeFunction(ModuleBuilder& module, const NativeScopeInput& input);
    // Throws CompileError (ViperTypeError, NotImplementedError) like the reference.
    NativeFunctionResult compile();

    using Reg = NReg;
    // One entry of the virtual value stack.
    struct StackEntry {
        enum class Kind : std::uint8_t { Value, Reg, Imm };
        VType vtype = VType::Unbound;
        Kind kind = Kind::Value;
        Reg reg = 0;
        std::int64_t imm = 0;
    };
private:
    enum class Pass : std::uint8_t { StackSize, CodeSize, Emit };

    struct Handler {  // one exception-handler level (try/except, finally, with)
        std::size_t label = 0;
        bool is_finally = false;
        bool active = true;
        // kUnwindUnused, kUnwindFinal, or the label of the next outer finally to run
        std::size_t unwind_label = 0;
    };
    static constexpr std::size_t kUnwindUnused = SIZE_MAX;
    static constexpr std::size_t kUnwindFinal = SIZE_MAX - 1;

    // ---- passes (native_function.cc) ----
    void run_pass(Pass pass);
    void begin_function();
    void end_function();
    void global_exc_entry();
    void global_exc_exit();
    void lower(const NativeOp& op);
    std::size_t user_label(std::int64_t l) const { return static_cast<std::size_t>(l); }
    bool is_generator() const { return scope_flags_ & kScopeGenerator; }
    bool need_global_exc_handler() const;
    bool need_fun_obj() const;
    bool can_use_regs_for_locals() const;
    int local_idx_fun_obj() const { return code_state_start_ + 0; }
    int local_idx_old_globals() const { return code_state_start_ + 1; }
    int local_idx_gen_pc() const { return code_state_start_ + 1; }
    int local_idx_local_var(int local) const { return stack_start_ + n_state_ - 1 - local; }
    [[noreturn]] void not_implemented(const std::string& message) const;
    void viper_error(std::string message);
    // Where the reference asserts that a value is an object (mpy-cross 1.27 aborts there when
    // viper code passes a native value): refuse with an error instead of writing bad code.
    void require_obj(VType v, const char* what) const;
    // The identifier of a local slot, for error messages.
    std::string local_name(std::uint32_t slot) const;

    // ---- frame and stack model (native_function_stack.cc) ----
    void mov_state_reg(int local, Reg src);
    void mov_reg_state(Reg dest, int local);
    void mov_reg_state_addr(Reg dest, int local);
    // Zeroing, as the reproduced release does it: 1.27 xors a register with itself everywhere;
    // 1.28 uses each architecture's own clear (ASM_CLR_REG) and stores a NULL local from the
    // zero register where there is one (ASM_MOV_LOCAL_MP_OBJ_NULL).
    void clear(Reg reg);
    void store_null(int local, Reg temp);
    // The zero register, or temp0 cleared.
    Reg zeroed_register();
    void nlr_setjmp();
    void mov_reg_fun_const(Reg dest, int index);  // word `index` of the function table
    void mov_reg_qstr(Reg dest, const std::string& qstr);
    void load_reg_with_object(Reg dest, const ast::ConstValue& value, const void* identity);
    void load_reg_with_child(Reg dest, std::uint32_t child);
    void adjust(int delta);
    void adjust_stack_size(int delta);  // the emitter method: fills new entries
    StackEntry& peek(int depth) { return stack_[sp_ - 1 - depth]; }
    VType peek_vtype(int depth);
    void need_reg_single(Reg reg, int skip_pos);
    void need_reg_all();
    void need_stack_settled();
    VType load_reg_stack_imm(Reg dest, const StackEntry& e, bool convert_to_obj);
    void access_stack(int pos, VType* vtype, Reg dest);
    void fold_stack_top(Reg dest);
    void pre_pop_reg_flexible(VType* vtype, Reg* reg, int not_r1, int not_r2);
    void pre_pop_discard() { adjust(-1); }
    void pre_pop_reg(VType* vtype, Reg dest);
    void post_top_set_vtype(VType v) { stack_[sp_ - 1].vtype = v; }
    void ensure_stack(int n);
    void post_push_reg(VType vtype, Reg reg);
    void post_push_imm(VType vtype, std::int64_t imm);
    void call(int fun);
    void call_with_imm(int fun, std::int64_t arg, Reg arg_reg);
    void call_with_2_imm(int fun, std::int64_t a1, Reg r1, std::int64_t a2, Reg r2);
    void call_with_qstr(int fun, const std::string& qstr, Reg arg_reg);
    void stack_pointer_for_pop(Reg dest, int n_pop);
    void stack_pointer_for_push(Reg dest, int n_push);
    void label_assign(std::size_t label);

    // ---- operations (native_function_ops.cc) ----
    void load_const_str(const std::string& s);
    void load_const_obj(std::size_t index);
    void load_fast(std::uint32_t local);
    void load_deref(std::uint32_t local);
    void store_fast(std::uint32_t local);
    void store_deref(std::uint32_t local);
    void load_global(const std::string& name, bool is_name);
    void store_global(const std::string& name, bool is_name);
    void load_attr(const std::string& name);
    void store_attr(const std::string& name);
    void delete_attr(const std::string& name);
    void load_method(const std::string& name, bool is_super);
    void load_subscr();
    void store_subscr();
    void delete_subscr();
    void dup_top();
    void dup_top_two();
    void rot_two();
    void rot_three();
    void jump(std::size_t label);
    void jump_helper(bool cond, std::size_t label, bool pop);
    void build(NativeOpKind kind, std::uint32_t n);
    void build_slice(std::uint32_t n);
    void store_map();
    void store_comp(CompKind kind, std::uint32_t index);
    void unpack_sequence(std::uint32_t n);
    void unpack_ex(std::uint32_t n_left, std::uint32_t n_right);
    void make_function(std::uint32_t child, std::uint32_t n_closed, std::uint32_t n_pos_defaults,
                       std::uint32_t n_kw_defaults, bool closure);
    void call_function(std::uint32_t n_pos, std::uint32_t n_kw, bool star);
    void call_method(std::uint32_t n_pos, std::uint32_t n_kw, bool star);
    void return_value();
    void raise(unsigned n_args);
    void get_iter(bool use_stack);
    void for_iter(std::size_t label);
    void import_name(const std::string& name);
    void import_from(const std::string& name);
    void import_star();
    void unary_op(int op);
    void binary_op(int op, bool invert);

    // ---- exceptions, with, generators (native_function_exc.cc) ----
    void push_handler(std::size_t label, bool is_finally);
    void leave_handler(bool start_of_handler);
    Handler pop_handler();
    void unwind_jump(std::size_t label, unsigned depth);
    void setup_with(std::size_t label);
    void setup_block(std::size_t label, bool is_finally);
    // `reserved`: the first of the labels compile.c reserved for the operation.
    void with_cleanup(std::size_t label, std::size_t reserved);
    void async_with_setup_finally(std::size_t aexit_no_exc, std::size_t finally_block,
                                  std::size_t ret_unwind_jump);
    void end_finally(std::size_t reserved);
    void pop_except_jump(std::size_t label, bool within_handler);
    void start_except_handler();
    void yield(bool from, std::size_t reserved);

    // Frame slots past the nlr buffer, whose size depends on the target.
    struct Frame {
        int nlr_buf_words = 0;
        int handler_pc = 0;      // nlr_buf's REG_LOCAL_1 slot: current handler address
        int ret_val = 0;         // return value
        int handler_unwind = 0;  // pending unwind-jump target
        int throw_val = 0;       // generators: injected exception
    };
    static Frame frame_for(const NativeTarget& target);
    // Register roles with .mpy output (see native_runtime.h).
    Reg reg_local(int i) const { return i == 0 ? regs_.local1 : regs_.local2; }
    Reg reg_local_last() const { return regs_.local2; }
    Reg reg_generator_state() const { return regs_.local2; }
    Reg reg_qstr_table() const { return regs_.local3; }

    ModuleBuilder& module_;
    const NativeScopeInput& in_;
    const ScopeSignature& sig_;
    std::unique_ptr<NativeAsm> asm_;
    NativeAsm& as_;
    const NativeTarget& regs_;
    const Frame frame_;
    bool viper_ = false;
    Pass pass_ = Pass::StackSize;

    // Persist across passes (as the reference's emitter and scope fields do).
    std::uint32_t scope_flags_ = 0;  // kScope* | kRefGlobals | kHasConsts
    int max_stack_size_ = 0;
    std::size_t prelude_offset_ = 0;
    std::size_t start_offset_ = 0;   // generator: code offset of the first resume point
    std::uint32_t n_info_ = 0;
    std::uint32_t n_cell_ = 0;
    unsigned exc_stack_size_ = 0;    // max handler depth (compile.c's scope->exc_stack_size)
    std::optional<std::string> viper_error_;
    int viper_error_line_ = 0;  // 0: the scope's line
    std::vector<VType> arg_vtypes_;  // viper: declared type per argument position
    VType return_vtype_ = VType::Obj;

    // Per pass.
    // Entries above sp_ keep their contents: the reference re-exposes popped entries with
    // adjust(+n) after some operations, and their old state matters.
    std::vector<StackEntry> stack_;
    int sp_ = 0;
    std::vector<VType> local_vtype_;
    std::vector<Handler> handlers_;
    std::size_t exit_label_ = 0;
    int code_state_start_ = 0;
    int stack_start_ = 0;
    int n_state_ = 0;
    VType saved_stack_vtype_ = VType::Obj;
    std::uint32_t n_children_ = 0;
    std::uint32_t n_children_total_ = 0;  // children of the previous pass (prelude pointer index)
    bool do_viper_types_ = false;  // import_name turns it off for a moment, as the reference
};

}  // namespace mpy
