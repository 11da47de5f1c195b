// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/BlueCarbon.h"

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

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <set>
#include <stdexcept>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct BlueCarbon {
    Q_DECLARE_TR_FUNCTIONS(BlueCarbon)
};

using params::Issue;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Column names of the biophysical table (§2.1), in TableSpec order.
const char* const kInitial[kCbcPoolCount] = { "biomass-initial", "soil-initial", "litter-initial" };
const char* const kHalfLife[2] = { "biomass-half-life", "soil-half-life" };
const char* const kDisturb[2][3] = {
    { "biomass-low-impact-disturb", "biomass-med-impact-disturb", "biomass-high-impact-disturb" },
    { "soil-low-impact-disturb", "soil-med-impact-disturb", "soil-high-impact-disturb" }
};
const char* const kAccum[kCbcPoolCount] = { "biomass-yearly-accumulation",
                                            "soil-yearly-accumulation",
                                            "litter-yearly-accumulation" };
const char* const kCeiling[2] = { "biomass-ceiling", "soil-ceiling" };

std::int64_t codeOf(double v) {
    return std::int64_t(std::llround(v));
}

int disturbLevel(CbcTransition t) {
    switch (t) {
        case CbcTransition::LowDisturb:
            return 0;
        case CbcTransition::MedDisturb:
            return 1;
        case CbcTransition::HighDisturb:
            return 2;
        default:
            return -1;
    }
}

QString yearTag(int y) {
    return QString::number(y);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Parameters

const char* cbcPoolName(int pool) {
    static const char* names[kCbcPoolCount] = { "biomass", "soil", "litter" };
    return names[pool];
}

const char* cbcTransitionName(CbcTransition t) {
    switch (t) {
        case CbcTransition::Blank:
            return "";
        case CbcTransition::Ncc:
            return "NCC";
        case CbcTransition::Accum:
            return "accum";
        case CbcTransition::LowDisturb:
            return "low-impact-disturb";
        case CbcTransition::MedDisturb:
            return "med-impact-disturb";
        case CbcTransition::HighDisturb:
            return "high-impact-disturb";
    }
    return "";
}

std::optional<CbcTransition> parseCbcTransition(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (CbcTransition c : { CbcTransition::Blank,
                             CbcTransition::Ncc,
                             CbcTransition::Accum,
                             CbcTransition::LowDisturb,
                             CbcTransition::MedDisturb,
                             CbcTransition::HighDisturb })
        if (t == QString::fromLatin1(cbcTransitionName(c)).toLower())
            return c;
    return std::nullopt;
}

const params::TableSpec& cbcBiophysicalSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "cbc_biophysical";
        s.keyColumn = "lucode";
        s.integerKey = true;
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "land-cover code");
        // carbon-methods.md §2.1: stocks per ha in any consistent unit (Tanhui: t C/ha, §0); half-life
        // ≥ 0 with 0 = no emissions (§8 row 8); disturbance ratios 0–1. 5,000 t C/ha catches unit
        // mistakes (measured mangrove means are ~1,000, §4).
        s.values = {
            { kInitial[0],
              QT_TRANSLATE_NOOP("Parameters", "initial biomass carbon stock"),
              "t C/ha",
              0,
              5000 },
            { kInitial[1], QT_TRANSLATE_NOOP("Parameters", "initial soil carbon stock"), "t C/ha", 0, 5000 },
            { kInitial[2],
              QT_TRANSLATE_NOOP("Parameters", "initial litter carbon stock"),
              "t C/ha",
              0,
              5000 },
            { kHalfLife[0],
              QT_TRANSLATE_NOOP("Parameters", "biomass half-life (0 = no emissions)"),
              "yr",
              0,
              1000 },
            { kHalfLife[1],
              QT_TRANSLATE_NOOP("Parameters", "soil half-life (0 = no emissions)"),
              "yr",
              0,
              1000 },
            { kDisturb[0][0],
              QT_TRANSLATE_NOOP("Parameters", "biomass share disturbed, low impact"),
              "ratio",
              0,
              1 },
            { kDisturb[0][1],
              QT_TRANSLATE_NOOP("Parameters", "biomass share disturbed, medium impact"),
              "ratio",
              0,
              1 },
            { kDisturb[0][2],
              QT_TRANSLATE_NOOP("Parameters", "biomass share disturbed, high impact"),
              "ratio",
              0,
              1 },
            { kDisturb[1][0],
              QT_TRANSLATE_NOOP("Parameters", "soil share disturbed, low impact"),
              "ratio",
              0,
              1 },
            { kDisturb[1][1],
              QT_TRANSLATE_NOOP("Parameters", "soil share disturbed, medium impact"),
              "ratio",
              0,
              1 },
            { kDisturb[1][2],
              QT_TRANSLATE_NOOP("Parameters", "soil share disturbed, high impact"),
              "ratio",
              0,
              1 },
            { kAccum[0],
              QT_TRANSLATE_NOOP("Parameters", "biomass yearly accumulation"),
              "t C/ha/yr",
              0,
              100 },
            { kAccum[1], QT_TRANSLATE_NOOP("Parameters", "soil yearly accumulation"), "t C/ha/yr", 0, 100 },
            { kAccum[2], QT_TRANSLATE_NOOP("Parameters", "litter yearly accumulation"), "t C/ha/yr", 0, 100 },
            { kCeiling[0],
              QT_TRANSLATE_NOOP("Parameters", "biomass stock where accumulation stops"),
              "t C/ha",
              0,
              5000,
              false,
              false },
            { kCeiling[1],
              QT_TRANSLATE_NOOP("Parameters", "soil stock where accumulation stops"),
              "t C/ha",
              0,
              5000,
              false,
              false },
        };
        s.textColumns = { "lulc-class", "name_zh" };
        // Optional uncertainty columns (X_dist, X_u_pct, X_sd, X_min, X_max, dist, u_pct, u_source;
        // docs/uncertainty.md): read only when a project run asks for Monte Carlo bounds.
        uncertainty::addUncertaintyColumns(s);
        s.defaultPath = "carbon/cbc_biophysical.csv";
        return s;
    }();
    return spec;
}

const params::TableSpec& mangroveWsSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "mangrove_ws";
        s.keyColumn = "climate";
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "climate zone");
        s.values = {
            { "agb",
              QT_TRANSLATE_NOOP("Parameters", "Tier 1 above-ground biomass stock"),
              "t d.m./ha",
              0,
              1000 },
            { "g_w", QT_TRANSLATE_NOOP("Parameters", "above-ground biomass growth"), "t d.m./ha/yr", 0, 100 },
            { "r", QT_TRANSLATE_NOOP("Parameters", "root-to-shoot ratio"), "ratio", 0, 5 },
            { "cf",
              QT_TRANSLATE_NOOP("Parameters", "carbon fraction of dry matter"),
              "t C/t d.m.",
              0.3,
              0.6 },
            { "soc",
              QT_TRANSLATE_NOOP("Parameters", "natural soil organic carbon stock"),
              "t C/ha",
              0,
              5000 },
            { "ef_re",
              QT_TRANSLATE_NOOP("Parameters", "soil emission factor after revegetation (negative = removal)"),
              "t C/ha/yr",
              -50,
              50 },
        };
        s.textColumns = { "name_zh" };
        // Optional uncertainty columns (X_dist, X_u_pct, X_sd, X_min, X_max, dist, u_pct, u_source;
        // docs/uncertainty.md): read only when a project run asks for Monte Carlo bounds.
        uncertainty::addUncertaintyColumns(s);
        s.defaultPath = "carbon/mangrove_ws.csv";
        return s;
    }();
    return spec;
}

CbcParameters::CbcParameters(const params::ParameterTable& table) {
    auto value = [&](const params::TableRow& row, const char* column) -> std::optional<double> {
        const int i = table.columnIndex(QString::fromLatin1(column));
        return i >= 0 && std::size_t(i) < row.values.size() ? row.values[std::size_t(i)] : std::nullopt;
    };
    for (const params::TableRow& row : table.rows()) {
        CbcClass c;
        c.code = row.key.toLongLong();
        const auto name = row.text.find(QStringLiteral("lulc-class"));
        if (name != row.text.end())
            c.name = name->second;
        const auto zh = row.text.find(QStringLiteral("name_zh"));
        if (zh != row.text.end())
            c.nameZh = zh->second;
        for (int p = 0; p < kCbcPoolCount; ++p) {
            c.initial[std::size_t(p)] = value(row, kInitial[p]).value_or(0);
            c.accumulation[std::size_t(p)] = value(row, kAccum[p]).value_or(0);
        }
        for (int p = 0; p < 2; ++p) {
            c.halfLife[std::size_t(p)] = value(row, kHalfLife[p]).value_or(0);
            for (int l = 0; l < 3; ++l)
                c.disturb[std::size_t(p)][std::size_t(l)] = value(row, kDisturb[p][l]).value_or(0);
            c.ceiling[std::size_t(p)] = value(row, kCeiling[p]);
        }
        c.tag = row.tag;
        c.source = row.source;
        c.file = row.file;
        c.line = row.line;
        m_classes[c.code] = c;
    }
}

