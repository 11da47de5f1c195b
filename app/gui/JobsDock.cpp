// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/JobsDock.h"

#include "app/common/MessageText.h"
#include "app/gui/JobManager.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace tanhui::gui {

struct JobsDock::Row {
    QFrame* frame = nullptr;
    QLabel* title = nullptr;
    QLabel* state = nullptr;
    QProgressBar* bar = nullptr;
    QLabel* detail = nullptr;
    QPushButton* cancel = nullptr;
    QPushButton* open = nullptr;
    QToolButton* remove = nullptr;
};

JobsDock::JobsDock(QWidget* parent)
  : QDockWidget(tr("Jobs"), parent)
  , m_manager(new JobManager(this)) {
    setObjectName(QStringLiteral("jobsDock"));
    auto* body = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(4, 4, 4, 4);
    auto* header = new QHBoxLayout;
    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_clear = new QPushButton(tr("Clear Finished"), body);
    m_clear->setObjectName(QStringLiteral("clearFinishedButton"));
    m_clear->setToolTip(tr("Remove the jobs that have ended from the list (their results stay on disk)"));
    connect(m_clear, &QPushButton::clicked, m_manager, &JobManager::removeEndedJobs);
    header->addWidget(m_summary, 1);
    header->addWidget(m_clear);
    bodyLayout->addLayout(header);

    auto* scroll = new QScrollArea(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_list = new QWidget(scroll);
    m_listLayout = new QVBoxLayout(m_list);
    m_listLayout->setContentsMargins(0, 0, 0, 0);
    m_listLayout->setSpacing(4);
    m_empty = new QLabel(tr("No jobs. The analyses you run appear here while they run and after."), m_list);
    m_empty->setObjectName(QStringLiteral("jobsEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_listLayout->addWidget(m_empty);
    m_listLayout->addStretch(1);
    scroll->setWidget(m_list);
    bodyLayout->addWidget(scroll, 1);
    setWidget(body);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &JobsDock::refreshRunning);

    connect(m_manager, &JobManager::jobAdded, this, [this](int id) {
        addRow(id);
        show();
        raise();
    });
    connect(m_manager, &JobManager::jobChanged, this, &JobsDock::updateRow);
    connect(m_manager, &JobManager::jobRemoved, this, &JobsDock::removeRow);
    connect(m_manager, &JobManager::jobFinished, this, [this](int id) {
        if (const auto job = m_manager->job(id)) {
            emit message(endMessage(*job));
            if (QWidget* top = window(); top && !top->isActiveWindow())
                QApplication::alert(top);
        }
    });
    updateSummary();
}

JobsDock::~JobsDock() {
    // Cancel and wait for the running jobs before the rows go; no update reaches the dock any more.
    disconnect(m_manager, nullptr, this, nullptr);
    delete m_manager;
    m_manager = nullptr;
}

QString JobsDock::formatDuration(qint64 ms) {
    const qint64 s = std::max<qint64>(0, (ms + 500) / 1000);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
          .arg(s / 3600)
          .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
          .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString JobsDock::translatedStage(const QString& stage) {
    // The engines' stage names are translated once, in context "Progress" (app/common/MessageText.h).
    return app::progressLabel(stage.toStdString());
}

QString JobsDock::endMessage(const JobInfo& job) {
    switch (job.state) {
        case JobState::Finished:
            return tr("Job finished: %1 (%2)").arg(job.title, formatDuration(job.elapsedMs));
        case JobState::Failed:
            return tr("Job failed: %1").arg(job.title);
        case JobState::Cancelled:
            return tr("Job cancelled: %1").arg(job.title);
        default:
            return {};
    }
}

void JobsDock::addRow(int id) {
    auto* row = new Row;
    row->frame = new QFrame(m_list);
    row->frame->setObjectName(QStringLiteral("jobRow_%1").arg(id));
    row->frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(row->frame);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);

    auto* top = new QHBoxLayout;
    row->title = new QLabel(row->frame);
    row->title->setObjectName(QStringLiteral("jobTitle"));
    QFont bold = row->title->font();
    bold.setBold(true);
    row->title->setFont(bold);
    row->title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->state = new QLabel(row->frame);
    row->state->setObjectName(QStringLiteral("jobState"));
    top->addWidget(row->title, 1);
    top->addWidget(row->state);
    row->remove = new QToolButton(row->frame);
    row->remove->setObjectName(QStringLiteral("removeJobButton"));
    row->remove->setText(QStringLiteral("✕"));
    row->remove->setAutoRaise(true);
    row->remove->setToolTip(tr("Remove from the list (the results stay on disk)"));
    top->addWidget(row->remove);
    layout->addLayout(top);

    auto* middle = new QHBoxLayout;
    row->bar = new QProgressBar(row->frame);
    row->bar->setObjectName(QStringLiteral("jobProgress"));
    row->bar->setRange(0, 1000);
    row->bar->setTextVisible(true);
    middle->addWidget(row->bar, 1);
    row->cancel = new QPushButton(tr("Cancel"), row->frame);
    row->cancel->setObjectName(QStringLiteral("cancelJobButton"));
    row->cancel->setToolTip(tr("Stop this job; a run that stops leaves its output folder as it was"));
    middle->addWidget(row->cancel);
    row->open = new QPushButton(tr("Open Results"), row->frame);
    row->open->setObjectName(QStringLiteral("openResultsButton"));
    middle->addWidget(row->open);
    layout->addLayout(middle);

    row->detail = new QLabel(row->frame);
    row->detail->setObjectName(QStringLiteral("jobDetail"));
    row->detail->setWordWrap(true);
    row->detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(row->detail);

    connect(row->cancel, &QPushButton::clicked, this, [this, id] { m_manager->cancel(id); });
    connect(row->open, &QPushButton::clicked, this, [this, id] { emit openResults(id); });
    connect(row->remove, &QToolButton::clicked, this, [this, id] { m_manager->removeJob(id); });

    m_listLayout->insertWidget(m_listLayout->count() - 1, row->frame); // before the stretch
    m_rows[id] = row;
    updateRow(id);
}

void JobsDock::removeRow(int id) {
    const auto it = m_rows.find(id);
    if (it == m_rows.end())
        return;
    delete it->second->frame;
    delete it->second;
    m_rows.erase(it);
    updateSummary();
}

void JobsDock::updateRow(int id) {
    const auto it = m_rows.find(id);
    const auto job = m_manager ? m_manager->job(id) : std::nullopt;
    if (it == m_rows.end() || !job)
        return;
    Row& row = *it->second;
    row.title->setText(job->title);
    row.title->setToolTip(job->title);
    row.state->setText(JobManager::stateText(job->state));
    row.bar->setValue(int(job->percent * 10.0));
    row.bar->setFormat(QStringLiteral("%1 %").arg(QLocale().toString(job->percent, 'f', 0)));
    row.cancel->setVisible(!job->isEnded());
    row.cancel->setEnabled(!job->cancelRequested);
    row.open->setVisible(job->state == JobState::Finished && job->outcome);
    row.remove->setVisible(job->isEnded());
    row.bar->setVisible(!job->isEnded() || job->state == JobState::Finished);

    QString detail;
    QString tip;
    const QString dot = QStringLiteral(" · ");
    switch (job->state) {
        case JobState::Queued:
            detail = tr("Waiting for the jobs before it");
            break;
        case JobState::Running: {
            QStringList parts;
            if (job->cancelRequested)
                parts << tr("Cancelling…");
            else if (!job->stage.isEmpty())
                parts << translatedStage(job->stage);
            parts << tr("elapsed %1").arg(formatDuration(job->elapsedMs));
            parts << (job->remainingMs >= 0 ? tr("about %1 left").arg(formatDuration(job->remainingMs))
                                            : tr("estimating time left…"));
            detail = parts.join(dot);
            break;
        }
        case JobState::Finished: {
            QStringList parts{ tr("Finished in %1").arg(formatDuration(job->elapsedMs)) };
            if (job->outcome && !job->outcome->outDir.isEmpty()) {
                parts << tr("%n file(s) in %1", nullptr, int(job->outcome->files.size()))
                           .arg(QDir::toNativeSeparators(job->outcome->outDir));
                tip = job->outcome->files.join(QLatin1Char('\n'));
            }
            if (job->outcome) {
                int warnings = 0;
                for (const auto& issue : job->outcome->issues)
                    warnings += issue.isError() ? 0 : 1;
                if (warnings > 0)
                    parts << tr("%n warning(s)", nullptr, warnings);
            }
            detail = parts.join(dot);
            break;
        }
        case JobState::Failed:
            detail = job->error.section(QLatin1Char('\n'), 0, 0);
            tip = job->error;
            break;
        case JobState::Cancelled:
            detail = job->startedAt.isValid() ? tr("Cancelled after %1").arg(formatDuration(job->elapsedMs))
                                              : tr("Cancelled before it started");
            break;
    }
    row.detail->setText(detail);
    row.detail->setToolTip(tip);
    // Failed jobs in the palette's error colour (the link colour of dark themes stays readable).
    row.detail->setStyleSheet(job->state == JobState::Failed ? QStringLiteral("color: #c0392b;") : QString());
    updateSummary();
}

void JobsDock::updateSummary() {
    m_empty->setVisible(m_rows.empty());
    int ended = 0;
    for (const auto& [id, row] : m_rows)
        if (const auto job = m_manager ? m_manager->job(id) : std::nullopt; job && job->isEnded())
            ++ended;
    m_clear->setEnabled(ended > 0);
    const int running = m_manager ? m_manager->runningCount() : 0;
    const int queued = m_manager ? m_manager->queuedCount() : 0;
    m_summary->setText(tr("%n running", nullptr, running) + QStringLiteral(" · ") +
                       tr("%n queued", nullptr, queued));
    if (running > 0 && !m_tick->isActive())
        m_tick->start();
    else if (running == 0)
        m_tick->stop();
}

void JobsDock::refreshRunning() {
    for (const auto& [id, row] : m_rows)
        if (const auto job = m_manager->job(id); job && job->state == JobState::Running)
            updateRow(id);
}

} // namespace tanhui::gui
