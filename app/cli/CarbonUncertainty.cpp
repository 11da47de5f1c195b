// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CarbonUncertainty.h"

#include "app/cli/CliCommon.h"
#include "app/cli/NumericOptions.h"
#include "gis/TableWriter.h"
#include "models/uncertainty/UncertainParameters.h"
#include "models/uncertainty/UncertaintyFiles.h"

#include <QCoreApplication>
#include <QDir>

#include <cmath>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonUncertainty {
    Q_DECLARE_TR_FUNCTIONS(CarbonUncertainty)
};

namespace carbon = models::carbon;
namespace params = models::params;
namespace mc = models::uncertainty;
using Type = gis::TableColumn::Type;

/// Largest seed written exactly as a number in totals.csv (2⁵³ − 1).
constexpr std::uint64_t kMaxSeed = (std::uint64_t(1) << 53) - 1;

QVariant orNull(double v) {
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

void appendQuantity(std::vector<carbon::ExtraTotalRow>& rows,
                    const QString& name,
                    const mc::QuantityUncertainty& q,
                    double scale,
                    const QString& unit) {
    rows.push_back({ name + QStringLiteral("_mc_mean"), q.mc.mean * scale, unit });
    rows.push_back({ name + QStringLiteral("_p2_5"), q.mc.p2_5 * scale, unit });
    rows.push_back({ name + QStringLiteral("_p50"), q.mc.p50 * scale, unit });
    rows.push_back({ name + QStringLiteral("_p97_5"), q.mc.p97_5 * scale, unit });
    rows.push_back({ name + QStringLiteral("_u95_pct"), q.u95 * 100.0, QStringLiteral("%") });
}

void appendColumns(std::vector<gis::TableColumn>& columns, const QString& name) {
    for (const char* s : { "_p2_5", "_p50", "_p97_5", "_u95_pct" })
        columns.push_back({ (name + QLatin1String(s)).toStdString(), Type::Real });
}

std::size_t fillQuantity(std::vector<QVariant>& v, std::size_t k, const mc::QuantityUncertainty& q) {
    v[k++] = orNull(q.mc.p2_5);
    v[k++] = orNull(q.mc.p50);
    v[k++] = orNull(q.mc.p97_5);
    v[k++] = orNull(q.u95 * 100.0);
    return k;
}

/// fillQuantity()'s four fields as CSV text (a non-finite value is an empty field, as orNull()).
void formatQuantity(std::string& line, const mc::QuantityUncertainty& q) {
    for (const double v : { q.mc.p2_5, q.mc.p50, q.mc.p97_5, q.u95 * 100.0 }) {
        line += ',';
        if (std::isfinite(v))
            gis::appendCsvNumber(line, v);
    }
}

mc::UncertaintyDefaults defaultsOf(const UncertaintyRequest& r) {
    mc::UncertaintyDefaults d;
    d.uPct = r.defaultPct;
    // Values of a kind with a documented default take it; the given U reaches the other kinds.
    d.byKind = true;
    if (r.defaultPct)
        d.provenance = CarbonUncertainty::tr(
                         "run-wide --default-uncertainty %1 % (U = 95 % half-width; carbon-methods.md §6.2 "
                         "item 1)")
                         .arg(*r.defaultPct);
    return d;
}

void writeParameterFile(const QString& path, const std::vector<const mc::UncertainValue*>& values) {
    mc::writeUncertaintyParameters(path.toStdString(), values);
}

void writeRunFile(const QString& path, const UncertaintyRequest& r, const mc::MonteCarloMetadata& m) {
    mc::writeUncertaintyRun(path.toStdString(), m, r.defaultPct, mc::methodCorrelationRule());
}

void warnFixed(const std::vector<std::string>& ids, const QString& table) {
    if (ids.empty())
        return;
    QStringList names;
    for (std::size_t i = 0; i < ids.size() && i < 8; ++i)
        names << QString::fromStdString(ids[i]);
    if (ids.size() > 8)
        names << QStringLiteral("…");
    printWarning(CarbonUncertainty::tr("%1 value(s) of the %2 have no uncertainty (no uncertainty columns in "
                                       "the table and no --default-uncertainty) and are treated as exact: %3")
                   .arg(ids.size())
                   .arg(table, names.join(QStringLiteral(", "))));
}

QString pairSuffix(const carbon::PairTotals& p) {
    return QStringLiteral("%1_%2").arg(p.year1).arg(p.year2);
}

} // namespace

