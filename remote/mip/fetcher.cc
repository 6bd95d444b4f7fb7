#include "remote/mip/fetcher.h"

#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <fstream>
#include <sstream>

namespace mpy::mip {
namespace {

size_t append_to_string(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

bool is_tls_error(CURLcode rc) {
    switch (rc) {
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
            return true;
        default:
            return false;
    }
}

// curl_global_init once per process, before the first handle (libcurl asks for it to be done
// while no other thread runs; mpr fetches from its main thread only).
void global_init_once() {
    static const bool done = [] {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        return true;
    }();
    (void)done;
}

}  // namespace

struct Fetcher::Curl {
    CURL* handle = nullptr;
    ~Curl() {
        if (handle) curl_easy_cleanup(handle);
    }
};

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)), curl_(std::make_unique<Curl>()) {}
Fetcher::~Fetcher() = default;

std::string Fetcher::get(std::string_view location) {
    std::string loc(location);
    if (loc.rfind("http://", 0) == 0 || loc.rfind("https://", 0) == 0) return get_http(loc);
    if (loc.rfind("file://", 0) == 0) loc = loc.substr(7);
    if (loc.find('\\') != std::string::npos)
        throw FetchError("use '/' instead of '\\' in paths: '" + loc + "'", 0);
    std::ifstream in(loc, std::ios::binary);
    if (!in) throw FetchError(std::string(std::strerror(errno)) + " opening " + loc, errno == ENOENT ? 404 : 0);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw FetchError("error reading " + loc, 0);
    return ss.str();
}

std::string Fetcher::get_http(const std::string& url) {
    global_init_once();
    if (!curl_->handle) {
        curl_->handle = curl_easy_init();
        if (!curl_->handle) throw FetchError("cannot start an HTTP client (libcurl)", 0);
    }
    CURL* h = curl_->handle;
    curl_easy_reset(h);  // keeps the open connection, forgets the last request's options
    std::string body;
    char error_text[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 10L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_s);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, options_.stall_timeout_s);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "mpr-mip");
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, append_to_string);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    if (!options_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    // Proxies: libcurl itself reads http_proxy, https_proxy, all_proxy and no_proxy.
    CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) {
        std::string why = error_text[0] ? error_text : curl_easy_strerror(rc);
        if (is_tls_error(rc)) throw FetchError("TLS failure requesting " + url + ": " + why, 0);
        if (rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING)
            throw FetchError("the transfer of " + url + " was cut short: " + why, 0);
        throw FetchError(why + " requesting " + url, 0);
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status == 404) throw FetchError("not found (HTTP 404): " + url, 404);
    if (status >= 400 || status == 0) throw FetchError("HTTP error " + std::to_string(status) + " requesting " + url, status);
    return body;
}

}  // namespace mpy::mip
