// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Feedback.h"

#include "gis/Errors.h"

#include <algorithm>

namespace tanhui::gis {

void Feedback::throwIfCancelled() const {
    if (isCancelled())
        throw CancelledError();
}

void Feedback::setProgress(double percent, const std::string& status) {
    percent = std::clamp(percent, 0.0, 100.0);
    m_progress.store(percent, std::memory_order_relaxed);
    if (!m_fn)
        return;
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    if (percent < 100.0 && now - m_lastCall < std::chrono::milliseconds(100))
        return;
    m_lastCall = now;
    m_fn(percent, status);
}

} // namespace tanhui::gis
