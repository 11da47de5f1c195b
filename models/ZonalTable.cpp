// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ZonalTable.h"

#include "gis/ParcelReader.h"
#include "gis/ZonalEngine.h"

#include <QCoreApplication>
#include <QtCore/qcoreapplication.h>

#include <cmath>
#include <functional>
#include <set>

namespace tanhui::models {

namespace {

using gis::Stat;
using Type = gis::TableColumn::Type;

constexpr double kM2PerHa = 10000.0;

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

/// A column and the function that produces its value for a parcel index.
struct Producer {
    ZonalTableColumn column;
    std::function<QVariant(std::size_t)> value;
};

std::vector<Producer> producers(const gis::ParcelSet& parcels,
                                const QString& idField,
                                const gis::ZonalResult& result,
                                gis::StatSet stats) {
    std::vector<Producer> out;
    auto add =
      [&](std::string name, Type type, QString description, std::function<QVariant(std::size_t)> fn) {
          out.push_back({ { { std::move(name), type }, std::move(description) }, std::move(fn) });
      };
    const auto& ps = parcels.parcels;
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
    add("area_ha",
        Type::Real,
        ZonalTable::tr("Ellipsoidal (true) area of the parcel, ha"),
        [&](std::size_t i) { return ps[i].ellipsoidalAreaM2 / kM2PerHa; });
    add("planar_area_ha",
        Type::Real,
        ZonalTable::tr("Planar area in the layer's projected CRS, ha"),
        [&](std::size_t i) {
            return parcels.crs.isGeographic() ? QVariant() : QVariant(ps[i].planarAreaM2 / kM2PerHa);
        });
    add("geometry_repaired",
        Type::Integer,
        ZonalTable::tr("1 when the input geometry was invalid and was repaired"),
        [&](std::size_t i) { return QVariant(ps[i].repaired ? 1 : 0); });

    for (std::size_t b = 0; b < result.bands.size(); ++b) {
        const gis::ZonalBand& band = result.bands[b];
        const std::string p = band.prefix + "_";
        auto st = [&result, b](std::size_t i) -> const gis::ZonalStats& { return result.stats[i][b]; };
        auto num = [](double v) { return std::isnan(v) ? QVariant() : QVariant(v); };
        if (gis::has(stats, Stat::Count))
            add(p + "count_cells",
                Type::Real,
                ZonalTable::tr("Coverage-weighted count of valid cells"),
                [=](std::size_t i) { return QVariant(st(i).count); });
        if (gis::has(stats, Stat::Sum))
            add(p + "sum",
                Type::Real,
                ZonalTable::tr("Coverage-weighted sum of cell values (value × cells)"),
                [=](std::size_t i) { return QVariant(st(i).sum); });
        if (gis::has(stats, Stat::Mean))
            add(p + "mean", Type::Real, ZonalTable::tr("Coverage-weighted mean value"), [=](std::size_t i) {
                return num(st(i).mean);
            });
        if (gis::has(stats, Stat::Min))
            add(p + "min",
                Type::Real,
                ZonalTable::tr("Smallest value of a covered valid cell"),
                [=](std::size_t i) { return num(st(i).min); });
        if (gis::has(stats, Stat::Max))
            add(p + "max",
                Type::Real,
                ZonalTable::tr("Largest value of a covered valid cell"),
                [=](std::size_t i) { return num(st(i).max); });
        if (gis::has(stats, Stat::Stdev))
            add(p + "stdev",
                Type::Real,
                ZonalTable::tr("Coverage-weighted population standard deviation"),
                [=](std::size_t i) { return num(st(i).stdev); });
        if (gis::has(stats, Stat::Majority))
            add(p + "majority",
                Type::Real,
                ZonalTable::tr("Value covering the largest area"),
                [=](std::size_t i) { return num(st(i).majority); });
        if (gis::has(stats, Stat::Minority))
            add(p + "minority",
                Type::Real,
                ZonalTable::tr("Value covering the smallest area"),
                [=](std::size_t i) { return num(st(i).minority); });
        if (gis::has(stats, Stat::Variety))
            add(p + "variety",
                Type::Integer,
                ZonalTable::tr("Number of distinct values"),
                [=](std::size_t i) { return QVariant(st(i).variety); });
        if (gis::has(stats, Stat::Frac) || gis::has(stats, Stat::Area)) {
            std::set<double> classes;
            for (const auto& row : result.stats)
                for (const gis::ClassTotal& c : row[b].classes)
                    classes.insert(c.value);
            for (double v : classes) {
                if (gis::has(stats, Stat::Frac))
                    add(p + "frac_" + classLabel(v),
                        Type::Real,
                        ZonalTable::tr("Share of the valid covered area in class %1 (0–1)").arg(v),
                        [=](std::size_t i) { return QVariant(st(i).fraction(v)); });
            }
            for (double v : classes) {
                if (gis::has(stats, Stat::Area))
                    add(p + "area_ha_" + classLabel(v),
                        Type::Real,
                        ZonalTable::tr("True area of class %1, ha").arg(v),
                        [=](std::size_t i) { return QVariant(st(i).classAreaM2(v) / kM2PerHa); });
            }
        }
        add(p + "nodata_ha",
            Type::Real,
            ZonalTable::tr("True area of covered nodata cells, ha"),
            [=](std::size_t i) { return QVariant(st(i).nodataAreaM2 / kM2PerHa); });
        add(p + "outside_ha",
            Type::Real,
            ZonalTable::tr("Part of the parcel outside the raster, ha"),
            [=, &ps](std::size_t i) {
                const double insideM2 = st(i).validAreaM2 + st(i).nodataAreaM2;
                return QVariant(std::max(0.0, ps[i].ellipsoidalAreaM2 - insideM2) / kM2PerHa);
            });
    }
    return out;
}

} // namespace

std::vector<ZonalTableColumn> zonalColumns(const gis::ParcelSet& parcels,
                                           const QString& idField,
                                           const gis::ZonalResult& result,
                                           gis::StatSet stats) {
    std::vector<ZonalTableColumn> cols;
    for (Producer& p : producers(parcels, idField, result, stats))
        cols.push_back(std::move(p.column));
    return cols;
}

void writeZonalTable(const std::string& path,
                     const gis::ParcelSet& parcels,
                     const QString& idField,
                     const gis::ZonalResult& result,
                     gis::StatSet stats) {
    const std::vector<Producer> prod = producers(parcels, idField, result, stats);
    std::vector<gis::TableColumn> columns;
    for (const Producer& p : prod)
        columns.push_back(p.column.column);
    gis::writeTable(
      path,
      columns,
      parcels.parcels.size(),
      [&](std::size_t row, std::vector<QVariant>& values, std::vector<unsigned char>& wkb) {
          for (std::size_t c = 0; c < prod.size(); ++c)
              values[c] = prod[c].value(row);
          wkb = parcels.parcels[row].wkb;
      },
      true,
      parcels.crs);
}

} // namespace tanhui::models
