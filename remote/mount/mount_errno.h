// Host errno values -> the numbers MicroPython uses on a board (Linux's classic values, the same
// on every port), so that board code testing `e.errno == errno.ENOENT` works whatever the host.
#pragma once

namespace mpy::mount {

// (lower case: the upper-case names are the host's macros)
namespace mp_errno {
inline constexpr int eperm = 1, enoent = 2, eio = 5, ebadf = 9, eagain = 11, enomem = 12,
                     eacces = 13, ebusy = 16, eexist = 17, exdev = 18, enodev = 19, enotdir = 20,
                     eisdir = 21, einval = 22, enfile = 23, emfile = 24, efbig = 27, enospc = 28,
                     espipe = 29, erofs = 30, enametoolong = 36, enotempty = 39, eloop = 40,
                     eopnotsupp = 95;
}

// The MicroPython errno for a host errno; EIO for the ones a board has no name for.
int to_micropython_errno(int host_errno);

}  // namespace mpy::mount
