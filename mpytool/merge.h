// mpytool merge: several .mpy files into one whose module runs each input's module in order
// (the semantics of `mpy-tool.py --merge`):
//   * the qstr and constant tables are concatenated;
//   * the first input's raw code is kept as is; every later one is rewritten so its qstr and
//     constant indices point past the earlier inputs' entries (jump offsets re-laid out, as the
//     instructions may change length);
//   * a new outer module calls each input's module: MAKE_FUNCTION i, CALL_FUNCTION 0, POP_TOP.
// At most one input may contain native code; it is moved to the front (native code's table
// indices cannot be rewritten).  A single input is copied unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mpytool/loaded_file.h"

namespace mpy::tool {

struct MergeOptions {
    // Overrides the merged header's arch flags (mpy-tool's -march-flags).
    std::optional<std::uint64_t> arch_flags;
    // mpy-tool.py drops the line-number tables of the rewritten inputs (tracebacks then show
    // wrong lines).  We keep them unless this is set, which reproduces mpy-tool byte for byte.
    bool drop_line_info = false;
};

// Returns the merged file's bytes.  Throws DiagnosticError (two native inputs, native code that
// would need rewriting, bytecode that no longer fits after rewriting).
std::string merge_mpy(const std::vector<LoadedMpy>& inputs, const MergeOptions& options = {});

// Rewrites one bytecode raw code (and its children) with qstr indices shifted by `qstr_base` and
// constant indices by `obj_base`.  Exposed for tests.
RawCode rebase_raw_code(const RawCode& rc, std::uint64_t qstr_base, std::uint64_t obj_base, bool drop_line_info);

}  // namespace mpy::tool
