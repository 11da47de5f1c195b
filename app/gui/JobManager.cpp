// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/JobManager.h"

#include "app/common/ErrorText.h"
#include "gis/Errors.h"
#include "models/analysis/QtFeedback.h"

#include <QMetaObject>

#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cmath>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace tanhui::gui {

namespace analysis = tanhui::models::analysis;

struct JobManager::Job {
    int id = 0;
    QString title;
    Task task; ///< moved to the worker when the job starts
    JobState state = JobState::Queued;
    double percent = 0.0;
    QString stage;
    QDateTime queuedAt;
    QDateTime startedAt;
    QElapsedTimer clock;     ///< started when the job starts
    qint64 endedAfterMs = 0; ///< run time once ended
    /// Estimated run time from the latest progress (ms since start); -1 before there is one.
    qint64 estimatedTotalMs = -1;
    bool cancelRequested = false;
    QString error;
    std::shared_ptr<const analysis::AnalysisOutcome> outcome;
    std::unique_ptr<analysis::QtFeedback> feedback;
    std::thread worker;

    bool isEnded() const {
        return state == JobState::Finished || state == JobState::Failed || state == JobState::Cancelled;
    }
};

/// What a worker hands back to the GUI thread: small (the outcome is shared).
struct JobManager::Ending {
    JobState state = JobState::Finished;
    QString error;
    std::shared_ptr<const analysis::AnalysisOutcome> outcome;
};

namespace {

/// The errors of an outcome whose run stopped, one per line.
QString stoppedText(const analysis::AnalysisOutcome& outcome) {
    QStringList lines;
    for (const auto& issue : outcome.issues)
        if (issue.isError())
            lines << issue.toString();
    if (lines.isEmpty())
        return JobManager::tr("The analysis stopped before writing anything.");
    return lines.join(QLatin1Char('\n'));
}

/// Lowers the calling worker thread's CPU priority, so that the GUI thread stays responsive while a
/// run keeps every core busy. On Linux the thread's nice value goes up by JobManager::kWorkerNice; the
/// threads the run starts (gis and models start theirs per call) inherit it.
void lowerThreadPriority() {
#ifdef Q_OS_LINUX
    const auto tid = id_t(::gettid());
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, tid, std::min(19, current + JobManager::kWorkerNice));
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace

JobManager::JobManager(QObject* parent)
  : QObject(parent) {}

JobManager::~JobManager() {
    m_destroying = true;
    m_queue.clear();
    for (auto& [id, job] : m_jobs)
        if (job->feedback)
            job->feedback->cancel();
    // The workers stop at their next cancellation check; what they post to this object is dropped
    // with it.
    for (auto& [id, job] : m_jobs)
        if (job->worker.joinable())
            job->worker.join();
}

int JobManager::addJob(const QString& title, Task task) {
    auto job = std::make_unique<Job>();
    const int id = m_nextId++;
    job->id = id;
    job->title = title;
    job->task = std::move(task);
    job->queuedAt = QDateTime::currentDateTime();
    m_jobs.emplace(id, std::move(job));
    m_queue.push_back(id);
    emit jobAdded(id);
    startNext();
    return id;
}

JobManager::Job* JobManager::find(int id) const {
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

void JobManager::startNext() {
    while (!m_destroying && m_running < m_maxConcurrent && !m_queue.empty()) {
        const int id = m_queue.front();
        m_queue.pop_front();
        if (Job* job = find(id); job && job->state == JobState::Queued) {
            start(*job);
            emit jobChanged(id);
        }
    }
}

void JobManager::start(Job& job) {
    ++m_running;
    job.state = JobState::Running;
    job.startedAt = QDateTime::currentDateTime();
    job.clock.start();
    job.feedback = std::make_unique<analysis::QtFeedback>();
    const int id = job.id;
    connect(job.feedback.get(),
            &analysis::QtFeedback::progressChanged,
            this,
            [this, id](double percent, const QString& stage) { onProgress(id, percent, stage); });
    gis::Feedback* feedback = job.feedback->feedback();
    job.worker = std::thread([this, id, feedback, task = std::move(job.task)]() mutable {
        lowerThreadPriority();
        Ending ending;
        try {
            // The outcome is built and moved here, on the worker; the GUI thread gets a pointer.
            auto outcome = std::make_shared<analysis::AnalysisOutcome>(task(feedback));
            if (outcome->stopped) {
                ending.state = JobState::Failed;
                ending.error = stoppedText(*outcome);
            }
            ending.outcome = std::move(outcome);
        } catch (const gis::GisError& error) {
            if (feedback->isCancelled() || error.kind() == gis::GisError::Kind::Cancelled) {
                ending.state = JobState::Cancelled;
            } else {
                ending.state = JobState::Failed;
                ending.error = app::errorHeadline(error) + QStringLiteral(": ") + app::errorDetail(error);
            }
        } catch (const std::exception& error) {
            ending.state = feedback->isCancelled() ? JobState::Cancelled : JobState::Failed;
            if (ending.state == JobState::Failed)
                ending.error = app::errorDetail(error);
        } catch (...) {
            ending.state = feedback->isCancelled() ? JobState::Cancelled : JobState::Failed;
            if (ending.state == JobState::Failed)
                ending.error = JobManager::tr("The analysis failed with an unknown error.");
        }
        task = nullptr; // what the callable captured (project, values) is freed here, too
        QMetaObject::invokeMethod(
          this, [this, id, ending = std::move(ending)] { onEnded(id, ending); }, Qt::QueuedConnection);
    });
}

void JobManager::onProgress(int id, double percent, const QString& stage) {
    Job* job = find(id);
    if (!job || job->state != JobState::Running)
        return;
    job->percent = percent;
    job->stage = stage;
    const qint64 elapsed = job->clock.elapsed();
    // Average rate since the start: remaining = elapsed × (100 − p) / p, once the first few percent
    // and seconds make the rate meaningful.
    if (percent >= kEstimateAfterPercent && elapsed >= kEstimateAfterMs)
        job->estimatedTotalMs = qint64(std::llround(double(elapsed) * 100.0 / percent));
    emit jobChanged(id);
}

void JobManager::onEnded(int id, const Ending& ending) {
    Job* job = find(id);
    if (!job)
        return;
    if (job->worker.joinable())
        job->worker.join(); // it has nothing left to do but return
    --m_running;
    job->endedAfterMs = job->clock.elapsed();
    job->state = ending.state;
    job->error = ending.error;
    job->outcome = ending.outcome;
    if (ending.state == JobState::Finished)
        job->percent = 100.0;
    job->estimatedTotalMs = -1;
    job->feedback.reset(); // the run has returned: nothing calls into it any more
    startNext();
    emit jobChanged(id);
    emit jobFinished(id);
}

bool JobManager::cancel(int id) {
    Job* job = find(id);
    if (!job || job->isEnded())
        return false;
    job->cancelRequested = true;
    if (job->state == JobState::Queued) {
        m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), id), m_queue.end());
        job->state = JobState::Cancelled;
        job->task = nullptr;
        emit jobChanged(id);
        emit jobFinished(id);
        return true;
    }
    job->feedback->cancel();
    emit jobChanged(id);
    return true;
}

