// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Feedback.h"
#include "gis/RasterDataset.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <mutex>
#include <thread>

namespace tanhui::gui {

/// @brief Builds GDAL overviews (an external .ovr beside each file, gis::RasterDataset::buildOverviews)
/// of rasters on a worker thread, so that a large raster draws from reduced resolutions instead of
/// reading every cell for a full view (issue 12). Progress and the end are signalled on the thread that
/// created the job; cancel() stops at the next progress call and removes the .ovr being written.
/// Destroying a running job cancels it and waits for the worker.
class OverviewJob : public QObject {
    Q_OBJECT
public:
    explicit OverviewJob(QObject* parent = nullptr);
    ~OverviewJob() override;

    /// Whether a raster should get overviews before it is drawn: more than 4,096 cells on a side
    /// and no overviews on its first band (a full view would read every cell).
    static bool needsOverviews(const tanhui::gis::RasterInfo& info);

    /// Starts building the overviews of `files` in turn (nearest neighbour for Byte rasters, whose
    /// values are classes, average otherwise). False when a job is running.
    bool start(const QStringList& files);
    bool isRunning() const { return m_running; }
    void cancel();

signals:
    /// Overall progress over the files, 0–100, and the file being processed.
    void progress(int percent, const QString& file);
    /// The end: the files that got overviews, the error that stopped the job (translated; empty
    /// when none) and whether it was cancelled.
    void finished(const QStringList& built, const QString& error, bool cancelled);

private:
    void run(QStringList files);
    std::thread m_worker;
    std::atomic<bool> m_cancel{ false };
    std::mutex m_mutex;                         ///< guards m_current
    tanhui::gis::Feedback* m_current = nullptr; ///< the file being built's (the worker's)
    bool m_running = false;
};

} // namespace tanhui::gui
