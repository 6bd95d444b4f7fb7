// Layout tests against real reference output: every raw code of .mpy files that mpy-cross 1.27.0
// made from our own programs (tests/unit/emitter/data/*.py -> *.mpy) is decoded and its
// instruction stream fed back through the BytecodeEmitter (one call per instruction, set_source_line per
// line-table step).  The BytecodeEmitter must then lay out exactly the same bytes: same 1- or 2-byte
// jump offsets (the programs have loops and branches of every size around the 63/64 and
// 127/128 byte limits), same line table, same prelude.
//
// What a replay cannot see is the code generator's explicit stack adjustments (except handlers,
// finally blocks), so n_state is compared exactly only for module-level code of programs that
// have no try/with at module level; elsewhere num_locals is derived from the reference.
#include <filesystem>
#include <fstream>
#include <system_error>
#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <fmt/format.h>

#include "common/mpy_format.h"
#include "common/mpy_reader.h"
#include "common/opcodes.h"
#include "compiler/bytecode/bytecode_emitter.h"
#include "tests/unit/emitter/emitter_test_util.h"

namespace mpy {
namespace {

using emitter_test::to_hex;

std::filesystem::path data_dir() {
    return std::filesystem::path(MPYTOOLS_SOURCE_DIR) / "tests/unit/emitter/data";
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Feeds one decoded instruction to the emitter.  `label_at` maps absolute code offsets that are
// jump targets to labels.
class Replayer {
public:
    Replayer(BytecodeEmitter& e, const std::vector<std::string>& qstrs, std::uint32_t first_child_id)
        : e_(e), qstrs_(qstrs), next_child_(first_child_id) {}

    std::map<std::size_t, Label> labels;

    Label label_for(std::int64_t target) { return labels.at(static_cast<std::size_t>(target)); }

    void play(const Instruction& in) {
        const std::uint8_t b = in.opcode;
        const auto arg = static_cast<std::uint32_t>(in.arg);
        const std::string& q = in.info->format == OpFormat::Qstr ? qstrs_.at(arg) : empty_;
        if (b >= op::BINARY_OP_MULTI) return e_.binary_op(static_cast<BinaryOp>(in.arg));
        if (b >= op::UNARY_OP_MULTI) return e_.unary_op(static_cast<UnaryOp>(in.arg));
        if (b >= op::STORE_FAST_MULTI) return e_.store_fast(arg);
        if (b >= op::LOAD_FAST_MULTI) return e_.load_fast(arg);
        if (b >= op::LOAD_CONST_SMALL_INT_MULTI) return e_.load_small_int(in.arg);
        switch (b) {
            case op::LOAD_CONST_STRING: return e_.load_const_str(q);
            case op::LOAD_NAME: return e_.load_name(q);
            case op::LOAD_GLOBAL: return e_.load_global(q);
            case op::LOAD_ATTR: return e_.load_attr(q);
            case op::LOAD_METHOD: return e_.load_method(q, false);
            case op::LOAD_SUPER_METHOD: return e_.load_method(q, true);
            case op::STORE_NAME: return e_.store_name(q);
            case op::STORE_GLOBAL: return e_.store_global(q);
            case op::STORE_ATTR: return e_.store_attr(q);
            case op::DELETE_NAME: return e_.delete_name(q);
            case op::DELETE_GLOBAL: return e_.delete_global(q);
            case op::IMPORT_NAME: return e_.import_name(q);
            case op::IMPORT_FROM: return e_.import_from(q);
            case op::MAKE_CLOSURE: return e_.make_closure(next_child_++, *in.extra, 0, 0);
            case op::MAKE_CLOSURE_DEFARGS: return e_.make_closure(next_child_++, *in.extra, 1, 0);
            case op::LOAD_CONST_SMALL_INT: return e_.load_small_int(in.arg);
            case op::LOAD_CONST_OBJ: return e_.load_const_obj(emitter_test::str_const(fmt::format("const#{}", arg)));
            case op::LOAD_FAST_N: return e_.load_fast(arg);
            case op::LOAD_DEREF: return e_.load_deref(arg);
            case op::STORE_FAST_N: return e_.store_fast(arg);
            case op::STORE_DEREF: return e_.store_deref(arg);
            case op::DELETE_FAST: return e_.delete_fast(arg);
            case op::DELETE_DEREF: return e_.delete_deref(arg);
            case op::BUILD_TUPLE: return e_.build_tuple(arg);
            case op::BUILD_LIST: return e_.build_list(arg);
            case op::BUILD_MAP: return e_.build_map(arg);
            case op::BUILD_SET: return e_.build_set(arg);
            case op::BUILD_SLICE: return e_.build_slice(arg);
            case op::STORE_COMP: {
                unsigned kind = arg & 3;
                CompKind k = kind == 0 ? CompKind::List : kind == 1 ? CompKind::Dict : CompKind::Set;
                return e_.store_comp(k, (arg >> 2) - (kind == 1 ? 1 : 0));
            }
            case op::UNPACK_SEQUENCE: return e_.unpack_sequence(arg);
            case op::UNPACK_EX: return e_.unpack_ex(arg & 0xff, arg >> 8);
            case op::MAKE_FUNCTION: return e_.make_function(next_child_++, 0, 0);
            case op::MAKE_FUNCTION_DEFARGS: return e_.make_function(next_child_++, 1, 0);
            case op::CALL_FUNCTION: return e_.call_function(arg & 0xff, arg >> 8, false);
            case op::CALL_FUNCTION_VAR_KW: return e_.call_function(arg & 0xff, arg >> 8, true);
            case op::CALL_METHOD: return e_.call_method(arg & 0xff, arg >> 8, false);
            case op::CALL_METHOD_VAR_KW: return e_.call_method(arg & 0xff, arg >> 8, true);
            case op::UNWIND_JUMP:
                return e_.unwind_jump(label_for(in.jump_target), *in.extra & 0x7f,
                                      (*in.extra & kUnwindFromForBit) != 0);
            case op::JUMP: return e_.jump(label_for(in.jump_target));
            case op::POP_JUMP_IF_TRUE: return e_.pop_jump_if(true, label_for(in.jump_target));
            case op::POP_JUMP_IF_FALSE: return e_.pop_jump_if(false, label_for(in.jump_target));
            case op::JUMP_IF_TRUE_OR_POP: return e_.jump_if_or_pop(true, label_for(in.jump_target));
            case op::JUMP_IF_FALSE_OR_POP: return e_.jump_if_or_pop(false, label_for(in.jump_target));
            case op::SETUP_WITH: return e_.setup_with(label_for(in.jump_target));
            case op::SETUP_EXCEPT: return e_.setup_except(label_for(in.jump_target));
            case op::SETUP_FINALLY: return e_.setup_finally(label_for(in.jump_target));
            case op::POP_EXCEPT_JUMP: return e_.pop_except_jump(label_for(in.jump_target), false);  // bytecode ignores the flag
            case op::FOR_ITER: return e_.for_iter(label_for(in.jump_target));
            case op::LOAD_CONST_FALSE: return e_.load_false();
            case op::LOAD_CONST_NONE: return e_.load_none();
            case op::LOAD_CONST_TRUE: return e_.load_true();
            case op::LOAD_NULL: return e_.load_null();
            case op::LOAD_BUILD_CLASS: return e_.load_build_class();
            case op::LOAD_SUBSCR: return e_.load_subscr();
            case op::STORE_SUBSCR: return e_.store_subscr();
            case op::DUP_TOP: return e_.dup_top();
            case op::DUP_TOP_TWO: return e_.dup_top_two();
            case op::POP_TOP: return e_.pop_top();
            case op::ROT_TWO: return e_.rot_two();
            case op::ROT_THREE: return e_.rot_three();
            case op::END_FINALLY: return e_.end_finally();
            case op::GET_ITER: return e_.get_iter(false);
            case op::GET_ITER_STACK: return e_.get_iter(true);
            case op::STORE_MAP: return e_.store_map();
            case op::RETURN_VALUE: return e_.return_value();
            case op::RAISE_LAST: return e_.raise(0);
            case op::RAISE_OBJ: return e_.raise(1);
            case op::RAISE_FROM: return e_.raise(2);
            case op::YIELD_VALUE: return e_.yield_value();
            case op::YIELD_FROM: return e_.yield_from();
            case op::IMPORT_STAR: return e_.import_star();
            default:
                FAIL() << "replay: unexpected opcode " << opcode_name(b);
        }
    }

private:
    BytecodeEmitter& e_;
    const std::vector<std::string>& qstrs_;
    std::uint32_t next_child_;
    const std::string empty_;
};

// Opcodes after which the emitter writes nothing until the next label.
bool ends_flow(std::uint8_t b) {
    switch (b) {
        case op::JUMP:
        case op::UNWIND_JUMP:
        case op::POP_EXCEPT_JUMP:
        case op::RETURN_VALUE:
        case op::RAISE_LAST:
        case op::RAISE_OBJ:
        case op::RAISE_FROM:
            return true;
        default:
            return false;
    }
}

// Re-emits one raw code and returns the bytes the BytecodeEmitter lays out.
std::vector<std::uint8_t> replay(const RawCode& rc, const MpyModule& m, std::uint32_t num_locals) {
    ModuleBuilder mb(m.qstrs.at(0));
    for (const std::string& q : m.qstrs) mb.use_qstr(q);  // same numbering as the file
    for (std::size_t i = 0; i < m.constants.size(); ++i) {
        mb.use_constant(emitter_test::str_const(fmt::format("const#{}", i)));
    }
    BytecodeEmitter e(mb);

    const std::span<const std::uint8_t> code(rc.code);
    const Prelude p = parse_prelude(code);
    ScopeSignature sig;
    sig.simple_name = m.qstrs.at(p.simple_name);
    sig.scope_flags = p.sig.scope_flags;
    sig.num_pos_args = p.sig.n_pos_args;
    sig.num_kwonly_args = p.sig.n_kwonly_args;
    sig.num_def_pos_args = p.sig.n_def_pos_args;
    sig.num_locals = num_locals;
    for (std::uint32_t a : p.arg_names) sig.arg_names.push_back(m.qstrs.at(a));
    for (std::size_t i = p.offset_closure_info; i < p.offset_opcodes; ++i) sig.cell_slots.push_back(code[i]);

    // Source line changes, keyed by bytecode offset: one set_source_line per table entry.
    std::multimap<std::size_t, std::uint32_t> lines;
    {
        std::size_t bc = 0;
        std::uint32_t line = 1;
        for (const LineInfoEntry& entry :
             decode_line_info(code.subspan(p.offset_line_info, p.offset_closure_info - p.offset_line_info))) {
            bc += entry.bc_delta;
            line += entry.line_delta;
            if (entry.line_delta != 0) lines.emplace(bc, line);
        }
    }

    std::vector<Instruction> insns;
    for (std::size_t off = p.offset_opcodes; off < code.size();) {
        auto in = decode_instruction(code, off);
        if (!in) throw std::runtime_error("undecodable reference code");
        insns.push_back(*in);
        off += in->length;
    }

    e.begin_code_pass(0, sig);
    Replayer r(e, m.qstrs, 1);
    for (const Instruction& in : insns) {
        if (in.info->format == OpFormat::Offset) r.labels.emplace(in.jump_target, 0);
    }
    for (auto& [offset, label] : r.labels) label = e.new_label();

    for (std::size_t i = 0; i < insns.size(); ++i) {
        const Instruction& in = insns[i];
        std::size_t bc = in.offset - p.offset_opcodes;
        auto range = lines.equal_range(bc);
        for (auto it = range.first; it != range.second; ++it) e.set_source_line(static_cast<int>(it->second));
        if (r.labels.count(in.offset)) {
            e.label(r.labels.at(in.offset));
        } else if (i > 0 && ends_flow(insns[i - 1].opcode)) {
            // Code after an unconditional exit was written, so the compiler placed a label here
            // that no jump uses (e.g. the unused "no match" label of a bare `except:`).
            e.label(e.new_label());
        }
        // WITH_CLEANUP only exists as part of with_cleanup(): None, the handler label, WITH_CLEANUP.
        if (in.opcode == op::LOAD_CONST_NONE && i + 1 < insns.size() &&
            insns[i + 1].opcode == op::WITH_CLEANUP) {
            e.with_cleanup(r.labels.at(insns[i + 1].offset));
            ++i;
            continue;
        }
        r.play(in);
    }
    if (r.labels.count(code.size())) e.label(r.labels.at(code.size()));
    e.end_code_pass();
    return mb.code_of(0);
}

// All raw codes of a tree, pre-order, with a flag saying whether it is the module's.
void collect(const RawCode& rc, std::vector<const RawCode*>& out) {
    out.push_back(&rc);
    for (const RawCode& c : rc.children) collect(c, out);
}

bool has_handler(const RawCode& rc) {
    const Prelude p = parse_prelude(rc.code);
    return p.sig.n_exc_stack != 0;
}

class EmitterReplay : public ::testing::TestWithParam<std::string> {};

TEST_P(EmitterReplay, ReferenceLayoutIsReproduced) {
    const auto path = data_dir() / (GetParam() + ".mpy");
    const std::string bytes = read_file(path);
    ASSERT_FALSE(bytes.empty()) << path;
    const MpyModule m = read_mpy(bytes, path.string());
    std::vector<const RawCode*> codes;
    collect(m.module, codes);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const RawCode& rc = *codes[i];
        const Prelude ref = parse_prelude(rc.code);
        SCOPED_TRACE(fmt::format("{} raw code #{} ({})", GetParam(), i, m.qstrs.at(ref.simple_name)));
        // A first replay with no locals measures the stack the BytecodeEmitter computes.
        std::vector<std::uint8_t> probe = replay(rc, m, 0);
        const std::uint32_t measured = parse_prelude(probe).sig.n_state;
        std::uint32_t num_locals = 0;
        if (i == 0 && !has_handler(rc)) {
            EXPECT_EQ(measured, ref.sig.n_state) << "module-level stack depth";
        } else {
            ASSERT_LE(measured, ref.sig.n_state) << "stack deeper than the reference's n_state";
            num_locals = ref.sig.n_state - measured;
        }
        EXPECT_EQ(to_hex(replay(rc, m, num_locals)), to_hex(rc.code));
    }
}

std::vector<std::string> corpus() {
    std::vector<std::string> names;
    // No throwing here: this runs while tests are being registered.  A missing directory gives an
    // empty list, which EmitterReplayCorpus.IsNotEmpty reports.
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir(), ec)) {
        if (entry.path().extension() == ".mpy") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

INSTANTIATE_TEST_SUITE_P(Corpus, EmitterReplay, ::testing::ValuesIn(corpus()),
                         [](const auto& info) { return info.param; });

TEST(EmitterReplayCorpus, IsNotEmpty) { EXPECT_GE(corpus().size(), 4u); }

}  // namespace
}  // namespace mpy
