// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/ProjectLedger.h"

#include "gis/Errors.h"
#include "gis/LayerOverlaps.h"
#include "gis/ParcelReader.h"
#include "gis/TableWriter.h"
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace tanhui::models::carbon {

namespace {

struct ProjectLedgerText {
    Q_DECLARE_TR_FUNCTIONS(ProjectLedger)
};

/// Default rank of a parcel layer's role (issue 11): the smaller ground-truth units first.
int roleRank(const QString& role) {
    static const QStringList order = { QStringLiteral("restoration_plots"),
                                       QStringLiteral("wetland_units"),
                                       QStringLiteral("forest_subcompartments"),
                                       QStringLiteral("farmland_plots") };
    const qsizetype i = order.indexOf(role);
    return i < 0 ? int(order.size()) : int(i);
}

QString pairText(int y1, int y2) {
    return QStringLiteral("%1-%2").arg(y1).arg(y2);
}

} // namespace

QStringList layerPrecedence(const Project& project, const QStringList& layerIds) {
    QStringList out;
    for (const QString& id : project.carbon.precedence)
        if (layerIds.contains(id) && !out.contains(id))
            out << id;
    QStringList rest;
    for (const ProjectLayer& l : project.layers)
        if (layerIds.contains(l.id) && !out.contains(l.id) && !rest.contains(l.id))
            rest << l.id;
    for (const QString& id : layerIds) // ids the project does not list (not expected) keep their order
        if (!out.contains(id) && !rest.contains(id))
            rest << id;
    std::stable_sort(rest.begin(), rest.end(), [&](const QString& a, const QString& b) {
        const ProjectLayer* la = project.layer(a);
        const ProjectLayer* lb = project.layer(b);
        return roleRank(la ? la->role : QString()) < roleRank(lb ? lb->role : QString());
    });
    return out + rest;
}

void validateLayerPrecedence(const Project& project, const QStringList& layerIds, params::Issues& issues) {
    QSet<QString> seen;
    const QStringList& p = project.carbon.precedence;
    for (qsizetype i = 0; i < p.size(); ++i) {
        params::Issue issue;
        issue.file = project.fileName();
        issue.column = QStringLiteral("carbon.precedence[%1]").arg(i);
        const ProjectLayer* layer = project.layer(p[i]);
        if (!layerIds.contains(p[i]) && layer && layer->kind == QLatin1String("vector")) {
            // A vector layer of the project this run does not compute (carbon.layers lists fewer):
            // nothing to rank, so a precedence written for the whole project stays valid.
        } else if (!layerIds.contains(p[i])) {
            issue.message = ProjectLedgerText::tr("'%1' is not a parcel layer of the carbon run; list "
                                                  "layer ids among: %2")
                              .arg(p[i], layerIds.join(QStringLiteral(", ")));
            issues.push_back(issue);
        } else if (seen.contains(p[i])) {
            issue.message =
              ProjectLedgerText::tr("the layer '%1' is listed twice; list each layer once").arg(p[i]);
            issues.push_back(issue);
        }
        seen.insert(p[i]);
    }
}

std::vector<LayerOverlap> ProjectLedger::overlapping() const {
    std::vector<LayerOverlap> out;
    for (const LayerOverlap& o : overlaps)
        if (o.areaHa >= 0.005)
            out.push_back(o);
    return out;
}

ProjectLedger computeProjectLedger(const Project& project,
                                   const std::vector<std::pair<QString, const gis::ParcelSet*>>& layers,
                                   gis::Feedback* feedback) {
    QElapsedTimer timer;
    timer.start();
    ProjectLedger ledger;
    QStringList ids;
    for (const auto& [id, set] : layers)
        ids << id;
    ledger.order = layerPrecedence(project, ids);
    std::vector<gis::OverlapLayer> input;
    gis::Crs crs;
    for (const QString& id : ledger.order) {
        const auto it =
          std::find_if(layers.begin(), layers.end(), [&](const auto& l) { return l.first == id; });
        const gis::ParcelSet& set = *it->second;
        if (input.empty())
            crs = set.crs;
        gis::OverlapLayer l;
        for (const gis::Parcel& p : set.parcels) {
            l.geometries.push_back(&p.geometry);
            l.ellipsoidalAreasM2.push_back(p.ellipsoidalAreaM2);
        }
        input.push_back(std::move(l));
    }
    gis::AccountedAreas areas = gis::accountedAreas(input, crs, feedback);
    for (qsizetype i = 0; i < ledger.order.size(); ++i) {
        std::vector<double>& ha = ledger.accountedHa[ledger.order[i]];
        for (double m2 : areas.accountedM2[std::size_t(i)])
            ha.push_back(m2 / 1e4);
        std::map<std::size_t, gis::MultiPolygon>& parts = ledger.accountedParts[ledger.order[i]];
        for (auto& [k, part] : areas.partialParts[std::size_t(i)])
            parts.emplace(k, std::move(part));
    }
    for (const gis::LayerPairOverlap& p : areas.pairs)
        ledger.overlaps.push_back(
          { ledger.order[qsizetype(p.higher)], ledger.order[qsizetype(p.lower)], p.areaM2 / 1e4 });
    ledger.unionHa = areas.unionM2 / 1e4;
    ledger.summedHa = areas.summedM2 / 1e4;
    ledger.seconds = double(timer.nsecsElapsed()) * 1e-9;
    return ledger;
}

analysis::Table overlapsTable(const ProjectLedger& ledger) {
    using Type = gis::TableColumn::Type;
    analysis::Table t;
    t.name = QStringLiteral("overlaps");
    t.title = QStringLiteral("Overlaps of the parcel layers");
    t.description = QStringLiteral(
      "Every pair of parcel layers in precedence order with the area they share, then the union of all "
      "layers (what the totals count) and the sum of their areas (docs/carbon-project.md, \"Overlapping "
      "layers\").");
    t.columns = {
        { QStringLiteral("higher_layer"),
          QString(),
          QStringLiteral("Layer of higher precedence, which counts the shared ground; \"union\" or \"sum\" "
                         "on the last two rows."),
          Type::String },
        { QStringLiteral("lower_layer"),
          QString(),
          QStringLiteral("Layer of lower precedence; on the last two rows the layers joined by +."),
          Type::String },
        { QStringLiteral("overlap_ha"),
          QStringLiteral("ha"),
          QStringLiteral("Area the two layers share (ha, ellipsoidal); the union or the sum of the layers' "
                         "areas on the last two rows."),
          Type::Real },
    };
    for (const LayerOverlap& o : ledger.overlaps)
        t.rows.push_back({ o.higher, o.lower, o.areaHa });
    t.rows.push_back({ QStringLiteral("union"), ledger.order.join(QLatin1Char('+')), ledger.unionHa });
    t.rows.push_back({ QStringLiteral("sum"), ledger.order.join(QLatin1Char('+')), ledger.summedHa });
    return t;
}

QString overlapWarning(const ProjectLedger& ledger) {
    const std::vector<LayerOverlap> pairs = ledger.overlapping();
    if (pairs.empty())
        return {};
    QStringList parts;
    for (const LayerOverlap& o : pairs)
        parts << ProjectLedgerText::tr("%1 ∩ %2: %3 ha (counted for %1)")
                   .arg(o.higher, o.lower)
                   .arg(o.areaHa, 0, 'f', 2);
    return ProjectLedgerText::tr("parcel layers overlap; each piece of ground counts once in the totals, "
                                 "for the layer of higher precedence (carbon.precedence: %1): %2. The "
                                 "layers sum to %3 ha, their union is %4 ha (overlaps.csv)")
      .arg(ledger.order.join(QStringLiteral(", ")), parts.join(QStringLiteral("; ")))
      .arg(ledger.summedHa, 0, 'f', 2)
      .arg(ledger.unionHa, 0, 'f', 2);
}

QString LedgerCheckRow::message() const {
    return ProjectLedgerText::tr("ledger check %1 failed: %2, row %3%4, %5: expected %6 %7, found %8 %7")
      .arg(check,
           table,
           subject,
           interval.isEmpty() ? QString() : ProjectLedgerText::tr(", interval %1").arg(interval),
           quantity)
      .arg(expected, 0, 'f', 6)
      .arg(unit)
      .arg(actual, 0, 'f', 6);
}

bool LedgerCheck::passed() const {
    return failures() == 0;
}

std::size_t LedgerCheck::failures() const {
    return std::size_t(
      std::count_if(rows.begin(), rows.end(), [](const LedgerCheckRow& r) { return !r.passed; }));
}

void LedgerCheck::add(LedgerCheckRow row) {
    const double scale = std::max({ 1.0, std::abs(row.expected), std::abs(row.actual) });
    row.passed = std::isfinite(row.expected) && std::isfinite(row.actual) &&
                 std::abs(row.expected - row.actual) <= 1e-6 * scale;
    rows.push_back(std::move(row));
}

void checkUnionArea(LedgerCheck& check, const QString& table, double unionHa, const ResultTotals& all) {
    check.add({ QStringLiteral("union_area"),
                table,
                QStringLiteral("all"),
                QString(),
                QStringLiteral("area_ha"),
                unionHa,
                all.areaHa,
                QStringLiteral("ha") });
}

void checkStockChange(LedgerCheck& check,
                      const QString& table,
                      const std::vector<ResultTotals>& rows,
                      const ResultTotals& all) {
    for (std::size_t g = 0; g <= rows.size(); ++g) {
        const ResultTotals& t = g < rows.size() ? rows[g] : all;
        const QString subject = g < rows.size() ? t.key : QStringLiteral("all");
        auto stockAt = [&](int year) -> const ResultTotals::Stock* {
            for (const ResultTotals::Stock& s : t.stocks)
                if (s.year == year)
                    return &s;
            return nullptr;
        };
        for (const ResultTotals::Change& c : t.changes) {
            const ResultTotals::Stock* s1 = stockAt(c.year1);
            const ResultTotals::Stock* s2 = stockAt(c.year2);
            if (!s1 || !s2)
                continue;
            // By type with types per date, parcels that changed type move their year1 stock between rows
            // (ResultTotals::Change::transferInT/OutT): stock(t2) − stock(t1) = change + in − out.
            // Ground with data at one date only adds its stock without a change
            // (ResultTotals::Change::coverageT): stock(t2) − stock(t1) = change + coverage.
            const bool moved = c.transferInT != 0 || c.transferOutT != 0;
            QString what = QStringLiteral("change_t_%1_%2").arg(c.year1).arg(c.year2);
            if (moved)
                what += QStringLiteral(" + transfer_in_t − transfer_out_t");
            if (c.coverageT != 0)
                what += QStringLiteral(" + coverage_change_t");
            check.add({ QStringLiteral("stock_change"),
                        table,
                        subject,
                        pairText(c.year1, c.year2),
                        what,
                        s2->totalT - s1->totalT,
                        c.changeT + c.transferInT - c.transferOutT + c.coverageT,
                        QStringLiteral("t C") });
        }
    }
}

void checkPoolSums(LedgerCheck& check,
                   const QString& table,
                   const PoolTotals& pools,
                   const ResultTotals& all) {
    for (const ResultTotals::Stock& s : all.stocks) {
        double sum = 0;
        for (std::size_t y = 0; y < pools.years.size(); ++y)
            if (pools.years[y] == s.year)
                sum = pools.totalT[y];
        check.add({ QStringLiteral("pool_sum"),
                    table,
                    QStringLiteral("all"),
                    QString::number(s.year),
                    QStringLiteral("c_total_t"),
                    s.totalT,
                    sum,
                    QStringLiteral("t C") });
    }
}

void checkParcelSums(LedgerCheck& check,
                     const QString& table,
                     const std::vector<ParcelResult>& results,
                     std::optional<TotalsKey> key,
                     const std::vector<ResultTotals>& rows,
                     const ResultTotals& all) {
    // Σ of the parcel rows, independently of totalOf(): per key value and for "all".
    struct Sums {
        double areaHa = 0;
        std::map<int, double> stocks;
        std::map<std::pair<int, int>, double> changes;
    };
    const bool byMethod = key && *key == TotalsKey::Method;
    std::map<QString, Sums> perKey;
    Sums total;
    const bool byType = key && *key == TotalsKey::EcosystemType;
    for (const ParcelResult& r : results) {
        // The accounted values parcels.csv gives (accounted_c_total_t_<y>, accounted_change_t_<y1>_<y2>).
        auto add = [&](Sums& s) {
            s.areaHa += r.accountedArea();
            if (!r.computed())
                return;
            for (std::size_t i = 0; i < r.stocks.size(); ++i)
                s.stocks[r.stocks[i].year] += r.countedStockT(i);
            for (std::size_t i = 0; i < r.changes.size(); ++i)
                s.changes[{ r.changes[i].year1, r.changes[i].year2 }] += r.countedChangeT(i);
        };
        if (r.primary || byMethod)
            add(total);
        if (!key || (!r.primary && !byMethod))
            continue;
        if (byType) {
            // Count and area under the mapped type; each date's stock under that date's type, each
            // change under its year2 type (docs/carbon-project.md "Ecosystem per date").
            perKey[r.ecosystemType].areaHa += r.accountedArea();
            if (!r.computed())
                continue;
            for (std::size_t i = 0; i < r.stocks.size(); ++i)
                perKey[r.typeAt(r.stocks[i].year)].stocks[r.stocks[i].year] += r.countedStockT(i);
            for (std::size_t i = 0; i < r.changes.size(); ++i) {
                const CarbonChange& c = r.changes[i];
                perKey[r.typeAt(c.year2)].changes[{ c.year1, c.year2 }] += r.countedChangeT(i);
            }
            continue;
        }
        add(perKey[*key == TotalsKey::Group ? r.group : r.method]);
    }
    auto compare = [&](const QString& subject, const Sums& s, const ResultTotals* t) {
        check.add({ QStringLiteral("parcels_sum"),
                    table,
                    subject,
                    QString(),
                    QStringLiteral("area_ha"),
                    s.areaHa,
                    t ? t->areaHa : 0.0,
                    QStringLiteral("ha") });
        for (const auto& [year, value] : s.stocks) {
            double found = 0;
            if (t)
                for (const ResultTotals::Stock& st : t->stocks)
                    if (st.year == year)
                        found = st.totalT;
            check.add({ QStringLiteral("parcels_sum"),
                        table,
                        subject,
                        QString::number(year),
                        QStringLiteral("c_total_t_%1").arg(year),
                        value,
                        found,
                        QStringLiteral("t C") });
        }
        for (const auto& [pair, value] : s.changes) {
            double found = 0;
            if (t)
                for (const ResultTotals::Change& c : t->changes)
                    if (c.year1 == pair.first && c.year2 == pair.second)
                        found = c.changeT;
            check.add({ QStringLiteral("parcels_sum"),
                        table,
                        subject,
                        pairText(pair.first, pair.second),
                        QStringLiteral("change_t_%1_%2").arg(pair.first).arg(pair.second),
                        value,
                        found,
                        QStringLiteral("t C") });
        }
    };
    for (const auto& entry : perKey) {
        // (Not a structured binding: clang 14 cannot capture bindings.)
        const QString& k = entry.first;
        const auto it =
          std::find_if(rows.begin(), rows.end(), [&](const ResultTotals& t) { return t.key == k; });
        compare(k, entry.second, it == rows.end() ? nullptr : &*it);
    }
    compare(QStringLiteral("all"), total, &all);
}

analysis::Table ledgerCheckTable(const LedgerCheck& check) {
    using Type = gis::TableColumn::Type;
    analysis::Table t;
    t.name = QStringLiteral("ledger_check");
    t.title = QStringLiteral("Ledger check");
    t.description = QStringLiteral(
      "Every comparison showing that the totals add up: the union area, stock changes against stock "
      "differences, and the parcel sums against each totals row (docs/carbon-project.md, \"Ledger "
      "check\"). Equal within 1e-6 relative.");
    t.columns = {
        { QStringLiteral("check"),
          QString(),
          QStringLiteral("The check: union_area, stock_change, parcels_sum, pool_sum (or gep_carbon)."),
          Type::String },
        { QStringLiteral("table"), QString(), QStringLiteral("The totals table checked."), Type::String },
        { QStringLiteral("subject"),
          QString(),
          QStringLiteral("Row of that table: ecosystem type, group, method or \"all\"."),
          Type::String },
        { QStringLiteral("interval"),
          QString(),
          QStringLiteral("The interval (y1-y2) of a change or the year of a stock; empty otherwise."),
          Type::String },
        { QStringLiteral("quantity"),
          QString(),
          QStringLiteral("The column compared, e.g. area_ha or c_total_t_2015."),
          Type::String },
        { QStringLiteral("expected"),
          QString(),
          QStringLiteral("Expected value, in the row's unit."),
          Type::Real },
        { QStringLiteral("actual"),
          QString(),
          QStringLiteral("Value found, in the row's unit."),
          Type::Real },
        { QStringLiteral("difference"),
          QString(),
          QStringLiteral("actual − expected, in the row's unit."),
          Type::Real },
        { QStringLiteral("unit"), QString(), QStringLiteral("Unit of the row's values."), Type::String },
        { QStringLiteral("passed"),
          QStringLiteral("0/1"),
          QStringLiteral("1 when the two values agree."),
          Type::Integer },
    };
    for (const LedgerCheckRow& r : check.rows)
        t.rows.push_back({ r.check,
                           r.table,
                           r.subject,
                           r.interval,
                           r.quantity,
                           r.expected,
                           r.actual,
                           r.actual - r.expected,
                           r.unit,
                           r.passed ? 1 : 0 });
    return t;
}

} // namespace tanhui::models::carbon