const CbcClass* CbcParameters::find(std::int64_t code) const& {
    const auto it = m_classes.find(code);
    return it == m_classes.end() ? nullptr : &it->second;
}

const CbcClass* CbcParameters::findByName(const QString& name) const& {
    const QString n = name.trimmed();
    for (const auto& [code, c] : m_classes)
        if (!c.name.isEmpty() && c.name.compare(n, Qt::CaseInsensitive) == 0)
            return &c;
    bool ok = false;
    const qlonglong code = n.toLongLong(&ok);
    return ok ? find(code) : nullptr;
}

std::optional<CbcTransition> CbcTransitions::find(std::int64_t from, std::int64_t to) const {
    const auto it = cells.find({ from, to });
    if (it == cells.end())
        return std::nullopt;
    return it->second;
}

LoadedTransitions loadCbcTransitions(const QString& path,
                                     const CbcParameters& classes,
                                     params::Provenance provenance,
                                     const QString& displayName) {
    LoadedTransitions out;
    const QString file = displayName.isEmpty() ? path : displayName;
    out.table.file = file;
    auto error = [&](int row, const QString& column, const QString& message) {
        out.issues.push_back({ Issue::Severity::Error, file, row, column, message });
    };
    const std::vector<params::CsvLine> lines = params::readCsvLines(path, out.issues, displayName);
    if (params::hasErrors(out.issues))
        return out;
    if (lines.empty()) {
        error(
          1,
          {},
          BlueCarbon::tr("the transitions table is empty: a header row lulc-class,<class>,… is expected"));
        return out;
    }
    // Header: lulc-class, then to-classes; `source`, `tag`, `edition` are provenance columns.
    const QStringList& header = lines.front().fields;
    int sourceCol = -1, tagCol = -1;
    std::vector<std::pair<int, std::int64_t>> toColumns; // column index → to-class code
    for (qsizetype i = 1; i < header.size(); ++i) {
        const QString h = header[i].trimmed();
        if (h.compare(QLatin1String("source"), Qt::CaseInsensitive) == 0) {
            sourceCol = int(i);
            continue;
        }
        if (h.compare(QLatin1String("tag"), Qt::CaseInsensitive) == 0) {
            tagCol = int(i);
            continue;
        }
        if (h.compare(QLatin1String("edition"), Qt::CaseInsensitive) == 0 || h.isEmpty())
            continue;
        const CbcClass* c = classes.findByName(h);
        if (!c) {
            error(1,
                  h,
                  BlueCarbon::tr("the column '%1' names no class of the biophysical table (lulc-class or "
                                 "lucode)")
                    .arg(h));
            continue;
        }
        toColumns.emplace_back(int(i), c->code);
    }
    if (header.isEmpty() ||
        header.front().trimmed().compare(QLatin1String("lulc-class"), Qt::CaseInsensitive) != 0)
        error(1,
              header.isEmpty() ? QString() : header.front(),
              BlueCarbon::tr("the first column must be 'lulc-class' (the from-class of each row)"));
    if (provenance == params::Provenance::Required && (sourceCol < 0 || tagCol < 0))
        error(1, {}, BlueCarbon::tr("a default table needs the columns 'source' and 'tag'"));
    if (lines.size() == 1)
        error(1,
              {},
              BlueCarbon::tr("the transitions table has a header but no rows; add one row per from-class "
                             "(lulc-class)"));

    std::set<std::int64_t> seenRows;
    for (std::size_t r = 1; r < lines.size(); ++r) {
        const params::CsvLine& line = lines[r];
        const QString rowName = line.fields.value(0).trimmed();
        const CbcClass* from = classes.findByName(rowName);
        if (!from) {
            error(
              line.line,
              QStringLiteral("lulc-class"),
              BlueCarbon::tr("the row '%1' names no class of the biophysical table (remove legend or note "
                             "rows; classes are named by lulc-class or lucode)")
                .arg(rowName));
            continue;
        }
        if (!seenRows.insert(from->code).second) {
            error(line.line,
                  QStringLiteral("lulc-class"),
                  BlueCarbon::tr("the class '%1' has a second row").arg(rowName));
            continue;
        }
        QString source = sourceCol >= 0 ? line.fields.value(sourceCol).trimmed() : QString();
        params::Tag tag = params::Tag::User;
        if (provenance == params::Provenance::Required) {
            const std::optional<params::Tag> t = params::parseTag(line.fields.value(tagCol));
            if (!t)
                error(line.line,
                      QStringLiteral("tag"),
                      BlueCarbon::tr("unknown tag '%1' (verified, secondary, unconfirmed or example)")
                        .arg(line.fields.value(tagCol)));
            else
                tag = *t;
            if (source.isEmpty())
                error(line.line, QStringLiteral("source"), BlueCarbon::tr("the source is empty"));
        } else if (source.isEmpty()) {
            source = BlueCarbon::tr("%1, row %2").arg(file).arg(line.line);
        }
        out.table.rowProvenance[from->code] = { source, tag };
        for (const auto& [col, toCode] : toColumns) {
            const QString cell = line.fields.value(col);
            const std::optional<CbcTransition> t = parseCbcTransition(cell);
            if (!t) {
                error(line.line,
                      header[col].trimmed(),
                      BlueCarbon::tr("'%1' → '%2': '%3' is not a transition; use accum, NCC, "
                                     "low-impact-disturb, med-impact-disturb, high-impact-disturb or leave "
                                     "the cell blank")
                        .arg(rowName, header[col].trimmed(), cell.trimmed()));
                continue;
            }
            out.table.cells[{ from->code, toCode }] = *t;
            // #671: habitat → same habitat left as NCC (or blank) stops accumulation silently.
            if (toCode == from->code && from->isHabitat() &&
                (*t == CbcTransition::Ncc || *t == CbcTransition::Blank))
                out.issues.push_back(
                  { Issue::Severity::Warning,
                    file,
                    line.line,
                    header[col].trimmed(),
                    BlueCarbon::tr("'%1' → '%1' is %2: a habitat that stays itself stops accumulating after "
                                   "the first transition (InVEST #671); use accum unless that is intended")
                      .arg(rowName,
                           *t == CbcTransition::Ncc ? QStringLiteral("NCC") : BlueCarbon::tr("blank")) });
        }
    }
    return out;
}

LoadedTransitions loadDefaultCbcTransitions(const CbcParameters& classes) {
    return loadCbcTransitions(QStringLiteral(":/parameters/carbon/cbc_transitions.csv"),
                              classes,
                              params::Provenance::Required,
                              QStringLiteral("cbc_transitions.csv (built-in)"));
}

// ---------------------------------------------------------------------------------------------
// Engine

std::vector<double> cbcPrices(const CbcValuation& v, int firstYear, int lastYear, params::Issues* issues) {
    std::vector<double> prices;
    QStringList missing;
    for (int y = firstYear; y <= lastYear; ++y) {
        if (v.priceTable.empty()) {
            // §2.4: price[t0 + k] = price × (1 + inflation/100)^k.
            prices.push_back(v.pricePerTC * std::pow(1.0 + v.inflationPct / 100.0, y - firstYear));
            continue;
        }
        const auto it = v.priceTable.find(y);
        if (it == v.priceTable.end()) {
            missing << QString::number(y);
            prices.push_back(kNaN);
        } else {
            prices.push_back(it->second);
        }
    }
    if (!missing.isEmpty() && issues)
        issues->push_back({ Issue::Severity::Error,
                            {},
                            0,
                            QStringLiteral("year"),
                            BlueCarbon::tr("the price table must give a price for every year from %1 to %2; "
                                           "missing: %3")
                              .arg(firstYear)
                              .arg(lastYear)
                              .arg(missing.join(QStringLiteral(", "))) });
    return prices;
}

