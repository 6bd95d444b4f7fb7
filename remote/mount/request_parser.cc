#include "remote/mount/request_parser.h"

#include <algorithm>
#include <utility>

namespace mpy::mount {

MountRequestParser::MountRequestParser(std::string token) : token_(std::move(token)) {}

void MountRequestParser::reset() {
    state_ = State::output;
    held_.clear();
    current_ = MountRequest{};
    field_text_.clear();
    payload_left_ = 0;
    pending_cr_ = false;
}

void MountRequestParser::pass_through_held(const OutputSink& output) {
    std::string held = std::move(held_);
    reset();
    if (!held.empty()) output(held);
}

void MountRequestParser::feed(std::string_view data, const OutputSink& output,
                              const RequestSink& request) {
    std::size_t i = 0;
    while (i < data.size()) {
        if (state_ == State::output) {
            // Everything up to the next marker is the program's output, passed on in one piece.
            std::size_t m = data.find(kMarker, i);
            std::size_t end = m == std::string_view::npos ? data.size() : m;
            if (end > i) output(data.substr(i, end - i));
            if (m == std::string_view::npos) return;
            held_.assign(1, kMarker);
            state_ = State::token;
            i = m + 1;
            continue;
        }
        const char c = data[i];
        if (state_ == State::payload) {
            if (pending_cr_) {
                pending_cr_ = false;
                if (c == '\r' || c == '\n') {  // "\r\r" is a \r, "\r\n" a \n
                    current_.payload += c;
                    ++i;
                } else {
                    current_.payload += '\r';  // a lone \r (the agent never sends one): kept
                }
                --payload_left_;
            } else if (c == '\r') {
                pending_cr_ = true;
                ++i;
                continue;
            } else {
                // Taken in bulk up to the next \r (a bare \n needs no decoding).
                std::size_t stop = data.find('\r', i);
                std::size_t n = std::min<std::size_t>(
                    (stop == std::string_view::npos ? data.size() : stop) - i,
                    static_cast<std::size_t>(payload_left_));
                current_.payload.append(data.substr(i, n));
                payload_left_ -= static_cast<long long>(n);
                i += n;
            }
            if (payload_left_ == 0) {
                MountRequest done = std::move(current_);
                reset();
                request(std::move(done));
            }
            continue;
        }
        held_ += c;
        ++i;
        // Not a request after all: the bytes held back are output.  The byte that did not fit
        // may itself start a request, so it is looked at again.
        auto reject = [&] {
            held_.pop_back();
            --i;
            pass_through_held(output);
        };
        switch (state_) {
            case State::token: {
                std::size_t pos = held_.size() - 2;  // held_ = marker + token so far
                if (c != token_[pos]) {
                    reject();
                    continue;
                }
                if (pos + 1 == token_.size()) state_ = State::command;
                break;
            }
            case State::command:
                if (!is_mount_command(c)) {
                    reject();
                    continue;
                }
                current_.command = c;
                state_ = State::fields;
                break;
            case State::fields: {
                bool digit = c >= '0' && c <= '9';
                bool sign = c == '-' && field_text_.empty();
                if (digit || sign) {
                    if (field_text_.size() >= kMaxFieldDigits) {
                        reject();
                        continue;
                    }
                    field_text_ += c;
                    break;
                }
                bool has_digits = !field_text_.empty() && field_text_ != "-";
                if ((c != ',' && c != ':') || !has_digits || current_.fields.size() >= kMaxFields) {
                    reject();
                    continue;
                }
                current_.fields.push_back(std::stoll(field_text_));
                field_text_.clear();
                if (c == ',') break;
                long long length = current_.fields[0];
                if (length < 0 || length > kMaxPayload) {
                    reject();
                    continue;
                }
                held_.clear();  // a well-formed header with our token: this is a request
                if (length == 0) {
                    MountRequest done = std::move(current_);
                    reset();
                    request(std::move(done));
                } else {
                    payload_left_ = length;
                    current_.payload.reserve(static_cast<std::size_t>(std::min<long long>(length, 1 << 20)));
                    state_ = State::payload;
                }
                break;
            }
            case State::output:
            case State::payload:
                break;  // handled above
        }
    }
}

}  // namespace mpy::mount
