// Options that say how to open a connection to a board (from the command line or config file).
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace mpy {

struct ConnectOptions {
    int baud = 115200;
    // Modem-control lines after opening; unset means "assert both", the state in which the
    // auto-reset circuit of ESP32/ESP8266 boards (RTS -> EN, DTR -> GPIO0) does not reset the chip.
    std::optional<bool> dtr;
    std::optional<bool> rts;
    // Where `connect sim` keeps the simulated board's files (see default_sim_dir in
    // sim_transport.h); empty = a folder under the temporary directory.
    std::string sim_dir;
    // The sim board's script ($MPR_SIM_SCRIPT); empty = found beside the program or in the
    // source tree (find_sim_script).
    std::string sim_script;
    // The Node.js that runs it ($MPR_NODE).
    std::string node = "node";
    // The password a WebREPL board (`ws://HOST:PORT`) asks for: `connect --password`, else
    // $MPR_WEBREPL_PASSWORD, else the config file's "webrepl_password".
    std::string webrepl_password;
    // How long a WebREPL board's websocket handshake and login may take (--timeout).
    std::chrono::milliseconds webrepl_timeout{10000};
};

}  // namespace mpy
