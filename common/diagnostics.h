// Diagnostics: errors with a source location, as a first-class value.
//
// Every stage reports problems as a Diagnostic (what kind, what is wrong, where).  Library code
// throws DiagnosticError; each program catches it at its edge and renders it, either the way
// mpy-cross prints it (for drop-in compatibility) or richly, with the source line and a caret.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mpy {

// A position in a source file.  Lines and columns count from 1; 0 means "not known".
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

struct Diagnostic {
    // The Python exception class the reference tool would raise ("SyntaxError",
    // "IndentationError", "ValueError", ...) or, for tool-level problems, "error".
    std::string kind;
    std::string message;
    SourceLocation where;
    // Optional extra lines ("note: ...") shown after the main message.
    std::vector<std::string> notes;
    // The scope the error arose in, for errors the compiler (not the parser) reports: mpy-cross's
    // traceback then says `, in <scope>` ("<module>", a function or class name, "<lambda>", ...).
    // Empty when there is none.
    std::string scope;
};

class DiagnosticError : public std::runtime_error {
public:
    explicit DiagnosticError(Diagnostic d);
    const Diagnostic& diagnostic() const { return diag_; }

private:
    Diagnostic diag_;
};

// Throws DiagnosticError for a problem that is the tool's, not a source file's: kind "error", no
// location ("error: could not open ...").  The one helper for library code that stops with a message.
[[noreturn]] void raise_error(const std::string& message);

// "file:line:col: kind: message", then the offending source line and a caret under the column
// when `source` (the whole text of the file) is given and the line is known.
std::string render_rich(const Diagnostic& d, std::string_view source = {});

// The traceback mpy-cross prints for a compile error:
//   Traceback (most recent call last):
//     File "<file>", line <line>[, in <scope>]
//   <kind>: <message>
// or only the last line when the error has no line (mpy-cross prints no traceback then).
std::string render_traceback(const Diagnostic& d);

// The text of line `line` (1-based) of `source`, without its line ending; empty if out of range.
std::string_view source_line(std::string_view source, int line);

}  // namespace mpy
