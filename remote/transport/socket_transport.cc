#include "remote/transport/socket_transport.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/diagnostics.h"
#include "remote/transport/fd_io.h"
#include "remote/transport/fd_transport.h"

namespace mpy {
namespace {

class SocketTransport : public FdTransport {
public:
    SocketTransport(int fd, std::string name) : FdTransport(fd, std::move(name)) {}
};


}  // namespace

std::unique_ptr<Transport> open_socket(const std::string& address) {
    std::string host, port;
    if (!address.empty() && address[0] == '[') {
        auto close = address.find(']');
        if (close == std::string::npos || close + 1 >= address.size() || address[close + 1] != ':')
            raise_error("socket://" + address + ": expected socket://[HOST]:PORT");
        host = address.substr(1, close - 1);
        port = address.substr(close + 2);
    } else {
        auto colon = address.rfind(':');
        if (colon == std::string::npos) raise_error("socket://" + address + ": expected socket://HOST:PORT");
        host = address.substr(0, colon);
        port = address.substr(colon + 1);
    }
    if (host.empty()) host = "localhost";
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (int e = getaddrinfo(host.c_str(), port.c_str(), &hints, &res); e != 0)
        raise_error("socket://" + address + ": " + gai_strerror(e));
    std::string last_error = "no address";
    for (addrinfo* ai = res; ai; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0) continue;
        int r = connect(fd, ai->ai_addr, ai->ai_addrlen);
        if (r < 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            if (poll(&p, 1, 5000) == 1) {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
                r = err ? -1 : 0;
                errno = err;
            } else {
                errno = ETIMEDOUT;
            }
        }
        if (r == 0) {
            freeaddrinfo(res);
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return std::make_unique<SocketTransport>(fd, "socket://" + address);
        }
        last_error = std::strerror(errno);
        ::close(fd);
    }
    freeaddrinfo(res);
    raise_error("socket://" + address + ": cannot connect: " + last_error);
}

}  // namespace mpy
