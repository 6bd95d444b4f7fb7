// SocketTransport: a board's serial stream carried over TCP (`socket://HOST:PORT`), as offered
// by ser2net, QEMU's `-serial tcp:...,server` or a WiFi-serial bridge.
#pragma once

#include <memory>
#include <string>

#include "remote/transport/transport.h"

namespace mpy {

// `address` is "HOST:PORT" (IPv6 hosts in brackets: "[::1]:2217").
std::unique_ptr<Transport> open_socket(const std::string& address);

}  // namespace mpy
