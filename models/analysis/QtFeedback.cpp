// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/analysis/QtFeedback.h"

#include <QMetaObject>

namespace tanhui::models::analysis {

QtFeedback::QtFeedback(QObject* parent)
  : QObject(parent)
  , m_feedback([this](double percent, const std::string& status) { report(percent, status); }) {}

QtFeedback::~QtFeedback() = default;

void QtFeedback::cancel() noexcept {
    m_feedback.cancel();
}

void QtFeedback::report(double percent, const std::string& status) {
    bool post = false;
    {
        const std::lock_guard lock(m_mutex);
        m_pendingPercent = percent;
        if (!status.empty())
            m_pendingStage = QString::fromStdString(status);
        post = !m_posted;
        m_posted = true;
    }
    // One queued call at most: later reports only update the values it will read.
    if (post)
        QMetaObject::invokeMethod(this, &QtFeedback::deliver, Qt::QueuedConnection);
}

void QtFeedback::deliver() {
    {
        const std::lock_guard lock(m_mutex);
        m_posted = false;
        m_percent = m_pendingPercent;
        m_stage = m_pendingStage;
    }
    ++m_deliveries;
    emit progressChanged(m_percent, m_stage);
}

} // namespace tanhui::models::analysis
