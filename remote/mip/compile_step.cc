#include "remote/mip/compile_step.h"

#include "common/diagnostics.h"
#include "compiler/compiler.h"

namespace mpy::mip {
namespace {

bool eligible(const PlannedFile& f) {
    if (!f.short_hash.empty()) return false;  // from the index: already what the index serves
    const std::string& t = f.target;
    if (t.size() < 4 || t.compare(t.size() - 3, 3, ".py") != 0) return false;
    auto slash = t.rfind('/');
    std::string base = slash == std::string::npos ? t : t.substr(slash + 1);
    return base != "boot.py" && base != "main.py";
}

}  // namespace

std::string compiler_mpy_version() { return "6"; }

void compile_sources(std::vector<PlannedPackage>& packages, const std::string& board_mpy_version) {
    bool any = false;
    for (const PlannedPackage& p : packages)
        for (const PlannedFile& f : p.files) any = any || eligible(f);
    if (!any) return;
    if (board_mpy_version != compiler_mpy_version())
        throw DiagnosticError(Diagnostic{
            "error",
            "--compile: the board loads .mpy version " + board_mpy_version + ", mpytools' compiler writes version " +
                compiler_mpy_version() + " (install without --compile to send the .py files)",
            {}});
    for (PlannedPackage& p : packages)
        for (PlannedFile& f : p.files) {
            if (!eligible(f)) continue;
            CompileOptions opts;
            opts.source_name = f.target;
            try {
                f.data = compile_to_mpy(f.data, opts);
            } catch (const DiagnosticError& e) {
                Diagnostic d = e.diagnostic();
                throw DiagnosticError(Diagnostic{
                    "error",
                    "--compile: " + f.url + (d.where.line ? ":" + std::to_string(d.where.line) : "") + ": " + d.kind +
                        ": " + d.message + " (nothing was written to the board)",
                    {}});
            }
            f.target.replace(f.target.size() - 3, 3, ".mpy");
            f.compiled = true;
        }
}

}  // namespace mpy::mip
