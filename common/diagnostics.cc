#include "common/diagnostics.h"

#include <fmt/format.h>

namespace mpy {

namespace {
std::string what_text(const Diagnostic& d) {
    if (d.where.line > 0) {
        return fmt::format("{}:{}: {}: {}", d.where.file, d.where.line, d.kind, d.message);
    }
    if (!d.where.file.empty()) return fmt::format("{}: {}: {}", d.where.file, d.kind, d.message);
    return fmt::format("{}: {}", d.kind, d.message);
}
}  // namespace

DiagnosticError::DiagnosticError(Diagnostic d) : std::runtime_error(what_text(d)), diag_(std::move(d)) {}

void raise_error(const std::string& message) { throw DiagnosticError(Diagnostic{"error", message, {}}); }

std::string_view source_line(std::string_view source, int line) {
    if (line < 1) return {};
    size_t pos = 0;
    for (int i = 1; i < line; ++i) {
        size_t nl = source.find('\n', pos);
        if (nl == std::string_view::npos) return {};
        pos = nl + 1;
    }
    size_t end = source.find('\n', pos);
    std::string_view text = source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

std::string render_rich(const Diagnostic& d, std::string_view source) {
    std::string out;
    if (d.where.line > 0 && d.where.column > 0) {
        out = fmt::format("{}:{}:{}: {}: {}\n", d.where.file, d.where.line, d.where.column, d.kind, d.message);
    } else {
        out = what_text(d) + "\n";
    }
    std::string_view text = source_line(source, d.where.line);
    if (!text.empty()) {
        out += fmt::format("    {}\n", text);
        if (d.where.column > 0) {
            // Keep tabs so the caret lines up under the same column in a terminal.
            std::string pad;
            for (int i = 0; i + 1 < d.where.column && i < static_cast<int>(text.size()); ++i) {
                pad += text[i] == '\t' ? '\t' : ' ';
            }
            out += fmt::format("    {}^\n", pad);
        }
    }
    for (const auto& note : d.notes) out += fmt::format("note: {}\n", note);
    return out;
}

std::string render_traceback(const Diagnostic& d) {
    // An error raised before any source position exists (the lexer's "unicode name escapes", say)
    // has no traceback in mpy-cross: just the exception line.
    if (d.where.line <= 0) return fmt::format("{}: {}\n", d.kind, d.message);
    std::string out = "Traceback (most recent call last):\n";
    out += fmt::format("  File \"{}\", line {}", d.where.file, d.where.line);
    if (!d.scope.empty()) out += fmt::format(", in {}", d.scope);
    out += "\n";
    out += fmt::format("{}: {}\n", d.kind, d.message);
    return out;
}

}  // namespace mpy