double cbcEmission(double volume, int disturbanceYear, double halfLife, int year) {
    // carbon-methods.md §2.3: E = D × (0.5^((t−s)/H) − 0.5^((t−s+1)/H)); year s gets a full year.
    if (halfLife <= 0 || year < disturbanceYear || volume == 0)
        return 0.0;
    const double n = double(year - disturbanceYear);
    return volume * (std::pow(0.5, n / halfLife) - std::pow(0.5, (n + 1.0) / halfLife));
}

double cbcNpvUserGuide(const std::vector<double>& yearlyNetSeq,
                       const std::vector<double>& prices,
                       double discountPct,
                       std::size_t years) {
    // §2.4 `cbc_net_present_value`: V = Σ p_t (S_t − S_{t−1}) / (1 + d)^t, t counted from the baseline.
    double v = 0;
    const double q = 1.0 + discountPct / 100.0;
    for (std::size_t k = 0; k < years && k < yearlyNetSeq.size() && k < prices.size(); ++k)
        v += prices[k] * yearlyNetSeq[k] / std::pow(q, double(k));
    return v;
}

double cbcCodedFactor(const std::vector<double>& prices, double discountPct, std::size_t n) {
    // §2.4 as coded (`_calculate_npv`): factor_Y = Σ_{k=0}^{Y−t0−1} price[t0+k] / (1 + d)^k.
    double f = 0;
    const double q = 1.0 + discountPct / 100.0;
    for (std::size_t k = 0; k < n && k < prices.size(); ++k)
        f += prices[k] / std::pow(q, double(k));
    return f;
}

CbcModel::CbcModel(const CbcParameters& classes, const CbcTransitions& transitions, CbcModelOptions options)
  : m_classes(classes)
  , m_transitions(transitions)
  , m_options(std::move(options)) {
    const std::vector<int>& s = m_options.snapshotYears;
    if (s.size() < 2)
        throw std::invalid_argument("blue carbon needs at least two land-cover snapshots (InVEST #1534)");
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] <= s[i - 1])
            throw std::invalid_argument("snapshot years must increase strictly");
    m_reportYears = s;
    if (m_options.analysisYear) {
        if (*m_options.analysisYear <= s.back())
            throw std::invalid_argument("the analysis year must be after the last snapshot year");
        m_reportYears.push_back(*m_options.analysisYear);
    }
    if (m_options.valuation) {
        params::Issues issues;
        m_prices = cbcPrices(*m_options.valuation, firstYear(), finalYear() - 1, &issues);
        if (params::hasErrors(issues))
            throw std::invalid_argument(issues.front().message.toStdString());
    }
}

const CbcClass& CbcModel::classOf(std::int64_t code) const {
    const CbcClass* c = m_classes.find(code);
    if (!c)
        throw std::invalid_argument("land-cover code " + std::to_string(code) +
                                    " is missing from the biophysical table");
    return *c;
}

void CbcModel::runCell(const std::int64_t* codes, CbcCellSeries& out) const {
    const std::vector<int>& snaps = m_options.snapshotYears;
    const bool compat = m_options.investCompatible;
    const std::size_t nr = m_reportYears.size();
    const int t0 = snaps.front();
    const int tEnd = m_reportYears.back();
    out.stock.assign(nr, {});
    out.netSequestration.assign(nr - 1, 0.0);
    out.emissions.assign(nr - 1, 0.0);
    out.npv.assign(valued() ? nr - 1 : 0, 0.0);
    out.yearlyNetSequestration.assign(std::size_t(tEnd - t0), 0.0);

    const CbcClass* cls = &classOf(codes[0]);
    std::array<double, kCbcPoolCount> S = cls->initial;
    std::array<double, kCbcPoolCount> acc = cls->accumulation; // baseline: the baseline class's rates
    std::array<std::optional<double>, 2> ceiling = cls->ceiling;
    // Tanhui: disturbance cohorts (pool, volume, year, half-life), each emitted until exhausted.
    struct Cohort {
        int pool;
        double volume;
        int year;
        double halfLife;
    };
    std::vector<Cohort> cohorts;
    // InVEST-compatible: one tracked (volume, year) per pool and the half-life re-read at each snapshot.
    std::array<double, 2> trackedVolume{ 0, 0 }, halfLife{ 0, 0 };
    std::array<int, 2> trackedYear{ t0, t0 };
    bool afterFirstTransition = false;
    const double q = 1.0 + discountPct() / 100.0;
    double npvUg = 0, discount = 1.0;
    std::size_t next = 1; // next snapshot
    std::size_t report = 0;

    for (int t = t0;; ++t) {
        if (next < snaps.size() && t == snaps[next]) {
            // Transition at year s = t (§2.3): magnitude from the source class, rate from the destination.
            const CbcClass& from = classOf(codes[next - 1]);
            const CbcClass& to = classOf(codes[next]);
            const std::optional<CbcTransition> tr = m_transitions.find(from.code, to.code);
            if (!tr)
                throw std::invalid_argument("the transition " + std::to_string(from.code) + " → " +
                                            std::to_string(to.code) +
                                            " is missing from the transitions table");
            const int level = disturbLevel(*tr);
            for (int p = 0; p < kCbcPoolCount; ++p)
                acc[std::size_t(p)] = *tr == CbcTransition::Accum ? to.accumulation[std::size_t(p)] : 0.0;
            ceiling = to.ceiling;
            for (std::size_t p = 0; p < 2; ++p) {
                if (compat) {
                    // The half-life is re-read from the class of the preceding period at every snapshot,
                    // and a new disturbance overwrites the tracked pair.
                    halfLife[p] = from.halfLife[p];
                    if (level >= 0) {
                        trackedVolume[p] = S[p] * from.disturb[p][std::size_t(level)];
                        trackedYear[p] = t;
                    }
                } else if (level >= 0) {
                    const double d = S[p] * from.disturb[p][std::size_t(level)];
                    if (d > 0)
                        cohorts.push_back({ int(p), d, t, from.halfLife[p] });
                }
            }
            afterFirstTransition = true;
            ++next;
        }
        if (t == m_reportYears[report]) {
            out.stock[report] = S;
            if (compat && afterFirstTransition)
                out.stock[report][CbcLitter] = acc[CbcLitter]; // as coded: the rate raster (§2.3)
            if (report > 0 && valued()) {
                if (compat) {
                    double cumulative = 0;
                    for (std::size_t k = 0; k < report; ++k)
                        cumulative += out.netSequestration[k];
                    out.npv[report - 1] =
                      cumulative * cbcCodedFactor(m_prices, discountPct(), std::size_t(t - t0));
                } else {
                    out.npv[report - 1] = npvUg;
                }
            }
            ++report;
        }
        if (t == tEnd)
            break;

        // One year of fluxes.
        std::array<double, kCbcPoolCount> n{};
        double emitted = 0;
        for (std::size_t p = 0; p < 2; ++p) {
            double e = 0;
            if (compat) {
                e = cbcEmission(trackedVolume[p], trackedYear[p], halfLife[p], t);
            } else {
                for (const Cohort& c : cohorts)
                    if (std::size_t(c.pool) == p)
                        e += cbcEmission(c.volume, c.year, c.halfLife, t);
            }
            double a = acc[p];
            if (!compat && ceiling[p])
                a = std::clamp(*ceiling[p] - S[p], 0.0, a);
            n[p] = compat ? (e != 0 ? -e : a) : a - e;
            emitted += e;
        }
        n[CbcLitter] = acc[CbcLitter];
        const bool countLitter = !compat || !afterFirstTransition;
        const double net = n[0] + n[1] + (countLitter ? n[2] : 0.0);
        out.yearlyNetSequestration[std::size_t(t - t0)] = net;
        out.netSequestration[report - 1] += net;
        out.emissions[report - 1] += emitted;
        if (valued() && !compat) {
            npvUg += m_prices[std::size_t(t - t0)] * net / discount;
            discount *= q;
        }
        for (int p = 0; p < kCbcPoolCount; ++p)
            S[std::size_t(p)] += n[std::size_t(p)];
    }
}

// ---------------------------------------------------------------------------------------------
// Rasters

