// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/CarbonTables.h"

#include "gis/ParcelReader.h"
#include "gis/TableWriter.h"

#include <QCoreApplication>

#include <cmath>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonTables {
    Q_DECLARE_TR_FUNCTIONS(CarbonTables)
};

using Type = gis::TableColumn::Type;

struct Row {
    QString quantity;
    double value;
    QString unit;
};

void writeRows(const std::string& path, const std::vector<Row>& rows) {
    gis::writeTable(path,
                    { { "quantity", Type::String }, { "value", Type::Real }, { "unit", Type::String } },
                    rows.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v[0] = rows[i].quantity;
                        v[1] = rows[i].value;
                        v[2] = rows[i].unit;
                    });
}

QString pairSuffix(const PairTotals& p) {
    return QStringLiteral("%1_%2").arg(p.year1).arg(p.year2);
}

} // namespace

void writeTotalsTable(const std::string& path,
                      const PoolRunResult& run,
                      const std::vector<ExtraTotalRow>& extraRows) {
    std::vector<Row> rows;
    const QString tC = QStringLiteral("t C");
    for (const DateTotals& d : run.dates)
        rows.push_back({ QStringLiteral("stock_%1").arg(d.year), d.totalT, tC });
    for (const PairTotals& p : run.pairs) {
        rows.push_back({ QStringLiteral("change_") + pairSuffix(p), p.changeT, tC });
        rows.push_back({ QStringLiteral("stock_difference_") + pairSuffix(p), p.stockDifferenceT, tC });
    }
    for (const PairTotals& p : run.pairs)
        if (p.npv)
            rows.push_back({ QStringLiteral("npv"), *p.npv, QStringLiteral("currency") });
    if (run.valuationConstant)
        rows.push_back(
          { QStringLiteral("valuation_constant"), *run.valuationConstant, QStringLiteral("currency/t C") });
    for (const DateTotals& d : run.dates) {
        for (int p = 0; p < kPoolCount; ++p)
            rows.push_back({ QStringLiteral("%1_%2").arg(QString::fromLatin1(poolName(p))).arg(d.year),
                             d.poolT[std::size_t(p)],
                             tC });
        rows.push_back({ QStringLiteral("valid_area_%1").arg(d.year), d.validAreaHa, QStringLiteral("ha") });
        rows.push_back(
          { QStringLiteral("nodata_area_%1").arg(d.year), d.nodataAreaHa, QStringLiteral("ha") });
    }
    for (const PairTotals& p : run.pairs) {
        rows.push_back({ QStringLiteral("change_tco2e_") + pairSuffix(p),
                         p.changeT * kCo2PerC,
                         QStringLiteral("t CO2e") });
        rows.push_back(
          { QStringLiteral("both_valid_area_") + pairSuffix(p), p.bothValidAreaHa, QStringLiteral("ha") });
    }
    rows.push_back({ QStringLiteral("flagged_parameter_rows"),
                     double(run.flaggedClasses().size()),
                     QStringLiteral("rows") });
    for (const ExtraTotalRow& e : extraRows)
        rows.push_back({ e.quantity, e.value, e.unit });
    writeRows(path, rows);
}

void writeClassTotalsTable(const std::string& path, const PoolRunResult& run, const PoolLookup& pools) {
    struct R {
        int year;
        const PoolClass* c;
        double ha;
    };
    std::vector<R> rows;
    for (const DateTotals& d : run.dates)
        for (const auto& [code, ha] : d.classAreaHa)
            rows.push_back({ d.year, pools.find(code), ha });
    const std::vector<gis::TableColumn> columns = {
        { "year", Type::Integer },          { "lucode", Type::Integer }, { "lulc_name", Type::String },
        { "area_ha", Type::Real },          { "c_above_t", Type::Real }, { "c_below_t", Type::Real },
        { "c_soil_t", Type::Real },         { "c_dead_t", Type::Real },  { "c_total_t", Type::Real },
        { "c_total_t_per_ha", Type::Real }, { "tag", Type::String },     { "source", Type::String },
    };
    gis::writeTable(
      path, columns, rows.size(), [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
          const R& r = rows[i];
          v[0] = r.year;
          v[1] = qint64(r.c->code);
          v[2] = r.c->name;
          v[3] = r.ha;
          for (int p = 0; p < kPoolCount; ++p)
              v[std::size_t(4 + p)] = r.ha * r.c->density[std::size_t(p)];
          v[8] = r.ha * r.c->total();
          v[9] = r.c->total();
          v[10] = params::tagName(r.c->tag);
          v[11] = r.c->source;
      });
}