QList<QCommandLineOption> uncertaintyOptions() {
    return {
        QCommandLineOption(QStringLiteral("uncertainty"),
                           CarbonUncertainty::tr("Uncertainty: Monte Carlo (IPCC Approach 2, 2.5/50/97.5 "
                                                 "percentiles) and Approach 1 per parcel and in total.")),
        QCommandLineOption(
          QStringLiteral("iterations"),
          CarbonUncertainty::tr("Monte Carlo iterations (default %1).").arg(mc::kDefaultIterations),
          CarbonUncertainty::tr("N")),
        QCommandLineOption(
          QStringLiteral("seed"),
          CarbonUncertainty::tr("Monte Carlo seed, 0 to 2^53 - 1 (default %1); the same seed "
                                "gives the same numbers for any thread count.")
            .arg(mc::kDefaultSeed),
          CarbonUncertainty::tr("S")),
        QCommandLineOption(QStringLiteral("default-uncertainty"),
                           CarbonUncertainty::tr(
                             "Defaults for table values without uncertainty columns: each value takes the "
                             "default of its kind (carbon fraction, BEF, R, Tier 1 densities, soil factors; "
                             "docs/uncertainty.md); PCT (U in %, 95 % half-width, e.g. 90 for the IPCC "
                             "'±90 %' Tier 1 convention) covers the kinds without one."),
                           CarbonUncertainty::tr("PCT")),
    };
}

int parseUncertaintyValues(const QCommandLineParser& parser, UncertaintyRequest& r) {
    bool ok = true;
    if (parser.isSet(QStringLiteral("iterations"))) {
        const QString text = parser.value(QStringLiteral("iterations"));
        r.iterations = text.toInt(&ok);
        if (!ok || r.iterations < 1 || r.iterations > 10000000) {
            printError(
              CarbonUncertainty::tr("--iterations must be a whole number from 1 to 10000000, not '%1'")
                .arg(text));
            return ExitUsage;
        }
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        const QString text = parser.value(QStringLiteral("seed"));
        r.seed = text.toULongLong(&ok);
        if (!ok || r.seed > kMaxSeed) {
            printError(
              CarbonUncertainty::tr("--seed must be a whole number from 0 to 9007199254740991, not '%1'")
                .arg(text));
            return ExitUsage;
        }
    }
    // U from its declaration (range; 0.1 warned as a fraction), as the project's default_u_pct.
    const QCommandLineOption defaultOpt(QStringLiteral("default-uncertainty"));
    double pct = 0;
    if (!readNumericOptions(parser,
                            { { defaultOpt, models::uncertainty::defaultUncertaintyParameter(), pct } }))
        return ExitUsage;
    if (parser.isSet(defaultOpt))
        r.defaultPct = pct;
    return ExitOk;
}

