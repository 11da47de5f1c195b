// SPDX-License-Identifier: GPL-3.0-or-later
// GEP of a project in-process through models::gep::runGepProject (no subprocess): the result set's
// totals equal the sum over the parcels and over the services; the carbon sequestration comes from the
// carbon result table given in memory (joined by layer and source_fid); a carbon folder without a result
// set is refused with a message saying to rerun the carbon run; the result set written to a folder reads
// back; and a cancel mid-run (gis::Feedback from another thread) leaves the previous output folder
// byte-identical with no staging folder (gis::StagedOutput).
#include "OutputSnapshot.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/VectorWriter.h"
#include "models/gep/GepProject.h"
#include "models/gep/GepRunData.h"
#include "models/gep/GepTables.h"
#include "models/project/Project.h"
#include "models/sample/SampleProject.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace tanhui;
namespace gep = tanhui::models::gep;
namespace params = tanhui::models::params;
namespace analysis = tanhui::models::analysis;

namespace {

gep::GepModel loadModel() {
    gep::GepModel m;
    params::Issues issues;
    const params::LoadedTable prices =
      params::loadTable(gep::priceTableSpec(),
                        gep::priceProfilePath(QStringLiteral("P0_RCEES2010")),
                        params::Provenance::Required);
    m.prices = gep::pricesFromTable(prices.table, issues);
    const params::LoadedTable profiles = params::loadTable(
      gep::profileTableSpec(), QStringLiteral(":/parameters/gep/profiles.csv"), params::Provenance::Required);
    m.profile = *gep::profileFromTable(profiles.table, QStringLiteral("RCEES_LEGACY"), issues);
    const params::LoadedTable eco = params::loadTable(gep::ecosystemTableSpec(),
                                                      QStringLiteral(":/parameters/gep/ecosystem_params.csv"),
                                                      params::Provenance::Required);
    m.ecosystems = gep::ecosystemsFromTable(eco.table);
    const params::LoadedTable constants = params::loadTable(gep::constantsTableSpec(),
                                                            QStringLiteral(":/parameters/gep/constants.csv"),
                                                            params::Provenance::Required);
    m.constants = gep::constantsFromTable(constants.table, issues);
    m.constants.acDays = 120;
    if (params::hasErrors(issues))
        qFatal("parameter tables: %s", qPrintable(issues.front().toString()));
    return m;
}

/// Signed shoelace area of the part of `ring` left of x = x0 (Sutherland–Hodgman against one edge).
double leftArea(const gis::Ring& ring, double x0) {
    std::vector<std::pair<double, double>> out;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1) % n;
        const double ax = ring.x(i), ay = ring.y(i), bx = ring.x(j), by = ring.y(j);
        const bool aIn = ax <= x0, bIn = bx <= x0;
        if (aIn)
            out.push_back({ ax, ay });
        if (aIn != bIn)
            out.push_back({ x0, ay + (by - ay) * (x0 - ax) / (bx - ax) });
    }
    double a = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto& [x1, y1] = out[i];
        const auto& [x2, y2] = out[(i + 1) % out.size()];
        a += x1 * y2 - x2 * y1;
    }
    return a / 2;
}

/// Area of `mp` left of x = x0 (exterior rings minus holes).
double leftArea(const gis::MultiPolygon& mp, double x0) {
    double a = 0;
    for (const gis::Polygon& p : mp.parts)
        for (std::size_t r = 0; r < p.rings.size(); ++r)
            a += (r == 0 ? 1 : -1) * std::fabs(leftArea(p.rings[r], x0));
    return a;
}

double relDiff(double a, double b) {
    return std::fabs(a - b) / std::max(1.0, std::fabs(b));
}

} // namespace