void writeParametersUsedTable(const std::string& path, const PoolRunResult& run) {
    const std::vector<gis::TableColumn> columns = {
        { "lucode", Type::Integer },
        { "lulc_name", Type::String },
        { "c_above_t_per_ha", Type::Real },
        { "c_below_t_per_ha", Type::Real },
        { "c_soil_t_per_ha", Type::Real },
        { "c_dead_t_per_ha", Type::Real },
        { "tag", Type::String },
        { "flagged", Type::Integer },
        { "source", Type::String },
        { "file", Type::String },
        { "row", Type::Integer },
    };
    const std::vector<PoolClass>& rows = run.classesUsed;
    gis::writeTable(
      path, columns, rows.size(), [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
          const PoolClass& c = rows[i];
          v[0] = qint64(c.code);
          v[1] = c.name;
          for (int p = 0; p < kPoolCount; ++p)
              v[std::size_t(2 + p)] = c.density[std::size_t(p)];
          v[6] = params::tagName(c.tag);
          v[7] = params::isFlagged(c.tag) ? 1 : 0;
          v[8] = c.source;
          v[9] = c.file;
          v[10] = c.line;
      });
}

std::vector<CarbonColumn> parcelColumns(const QString& idField, const PoolRunResult& run) {
    std::vector<CarbonColumn> cols;
    auto add = [&](const QString& name, Type type, const QString& description) {
        cols.push_back({ { name.toStdString(), type }, description });
    };
    add(QStringLiteral("fid"), Type::Integer, CarbonTables::tr("feature id in the parcel layer"));
    if (!idField.isEmpty())
        add(idField, Type::String, CarbonTables::tr("the parcel id field"));
    add(QStringLiteral("ecosystem_type"),
        Type::String,
        CarbonTables::tr("majority land-cover class at the last date: code and name"));
    add(QStringLiteral("method"),
        Type::String,
        CarbonTables::tr("carbon method: pools (IPCC Tier 1 / InVEST pool table)"));
    add(QStringLiteral("area_ha"), Type::Real, CarbonTables::tr("ellipsoidal parcel area, ha"));
    for (const DateTotals& d : run.dates) {
        for (int p = 0; p < kPoolCount; ++p)
            add(QStringLiteral("%1_t_%2").arg(QString::fromLatin1(poolName(p))).arg(d.year),
                Type::Real,
                CarbonTables::tr("%1 stock in %2, t C").arg(QString::fromLatin1(poolName(p))).arg(d.year));
        add(QStringLiteral("c_total_t_%1").arg(d.year),
            Type::Real,
            CarbonTables::tr("total carbon stock in %1, t C").arg(d.year));
        add(QStringLiteral("c_total_t_per_ha_%1").arg(d.year),
            Type::Real,
            CarbonTables::tr("total carbon density in %1 over the parcel's valid area, t C/ha").arg(d.year));
        add(QStringLiteral("nodata_ha_%1").arg(d.year),
            Type::Real,
            CarbonTables::tr("covered nodata area in %1, ha").arg(d.year));
    }
    for (const PairTotals& p : run.pairs) {
        const QString s = pairSuffix(p);
        add(QStringLiteral("change_t_") + s,
            Type::Real,
            CarbonTables::tr("carbon change %1 to %2 over cells valid on both dates, t C (positive = gain)")
              .arg(p.year1)
              .arg(p.year2));
        add(QStringLiteral("change_tco2e_") + s,
            Type::Real,
            CarbonTables::tr("the same change in t CO2e (× 44/12)"));
        add(QStringLiteral("change_t_per_yr_") + s,
            Type::Real,
            CarbonTables::tr("the same change per year, t C/yr"));
        add(QStringLiteral("stock_difference_t_") + s,
            Type::Real,
            CarbonTables::tr("difference of the two stocks, each over its own valid cells, t C"));
    }
    add(
      QStringLiteral("flagged_parameters"),
      Type::String,
      CarbonTables::tr("land-cover codes whose pool values are tagged secondary, unconfirmed or example (see "
                       "parameters_used.csv)"));
    add(QStringLiteral("nodata_share"),
        Type::Real,
        CarbonTables::tr("largest share of the parcel's covered area that is nodata, 0-1"));
    add(QStringLiteral("geometry_repaired"),
        Type::Integer,
        CarbonTables::tr("1 when the parcel geometry was invalid and repaired"));
    return cols;
}

