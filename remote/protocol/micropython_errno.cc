#include "remote/protocol/micropython_errno.h"

#include <cctype>

namespace mpy {
namespace {

constexpr MicroPythonErrno kErrnos[] = {
    {1, "EPERM", "Operation not permitted"},
    {2, "ENOENT", "No such file or directory"},
    {3, "ESRCH", "No such process"},
    {4, "EINTR", "Interrupted system call"},
    {5, "EIO", "Input/output error"},
    {6, "ENXIO", "No such device or address"},
    {7, "E2BIG", "Argument list too long"},
    {8, "ENOEXEC", "Exec format error"},
    {9, "EBADF", "Bad file descriptor"},
    {10, "ECHILD", "No child processes"},
    {11, "EAGAIN", "Resource temporarily unavailable"},
    {12, "ENOMEM", "Cannot allocate memory"},
    {13, "EACCES", "Permission denied"},
    {14, "EFAULT", "Bad address"},
    {15, "ENOTBLK", "Block device required"},
    {16, "EBUSY", "Device or resource busy"},
    {17, "EEXIST", "File exists"},
    {18, "EXDEV", "Invalid cross-device link"},
    {19, "ENODEV", "No such device"},
    {20, "ENOTDIR", "Not a directory"},
    {21, "EISDIR", "Is a directory"},
    {22, "EINVAL", "Invalid argument"},
    {23, "ENFILE", "Too many open files in system"},
    {24, "EMFILE", "Too many open files"},
    {25, "ENOTTY", "Inappropriate ioctl for device"},
    {26, "ETXTBSY", "Text file busy"},
    {27, "EFBIG", "File too large"},
    {28, "ENOSPC", "No space left on device"},
    {29, "ESPIPE", "Illegal seek"},
    {30, "EROFS", "Read-only file system"},
    {31, "EMLINK", "Too many links"},
    {32, "EPIPE", "Broken pipe"},
    {33, "EDOM", "Numerical argument out of domain"},
    {34, "ERANGE", "Numerical result out of range"},
    // Not in MicroPython's table, but the unix port passes it through from Linux.
    {39, "ENOTEMPTY", "Directory not empty"},
    {95, "EOPNOTSUPP", "Operation not supported"},
    {97, "EAFNOSUPPORT", "Address family not supported by protocol"},
    {98, "EADDRINUSE", "Address already in use"},
    {103, "ECONNABORTED", "Software caused connection abort"},
    {104, "ECONNRESET", "Connection reset by peer"},
    {105, "ENOBUFS", "No buffer space available"},
    {106, "EISCONN", "Transport endpoint is already connected"},
    {107, "ENOTCONN", "Transport endpoint is not connected"},
    {110, "ETIMEDOUT", "Connection timed out"},
    {111, "ECONNREFUSED", "Connection refused"},
    {113, "EHOSTUNREACH", "No route to host"},
    {114, "EALREADY", "Operation already in progress"},
    {115, "EINPROGRESS", "Operation now in progress"},
    {125, "ECANCELED", "Operation canceled"},
};

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
    for (const MicroPythonErrno& e : kErrnos)
        if (e.number == number) return &e;
    return nullptr;
}

const MicroPythonErrno* micropython_errno_named_in(std::string_view text) {
    for (const MicroPythonErrno& e : kErrnos)
        if (contains_word(text, e.name)) return &e;
    return nullptr;
}

}  // namespace mpy
