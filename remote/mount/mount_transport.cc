#include "remote/mount/mount_transport.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace mpy::mount {

MountTransport::MountTransport(std::unique_ptr<Transport> board) : board_(std::move(board)) {}

void MountTransport::start(std::unique_ptr<MountFileServer> server, std::string token) {
    server_ = std::move(server);
    parser_ = std::make_unique<MountRequestParser>(std::move(token));
}

void MountTransport::stop() {
    server_.reset();
    parser_.reset();
}

void MountTransport::discard_input() {
    board_->discard_input();
    output_.clear();
    if (parser_) parser_->reset();
}

void MountTransport::close() {
    stop();
    board_->close();
}

void MountTransport::answer(const MountRequest& r) {
    ++served_;
    std::optional<std::string> reply = server_->serve(r);
    if (!reply) return;
    if (!paced_) {
        board_->write(*reply);
        return;
    }
    // As the raw REPL does for such boards: 256 bytes, then a pause for the board to take them.
    constexpr std::size_t piece = 256;
    for (std::size_t i = 0; i < reply->size(); i += piece) {
        if (i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        board_->write(std::string_view(*reply).substr(i, piece));
    }
}

std::size_t MountTransport::read(char* buf, std::size_t max, std::chrono::milliseconds timeout) {
    if (!parser_ && output_.empty()) return board_->read(buf, max, timeout);
    const auto deadline = Clock::now() + timeout;
    char chunk[16384];
    while (output_.empty() && parser_) {
        auto now = Clock::now();
        auto left = deadline > now ? std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now)
                                   : std::chrono::milliseconds(0);
        std::size_t n = board_->read(chunk, sizeof chunk, left);
        if (n == 0) {
            if (Clock::now() >= deadline) break;
            continue;
        }
        parser_->feed(std::string_view(chunk, n), [this](std::string_view out) { output_.append(out); },
                      [this](MountRequest&& r) { answer(r); });
        // A request answered is not output: keep reading until the deadline.
        if (output_.empty() && Clock::now() >= deadline) break;
    }
    std::size_t n = std::min(max, output_.size());
    std::memcpy(buf, output_.data(), n);
    output_.erase(0, n);
    return n;
}

}  // namespace mpy::mount
