// Small files in few round trips: several files per submission, each written under its staging
// name, then read back on the board and its sha256 printed, so that what landed is verified as
// BoardFs verifies a file.  Files that are too big for a batch, or that did not verify, are left
// to BoardFs::write_file (chunked, checked, sent again when damaged).  Data goes as base64 where
// the board has binascii, else as bytes literals (the sim board has no binascii).  Only for boards
// with hashlib on a line that does not lose bytes; otherwise everything goes by BoardFs.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "remote/board/board_caps.h"
#include "remote/board/lossy_line.h"

namespace mpy::sync {

struct UploadItem {
    std::string path;       // where the data goes on the board
    std::string_view data;  // must outlive the call
};

// Whether batches can be used on this board and line.
bool batch_upload_usable(const BoardCaps& caps, bool may_lose_bytes);

// The Python expression that gives `data` as bytes on this board.
std::string data_expression(const BoardCaps& caps, std::string_view data);

// The submissions for items whose data expressions are `expressions` (in order), each within the
// board's source budget: the indices of the items each holds.  Items too big for a batch of their
// own are in none.
std::vector<std::vector<std::size_t>> plan_batches(const BoardCaps& caps, const std::vector<UploadItem>& items,
                                                   const std::vector<std::string>& expressions);

// The board code that writes and verifies one batch (prints one sha256 hex line per item).
std::string batch_code(const BoardCaps& caps, const std::vector<UploadItem>& items,
                       const std::vector<std::string>& expressions, const std::vector<std::size_t>& batch);

// Sends every batch; returns the indices of the items that still need sending (too big, or not
// verified).  `sent` is called with the bytes of each verified item.
std::vector<std::size_t> upload_in_batches(LossyLineRunner& runner, const BoardCaps& caps,
                                           const std::vector<UploadItem>& items,
                                           const std::function<void(std::size_t bytes)>& sent);

}  // namespace mpy::sync
