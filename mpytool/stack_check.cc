#include "mpytool/stack_check.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "common/stack_effect.h"

namespace mpy::tool {
namespace {

// An active exception block, as a path sees it.
struct Block {
    long saved = 0;  // value-stack depth its SETUP instruction saved: handlers are entered there
    // Depth an unwind jump leaves when it passes through the block: the saved depth, except
    // that a with block's handler also drops __exit__ and the context manager.
    long after_unwind = 0;
    // This path runs the block's finally/with handler for a return or an unwind jump: two values
    // (the return value or jump target, and a small-int marker) sit where an exception would,
    // and its END_FINALLY carries on with that return or jump instead of falling through.
    bool entered_by_unwind = false;
    bool operator==(const Block&) const = default;
};

// Depths on entry to an instruction.
struct Depth {
    long value = 0;             // value-stack entries
    std::vector<Block> blocks;  // active exception blocks, innermost last

    long exc() const { return static_cast<long>(blocks.size()); }
    // The same blocks with another value-stack depth.
    Depth at(long new_value) const {
        Depth d = *this;
        d.value = new_value;
        return d;
    }
    // One more block and a value-stack depth of `new_value`.
    Depth entering(Block b, long new_value) const {
        Depth d = at(new_value);
        d.blocks.push_back(b);
        return d;
    }
    // Which blocks' handlers this path entered by an unwind.  Paths that differ here differ in
    // depth by design, so each combination is checked apart; paths that agree here must agree
    // on every depth.
    std::vector<std::size_t> unwind_entries() const {
        std::vector<std::size_t> which;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (blocks[i].entered_by_unwind) which.push_back(i);
        }
        return which;
    }
};

enum class HandlerEntry : std::uint8_t { None, ByException, ByUnwind };

struct Edge {
    std::size_t target = 0;
    Depth depth;
    // Set on the edge into a finally handler and kept through the async-with test
    // "DUP_TOP; LOAD_GLOBAL; BINARY_OP <exception match>; POP_JUMP_IF_FALSE", whose outcome
    // follows from how the handler was entered (only one branch is feasible).
    HandlerEntry entry = HandlerEntry::None;
};

// Handlers entered by an unwind nested deeper than this are not followed (no compiler output
// comes close).
constexpr std::size_t kMaxUnwindEntries = 8;
// Each nesting of a finally handler inside another doubles the paths through it, and each visit
// copies the path's exception blocks.  The work is capped at this many units (a visit costs one
// plus its block count) per instruction; past it the check stops, keeping what it found.  Only
// hostile files get there (the 20,000 reference files of the session-3 measurement stay far below).
constexpr std::size_t kWorkPerInstruction = 256;

// Packed CALL_* / UNPACK_EX counts.
long low_byte(std::int64_t arg) { return static_cast<long>(arg & 0xff); }
long high_byte(std::int64_t arg) { return static_cast<long>((arg >> 8) & 0xff); }

// Net effect on the value stack of an instruction that simply falls through (or whose jump
// target sees the same depth).  Control-flow opcodes are handled by successors().
long plain_effect(const Instruction& insn) { return plain_stack_effect(insn.opcode, insn.arg, insn.extra.value_or(0)); }

// The highest local slot an instruction names, if it names one.
std::optional<long> local_slot(const Instruction& insn) {
    std::uint8_t o = insn.opcode;
    if ((o >= op::LOAD_FAST_MULTI && o < op::UNARY_OP_MULTI)) return static_cast<long>(insn.arg);
    switch (o) {
        case op::LOAD_FAST_N: case op::STORE_FAST_N: case op::DELETE_FAST:
        case op::LOAD_DEREF: case op::STORE_DEREF: case op::DELETE_DEREF:
            return static_cast<long>(insn.arg);
        default:
            return std::nullopt;
    }
}
// Entries an instruction reads below the top before pushing (for the underflow check of
// instructions whose net effect hides it, e.g. ROT_THREE, CALL_FUNCTION with results).
long pops(const Instruction& insn) {
    std::uint8_t o = insn.opcode;
    std::int64_t a = insn.arg;
    if (o >= op::UNARY_OP_MULTI && o < op::BINARY_OP_MULTI) return 1;
    if (o >= op::BINARY_OP_MULTI) return 2;
    switch (o) {
        case op::LOAD_ATTR: case op::LOAD_METHOD: case op::GET_ITER: case op::GET_ITER_STACK:
        case op::DUP_TOP: case op::YIELD_VALUE: case op::UNPACK_SEQUENCE: case op::UNPACK_EX:
            return 1;
        case op::ROT_TWO: case op::DUP_TOP_TWO: case op::YIELD_FROM:
            return 2;
        case op::ROT_THREE: case op::LOAD_SUPER_METHOD: case op::WITH_CLEANUP:
            return 3;
        case op::MAKE_FUNCTION_DEFARGS:
            return 2;
        case op::MAKE_CLOSURE:
            return static_cast<long>(insn.extra.value_or(0));
        case op::MAKE_CLOSURE_DEFARGS:
            return 2 + static_cast<long>(insn.extra.value_or(0));
        case op::CALL_FUNCTION:
            return low_byte(a) + 2 * high_byte(a) + 1;
        case op::CALL_FUNCTION_VAR_KW:
            return low_byte(a) + 2 * high_byte(a) + 2;
        case op::CALL_METHOD:
            return low_byte(a) + 2 * high_byte(a) + 2;
        case op::CALL_METHOD_VAR_KW:
            return low_byte(a) + 2 * high_byte(a) + 3;
        default:
            return 0;
    }
}

class StackChecker {
public:
    explicit StackChecker(const FunctionView& v) : v_(v) {}

