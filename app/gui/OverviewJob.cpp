// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/OverviewJob.h"

#include "app/common/ErrorText.h"
#include "gis/Errors.h"

#include <QMetaObject>

namespace tanhui::gui {

OverviewJob::OverviewJob(QObject* parent)
  : QObject(parent) {}

OverviewJob::~OverviewJob() {
    cancel();
    if (m_worker.joinable())
        m_worker.join();
}

bool OverviewJob::needsOverviews(const tanhui::gis::RasterInfo& info) {
    constexpr int kMaxSide = 4096;
    const bool large = info.grid.cols > kMaxSide || info.grid.rows > kMaxSide;
    return large && !info.bands.empty() && info.bands.front().overviewCount == 0;
}

bool OverviewJob::start(const QStringList& files) {
    if (m_running || files.isEmpty())
        return false;
    if (m_worker.joinable())
        m_worker.join(); // the previous job has signalled its end
    m_running = true;
    m_cancel = false;
    m_worker = std::thread([this, files] { run(files); });
    return true;
}

void OverviewJob::cancel() {
    m_cancel = true;
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_current)
        m_current->cancel(); // GDAL stops at its next progress call
}

void OverviewJob::run(QStringList files) {
    QStringList built;
    QString error;
    bool cancelled = false;
    const int n = int(files.size());
    for (int i = 0; i < n && !cancelled && error.isEmpty(); ++i) {
        const QString file = files[i];
        tanhui::gis::Feedback feedback([this, i, n, file](double percent, const std::string&) {
            const int overall = int((100.0 * i + percent) / n);
            QMetaObject::invokeMethod(
              this, [this, overall, file] { emit progress(overall, file); }, Qt::QueuedConnection);
        });
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_current = &feedback;
            if (m_cancel)
                feedback.cancel();
        }
        try {
            tanhui::gis::RasterDataset raster(file.toStdString());
            const bool byte = !raster.info().bands.empty() && raster.info().bands.front().dataType == "Byte";
            raster.buildOverviews(byte ? "NEAREST" : "AVERAGE", &feedback);
            built << file;
        } catch (const tanhui::gis::CancelledError&) {
            cancelled = true;
        } catch (const tanhui::gis::GisError& e) {
            error = tanhui::app::errorDetail(e);
        }
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_current = nullptr;
    }
    QMetaObject::invokeMethod(
      this,
      [this, built, error, cancelled] {
          m_running = false;
          emit finished(built, error, cancelled);
      },
      Qt::QueuedConnection);
}

} // namespace tanhui::gui
