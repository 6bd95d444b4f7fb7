// Text form of syntax trees (see ast_dump.h).
#include "compiler/frontend/ast_dump.h"

#include <cstdio>
#include <cmath>

namespace mpy::ast {

namespace {

const char* binop_name(BinaryOp op) {
    switch (op) {
        case BinaryOp::BitOr: return "|";
        case BinaryOp::BitXor: return "^";
        case BinaryOp::BitAnd: return "&";
        case BinaryOp::LShift: return "<<";
        case BinaryOp::RShift: return ">>";
        case BinaryOp::Add: return "+";
        case BinaryOp::Sub: return "-";
        case BinaryOp::Mult: return "*";
        case BinaryOp::MatMult: return "@";
        case BinaryOp::Div: return "/";
        case BinaryOp::Mod: return "%";
        case BinaryOp::FloorDiv: return "//";
        case BinaryOp::Pow: return "**";
    }
    return "?";
}

const char* cmpop_name(CmpOp op) {
    switch (op) {
        case CmpOp::Lt: return "<";
        case CmpOp::Gt: return ">";
        case CmpOp::Eq: return "==";
        case CmpOp::LtE: return "<=";
        case CmpOp::GtE: return ">=";
        case CmpOp::NotEq: return "!=";
        case CmpOp::In: return "in";
        case CmpOp::NotIn: return "not-in";
        case CmpOp::Is: return "is";
        case CmpOp::IsNot: return "is-not";
    }
    return "?";
}

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (unsigned char c : s) {
        if (c == '\\' || c == '\'') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return out + "'";
}

std::string float_text(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
}

class Dumper {
public:
    explicit Dumper(bool lines) : lines_(lines) {}

    std::string expr(const Expr* e) {
        if (e == nullptr) return "_";
        std::string at = lines_ && e->line != 0 ? "@" + std::to_string(e->line) : "";
        return std::visit([&](const auto& n) { return node(n, at); }, e->node);
    }

    std::string stmt(const Stmt& s) {
        std::string at;
        if (lines_) {
            at = "@" + std::to_string(s.line);
            if (s.group_line != 0) at += "g" + std::to_string(s.group_line);
        }
        return std::visit([&](const auto& n) { return node(n, at); }, s.node);
    }

    std::string suite(const Suite& s) {
        std::string out = "[";
        if (lines_ && s.line != 0) out += "@" + std::to_string(s.line) + " ";
        for (size_t i = 0; i < s.stmts.size(); ++i) out += (i ? " " : "") + stmt(*s.stmts[i]);
        return out + "]";
    }

private:
    std::string list(const std::vector<ExprPtr>& v) {
        std::string out;
        for (const auto& e : v) out += " " + expr(e.get());
        return out;
    }
    std::string args(const std::vector<Argument>& v) {
        std::string out;
        for (const auto& a : v) {
            switch (a.kind) {
                case Argument::Kind::Positional: out += " " + expr(a.value.get()); break;
                case Argument::Kind::Star: out += " *" + expr(a.value.get()); break;
                case Argument::Kind::DoubleStar: out += " **" + expr(a.value.get()); break;
                case Argument::Kind::Keyword: out += " " + expr(a.keyword.get()) + "=" + expr(a.value.get()); break;
            }
        }
        return out;
    }
    std::string params(const std::vector<Param>& v) {
        std::string out = "(";
        for (size_t i = 0; i < v.size(); ++i) {
            const Param& p = v[i];
            out += i ? " " : "";
            out += p.kind == Param::Kind::Star ? "*" : p.kind == Param::Kind::DoubleStar ? "**" : "";
            out += p.name;
            if (p.annotation) out += ":" + expr(p.annotation.get());
            if (p.default_value) out += "=" + expr(p.default_value.get());
        }
        return out + ")";
    }
    std::string decorators(const std::vector<Decorator>& v) {
        std::string out;
        for (const auto& d : v) {
            out += "@";
            for (size_t i = 0; i < d.dotted.size(); ++i) out += (i ? "." : "") + d.dotted[i];
            if (d.has_call) out += "(" + args(d.args) + ")";
            out += " ";
        }
        return out;
    }

