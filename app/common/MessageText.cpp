// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/MessageText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace tanhui::app {

namespace {

/// Translation context of the notes on repaired or skipped parcels.
struct ParcelNote {
    Q_DECLARE_TR_FUNCTIONS(ParcelNote)
};

/// The validity reasons GEOS gives (GEOSisValidReason: the kind, then the location "[x y]").
const char* const kGeosReasons[] = {
    QT_TRANSLATE_NOOP("ParcelNote", "Self-intersection"),
    QT_TRANSLATE_NOOP("ParcelNote", "Ring Self-intersection"),
    QT_TRANSLATE_NOOP("ParcelNote", "Hole lies outside shell"),
    QT_TRANSLATE_NOOP("ParcelNote", "Holes are nested"),
    QT_TRANSLATE_NOOP("ParcelNote", "Interior is disconnected"),
    QT_TRANSLATE_NOOP("ParcelNote", "Nested shells"),
    QT_TRANSLATE_NOOP("ParcelNote", "Duplicate Rings"),
    QT_TRANSLATE_NOOP("ParcelNote", "Too few points in geometry component"),
    QT_TRANSLATE_NOOP("ParcelNote", "Invalid Coordinate"),
    QT_TRANSLATE_NOOP("ParcelNote", "Ring is not closed"),
    QT_TRANSLATE_NOOP("ParcelNote", "Repeated Point"),
    QT_TRANSLATE_NOOP("ParcelNote", "Topology Validation Error"),
};

/// Whole note parts written by gis/ParcelReader.cpp.
const char* const kNoteParts[] = {
    QT_TRANSLATE_NOOP("ParcelNote", "null geometry"),
    QT_TRANSLATE_NOOP("ParcelNote", "empty geometry"),
    QT_TRANSLATE_NOOP("ParcelNote", "no polygonal part"),
    QT_TRANSLATE_NOOP("ParcelNote", "invalid"),
    QT_TRANSLATE_NOOP("ParcelNote", "repaired with MakeValid"),
    QT_TRANSLATE_NOOP("ParcelNote", "repair left no polygon"),
    QT_TRANSLATE_NOOP("ParcelNote",
                      "a latitude beyond ±90° or a coordinate that is not a number: the layer's coordinates "
                      "are not the degrees of its CRS (assign the right CRS, e.g. --parcels-crs)"),
};

QString notePart(const QString& part) {
    for (const char* known : kNoteParts)
        if (part == QLatin1String(known))
            return ParcelNote::tr(known);
    // "Self-intersection[113.25 23.125]": the kind translated, the location kept.
    static const QRegularExpression located(QStringLiteral("^(.*?)\\s*\\[([^\\]]*)\\]$"));
    const QRegularExpressionMatch m = located.match(part);
    const QString kind = m.hasMatch() ? m.captured(1) : part;
    for (const char* reason : kGeosReasons)
        if (kind == QLatin1String(reason))
            return m.hasMatch() ? ParcelNote::tr("%1 at %2").arg(ParcelNote::tr(reason), m.captured(2))
                                : ParcelNote::tr(reason);
    static const QRegularExpression unreadable(QStringLiteral("^unreadable geometry: (.*)$"));
    if (const auto u = unreadable.match(part); u.hasMatch())
        return ParcelNote::tr("unreadable geometry: %1").arg(u.captured(1));
    static const QRegularExpression notPolygon(QStringLiteral("^not a polygon \\((.*)\\)$"));
    if (const auto p = notPolygon.match(part); p.hasMatch())
        return ParcelNote::tr("not a polygon (%1)").arg(p.captured(1));
    return part;
}

} // namespace

const std::vector<const char*>& progressLabels() {
    // Every stage name passed to gis::Feedback::setProgress() in gis/, models/ and app/cli/
    // (tst_translations checks that none is missing).
    static const std::vector<const char*> labels = {
        QT_TRANSLATE_NOOP("Progress", "Reading and checking parcels"),
        QT_TRANSLATE_NOOP("Progress", "Zonal statistics"),
        QT_TRANSLATE_NOOP("Progress", "Assigning parcels to zones"),
        QT_TRANSLATE_NOOP("Progress", "Removing overlaps of parcel layers"),
        QT_TRANSLATE_NOOP("Progress", "Monte Carlo"),
        QT_TRANSLATE_NOOP("Progress", "Monte Carlo totals"),
        QT_TRANSLATE_NOOP("Progress", "land-use change"),
        QT_TRANSLATE_NOOP("Progress", "carbon per cell"),
        QT_TRANSLATE_NOOP("Progress", "checking land-cover codes"),
        QT_TRANSLATE_NOOP("Progress", "land-cover transitions"),
        QT_TRANSLATE_NOOP("Progress", "volume method"),
        QT_TRANSLATE_NOOP("Progress", "forest route"),
        QT_TRANSLATE_NOOP("Progress", "soil method"),
        QT_TRANSLATE_NOOP("Progress", "density raster"),
        QT_TRANSLATE_NOOP("Progress", "writing"),
        QT_TRANSLATE_NOOP("Progress", "done"),
        QT_TRANSLATE_NOOP("Progress", "checking inputs"),
        QT_TRANSLATE_NOOP("Progress", "biomass and carbon per cell"),
        QT_TRANSLATE_NOOP("Progress", "blue carbon Monte Carlo"),
        QT_TRANSLATE_NOOP("Progress", "blue carbon Tier 1"),
        QT_TRANSLATE_NOOP("Progress", "blue carbon per cell"),
        QT_TRANSLATE_NOOP("Progress", "LS"),
        QT_TRANSLATE_NOOP("Progress", "Building the landscape"),
        QT_TRANSLATE_NOOP("Progress", "Writing rasters"),
        QT_TRANSLATE_NOOP("Progress", "Building overviews"),
        QT_TRANSLATE_NOOP("Progress", "Writing parcel layers"),
        QT_TRANSLATE_NOOP("Progress", "Writing farmland plots"),
        QT_TRANSLATE_NOOP("Progress", "Writing wetland units"),
        QT_TRANSLATE_NOOP("Progress", "Copying parameter tables"),
        QT_TRANSLATE_NOOP("Progress", "Done"),
    };
    return labels;
}

QString progressLabel(const std::string& status) {
    return status.empty() ? QString() : QCoreApplication::translate("Progress", status.c_str());
}

QString parcelNoteText(const std::string& what) {
    const QStringList parts = QString::fromStdString(what).split(QStringLiteral("; "));
    QStringList out;
    for (const QString& part : parts)
        out << notePart(part);
    return out.join(QStringLiteral("; "));
}

} // namespace tanhui::app
