// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ZonalTable.h"

#include "gis/Errors.h"
#include "gis/ParcelReader.h"
#include "gis/ZonalEngine.h"

#include <QCoreApplication>
#include <QtCore/qcoreapplication.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <set>

namespace tanhui::models {

namespace {

using gis::Stat;
using Type = gis::TableColumn::Type;

constexpr double kM2PerHa = 10000.0;
/// Most class columns (frac_, area_ha_) one band may produce; see zonalColumns.
constexpr std::size_t kMaxClassColumns = 1000;

/// Class code as used in a column name: integers without decimals, others with '.' → 'p'.
std::string classLabel(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    std::string s = std::to_string(v);
    for (char& c : s)
        if (c == '.')
            c = 'p';
        else if (c == '-')
            c = 'm';
    return s;
}

/// Translation context of this file's user-facing strings.
struct ZonalTable {
    Q_DECLARE_TR_FUNCTIONS(ZonalTable)
};

/// Every class seen in any parcel, per band, ascending: as runZonal collected them while finishing
/// the parcels (ZonalResult::bandClasses, filled whenever class shares or areas were asked for), or,
/// for a result assembled otherwise, from the parcels' class lists.
std::vector<std::vector<double>> classesPerBand(const gis::ZonalResult& result) {
    const std::size_t bands = result.bands.size();
    if (result.bandClasses.size() == bands)
        return result.bandClasses;
    std::vector<std::set<double>> seen(bands);
    for (const std::vector<gis::ZonalStats>& parcel : result.stats)
        for (std::size_t b = 0; b < bands && b < parcel.size(); ++b)
            for (const gis::ClassTotal& c : parcel[b].classes)
                seen[b].insert(c.value);
    std::vector<std::vector<double>> out(bands);
    for (std::size_t b = 0; b < bands; ++b)
        out[b].assign(seen[b].begin(), seen[b].end());
    return out;
}

/// A column and the function that produces its value for a parcel index. Real columns also have
/// `real`, the same value as a double (NaN where `value` is null or NaN), which the CSV writer
/// formats without building a QVariant.
/// Class columns (a share or an area per class of a band) also name their band and class, so the
/// CSV writer can fill a band's consecutive class columns in one walk over the parcel's sorted class
/// list instead of one search per column.
struct Producer {
    ZonalTableColumn column;
    std::function<QVariant(std::size_t)> value;
    std::function<double(std::size_t)> real;
    enum class ClassKind { None, Fraction, AreaHa } classKind = ClassKind::None;
    std::size_t classBand = 0;
    double classValue = 0;
};

std::vector<Producer> producers(const gis::ParcelSet& parcels,
                                const QString& idField,
                                const gis::ZonalResult& result,
                                gis::StatSet stats,
                                const std::vector<QString>& bandUnits) {
    std::vector<Producer> out;
    // The unit of the next column made (each column declares its own, below).
    QString unit;
    // Built member by member: GCC 12 at -O3 reports a false -Wmaybe-uninitialized on the nested
    // brace initialisation of a Producer.
    auto push = [&](std::string name,
                    Type type,
                    QString description,
                    std::function<QVariant(std::size_t)> value,
                    std::function<double(std::size_t)> real) {
        Producer p;
        p.column.column.name = std::move(name);
        p.column.column.type = type;
        p.column.description = std::move(description);
        p.column.unit = unit;
        p.value = std::move(value);
        p.real = std::move(real);
        out.push_back(std::move(p));
    };
    auto add =
      [&](std::string name, Type type, QString description, std::function<QVariant(std::size_t)> fn) {
          push(std::move(name), type, std::move(description), std::move(fn), {});
      };
    // A real column given as a double; `nanIsNull`: NaN is stored as a null value (else as NaN).
    auto addReal =
      [&](std::string name, QString description, std::function<double(std::size_t)> fn, bool nanIsNull) {
          auto value = [fn, nanIsNull](std::size_t i) {
              const double v = fn(i);
              return nanIsNull && std::isnan(v) ? QVariant() : QVariant(v);
          };
          push(std::move(name), Type::Real, std::move(description), std::move(value), std::move(fn));
      };
    const QString ha = QStringLiteral("ha"), share = QStringLiteral("1");
    const auto& ps = parcels.parcels;
    unit.clear();
    add("fid", Type::Integer, ZonalTable::tr("Feature id in the parcel layer"), [&](std::size_t i) {
        return QVariant::fromValue<qlonglong>(ps[i].fid);
    });
    if (!idField.isEmpty()) {
        const bool numeric = std::all_of(ps.begin(), ps.end(), [](const gis::Parcel& p) {
            const int t = p.id.typeId();
            return !p.id.isValid() || t == QMetaType::Int || t == QMetaType::LongLong;
        });
        add(idField.toStdString(),
            numeric ? Type::Integer : Type::String,
            ZonalTable::tr("Parcel id"),
            [&](std::size_t i) { return ps[i].id; });
    }
    unit = ha;
    addReal(
      "area_ha",
      ZonalTable::tr("Ellipsoidal (true) area of the parcel, ha"),
      [&](std::size_t i) { return ps[i].ellipsoidalAreaM2 / kM2PerHa; },
      false);
    add("planar_area_ha",
        Type::Real,
        ZonalTable::tr("Planar area in the layer's projected CRS, ha"),
        [&](std::size_t i) {
            return parcels.crs.isGeographic() ? QVariant() : QVariant(ps[i].planarAreaM2 / kM2PerHa);
        });
    out.back().real = [&](std::size_t i) {
        return parcels.crs.isGeographic() ? std::numeric_limits<double>::quiet_NaN()
                                          : ps[i].planarAreaM2 / kM2PerHa;
    };
    unit.clear(); // a flag
    add("geometry_repaired",
        Type::Integer,
        ZonalTable::tr("1 when the input geometry was invalid and was repaired"),
        [&](std::size_t i) { return QVariant(ps[i].repaired ? 1 : 0); });

    std::vector<std::vector<double>> allClasses; // per band, computed when a class column is asked for
    for (std::size_t b = 0; b < result.bands.size(); ++b) {
        const gis::ZonalBand& band = result.bands[b];
        const std::string p = band.prefix + "_";
        auto st = [&result, b](std::size_t i) -> const gis::ZonalStats& { return result.stats[i][b]; };
        const QString bandUnit = b < bandUnits.size() ? bandUnits[b].trimmed() : QString();
        unit = QStringLiteral("cells");
        if (gis::has(stats, Stat::Count))
            addReal(
              p + "count_cells",
              ZonalTable::tr("Coverage-weighted count of valid cells"),
              [=](std::size_t i) { return st(i).count; },
              false);
        unit = bandUnit.isEmpty() ? QString() : bandUnit + QStringLiteral("·cells");
        if (gis::has(stats, Stat::Sum))
            addReal(
              p + "sum",
              ZonalTable::tr("Coverage-weighted sum of cell values (value × cells)"),
              [=](std::size_t i) { return st(i).sum; },
              false);
        unit = bandUnit; // the values' own unit: mean, min, max, stdev, majority, minority
        if (gis::has(stats, Stat::Mean))
            addReal(
              p + "mean",
              ZonalTable::tr("Coverage-weighted mean value"),
              [=](std::size_t i) { return st(i).mean; },
              true);
        if (gis::has(stats, Stat::Min))
            addReal(
              p + "min",
              ZonalTable::tr("Smallest value of a covered valid cell"),
              [=](std::size_t i) { return st(i).min; },
              true);
        if (gis::has(stats, Stat::Max))
            addReal(
              p + "max",
              ZonalTable::tr("Largest value of a covered valid cell"),
              [=](std::size_t i) { return st(i).max; },
              true);
        if (gis::has(stats, Stat::Stdev))
            addReal(
              p + "stdev",
              ZonalTable::tr("Coverage-weighted population standard deviation"),
              [=](std::size_t i) { return st(i).stdev; },
              true);
        if (gis::has(stats, Stat::Majority))
            addReal(
              p + "majority",
              ZonalTable::tr("Value covering the largest area"),
              [=](std::size_t i) { return st(i).majority; },
              true);
        if (gis::has(stats, Stat::Minority))
            addReal(
              p + "minority",
              ZonalTable::tr("Value covering the smallest area"),
              [=](std::size_t i) { return st(i).minority; },
              true);
        unit = share; // a count of values
        if (gis::has(stats, Stat::Variety))
            add(p + "variety",
                Type::Integer,
                ZonalTable::tr("Number of distinct values"),
                [=](std::size_t i) { return QVariant(st(i).variety); });
        if (gis::has(stats, Stat::Frac) || gis::has(stats, Stat::Area)) {
            if (allClasses.empty())
                allClasses = classesPerBand(result);
            const std::vector<double>& classes = allClasses[b];
            // A column per class is meant for categorical rasters (land cover); a continuous band
            // (NDVI, biomass) has a value per cell and would give thousands of columns (GeoPackage
            // stops at 2,000): refuse it with what to use instead.
            if (classes.size() > kMaxClassColumns)
                throw gis::GisError(
                  gis::GisError::Kind::InvalidArgument,
                  ZonalTable::tr("band %1 has %2 distinct values: class shares and areas (frac, area) "
                                 "are for categorical rasters such as land cover (at most %3 classes). "
                                 "For a continuous raster use mean, sum, min, max or stdev.")
                    .arg(QString::fromStdString(band.prefix))
                    .arg(classes.size())
                    .arg(kMaxClassColumns)
                    .toStdString());
            for (double v : classes) {
                if (gis::has(stats, Stat::Frac)) {
                    unit = share;
                    addReal(
                      p + "frac_" + classLabel(v),
                      ZonalTable::tr("Share of the valid covered area in class %1 (0–1)").arg(v),
                      [=](std::size_t i) { return st(i).fraction(v); },
                      false);
                    out.back().classKind = Producer::ClassKind::Fraction;
                    out.back().classBand = b;
                    out.back().classValue = v;
                }
            }
            for (double v : classes) {
                if (gis::has(stats, Stat::Area)) {
                    unit = ha;
                    addReal(
                      p + "area_ha_" + classLabel(v),
                      ZonalTable::tr("True area of class %1, ha").arg(v),
                      [=](std::size_t i) { return st(i).classAreaM2(v) / kM2PerHa; },
                      false);
                    out.back().classKind = Producer::ClassKind::AreaHa;
                    out.back().classBand = b;
                    out.back().classValue = v;
                }
            }
        }
        unit = ha;
        addReal(
          p + "nodata_ha",
          ZonalTable::tr("True area of covered nodata cells, ha"),
          [=](std::size_t i) { return st(i).nodataAreaM2 / kM2PerHa; },
          false);
        addReal(
          p + "outside_ha",
          ZonalTable::tr("Part of the parcel outside the raster, ha"),
          [=, &ps](std::size_t i) {
              const double insideM2 = st(i).validAreaM2 + st(i).nodataAreaM2;
              return std::max(0.0, ps[i].ellipsoidalAreaM2 - insideM2) / kM2PerHa;
          },
          false);
    }
    return out;
}

} // namespace

std::vector<ZonalTableColumn> zonalColumns(const gis::ParcelSet& parcels,
                                           const QString& idField,
                                           const gis::ZonalResult& result,
                                           gis::StatSet stats) {
    std::vector<ZonalTableColumn> cols;
    for (Producer& p : producers(parcels, idField, result, stats, {}))
        cols.push_back(std::move(p.column));
    return cols;
}

const std::vector<ZonalStatName>& zonalStatNames() {
    static const std::vector<ZonalStatName> names = {
        { "count", Stat::Count, QT_TRANSLATE_NOOP("Analysis", "count of valid cells (coverage-weighted)") },
        { "sum", Stat::Sum, QT_TRANSLATE_NOOP("Analysis", "sum") },
        { "mean", Stat::Mean, QT_TRANSLATE_NOOP("Analysis", "mean") },
        { "min", Stat::Min, QT_TRANSLATE_NOOP("Analysis", "minimum") },
        { "max", Stat::Max, QT_TRANSLATE_NOOP("Analysis", "maximum") },
        { "stdev", Stat::Stdev, QT_TRANSLATE_NOOP("Analysis", "standard deviation") },
        { "majority", Stat::Majority, QT_TRANSLATE_NOOP("Analysis", "majority class") },
        { "minority", Stat::Minority, QT_TRANSLATE_NOOP("Analysis", "minority class") },
        { "variety", Stat::Variety, QT_TRANSLATE_NOOP("Analysis", "number of classes") },
        { "frac", Stat::Frac, QT_TRANSLATE_NOOP("Analysis", "share of each class") },
        { "area", Stat::Area, QT_TRANSLATE_NOOP("Analysis", "area of each class (ha)") },
    };
    return names;
}

analysis::Table zonalResultTable(std::shared_ptr<const gis::ParcelSet> parcels,
                                 const QString& idField,
                                 std::shared_ptr<const gis::ZonalResult> result,
                                 gis::StatSet stats,
                                 const std::vector<QString>& bandUnits) {
    // The producers read *parcels and *result by reference: the row source keeps both alive.
    auto prod =
      std::make_shared<const std::vector<Producer>>(producers(*parcels, idField, *result, stats, bandUnits));
    analysis::Table t;
    t.name = QStringLiteral("zonal");
    t.title = QStringLiteral("Zonal statistics per parcel");
    t.description = QStringLiteral("One row per parcel: its exact cell coverage of every raster band, the "
                                   "statistics over it, class shares and areas (docs/zonal-statistics.md).");
    for (const Producer& p : *prod)
        t.columns.push_back({ QString::fromStdString(p.column.column.name),
                              p.column.unit,
                              p.column.description,
                              p.column.column.type });
    t.hasGeometry = !parcels->parcels.empty() && !parcels->parcels.front().wkb.empty();
    t.crs = parcels->crs;
    t.lazyRowCount = parcels->parcels.size();
    t.source =
      [parcels, result, prod](std::size_t row, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          for (std::size_t c = 0; c < prod->size(); ++c)
              v[c] = (*prod)[c].value(row);
          wkb = parcels->parcels[row].wkb;
      };
    return t;
}

void writeZonalTable(const std::string& path,
                     const gis::ParcelSet& parcels,
                     const QString& idField,
                     const gis::ZonalResult& result,
                     gis::StatSet stats,
                     gis::Feedback* feedback) {
    if (feedback)
        feedback->throwIfCancelled();
    const std::vector<Producer> prod = producers(parcels, idField, result, stats, {});
    std::vector<gis::TableColumn> columns;
    for (const Producer& p : prod)
        columns.push_back(p.column.column);
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") {
        // CSV: real columns are formatted straight from their doubles (the same text as through a
        // QVariant, see gis::appendCsvNumber), which makes writing a large table several times faster.
        // A band's class columns (ascending class values, as the parcel's class list) are filled in
        // one merge walk, with the same arithmetic as ZonalStats::fraction/classAreaM2.
        gis::writeCsvRows(
          path, columns, parcels.parcels.size(), [&](std::size_t begin, std::size_t end, std::string& text) {
              for (std::size_t row = begin; row < end; ++row) {
                  for (std::size_t c = 0; c < prod.size(); ++c) {
                      if (c)
                          text += ',';
                      const Producer& pc = prod[c];
                      if (pc.classKind != Producer::ClassKind::None) {
                          const gis::ZonalStats& st = result.stats[row][pc.classBand];
                          auto it = st.classes.begin();
                          for (;; ++c) {
                              const Producer& q = prod[c];
                              while (it != st.classes.end() && it->value < q.classValue)
                                  ++it;
                              const bool found = it != st.classes.end() && it->value == q.classValue;
                              if (q.classKind == Producer::ClassKind::Fraction)
                                  gis::appendCsvNumber(text,
                                                       found && st.count > 0 ? it->cells / st.count : 0.0);
                              else
                                  gis::appendCsvNumber(text, (found ? it->areaM2 : 0.0) / kM2PerHa);
                              const bool more = c + 1 < prod.size() && prod[c + 1].classKind == q.classKind &&
                                                prod[c + 1].classBand == q.classBand &&
                                                prod[c + 1].classValue > q.classValue;
                              if (!more)
                                  break;
                              text += ',';
                          }
                          continue;
                      }
                      if (pc.real)
                          gis::appendCsvNumber(text, pc.real(row));
                      else
                          gis::appendCsvValue(text, pc.value(row));
                  }
                  text += '\n';
              }
          });
        return;
    }
    gis::writeTable(
      path,
      columns,
      parcels.parcels.size(),
      [&](std::size_t row, std::vector<QVariant>& values, std::vector<unsigned char>& wkb) {
          if (feedback && (row & 1023) == 0)
              feedback->throwIfCancelled(); // the staging file is removed, `path` kept
          for (std::size_t c = 0; c < prod.size(); ++c)
              values[c] = prod[c].value(row);
          wkb = parcels.parcels[row].wkb;
      },
      true,
      parcels.crs);
}

} // namespace tanhui::models
