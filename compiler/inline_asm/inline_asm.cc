#include "compiler/inline_asm/inline_asm.h"

#include <algorithm>

#include "compiler/bytecode/compile_error.h"

namespace mpy {

// ---- argument helpers ------------------------------------------------------------------------------

std::string asm_arg_name(AsmArg arg) {
    if (arg == nullptr) return {};
    const ast::Name* name = arg->as<ast::Name>();
    return name != nullptr ? name->id : std::string();
}

std::optional<std::uint64_t> asm_arg_int(AsmArg arg) {
    if (arg == nullptr) return std::nullopt;
    const ast::Constant* c = arg->as<ast::Constant>();
    if (c == nullptr || c->value.kind != ast::ConstValue::Kind::Int) return std::nullopt;
    if (c->value.fits_int64) return static_cast<std::uint64_t>(c->value.int64);
    // A big integer: its low 64 bits, two's complement (as mp_obj_int_get_truncated).
    const std::string& text = c->value.int_decimal;
    const bool negative = !text.empty() && text[0] == '-';
    std::uint64_t v = 0;
    for (char ch : text) {
        if (ch >= '0' && ch <= '9') v = v * 10 + static_cast<std::uint64_t>(ch - '0');
    }
    return negative ? 0 - v : v;
}

// A small-int parse node (what `align` and `data`'s first argument must be).
static std::optional<std::uint64_t> asm_arg_small_int(AsmArg arg) {
    if (arg == nullptr) return std::nullopt;
    const ast::Constant* c = arg->as<ast::Constant>();
    if (c == nullptr || c->is_object || c->value.kind != ast::ConstValue::Kind::Int) return std::nullopt;
    return static_cast<std::uint64_t>(c->value.int64);
}

// ---- labels ----------------------------------------------------------------------------------------

std::optional<std::size_t> InlineAsmContext::find_label(const std::string& name) const {
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        if (labels_[i] == name) return i;
    }
    return std::nullopt;
}

std::size_t InlineAsmContext::label(const std::string& name) {
    if (const std::optional<std::size_t> n = find_label(name)) return *n;
    // Forward references are only resolved in the emit pass (the size pass uses label 0).
    if (emitting_) error("label '" + name + "' not defined");
    return 0;
}

std::size_t InlineAsmContext::label_operand(const std::string& op, AsmArg arg) {
    const std::string name = asm_arg_name(arg);
    if (name.empty()) {
        error("'" + op + "' expects a label");
        return 0;
    }
    return label(name);
}

