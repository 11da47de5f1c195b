// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/GainLossMethod.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "gis/TableWriter.h"
#include "models/carbon/Valuation.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string_view>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonGainLoss {
    Q_DECLARE_TR_FUNCTIONS(CarbonGainLoss)
};

constexpr std::int64_t kMaxClassCode = 65535;

QString flagOf(const QString& file, const QString& key, params::Tag tag) {
    return QFileInfo(file).fileName() + QLatin1Char(':') + key + QLatin1Char(':') + params::tagName(tag);
}

} // namespace

const params::TableSpec& growthRatesSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "growth_rates";
        s.keyColumn = "forest_type";
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "forest type");
        // §3.5 Tables 4.9 / 4.10: 0.4–15 t d.m./ha/yr; 60 catches unit mistakes (t C vs kg, m³).
        s.values = {
            { "g_w",
              QT_TRANSLATE_NOOP("Parameters", "above-ground net biomass growth"),
              "t d.m./ha/yr",
              0,
              60 },
            { "g_w_sd",
              QT_TRANSLATE_NOOP("Parameters", "standard deviation of the growth"),
              "t d.m./ha/yr",
              0,
              60,
              false,
              false },
            { "r", QT_TRANSLATE_NOOP("Parameters", "root-to-shoot ratio"), "t/t", 0, 5 },
            { "cf",
              QT_TRANSLATE_NOOP("Parameters", "carbon fraction of dry matter"),
              "t C/t d.m.",
              0.3,
              0.6 },
        };
        s.textColumns = { "gez", "continent", "origin", "uncertainty_note" };
        // Optional uncertainty columns of g_w, r, cf (r_u_pct, cf_dist, cf_min, …, u_source; g_w's SD is
        // the numeric g_w_sd, docs/uncertainty.md); none for g_w_sd itself.
        uncertainty::addUncertaintyColumns(s);
        std::erase_if(s.textColumns,
                      [](const char* c) { return std::string_view(c).starts_with("g_w_sd_"); });
        s.defaultPath = "carbon/growth_rates.csv";
        return s;
    }();
    return spec;
}

const params::ParameterSpec& disturbanceFractionParameter() {
    static const params::ParameterSpec spec = [] {
        params::ParameterSpec s;
        s.id = "fd";
        s.label = QT_TRANSLATE_NOOP("Parameters", "fraction of the biomass lost in a disturbance (fd)");
        s.unit = "fraction";
        s.min = 0;
        s.max = 1;
        s.defaultValue = 1.0;
        s.source = "carbon-methods.md §3.2 Eq. 2.14: fd = 1 for clear-cut or conversion (Tier 1 B_AFTER = 0)";
        s.tag = params::Tag::Verified;
        return s;
    }();
    return spec;
}

double growthCarbonPerHaYr(double gW, double r, double cf) {
    // carbon-methods.md §3.2 Eq. 2.10: G_TOTAL = G_W × (1 + R); Eq. 2.9: ΔC_G = A × G_TOTAL × CF.
    return gW * (1.0 + r) * cf;
}

double disturbanceLossPerHa(double bW, double r, double cf, double fd) {
    // carbon-methods.md §3.2 Eq. 2.14: L_disturbance = A_dist × B_W × (1 + R) × CF × fd.
    return bW * (1.0 + r) * cf * fd;
}

double biomassCarbonPerHa(double bW, double r, double cf) {
    return bW * (1.0 + r) * cf;
}

GrowthLookup::GrowthLookup(const params::ParameterTable& table) {
    const int gw = table.columnIndex(QStringLiteral("g_w"));
    const int sd = table.columnIndex(QStringLiteral("g_w_sd"));
    const int r = table.columnIndex(QStringLiteral("r"));
    const int cf = table.columnIndex(QStringLiteral("cf"));
    auto value = [](const params::TableRow& row, int i) -> std::optional<double> {
        return i >= 0 && std::size_t(i) < row.values.size() ? row.values[std::size_t(i)] : std::nullopt;
    };
    for (const params::TableRow& row : table.rows()) {
        ForestType t;
        t.name = row.key;
        t.gW = value(row, gw).value_or(0);
        t.gWSd = value(row, sd);
        t.r = value(row, r).value_or(0);
        t.cf = value(row, cf).value_or(0);
        t.tag = row.tag;
        t.source = row.source;
        t.file = row.file;
        t.line = row.line;
        m_types.push_back(t);
    }
}

std::optional<ForestType> GrowthLookup::find(const QString& name) const {
    for (const ForestType& t : m_types)
        if (t.name == name)
            return t;
    return std::nullopt;
}