    std::string node(const Name& n, const std::string& at) { return "(Name" + at + " " + n.id + ")"; }
    std::string node(const Constant& c, const std::string& at) {
        return "(Const" + at + (c.is_object ? ":obj " : " ") + dump(c.value) + ")";
    }
    std::string node(const BinOp& n, const std::string& at) {
        return std::string("(BinOp") + at + " " + binop_name(n.op) + " " + expr(n.left.get()) + " " + expr(n.right.get()) + ")";
    }
    std::string node(const UnaryOp& n, const std::string& at) {
        const char* op = n.op == UnaryOpKind::Plus ? "+" : n.op == UnaryOpKind::Minus ? "-" : n.op == UnaryOpKind::Invert ? "~" : "not";
        return std::string("(UnaryOp") + at + " " + op + " " + expr(n.operand.get()) + ")";
    }
    std::string node(const BoolOp& n, const std::string& at) {
        return std::string("(") + (n.is_or ? "Or" : "And") + at + list(n.values) + ")";
    }
    std::string node(const Compare& n, const std::string& at) {
        std::string out = "(Compare" + at + " " + expr(n.left.get());
        for (size_t i = 0; i < n.ops.size(); ++i) out += std::string(" ") + cmpop_name(n.ops[i]) + " " + expr(n.comparators[i].get());
        return out + ")";
    }
    std::string node(const IfExp& n, const std::string& at) {
        return "(IfExp" + at + " " + expr(n.body.get()) + " " + expr(n.test.get()) + " " + expr(n.orelse.get()) + ")";
    }
    std::string node(const Lambda& n, const std::string& at) {
        return "(Lambda" + at + " " + params(n.params) + " " + expr(n.body.get()) + ")";
    }
    std::string node(const NamedExpr& n, const std::string& at) {
        return "(NamedExpr" + at + " " + expr(n.target.get()) + " " + expr(n.value.get()) + ")";
    }
    std::string node(const Starred& n, const std::string& at) { return "(Starred" + at + " " + expr(n.value.get()) + ")"; }
    std::string node(const Await& n, const std::string& at) { return "(Await" + at + " " + expr(n.value.get()) + ")"; }
    std::string node(const Yield& n, const std::string& at) {
        return std::string(n.is_from ? "(YieldFrom" : "(Yield") + at + " " + expr(n.value.get()) + ")";
    }
    std::string node(const Attribute& n, const std::string& at) {
        return "(Attribute" + at + " " + expr(n.value.get()) + " " + n.attr + ")";
    }
    std::string node(const Slice& n, const std::string& at) {
        return "(Slice" + at + " " + expr(n.lower.get()) + " " + expr(n.upper.get()) + " " + expr(n.step.get()) +
               (n.has_second_colon ? " ::" : "") + ")";
    }
    std::string node(const Subscript& n, const std::string& at) {
        return "(Subscript" + at + " " + expr(n.value.get()) + " " + expr(n.index.get()) + ")";
    }
    std::string node(const Call& n, const std::string& at) { return "(Call" + at + " " + expr(n.func.get()) + args(n.args) + ")"; }
    std::string node(const Tuple& n, const std::string& at) {
        return std::string(n.parenthesised ? "(PTuple" : "(Tuple") + at + list(n.elts) + ")";
    }
    std::string node(const List& n, const std::string& at) { return "(List" + at + list(n.elts) + ")"; }
    std::string node(const DictOrSet& n, const std::string& at) {
        std::string out = "(Brace" + at;
        for (const auto& item : n.items) {
            out += " " + expr(item.key.get());
            if (item.value) out += ":" + expr(item.value.get());
        }
        return out + ")";
    }
    std::string node(const Comprehension& n, const std::string& at) {
        static const char* kinds[] = {"ListComp", "SetComp", "DictComp", "GenExp"};
        std::string out = std::string("(") + kinds[static_cast<int>(n.kind)] + at + " " + expr(n.elt.get());
        if (n.value) out += ":" + expr(n.value.get());
        for (const auto& g : n.generators) {
            out += " for " + expr(g.target.get()) + " in " + expr(g.iter.get());
            for (const auto& c : g.ifs) out += " if " + expr(c.test.get());
        }
        return out + ")";
    }