void JobManager::cancelAll() {
    // Queued jobs first, so that none starts when a running one ends.
    const std::deque<int> queued = m_queue;
    for (const int id : queued)
        cancel(id);
    for (const int id : jobIds())
        if (Job* job = find(id); job && job->state == JobState::Running && !job->cancelRequested)
            cancel(id);
}

bool JobManager::removeJob(int id) {
    Job* job = find(id);
    if (!job || !job->isEnded())
        return false;
    m_jobs.erase(id);
    emit jobRemoved(id);
    return true;
}

void JobManager::removeEndedJobs() {
    for (const int id : jobIds())
        if (const auto info = job(id); info && info->isEnded())
            removeJob(id);
}

QList<int> JobManager::jobIds() const {
    QList<int> ids;
    ids.reserve(qsizetype(m_jobs.size()));
    for (const auto& [id, job] : m_jobs)
        ids << id;
    return ids;
}

std::optional<JobInfo> JobManager::job(int id) const {
    const Job* job = find(id);
    if (!job)
        return std::nullopt;
    JobInfo info;
    info.id = job->id;
    info.title = job->title;
    info.state = job->state;
    info.percent = job->percent;
    info.stage = job->stage;
    info.queuedAt = job->queuedAt;
    info.startedAt = job->startedAt;
    info.cancelRequested = job->cancelRequested;
    info.error = job->error;
    info.outcome = job->outcome;
    if (job->state == JobState::Running) {
        info.elapsedMs = job->clock.elapsed();
        if (job->estimatedTotalMs >= 0)
            info.remainingMs = std::max<qint64>(0, job->estimatedTotalMs - info.elapsedMs);
    } else if (info.isEnded()) {
        info.elapsedMs = job->endedAfterMs;
    }
    return info;
}

int JobManager::queuedCount() const {
    return int(m_queue.size());
}

int JobManager::runningCount() const {
    return m_running;
}

void JobManager::setMaxConcurrent(int n) {
    m_maxConcurrent = std::max(1, n);
    startNext();
}

QString JobManager::stateText(JobState state) {
    switch (state) {
        case JobState::Queued:
            return tr("Queued");
        case JobState::Running:
            return tr("Running");
        case JobState::Finished:
            return tr("Finished");
        case JobState::Failed:
            return tr("Failed");
        case JobState::Cancelled:
            return tr("Cancelled");
    }
    return {};
}

} // namespace tanhui::gui
