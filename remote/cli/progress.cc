#include "remote/cli/progress.h"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace mpy {

bool stderr_is_terminal() { return isatty(2) != 0; }

std::string format_progress(const std::string& label, std::size_t done, std::size_t total,
                            double rate) {
    constexpr std::size_t bar = 20;
    std::size_t filled = total ? std::min(bar, done * bar / total) : bar;
    std::size_t pct = total ? std::min<std::size_t>(100, done * 100 / total) : 100;
    std::string r;
    if (rate >= 1024 * 1024) r = fmt::format("{:.1f} MB/s", rate / (1024 * 1024));
    else if (rate >= 1024) r = fmt::format("{:.1f} KB/s", rate / 1024);
    else r = fmt::format("{:.0f} B/s", rate);
    return fmt::format(" ... {} {:3d}% [{}{}] {}", label, pct, std::string(filled, '#'),
                       std::string(bar - filled, '-'), r);
}

ProgressBar::ProgressBar(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t done, std::size_t total) {
    if (!enabled_ || total < 2048) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::string line = format_progress(label_, done, total, secs > 0 ? done / secs : 0.0);
    width_ = std::max(width_, line.size());
    std::fprintf(stderr, "\r%s", line.c_str());
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r%s\r", std::string(width_, ' ').c_str());
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace mpy
