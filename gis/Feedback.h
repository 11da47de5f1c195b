// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace tanhui::gis {

/// @brief Progress and cancellation channel passed down through every long operation.
///
/// Workers call setProgress() as they go and throwIfCancelled() at least once per raster block or
/// parcel, so a cancel takes effect within a fraction of a second. Progress callbacks are throttled
/// (at most one call per 100 ms, plus the final 100 %) and are invoked from whichever thread reports
/// progress, serialised by a mutex; a GUI adapter re-emits them as queued Qt signals.
/// Thread-safe.
class Feedback {
public:
    /// Callback receiving a completion percentage in [0, 100] and a short status text.
    using ProgressFn = std::function<void(double percent, const std::string& status)>;

    Feedback() = default;
    explicit Feedback(ProgressFn fn)
      : m_fn(std::move(fn)) {}
    Feedback(const Feedback&) = delete;
    Feedback& operator=(const Feedback&) = delete;

    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }
    /// Throws CancelledError if cancel() has been called.
    void throwIfCancelled() const;

    /// Report progress in percent (clamped to [0, 100]); throttled as described above.
    void setProgress(double percent, const std::string& status = {});
    double progress() const noexcept { return m_progress.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{ false };
    std::atomic<double> m_progress{ 0.0 };
    ProgressFn m_fn;
    std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_lastCall{};
};

/// @brief A stage of a long operation: a child Feedback whose 0–100 % reports into [from, to] of
/// `parent`'s range (status text passed on), cancelled when `parent` is (at creation, and checked at each
/// of its progress reports; the operation also checks `parent` between its stages). Null when `parent`
/// is null.
std::unique_ptr<Feedback> stage(Feedback* parent, double from, double to);

} // namespace tanhui::gis
