// MountTransport: a Transport in front of the board's own that serves the mount agent.
//
// Everything mpr reads from the board goes through read(): the raw REPL's exec/eval/run output
// and the interactive terminal alike.  While a folder is mounted, the agent's requests are taken
// out of that byte stream and answered at once (the board waits for the reply); everything else
// is passed on.  Without a mount it is a plain pass-through.
#pragma once

#include <memory>
#include <string>

#include "remote/mount/file_server.h"
#include "remote/mount/request_parser.h"
#include "remote/transport/transport.h"

namespace mpy::mount {

class MountTransport : public Transport {
public:
    explicit MountTransport(std::unique_ptr<Transport> board);

    // Serves `server` to the agent that signs its requests with `token` (replacing any earlier
    // mount).
    void start(std::unique_ptr<MountFileServer> server, std::string token);
    // Stops serving (the board was reset or the folder unmounted); host files are closed.
    void stop();
    bool serving() const { return server_ != nullptr; }
    // Replies in small paced pieces, for boards that lose bytes when a burst fills their
    // receive buffer.
    void set_paced_replies(bool on) { paced_ = on; }
    // Requests served so far (for tests and the debug trace).
    long long requests_served() const { return served_; }

    std::size_t read(char* buf, std::size_t max, std::chrono::milliseconds timeout) override;
    void write(std::string_view data) override { board_->write(data); }
    void set_dtr(bool on) override { board_->set_dtr(on); }
    void set_rts(bool on) override { board_->set_rts(on); }
    void discard_input() override;
    int poll_fd() const override { return board_->poll_fd(); }
    bool lossless() const override { return board_->lossless(); }
    std::string name() const override { return board_->name(); }
    void close() override;

private:
    void answer(const MountRequest& r);

    std::unique_ptr<Transport> board_;
    std::unique_ptr<MountFileServer> server_;
    std::unique_ptr<MountRequestParser> parser_;
    std::string output_;  // the program's output, not yet read by the caller
    bool paced_ = false;
    long long served_ = 0;
};

}  // namespace mpy::mount
