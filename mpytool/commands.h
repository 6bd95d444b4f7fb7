// The mpytool subcommands as library functions: each takes parsed arguments, writes its report
// to `out` and diagnostics to `err`, and returns the exit status (0 ok, 1 problem found).
// mpytool_main.cc only parses the command line and calls these.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace mpy::tool {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblem = 1;
inline constexpr int kExitUsage = 2;

int cmd_info(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);
// `raw`: native machine code as hex rows instead of disassembled.
int cmd_dis(const std::string& file, const std::optional<std::string>& source_path, bool raw, std::ostream& out,
            std::ostream& err);
int cmd_verify(const std::vector<std::string>& files, bool quiet, std::ostream& out, std::ostream& err);
int cmd_diff(const std::string& a, const std::string& b, std::ostream& out, std::ostream& err);

struct MergeArgs {
    std::vector<std::string> inputs;
    std::string output;
    std::optional<unsigned long long> arch_flags;  // -march-flags: override the merged header's flags
    bool drop_line_info = false;                   // reproduce mpy-tool.py --merge byte for byte
};
int cmd_merge(const MergeArgs& args, std::ostream& err);

struct FreezeArgs {
    std::vector<std::string> inputs;
    std::string output;                  // "-" for stdout
    std::optional<std::string> qstr_header;  // -q: the firmware's qstrdefs.generated.h
    std::string longint_impl = "mpz";    // none, longlong, mpz
    unsigned mpz_dig_size = 16;
    bool with_frozen_str = false;        // --with-frozen-str: a file a port build uses as it is
};
int cmd_freeze(const FreezeArgs& args, std::ostream& out, std::ostream& err);

}  // namespace mpy::tool