QStringList GrowthLookup::names() const {
    QStringList n;
    for (const ForestType& t : m_types)
        n << t.name;
    return n;
}

std::map<std::int64_t, QString> defaultForestClasses() {
    return { { 11, QStringLiteral("natural_secondary_old") },
             { 12, QStringLiteral("plantation") },
             { 13, QStringLiteral("plantation") } };
}

std::optional<std::pair<std::int64_t, QString>> parseForestClass(const QString& text) {
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return std::nullopt;
    bool ok = false;
    const qlonglong code = text.left(eq).trimmed().toLongLong(&ok);
    const QString type = text.mid(eq + 1).trimmed();
    if (!ok || code < 0 || code > kMaxClassCode || type.isEmpty())
        return std::nullopt;
    return std::pair{ std::int64_t(code), type };
}

std::optional<std::map<std::int64_t, QString>> parseForestClasses(const QString& text) {
    std::map<std::int64_t, QString> classes;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto m = parseForestClass(part.trimmed());
        if (!m)
            return std::nullopt;
        classes[m->first] = m->second;
    }
    if (classes.empty())
        return std::nullopt;
    return classes;
}

params::Issues validateGainLossInputs(const std::vector<LulcInput>& inputs,
                                      const PoolLookup& pools,
                                      const QString& poolsFile,
                                      const GrowthLookup& growth,
                                      const QString& growthFile,
                                      const GainLossSettings& settings,
                                      gis::Feedback* feedback) {
    params::Issues issues;
    auto error = [&](const QString& file, const QString& column, const QString& message) {
        issues.push_back({ params::Issue::Severity::Error, file, 0, column, message });
    };
    if (inputs.size() < 2)
        error({},
              QStringLiteral("--lulc"),
              CarbonGainLoss::tr("the gain-loss method needs land cover at two dates or more (%1 given)")
                .arg(inputs.size()));
    if (settings.fd < 0 || settings.fd > 1)
        error(
          {},
          QStringLiteral("--fd"),
          CarbonGainLoss::tr("the disturbed fraction fd must lie between 0 and 1, not %1").arg(settings.fd));
    if (settings.forestClasses.empty())
        error({},
              QStringLiteral("--forest-class"),
              CarbonGainLoss::tr("no land-cover class is mapped to a forest type"));
    for (const auto& [code, type] : settings.forestClasses) {
        if (!growth.find(type))
            error(growthFile,
                  QStringLiteral("forest_type"),
                  CarbonGainLoss::tr(
                    "class %1 is mapped to the forest type '%2', which the growth table does not "
                    "have; known: %3")
                    .arg(code)
                    .arg(type, growth.names().join(QStringLiteral(", "))));
        if (!pools.find(code))
            error(poolsFile,
                  QStringLiteral("lucode"),
                  CarbonGainLoss::tr(
                    "forest class %1 has no row in the pools table (its c_above and c_below give "
                    "the biomass lost in a disturbance)")
                    .arg(code));
    }
    for (const auto& [code, cls] : pools.classes())
        if (code < 0 || code > kMaxClassCode)
            error(poolsFile,
                  QStringLiteral("lucode"),
                  CarbonGainLoss::tr("land-cover code %1 is outside 0–65535, which transition codes need")
                    .arg(code));
    if (inputs.size() >= 1) {
        const params::Issues raster = validatePoolInputs(inputs, pools, poolsFile, feedback);
        issues.insert(issues.end(), raster.begin(), raster.end());
    }
    return issues;
}

std::pair<std::int64_t, std::int64_t> decodeTransition(double code) {
    const std::int64_t c = std::int64_t(std::llround(code));
    return { c / 65536, c % 65536 };
}