    std::vector<CodeProblem> run() {
        const auto& sig = v_.prelude->sig;
        for (std::size_t i = 0; i < v_.instructions.size(); ++i) index_[v_.instructions[i].offset] = i;
        room_ = static_cast<long>(sig.n_state) - count_locals();
        if (room_ < 0) return std::move(problems_);  // already reported by the prelude checks
        std::size_t budget = kWorkPerInstruction * v_.instructions.size();
        std::deque<Edge> work{{v_.instructions.front().offset, {}, HandlerEntry::None}};
        while (!work.empty() && problems_.empty()) {
            Edge e = work.front();
            work.pop_front();
            std::size_t cost = 1 + e.depth.blocks.size();
            if (cost > budget) break;
            budget -= cost;
            auto it = index_.find(e.target);
            if (it == index_.end()) continue;  // bad targets are reported by the jump checks
            auto [seen, is_new] = entry_.try_emplace({it->second, e.depth.unwind_entries()}, e.depth);
            if (!is_new) {
                compare(e.target, seen->second, e.depth);
                continue;
            }
            entry_kind_ = e.entry;
            step(v_.instructions[it->second], e.depth, work);
        }
        return std::move(problems_);
    }

private:
    long count_locals() const {
        const auto& p = *v_.prelude;
        const auto& sig = p.sig;
        long n = static_cast<long>(sig.n_pos_args) + sig.n_kwonly_args + ((sig.scope_flags & kScopeVarArgs) ? 1 : 0) +
                 ((sig.scope_flags & kScopeVarKeywords) ? 1 : 0);
        for (std::size_t i = p.offset_closure_info; i < p.offset_opcodes; ++i) n = std::max<long>(n, v_.rc->code[i] + 1);
        for (const auto& insn : v_.instructions) {
            if (auto slot = local_slot(insn)) n = std::max(n, *slot + 1);
        }
        return n;
    }

    void report(std::size_t at, std::string msg) { problems_.push_back({at, std::move(msg)}); }

    // A second path into an instruction must bring the depths the first one did.
    void compare(std::size_t at, const Depth& seen, const Depth& now) {
        if (seen.value != now.value || seen.exc() != now.exc()) {
            report(at, fmt::format("paths reach this instruction with different depths (stack {} and {}, exception blocks {} and {})",
                                   seen.value, now.value, seen.exc(), now.exc()));
            return;
        }
        for (std::size_t i = 0; i < seen.blocks.size(); ++i) {
            if (seen.blocks[i].saved != now.blocks[i].saved) {
                report(at, fmt::format("paths reach this instruction with exception block {} saved at different stack depths ({} and {})",
                                       i + 1, seen.blocks[i].saved, now.blocks[i].saved));
                return;
            }
        }
    }

