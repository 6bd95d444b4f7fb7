// Fetching the bytes of a URL or a host file: http(s) through libcurl (redirects followed,
// connect and stall timeouts, proxies from the usual environment variables, a CA file for
// self-signed servers), file:// and plain paths from the host's file system.  One connection is
// kept open and reused across requests to the same server.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/diagnostics.h"

namespace mpy::mip {

// A fetch that failed.  `http_status` is the server's status (404, 500, ...) or 0 when there was
// none (connection refused, TLS failure, a transfer cut short, a missing host file).
class FetchError : public DiagnosticError {
public:
    FetchError(std::string message, long http_status)
        : DiagnosticError(Diagnostic{"error", std::move(message), {}}), status_(http_status) {}
    long http_status() const { return status_; }
    bool not_found() const { return status_ == 404; }

private:
    long status_;
};

struct FetchOptions {
    std::string ca_file;          // extra trust: a PEM file (--cacert, MPR_MIP_CACERT); "" = system store
    long connect_timeout_s = 15;  // to establish a connection
    long stall_timeout_s = 30;    // a transfer that moves no byte for this long is abandoned
};

class Fetcher {
public:
    explicit Fetcher(FetchOptions options = {});
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // The whole content of `location` (http(s) URL, file:// URL or host path).  Throws FetchError.
    std::string get(std::string_view location);

private:
    std::string get_http(const std::string& url);
    FetchOptions options_;
    struct Curl;
    std::unique_ptr<Curl> curl_;
};

}  // namespace mpy::mip