class TestGepProject : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    models::Project m_project;
    gep::GepInputs m_inputs;
    int m_year1 = 0, m_year2 = 0; ///< the last two land-cover dates

    /// The carbon project run's parcels table for layer `layer`: every parcel 1.5 t C/yr over the
    /// accounting interval, except fid 1 (no change, not computed) and fid 2 (absent).
    analysis::Table carbonTable(const QString& layer, int parcels) const {
        analysis::Table t;
        t.name = QStringLiteral("parcels");
        const QString change = QStringLiteral("change_t_per_yr_%1_%2").arg(m_year1).arg(m_year2);
        t.columns = { { QStringLiteral("layer"), {}, {}, gis::TableColumn::Type::String },
                      { QStringLiteral("source_fid"), {}, {}, gis::TableColumn::Type::Integer },
                      { QStringLiteral("method"), {}, {}, gis::TableColumn::Type::String },
                      { QStringLiteral("primary"), {}, {}, gis::TableColumn::Type::Integer },
                      { change, QStringLiteral("t C/yr"), {}, gis::TableColumn::Type::Real },
                      { QStringLiteral("not_computed"), {}, {}, gis::TableColumn::Type::String } };
        for (int fid = 0; fid < parcels + 5; ++fid) {
            if (fid == 2)
                continue;
            t.rows.push_back({ layer,
                               qlonglong(fid),
                               QStringLiteral("pools"),
                               1,
                               fid == 1 ? QVariant() : QVariant(1.5),
                               fid == 1 ? QVariant(QStringLiteral("no data")) : QVariant() });
        }
        return t;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        gis::initializeGdal();
        const QString sample = m_dir.filePath(QStringLiteral("sample"));
        models::sample::SampleOptions options;
        options.size = models::sample::SampleSize::Test;
        models::sample::generateSampleProject(sample, options, nullptr);
        m_project = models::Project::load(QDir(sample).filePath(QStringLiteral("project.tanhui.json")));
        std::vector<int> years;
        for (const models::ProjectLayer* l : m_project.layersWithRole(QStringLiteral("landcover")))
            years.push_back(l->year);
        std::sort(years.begin(), years.end());
        QVERIFY(years.size() >= 2);
        m_year1 = years[years.size() - 2];
        m_year2 = years.back();
        m_inputs.model = loadModel();
        m_inputs.account.profile = m_inputs.model.profile.id;
        m_inputs.layerIds = { QStringLiteral("xiaoban") };
        m_inputs.carbonResults =
          gep::CarbonInput{ carbonTable(QStringLiteral("xiaoban"), 10000), QStringLiteral("test table") };
    }

    void totalsEqualSumOverParcelsAndServices() {
        gis::Feedback feedback;
        gep::GepOptions options;
        options.feedback = &feedback;
        const gep::GepRun run = gep::runGepProject(m_project, m_inputs, options);
        const analysis::ResultSet& rs = run.results;
        for (const char* name : { "indicators",
                                  "skipped",
                                  "parcels_xiaoban",
                                  "prices_used",
                                  "totals",
                                  "run_settings",
                                  "overlaps",
                                  "ledger_check" })
            QVERIFY2(rs.table(QString::fromLatin1(name)), name);
        const analysis::Table& parcels = *rs.table(QStringLiteral("parcels_xiaoban"));
        QVERIFY(parcels.rowCount() > 10);
        QCOMPARE(parcels.column(QStringLiteral("area_ha"))->unit, QStringLiteral("ha"));
        QVERIFY(!parcels.column(QStringLiteral("gep_cny"))->description.isEmpty());
        // Σ parcels (accounted part) = total; Σ services = total.
        double sumParcels = 0;
        for (std::size_t i = 0; i < parcels.rowCount(); ++i)
            sumParcels += parcels.number(i, QStringLiteral("gep_cny")) *
                          parcels.number(i, QStringLiteral("accounted_share"));
        const analysis::Table& totals = *rs.table(QStringLiteral("totals"));
        double total = std::nan(""), sumServices = 0, sumCategories = 0;
        int services = 0;
        for (std::size_t i = 0; i < totals.rowCount(); ++i) {
            const QString group = totals.value(i, QStringLiteral("group")).toString();
            const double v = totals.number(i, QStringLiteral("value_cny"));
            if (group == QLatin1String("total"))
                total = v;
            else if (group == QLatin1String("service")) {
                sumServices += v;
                ++services;
            } else if (group == QLatin1String("category"))
                sumCategories += v;
        }
        QVERIFY(services >= 3);
        QVERIFY(total > 0);
        QCOMPARE(total, run.totals.total);
        QVERIFY2(relDiff(sumParcels, total) < 1e-9,
                 qPrintable(QStringLiteral("%1 vs %2").arg(sumParcels).arg(total)));
        QVERIFY2(relDiff(sumServices, total) < 1e-9,
                 qPrintable(QStringLiteral("%1 vs %2").arg(sumServices).arg(total)));
        QVERIFY(relDiff(sumCategories, total) < 1e-9);
        QVERIFY(run.ledgerCheck.passed());
        // Provenance: the rasters and the parcel layer with their hashes; the prices with source and tag.
        bool landcover = false;
        for (const analysis::InputRecord& in : rs.provenance.inputs)
            landcover =
              landcover || (in.role == QLatin1String("landcover") && in.files.front().sha256.size() == 64);
        QVERIFY(landcover);
        QVERIFY(!rs.provenance.parameters.empty());
        QVERIFY(!rs.provenance.parameters.front().source.isEmpty());
    }

    void carbonFromTheResultTable() {
        const gep::GepRun run = gep::runGepProject(m_project, m_inputs, {});
        const analysis::Table& parcels = *run.results.table(QStringLiteral("parcels_xiaoban"));
        int joined = 0, noChange = 0, missing = 0;
        const double tco2 = 1.5 * 44.0 / 12.0; // t CO2/a from 1.5 t C/a (§4.8)
        for (std::size_t i = 0; i < parcels.rowCount(); ++i) {
            const QString flags = parcels.value(i, QStringLiteral("flags")).toString();
            QCOMPARE(parcels.value(i, QStringLiteral("carbon_source")).toString(),
                     QStringLiteral("carbon_results"));
            if (flags.contains(QLatin1String("no_carbon_change"))) {
                ++noChange;
                QVERIFY(parcels.value(i, QStringLiteral("carbon_note"))
                          .toString()
                          .contains(QLatin1String("no data")));
            } else if (flags.contains(QLatin1String("not_in_carbon_table"))) {
                ++missing;
            } else {
                ++joined;
                QCOMPARE(parcels.value(i, QStringLiteral("carbon_years")).toString(),
                         QStringLiteral("%1-%2").arg(m_year1).arg(m_year2));
                QVERIFY(relDiff(parcels.number(i, QStringLiteral("carbon_sequestration_qty")), tco2) < 1e-9);
            }
        }
        QCOMPARE(noChange, 1);
        QCOMPARE(missing, 1);
        QCOMPARE(joined, int(parcels.rowCount()) - 2);
    }

    /// A partly overlapped parcel whose accounted part the carbon run computed from its own coverage
    /// (accounted_rule "coverage"): the totals value the part's own flux, not the whole flux × the share
    /// (docs/gep.md "Totals"). The parts here are a net source (whole parcel +1.5 t C/a, part −0.3, its
    /// vegetation −0.5) or a sink of another mix (part +0.4, vegetation +0.1): the emission, the
    /// sequestration and the oxygen release of the totals follow the part, the parcel rows keep the
    /// whole parcel, Σ accounted_gep_cny = the total, and the ledger check compares the part's flux.
    void accountedPartCarbonFromItsOwnFlux() {
        gep::GepInputs inputs = m_inputs;
        inputs.layerIds = { QStringLiteral("xiaoban"), QStringLiteral("farmland_plots") };
        auto table = [&](const std::map<qint64, double>& partShare) {
            analysis::Table t = carbonTable(QStringLiteral("xiaoban"), 10000);
            const analysis::Table farm = carbonTable(QStringLiteral("farmland_plots"), 10000);
            t.rows.insert(t.rows.end(), farm.rows.begin(), farm.rows.end());
            const QString pair = QStringLiteral("%1_%2").arg(m_year1).arg(m_year2);
            t.columns.push_back({ QStringLiteral("accounted_rule"), {}, {}, gis::TableColumn::Type::String });
            t.columns.push_back(
              { QStringLiteral("accounted_change_t_") + pair, {}, {}, gis::TableColumn::Type::Real });
            t.columns.push_back({ QStringLiteral("accounted_vegetation_change_t_") + pair,
                                  {},
                                  {},
                                  gis::TableColumn::Type::Real });
            const double years = m_year2 - m_year1;
            for (std::vector<QVariant>& row : t.rows) {
                const qint64 fid = row[1].toLongLong();
                const auto it =
                  row[0] == QStringLiteral("farmland_plots") ? partShare.find(fid) : partShare.end();
                if (it == partShare.end() || row[4].isNull()) {
                    row.insert(row.end(), { QStringLiteral("whole"), QVariant(), QVariant() });
                    continue;
                }
                // Alternate: a net-source part and a sink part with another vegetation / soil mix.
                const bool source = fid % 2 == 0;
                row.insert(row.end(),
                           { QStringLiteral("coverage"),
                             (source ? -0.3 : 0.4) * years,
                             (source ? -0.5 : 0.1) * years });
            }
            return t;
        };
        inputs.carbonResults = gep::CarbonInput{ table({}), QStringLiteral("test table") };
        const gep::GepRun plain = gep::runGepProject(m_project, inputs, {});
        std::map<qint64, double> partShare;
        for (const gep::ParcelRow& row : plain.parcels->rows)
            if (row.layer == QLatin1String("farmland_plots") && row.accountedShare > 0.01 &&
                row.accountedShare < 0.99 && row.carbonFluxTC)
                partShare[row.sourceFid] = row.accountedShare;
        QVERIFY2(partShare.size() >= 2, "the test sample has farm plots partly under 小班");

        inputs.carbonResults = gep::CarbonInput{ table(partShare), QStringLiteral("test table") };
        const gep::GepRun run = gep::runGepProject(m_project, inputs, {});
        QVERIFY(run.ledgerCheck.passed());
        const double kCo2 = 44.0 / 12.0, kO2 = 32.0 / 12.0;
        double carbonPrice = 0, oxygenPrice = 0;
        double seqT = 0, emissionT = 0, oxygenT = 0, netFluxT = 0;
        int parts = 0;
        for (const gep::ParcelRow& row : run.parcels->rows) {
            if (!row.carbonFluxTC)
                continue;
            QCOMPARE(*row.carbonFluxTC, 1.5); // the row keeps the whole parcel
            const auto it =
              row.layer == QLatin1String("farmland_plots") ? partShare.find(row.sourceFid) : partShare.end();
            for (const gep::IndicatorResult& r : row.results)
                if (!r.skipped && r.quantity.value > 0) {
                    if (r.key == QLatin1String("carbon_sequestration"))
                        carbonPrice = r.valueYuan / r.quantity.value;
                    if (r.key == QLatin1String("oxygen_release"))
                        oxygenPrice = r.valueYuan / r.quantity.value;
                }
            if (it == partShare.end()) {
                QVERIFY(!row.accountedCarbonFluxTC);
                seqT += 1.5 * kCo2 * row.accountedShare;
                oxygenT += 1.5 * kCo2 * 32.0 / 44.0 * row.accountedShare;
                netFluxT += 1.5 * kCo2 * row.accountedShare;
                continue;
            }
            ++parts;
            QVERIFY(row.accountedCarbonFluxTC);
            const bool source = row.sourceFid % 2 == 0;
            QVERIFY(std::abs(*row.accountedCarbonFluxTC - (source ? -0.3 : 0.4)) < 1e-12);
            netFluxT += *row.accountedCarbonFluxTC * kCo2;
            if (source) {
                emissionT += 0.3 * kCo2; // a net-source part: an emission beside GEP, no O2 (vegetation −0.5)
            } else {
                seqT += 0.4 * kCo2;
                oxygenT += 0.1 * kO2; // vegetation part only (§4.9)
            }
        }
        QCOMPARE(parts, int(partShare.size()));
        QVERIFY(carbonPrice > 0 && oxygenPrice > 0);
        QVERIFY2(
          relDiff(run.totals.byService.at(QStringLiteral("carbon_sequestration")), seqT * carbonPrice) < 1e-9,
          qPrintable(QStringLiteral("%1 vs %2")
                       .arg(run.totals.byService.at(QStringLiteral("carbon_sequestration")))
                       .arg(seqT * carbonPrice)));
        QVERIFY(relDiff(run.totals.byService.at(QStringLiteral("oxygen_release")), oxygenT * oxygenPrice) <
                1e-9);
        QVERIFY(relDiff(run.totals.emissionTco2, emissionT) < 1e-9);
        // The share rule would have counted +1.5 × share for these parcels: the totals differ from the plain
        // run by exactly the parts' difference.
        QVERIFY(run.totals.byService.at(QStringLiteral("carbon_sequestration")) <
                plain.totals.byService.at(QStringLiteral("carbon_sequestration")));
        // The ledger's GEP carbon row compares the parts' own flux.
        bool checked = false;
        for (const models::carbon::LedgerCheckRow& r : run.ledgerCheck.rows)
            if (r.check == QLatin1String("gep_carbon")) {
                QVERIFY2(relDiff(r.expected, netFluxT) < 1e-9,
                         qPrintable(QStringLiteral("%1 vs %2").arg(r.expected).arg(netFluxT)));
                checked = true;
            }
        QVERIFY(checked);
        // The parcel tables: Σ accounted_gep_cny over every layer = the total.
        double sum = 0;
        for (const QString& layer : inputs.layerIds) {
            const analysis::Table& t = *run.results.table(QStringLiteral("parcels_") + layer);
            for (std::size_t i = 0; i < t.rowCount(); ++i)
                sum += t.number(i, QStringLiteral("accounted_gep_cny"));
        }
        QVERIFY2(relDiff(sum, run.totals.total) < 1e-9,
                 qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(run.totals.total)));

        // A plan changing a sink part and a source part values them as the totals do
        // (gep::ChangedParcel): carbon from the part's own flux plus the plan's addition (0.2 t C/a of
        // vegetation, 0.1 of soil, to the part), every other indicator as the whole parcel's × its share.
        // The share rule would give the baseline 1.5 t C/a × share.
        std::vector<qint64> changedFids;
        for (const bool wantSource : { false, true })
            for (const auto& [fid, share] : partShare)
                if ((fid % 2 == 0) == wantSource) {
                    changedFids.push_back(fid);
                    break;
                }
        QCOMPARE(changedFids.size(), std::size_t(2));
        for (const qint64 fid : changedFids)
            inputs.changes[{ QStringLiteral("farmland_plots"), fid }] =
              gep::ParcelChange{ QStringLiteral("forest"), 0.2, 0.1 };
        const gep::GepRun planned = gep::runGepProject(m_project, inputs, {});
        QCOMPARE(planned.changed.size(), std::size_t(2));
        auto value = [](const std::vector<gep::IndicatorResult>& results, const char* key, bool emission) {
            for (const gep::IndicatorResult& r : results)
                if (r.key == QLatin1String(key))
                    return emission ? r.emissionYuan : r.valueYuan;
            return std::nan("");
        };
        for (const gep::ChangedParcel& c : planned.changed) {
            const bool source = c.fid % 2 == 0;
            const double tol = 1e-6 * carbonPrice;
            QVERIFY(std::abs(value(c.baseline, "carbon_sequestration", false) -
                             (source ? 0.0 : 0.4 * kCo2 * carbonPrice)) < tol);
            QVERIFY(std::abs(value(c.baseline, "carbon_sequestration", true) -
                             (source ? 0.3 * kCo2 * carbonPrice : 0.0)) < tol);
            const double planFlux = (source ? -0.3 : 0.4) + 0.3;
            QVERIFY2(std::abs(value(c.plan, "carbon_sequestration", false) - planFlux * kCo2 * carbonPrice) <
                       tol,
                     qPrintable(QStringLiteral("%1 vs %2")
                                  .arg(value(c.plan, "carbon_sequestration", false))
                                  .arg(planFlux * kCo2 * carbonPrice)));
            QVERIFY(std::abs(value(c.plan, "oxygen_release", false) -
                             (source ? 0.0 : 0.3 * kO2 * oxygenPrice)) < 1e-6 * oxygenPrice);
            // Another indicator: the whole parcel's × its share.
            const gep::ParcelRow* row = nullptr;
            for (const gep::ParcelRow& r : planned.parcels->rows)
                if (r.layer == QLatin1String("farmland_plots") && r.sourceFid == c.fid)
                    row = &r;
            QVERIFY(row);
            int others = 0;
            for (const gep::IndicatorResult& r : row->results)
                if (r.key != QLatin1String("carbon_sequestration") &&
                    r.key != QLatin1String("oxygen_release") && !r.skipped && r.valueYuan > 0) {
                    QVERIFY(relDiff(value(c.baseline, qPrintable(r.key), false),
                                    r.valueYuan * c.accountedShare) < 1e-12);
                    ++others;
                }
            QVERIFY(others > 0);
        }
    }

    void carbonFolderWithoutResultSet() {
        const QString dir = m_dir.filePath(QStringLiteral("old_carbon"));
        QVERIFY(QDir().mkpath(dir));
        QFile f(QDir(dir).filePath(QStringLiteral("parcels.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("layer,source_fid\n");
        f.close();
        try {
            gep::readCarbonResultSet(dir);
            QFAIL("a carbon folder without resultset.json was accepted");
        } catch (const gis::GisError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains(QLatin1String("rerun tanhui-cli carbon --project")) && m.contains(dir),
                     qPrintable(m));
        }
    }

    void resultSetWrittenAndReadBack() {
        const QString out = m_dir.filePath(QStringLiteral("gep_written"));
        gep::GepOptions options;
        options.outDir = out;
        const gep::GepRun run = gep::runGepProject(m_project, m_inputs, options);
        QVERIFY(tanhui::test::stagingLeftovers(out).isEmpty());
        for (const char* f : { "indicators.csv",
                               "totals.csv",
                               "parcels_xiaoban.gpkg",
                               "run_settings.csv",
                               "ledger_check.csv",
                               "derived/soil_retention_t_ha.tif",
                               "resultset.json" })
            QVERIFY2(QFile::exists(QDir(out).filePath(QString::fromLatin1(f))), f);
        const analysis::ResultSet back = analysis::readResultSet(out.toStdString());
        QCOMPARE(back.analysis, QStringLiteral("gep"));
        const analysis::Table* totals = back.table(QStringLiteral("totals"));
        QVERIFY(totals);
        const long long row = totals->findRow(QStringLiteral("group"), QStringLiteral("total"));
        QVERIFY(row >= 0);
        QVERIFY(relDiff(totals->number(std::size_t(row), QStringLiteral("value_cny")), run.totals.total) <
                1e-12);
        // The carbon input as a command reads it: a carbon folder's result set, named by its table file.
        analysis::ResultSet carbon;
        carbon.analysis = QStringLiteral("carbon_project");
        carbon.addTable(m_inputs.carbonResults->table);
        const QString carbonDir = m_dir.filePath(QStringLiteral("carbon_rs"));
        QVERIFY(QDir().mkpath(carbonDir));
        analysis::writeResultSet(carbon, carbonDir.toStdString());
        const gep::CarbonInput read = gep::readCarbonResultSet(carbonDir);
        QCOMPARE(read.origin, QDir(carbonDir).filePath(QStringLiteral("parcels.csv")));
        QCOMPARE(read.table.rowCount(), m_inputs.carbonResults->table.rowCount());
        QCOMPARE(back.table(QStringLiteral("indicators"))->rowCount(),
                 run.results.table(QStringLiteral("indicators"))->rowCount());
    }

    /// GEP's district rule is the carbon run's: the district a parcel overlaps most, and the district
    /// layer must be in the parcel layer's CRS. Two districts W | E split at the median parcel centroid,
    /// so that many parcels straddle; each parcel's district must be the side holding its larger part
    /// (computed here by clipping), also where its centroid lies on the other side.
    void districtsByLargestOverlap() {
        models::Project project = m_project;
        models::ProjectLayer* xiaoban = nullptr;
        models::ProjectLayer* districts = nullptr;
        for (models::ProjectLayer& l : project.layers) {
            if (l.id == QLatin1String("xiaoban"))
                xiaoban = &l;
            if (l.role == QLatin1String("districts"))
                districts = &l;
        }
        QVERIFY(xiaoban && districts);
        gis::ParcelReadOptions ro;
        ro.idField = xiaoban->fields.value(QStringLiteral("id"), xiaoban->idField);
        ro.open.encodingOverride = xiaoban->encoding.toStdString();
        const gis::ParcelSet parcels =
          gis::readParcels(project.resolve(xiaoban->path).toStdString(), ro, nullptr);
        double x0 = 0, xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
        std::vector<double> cx;
        for (const gis::Parcel& p : parcels.parcels) {
            double sx = 0;
            std::size_t n = 0;
            for (const gis::Polygon& part : p.geometry.parts)
                for (std::size_t i = 0; i < part.rings[0].size(); ++i) {
                    const double x = part.rings[0].x(i), y = part.rings[0].y(i);
                    sx += x;
                    ++n;
                    xmin = std::min(xmin, x);
                    xmax = std::max(xmax, x);
                    ymin = std::min(ymin, y);
                    ymax = std::max(ymax, y);
                }
            cx.push_back(sx / double(n));
        }
        std::vector<double> sorted = cx;
        std::sort(sorted.begin(), sorted.end());
        x0 = sorted[sorted.size() / 2];
        auto rect = [](double x1, double y1, double x2, double y2) {
            gis::MultiPolygon mp;
            mp.parts.push_back({ { gis::Ring{ { x1, y1, x2, y1, x2, y2, x1, y2, x1, y1 } } } });
            return mp;
        };
        const std::vector<gis::VectorFeature> zones = {
            { { QStringLiteral("W") }, rect(xmin - 100, ymin - 100, x0, ymax + 100) },
            { { QStringLiteral("E") }, rect(x0, ymin - 100, xmax + 100, ymax + 100) },
        };
        const QString file = m_dir.filePath(QStringLiteral("two_districts.gpkg"));
        gis::writePolygonLayer(file.toStdString(),
                               QStringLiteral("d"),
                               parcels.crs,
                               { { QStringLiteral("code"), gis::VectorField::Type::String } },
                               zones);
        districts->path = file;
        districts->fields[QStringLiteral("id")] = QStringLiteral("code");
        districts->idField = QStringLiteral("code");
        districts->encoding.clear();
        const gep::GepRun run = gep::runGepProject(project, m_inputs, {});
        const analysis::Table& t = *run.results.table(QStringLiteral("parcels_xiaoban"));
        QCOMPARE(t.rowCount(), parcels.parcels.size());
        int straddling = 0, centroidElsewhere = 0;
        for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
            const gis::MultiPolygon& g = parcels.parcels[i].geometry;
            const double left = leftArea(g, x0), all = leftArea(g, 1e300), right = all - left;
            const QString expected = left >= right ? QStringLiteral("W") : QStringLiteral("E");
            QCOMPARE(t.value(i, QStringLiteral("parcel_id")).toString(), parcels.parcels[i].id.toString());
            if (left > 1e-6 * all && right > 1e-6 * all) {
                ++straddling;
                if ((cx[i] <= x0) != (expected == QLatin1String("W")))
                    ++centroidElsewhere;
                if (std::fabs(left - right) < 1e-6 * all)
                    continue; // a tie: either is the larger part within rounding
            }
            QCOMPARE(t.value(i, QStringLiteral("district")).toString(), expected);
        }
        qInfo(
          "x = %.1f: %d parcels straddle the two districts, %d with their vertex centroid on the other side",
          x0,
          straddling,
          centroidElsewhere);
        QVERIFY(straddling > 0);

        // A district layer in another CRS (UTM 49N: the same numbers) is refused, naming both layers.
        gis::writePolygonLayer(file.toStdString(),
                               QStringLiteral("d"),
                               gis::Crs::fromUserInput("EPSG:32649"),
                               { { QStringLiteral("code"), gis::VectorField::Type::String } },
                               zones);
        try {
            gep::runGepProject(project, m_inputs, {});
            QFAIL("a district layer in another CRS was accepted");
        } catch (const gis::GisError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains(QLatin1String("another CRS")) && m.contains(districts->id) &&
                       m.contains(QLatin1String("xiaoban")),
                     qPrintable(m));
        }
    }

    void cancelLeavesPreviousOutputs() {
        const QString out = m_dir.filePath(QStringLiteral("gep_cancel"));
        gep::GepOptions options;
        options.outDir = out;
        QElapsedTimer clock;
        clock.start();
        gep::runGepProject(m_project, m_inputs, options);
        const qint64 firstMs = clock.elapsed();
        auto before = tanhui::test::treeHashes(out);
        QVERIFY(!before.isEmpty());
        int cancelled = 0;
        for (const double at : { 0.0, 0.3, 0.7 }) {
            gis::Feedback feedback;
            options.feedback = &feedback;
            std::atomic<bool> done{ false };
            std::thread canceller([&] {
                const auto until =
                  std::chrono::steady_clock::now() + std::chrono::milliseconds(qint64(at * firstMs));
                while (!done && std::chrono::steady_clock::now() < until)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                feedback.cancel();
            });
            bool wasCancelled = false;
            try {
                gep::runGepProject(m_project, m_inputs, options);
            } catch (const gis::CancelledError&) {
                wasCancelled = true;
            }
            done = true;
            canceller.join();
            QVERIFY(tanhui::test::stagingLeftovers(out).isEmpty());
            if (wasCancelled) {
                ++cancelled;
                QVERIFY2(tanhui::test::treeHashes(out) == before,
                         "a cancelled run changed the previous outputs");
            } else {
                before = tanhui::test::treeHashes(out); // a finished run replaced them (new timestamps)
            }
        }
        qInfo("first run %lld ms, %d of 3 runs cancelled", firstMs, cancelled);
        QVERIFY(cancelled >= 2);
    }
};

QTEST_GUILESS_MAIN(TestGepProject)
#include "tst_gep_project.moc"