    std::string node(const ExprStmt& n, const std::string& at) { return "(Expr" + at + " " + expr(n.value.get()) + ")"; }
    std::string node(const Assign& n, const std::string& at) {
        return "(Assign" + at + list(n.targets) + " = " + expr(n.value.get()) + ")";
    }
    std::string node(const AugAssign& n, const std::string& at) {
        return std::string("(AugAssign") + at + " " + expr(n.target.get()) + " " + binop_name(n.op) + "= " + expr(n.value.get()) + ")";
    }
    std::string node(const AnnAssign& n, const std::string& at) {
        return "(AnnAssign" + at + " " + expr(n.target.get()) + " " + expr(n.annotation.get()) + " " + expr(n.value.get()) + ")";
    }
    std::string node(const Delete& n, const std::string& at) { return "(Del" + at + " " + expr(n.target.get()) + ")"; }
    std::string node(const Pass&, const std::string& at) { return "(Pass" + at + ")"; }
    std::string node(const Break&, const std::string& at) { return "(Break" + at + ")"; }
    std::string node(const Continue&, const std::string& at) { return "(Continue" + at + ")"; }
    std::string node(const Return& n, const std::string& at) { return "(Return" + at + " " + expr(n.value.get()) + ")"; }
    std::string node(const Raise& n, const std::string& at) {
        return "(Raise" + at + " " + expr(n.exc.get()) + " " + expr(n.cause.get()) + ")";
    }
    std::string names(const std::vector<std::string>& v) {
        std::string out;
        for (const auto& s : v) out += " " + s;
        return out;
    }
    std::string node(const Global& n, const std::string& at) { return "(Global" + at + names(n.names) + ")"; }
    std::string node(const Nonlocal& n, const std::string& at) { return "(Nonlocal" + at + names(n.names) + ")"; }
    std::string node(const Assert& n, const std::string& at) {
        return "(Assert" + at + " " + expr(n.test.get()) + " " + expr(n.msg.get()) + ")";
    }
    std::string node(const Import& n, const std::string& at) {
        std::string out = "(Import" + at;
        for (const auto& a : n.names) {
            out += " ";
            for (size_t i = 0; i < a.dotted.size(); ++i) out += (i ? "." : "") + a.dotted[i];
            if (!a.asname.empty()) out += " as " + a.asname;
        }
        return out + ")";
    }
    std::string node(const ImportFrom& n, const std::string& at) {
        std::string out = "(ImportFrom" + at + " " + std::string(static_cast<size_t>(n.level), '.');
        for (size_t i = 0; i < n.module.size(); ++i) out += (i ? "." : "") + n.module[i];
        if (n.star) out += " *";
        for (const auto& a : n.names) out += " " + a.name + (a.asname.empty() ? "" : " as " + a.asname);
        return out + ")";
    }
    std::string node(const If& n, const std::string& at) {
        std::string out = "(If" + at + " " + expr(n.test.get()) + " " + suite(n.body);
        for (const auto& e : n.elifs) out += " elif " + expr(e.test.get()) + " " + suite(e.body);
        if (n.has_else) out += " else " + suite(n.orelse);
        return out + ")";
    }
    std::string node(const While& n, const std::string& at) {
        return "(While" + at + " " + expr(n.test.get()) + " " + suite(n.body) + (n.has_else ? " else " + suite(n.orelse) : "") + ")";
    }
    std::string node(const For& n, const std::string& at) {
        return std::string(n.is_async ? "(AsyncFor" : "(For") + at + " " + expr(n.target.get()) + " in " + expr(n.iter.get()) +
               " " + suite(n.body) + (n.has_else ? " else " + suite(n.orelse) : "") + ")";
    }
    std::string node(const Try& n, const std::string& at) {
        std::string out = "(Try" + at + " " + suite(n.body);
        for (const auto& h : n.handlers) {
            out += " except " + expr(h.type.get()) + (h.name.empty() ? "" : " as " + h.name) + " " + suite(h.body);
        }
        if (n.has_else) out += " else " + suite(n.orelse);
        if (n.has_finally) out += " finally " + suite(n.finalbody);
        return out + ")";
    }
    std::string node(const With& n, const std::string& at) {
        std::string out = std::string(n.is_async ? "(AsyncWith" : "(With") + at;
        for (const auto& item : n.items) {
            out += " " + expr(item.context.get());
            if (item.target) out += " as " + expr(item.target.get());
        }
        return out + " " + suite(n.body) + ")";
    }
    std::string node(const FunctionDef& n, const std::string& at) {
        return std::string(n.is_async ? "(AsyncDef" : "(Def") + at + " " + decorators(n.decorators) + n.name + params(n.params) +
               (n.returns ? " -> " + expr(n.returns.get()) : "") + " " + suite(n.body) + ")";
    }
    std::string node(const ClassDef& n, const std::string& at) {
        return "(Class" + at + " " + decorators(n.decorators) + n.name + (n.has_parens ? "(" + args(n.bases) + ")" : "") + " " +
               suite(n.body) + ")";
    }

    bool lines_;
};

}  // namespace

std::string dump(const ConstValue& v) {
    switch (v.kind) {
        case ConstValue::Kind::None: return "None";
        case ConstValue::Kind::False: return "False";
        case ConstValue::Kind::True: return "True";
        case ConstValue::Kind::Ellipsis: return "...";
        case ConstValue::Kind::Int: return v.int_decimal + (v.small_int ? "" : "L");
        case ConstValue::Kind::Float: return float_text(v.real);
        case ConstValue::Kind::Complex: return "(" + float_text(v.real) + "+" + float_text(v.imag) + "j)";
        case ConstValue::Kind::Str: return (v.interned ? "q" : "s") + quoted(v.text);
        case ConstValue::Kind::Bytes: return "b" + quoted(v.text);
        case ConstValue::Kind::Tuple: {
            std::string out = "(";
            for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + dump(v.items[i]);
            return out + (v.items.size() == 1 ? ",)" : ")");
        }
    }
    return "?";
}

std::string dump(const Expr& e, bool with_lines) { return Dumper(with_lines).expr(&e); }
std::string dump(const Stmt& s, bool with_lines) { return Dumper(with_lines).stmt(s); }
std::string dump(const Module& m, bool with_lines) { return Dumper(with_lines).suite(m.body); }

}  // namespace mpy::ast