    // Checks the depths an instruction leaves and queues its successors.
    void push(const Instruction& insn, std::size_t target, const Depth& d, std::deque<Edge>& work) {
        const auto& sig = v_.prelude->sig;
        if (!problems_.empty()) return;  // one finding per function: later depths follow from it
        if (d.value < 0) {
            report(insn.offset, fmt::format("{} pops more than the stack holds (depth would be {})", insn.info->name, d.value));
            return;
        }
        if (d.value > room_) {
            report(insn.offset, fmt::format("stack depth {} exceeds the {} slots n_state {} leaves beside the locals",
                                            d.value, room_, sig.n_state));
            return;
        }
        if (d.exc() > static_cast<long>(sig.n_exc_stack)) {
            report(insn.offset, fmt::format("exception-block depth {} exceeds n_exc_stack {}", d.exc(), sig.n_exc_stack));
            return;
        }
        work.push_back({target, d, next_entry_});
    }

    void step(const Instruction& insn, const Depth& d, std::deque<Edge>& work) {
        std::size_t next = insn.offset + insn.length;
        next_entry_ = HandlerEntry::None;
        if (entry_kind_ != HandlerEntry::None) {
            bool keep = insn.opcode == op::DUP_TOP || insn.opcode == op::LOAD_GLOBAL ||
                        insn.opcode == op::BINARY_OP_MULTI + static_cast<unsigned>(BinaryOp::ExceptionMatch);
            if (keep) next_entry_ = entry_kind_;
            if (insn.opcode == op::POP_JUMP_IF_FALSE) {
                // The exception test: an exception goes on, a return or unwind jumps.
                bool by_exception = entry_kind_ == HandlerEntry::ByException;
                push(insn, by_exception ? next : static_cast<std::size_t>(insn.jump_target), d.at(d.value - 1), work);
                return;
            }
        }
        auto target = static_cast<std::size_t>(insn.jump_target);
        switch (insn.opcode) {
            case op::RETURN_VALUE:
            case op::RAISE_OBJ:
                check_pop(insn, d, 1);
                return;
            case op::RAISE_FROM:
                check_pop(insn, d, 2);
                return;
            case op::RAISE_LAST:
                return;
            case op::JUMP:
                push(insn, target, d, work);
                return;
            case op::POP_JUMP_IF_TRUE:
            case op::POP_JUMP_IF_FALSE:
                push(insn, target, d.at(d.value - 1), work);
                push(insn, next, d.at(d.value - 1), work);
                return;
            case op::JUMP_IF_TRUE_OR_POP:
            case op::JUMP_IF_FALSE_OR_POP:
                check_pop(insn, d, 1);
                push(insn, target, d, work);
                push(insn, next, d.at(d.value - 1), work);
                return;
            case op::SETUP_EXCEPT:
            case op::SETUP_FINALLY: {
                // The handler is entered with the stack as it was here plus the exception.
                Block b{d.value, d.value, false};
                push(insn, next, d.entering(b, d.value), work);
                if (insn.opcode == op::SETUP_EXCEPT) {
                    push(insn, target, d.entering(b, d.value + 1), work);
                    return;
                }
                next_entry_ = HandlerEntry::ByException;
                push(insn, target, d.entering(b, d.value + 1), work);
                next_entry_ = HandlerEntry::ByUnwind;
                push_unwind_entry(insn, target, d, b, d.value + 2, work);
                next_entry_ = HandlerEntry::None;
                return;
            }
            case op::SETUP_WITH: {
                // The context manager becomes __exit__ and self; the saved stack ends there, so
                // the body starts with __enter__'s result above them and the handler with the
                // exception in its place.
                check_pop(insn, d, 1);
                Block b{d.value + 1, d.value - 1, false};
                push(insn, next, d.entering(b, d.value + 2), work);
                push(insn, target, d.entering(b, d.value + 2), work);
                push_unwind_entry(insn, target, d, b, d.value + 3, work);
                return;
            }
            case op::END_FINALLY:
                if (d.blocks.empty()) {
                    leave_blocks(insn, d, 1);  // reports it
                    return;
                }
                // In a handler entered by a return or an unwind jump END_FINALLY carries on with
                // that return or jump (checked where it starts), never falling through.
                if (d.blocks.back().entered_by_unwind) {
                    check_pop(insn, d, 1);
                    return;
                }
                // Statically only the "no exception" (None) outcome falls through; the others
                // re-raise or continue an unwind.
                if (auto left = leave_blocks(insn, d, 1)) push(insn, next, left->at(d.value - 1), work);
                return;
            case op::POP_EXCEPT_JUMP:
                if (auto left = leave_blocks(insn, d, 1)) push(insn, target, left->at(d.value), work);
                return;
            case op::FOR_ITER:
                if (d.value < kIterBufSlots) {
                    report(insn.offset, fmt::format("FOR_ITER with only {} stack entries below it (the iterator needs {})", d.value, kIterBufSlots));
                    return;
                }
                push(insn, next, d.at(d.value + 1), work);
                push(insn, target, d.at(d.value - kIterBufSlots), work);
                return;
            case op::UNWIND_JUMP:
                unwind_jump(insn, d, work);
                return;
            default: {
                long need = pops(insn);
                if (need > 0) check_pop(insn, d, need);
                push(insn, next, d.at(d.value + plain_effect(insn)), work);
                return;
            }
        }
    }