std::vector<TransitionRaster> writeTransitionRasters(const std::vector<LulcInput>& inputs,
                                                     const std::string& outDir,
                                                     gis::Feedback* feedback,
                                                     std::size_t memoryBudgetBytes) {
    std::vector<TransitionRaster> out;
    if (inputs.size() < 2)
        return out;
    const QDir dir(QString::fromStdString(outDir));
    const std::size_t intervals = inputs.size() - 1;
    for (std::size_t p = 0; p < intervals; ++p) {
        gis::RasterDataset a(inputs[p].path), b(inputs[p + 1].path);
        const gis::Grid& grid = a.info().grid;
        if (!b.info().grid.sameAs(grid))
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "\"" + inputs[p + 1].path + "\" is not on the grid of \"" + inputs[p].path +
                                  "\" (validate the inputs first).",
                                inputs[p + 1].path);
        TransitionRaster tr{ inputs[p].year, inputs[p + 1].year, {} };
        tr.path =
          dir.filePath(QStringLiteral("transition_%1_%2.tif").arg(tr.year1).arg(tr.year2)).toStdString();
        gis::RasterSpec spec;
        spec.grid = grid;
        spec.crs = a.info().crs;
        spec.type = gis::RasterSpec::Type::Float64;
        spec.nodata = std::numeric_limits<double>::quiet_NaN();
        spec.bandDescriptions = { "transition" };
        spec.overviews = false; // averaged codes would be meaningless
        spec.metadata = { { "TRANSITION_CODE", "from * 65536 + to" },
                          { "YEARS", QStringLiteral("%1-%2").arg(tr.year1).arg(tr.year2).toStdString() } };
        gis::RasterWriter writer(tr.path, spec);
        const std::size_t perRow = std::max<std::size_t>(1, std::size_t(grid.cols) * (2 * 9 + 8));
        const int strip =
          int(std::clamp<std::size_t>(memoryBudgetBytes / perRow, 1, std::size_t(std::max(grid.rows, 1))));
        std::vector<double> va, vb, code;
        std::vector<unsigned char> oka, okb;
        for (int row0 = 0; row0 < grid.rows; row0 += strip) {
            if (feedback) {
                feedback->throwIfCancelled();
                feedback->setProgress(100.0 * (double(p) + double(row0) / grid.rows) / double(intervals),
                                      "land-cover transitions");
            }
            const gis::Window w{ row0, 0, std::min(strip, grid.rows - row0), grid.cols };
            a.read(1, w, va, oka);
            b.read(1, w, vb, okb);
            code.resize(va.size());
            for (std::size_t k = 0; k < va.size(); ++k) {
                if (!oka[k] || !okb[k]) {
                    code[k] = std::numeric_limits<double>::quiet_NaN();
                    continue;
                }
                const std::int64_t from = std::llround(va[k]), to = std::llround(vb[k]);
                if (from < 0 || from > kMaxClassCode || to < 0 || to > kMaxClassCode)
                    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                        "Land-cover code outside 0-65535 in \"" + inputs[p].path +
                                          "\" or \"" + inputs[p + 1].path + "\".",
                                        inputs[p].path);
                code[k] = transitionCode(from, to);
            }
            writer.writeRows(1, w.row0, w.rows, code.data());
        }
        writer.commit(feedback);
        out.push_back(tr);
    }
    if (feedback)
        feedback->setProgress(100.0, "land-cover transitions");
    return out;
}

GainLossInterval gainLossFromTransitions(
  const std::map<std::pair<std::int64_t, std::int64_t>, double>& areaHa,
  int year1,
  int year2,
  const GrowthLookup& growth,
  const PoolLookup& pools,
  const GainLossSettings& settings,
  QStringList* flagged) {
    GainLossInterval g;
    g.year1 = year1;
    g.year2 = year2;
    std::set<QString> flags;
    auto typeOf = [&](std::int64_t code) -> std::optional<ForestType> {
        const auto it = settings.forestClasses.find(code);
        return it == settings.forestClasses.end() ? std::nullopt : growth.find(it->second);
    };
    auto flagType = [&](const std::optional<ForestType>& t) {
        if (params::isFlagged(t->tag))
            flags.insert(flagOf(t->file, t->name, t->tag));
    };
    // Ascending (from, to) order: the sums are deterministic.
    for (const auto& [pair, ha] : areaHa) {
        if (pair.first == kNoClass || pair.second == kNoClass) {
            g.nodataHa += ha;
            continue;
        }
        g.validHa += ha;
        const std::optional<ForestType> from = typeOf(pair.first);
        const std::optional<ForestType> to = typeOf(pair.second);
        if (from && to) {
            // Forest remaining forest (§3.2: gain-loss for land that stays in the class): growth of the
            // type at y2; a change of type without an observed clearing is counted as remaining.
            g.remainingHa += ha;
            if (pair.first != pair.second && from->name != to->name)
                g.typeChangeHa += ha;
            g.remainingHaByType[to->name] += ha;
            g.gainRemainingTPerYr += ha * to->gainPerHaYr();
            flagType(to);
        } else if (to) {
            // Land converted to forest: growth of the new type (§3.2; Tier 1 B_BEFORE of the non-forest
            // class is not removed here — its biomass in the pools table is counted by the pool method).
            g.toForestHa += ha;
            g.toForestHaByType[to->name] += ha;
            g.gainToForestTPerYr += ha * to->gainPerHaYr();
            flagType(to);
        } else if (from) {
            // Forest lost between the dates (clear-cut, fire, conversion): Eq. 2.14 with
            // B_W × (1 + R) × CF = c_above + c_below of the y1 class (pools table, §10.4) and fd.
            const PoolClass* pc = pools.find(pair.first);
            const double stock = pc ? pc->density[Above] + pc->density[Below] : 0.0;
            g.lostHa += ha;
            g.lostHaByClass[pair.first] += ha;
            g.lossT += ha * stock * settings.fd;
            if (pc && params::isFlagged(pc->tag))
                flags.insert(flagOf(pc->file, QString::number(pc->code), pc->tag));
        }
    }
    if (flagged)
        for (const QString& f : flags)
            if (!flagged->contains(f))
                flagged->push_back(f);
    return g;
}

