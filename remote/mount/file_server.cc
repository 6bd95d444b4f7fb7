#include "remote/mount/file_server.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <vector>

#include "remote/protocol/micropython_errno.h"

namespace mpy::mount {

namespace fs = std::filesystem;

namespace {

std::string host_error(int e) { return encode_error(micropython_errno_for_host(e)); }

// Whether a board can hold `name` as a str: MicroPython checks UTF-8 when decoding.
bool valid_utf8(std::string_view name) {
    for (std::size_t i = 0; i < name.size();) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > name.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(name[i + k]) >> 6) != 0x2) return false;
        i += len;
    }
    return true;
}

// Mode letters as open() takes them ("r", "wb", "a+", "x") -> open(2) flags; -1 if invalid.
int open_flags(std::string_view mode) {
    int kind = 0, flags = 0;
    bool plus = false;
    for (char c : mode) {
        switch (c) {
            case 'r': ++kind; flags = O_RDONLY; break;
            case 'w': ++kind; flags = O_WRONLY | O_CREAT | O_TRUNC; break;
            case 'a': ++kind; flags = O_WRONLY | O_CREAT | O_APPEND; break;
            case 'x': ++kind; flags = O_WRONLY | O_CREAT | O_EXCL; break;
            case '+': plus = true; break;
            case 'b': case 't': break;
            default: return -1;
        }
    }
    if (kind != 1) return -1;
    if (plus) flags = (flags & ~(O_RDONLY | O_WRONLY)) | O_RDWR;
    return flags | O_CLOEXEC;
}

}  // namespace

MountFileServer::MountFileServer(const fs::path& folder, bool unsafe_links, std::size_t read_ahead)
    : root_(folder, unsafe_links), read_ahead_(std::max<std::size_t>(read_ahead, 1)) {}

MountFileServer::~MountFileServer() = default;

std::optional<std::string> MountFileServer::serve(const MountRequest& r) {
    switch (static_cast<MountCommand>(r.command)) {
        case MountCommand::stat: return stat(r);
        case MountCommand::statvfs: return statvfs(r);
        case MountCommand::listdir: return listdir(r);
        case MountCommand::chdir: return chdir(r);
        case MountCommand::open: return open(r);
        case MountCommand::read: return read(r);
        case MountCommand::write: return write(r);
        case MountCommand::seek: return seek(r);
        case MountCommand::close: close(r); return std::nullopt;
        case MountCommand::mkdir:
        case MountCommand::remove:
        case MountCommand::rmdir: return simple(r);
        case MountCommand::rename: return rename(r);
    }
    return encode_error(mp_errno::einval);
}

std::string MountFileServer::stat(const MountRequest& r) {
    ResolvedPath p = root_.resolve(r.payload, LastLink::follow);
    if (p.error) return encode_error(p.error);
    struct stat st {};
    if (::stat(p.host.c_str(), &st) != 0) return host_error(errno);
    return encode_reply(0, {static_cast<long long>(st.st_mode), static_cast<long long>(st.st_size),
                            static_cast<long long>(st.st_mtime)});
}

std::string MountFileServer::statvfs(const MountRequest& r) {
    ResolvedPath p = root_.resolve(r.payload, LastLink::follow);
    if (p.error) return encode_error(p.error);
    struct statvfs v {};
    if (::statvfs(p.host.c_str(), &v) != 0) return host_error(errno);
    auto n = [](auto x) { return static_cast<long long>(x); };
    return encode_reply(0, {n(v.f_bsize), n(v.f_frsize), n(v.f_blocks), n(v.f_bfree), n(v.f_bavail),
                            n(v.f_files), n(v.f_ffree), n(v.f_favail), n(v.f_flag), n(v.f_namemax)});
}

std::string MountFileServer::listdir(const MountRequest& r) {
    ResolvedPath p = root_.resolve(r.payload, LastLink::follow);
    if (p.error) return encode_error(p.error);
    std::error_code ec;
    fs::directory_iterator it(p.host, ec);
    if (ec) return encode_error(micropython_errno_for_host(ec.value()));
    std::vector<std::string> names;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        // Names a board could not hold (a line end would end the entry) are left out.
        std::string name = it->path().filename().string();
        if (name.find('\n') == std::string::npos && valid_utf8(name)) names.push_back(std::move(name));
    }
    if (ec) return encode_error(micropython_errno_for_host(ec.value()));
    std::sort(names.begin(), names.end());
    std::string listing;
    for (const std::string& name : names) {
        // An entry is shown as what it leads to; a link leading out of the folder as an empty
        // file (the board cannot open it anyway).
        long long size = 0;
        ResolvedPath e = root_.resolve(p.board + "/" + name, LastLink::follow);
        struct stat st {};
        if (!e.error && ::stat(e.host.c_str(), &st) == 0)
            size = S_ISDIR(st.st_mode) ? -1 : static_cast<long long>(st.st_size);
        listing += std::to_string(size) + ' ' + name + '\n';
    }
    return encode_reply(static_cast<long long>(listing.size()), {}, listing);
}

std::string MountFileServer::chdir(const MountRequest& r) {
    ResolvedPath p = root_.resolve(r.payload, LastLink::follow);
    if (p.error) return encode_error(p.error);
    struct stat st {};
    if (::stat(p.host.c_str(), &st) != 0) return host_error(errno);
    if (!S_ISDIR(st.st_mode)) return encode_error(mp_errno::enotdir);
    return encode_reply(static_cast<long long>(p.board.size()), {}, p.board);
}

