#include "remote/board/checked_code.h"

#include "remote/board/board_fs.h"
#include "remote/protocol/wire_codec.h"

namespace mpy {
std::string wrap_checked_code(std::string_view code) {
    // One expression with the literal last: damage anywhere breaks the syntax, names
    // something undefined, or fails the length/sum test; in every case before the user's code
    // runs.  exec() inside the lambda still runs the code in the module's globals.
    // High bytes are escaped: the board's lexer has not been checked for 8-bit cleanliness here.
    return "(lambda _x:exec(_x) if len(_x)==" + std::to_string(code.size()) + " and sum(_x)==" +
           std::to_string(byte_sum(code)) + " else _mpr_damaged)(b'" + encode_bytes_literal(code, {false}) +
           "')\n";
}

bool is_damaged_code_error(std::string_view tb) { return tb.find("_mpr_damaged") != std::string_view::npos; }

bool user_code_ran(std::string_view tb) { return tb.find("File \"<string>\"") != std::string_view::npos; }

std::string unwrap_traceback(std::string_view tb) {
    if (!user_code_ran(tb)) return std::string(tb);
    std::string out;
    bool in_user_frames = false;
    while (!tb.empty()) {
        auto nl = tb.find('\n');
        std::string line(tb.substr(0, nl == std::string_view::npos ? tb.size() : nl + 1));
        tb.remove_prefix(line.size());
        auto user = line.find("File \"<string>\"");
        if (user != std::string::npos) {
            in_user_frames = true;
            line.replace(user, 15, "File \"<stdin>\"");
        } else if (!in_user_frames && line.find("File \"<stdin>\"") != std::string::npos) {
            continue;  // the wrapper's own frames (<module> and <lambda>)
        }
        out += line;
    }
    return out;
}

}  // namespace mpy
