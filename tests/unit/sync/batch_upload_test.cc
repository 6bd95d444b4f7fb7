// Small files several to a submission: batches within the board's source budget, and the code.
#include "remote/sync/batch_upload.h"

#include <gtest/gtest.h>

namespace mpy::sync {
namespace {

BoardCaps board(long mem_free, bool base64) {
    BoardCaps c;
    c.hashlib_module = "hashlib";
    c.binascii_module = base64 ? "binascii" : "";
    c.a2b_base64 = base64;
    c.mem_free = mem_free;
    return c;
}

std::vector<std::string> expressions_of(const BoardCaps& c, const std::vector<UploadItem>& items) {
    std::vector<std::string> out;
    for (const UploadItem& i : items) out.push_back(data_expression(c, i.data));
    return out;
}

TEST(SyncBatchUpload, BatchesStayWithinTheBudgetAndBigFilesGoAlone) {
    BoardCaps c = board(16000, true);  // a 2000-byte budget
    std::string small(300, 'x'), big(5000, 'y');
    std::vector<UploadItem> items = {{"a", small}, {"b", small}, {"c", big}, {"d", small}, {"e", small}, {"f", small}};
    auto batches = plan_batches(c, items, expressions_of(c, items));
    // 300 bytes are 400 of base64 (+ path and call): three to a batch of 1600 bytes at most.
    ASSERT_EQ(batches.size(), 2u);
    EXPECT_EQ(batches[0], (std::vector<std::size_t>{0, 1, 3}));
    EXPECT_EQ(batches[1], (std::vector<std::size_t>{4, 5}));  // "c" is in none: BoardFs sends it
    for (const auto& b : batches) EXPECT_LE(batch_code(c, items, expressions_of(c, items), b).size(), c.source_budget());
}

TEST(SyncBatchUpload, BoardsWithoutBinasciiGetBytesLiterals) {
    BoardCaps c = board(1 << 20, false);
    std::string data("A\n\x00\xff", 4);
    std::vector<UploadItem> items = {{"/app/x.bin.mpr~", data}};
    std::string code = batch_code(c, items, expressions_of(c, items), {0});
    EXPECT_NE(code.find("_u('/app/x.bin.mpr~',b'A\\n\\0\\xff')"), std::string::npos) << code;
    EXPECT_EQ(code.find("a2b_base64"), std::string::npos);
    EXPECT_NE(code.find("import hashlib as _hl"), std::string::npos);
    EXPECT_NE(data_expression(board(1 << 20, true), data).find("_d(b'QQoA/w==')"), std::string::npos);
}

TEST(SyncBatchUpload, OnlyWhereTheResultCanBeVerifiedAndNothingIsLost) {
    EXPECT_TRUE(batch_upload_usable(board(1 << 20, false), false));
    EXPECT_FALSE(batch_upload_usable(board(1 << 20, true), true));  // a lossy line: BoardFs's checked chunks
    BoardCaps no_hashlib = board(1 << 20, true);
    no_hashlib.hashlib_module.clear();
    EXPECT_FALSE(batch_upload_usable(no_hashlib, false));
}

}  // namespace
}  // namespace mpy::sync
