// The wire protocol between mpr and its mount agent (remote/agent/mount_agent.py).
//
// The board sends requests on its stdout, mixed with whatever the running program prints:
//     0x1E  token  command  fields  ':'  payload
// - token: kTokenLength characters chosen at random for each mount, so that a program printing
//   the marker byte does not start a request (the bytes then pass through as output);
// - command: one letter (MountCommand);
// - fields: comma-separated decimal integers, at most kMaxFields; the first is the payload's
//   length once decoded;
// - payload: every \r doubled by the agent, because some boards turn "\n" into "\r\n" in their
//   output (the sim board, a tty with ONLCR): the host reads "\r\r" as \r, "\r\n" and "\n" as \n.
// The host answers on the board's stdin:
//     0x1E  fields separated by ' '  '\n'  payload
// where the first field is the payload's length, or a negative MicroPython errno.  Bytes before
// the marker (keys typed in the REPL meanwhile) are skipped by the agent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mpy::mount {

inline constexpr char kMarker = '\x1e';
inline constexpr std::size_t kTokenLength = 6;
inline constexpr std::size_t kMaxFields = 4;
inline constexpr std::size_t kMaxFieldDigits = 12;
// No legitimate request carries more (the agent writes in pieces of this size at most).
inline constexpr long long kMaxPayload = 16ll << 20;

enum class MountCommand : char {
    stat = 'S',
    statvfs = 'V',
    listdir = 'L',
    chdir = 'C',
    open = 'O',
    read = 'R',
    write = 'W',
    seek = 'K',
    close = 'X',   // the only one without a reply
    mkdir = 'M',
    remove = 'D',
    rmdir = 'Q',
    rename = 'N',
};

// Whether `c` is a command letter the agent sends.
bool is_mount_command(char c);

struct MountRequest {
    char command = 0;
    std::vector<long long> fields;  // fields[0] is payload.size()
    std::string payload;            // decoded
    long long field(std::size_t i) const { return i < fields.size() ? fields[i] : 0; }
};

// A reply: `status` is the payload's length or a negative errno; `values` follow it.
std::string encode_reply(long long status, const std::vector<long long>& values = {},
                         std::string_view payload = {});
inline std::string encode_error(int mp_errno) { return encode_reply(-mp_errno); }

// A fresh random token for a mount.
std::string random_token();

}  // namespace mpy::mount
