#include "mpytool/commands.h"

#include <ostream>

#include <fmt/format.h>

#include "common/diagnostics.h"
#include "common/file_io.h"
#include "mpytool/diff.h"
#include "mpytool/disasm.h"
#include "mpytool/freeze.h"
#include "mpytool/info.h"
#include "mpytool/loaded_file.h"
#include "mpytool/merge.h"
#include "mpytool/verify.h"

namespace mpy::tool {
namespace {

void report(std::ostream& err, const DiagnosticError& e) { err << render_rich(e.diagnostic()); }

}  // namespace

int cmd_info(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    int status = kExitOk;
    bool first = true;
    for (const auto& path : files) {
        if (!first) out << "\n";
        first = false;
        std::string bytes;
        try {
            bytes = read_file(path);
            out << render_info(parse_mpy(bytes, path));
        } catch (const DiagnosticError& e) {
            // Another .mpy version still gets described from its header.
            if (auto foreign = render_foreign_header(bytes, path)) {
                out << *foreign;
            } else {
                report(err, e);
            }
            status = kExitProblem;
        }
    }
    return status;
}

int cmd_dis(const std::string& file, const std::optional<std::string>& source_path, bool raw, std::ostream& out,
            std::ostream& err) {
    try {
        auto f = load_mpy(file);
        DisOptions opts;
        opts.raw = raw;
        if (source_path) opts.source = read_file(*source_path);
        out << render_dis(f, opts);
        return kExitOk;
    } catch (const DiagnosticError& e) {
        report(err, e);
        return kExitProblem;
    }
}

int cmd_verify(const std::vector<std::string>& files, bool quiet, std::ostream& out, std::ostream& err) {
    int status = kExitOk;
    for (const auto& path : files) {
        std::string bytes;
        try {
            bytes = read_file(path);
        } catch (const DiagnosticError& e) {
            report(err, e);
            status = kExitProblem;
            continue;
        }
        auto r = verify_bytes(bytes, path);
        if (!r.ok()) status = kExitProblem;
        if (quiet && r.problems.empty()) continue;
        out << r.render(path);
    }
    return status;
}

int cmd_diff(const std::string& a, const std::string& b, std::ostream& out, std::ostream& err) {
    try {
        auto fa = load_mpy(a);
        auto fb = load_mpy(b);
        auto r = diff_modules(fa, fb);
        out << r.text;
        return r.identical ? kExitOk : kExitProblem;
    } catch (const DiagnosticError& e) {
        report(err, e);
        return kExitProblem;
    }
}

int cmd_merge(const MergeArgs& args, std::ostream& err) {
    try {
        std::vector<LoadedMpy> inputs;
        for (const auto& p : args.inputs) inputs.push_back(load_mpy(p));
        MergeOptions opts;
        opts.arch_flags = args.arch_flags;
        opts.drop_line_info = args.drop_line_info;
        write_file_atomic(args.output, merge_mpy(inputs, opts));
        return kExitOk;
    } catch (const DiagnosticError& e) {
        report(err, e);
        return kExitProblem;
    }
}

int cmd_freeze(const FreezeArgs& args, std::ostream& out, std::ostream& err) {
    try {
        FreezeConfig cfg;
        cfg.longint_impl = args.longint_impl == "none"       ? LongIntImpl::None
                           : args.longint_impl == "longlong" ? LongIntImpl::LongLong
                                                             : LongIntImpl::Mpz;
        cfg.mpz_dig_size = args.mpz_dig_size;
        if (args.qstr_header) load_qstr_header(read_file(*args.qstr_header), cfg);
        std::vector<LoadedMpy> inputs;
        for (const auto& p : args.inputs) inputs.push_back(load_mpy(p));
        std::string c = freeze_modules(inputs, cfg);
        if (args.with_frozen_str) c = empty_frozen_str_section() + c;
        if (args.output == "-") {
            out << c;
        } else {
            write_file_atomic(args.output, c);
        }
        return kExitOk;
    } catch (const DiagnosticError& e) {
        report(err, e);
        return kExitProblem;
    }
}

}  // namespace mpy::tool
