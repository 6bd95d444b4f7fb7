#include "remote/mount/mount_protocol.h"

#include <random>

namespace mpy::mount {

bool is_mount_command(char c) {
    switch (static_cast<MountCommand>(c)) {
        case MountCommand::stat:
        case MountCommand::statvfs:
        case MountCommand::listdir:
        case MountCommand::chdir:
        case MountCommand::open:
        case MountCommand::read:
        case MountCommand::write:
        case MountCommand::seek:
        case MountCommand::close:
        case MountCommand::mkdir:
        case MountCommand::remove:
        case MountCommand::rmdir:
        case MountCommand::rename:
            return true;
    }
    return false;
}

std::string encode_reply(long long status, const std::vector<long long>& values, std::string_view payload) {
    std::string out(1, kMarker);
    out += std::to_string(status);
    for (long long v : values) out += ' ' + std::to_string(v);
    out += '\n';
    out.append(payload);
    return out;
}

std::string random_token() {
    // Letters and digits only: never the marker, \r, \n or a byte a terminal acts on.
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::random_device rd;
    std::string token;
    for (std::size_t i = 0; i < kTokenLength; ++i) token += alphabet[rd() % (sizeof alphabet - 1)];
    return token;
}

}  // namespace mpy::mount