void writeParcelTable(const std::string& path,
                      const gis::ParcelSet& parcels,
                      const QString& idField,
                      const PoolRunResult& run,
                      const PoolLookup& pools,
                      const std::vector<ParcelCarbon>& carbon,
                      const ExtraColumns* extra) {
    const std::vector<CarbonColumn> described = parcelColumns(idField, run);
    std::vector<gis::TableColumn> columns;
    for (const CarbonColumn& c : described)
        columns.push_back(c.column);
    if (extra)
        columns.insert(columns.end(), extra->columns.begin(), extra->columns.end());
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    const bool csv = QString::fromStdString(path).endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    if (csv) {
        // CSV: each row formatted straight into text (gis::writeCsvRows) instead of a QVariant per
        // cell, field by field as writeTable() writes the values of the branch below (numbers with
        // appendCsvNumber, which is appendCsvValue of the double; text with appendCsvValue): the same
        // bytes. Extra columns with formatCsv() append their own fields, others go through fill().
        gis::writeCsvRows(
          path, columns, parcels.parcels.size(), [&](std::size_t begin, std::size_t end, std::string& text) {
              std::vector<QVariant> extraValues;
              for (std::size_t i = begin; i < end; ++i) {
                  const gis::Parcel& parcel = parcels.parcels[i];
                  const ParcelCarbon& pc = carbon[i];
                  auto number = [&](double v) {
                      text += ',';
                      gis::appendCsvNumber(text, v);
                  };
                  auto value = [&](const QVariant& v) {
                      text += ',';
                      gis::appendCsvValue(text, v);
                  };
                  text += std::to_string(qint64(parcel.fid));
                  if (!idField.isEmpty())
                      value(parcel.id);
                  const double majority = pc.dates.back().majorityClass;
                  if (std::isnan(majority)) {
                      text += ',';
                  } else {
                      const PoolClass* c = pools.find(std::int64_t(std::llround(majority)));
                      value(QString::number(qint64(std::llround(majority))) +
                            (c && !c->name.isEmpty() ? QStringLiteral(" ") + c->name : QString()));
                  }
                  text += ",pools";
                  number(parcel.ellipsoidalAreaM2 / 10000.0);
                  double nodataShare = 0;
                  for (const ParcelDate& d : pc.dates) {
                      for (int p = 0; p < kPoolCount; ++p)
                          number(d.poolT[std::size_t(p)]);
                      number(d.totalT);
                      if (d.validAreaHa > 0)
                          number(d.totalT / d.validAreaHa);
                      else
                          text += ',';
                      number(d.nodataAreaHa);
                      const double covered = d.validAreaHa + d.nodataAreaHa;
                      if (covered > 0)
                          nodataShare = std::max(nodataShare, d.nodataAreaHa / covered);
                  }
                  for (std::size_t p = 0; p < run.pairs.size(); ++p) {
                      const double years = run.pairs[p].year2 - run.pairs[p].year1;
                      number(pc.changeT[p]);
                      number(pc.changeT[p] * kCo2PerC);
                      number(pc.changeT[p] / years);
                      number(pc.stockDifferenceT[p]);
                  }
                  QStringList flagged;
                  for (std::int64_t c : pc.flaggedCodes)
                      flagged << QString::number(c);
                  value(flagged.join(QLatin1Char(' ')));
                  number(nodataShare);
                  text += parcel.repaired ? ",1" : ",0";
                  if (extra && extra->formatCsv) {
                      extra->formatCsv(i, text);
                  } else if (extra) {
                      extraValues.assign(extra->columns.size(), QVariant());
                      extra->fill(i, extraValues, 0);
                      for (const QVariant& v : extraValues)
                          value(v);
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
      [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          const gis::Parcel& parcel = parcels.parcels[i];
          const ParcelCarbon& pc = carbon[i];
          std::size_t k = 0;
          v[k++] = qint64(parcel.fid);
          if (!idField.isEmpty())
              v[k++] = parcel.id;
          const double majority = pc.dates.back().majorityClass;
          if (std::isnan(majority)) {
              v[k++] = QVariant();
          } else {
              const PoolClass* c = pools.find(std::int64_t(std::llround(majority)));
              v[k++] = QString::number(qint64(std::llround(majority))) +
                       (c && !c->name.isEmpty() ? QStringLiteral(" ") + c->name : QString());
          }
          v[k++] = QStringLiteral("pools");
          v[k++] = parcel.ellipsoidalAreaM2 / 10000.0;
          double nodataShare = 0;
          for (const ParcelDate& d : pc.dates) {
              for (int p = 0; p < kPoolCount; ++p)
                  v[k++] = d.poolT[std::size_t(p)];
              v[k++] = d.totalT;
              v[k++] = d.validAreaHa > 0 ? QVariant(d.totalT / d.validAreaHa) : QVariant();
              v[k++] = d.nodataAreaHa;
              const double covered = d.validAreaHa + d.nodataAreaHa;
              if (covered > 0)
                  nodataShare = std::max(nodataShare, d.nodataAreaHa / covered);
          }
          for (std::size_t p = 0; p < run.pairs.size(); ++p) {
              const double years = run.pairs[p].year2 - run.pairs[p].year1;
              v[k++] = pc.changeT[p];
              v[k++] = pc.changeT[p] * kCo2PerC;
              v[k++] = pc.changeT[p] / years;
              v[k++] = pc.stockDifferenceT[p];
          }
          QStringList flagged;
          for (std::int64_t c : pc.flaggedCodes)
              flagged << QString::number(c);
          v[k++] = flagged.join(QLatin1Char(' '));
          v[k++] = nodataShare;
          v[k++] = parcel.repaired ? 1 : 0;
          if (extra)
              extra->fill(i, v, k);
          if (gpkg)
              wkb = parcel.wkb;
      },
      gpkg,
      parcels.crs);
}

} // namespace tanhui::models::carbon
