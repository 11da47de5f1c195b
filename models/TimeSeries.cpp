// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TimeSeries.h"

#include "models/Dates.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

#include <cmath>
#include <set>

namespace tanhui::models {

namespace {

/// Translation context of this file's user-facing strings.
struct TimeSeries {
    Q_DECLARE_TR_FUNCTIONS(TimeSeries)
};

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString item(const std::map<std::string, std::string>& metadata, const char* key) {
    const auto it = metadata.find(key);
    return it == metadata.end() ? QString() : qs(it->second);
}

/// NETCDF_DIM_time (a number) in the dataset's time#units ("days since 1970-01-01 00:00:00").
std::optional<SeriesDate> netcdfTime(const QString& value, const QString& units) {
    static const QRegularExpression re(
      QStringLiteral(R"(^\s*(days?|hours?|minutes?|seconds?)\s+since\s+(\d{4})-(\d{1,2})-(\d{1,2}))"),
      QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(units);
    bool ok = false;
    const double v = value.trimmed().toDouble(&ok);
    if (!m.hasMatch() || !ok || !std::isfinite(v))
        return std::nullopt;
    const QDate origin(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
    if (!origin.isValid())
        return std::nullopt;
    const QString unit = m.captured(1).toLower();
    const double seconds = unit.startsWith(QLatin1String("day"))    ? v * 86400.0
                           : unit.startsWith(QLatin1String("hour")) ? v * 3600.0
                           : unit.startsWith(QLatin1String("min"))  ? v * 60.0
                                                                    : v;
    if (std::abs(seconds) > 1e12)
        return std::nullopt;
    const QDate date = QDateTime(origin, QTime(0, 0), Qt::UTC).addSecs(qint64(seconds)).date();
    return parseSeriesDate(date.toString(Qt::ISODate));
}

} // namespace

std::optional<SeriesDate> parseSeriesDate(const QString& text) {
    static const QRegularExpression re(
      QStringLiteral(R"(^(\d{4})(?:([-/:]?)(\d{2})(?:\2(\d{2}))?)?(?:[T ].*)?$)"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    SeriesDate d;
    d.year = m.captured(1).toInt();
    if (d.year < 1000)
        return std::nullopt;
    if (!m.captured(3).isEmpty()) {
        const int month = m.captured(3).toInt();
        const int day = m.captured(4).isEmpty() ? 1 : m.captured(4).toInt();
        const QDate date(d.year, month, day);
        if (!date.isValid())
            return std::nullopt;
        if (!m.captured(4).isEmpty())
            d.iso = date.toString(Qt::ISODate);
    }
    return d;
}

DateProposal bandDate(const gis::RasterInfo& info, int band) {
    DateProposal p;
    if (band < 1 || band > int(info.bands.size()))
        return p;
    const gis::BandInfo& b = info.bands[std::size_t(band - 1)];
    for (const char* key : { "DATE", "ACQUISITION_DATE", "TIFFTAG_DATETIME" }) {
        const QString value = item(b.metadata, key);
        std::optional<SeriesDate> d = parseSeriesDate(value);
        if (!d && !value.isEmpty())
            if (const auto y = leadingYear(value))
                d = SeriesDate{ *y, {} };
        if (d) {
            p.date = d;
            p.source = DateSource::Metadata;
            p.key = QString::fromLatin1(key);
            return p;
        }
    }
    if (const QString t = item(b.metadata, "NETCDF_DIM_time"); !t.isEmpty())
        if (const auto d = netcdfTime(t, item(info.metadata, "time#units"))) {
            p.date = d;
            p.source = DateSource::Metadata;
            p.key = QStringLiteral("NETCDF_DIM_time");
            return p;
        }
    const QString description = qs(b.description);
    std::optional<SeriesDate> d = parseSeriesDate(description.section(QLatin1Char(' '), 0, 0));
    if (!d)
        if (const auto y = leadingYear(description))
            d = SeriesDate{ *y, {} };
    if (d) {
        p.date = d;
        p.source = DateSource::Metadata;
        p.key = QStringLiteral("description");
        return p;
    }
    if (info.bands.size() == 1)
        for (const char* key : { "DATE", "ACQUISITION_DATE", "TIFFTAG_DATETIME" })
            if (const auto dd = parseSeriesDate(item(info.metadata, key))) {
                p.date = dd;
                p.source = DateSource::Metadata;
                p.key = QString::fromLatin1(key);
                return p;
            }
    return p;
}

std::optional<SeriesDate> dateInFileName(const QString& path) {
    const QString name = QFileInfo(path).completeBaseName();
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    std::optional<SeriesDate> found;
    for (auto it = digits.globalMatch(name); it.hasNext();) {
        const QString run = it.next().captured();
        std::optional<SeriesDate> d;
        if (run.size() == 4) {
            const int year = run.toInt();
            if (year >= 1900 && year <= 2100)
                d = SeriesDate{ year, {} };
        } else if (run.size() == 8) {
            d = parseSeriesDate(run);
            if (d && (d->year < 1900 || d->year > 2100 || d->iso.isEmpty()))
                d.reset();
        }
        if (!d)
            continue;
        if (found && (found->year != d->year || found->iso != d->iso))
            return std::nullopt; // several dates: not the name of one date
        found = d;
    }
    return found;
}

DateProposal proposeDate(const gis::RasterInfo& info, int band) {
    DateProposal p = bandDate(info, band);
    if (p.source != DateSource::None || info.bands.size() != 1)
        return p;
    if (const auto d = dateInFileName(qs(info.path))) {
        p.date = d;
        p.source = DateSource::FileName;
        p.key = QFileInfo(qs(info.path)).fileName();
    }
    return p;
}

QStringList seriesRasterProblems(const std::vector<gis::RasterInfo>& rasters) {
    QStringList problems;
    if (rasters.empty()) {
        problems << TimeSeries::tr("Choose several single-band rasters (one file per date) or one multiband "
                                   "raster (one band per date).");
        return problems;
    }
    if (rasters.size() == 1) {
        if (rasters.front().bands.size() < 2)
            problems << TimeSeries::tr("%1 has one band: a series of one file needs one band per date; "
                                       "choose several single-band files instead.")
                          .arg(QFileInfo(qs(rasters.front().path)).fileName());
    } else {
        for (const gis::RasterInfo& r : rasters)
            if (r.bands.size() != 1)
                problems << TimeSeries::tr("%1 has %n band(s); a series of several files takes one band per "
                                           "file (one file per date). Make a multiband file a series on its "
                                           "own (one band per date).",
                                           nullptr,
                                           int(r.bands.size()))
                              .arg(QFileInfo(qs(r.path)).fileName());
    }
    const gis::RasterInfo* first = nullptr;
    for (const gis::RasterInfo& r : rasters) {
        const QString name = QFileInfo(qs(r.path)).fileName();
        if (!r.crs.isValid()) {
            problems << TimeSeries::tr("%1 has no coordinate reference system.").arg(name);
            continue;
        }
        if (!first) {
            first = &r;
            continue;
        }
        if (!r.crs.isSame(first->crs))
            problems << TimeSeries::tr("%1 is in %2, %3 in %4: the dates of a series must share one CRS "
                                       "(reproject it with gdalwarp first).")
                          .arg(name,
                               qs(r.crs.name()),
                               QFileInfo(qs(first->path)).fileName(),
                               qs(first->crs.name()));
    }
    return problems;
}

QStringList seriesRasterNotes(const std::vector<gis::RasterInfo>& rasters) {
    QStringList notes;
    if (rasters.size() < 2)
        return notes;
    const gis::Grid& g = rasters.front().grid;
    for (std::size_t i = 1; i < rasters.size(); ++i) {
        const gis::Grid& h = rasters[i].grid;
        const bool same = h.cols == g.cols && h.rows == g.rows &&
                          std::abs(h.cellWidth - g.cellWidth) <= 1e-9 * g.cellWidth &&
                          std::abs(h.cellHeight - g.cellHeight) <= 1e-9 * g.cellHeight &&
                          std::abs(h.originX - g.originX) <= 1e-6 * g.cellWidth &&
                          std::abs(h.originY - g.originY) <= 1e-6 * g.cellHeight;
        if (!same && rasters[i].crs.isValid() && rasters.front().crs.isValid() &&
            rasters[i].crs.isSame(rasters.front().crs))
            notes << TimeSeries::tr("%1 is on another grid than %2 (%3 × %4 cells of %5 × %6): allowed, each "
                                    "date's parcel statistics are computed on its own grid.")
                       .arg(QFileInfo(qs(rasters[i].path)).fileName(),
                            QFileInfo(qs(rasters.front().path)).fileName())
                       .arg(h.cols)
                       .arg(h.rows)
                       .arg(h.cellWidth, 0, 'g', 6)
                       .arg(h.cellHeight, 0, 'g', 6);
    }
    return notes;
}

QStringList seriesDateProblems(const std::vector<SeriesDateEntry>& entries) {
    QStringList problems;
    QMap<int, QStringList> byYear;
    for (const SeriesDateEntry& e : entries) {
        if (e.text.trimmed().isEmpty()) {
            problems << TimeSeries::tr("%1: no date; type one (YYYY or YYYY-MM-DD).").arg(e.label);
            continue;
        }
        const auto d = parseSeriesDate(e.text);
        if (!d) {
            problems << TimeSeries::tr("%1: \"%2\" is not a date (YYYY or YYYY-MM-DD).").arg(e.label, e.text);
            continue;
        }
        byYear[d->year] << e.label;
    }
    for (auto it = byYear.begin(); it != byYear.end(); ++it)
        if (it.value().size() > 1)
            problems << TimeSeries::tr("%1 is the date of %2: each date of a series needs its own year.")
                          .arg(it.key())
                          .arg(it.value().join(QStringLiteral(", ")));
    return problems;
}

} // namespace tanhui::models