std::vector<GainLossParcel> runGainLossParcels(const gis::ParcelSet& parcels,
                                               const std::vector<TransitionRaster>& transitions,
                                               const GrowthLookup& growth,
                                               const PoolLookup& pools,
                                               const GainLossSettings& settings,
                                               const gis::ZonalOptions& zonal) {
    std::vector<gis::ZonalBand> bands;
    for (const TransitionRaster& t : transitions)
        gis::appendRasterBands(
          t.path, bands, QStringLiteral("transition_%1_%2").arg(t.year1).arg(t.year2).toStdString());
    gis::ZonalOptions options = zonal;
    options.stats = gis::Stat::Count | gis::Stat::Area;
    // One call: all transition rasters share the grid, so each parcel's coverage is computed once.
    const gis::ZonalResult zr = gis::runZonal(parcels, bands, options);
    std::vector<GainLossParcel> out(parcels.parcels.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        GainLossParcel& gp = out[i];
        for (std::size_t t = 0; t < transitions.size(); ++t) {
            const gis::ZonalStats& s = zr.stats[i][t];
            std::map<std::pair<std::int64_t, std::int64_t>, double> areas;
            for (const gis::ClassTotal& ct : s.classes)
                areas[decodeTransition(ct.value)] += ct.areaM2 / 10000.0;
            if (s.nodataAreaM2 > 0)
                areas[{ kNoClass, kNoClass }] += s.nodataAreaM2 / 10000.0;
            gp.intervals.push_back(gainLossFromTransitions(
              areas, transitions[t].year1, transitions[t].year2, growth, pools, settings, &gp.flaggedRows));
        }
        gp.flaggedRows.sort();
    }
    return out;
}

GainLossTotals sumGainLossParcels(const std::vector<GainLossParcel>& parcels) {
    GainLossTotals t;
    t.parcels = parcels.size();
    for (const GainLossParcel& p : parcels) {
        if (t.intervals.empty())
            for (const GainLossInterval& g : p.intervals) {
                GainLossInterval z;
                z.year1 = g.year1;
                z.year2 = g.year2;
                t.intervals.push_back(z);
            }
        double net = 0;
        for (std::size_t k = 0; k < p.intervals.size() && k < t.intervals.size(); ++k) {
            const GainLossInterval& g = p.intervals[k];
            GainLossInterval& s = t.intervals[k];
            s.remainingHa += g.remainingHa;
            s.typeChangeHa += g.typeChangeHa;
            s.toForestHa += g.toForestHa;
            s.lostHa += g.lostHa;
            s.validHa += g.validHa;
            s.nodataHa += g.nodataHa;
            for (const auto& [type, ha] : g.remainingHaByType)
                s.remainingHaByType[type] += ha;
            s.gainRemainingTPerYr += g.gainRemainingTPerYr;
            s.gainToForestTPerYr += g.gainToForestTPerYr;
            s.lossT += g.lossT;
            net += g.netTPerYr() * g.years();
        }
        if (net > 0)
            ++t.sinkParcels;
        else if (net < 0)
            ++t.sourceParcels;
        if (!p.flaggedRows.isEmpty())
            ++t.flaggedParcels;
    }
    return t;
}

