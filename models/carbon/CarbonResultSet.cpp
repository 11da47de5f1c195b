// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/CarbonResultSet.h"

#include "models/carbon/BlueCarbon.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/params/ParameterTable.h"
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cmath>
#include <map>
#include <set>

namespace tanhui::models::carbon {

namespace {

using Type = gis::TableColumn::Type;

/// Every parameter row used, with the number of parcels using it (sorted by file, row, key).
std::vector<std::pair<ParameterRowRef, std::size_t>> parameterRowsUsed(
  const std::vector<ParcelResult>& results) {
    std::map<ParameterRowRef, std::size_t> rows;
    for (const ParcelResult& r : results)
        for (const ParameterRowRef& ref : r.parameters)
            ++rows[ref];
    return { rows.begin(), rows.end() };
}

analysis::Table parametersUsedTable(const std::vector<ParcelResult>& results) {
    analysis::Table t;
    t.name = QStringLiteral("parameters_used");
    t.title = QStringLiteral("Parameter rows used");
    t.description = QStringLiteral(
      "Every parameter-table row that entered a result, with its evidence tag and the number of parcel "
      "results using it; flagged rows (secondary, unconfirmed, example) need checking before the "
      "numbers are used (carbon-methods.md, \"How the app should use this\").");
    t.columns = {
        { QStringLiteral("file"),
          QString(),
          QStringLiteral("The table file as loaded (:/parameters/… for a built-in table)."),
          Type::String },
        { QStringLiteral("row"),
          QString(),
          QStringLiteral("1-based line of the row in the file."),
          Type::Integer },
        { QStringLiteral("key"),
          QString(),
          QStringLiteral("What the row is for, e.g. the land-cover code or species group."),
          Type::String },
        { QStringLiteral("tag"),
          QString(),
          QStringLiteral("Evidence tag of the row: verified, secondary, unconfirmed, example or user."),
          Type::String },
        { QStringLiteral("flagged"),
          QStringLiteral("0/1"),
          QStringLiteral("1 when the tag is secondary, unconfirmed or example."),
          Type::Integer },
        { QStringLiteral("parcels"),
          QStringLiteral("count"),
          QStringLiteral("Parcel results that used the row."),
          Type::Integer },
    };
    for (const auto& [ref, uses] : parameterRowsUsed(results))
        t.rows.push_back({ ref.file.toString(),
                           ref.row,
                           ref.key.toString(),
                           params::tagName(ref.tag),
                           ref.flagged() ? 1 : 0,
                           qint64(uses) });
    return t;
}

/// summary.csv (quantity, value, unit): counts, areas, stocks, changes, bounds, valuation.
analysis::Table summaryTable(const CarbonProjectRun& run, const ResultTotals& all) {
    const std::vector<ParcelResult>& results = run.results();
    struct Row {
        QString quantity;
        QVariant value;
        QString unit;
    };
    std::vector<Row> summary;
    summary.push_back({ QStringLiteral("parcels"), qint64(all.parcels), QStringLiteral("count") });
    summary.push_back({ QStringLiteral("parcels_computed"), qint64(all.computed), QStringLiteral("count") });
    summary.push_back(
      { QStringLiteral("parcels_not_computed"), qint64(all.notComputed), QStringLiteral("count") });
    summary.push_back(
      { QStringLiteral("parcels_with_flagged_parameters"), qint64(all.flagged), QStringLiteral("count") });
    summary.push_back({ QStringLiteral("area_ha"), all.areaHa, QStringLiteral("ha") });
    summary.push_back({ QStringLiteral("area_full_ha"), all.fullAreaHa, QStringLiteral("ha") });
    for (const auto& [method, count] : run.parcelsPerMethod)
        summary.push_back({ QStringLiteral("parcels_") + method, qint64(count), QStringLiteral("count") });
    // Bounds of the grand total (when the run computed them): p2_5, p50, p97_5 (t C), u95_pct (%) where
    // U ≤ kApproach1PercentMaxPct and u95_t (t C); blank with a note for a zero-width interval
    // (docs/uncertainty.md, "Approach 1", "Runs without uncertainty sources").
    auto bounds = [&](const QString& name, const std::optional<Bounds>& b, double central) {
        if (!b)
            return;
        const bool exact = b->p2_5 == b->p97_5;
        const auto value = [&](double v) { return exact ? QVariant() : QVariant(v); };
        summary.push_back({ name + QStringLiteral("_p2_5"), value(b->p2_5), QStringLiteral("t C") });
        summary.push_back({ name + QStringLiteral("_p50"), value(b->p50), QStringLiteral("t C") });
        summary.push_back({ name + QStringLiteral("_p97_5"), value(b->p97_5), QStringLiteral("t C") });
        const bool u = !exact && std::isfinite(b->u95Pct);
        summary.push_back({ name + QStringLiteral("_u95_pct"),
                            u && b->u95Pct <= kApproach1PercentMaxPct ? QVariant(b->u95Pct) : QVariant(),
                            QStringLiteral("%") });
        summary.push_back({ name + QStringLiteral("_u95_t"),
                            u ? QVariant(b->u95Pct / 100.0 * std::fabs(central)) : QVariant(),
                            QStringLiteral("t C") });
        if (exact)
            summary.push_back({ name + QStringLiteral("_bounds_note"), exactBoundsNote(), QString() });
    };
    for (const auto& s : all.stocks) {
        summary.push_back({ QStringLiteral("c_total_t_%1").arg(s.year), s.totalT, QStringLiteral("t C") });
        bounds(QStringLiteral("c_total_t_%1").arg(s.year), s.bounds, s.totalT);
        summary.push_back(
          { QStringLiteral("parcels_%1").arg(s.year), qint64(s.parcels), QStringLiteral("count") });
    }
    // Like-for-like stocks (commonStockTotals): the parcels with a stock at every date, when the
    // per-date totals above do not all cover the same parcels.
    const CommonStockTotals common = commonStockTotals(results);
    if (common.perDateTotalsDiffer()) {
        summary.push_back(
          { QStringLiteral("parcels_all_dates"), qint64(common.parcels), QStringLiteral("count") });
        summary.push_back({ QStringLiteral("area_ha_all_dates"), common.areaHa, QStringLiteral("ha") });
        for (std::size_t i = 0; i < common.years.size(); ++i)
            summary.push_back({ QStringLiteral("c_total_t_%1_all_dates").arg(common.years[i]),
                                common.totalT[i],
                                QStringLiteral("t C") });
    }
    for (const auto& ch : all.changes) {
        summary.push_back({ QStringLiteral("change_t_%1_%2").arg(ch.year1).arg(ch.year2),
                            ch.changeT,
                            QStringLiteral("t C") });
        bounds(QStringLiteral("change_t_%1_%2").arg(ch.year1).arg(ch.year2), ch.bounds, ch.changeT);
        summary.push_back({ QStringLiteral("change_tco2e_%1_%2").arg(ch.year1).arg(ch.year2),
                            ch.co2eT(),
                            QStringLiteral("t CO2e") });
    }
    if (run.valuationConstant)
        summary.push_back(
          { QStringLiteral("valuation_constant"), *run.valuationConstant, QStringLiteral("currency/t C") });
    if (run.npv)
        summary.push_back({ QStringLiteral("npv_%1_%2").arg(run.npvYear1).arg(run.npvYear2),
                            *run.npv,
                            QStringLiteral("currency") });
    if (run.uncertainty) {
        summary.push_back(
          { QStringLiteral("mc_iterations"), run.uncertainty->settings.iterations, QStringLiteral("count") });
        summary.push_back({ QStringLiteral("mc_seed"),
                            QString::number(run.uncertainty->settings.seed),
                            QStringLiteral("seed") });
    }
    analysis::Table t;
    t.name = QStringLiteral("summary");
    t.title = QStringLiteral("Summary");
    t.description = QStringLiteral(
      "The run in one list: parcel counts (also per method), accounted area, the stock per date and the "
      "change per pair (primary results, accounted parts), their Monte Carlo bounds when computed, the "
      "like-for-like stocks when per-date totals cover different parcels, and the valuation.");
    // "value" holds numbers and, in *_bounds_note and mc_seed rows, text: typed string so that every row
    // reads back (analysis::readResultSet); numbers stay numbers in memory.
    t.columns = {
        { QStringLiteral("quantity"), QString(), QStringLiteral("What the row gives."), Type::String },
        { QStringLiteral("value"),
          QString(),
          QStringLiteral("The value in the row's unit (a number; text in *_bounds_note rows)."),
          Type::String },
        { QStringLiteral("unit"),
          QString(),
          QStringLiteral("Unit of the value: count, ha, t C, t CO2e, %, currency, currency/t C."),
          Type::String },
    };
    for (const Row& r : summary)
        t.rows.push_back({ r.quantity, r.value, r.unit });
    return t;
}

/// Translation context of this file's user-facing strings.
struct CarbonResultSetText {
    Q_DECLARE_TR_FUNCTIONS(CarbonResultSetText)
};

} // namespace

void buildCarbonResultSet(CarbonProjectRun& run) {
    const std::vector<ParcelResult>& results = run.results();
    // With uncertainty, the totals with bounds from per-iteration sums (ProjectUncertainty.h).
    const ResultTotals all = run.uncertainty ? run.uncertainty->total : totalOf(results);
    auto totals = [&](TotalsKey key) {
        return run.uncertainty ? run.uncertainty->by.at(key) : totalsBy(results, key);
    };
    const std::vector<ResultTotals> byType = totals(TotalsKey::EcosystemType);
    const std::vector<ResultTotals> byMethod = totals(TotalsKey::Method);
    // The "all" row of the method totals adds every method (a parcel once per method): no bounds.
    const ResultTotals allMethods = totalOf(results, /*primaryOnly*/ false);
    const QString groupTable = QStringLiteral("totals_by_%1").arg(run.groupName);

    analysis::ResultSet& rs = run.resultSet;
    rs.analysis = QStringLiteral("carbon_project");
    rs.provenance.analysis = rs.analysis;
    rs.tables.clear();
    rs.addTable(parcelResultsTable(run.sharedResults, run.groupName, run.crs, run.geometryOf));
    rs.addTable(
      totalsTable(QStringLiteral("totals_by_ecosystem_type"), QStringLiteral("ecosystem_type"), byType, all));
    rs.addTable(
      totalsTable(QStringLiteral("totals_by_method"), QStringLiteral("method"), byMethod, allMethods));
    std::vector<ResultTotals> byGroup;
    if (!run.groupName.isEmpty()) {
        byGroup = totals(TotalsKey::Group);
        rs.addTable(totalsTable(groupTable, run.groupName, byGroup, all));
    }
    const PoolTotals byPool = poolTotalsOf(results);
    rs.addTable(poolTotalsTable(byPool));
    if (run.uncertainty)
        for (analysis::Table& t : projectUncertaintyTables(*run.uncertainty))
            rs.addTable(std::move(t));

    // The ledger (docs/carbon-project.md, "Ledger check"): overlaps of the layers and the checks that
    // the totals add up.
    run.ledgerCheck = LedgerCheck();
    const QString byTypeFile = QStringLiteral("totals_by_ecosystem_type.csv");
    if (run.ledger) {
        rs.addTable(overlapsTable(*run.ledger));
        checkUnionArea(run.ledgerCheck, byTypeFile, run.ledger->unionHa, all);
    }
    checkStockChange(run.ledgerCheck, byTypeFile, byType, all);
    checkPoolSums(run.ledgerCheck, QStringLiteral("totals_by_pool.csv"), byPool, all);
    checkParcelSums(run.ledgerCheck, byTypeFile, results, TotalsKey::EcosystemType, byType, all);
    checkParcelSums(run.ledgerCheck,
                    QStringLiteral("totals_by_method.csv"),
                    results,
                    TotalsKey::Method,
                    byMethod,
                    allMethods);
    if (!run.groupName.isEmpty())
        checkParcelSums(
          run.ledgerCheck, groupTable + QStringLiteral(".csv"), results, TotalsKey::Group, byGroup, all);

    rs.addTable(parametersUsedTable(results));
    rs.addTable(summaryTable(run, all));
    rs.addTable(ledgerCheckTable(run.ledgerCheck));

    // Messages: the run's warnings, each parcel not computed with its reason, each repaired geometry
    // (its primary result), failed ledger checks.
    rs.messages.clear();
    for (const params::Issue& i : run.issues)
        rs.messages.push_back(analysis::messageOf(i));
    for (const ParcelResult& r : results)
        if (!r.computed()) {
            analysis::Message m;
            m.text = CarbonResultSetText::tr("layer %1, parcel %2 (%3, method %4) not computed: %5")
                       .arg(r.layer,
                            r.id,
                            r.ecosystemType,
                            r.method.isEmpty() ? QStringLiteral("-") : r.method.toString(),
                            r.notComputed);
            m.feature = r.id;
            m.field = QStringLiteral("not_computed");
            rs.messages.push_back(std::move(m));
        }
    for (const ParcelResult& r : results)
        if (r.geometryRepaired && r.primary)
            rs.messages.push_back(
              { analysis::Message::Level::Info,
                CarbonResultSetText::tr("layer %1, parcel %2: the geometry was invalid and "
                                        "was repaired (GEOS MakeValid) before computing")
                  .arg(r.layer, r.id),
                QString(),
                r.id,
                QStringLiteral("geometry_repaired"),
                0 });
    for (const LedgerCheckRow& row : run.ledgerCheck.rows)
        if (!row.passed)
            rs.messages.push_back({ analysis::Message::Level::Error,
                                    row.message(),
                                    QStringLiteral("ledger_check.csv"),
                                    row.subject,
                                    row.quantity,
                                    0 });
}

QStringList methodParameterRoles(const QString& method) {
    static const std::map<QString, QStringList> roles = {
        { QStringLiteral("pools"), { QStringLiteral("pools") } },
        { QStringLiteral("volume"), { QStringLiteral("species") } },
        { QStringLiteral("volume_gainloss"),
          { QStringLiteral("species"), QStringLiteral("growth_rates"), QStringLiteral("pools") } },
        { QStringLiteral("soil"), { QStringLiteral("soc_ref"), QStringLiteral("soil_factors") } },
        { QStringLiteral("gainloss"), { QStringLiteral("pools"), QStringLiteral("growth_rates") } },
        { QStringLiteral("bluecarbon"),
          { QStringLiteral("cbc_biophysical"),
            QStringLiteral("cbc_transitions"),
            QStringLiteral("mangrove_ws") } },
        { QStringLiteral("regression"), { QStringLiteral("regression") } },
    };
    const auto it = roles.find(method);
    return it == roles.end() ? QStringList() : it->second;
}

namespace {

/// The file a parameter role is read from (loadCarbonProjectTable's rule): the project's table, else the
/// built-in default; empty when the role has no built-in default and the project names none.
QString parameterFile(const Project& project, const QString& role) {
    const QString name = project.carbon.parameters.value(role);
    if (!name.isEmpty()) {
        const ProjectParameterTable* t = project.parameterTable(name);
        return t ? project.resolve(t->path) : name;
    }
    static const std::map<QString, const params::TableSpec* (*)()> specs = {
        { QStringLiteral("pools"), [] { return &carbonPoolsSpec(); } },
        { QStringLiteral("species"), [] { return &speciesParamsSpec(); } },
        { QStringLiteral("soc_ref"), [] { return &socRefSpec(); } },
        { QStringLiteral("soil_factors"), [] { return &soilFactorsSpec(); } },
        { QStringLiteral("growth_rates"), [] { return &growthRatesSpec(); } },
        { QStringLiteral("cbc_biophysical"), [] { return &cbcBiophysicalSpec(); } },
        { QStringLiteral("mangrove_ws"), [] { return &mangroveWsSpec(); } },
    };
    const auto it = specs.find(role);
    return it == specs.end()
             ? QString()
             : QStringLiteral(":/parameters/") + QString::fromLatin1(it->second()->defaultPath);
}

/// A parameter file's rows by line: the `source` column and the other values ("column=value; …").
struct TableRows {
    std::map<int, std::pair<QString, QString>> byLine; ///< line → (source, values)
};

TableRows readTableRows(const QString& path) {
    TableRows out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    params::CsvReader reader(f.readAll());
    if (!reader.next())
        return out;
    const QStringList header = reader.fields();
    while (reader.next()) {
        QString source;
        QStringList values;
        for (int c = 0; c < header.size(); ++c) {
            const QString name = header[c].trimmed();
            const QString value = reader.field(c).trimmed();
            if (name == QLatin1String("source"))
                source = value;
            else if (name != QLatin1String("tag") && !value.isEmpty())
                values << name + QLatin1Char('=') + value;
        }
        out.byLine[reader.line()] = { source, values.join(QStringLiteral("; ")) };
    }
    return out;
}

QString yearText(int year) {
    return year > 0 ? QString::number(year) : QString();
}

} // namespace

analysis::Provenance carbonProvenance(const Project& project,
                                      const CarbonProjectRun& run,
                                      const CarbonProjectOptions& options,
                                      const QDateTime& started) {
    analysis::Provenance p;
    p.analysis = QStringLiteral("carbon_project");
    p.version = options.version.isEmpty() ? QCoreApplication::applicationVersion() : options.version;
    p.projectFile = QFileInfo(project.fileName()).absoluteFilePath();
    p.started = started.toUTC();
    p.threads = options.threads;
    const ProjectCarbon& c = project.carbon;
    const std::vector<int> years = carbonYears(project);

    // Inputs: the carbon layers, the grouping layer, the rasters and the parameter tables read.
    auto addInput = [&](const QString& path,
                        const QString& kind,
                        const QString& role,
                        const QString& id,
                        const QString& dates) {
        for (const analysis::InputRecord& in : p.inputs)
            if (in.role == role && in.id == id && in.path == QFileInfo(path).absoluteFilePath())
                return;
        p.inputs.push_back(analysis::describeInput(path, kind, role, id, dates, options.feedback));
    };
    for (const ProjectCarbonLayer& cl : carbonLayers(project))
        if (const ProjectLayer* l = project.layer(cl.layer))
            addInput(project.resolve(l->path), QStringLiteral("vector"), l->role, l->id, yearText(l->year));
    if (!c.groupLayer.isEmpty())
        if (const ProjectLayer* g = project.layer(c.groupLayer))
            addInput(project.resolve(g->path),
                     QStringLiteral("vector"),
                     QStringLiteral("grouping"),
                     g->id,
                     yearText(g->year));
    std::set<QString> ran;
    for (const auto& [method, count] : run.parcelsPerMethod)
        if (count > 0)
            ran.insert(method);
    const auto landCover = project.layersWithRole(QStringLiteral("landcover"));
    bool readsLandCover = !c.landUseChange.empty();
    for (const QString& m : ran)
        if (const MethodInfo* info = findCarbonMethod(m))
            readsLandCover = readsLandCover || info->needsLandCover;
    for (int y : years)
        for (const ProjectLayer* l : landCover)
            if (l->year == y && readsLandCover) {
                addInput(project.resolve(l->path),
                         QStringLiteral("raster"),
                         QStringLiteral("landcover"),
                         l->id,
                         yearText(y));
                break;
            }
    if (ran.count(QStringLiteral("volume")) && !landCover.empty()) // the density raster's grid
        addInput(project.resolve(landCover.front()->path),
                 QStringLiteral("raster"),
                 QStringLiteral("landcover"),
                 landCover.front()->id,
                 yearText(landCover.front()->year));
    if (ran.count(QStringLiteral("regression"))) {
        for (const ProjectLayer* l : landCover) // the forest mask of every dated land cover
            if (l->year > 0)
                addInput(project.resolve(l->path),
                         QStringLiteral("raster"),
                         QStringLiteral("landcover"),
                         l->id,
                         yearText(l->year));
        for (int y : years)
            for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("ndvi")))
                if (l->year == y) {
                    addInput(project.resolve(l->path),
                             QStringLiteral("raster"),
                             QStringLiteral("ndvi"),
                             l->id,
                             yearText(y));
                    break;
                }
    }
    std::set<QString> roles;
    for (const QString& m : ran)
        for (const QString& role : methodParameterRoles(m))
            roles.insert(role);
    if (!c.landUseChange.empty())
        roles.insert(QStringLiteral("pools"));
    std::map<QString, QString> roleOfFile;
    for (const QString& role : carbonParameterRoles()) {
        if (!roles.count(role))
            continue;
        const QString path = parameterFile(project, role);
        if (path.isEmpty())
            continue;
        addInput(path,
                 QStringLiteral("table"),
                 QStringLiteral("parameters:") + role,
                 c.parameters.value(role),
                 QString());
        roleOfFile.emplace(path, role);
    }

    // Parameter rows: those of parameters_used, with the source and values of each row.
    std::map<QString, TableRows> tables;
    for (const auto& [ref, uses] : parameterRowsUsed(run.results())) {
        auto t = tables.find(ref.file);
        if (t == tables.end())
            t = tables.emplace(ref.file, readTableRows(ref.file)).first;
        analysis::ParameterRecord r;
        const auto role = roleOfFile.find(ref.file);
        r.table = role != roleOfFile.end() ? role->second : QFileInfo(ref.file).completeBaseName();
        r.file = ref.file;
        r.row = ref.row;
        r.key = ref.key;
        r.tag = params::tagName(ref.tag);
        r.flagged = ref.flagged();
        r.uses = static_cast<long long>(uses);
        const auto line = t->second.byLine.find(ref.row);
        if (line != t->second.byLine.end()) {
            r.source = line->second.first;
            r.values = line->second.second;
        }
        p.parameters.push_back(std::move(r));
    }

    // Settings that shape the result.
    auto setting = [&](const QString& key, const QString& value, const QString& unit = QString()) {
        p.settings.push_back({ key, value, unit, project.fileName() });
    };
    QStringList yearList;
    for (int y : years)
        yearList << QString::number(y);
    setting(QStringLiteral("carbon.years"), yearList.join(QStringLiteral(", ")), QStringLiteral("year"));
    QStringList layerIds;
    for (const ProjectCarbonLayer& cl : carbonLayers(project))
        layerIds << cl.layer;
    setting(QStringLiteral("carbon.layers"), layerIds.join(QStringLiteral(", ")));
    setting(QStringLiteral("carbon.precedence"),
            run.ledger ? run.ledger->order.join(QStringLiteral(", "))
                       : c.precedence.join(QStringLiteral(", ")));
    for (auto it = c.methods.cbegin(); it != c.methods.cend(); ++it) {
        QStringList methods;
        for (const ProjectCarbonMethod& m : it.value()) {
            QStringList opts;
            for (auto o = m.options.cbegin(); o != m.options.cend(); ++o)
                opts << o.key() + QLatin1Char('=') + o.value();
            methods << (opts.isEmpty() ? m.method
                                       : m.method + QStringLiteral(" (") + opts.join(QStringLiteral(", ")) +
                                           QLatin1Char(')'));
        }
        setting(QStringLiteral("carbon.methods.") + it.key(), methods.join(QStringLiteral(", ")));
    }
    if (!c.groupName.isEmpty())
        setting(QStringLiteral("carbon.grouping"),
                QStringLiteral("%1 (layer %2, field %3)").arg(c.groupName, c.groupLayer, c.groupField));
    if (!c.landUseChange.empty())
        setting(QStringLiteral("carbon.land_use_change"),
                QString::number(c.landUseChange.size()),
                QStringLiteral("rules"));
    for (auto it = c.parameters.cbegin(); it != c.parameters.cend(); ++it)
        setting(QStringLiteral("carbon.parameters.") + it.key(), it.value());
    if (run.uncertainty) {
        // The settings the run used: the project's, or the command line's overrides of them.
        const UncertaintySettings& u = run.uncertainty->settings;
        const QString used = QStringLiteral("run");
        p.settings.push_back({ QStringLiteral("carbon.uncertainty.iterations"),
                               QString::number(u.iterations),
                               QString(),
                               used });
        p.settings.push_back(
          { QStringLiteral("carbon.uncertainty.seed"), QString::number(u.seed), QString(), used });
        p.settings.push_back({ QStringLiteral("carbon.uncertainty.default_u_pct"),
                               u.defaultUPct ? QString::number(*u.defaultUPct) : QString(),
                               QStringLiteral("%"),
                               used });
    } else {
        setting(QStringLiteral("carbon.uncertainty"), QStringLiteral("off"));
    }
    if (c.price) {
        setting(QStringLiteral("carbon.valuation.price"),
                QString::number(*c.price),
                QStringLiteral("currency/t C"));
        setting(QStringLiteral("carbon.valuation.discount_pct"),
                QString::number(c.discountPct.value_or(0.0)),
                QStringLiteral("%"));
        setting(QStringLiteral("carbon.valuation.price_change_pct"),
                QString::number(c.priceChangePct.value_or(0.0)),
                QStringLiteral("%"));
    }
    p.settings.push_back(
      { QStringLiteral("threads"),
        options.threads > 0 ? QString::number(options.threads) : QStringLiteral("all cores"),
        QString(),
        QStringLiteral("run") });
    p.finished = QDateTime::currentDateTimeUtc();
    return p;
}

void writeCarbonProjectOutputs(CarbonProjectRun& run, const std::string& outDir) {
    if (run.resultSet.tables.empty())
        buildCarbonResultSet(run);
    const QDir dir(QString::fromStdString(outDir));
    analysis::ResultSet& rs = run.resultSet;
    // The files of the run relative to its folder (a staged run is moved to its target afterwards).
    rs.files.clear();
    for (const QString& f : run.files)
        rs.files << dir.relativeFilePath(f);
    for (const analysis::Table& t : rs.tables) {
        rs.files << t.name + QStringLiteral(".csv");
        if (t.hasGeometry)
            rs.files << t.name + QStringLiteral(".gpkg");
    }
    for (const QString& written : analysis::writeResultSet(rs, outDir))
        run.files << dir.absoluteFilePath(QFileInfo(written).fileName());
}

} // namespace tanhui::models::carbon
