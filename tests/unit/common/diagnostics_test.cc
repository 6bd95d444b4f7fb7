#include "common/diagnostics.h"

#include <gtest/gtest.h>

namespace mpy {
namespace {

TEST(Diagnostics, RichRenderingShowsLineAndCaret) {
    Diagnostic d{"SyntaxError", "invalid syntax", {"t.py", 2, 5}};
    std::string text = render_rich(d, "x = 1\nif x x:\n    pass\n");
    EXPECT_EQ(text, "t.py:2:5: SyntaxError: invalid syntax\n    if x x:\n        ^\n");
}

TEST(Diagnostics, TracebackMatchesMpyCross) {
    Diagnostic d{"SyntaxError", "invalid syntax", {"t.py", 7, 3}};
    EXPECT_EQ(render_traceback(d), "Traceback (most recent call last):\n  File \"t.py\", line 7\nSyntaxError: invalid syntax\n");
}

TEST(Diagnostics, TracebackNamesScopeForCompilerErrors) {
    Diagnostic d{"SyntaxError", "'break' outside loop", {"e.py", 3, 5}};
    d.scope = "f";
    EXPECT_EQ(render_traceback(d), "Traceback (most recent call last):\n  File \"e.py\", line 3, in f\nSyntaxError: 'break' outside loop\n");
}

TEST(Diagnostics, TracebackWithoutLineIsOnlyTheExceptionLine) {
    Diagnostic d{"NotImplementedError", "unicode name escapes", {"ne.py", 0, 0}};
    EXPECT_EQ(render_traceback(d), "NotImplementedError: unicode name escapes\n");
}

TEST(Diagnostics, SourceLineHandlesCrLfAndRange) {
    EXPECT_EQ(source_line("a\r\nbc\r\n", 2), "bc");
    EXPECT_EQ(source_line("a\nb", 3), "");
    EXPECT_EQ(source_line("a\nb", 0), "");
}

TEST(Diagnostics, ErrorWhatNamesFileAndLine) {
    DiagnosticError e(Diagnostic{"IndentationError", "unexpected indent", {"m.py", 4, 1}});
    EXPECT_STREQ(e.what(), "m.py:4: IndentationError: unexpected indent");
}

}  // namespace
}  // namespace mpy