void writeGainLossParcelTable(const std::string& path,
                              const gis::ParcelSet& parcels,
                              const QString& idField,
                              const std::vector<GainLossParcel>& results) {
    using T = gis::TableColumn::Type;
    std::vector<gis::TableColumn> columns = {
        { "fid", T::Integer },
        { idField.isEmpty() ? std::string("id") : idField.toStdString(), T::String },
        { "area_ha", T::Real },
    };
    const std::vector<GainLossInterval>& iv =
      results.empty() ? std::vector<GainLossInterval>{} : results.front().intervals;
    for (const GainLossInterval& g : iv) {
        const std::string s = QStringLiteral("_%1_%2").arg(g.year1).arg(g.year2).toStdString();
        for (const char* name : { "remaining_forest_ha",
                                  "forest_type_change_ha",
                                  "to_forest_ha",
                                  "lost_forest_ha",
                                  "nodata_ha",
                                  "gain_t_per_yr",
                                  "loss_t",
                                  "loss_t_per_yr",
                                  "net_t_per_yr",
                                  "net_co2e_t_per_yr",
                                  "net_t_per_ha_yr" })
            columns.push_back({ name + s, T::Real });
    }
    columns.push_back({ "flagged_parameters", T::String });
    columns.push_back({ "geometry_repaired", T::Integer });
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    gis::writeTable(
      path,
      columns,
      results.size(),
      [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          const gis::Parcel& pc = parcels.parcels[i];
          const GainLossParcel& r = results[i];
          const double areaHa = pc.ellipsoidalAreaM2 / 10000.0;
          std::size_t k = 0;
          v[k++] = qint64(pc.fid);
          v[k++] = pc.id.toString();
          v[k++] = areaHa;
          for (const GainLossInterval& g : r.intervals) {
              v[k++] = g.remainingHa;
              v[k++] = g.typeChangeHa;
              v[k++] = g.toForestHa;
              v[k++] = g.lostHa;
              v[k++] = g.nodataHa;
              v[k++] = g.gainTPerYr();
              v[k++] = g.lossT;
              v[k++] = g.lossTPerYr();
              v[k++] = g.netTPerYr();
              v[k++] = g.netTPerYr() * kCo2PerC; // removal positive (carbon-methods.md §0)
              v[k++] = areaHa > 0 ? g.netTPerYr() / areaHa : std::numeric_limits<double>::quiet_NaN();
          }
          v[k++] = r.flaggedRows.join(QLatin1Char(';'));
          v[k++] = pc.repaired ? 1 : 0;
          if (gpkg)
              wkb = pc.wkb;
      },
      gpkg,
      parcels.crs);
}

void writeGainLossTotalsTable(const std::string& path, const GainLossTotals& totals) {
    using T = gis::TableColumn::Type;
    struct Line {
        std::string quantity;
        double value;
        const char* unit;
    };
    std::vector<Line> lines;
    for (const GainLossInterval& g : totals.intervals) {
        const std::string s = QStringLiteral("_%1_%2").arg(g.year1).arg(g.year2).toStdString();
        lines.push_back({ "remaining_forest" + s, g.remainingHa, "ha" });
        for (const auto& [type, ha] : g.remainingHaByType)
            lines.push_back({ "remaining_" + type.toStdString() + s, ha, "ha" });
        lines.push_back({ "forest_type_change" + s, g.typeChangeHa, "ha" });
        lines.push_back({ "to_forest" + s, g.toForestHa, "ha" });
        lines.push_back({ "lost_forest" + s, g.lostHa, "ha" });
        lines.push_back({ "nodata" + s, g.nodataHa, "ha" });
        lines.push_back({ "gain_remaining" + s, g.gainRemainingTPerYr, "t C/yr" });
        lines.push_back({ "gain_to_forest" + s, g.gainToForestTPerYr, "t C/yr" });
        lines.push_back({ "gain" + s, g.gainTPerYr(), "t C/yr" });
        lines.push_back({ "loss" + s, g.lossT, "t C" });
        lines.push_back({ "loss_per_yr" + s, g.lossTPerYr(), "t C/yr" });
        lines.push_back({ "net" + s, g.netTPerYr(), "t C/yr" });
        lines.push_back({ "net_co2e" + s, g.netTPerYr() * kCo2PerC, "t CO2e/yr" });
    }
    lines.push_back({ "parcels", double(totals.parcels), "count" });
    lines.push_back({ "sink_parcels", double(totals.sinkParcels), "count" });
    lines.push_back({ "source_parcels", double(totals.sourceParcels), "count" });
    lines.push_back({ "flagged_parcels", double(totals.flaggedParcels), "count" });
    gis::writeTable(path,
                    { { "quantity", T::String }, { "value", T::Real }, { "unit", T::String } },
                    lines.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v[0] = QString::fromStdString(lines[i].quantity);
                        v[1] = lines[i].value;
                        v[2] = QString::fromLatin1(lines[i].unit);
                    });
}

} // namespace tanhui::models::carbon