params::Issues validateCbcInputs(const std::vector<LulcInput>& snapshots,
                                 std::optional<int> analysisYear,
                                 const CbcParameters& classes,
                                 const CbcTransitions& transitions,
                                 const QString& biophysicalFile,
                                 gis::Feedback* feedback) {
    params::Issues issues;
    auto error = [&](const QString& file, const QString& column, const QString& message) {
        issues.push_back({ Issue::Severity::Error, file, 0, column, message });
    };
    if (snapshots.size() < 2) {
        error({},
              QStringLiteral("--lulc"),
              BlueCarbon::tr("blue carbon needs at least two dated land-cover snapshots (baseline and one "
                             "transition; InVEST #1534), %1 given")
                .arg(snapshots.size()));
        return issues;
    }
    std::vector<int> years;
    QStringList labels;
    for (const LulcInput& in : snapshots) {
        years.push_back(in.year);
        labels << QString::fromStdString(in.path);
    }
    const params::Issues order = params::checkYearsAscending(years, labels);
    issues.insert(issues.end(), order.begin(), order.end());
    if (analysisYear && *analysisYear <= *std::max_element(years.begin(), years.end()))
        error({},
              QStringLiteral("--analysis-year"),
              BlueCarbon::tr("the analysis year %1 must be after the last snapshot year %2")
                .arg(*analysisYear)
                .arg(*std::max_element(years.begin(), years.end())));

    std::vector<gis::RasterDataset> rasters;
    for (const LulcInput& in : snapshots) {
        rasters.emplace_back(in.path); // throws GisError(Open) naming the file
        const gis::RasterInfo& info = rasters.back().info();
        const QString file = QString::fromStdString(in.path);
        if (info.bands.size() != 1)
            error(file,
                  {},
                  BlueCarbon::tr("a land-cover raster must have exactly one band, this one has %1")
                    .arg(info.bands.size()));
        else if (!info.bands.front().isInteger)
            error(
              file,
              {},
              BlueCarbon::tr("a land-cover raster must hold whole-number class codes; its data type is %1")
                .arg(QString::fromStdString(info.bands.front().dataType)));
        if (!info.crs.isValid()) // cell areas need a CRS: never metres by assumption
            error(
              file,
              {},
              BlueCarbon::tr("the raster has no usable coordinate reference system%1, so its cell "
                             "areas are unknown; assign the right one (e.g. gdal_edit.py -a_srs "
                             "EPSG:4547 %2)")
                .arg(info.crsProblem.empty()
                       ? QString()
                       : QStringLiteral(" (") + QString::fromStdString(info.crsProblem) + QLatin1Char(')'),
                     file));
        else if (!info.crs.isGeographic() && info.crs.linearUnitMetres() <= 0)
            error(
              file, {}, BlueCarbon::tr("the raster's CRS has no linear unit; cell areas cannot be computed"));
        const gis::RasterInfo& first = rasters.front().info();
        if (rasters.size() > 1 && !info.grid.sameAs(first.grid))
            error(file,
                  {},
                  BlueCarbon::tr("the raster is not on the same grid as %1 (the snapshots must have the same "
                                 "pixel size and extent; align them first, §8 row 11): %2 vs %3")
                    .arg(QString::fromStdString(snapshots.front().path),
                         QString::fromStdString(info.grid.signature()),
                         QString::fromStdString(first.grid.signature())));
        else if (rasters.size() > 1 && info.crs.isValid() && first.crs.isValid() &&
                 !info.crs.isSame(first.crs))
            error(file,
                  {},
                  BlueCarbon::tr("the raster's CRS differs from that of %1")
                    .arg(QString::fromStdString(snapshots.front().path)));
    }
    if (params::hasErrors(issues))
        return issues;

    // One pass over all snapshots: codes per raster and transition pairs between consecutive ones.
    const gis::Grid& grid = rasters.front().info().grid;
    const std::size_t nd = snapshots.size();
    const int rowsPerStrip = gis::stripRows(grid, 64u << 20, nd * 9);
    std::vector<std::set<std::int64_t>> codes(nd);
    std::set<std::pair<std::int64_t, std::int64_t>> pairs;
    std::vector<std::vector<double>> values(nd);
    std::vector<std::vector<unsigned char>> valid(nd);
    for (int row0 = 0; row0 < grid.rows; row0 += rowsPerStrip) {
        if (feedback) {
            feedback->throwIfCancelled();
            feedback->setProgress(100.0 * row0 / grid.rows, "checking land-cover codes");
        }
        const gis::Window w{ row0, 0, std::min(rowsPerStrip, grid.rows - row0), grid.cols };
        for (std::size_t d = 0; d < nd; ++d)
            rasters[d].read(1, w, values[d], valid[d]);
        const std::size_t n = std::size_t(w.cellCount());
        for (std::size_t k = 0; k < n; ++k) {
            bool all = true;
            for (std::size_t d = 0; d < nd; ++d) {
                if (valid[d][k])
                    codes[d].insert(codeOf(values[d][k]));
                else
                    all = false;
            }
            if (all)
                for (std::size_t d = 1; d < nd; ++d)
                    pairs.insert({ codeOf(values[d - 1][k]), codeOf(values[d][k]) });
        }
    }
    for (std::size_t d = 0; d < nd; ++d) {
        QStringList missing;
        for (std::int64_t c : codes[d])
            if (!classes.find(c))
                missing << QString::number(c);
        if (!missing.isEmpty())
            issues.push_back(
              { Issue::Severity::Error,
                biophysicalFile,
                0,
                QStringLiteral("lucode"),
                BlueCarbon::tr("%1 land-cover code(s) present in %2 but missing from the biophysical "
                               "table: %3 (a code 0 is often an undeclared nodata value)")
                  .arg(missing.size())
                  .arg(QString::fromStdString(snapshots[d].path), missing.join(QStringLiteral(", "))) });
    }
    QStringList missingPairs;
    for (const auto& [from, to] : pairs) {
        if (!classes.find(from) || !classes.find(to))
            continue;
        if (!transitions.find(from, to)) {
            const CbcClass* a = classes.find(from);
            const CbcClass* b = classes.find(to);
            missingPairs << QStringLiteral("%1 → %2").arg(a->name.isEmpty() ? QString::number(from) : a->name,
                                                          b->name.isEmpty() ? QString::number(to) : b->name);
        }
    }
    if (!missingPairs.isEmpty())
        issues.push_back(
          { Issue::Severity::Error,
            transitions.file,
            0,
            {},
            BlueCarbon::tr("the snapshots contain transitions missing from the transitions table: %1")
              .arg(missingPairs.join(QStringLiteral(", "))) });
    return issues;
}

std::vector<CbcClass> CbcRunResult::flaggedClasses() const {
    std::vector<CbcClass> out;
    for (const CbcClass& c : classesUsed)
        if (params::isFlagged(c.tag))
            out.push_back(c);
    return out;
}

