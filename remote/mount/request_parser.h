// MountRequestParser: separates the mount agent's requests from a running program's output in
// the bytes a board sends.  Pure (no I/O): fed byte strings, it reports output and complete
// requests in the order they arrived.  Board bytes are untrusted input: malformed requests
// never crash it nor make it hold more than a bounded amount of bytes (see mount_protocol.h).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "remote/mount/mount_protocol.h"

namespace mpy::mount {

class MountRequestParser {
public:
    using OutputSink = std::function<void(std::string_view)>;
    using RequestSink = std::function<void(MountRequest&&)>;

    explicit MountRequestParser(std::string token);

    // Consumes all of `data`.  Bytes that are not part of a request go to `output`; each
    // complete request goes to `request`.  A request's start (the marker and the first bytes
    // of the token) is held back until enough bytes arrived to tell.
    void feed(std::string_view data, const OutputSink& output, const RequestSink& request);

    // Whether bytes are held back (a request has begun but not finished).
    bool mid_request() const { return state_ != State::output; }
    // Forgets a request in progress (the board was reset or interrupted).
    void reset();
    const std::string& token() const { return token_; }

private:
    enum class State { output, token, command, fields, payload };
    // Gives up on the bytes held back: they were not a request after all.
    void pass_through_held(const OutputSink& output);

    std::string token_;
    State state_ = State::output;
    std::string held_;         // raw bytes of the request so far (passed through if it fails)
    MountRequest current_;
    std::string field_text_;   // digits of the field being read
    long long payload_left_ = 0;
    bool pending_cr_ = false;  // a \r of the payload whose partner has not arrived yet
};

}  // namespace mpy::mount