    // A finally or with handler can also be entered by a return or an unwind jump passing
    // through it: then two values (return value or jump state, and a small-int marker) replace
    // the exception.
    void push_unwind_entry(const Instruction& insn, std::size_t target, const Depth& d, Block b, long value,
                           std::deque<Edge>& work) {
        if (d.unwind_entries().size() >= kMaxUnwindEntries) return;
        b.entered_by_unwind = true;
        push(insn, target, d.entering(b, value), work);
    }

    // UNWIND_JUMP leaves the innermost `n` exception blocks (the low 7 bits of its operand),
    // running the finally/with handlers among them, then jumps; with the for bit set it also
    // drops the iterator of the loop it breaks out of.  The VM unwinds relative to the stack
    // pointer, but each handler it runs returns the stack to the depth its block saved (a with
    // handler also drops __exit__ and the manager) and an active finally it cancels drops what
    // its entry pushed, so the jump lands where the outermost block left puts it.  Code that
    // only an unwind reaches (after a `while True:` left by `break` inside `try`) is checked
    // from there.
    void unwind_jump(const Instruction& insn, const Depth& d, std::deque<Edge>& work) {
        auto operand = insn.extra.value_or(0);
        long n = operand & 0x7f;
        auto landing = leave_blocks(insn, d, n);
        if (!landing) return;
        if (n > 0) {
            long innermost = d.blocks.back().saved;
            if (d.value < innermost) {
                report(insn.offset, fmt::format("UNWIND_JUMP at stack depth {}, below the depth {} its innermost exception block saved",
                                                d.value, innermost));
                return;
            }
            landing->value = d.blocks[d.blocks.size() - static_cast<std::size_t>(n)].after_unwind;
        }
        if (operand & kUnwindFromForBit) {
            if (landing->value < kIterBufSlots) {
                report(insn.offset, "UNWIND_JUMP pops a for-loop iterator that is not on the stack");
                return;
            }
            landing->value -= kIterBufSlots;
        }
        push(insn, static_cast<std::size_t>(insn.jump_target), *landing, work);
    }

    // `d` without its innermost `n` exception blocks, or nothing (reported) if fewer are active.
    std::optional<Depth> leave_blocks(const Instruction& insn, const Depth& d, long n) {
        if (n > d.exc()) {
            report(insn.offset, d.exc() == 0 && n == 1
                                    ? fmt::format("{} leaves an exception block that was never entered", insn.info->name)
                                    : fmt::format("{} leaves {} exception blocks but only {} are active", insn.info->name, n, d.exc()));
            return std::nullopt;
        }
        Depth left = d;
        left.blocks.resize(d.blocks.size() - static_cast<std::size_t>(n));
        return left;
    }

    void check_pop(const Instruction& insn, const Depth& d, long need) {
        if (d.value < need) {
            report(insn.offset, fmt::format("{} needs {} stack entries but only {} are there", insn.info->name, need, d.value));
        }
    }

    const FunctionView& v_;
    std::map<std::size_t, std::size_t> index_;  // code offset -> instruction number
    // (instruction number, blocks whose handler the path entered by an unwind) -> depths on entry
    std::map<std::pair<std::size_t, std::vector<std::size_t>>, Depth> entry_;
    HandlerEntry entry_kind_ = HandlerEntry::None;  // of the edge being stepped
    HandlerEntry next_entry_ = HandlerEntry::None;  // given to the edges being pushed
    long room_ = 0;
    std::vector<CodeProblem> problems_;
};

}  // namespace

std::vector<CodeProblem> check_stack_discipline(const FunctionView& view) {
    if (!view.prelude || view.instructions.empty() || !view.problems.empty()) return {};
    for (const auto& insn : view.instructions) {
        if (!insn.info || !insn.info->known) return {};
    }
    return StackChecker(view).run();
}

}  // namespace mpy::tool
