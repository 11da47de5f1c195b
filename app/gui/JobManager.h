// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Background jobs of the desktop app (issue 13, "Jobs run in the background").

#include "models/analysis/AnalysisSpec.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <thread>

namespace tanhui::models::analysis {
class QtFeedback;
}

namespace tanhui::gui {

enum class JobState {
    Queued,    ///< waiting for a free worker
    Running,   ///< its worker thread runs it
    Finished,  ///< returned an outcome
    Failed,    ///< threw an error, or errors stopped it (outcome.stopped; its issues in the outcome)
    Cancelled, ///< cancelled while queued (never ran) or while running (threw gis::CancelledError)
};

/// @brief A snapshot of one job (JobManager::job()).
struct JobInfo {
    int id = 0;
    QString title;
    JobState state = JobState::Queued;
    double percent = 0.0;    ///< 0–100, the latest the run reported
    QString stage;           ///< the run's latest stage text (English, as reported)
    QDateTime queuedAt;      ///< when added
    QDateTime startedAt;     ///< invalid until it runs
    qint64 elapsedMs = 0;    ///< running: so far; ended: its run time (0 when it never ran)
    qint64 remainingMs = -1; ///< estimate while running, from the progress rate; -1: not known yet
    bool cancelRequested = false;
    QString error; ///< Failed: the error (translated headline and English detail); else empty
    /// Finished (and Failed when errors stopped the run): what the run returned. Built and moved on
    /// the worker thread; shared, so that a results view may keep it after the job is removed.
    std::shared_ptr<const models::analysis::AnalysisOutcome> outcome;

    bool isEnded() const {
        return state == JobState::Finished || state == JobState::Failed || state == JobState::Cancelled;
    }
};

/// @brief Runs analyses one after another (FIFO) on worker threads, off the GUI thread.
///
/// A job is a title and a callable taking the feedback, typically
/// `[=](gis::Feedback* f) { return spec.run(project, values, f); }` (AnalysisSpec::run). At most
/// maxConcurrent() jobs run at a time (default 1), each on its own thread; the callable, the outcome it
/// returns and everything it captured are built, moved and destroyed on that thread. The GUI thread
/// only receives small updates: progress through models::analysis::QtFeedback (at most one pending
/// delivery per job, at most about ten per second) and the end as a shared pointer to the outcome.
///
/// Errors: gis::CancelledError (or any error after cancel()) → Cancelled; gis::GisError → Failed with
/// its translated headline and message; std::exception → Failed with its text; an outcome with
/// `stopped` → Failed listing its errors. The remaining time is estimated from the progress rate once
/// kEstimateAfterPercent % and kEstimateAfterMs have passed. Workers run at a lower CPU priority than
/// the GUI thread (Linux: nice + kWorkerNice, inherited by the threads a run starts).
///
/// Destroying the manager cancels every job and waits for the running ones (they stop at their next
/// cancellation check); no signal is emitted from the destructor.
class JobManager : public QObject {
    Q_OBJECT
public:
    using Task = std::function<models::analysis::AnalysisOutcome(gis::Feedback*)>;

    static constexpr double kEstimateAfterPercent = 3.0;
    static constexpr qint64 kEstimateAfterMs = 1000;
    static constexpr int kWorkerNice = 10;

    explicit JobManager(QObject* parent = nullptr);
    ~JobManager() override;

    /// Queues a job; it starts at once when a worker is free. Returns its id (> 0, increasing).
    int addJob(const QString& title, Task task);
    /// Cancels a job: a queued one ends Cancelled without running; a running one is asked to stop
    /// (it ends Cancelled once its callable returns). False when no such job or it has ended.
    bool cancel(int id);
    /// Cancels every queued and running job.
    void cancelAll();
    /// Forgets an ended job (false when none or not ended).
    bool removeJob(int id);
    /// Forgets every ended job.
    void removeEndedJobs();

    /// Every job not removed, in the order they were added.
    QList<int> jobIds() const;
    /// A snapshot of job `id` (elapsed and remaining computed now); nullopt when none.
    std::optional<JobInfo> job(int id) const;
    int queuedCount() const;
    int runningCount() const;

    int maxConcurrent() const { return m_maxConcurrent; }
    /// How many jobs may run at once (at least 1; default 1).
    void setMaxConcurrent(int n);

    /// The translated name of a state ("Queued", "Running", ...).
    static QString stateText(JobState state);

signals:
    void jobAdded(int id);
    /// The state, progress or stage of job `id` changed.
    void jobChanged(int id);
    /// Job `id` ended (Finished, Failed or Cancelled); emitted after jobChanged.
    void jobFinished(int id);
    /// Job `id` was removed (removeJob, removeEndedJobs).
    void jobRemoved(int id);

private:
    struct Job;
    struct Ending;
    void startNext();
    void start(Job& job);
    void onProgress(int id, double percent, const QString& stage);
    void onEnded(int id, const Ending& ending);
    Job* find(int id) const;

    std::map<int, std::unique_ptr<Job>> m_jobs; ///< by id = in the order added
    std::deque<int> m_queue;
    int m_nextId = 1;
    int m_maxConcurrent = 1;
    int m_running = 0;
    bool m_destroying = false;
};

} // namespace tanhui::gui
