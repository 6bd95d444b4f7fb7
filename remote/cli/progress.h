// A progress bar with transfer rate for file copies, drawn on stderr when it is a terminal
// (and only for files big enough to take a moment).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace mpy {

// The text of one progress line, e.g. " ... cp main.py  45% [#########-----------] 12.3 KB/s".
std::string format_progress(const std::string& label, std::size_t done, std::size_t total,
                            double bytes_per_second);

class ProgressBar {
public:
    ProgressBar(std::string label, bool enabled);
    ~ProgressBar();
    void update(std::size_t done, std::size_t total);
    void finish();  // erases the line

private:
    std::string label_;
    bool enabled_;
    bool drawn_ = false;
    std::size_t width_ = 0;
    std::chrono::steady_clock::time_point start_, last_;
};

bool stderr_is_terminal();

}  // namespace mpy