int parseUncertaintyOptions(const QCommandLineParser& parser,
                            int threads,
                            std::optional<UncertaintyRequest>& request) {
    request.reset();
    const bool on = parser.isSet(QStringLiteral("uncertainty"));
    for (const char* name : { "iterations", "seed", "default-uncertainty" })
        if (!on && parser.isSet(QString::fromLatin1(name))) {
            printError(CarbonUncertainty::tr("--%1 needs --uncertainty").arg(QString::fromLatin1(name)));
            return ExitUsage;
        }
    if (!on)
        return ExitOk;
    UncertaintyRequest r;
    r.threads = threads;
    if (const int rc = parseUncertaintyValues(parser, r); rc != ExitOk)
        return rc;
    request = r;
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------------

params::Issues PoolUncertaintyOutputs::prepare(const params::ParameterTable& table,
                                               const carbon::PoolLookup& pools,
                                               const UncertaintyRequest& request) {
    m_request = request;
    m_model = mc::buildPoolUncertainty(table, pools, defaultsOf(request));
    return m_model.issues;
}

std::vector<carbon::ExtraTotalRow> PoolUncertaintyOutputs::totals(const carbon::PoolRunResult& run,
                                                                  gis::Feedback* feedback) {
    mc::MonteCarloOptions options;
    options.iterations = m_request.iterations;
    options.seed = m_request.seed;
    options.threads = m_request.threads;
    options.feedback = feedback;
    const mc::PoolMonteCarloResult r = mc::runPoolMonteCarlo(m_model, mc::wholeRasterAreas(run), {}, options);
    m_parcels.metadata = r.metadata;
    std::vector<carbon::ExtraTotalRow> rows;
    const QString tC = QStringLiteral("t C");
    for (std::size_t d = 0; d < run.dates.size(); ++d)
        appendQuantity(rows, QStringLiteral("stock_%1").arg(run.dates[d].year), r.total.stocks[d], 1.0, tC);
    for (std::size_t p = 0; p < run.pairs.size(); ++p)
        appendQuantity(
          rows, QStringLiteral("change_") + pairSuffix(run.pairs[p]), r.total.changes[p], 1.0, tC);
    rows.push_back(
      { QStringLiteral("mc_iterations"), double(r.metadata.iterations), QStringLiteral("count") });
    rows.push_back({ QStringLiteral("mc_seed"), double(r.metadata.seed), QStringLiteral("seed") });
    return rows;
}

carbon::ExtraColumns PoolUncertaintyOutputs::parcels(const carbon::PoolRunResult& run,
                                                     const std::vector<carbon::ParcelCarbon>& carbonParcels,
                                                     gis::Feedback* feedback) {
    mc::MonteCarloOptions options;
    options.iterations = m_request.iterations;
    options.seed = m_request.seed;
    options.threads = m_request.threads;
    options.feedback = feedback;
    m_parcels = mc::runPoolMonteCarloOnParcels(m_model, {}, carbonParcels, options);
    carbon::ExtraColumns extra;
    for (const carbon::DateTotals& d : run.dates)
        appendColumns(extra.columns, QStringLiteral("c_total_t_%1").arg(d.year));
    for (const carbon::PairTotals& p : run.pairs)
        appendColumns(extra.columns, QStringLiteral("change_t_") + pairSuffix(p));
    extra.fill = [this](std::size_t row, std::vector<QVariant>& v, std::size_t k) {
        const mc::UnitUncertainty& u = m_parcels.parcels[row];
        for (const mc::QuantityUncertainty& q : u.stocks)
            k = fillQuantity(v, k, q);
        for (const mc::QuantityUncertainty& q : u.changes)
            k = fillQuantity(v, k, q);
    };
    extra.formatCsv = [this](std::size_t row, std::string& line) {
        const mc::UnitUncertainty& u = m_parcels.parcels[row];
        for (const auto* quantities : { &u.stocks, &u.changes })
            for (const mc::QuantityUncertainty& q : *quantities)
                formatQuantity(line, q);
    };
    return extra;
}

void PoolUncertaintyOutputs::writeRunFiles(const QString& outDir, bool quiet) const {
    std::vector<const mc::UncertainValue*> values;
    for (const auto& row : m_model.pools)
        for (const mc::UncertainValue& v : row)
            values.push_back(&v);
    const QDir dir(outDir);
    writeParameterFile(dir.filePath(QStringLiteral("uncertainty_parameters.csv")), values);
    mc::MonteCarloMetadata meta = m_parcels.metadata;
    meta.seed = m_request.seed;
    meta.iterations = m_request.iterations;
    writeRunFile(dir.filePath(QStringLiteral("uncertainty_run.csv")), m_request, meta);
    warnFixed(m_model.fixedIds, CarbonUncertainty::tr("pools table"));
    if (!quiet)
        printInfo(CarbonUncertainty::tr("uncertainty: %1 Monte Carlo iterations, seed %2")
                    .arg(m_request.iterations)
                    .arg(m_request.seed));
}

// ---------------------------------------------------------------------------------------------------

params::Issues VolumeUncertaintyOutputs::prepare(const params::ParameterTable& table,
                                                 const carbon::SpeciesLookup& species,
                                                 carbon::BefForm form,
                                                 const UncertaintyRequest& request) {
    m_request = request;
    m_form = form;
    m_model = mc::buildVolumeUncertainty(table, species, form, defaultsOf(request));
    return m_model.issues;
}

void VolumeUncertaintyOutputs::run(const std::vector<carbon::VolumeRecord>& records,
                                   const std::vector<carbon::VolumeParcel>& results,
                                   gis::Feedback* feedback) {
    mc::MonteCarloOptions options;
    options.iterations = m_request.iterations;
    options.seed = m_request.seed;
    options.threads = m_request.threads;
    options.feedback = feedback;
    m_result = mc::runVolumeMonteCarlo(m_model, records, results, m_form, options);
}

std::vector<carbon::ExtraTotalRow> VolumeUncertaintyOutputs::totals() const {
    std::vector<carbon::ExtraTotalRow> rows;
    appendQuantity(rows, QStringLiteral("carbon_total"), m_result.total, 1.0, QStringLiteral("t C"));
    appendQuantity(
      rows, QStringLiteral("co2e_total"), m_result.total, carbon::kCo2PerC, QStringLiteral("t CO2e"));
    rows.pop_back(); // the U of CO2e is the U of carbon: listed once
    rows.push_back(
      { QStringLiteral("mc_iterations"), double(m_result.metadata.iterations), QStringLiteral("count") });
    rows.push_back({ QStringLiteral("mc_seed"), double(m_result.metadata.seed), QStringLiteral("seed") });
    return rows;
}

carbon::ExtraColumns VolumeUncertaintyOutputs::parcels() const {
    carbon::ExtraColumns extra;
    appendColumns(extra.columns, QStringLiteral("carbon_t"));
    extra.fill = [this](std::size_t row, std::vector<QVariant>& v, std::size_t k) {
        fillQuantity(v, k, m_result.parcels[row]);
    };
    return extra;
}

void VolumeUncertaintyOutputs::writeRunFiles(const QString& outDir, bool quiet) const {
    std::vector<const mc::UncertainValue*> values;
    const bool constant = m_form == carbon::BefForm::Constant;
    for (const auto& [group, row] : m_model.groups)
        for (std::size_t c = constant ? 0 : 4; c < (constant ? 4u : 6u); ++c)
            values.push_back(&row[c]);
    const QDir dir(outDir);
    writeParameterFile(dir.filePath(QStringLiteral("uncertainty_parameters.csv")), values);
    writeRunFile(dir.filePath(QStringLiteral("uncertainty_run.csv")), m_request, m_result.metadata);
    warnFixed(m_model.fixedIds, CarbonUncertainty::tr("species table"));
    if (!quiet)
        printInfo(CarbonUncertainty::tr("uncertainty: %1 Monte Carlo iterations, seed %2; total %3 t C "
                                        "(95 % interval %4 to %5; Approach 1 ±%6 %)")
                    .arg(m_request.iterations)
                    .arg(m_request.seed)
                    .arg(m_result.total.mc.p50, 0, 'f', 3)
                    .arg(m_result.total.mc.p2_5, 0, 'f', 3)
                    .arg(m_result.total.mc.p97_5, 0, 'f', 3)
                    .arg(m_result.total.u95 * 100.0, 0, 'f', 1));
}

} // namespace tanhui::cli
