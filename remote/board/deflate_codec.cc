#include "remote/board/deflate_codec.h"

#include <algorithm>
#include <zlib.h>

#include "common/diagnostics.h"

namespace mpy {

std::string deflate_raw(std::string_view data, int wbits) {
    z_stream z{};
    // Negative window bits: raw deflate.  Memory level 8 and the default strategy, as zlib's.
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw DiagnosticError(Diagnostic{"error", "internal: zlib deflateInit2 failed", {}});
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw DiagnosticError(Diagnostic{"error", "internal: zlib deflate failed", {}});
    return out;
}

std::optional<std::string> inflate_raw(std::string_view compressed) {
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK) return std::nullopt;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buf[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated input
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END || z.avail_in != 0) return std::nullopt;
    return out;
}

int deflate_window_bits(long mem_free) {
    int bits = 9;
    while (bits < 15 && (1L << (bits + 1)) * 8 <= mem_free) ++bits;
    return bits;
}

}  // namespace mpy
