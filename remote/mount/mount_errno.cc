#include "remote/mount/mount_errno.h"

#include <cerrno>

namespace mpy::mount {

int to_micropython_errno(int e) {
    static const struct {
        int host, board;
    } table[] = {
        {EPERM, mp_errno::eperm},     {ENOENT, mp_errno::enoent},
        {EIO, mp_errno::eio},         {EBADF, mp_errno::ebadf},
        {EAGAIN, mp_errno::eagain},   {ENOMEM, mp_errno::enomem},
        {EACCES, mp_errno::eacces},   {EBUSY, mp_errno::ebusy},
        {EEXIST, mp_errno::eexist},   {EXDEV, mp_errno::exdev},
        {ENODEV, mp_errno::enodev},   {ENOTDIR, mp_errno::enotdir},
        {EISDIR, mp_errno::eisdir},   {EINVAL, mp_errno::einval},
        {ENFILE, mp_errno::enfile},   {EMFILE, mp_errno::emfile},
        {EFBIG, mp_errno::efbig},     {ENOSPC, mp_errno::enospc},
        {ESPIPE, mp_errno::espipe},   {EROFS, mp_errno::erofs},
        {ENAMETOOLONG, mp_errno::enametoolong}, {ENOTEMPTY, mp_errno::enotempty},
        {ELOOP, mp_errno::eloop},     {EOPNOTSUPP, mp_errno::eopnotsupp},
    };
    for (const auto& t : table)
        if (t.host == e) return t.board;
    return mp_errno::eio;
}

}  // namespace mpy::mount
