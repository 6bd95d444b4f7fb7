#include "remote/sync/batch_upload.h"

#include <functional>

#include "remote/board/sha256.h"
#include "remote/protocol/answer_lines.h"
#include "remote/protocol/wire_codec.h"

namespace mpy::sync {
namespace {

// Python around the data of one item: "_u('path',b'')\n".
constexpr std::size_t kPerItemOverhead = 16;
// The helper function defined once per batch.
constexpr std::size_t kBatchOverhead = 400;


}  // namespace

bool batch_upload_usable(const BoardCaps& caps, bool may_lose_bytes) { return !may_lose_bytes && caps.has_sha256(); }

std::string data_expression(const BoardCaps& caps, std::string_view data) {
    if (caps.a2b_base64) return "_d(b'" + base64_encode(data) + "')";
    // High bytes escaped: whether this board's lexer keeps them raw is not worth a probe here.
    return "b'" + encode_bytes_literal(data, BytesLiteralOptions{false}) + "'";
}

std::vector<std::vector<std::size_t>> plan_batches(const BoardCaps& caps, const std::vector<UploadItem>& items,
                                                   const std::vector<std::string>& expressions) {
    std::size_t budget = caps.source_budget();
    std::vector<std::vector<std::size_t>> batches;
    if (budget <= kBatchOverhead) return batches;
    std::size_t room = budget - kBatchOverhead, used = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::size_t n = expressions[i].size() + items[i].path.size() + kPerItemOverhead;
        if (n > room) continue;  // BoardFs sends it in chunks
        if (batches.empty() || used + n > room) {
            batches.emplace_back();
            used = 0;
        }
        batches.back().push_back(i);
        used += n;
    }
    return batches;
}

std::string batch_code(const BoardCaps& caps, const std::vector<UploadItem>& items,
                       const std::vector<std::string>& expressions, const std::vector<std::size_t>& batch) {
    std::string code = caps.a2b_base64 ? "from " + caps.binascii_module + " import a2b_base64 as _d\n" : "_d=0\n";
    code += "import " + caps.hashlib_module +
            " as _hl\ndef _u(p,b):\n f=open(p,'wb');f.write(b);f.close()\n f=open(p,'rb');h=_hl.sha256(f.read());"
            "f.close()\n print(''.join('%02x'%c for c in h.digest()))\n";
    for (std::size_t i : batch) code += "_u(" + py_str(items[i].path) + "," + expressions[i] + ")\n";
    return code + "del _u,_d,_hl\n";
}

std::vector<std::size_t> upload_in_batches(LossyLineRunner& runner, const BoardCaps& caps,
                                           const std::vector<UploadItem>& items,
                                           const std::function<void(std::size_t bytes)>& sent) {
    std::vector<bool> done(items.size(), false);
    std::vector<std::string> expressions;
    for (const UploadItem& item : items) expressions.push_back(data_expression(caps, item.data));
    for (const std::vector<std::size_t>& batch : plan_batches(caps, items, expressions)) {
        // Writing a file again with the same bytes is harmless: a damaged answer is simply asked for again.
        std::vector<std::string> digests = answer_lines(runner.query(batch_code(caps, items, expressions, batch)));
        if (digests.size() != batch.size()) continue;  // every item of it goes by BoardFs
        for (std::size_t k = 0; k < batch.size(); ++k) {
            const UploadItem& item = items[batch[k]];
            if (digests[k] != hex_encode(sha256(item.data))) continue;
            done[batch[k]] = true;
            if (sent) sent(item.data.size());
        }
    }
    std::vector<std::size_t> rest;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!done[i]) rest.push_back(i);
    return rest;
}

}  // namespace mpy::sync
