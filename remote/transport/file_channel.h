// FileChannel: a link's own way to move a whole file's bytes to or from the board, faster than
// the raw REPL (WebREPL's binary file records).  BoardFs uses it, when the link has one, for the
// bytes only: the checks around them (the destination's folder exists, the temporary name, the
// verification, the rename) stay BoardFs's.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mpy {

class FileChannel {
public:
    using Progress = std::function<void(std::size_t done, std::size_t total)>;
    virtual ~FileChannel() = default;

    // Writes `data` to the board's `path` (created or truncated; its folder must exist).  False
    // when the channel cannot name that path (too long): the caller uses the raw REPL then.
    // Throws DiagnosticError when the board refuses or the link fails.
    virtual bool put(std::string_view path, std::string_view data, const Progress& progress) = 0;

    // The bytes of the board's regular file `path` (it must exist); nullopt as for put.
    virtual std::optional<std::string> get(std::string_view path, std::size_t size_hint, const Progress& progress) = 0;
};

}  // namespace mpy