std::string MountFileServer::open(const MountRequest& r) {
    std::size_t space = r.payload.find(' ');
    if (space == std::string::npos) return encode_error(mp_errno::einval);
    int flags = open_flags(std::string_view(r.payload).substr(0, space));
    if (flags < 0) return encode_error(mp_errno::einval);
    ResolvedPath p = root_.resolve(std::string_view(r.payload).substr(space + 1), LastLink::follow);
    if (p.error) return encode_error(p.error);
    int fd = ::open(p.host.c_str(), flags, 0666);
    if (fd < 0) return host_error(errno);
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        return encode_error(mp_errno::eisdir);
    }
    std::string ahead;
    if ((flags & O_ACCMODE) != O_WRONLY) {
        // The first piece comes with the answer: a module's import is one round trip.
        int error = 0;
        ahead = read_fd(fd, static_cast<long long>(read_ahead_), error);
        if (error) {
            ::close(fd);
            return host_error(error);
        }
    }
    if ((flags & O_ACCMODE) == O_RDONLY && S_ISREG(st.st_mode) &&
        static_cast<long long>(ahead.size()) >= static_cast<long long>(st.st_size)) {
        // All of it went with the answer: nothing to keep open (handle 0), so a program that
        // reads files without closing them (`open(p).read()`, common on boards, where the
        // garbage collector closes files) does not pile up open files here.
        ::close(fd);
        return encode_reply(static_cast<long long>(ahead.size()), {0}, ahead);
    }
    long long handle = files_.add(fd, p.host, flags);
    if (handle == 0) return encode_error(mp_errno::emfile);
    return encode_reply(static_cast<long long>(ahead.size()), {handle}, ahead);
}

std::string MountFileServer::read_fd(int fd, long long n, int& error) {
    std::string out;
    constexpr long long kLimit = 64ll << 20;  // "the rest of the file", within reason
    long long want = n < 0 ? kLimit : std::min(n, kLimit);
    char buf[65536];
    while (static_cast<long long>(out.size()) < want) {
        std::size_t ask = static_cast<std::size_t>(std::min<long long>(sizeof buf, want - static_cast<long long>(out.size())));
        ssize_t got = ::read(fd, buf, ask);
        if (got < 0) {
            if (errno == EINTR) continue;
            error = errno;
            return {};
        }
        if (got == 0) break;
        out.append(buf, static_cast<std::size_t>(got));
    }
    return out;
}

std::string MountFileServer::read(const MountRequest& r) {
    int fd = files_.fd(r.field(1));
    if (fd < 0) return host_error(errno);
    int error = 0;
    std::string data = read_fd(fd, r.field(2), error);
    if (error) return host_error(error);
    return encode_reply(static_cast<long long>(data.size()), {}, data);
}

std::string MountFileServer::write(const MountRequest& r) {
    int fd = files_.fd(r.field(1));
    if (fd < 0) return host_error(errno);
    std::size_t done = 0;
    while (done < r.payload.size()) {
        ssize_t n = ::write(fd, r.payload.data() + done, r.payload.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return host_error(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    return encode_reply(0, {static_cast<long long>(done)});
}

std::string MountFileServer::seek(const MountRequest& r) {
    int fd = files_.fd(r.field(1));
    if (fd < 0) return host_error(errno);
    long long whence = r.field(3);
    if (whence < 0 || whence > 2) return encode_error(mp_errno::einval);
    off_t pos = ::lseek(fd, static_cast<off_t>(r.field(2)),
                        whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
    if (pos < 0) return host_error(errno);
    return encode_reply(0, {static_cast<long long>(pos)});
}

void MountFileServer::close(const MountRequest& r) {
    files_.close(r.field(1));
}

std::string MountFileServer::simple(const MountRequest& r) {
    ResolvedPath p = root_.resolve(r.payload, LastLink::keep);
    if (p.error) return encode_error(p.error);
    if (p.board.empty()) return encode_error(mp_errno::eperm);  // the mounted folder itself
    int rc = 0;
    switch (static_cast<MountCommand>(r.command)) {
        case MountCommand::mkdir: rc = ::mkdir(p.host.c_str(), 0777); break;
        case MountCommand::remove: rc = ::unlink(p.host.c_str()); break;
        default: rc = ::rmdir(p.host.c_str()); break;
    }
    if (rc != 0) return host_error(errno);
    return encode_reply(0);
}

std::string MountFileServer::rename(const MountRequest& r) {
    long long first = r.field(1);
    if (first < 0 || first > static_cast<long long>(r.payload.size())) return encode_error(mp_errno::einval);
    std::string_view all(r.payload);
    ResolvedPath from = root_.resolve(all.substr(0, static_cast<std::size_t>(first)), LastLink::keep);
    ResolvedPath to = root_.resolve(all.substr(static_cast<std::size_t>(first)), LastLink::keep);
    if (from.error) return encode_error(from.error);
    if (to.error) return encode_error(to.error);
    if (from.board.empty() || to.board.empty()) return encode_error(mp_errno::eperm);
    if (::rename(from.host.c_str(), to.host.c_str()) != 0) return host_error(errno);
    return encode_reply(0);
}

}  // namespace mpy::mount
