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

std::unique_ptr<Feedback> stage(Feedback* parent, double from, double to) {
    if (!parent)
        return nullptr;
    auto holder = std::make_shared<Feedback*>(nullptr);
    auto child =
      std::make_unique<Feedback>([parent, from, to, holder](double percent, const std::string& status) {
          parent->setProgress(from + (to - from) * percent / 100.0, status);
          if (parent->isCancelled() && *holder)
              (*holder)->cancel();
      });
    *holder = child.get();
    if (parent->isCancelled())
        child->cancel();
    return child;
}

} // namespace tanhui::gis