std::optional<std::uint32_t> InlineAsmContext::int_operand(const std::string& op, AsmArg arg) {
    const std::optional<std::uint64_t> v = asm_arg_int(arg);
    if (!v) {
        error("'" + op + "' expects an integer");
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(*v);
}

// ---- parameters and dialects -------------------------------------------------------------------------

std::size_t count_param_registers(InlineAsmContext& ctx, const std::vector<ast::Param>& params,
                                  const ParamRegisterRule& rule) {
    if (params.size() > rule.max) {
        ctx.error(rule.too_many);
        return 0;
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const ast::Param& p = params[i];
        // Anything but a bare name is a structured parse node in the reference, never a register.
        const bool plain = p.kind == ast::Param::Kind::Normal && !p.annotation && !p.default_value;
        if (!plain || !rule.is_register(p.name, i)) {
            ctx.error(rule.out_of_sequence);
            return 0;
        }
    }
    return params.size();
}

std::unique_ptr<InlineAsmDialect> make_inline_asm_dialect(NativeArch arch, CompatVersion compat,
                                                          unsigned arch_flags) {
    if (std::unique_ptr<InlineAsmDialect> thumb = make_thumb_inline_asm_dialect(arch)) return thumb;
    if (std::unique_ptr<InlineAsmDialect> xtensa = make_xtensa_inline_asm_dialect(arch, compat)) return xtensa;
    return make_rv32_inline_asm_dialect(arch, arch_flags);
}

// ---- the driver --------------------------------------------------------------------------------------

namespace {

// The instruction call a statement is, or null if it is not an instruction statement.
const ast::Call* instruction_of(const ast::Stmt& stmt) {
    if (stmt.group_line != 0) return nullptr;  // `a(); b()` on one line is one group node
    const ast::ExprStmt* e = stmt.as<ast::ExprStmt>();
    if (e == nullptr || e->value == nullptr || e->value->parenthesised) return nullptr;
    const ast::Call* call = e->value->as<ast::Call>();
    if (call == nullptr || call->func == nullptr || call->func->parenthesised) return nullptr;
    if (!call->func->is<ast::Name>()) return nullptr;
    return call;
}

std::vector<AsmArg> args_of(const ast::Call& call) {
    std::vector<AsmArg> args;
    for (const ast::Argument& a : call.args) {
        args.push_back(a.kind == ast::Argument::Kind::Positional ? a.value.get() : nullptr);
    }
    return args;
}

}  // namespace

InlineAssembler::InlineAssembler(const ast::FunctionDef& def, InlineAsmDialect& dialect)
    : def_(def), dialect_(dialect) {
    std::size_t n_labels = 0;
    for (const ast::StmtPtr& s : def_.body.stmts) {
        const ast::Call* call = instruction_of(*s);
        if (call != nullptr && call->func->as<ast::Name>()->id == "label") ++n_labels;
    }
    ctx_.labels_.assign(std::max<std::size_t>(n_labels, 1), std::string());
    dialect_.base().set_num_labels(ctx_.labels_.size());
}

void InlineAssembler::syntax_error(const std::string& message, int line) {
    // Like compile_syntax_error: the first error stands, and keeps the first line known.
    if (error_) return;
    error_ = message;
    if (error_line_ == 0) error_line_ = line;
}

void InlineAssembler::check() {
    if (!run_pass(Pass::Scope)) throw CompileError{"SyntaxError", *error_, error_line_};
}

RawCode InlineAssembler::assemble() {
    for (int i = 0; i < dialect_.size_passes(); ++i) {
        if (!run_pass(Pass::CodeSize)) {
            // The reference runs its further measuring passes even after an error; the next one
            // stops at the parameters, and the error takes the def's line.
            if (i + 1 < dialect_.size_passes()) error_line_ = def_.def_line;
            throw CompileError{"SyntaxError", *error_, error_line_};
        }
    }
    if (!run_pass(Pass::Emit)) throw CompileError{"SyntaxError", *error_, error_line_};
    RawCode rc;
    rc.kind = CodeKind::NativeAsm;
    rc.code = dialect_.base().bytes();
    rc.asm_n_pos_args = n_params_;
    rc.asm_type_sig = type_sig_;
    return rc;
}

bool InlineAssembler::run_pass(Pass pass) {
    const bool assembling = pass != Pass::Scope;
    error_.reset();
    error_line_ = 0;
    ctx_.error_.reset();
    ctx_.emitting_ = pass == Pass::Emit;
    if (assembling) dialect_.start_pass(pass == Pass::Emit);
    if (pass == Pass::CodeSize) {
        std::fill(ctx_.labels_.begin(), ctx_.labels_.end(), std::string());
        n_params_ = dialect_.count_params(ctx_, def_.params);
        if (ctx_.error_) {
            error_ = ctx_.error_;
            error_line_ = def_.def_line;
            return false;
        }
    }

    type_sig_ = 2;  // int
    if (def_.returns != nullptr) {
        if (const ast::Name* n = def_.returns->as<ast::Name>()) {
            if (n->id == "object") {
                type_sig_ = 0;
            } else if (n->id == "bool") {
                type_sig_ = 1;
            } else if (n->id == "int") {
                type_sig_ = 2;
            } else if (n->id == "uint") {
                type_sig_ = 3;
            } else {
                syntax_error("unknown type", 0);  // a name leaf has no line: the def's is used
                return false;
            }
        } else {
            syntax_error("return annotation must be an identifier", def_.returns->pos.line);
        }
    }

    std::size_t next_label = 0;
    for (const ast::StmtPtr& sp : def_.body.stmts) {
        const ast::Stmt& stmt = *sp;
        if (stmt.is<ast::Pass>() && stmt.group_line == 0) continue;
        const ast::Call* call = instruction_of(stmt);
        if (call == nullptr) {
            syntax_error("expecting an assembler instruction", stmt.group_line != 0 ? stmt.group_line : stmt.line);
            return false;
        }
        const std::string& op = call->func->as<ast::Name>()->id;
        const std::vector<AsmArg> args = args_of(*call);
        if (op == "label") {
            if (args.size() != 1 || asm_arg_name(args[0]).empty()) {
                syntax_error("'label' requires 1 argument", stmt.line);
                return false;
            }
            const std::size_t lab = next_label++;
            if (assembling) {
                const std::string name = asm_arg_name(args[0]);
                if (pass == Pass::CodeSize &&
                    std::find(ctx_.labels_.begin(), ctx_.labels_.end(), name) != ctx_.labels_.end()) {
                    syntax_error("label redefined", stmt.line);
                    return false;
                }
                ctx_.labels_[lab] = name;
                dialect_.base().label_assign(lab);
            }
        } else if (op == "align") {
            const std::optional<std::uint64_t> n = args.size() == 1 ? asm_arg_small_int(args[0]) : std::nullopt;
            if (!n) {
                syntax_error("'align' requires 1 argument", stmt.line);
                return false;
            }
            if (assembling) dialect_.base().align(static_cast<unsigned>(*n));
        } else if (op == "data") {
            const std::optional<std::uint64_t> size = args.size() >= 2 ? asm_arg_small_int(args[0]) : std::nullopt;
            if (!size) {
                syntax_error("'data' requires at least 2 arguments", stmt.line);
                return false;
            }
            if (assembling) {
                for (std::size_t j = 1; j < args.size(); ++j) {
                    const std::optional<std::uint64_t> v = asm_arg_int(args[j]);
                    if (!v) {
                        syntax_error("'data' requires integer arguments", stmt.line);
                        return false;
                    }
                    dialect_.base().data(static_cast<unsigned>(*size), *v);
                }
            }
        } else if (assembling) {
            dialect_.op(ctx_, op, args);
        }
        if (ctx_.error_) error_ = ctx_.error_;  // an instruction's error replaces any other
        if (error_) {
            error_line_ = call->paren_line;
            return false;
        }
    }
    if (assembling) dialect_.end_pass();
    if (error_) {
        error_line_ = def_.def_line;
        return false;
    }
    return true;
}

}  // namespace mpy