CbcRunResult runCbcRasters(const std::vector<LulcInput>& snapshots,
                           const CbcModel& model,
                           const CbcParameters& classes,
                           const CbcRunOptions& options) {
    CbcRunResult result;
    std::vector<gis::RasterDataset> rasters;
    for (const LulcInput& in : snapshots)
        rasters.emplace_back(in.path);
    const gis::RasterInfo& info0 = rasters.front().info();
    result.grid = info0.grid;
    result.crs = info0.crs;
    result.reportYears = model.reportYears();
    result.valued = model.valued();
    result.investCompatible = model.investCompatible();
    const gis::Grid& grid = result.grid;
    const std::vector<double> rowArea = gis::rowCellAreasM2(grid, result.crs);
    const std::size_t nd = snapshots.size();
    const std::size_t nr = result.reportYears.size();
    const std::size_t np = nr - 1;
    const int periodBands = model.valued() ? 3 : 2;

    std::vector<std::unique_ptr<gis::RasterWriter>> stockWriters, periodWriters;
    std::unique_ptr<gis::RasterWriter> historyWriter;
    if (!options.outDir.empty()) {
        const QDir dir(QString::fromStdString(options.outDir));
        gis::RasterSpec spec;
        spec.grid = grid;
        spec.crs = result.crs;
        spec.type = gis::RasterSpec::Type::Float64;
        spec.bands = 4;
        spec.nodata = kNaN;
        spec.bandDescriptions = { "biomass", "soil", "litter", "total" };
        spec.metadata = { { "UNIT", "t C/ha" },
                          { "METHOD",
                            model.investCompatible() ? "CBC (InVEST-compatible)" : "CBC (User's Guide)" } };
        spec.cloudOptimized = true; // stock and period rasters as Cloud-Optimised GeoTIFF (issue 14)
        for (int y : result.reportYears) {
            result.stockRasters.push_back(
              dir.filePath(QStringLiteral("cbc_stock_%1.tif").arg(y)).toStdString());
            stockWriters.push_back(std::make_unique<gis::RasterWriter>(result.stockRasters.back(), spec));
        }
        gis::RasterSpec period = spec;
        period.bands = periodBands;
        period.bandDescriptions = { "net_sequestration", "emissions" };
        period.bandMetadata = { { { "UNIT", "t C/ha" } }, { { "UNIT", "t C/ha" } } };
        if (model.valued()) {
            period.bandDescriptions.push_back("npv");
            period.bandMetadata.push_back({ { "UNIT", "currency/ha" } });
        }
        period.metadata.erase("UNIT");
        if (options.writeHistoryRaster) {
            gis::RasterSpec history = spec;
            history.bands = 1;
            history.bandDescriptions = { "history_id" };
            history.cloudOptimized = false; // a class-history id raster: plain tiled GeoTIFF
            history.metadata = { { "CONTENT", "class history id (codes at every snapshot)" } };
            result.historyRaster = dir.filePath(QStringLiteral("cbc_history.tif")).toStdString();
            historyWriter = std::make_unique<gis::RasterWriter>(result.historyRaster, history);
        }
        for (std::size_t p = 0; p < np; ++p) {
            result.periodRasters.push_back(dir
                                             .filePath(QStringLiteral("cbc_period_%1_%2.tif")
                                                         .arg(result.reportYears[p])
                                                         .arg(result.reportYears[p + 1]))
                                             .toStdString());
            periodWriters.push_back(std::make_unique<gis::RasterWriter>(result.periodRasters.back(), period));
        }
    }

    // Every distinct class history is run once; its area is tallied (exact totals, deterministic).
    struct History {
        CbcCellSeries series;
        double cells = 0, areaM2 = 0;
        std::size_t id = 0; ///< order of first occurrence (row-major)
    };
    std::map<std::vector<std::int64_t>, History> histories;
    double nodataM2 = 0, partialM2 = 0;
    const bool constantArea = !(result.crs.isValid() && result.crs.isGeographic());

    // Per cell of a strip: the snapshot values and masks, the cell's history, one output buffer and
    // the output bands written into GDAL's block cache. When the budget allows, strips are whole rows
    // of 256-row tiles and every writer is flushed after each strip, so the cache never holds more than
    // one strip of output (§8 row 8); otherwise GDAL's cache limit bounds it.
    const std::size_t outputBands = nr * 4 + np * std::size_t(periodBands) + (historyWriter ? 1 : 0);
    const std::size_t bytesPerCell = nd * 9 + 16 + outputBands * 8;
    int rowsPerStrip = gis::stripRows(grid, options.memoryBudgetBytes / 2, bytesPerCell);
    const bool tileAligned = rowsPerStrip >= 256 && !stockWriters.empty();
    if (tileAligned)
        rowsPerStrip -= rowsPerStrip % 256;
    std::vector<std::vector<double>> values(nd);
    std::vector<std::vector<unsigned char>> valid(nd);
    std::vector<const History*> cellHistory;
    std::vector<double> buffer;
    std::vector<std::int64_t> key(nd);
    for (int row0 = 0; row0 < grid.rows; row0 += rowsPerStrip) {
        if (options.feedback) {
            options.feedback->throwIfCancelled();
            options.feedback->setProgress(100.0 * row0 / grid.rows, "blue carbon per cell");
        }
        const gis::Window w{ row0, 0, std::min(rowsPerStrip, grid.rows - row0), grid.cols };
        const std::size_t n = std::size_t(w.cellCount());
        for (std::size_t d = 0; d < nd; ++d)
            rasters[d].read(1, w, values[d], valid[d]);
        cellHistory.assign(n, nullptr);
        for (std::size_t k = 0; k < n; ++k) {
            const double area = rowArea[std::size_t(row0) + k / std::size_t(w.cols)];
            std::size_t nValid = 0;
            for (std::size_t d = 0; d < nd; ++d)
                nValid += valid[d][k] ? 1 : 0;
            if (nValid < nd) {
                nodataM2 += area;
                if (nValid > 0)
                    partialM2 += area;
                continue;
            }
            for (std::size_t d = 0; d < nd; ++d)
                key[d] = codeOf(values[d][k]);
            auto it = histories.find(key);
            if (it == histories.end()) {
                it = histories.emplace(key, History{}).first;
                it->second.id = histories.size() - 1;
                if (historyWriter)
                    result.histories.push_back(key);
                try {
                    model.runCell(key.data(), it->second.series);
                } catch (const std::invalid_argument& e) {
                    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                        std::string(e.what()) + " (validate the inputs first)");
                }
            }
            it->second.cells += 1;
            it->second.areaM2 += area;
            cellHistory[k] = &it->second;
        }
        // A strip writes and compresses tens of bands: a cancel is honoured between them.
        auto checkCancel = [&] {
            if (options.feedback)
                options.feedback->throwIfCancelled();
        };
        auto writeBand = [&](gis::RasterWriter& wr, int band, auto&& valueOf) {
            checkCancel();
            buffer.resize(n);
            for (std::size_t k = 0; k < n; ++k)
                buffer[k] = cellHistory[k] ? valueOf(cellHistory[k]->series) : kNaN;
            wr.writeRows(band, w.row0, w.rows, buffer.data());
        };
        for (std::size_t r = 0; r < stockWriters.size(); ++r) {
            for (int p = 0; p < kCbcPoolCount; ++p)
                writeBand(*stockWriters[r], p + 1, [&](const CbcCellSeries& s) {
                    return s.stock[r][std::size_t(p)];
                });
            writeBand(*stockWriters[r], 4, [&](const CbcCellSeries& s) { return s.total(r); });
        }
        for (std::size_t p = 0; p < periodWriters.size(); ++p) {
            writeBand(*periodWriters[p], 1, [&](const CbcCellSeries& s) { return s.netSequestration[p]; });
            writeBand(*periodWriters[p], 2, [&](const CbcCellSeries& s) { return s.emissions[p]; });
            if (model.valued())
                writeBand(*periodWriters[p], 3, [&](const CbcCellSeries& s) { return s.npv[p]; });
        }
        if (historyWriter) {
            buffer.resize(n);
            for (std::size_t k = 0; k < n; ++k)
                buffer[k] = cellHistory[k] ? double(cellHistory[k]->id) : kNaN;
            historyWriter->writeRows(1, w.row0, w.rows, buffer.data());
        }
        if (tileAligned) {
            if (historyWriter)
                historyWriter->flush();
            for (auto& wr : stockWriters) {
                checkCancel();
                wr->flush();
            }
            for (auto& wr : periodWriters) {
                checkCancel();
                wr->flush();
            }
        }
    }

    // Totals from the histories, in ascending key order (deterministic), in double.
    result.stockT.assign(nr, {});
    result.netSequestrationT.assign(np, 0.0);
    result.emissionsT.assign(np, 0.0);
    result.npv.assign(model.valued() ? np : 0, 0.0);
    std::set<std::int64_t> used;
    std::set<std::pair<std::int64_t, std::int64_t>> pairs;
    for (const auto& [codes, h] : histories) {
        const double ha = (constantArea && !rowArea.empty() ? h.cells * rowArea.front() : h.areaM2) / 10000.0;
        result.validAreaHa += ha;
        for (std::size_t r = 0; r < nr; ++r)
            for (int p = 0; p < kCbcPoolCount; ++p)
                result.stockT[r][std::size_t(p)] += ha * h.series.stock[r][std::size_t(p)];
        for (std::size_t p = 0; p < np; ++p) {
            result.netSequestrationT[p] += ha * h.series.netSequestration[p];
            result.emissionsT[p] += ha * h.series.emissions[p];
            if (model.valued())
                result.npv[p] += ha * h.series.npv[p];
        }
        for (std::size_t d = 0; d < nd; ++d) {
            used.insert(codes[d]);
            if (d > 0 && codes[d] != codes[d - 1])
                pairs.insert({ codes[d - 1], codes[d] });
        }
    }
    result.nodataAreaHa = nodataM2 / 10000.0;
    result.partialNodataAreaHa = partialM2 / 10000.0;
    for (std::int64_t c : used)
        result.classesUsed.push_back(*classes.find(c));
    result.transitionsUsed.assign(pairs.begin(), pairs.end());

    for (auto& wr : stockWriters)
        wr->commit(options.feedback);
    for (auto& wr : periodWriters)
        wr->commit(options.feedback);
    if (historyWriter)
        historyWriter->commit(options.feedback);
    if (options.feedback)
        options.feedback->setProgress(100.0, "blue carbon per cell");
    return result;
}

