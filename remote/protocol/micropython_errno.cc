#include "remote/protocol/micropython_errno.h"

#include <cctype>

namespace mpy {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `name` occurs in `text` with no letter, digit or '_' right before or after it.
bool contains_word(std::string_view text, std::string_view name) {
    for (auto at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
        bool starts = at == 0 || !is_word_char(text[at - 1]);
        bool ends = at + name.size() == text.size() || !is_word_char(text[at + name.size()]);
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace

const MicroPythonErrno* micropython_errno(int number) {
    for (const MicroPythonErrno& e : kMicroPythonErrnos)
        if (e.number == number) return &e;
    return nullptr;
}

const MicroPythonErrno* micropython_errno_named_in(std::string_view text) {
    for (const MicroPythonErrno& e : kMicroPythonErrnos)
        if (contains_word(text, e.name)) return &e;
    return nullptr;
}

int micropython_errno_for_host(int host_errno) {
    for (const MicroPythonErrno& e : kMicroPythonErrnos)
        if (e.file_error && e.host == host_errno) return e.number;
    return mp_errno::eio;
}

}  // namespace mpy
