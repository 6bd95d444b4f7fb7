#include "common/qstr_static.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace mpy::qstr {
namespace {

// Data of the format (py/makeqstrdata.py's static_qstr_list in 1.27), element i = qstr i + 1.
constexpr std::array<std::string_view, kLastStatic> kStatic = {
    "", "__dir__", "\n", " ", "*", "/", "<module>", "_", "__call__", "__class__", "__delitem__",
    "__enter__", "__exit__", "__getattr__", "__getitem__", "__hash__", "__init__", "__int__",
    "__iter__", "__len__", "__main__", "__module__", "__name__", "__new__", "__next__",
    "__qualname__", "__repr__", "__setitem__", "__str__", "ArithmeticError", "AssertionError",
    "AttributeError", "BaseException", "EOFError", "Ellipsis", "Exception", "GeneratorExit",
    "ImportError", "IndentationError", "IndexError", "KeyError", "KeyboardInterrupt",
    "LookupError", "MemoryError", "NameError", "NoneType", "NotImplementedError", "OSError",
    "OverflowError", "RuntimeError", "StopIteration", "SyntaxError", "SystemExit", "TypeError",
    "ValueError", "ZeroDivisionError", "abs", "all", "any", "append", "args", "bool", "builtins",
    "bytearray", "bytecode", "bytes", "callable", "chr", "classmethod", "clear", "close", "const",
    "copy", "count", "dict", "dir", "divmod", "end", "endswith", "eval", "exec", "extend", "find",
    "format", "from_bytes", "get", "getattr", "globals", "hasattr", "hash", "id", "index",
    "insert", "int", "isalpha", "isdigit", "isinstance", "islower", "isspace", "issubclass",
    "isupper", "items", "iter", "join", "key", "keys", "len", "list", "little", "locals", "lower",
    "lstrip", "main", "map", "micropython", "next", "object", "open", "ord", "pop", "popitem",
    "pow", "print", "range", "read", "readinto", "readline", "remove", "replace", "repr",
    "reverse", "rfind", "rindex", "round", "rsplit", "rstrip", "self", "send", "sep", "set",
    "setattr", "setdefault", "sort", "sorted", "split", "start", "startswith", "staticmethod",
    "step", "stop", "str", "strip", "sum", "super", "throw", "to_bytes", "tuple", "type", "update",
    "upper", "utf-8", "value", "values", "write", "zip",
};

// Sorted (string, index) pairs for the reverse lookup, built at compile time (a table built on
// first use cost every mpyc process about 5% of its instructions).
constexpr auto kReverse = [] {
    std::array<std::pair<std::string_view, std::uint32_t>, kLastStatic> entries{};
    for (std::uint32_t i = 0; i < kLastStatic; ++i) entries[i] = {kStatic[i], i + kFirstStatic};
    std::sort(entries.begin(), entries.end());
    return entries;
}();

}  // namespace

std::optional<std::string_view> static_string(std::uint32_t index) {
    if (index < kFirstStatic || index > kLastStatic) {
        return std::nullopt;
    }
    return kStatic[index - kFirstStatic];
}

std::optional<std::uint32_t> static_index(std::string_view text) {
    const auto& entries = kReverse;
    auto it = std::lower_bound(entries.begin(), entries.end(), text,
                               [](const auto& e, std::string_view t) { return e.first < t; });
    if (it != entries.end() && it->first == text) {
        return it->second;
    }
    return std::nullopt;
}

std::span<const std::string_view> static_strings() { return kStatic; }

}  // namespace mpy::qstr
