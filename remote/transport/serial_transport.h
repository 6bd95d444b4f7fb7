// SerialTransport: a real serial port (USB CDC-ACM, FTDI, CP210x, ...) opened with libserialport.
//
// libserialport configures the line and the modem-control lines portably; the reading and
// writing go through its file descriptor like every other transport.  When libserialport does
// not recognise the name (ptys, unusual drivers), open_serial_port falls back to TtyTransport.
#pragma once

#include <memory>
#include <string>

#include "remote/transport/connect_options.h"
#include "remote/transport/transport.h"

namespace mpy {

std::unique_ptr<Transport> open_serial_port(const std::string& path, const ConnectOptions& opts);

}  // namespace mpy
