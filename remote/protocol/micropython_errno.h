// MicroPython's errno values (the numbers its OSError carries), their names, the messages a user
// reads for them and the host errno each stands for: the one table mpr's commands (reading a
// board's errors) and the mount's file server (sending the host's errors to a board) share.
//
// The numbers are MicroPython's own (py/mperrno.h: Linux's numbering for the values it knows),
// so a board reports them the same whatever its port; the unix port passes other Linux values
// through, of which ENOTEMPTY is common.  The messages are the C library's wording on Linux,
// which is what mpremote prints (it maps a board errno to the host's and asks os.strerror).
#pragma once

#include <cerrno>
#include <string_view>

namespace mpy {

struct MicroPythonErrno {
    int number;                // on the board: 2
    std::string_view name;     // "ENOENT"
    std::string_view message;  // "No such file or directory"
    int host;                  // the host's value for the same name (ENOENT from <cerrno>)
    // Whether a mount's file server passes this host error on to the board as it is; the other
    // host errors (network ones, say) reach the board as EIO, a file error its code expects.
    bool file_error;
};

inline constexpr MicroPythonErrno kMicroPythonErrnos[] = {
    {1, "EPERM", "Operation not permitted", EPERM, true},
    {2, "ENOENT", "No such file or directory", ENOENT, true},
    {3, "ESRCH", "No such process", ESRCH, false},
    {4, "EINTR", "Interrupted system call", EINTR, false},
    {5, "EIO", "Input/output error", EIO, true},
    {6, "ENXIO", "No such device or address", ENXIO, false},
    {7, "E2BIG", "Argument list too long", E2BIG, false},
    {8, "ENOEXEC", "Exec format error", ENOEXEC, false},
    {9, "EBADF", "Bad file descriptor", EBADF, true},
    {10, "ECHILD", "No child processes", ECHILD, false},
    {11, "EAGAIN", "Resource temporarily unavailable", EAGAIN, true},
    {12, "ENOMEM", "Cannot allocate memory", ENOMEM, true},
    {13, "EACCES", "Permission denied", EACCES, true},
    {14, "EFAULT", "Bad address", EFAULT, false},
    {15, "ENOTBLK", "Block device required", ENOTBLK, false},
    {16, "EBUSY", "Device or resource busy", EBUSY, true},
    {17, "EEXIST", "File exists", EEXIST, true},
    {18, "EXDEV", "Invalid cross-device link", EXDEV, true},
    {19, "ENODEV", "No such device", ENODEV, true},
    {20, "ENOTDIR", "Not a directory", ENOTDIR, true},
    {21, "EISDIR", "Is a directory", EISDIR, true},
    {22, "EINVAL", "Invalid argument", EINVAL, true},
    {23, "ENFILE", "Too many open files in system", ENFILE, true},
    {24, "EMFILE", "Too many open files", EMFILE, true},
    {25, "ENOTTY", "Inappropriate ioctl for device", ENOTTY, false},
    {26, "ETXTBSY", "Text file busy", ETXTBSY, false},
    {27, "EFBIG", "File too large", EFBIG, true},
    {28, "ENOSPC", "No space left on device", ENOSPC, true},
    {29, "ESPIPE", "Illegal seek", ESPIPE, true},
    {30, "EROFS", "Read-only file system", EROFS, true},
    {31, "EMLINK", "Too many links", EMLINK, false},
    {32, "EPIPE", "Broken pipe", EPIPE, false},
    {33, "EDOM", "Numerical argument out of domain", EDOM, false},
    {34, "ERANGE", "Numerical result out of range", ERANGE, false},
    // Not in MicroPython's table, but the unix port passes them through from Linux, and a
    // mount's file server sends them for the host's.
    {36, "ENAMETOOLONG", "File name too long", ENAMETOOLONG, true},
    {39, "ENOTEMPTY", "Directory not empty", ENOTEMPTY, true},
    {40, "ELOOP", "Too many levels of symbolic links", ELOOP, true},
    {95, "EOPNOTSUPP", "Operation not supported", EOPNOTSUPP, true},
    {97, "EAFNOSUPPORT", "Address family not supported by protocol", EAFNOSUPPORT, false},
    {98, "EADDRINUSE", "Address already in use", EADDRINUSE, false},
    {103, "ECONNABORTED", "Software caused connection abort", ECONNABORTED, false},
    {104, "ECONNRESET", "Connection reset by peer", ECONNRESET, false},
    {105, "ENOBUFS", "No buffer space available", ENOBUFS, false},
    {106, "EISCONN", "Transport endpoint is already connected", EISCONN, false},
    {107, "ENOTCONN", "Transport endpoint is not connected", ENOTCONN, false},
    {110, "ETIMEDOUT", "Connection timed out", ETIMEDOUT, false},
    {111, "ECONNREFUSED", "Connection refused", ECONNREFUSED, false},
    {113, "EHOSTUNREACH", "No route to host", EHOSTUNREACH, false},
    {114, "EALREADY", "Operation already in progress", EALREADY, false},
    {115, "EINPROGRESS", "Operation now in progress", EINPROGRESS, false},
    {125, "ECANCELED", "Operation canceled", ECANCELED, false},
};

// The entry for `number`, or nullptr when MicroPython has no such errno.
const MicroPythonErrno* micropython_errno(int number);
// The entry whose name appears in `text` as a whole word ("... ENOENT", "EPERM: x"), or nullptr.
const MicroPythonErrno* micropython_errno_named_in(std::string_view text);
// The board's number for a host's file error; EIO for a host errno that is not one.
int micropython_errno_for_host(int host_errno);

// The board's number for `name`, at compile time (a name not in the table does not compile).
consteval int micropython_errno_number(std::string_view name) {
    for (const MicroPythonErrno& e : kMicroPythonErrnos)
        if (e.name == name) return e.number;
    throw "not a MicroPython errno name";
}

// Board numbers by name, for code that sends errors to a board (lower case: the upper-case
// names are the host's macros, whose values may differ).
namespace mp_errno {
inline constexpr int eperm = micropython_errno_number("EPERM"), enoent = micropython_errno_number("ENOENT"),
                     eio = micropython_errno_number("EIO"), ebadf = micropython_errno_number("EBADF"),
                     eacces = micropython_errno_number("EACCES"), eexist = micropython_errno_number("EEXIST"),
                     enotdir = micropython_errno_number("ENOTDIR"), eisdir = micropython_errno_number("EISDIR"),
                     einval = micropython_errno_number("EINVAL"), emfile = micropython_errno_number("EMFILE"),
                     enotempty = micropython_errno_number("ENOTEMPTY");
}  // namespace mp_errno

}  // namespace mpy
