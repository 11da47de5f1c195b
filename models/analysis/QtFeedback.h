// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Qt adapter of gis::Feedback (issue 10, "Feedback ... a Qt adapter emitting signals, for the app";
// issue 13, "Jobs run in the background").

#include "gis/Feedback.h"

#include <QObject>
#include <QString>

#include <mutex>

namespace tanhui::models::analysis {

/// @brief Owns a gis::Feedback whose progress reports, made on any worker thread, arrive as the
/// queued signal progressChanged() on the thread this object lives in (the GUI thread).
///
/// The event loop is never flooded: however fast and from however many threads a run reports, at most
/// one delivery is pending at a time and it carries the latest percentage and stage (coalescing);
/// gis::Feedback already throttles reports to one per 100 ms plus the final 100 %. A report without
/// status text keeps the previous stage.
///
/// Give feedback() to the run; cancel() may be called from any thread. Destroy the object only after
/// the run has returned (the run calls into it); deliveries still pending then are dropped.
class QtFeedback : public QObject {
    Q_OBJECT
public:
    explicit QtFeedback(QObject* parent = nullptr);
    ~QtFeedback() override;
    QtFeedback(const QtFeedback&) = delete;
    QtFeedback& operator=(const QtFeedback&) = delete;

    /// The feedback to pass to the run (reports through this object).
    gis::Feedback* feedback() noexcept { return &m_feedback; }

    /// Asks the run to stop: it throws gis::CancelledError at its next check. Thread-safe.
    void cancel() noexcept;
    bool isCancelled() const noexcept { return m_feedback.isCancelled(); }

    /// The latest percentage (0–100) and stage delivered by progressChanged() (this object's thread).
    double percent() const noexcept { return m_percent; }
    QString stage() const { return m_stage; }
    /// How many deliveries progressChanged() has made (for tests and diagnostics).
    int deliveries() const noexcept { return m_deliveries; }

signals:
    /// The run's latest progress (0–100) and stage text (English, as the run reports it).
    void progressChanged(double percent, const QString& stage);

private:
    void report(double percent, const std::string& status); ///< worker thread
    void deliver();                                         ///< this object's thread

    std::mutex m_mutex; ///< guards the pending values
    double m_pendingPercent = 0.0;
    QString m_pendingStage;
    bool m_posted = false; ///< a delivery is queued and has not run yet
    double m_percent = 0.0;
    QString m_stage;
    int m_deliveries = 0;
    gis::Feedback m_feedback; ///< last: its callback uses the members above
};

} // namespace tanhui::models::analysis
