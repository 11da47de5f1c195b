// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The jobs panel (issue 13, "Jobs run in the background").

#include <QDockWidget>
#include <QString>

#include <map>

class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace tanhui::gui {

class JobManager;
struct JobInfo;

/// @brief The Jobs dock: every job of its JobManager, newest last — title, state, progress bar,
/// stage, elapsed and estimated remaining time, and Cancel while queued or running. Ended jobs stay
/// listed with their outcome (files written and where, or the error) until removed; a finished one
/// has "Open Results", which emits openResults(). When a job ends the dock emits message() (a short
/// line for the status bar) and alerts the window when it is not active.
///
/// The dock owns its manager (manager()); destroying the dock cancels and waits for running jobs.
class JobsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit JobsDock(QWidget* parent = nullptr);
    ~JobsDock() override;

    JobManager* manager() const { return m_manager; }

    /// A run time as "m:ss" (or "h:mm:ss").
    static QString formatDuration(qint64 ms);
    /// The stage text a run reports (English), translated when it is one the app knows.
    static QString translatedStage(const QString& stage);
    /// One line describing an ended job for the status bar, e.g. "Finished: Carbon (1:23)".
    static QString endMessage(const JobInfo& job);

signals:
    /// "Open Results" of a finished job was clicked.
    void openResults(int jobId);
    /// A short notification for the status bar (a job ended).
    void message(const QString& text);

private:
    struct Row;
    void addRow(int id);
    void updateRow(int id);
    void removeRow(int id);
    void updateSummary();
    void refreshRunning();

    JobManager* m_manager = nullptr;
    QWidget* m_list = nullptr;
    QVBoxLayout* m_listLayout = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_clear = nullptr;
    QTimer* m_tick = nullptr; ///< refreshes elapsed and remaining times once a second
    std::map<int, Row*> m_rows;
};

} // namespace tanhui::gui