// ---------------------------------------------------------------------------------------------
// Parcels

double CbcParcel::densityTPerHa(std::size_t reportIndex) const {
    return validAreaHa > 0 ? totalStockT[reportIndex] / validAreaHa : kNaN;
}

std::vector<CbcParcel> runCbcParcels(const gis::ParcelSet& parcels,
                                     const std::vector<LulcInput>& snapshots,
                                     const CbcParameters& classes,
                                     const CbcRunResult& run,
                                     const gis::ZonalOptions& zonal) {
    if (run.stockRasters.empty())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            "Per-parcel blue carbon needs the rasters: run the model with an output folder.");
    // All bands share the snapshots' grid: coverage is computed once per parcel (§7).
    std::vector<gis::ZonalBand> bands;
    for (const LulcInput& in : snapshots)
        gis::appendRasterBands(in.path, bands, "lulc_" + std::to_string(in.year));
    const std::size_t stock0 = bands.size();
    for (std::size_t r = 0; r < run.stockRasters.size(); ++r)
        gis::appendRasterBands(run.stockRasters[r], bands, "stock_" + std::to_string(run.reportYears[r]));
    const std::size_t period0 = bands.size();
    for (std::size_t p = 0; p < run.periodRasters.size(); ++p)
        gis::appendRasterBands(run.periodRasters[p],
                               bands,
                               "period_" + std::to_string(run.reportYears[p]) + "_" +
                                 std::to_string(run.reportYears[p + 1]));
    const int periodBands = run.valued ? 3 : 2;
    const std::size_t historyBand = bands.size();
    if (!run.historyRaster.empty())
        gis::appendRasterBands(run.historyRaster, bands, "history");
    gis::ZonalOptions options = zonal;
    options.stats = gis::Stat::Count | gis::Stat::Area;
    const gis::ZonalResult zr = gis::runZonal(parcels, bands, options);

    // Σ value × true covered area (ha) over the parcel's valid cells: exact for density rasters.
    auto integral = [](const gis::ZonalStats& s) {
        double v = 0;
        for (const gis::ClassTotal& ct : s.classes)
            v += ct.value * ct.areaM2 / 10000.0;
        return v;
    };
    const std::size_t nr = run.reportYears.size();
    std::vector<CbcParcel> out(parcels.parcels.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        CbcParcel& pc = out[i];
        std::set<std::int64_t> flagged;
        for (std::size_t d = 0; d < snapshots.size(); ++d)
            for (const gis::ClassTotal& ct : zr.stats[i][d].classes) {
                const CbcClass* c = classes.find(codeOf(ct.value));
                if (c && params::isFlagged(c->tag))
                    flagged.insert(c->code);
            }
        pc.flaggedCodes.assign(flagged.begin(), flagged.end());
        for (std::size_t r = 0; r < nr; ++r) {
            std::array<double, kCbcPoolCount> pools{};
            for (int p = 0; p < kCbcPoolCount; ++p)
                pools[std::size_t(p)] = integral(zr.stats[i][stock0 + r * 4 + std::size_t(p)]);
            pc.stockT.push_back(pools);
            pc.totalStockT.push_back(integral(zr.stats[i][stock0 + r * 4 + 3]));
        }
        const gis::ZonalStats& total0 = zr.stats[i][stock0 + 3];
        pc.validAreaHa = total0.validAreaM2 / 10000.0;
        pc.nodataAreaHa = total0.nodataAreaM2 / 10000.0;
        for (std::size_t p = 0; p + 1 < nr; ++p) {
            const std::size_t b = period0 + p * std::size_t(periodBands);
            pc.netSequestrationT.push_back(integral(zr.stats[i][b]));
            pc.emissionsT.push_back(integral(zr.stats[i][b + 1]));
            if (run.valued)
                pc.npv.push_back(integral(zr.stats[i][b + 2]));
        }
        if (!run.historyRaster.empty())
            for (const gis::ClassTotal& ct : zr.stats[i][historyBand].classes)
                pc.historyAreaHa[std::size_t(ct.value)] += ct.areaM2 / 10000.0;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Wetlands Supplement Tier 1

std::optional<MangroveWsParams> mangroveWsParams(const params::ParameterTable& table,
                                                 const QString& climate) {
    const params::TableRow* row = table.find(climate);
    if (!row)
        return std::nullopt;
    auto v = [&](const char* column) {
        return table.value(climate, QString::fromLatin1(column)).value_or(0.0);
    };
    MangroveWsParams p;
    p.climate = climate;
    p.agb = v("agb");
    p.gw = v("g_w");
    p.r = v("r");
    p.cf = v("cf");
    p.soc = v("soc");
    p.efRe = v("ef_re");
    p.tag = row->tag;
    p.source = row->source;
    p.file = row->file;
    p.line = row->line;
    return p;
}

RestorationStock restorationStockAt(const MangroveWsParams& p,
                                    int plantYear,
                                    int year,
                                    bool planted,
                                    double soilInitialTCPerHa) {
    // carbon-methods.md §4: biomass gain G_AGB × (1 + R) × CF per year until the Tier 1 stock
    // AGB × (1 + R) × CF; soil removal −EF_RE per year only for planted or seeded vegetation, until the
    // soil reaches the natural stock (not capped at 20 years).
    RestorationStock s;
    const double years = double(std::max(0, year - plantYear));
    s.biomass = std::min(p.biomassGainTCPerHaYr() * years, p.biomassCeilingTCPerHa());
    if (planted)
        s.soil = std::clamp(p.soilRemovalTCPerHaYr() * years, 0.0, std::max(0.0, p.soc - soilInitialTCPerHa));
    return s;
}

std::vector<RestorationPlot> readRestorationPlots(const std::string& path,
                                                  const gis::VectorOpenOptions& open,
                                                  const gis::ParcelSet& parcels,
                                                  const QString& plantingYearField,
                                                  int finalYear,
                                                  params::Issues& issues) {
    const QString file = QString::fromStdString(path);
    gis::VectorLayer layer(path, open);
    const int fi = layer.fieldIndex(plantingYearField);
    std::map<std::int64_t, std::pair<int, QVariant>> byFid;
    if (fi < 0) {
        QStringList names;
        for (const gis::FieldInfo& f : layer.info().fields)
            names << f.name;
        issues.push_back({ Issue::Severity::Error,
                           file,
                           0,
                           plantingYearField,
                           BlueCarbon::tr("the layer has no field '%1'; its fields are: %2")
                             .arg(plantingYearField, names.join(QStringLiteral(", "))) });
    } else {
        gis::Feature f;
        int row = 0;
        layer.resetReading();
        while (layer.next(f)) {
            ++row;
            byFid[f.fid] = { row, f.attributes[std::size_t(fi)] };
        }
    }
    std::vector<RestorationPlot> plots;
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
        const gis::Parcel& parcel = parcels.parcels[i];
        RestorationPlot p;
        p.fid = parcel.fid;
        p.id = parcel.id.toString();
        p.areaHa = parcel.ellipsoidalAreaM2 / 10000.0;
        p.row = int(i) + 1;
        const auto it = byFid.find(parcel.fid);
        if (it != byFid.end()) {
            p.row = it->second.first;
            const QVariant& v = it->second.second;
            bool ok = false;
            const double y = v.isNull() ? 0.0 : v.toString().trimmed().toDouble(&ok);
            if (!ok || y != std::floor(y) || y < 1900 || y > 2200)
                issues.push_back(
                  { Issue::Severity::Error,
                    file,
                    p.row,
                    plantingYearField,
                    BlueCarbon::tr("plot %1: the planting year '%2' is not a year (a whole number "
                                   "from 1900 to 2200)")
                      .arg(p.id, v.toString()) });
            else
                p.plantYear = int(y);
            if (p.plantYear && *p.plantYear >= finalYear)
                issues.push_back(
                  { Issue::Severity::Warning,
                    file,
                    p.row,
                    plantingYearField,
                    BlueCarbon::tr("plot %1 is planted in %2, not before the final year %3: it "
                                   "gains nothing in this report")
                      .arg(p.id)
                      .arg(*p.plantYear)
                      .arg(finalYear) });
        }
        plots.push_back(p);
    }
    return plots;
}

std::vector<RestorationResult> computeRestoration(const std::vector<RestorationPlot>& plots,
                                                  const MangroveWsParams& params,
                                                  const std::vector<int>& reportYears,
                                                  bool planted) {
    std::vector<RestorationResult> out;
    for (const RestorationPlot& plot : plots) {
        RestorationResult r;
        const int py = plot.plantYear.value_or(reportYears.back());
        for (int y : reportYears) {
            const RestorationStock s = restorationStockAt(params, py, y, planted);
            r.stockTPerHa.push_back(s);
            r.stockT.push_back(s.total() * plot.areaHa);
        }
        for (std::size_t p = 0; p + 1 < r.stockT.size(); ++p)
            r.netSequestrationT.push_back(r.stockT[p + 1] - r.stockT[p]);
        r.sinceplantingT = restorationStockAt(params, py, reportYears.back(), planted).total() * plot.areaHa;
        out.push_back(r);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Tables

namespace {

struct TotalLine {
    QString quantity;
    double value;
    QString unit;
};

void writeLines(const std::string& path, const std::vector<TotalLine>& lines) {
    using T = gis::TableColumn::Type;
    gis::writeTable(path,
                    { { "quantity", T::String }, { "value", T::Real }, { "unit", T::String } },
                    lines.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v[0] = lines[i].quantity;
                        v[1] = lines[i].value;
                        v[2] = lines[i].unit;
                    });
}

QString flaggedText(const std::vector<std::int64_t>& codes, const CbcRunResult& run) {
    QStringList parts;
    for (std::int64_t code : codes)
        for (const CbcClass& c : run.classesUsed)
            if (c.code == code)
                parts << QStringLiteral("%1:%2").arg(code).arg(params::tagName(c.tag));
    return parts.join(QLatin1Char(';'));
}

} // namespace

void writeCbcTotalsTable(const std::string& path,
                         const CbcRunResult& run,
                         const std::vector<RestorationPlot>* plots,
                         const std::vector<RestorationResult>* restoration) {
    std::vector<TotalLine> lines;
    const QString tC = QStringLiteral("t C"), tCo2 = QStringLiteral("t CO2e");
    for (std::size_t r = 0; r < run.reportYears.size(); ++r) {
        double total = 0;
        for (int p = 0; p < kCbcPoolCount; ++p) {
            lines.push_back(
              { QStringLiteral("stock_%1_%2").arg(QLatin1String(cbcPoolName(p)), yearTag(run.reportYears[r])),
                run.stockT[r][std::size_t(p)],
                tC });
            total += run.stockT[r][std::size_t(p)];
        }
        lines.push_back({ QStringLiteral("stock_total_%1").arg(run.reportYears[r]), total, tC });
    }
    for (std::size_t p = 0; p + 1 < run.reportYears.size(); ++p) {
        const QString span = QStringLiteral("%1_%2").arg(run.reportYears[p]).arg(run.reportYears[p + 1]);
        lines.push_back({ QStringLiteral("net_sequestration_") + span, run.netSequestrationT[p], tC });
        lines.push_back(
          { QStringLiteral("net_sequestration_co2e_") + span, run.netSequestrationT[p] * kCo2PerC, tCo2 });
        lines.push_back({ QStringLiteral("emissions_") + span, run.emissionsT[p], tC });
        if (run.valued)
            lines.push_back({ QStringLiteral("npv_%1").arg(run.reportYears[p + 1]),
                              run.npv[p],
                              QStringLiteral("currency") });
    }
    lines.push_back({ QStringLiteral("valid_area_ha"), run.validAreaHa, QStringLiteral("ha") });
    lines.push_back({ QStringLiteral("nodata_area_ha"), run.nodataAreaHa, QStringLiteral("ha") });
    lines.push_back(
      { QStringLiteral("partial_nodata_area_ha"), run.partialNodataAreaHa, QStringLiteral("ha") });
    lines.push_back(
      { QStringLiteral("invest_compatible"), run.investCompatible ? 1.0 : 0.0, QStringLiteral("0/1") });
    lines.push_back(
      { QStringLiteral("flagged_classes"), double(run.flaggedClasses().size()), QStringLiteral("count") });
    if (plots && restoration && !restoration->empty()) {
        double area = 0, since = 0;
        std::vector<double> stock(run.reportYears.size(), 0.0);
        for (std::size_t i = 0; i < plots->size(); ++i) {
            area += (*plots)[i].areaHa;
            since += (*restoration)[i].sinceplantingT;
            for (std::size_t r = 0; r < stock.size(); ++r)
                stock[r] += (*restoration)[i].stockT[r];
        }
        lines.push_back(
          { QStringLiteral("restoration_plots"), double(plots->size()), QStringLiteral("count") });
        lines.push_back({ QStringLiteral("restoration_area_ha"), area, QStringLiteral("ha") });
        for (std::size_t r = 0; r < stock.size(); ++r)
            lines.push_back({ QStringLiteral("restoration_stock_%1").arg(run.reportYears[r]), stock[r], tC });
        for (std::size_t p = 0; p + 1 < stock.size(); ++p) {
            const QString span = QStringLiteral("%1_%2").arg(run.reportYears[p]).arg(run.reportYears[p + 1]);
            lines.push_back(
              { QStringLiteral("restoration_net_sequestration_") + span, stock[p + 1] - stock[p], tC });
            lines.push_back({ QStringLiteral("restoration_net_sequestration_co2e_") + span,
                              (stock[p + 1] - stock[p]) * kCo2PerC,
                              tCo2 });
        }
        lines.push_back({ QStringLiteral("restoration_since_planting"), since, tC });
        lines.push_back({ QStringLiteral("restoration_since_planting_co2e"), since * kCo2PerC, tCo2 });
    }
    writeLines(path, lines);
}

void writeCbcParcelTable(const std::string& path,
                         const gis::ParcelSet& parcels,
                         const QString& idField,
                         const CbcRunResult& run,
                         const std::vector<CbcParcel>& results) {
    using T = gis::TableColumn::Type;
    std::vector<gis::TableColumn> columns = { { "fid", T::Integer },
                                              { idField.isEmpty() ? std::string("id") : idField.toStdString(),
                                                T::String },
                                              { "area_ha", T::Real },
                                              { "valid_area_ha", T::Real },
                                              { "nodata_share", T::Real } };
    for (int y : run.reportYears) {
        for (int p = 0; p < kCbcPoolCount; ++p)
            columns.push_back({ std::string(cbcPoolName(p)) + "_t_" + std::to_string(y), T::Real });
        columns.push_back({ "total_t_" + std::to_string(y), T::Real });
        columns.push_back({ "total_t_per_ha_" + std::to_string(y), T::Real });
    }
    for (std::size_t p = 0; p + 1 < run.reportYears.size(); ++p) {
        const std::string span =
          std::to_string(run.reportYears[p]) + "_" + std::to_string(run.reportYears[p + 1]);
        columns.push_back({ "net_seq_t_" + span, T::Real });
        columns.push_back({ "net_seq_co2e_t_" + span, T::Real });
        columns.push_back({ "emissions_t_" + span, T::Real });
        if (run.valued)
            columns.push_back({ "npv_" + std::to_string(run.reportYears[p + 1]), T::Real });
    }
    columns.push_back({ "flagged_classes", T::String });
    columns.push_back({ "geometry_repaired", T::Integer });
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    gis::writeTable(
      path,
      columns,
      results.size(),
      [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          const gis::Parcel& parcel = parcels.parcels[i];
          const CbcParcel& r = results[i];
          std::size_t k = 0;
          v[k++] = qint64(parcel.fid);
          v[k++] = parcel.id.toString();
          v[k++] = parcel.ellipsoidalAreaM2 / 10000.0;
          v[k++] = r.validAreaHa;
          v[k++] = r.nodataShare();
          for (std::size_t y = 0; y < run.reportYears.size(); ++y) {
              for (int p = 0; p < kCbcPoolCount; ++p)
                  v[k++] = r.stockT[y][std::size_t(p)];
              v[k++] = r.totalStockT[y];
              const double d = r.densityTPerHa(y);
              v[k++] = std::isfinite(d) ? QVariant(d) : QVariant();
          }
          for (std::size_t p = 0; p + 1 < run.reportYears.size(); ++p) {
              v[k++] = r.netSequestrationT[p];
              v[k++] = r.netSequestrationT[p] * kCo2PerC;
              v[k++] = r.emissionsT[p];
              if (run.valued)
                  v[k++] = r.npv[p];
          }
          v[k++] = flaggedText(r.flaggedCodes, run);
          v[k++] = parcel.repaired ? 1 : 0;
          if (gpkg)
              wkb = parcel.wkb;
      },
      gpkg,
      parcels.crs);
}

void writeRestorationTable(const std::string& path,
                           const gis::ParcelSet& parcels,
                           const std::vector<RestorationPlot>& plots,
                           const std::vector<RestorationResult>& results,
                           const std::vector<int>& reportYears,
                           const MangroveWsParams& params,
                           bool planted) {
    using T = gis::TableColumn::Type;
    std::vector<gis::TableColumn> columns = {
        { "fid", T::Integer }, { "id", T::String }, { "planting_year", T::Integer }, { "area_ha", T::Real }
    };
    for (int y : reportYears) {
        columns.push_back({ "biomass_t_per_ha_" + std::to_string(y), T::Real });
        columns.push_back({ "soil_t_per_ha_" + std::to_string(y), T::Real });
        columns.push_back({ "stock_t_" + std::to_string(y), T::Real });
    }
    for (std::size_t p = 0; p + 1 < reportYears.size(); ++p) {
        const std::string span = std::to_string(reportYears[p]) + "_" + std::to_string(reportYears[p + 1]);
        columns.push_back({ "net_seq_t_" + span, T::Real });
        columns.push_back({ "net_seq_co2e_t_" + span, T::Real });
    }
    for (const char* c : { "since_planting_t", "since_planting_co2e_t" })
        columns.push_back({ c, T::Real });
    columns.push_back({ "planted", T::Integer });
    columns.push_back({ "flagged_parameters", T::String });
    const QString flag =
      params::isFlagged(params.tag)
        ? QStringLiteral("mangrove_ws:%1:%2").arg(params.climate, params::tagName(params.tag))
        : QString();
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    gis::writeTable(
      path,
      columns,
      plots.size(),
      [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          const RestorationPlot& p = plots[i];
          const RestorationResult& r = results[i];
          std::size_t k = 0;
          v[k++] = qint64(p.fid);
          v[k++] = p.id;
          v[k++] = p.plantYear ? QVariant(*p.plantYear) : QVariant();
          v[k++] = p.areaHa;
          for (std::size_t y = 0; y < reportYears.size(); ++y) {
              v[k++] = r.stockTPerHa[y].biomass;
              v[k++] = r.stockTPerHa[y].soil;
              v[k++] = r.stockT[y];
          }
          for (std::size_t q = 0; q + 1 < reportYears.size(); ++q) {
              v[k++] = r.netSequestrationT[q];
              v[k++] = r.netSequestrationT[q] * kCo2PerC;
          }
          v[k++] = r.sinceplantingT;
          v[k++] = r.sinceplantingT * kCo2PerC;
          v[k++] = planted ? 1 : 0;
          v[k++] = flag;
          if (gpkg)
              wkb = parcels.parcels[i].wkb;
      },
      gpkg,
      parcels.crs);
}

void writeCbcParametersUsed(const std::string& path,
                            const CbcRunResult& run,
                            const CbcTransitions& transitions,
                            const CbcParameters& classes,
                            const MangroveWsParams* ws,
                            const std::vector<std::pair<QString, QString>>& options) {
    struct Row {
        QString table, key, parameter, value, unit, tag, source;
    };
    std::vector<Row> rows;
    const params::TableSpec& spec = cbcBiophysicalSpec();
    for (const CbcClass& c : run.classesUsed) {
        const QString key =
          c.name.isEmpty() ? QString::number(c.code) : QStringLiteral("%1 (%2)").arg(c.code).arg(c.name);
        std::vector<std::optional<double>> vals;
        for (int p = 0; p < kCbcPoolCount; ++p)
            vals.push_back(c.initial[std::size_t(p)]);
        for (int p = 0; p < 2; ++p)
            vals.push_back(c.halfLife[std::size_t(p)]);
        for (int p = 0; p < 2; ++p)
            for (int l = 0; l < 3; ++l)
                vals.push_back(c.disturb[std::size_t(p)][std::size_t(l)]);
        for (int p = 0; p < kCbcPoolCount; ++p)
            vals.push_back(c.accumulation[std::size_t(p)]);
        for (int p = 0; p < 2; ++p)
            vals.push_back(c.ceiling[std::size_t(p)]);
        for (std::size_t i = 0; i < vals.size() && i < spec.values.size(); ++i) {
            if (!vals[i])
                continue;
            rows.push_back({ QStringLiteral("cbc_biophysical"),
                             key,
                             QString::fromLatin1(spec.values[i].name),
                             QString::number(*vals[i], 'g', 12),
                             QString::fromUtf8(spec.values[i].unit),
                             params::tagName(c.tag),
                             c.source });
        }
    }
    std::set<std::pair<std::int64_t, std::int64_t>> used(run.transitionsUsed.begin(),
                                                         run.transitionsUsed.end());
    for (const CbcClass& c : run.classesUsed) // habitat → itself: the diagonal matters too
        used.insert({ c.code, c.code });
    for (const auto& [from, to] : used) {
        const std::optional<CbcTransition> t = transitions.find(from, to);
        if (!t)
            continue;
        const auto prov = transitions.rowProvenance.find(from);
        const CbcClass* a = classes.find(from);
        const CbcClass* b = classes.find(to);
        rows.push_back(
          { QStringLiteral("cbc_transitions"),
            QStringLiteral("%1 -> %2")
              .arg(a ? a->name : QString::number(from), b ? b->name : QString::number(to)),
            QStringLiteral("transition"),
            QString::fromLatin1(cbcTransitionName(*t)),
            QString(),
            prov != transitions.rowProvenance.end() ? params::tagName(prov->second.second) : QString(),
            prov != transitions.rowProvenance.end() ? prov->second.first : transitions.file });
    }
    if (ws) {
        const std::pair<const char*, double> wsValues[] = { { "agb", ws->agb }, { "g_w", ws->gw },
                                                            { "r", ws->r },     { "cf", ws->cf },
                                                            { "soc", ws->soc }, { "ef_re", ws->efRe } };
        const params::TableSpec& wsSpec = mangroveWsSpec();
        for (std::size_t i = 0; i < std::size(wsValues); ++i)
            rows.push_back({ QStringLiteral("mangrove_ws"),
                             ws->climate,
                             QString::fromLatin1(wsValues[i].first),
                             QString::number(wsValues[i].second, 'g', 12),
                             QString::fromUtf8(wsSpec.values[i].unit),
                             params::tagName(ws->tag),
                             ws->source });
        rows.push_back({ QStringLiteral("mangrove_ws"),
                         ws->climate,
                         QStringLiteral("biomass_gain (derived: g_w × (1 + r) × cf)"),
                         QString::number(ws->biomassGainTCPerHaYr(), 'g', 12),
                         QStringLiteral("t C/ha/yr"),
                         params::tagName(ws->tag),
                         QStringLiteral("carbon-methods.md §4, §10.7") });
        rows.push_back({ QStringLiteral("mangrove_ws"),
                         ws->climate,
                         QStringLiteral("biomass_ceiling (derived: agb × (1 + r) × cf)"),
                         QString::number(ws->biomassCeilingTCPerHa(), 'g', 12),
                         QStringLiteral("t C/ha"),
                         params::tagName(ws->tag),
                         QStringLiteral("carbon-methods.md §4, §10.7") });
    }
    for (const auto& [name, value] : options)
        rows.push_back(
          { QStringLiteral("option"), name, name, value, QString(), QStringLiteral("user"), QString() });
    using T = gis::TableColumn::Type;
    gis::writeTable(path,
                    { { "table", T::String },
                      { "key", T::String },
                      { "parameter", T::String },
                      { "value", T::String },
                      { "unit", T::String },
                      { "tag", T::String },
                      { "source", T::String } },
                    rows.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        const Row& r = rows[i];
                        v = { r.table, r.key, r.parameter, r.value, r.unit, r.tag, r.source };
                    });
}

} // namespace tanhui::models::carbon
