// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/CarbonResult.h"

#include "gis/TableWriter.h"
#include "models/carbon/Valuation.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonResultText {
    Q_DECLARE_TR_FUNCTIONS(CarbonResultText)
};

using Type = gis::TableColumn::Type;

/// Canonical pool order of the outputs (carbon-methods.md §1.1, §3.1, §5).
const QStringList& knownPools() {
    static const QStringList pools = { QStringLiteral("c_above"), QStringLiteral("c_below"),
                                       QStringLiteral("c_dead"),  QStringLiteral("c_litter"),
                                       QStringLiteral("c_soil"),  QStringLiteral("c_biomass") };
    return pools;
}

QString pairName(int y1, int y2) {
    return QStringLiteral("%1_%2").arg(y1).arg(y2);
}

/// The counted (accounted part's) stock difference y1 → y2 of the vegetation pools (every pool but
/// c_soil), t C; null when either stock is missing or has no vegetation pool.
QVariant countedVegetationChangeT(const ParcelResult& r, int y1, int y2) {
    const CarbonStock* s1 = r.stock(y1);
    const CarbonStock* s2 = r.stock(y2);
    if (!s1 || !s2)
        return {};
    const std::size_t i1 = std::size_t(s1 - r.stocks.data()), i2 = std::size_t(s2 - r.stocks.data());
    double change = 0;
    bool any = false;
    for (std::size_t j2 = 0; j2 < s2->pools.size(); ++j2) {
        if (s2->pools[j2].pool == QLatin1String("c_soil"))
            continue;
        for (std::size_t j1 = 0; j1 < s1->pools.size(); ++j1)
            if (s1->pools[j1].pool == s2->pools[j2].pool) {
                change += r.countedPoolT(i2, j2) - r.countedPoolT(i1, j1);
                any = true;
            }
    }
    return any ? QVariant(change) : QVariant();
}

/// The five bound columns (p2_5, p50, p97_5, u95_pct, u95_t); empty without bounds. A zero-width
/// interval (exact in every draw: no uncertain parameter reaches the value) is written blank and sets
/// `exact` (the row's note says so). U as % only where |central| ≥ the half-width
/// (kApproach1PercentMaxPct), the absolute half-width (t C) wherever U is defined.
std::size_t putBounds(std::vector<QVariant>& v,
                      std::size_t c,
                      const std::optional<Bounds>& b,
                      double central,
                      bool& exact) {
    const bool zeroWidth = b && b->p2_5 == b->p97_5;
    exact = exact || zeroWidth;
    const bool has = b && !zeroWidth;
    v[c++] = has ? QVariant(b->p2_5) : QVariant();
    v[c++] = has ? QVariant(b->p50) : QVariant();
    v[c++] = has ? QVariant(b->p97_5) : QVariant();
    const bool u = has && std::isfinite(b->u95Pct);
    v[c++] = u && b->u95Pct <= kApproach1PercentMaxPct ? QVariant(b->u95Pct) : QVariant();
    v[c++] = u ? QVariant(b->u95Pct / 100.0 * std::fabs(central)) : QVariant();
    return c;
}

QString joinNotes(const QString& a, const QString& b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + QStringLiteral("; ") + b;
}

QString joinRefs(const std::vector<ParameterRowRef>& refs) {
    QStringList parts;
    for (const ParameterRowRef& r : refs)
        parts << r.toString();
    return parts.join(QStringLiteral("; "));
}

} // namespace

double CarbonStock::densityTPerHa() const {
    return areaHa > 0 ? totalT / areaHa : 0.0;
}

const char* changeBasisName(ChangeBasis basis) {
    return basis == ChangeBasis::Flux ? "flux" : "stock_difference";
}

double CarbonChange::co2eT() const {
    return changeT * kCo2PerC;
}

double CarbonChange::perYearT() const {
    return year2 > year1 ? changeT / double(year2 - year1) : 0.0;
}

double ResultTotals::Change::co2eT() const {
    return changeT * kCo2PerC;
}

namespace {

/// The names InternedName points to: a node-based set, so that an element's address never changes.
struct NameTable {
    std::mutex mutex;
    std::set<QString> names{ QString() };
};

NameTable& nameTable() {
    static NameTable* table = new NameTable; // never destroyed: results may outlive static destructors
    return *table;
}

} // namespace

InternedName::InternedName()
  : InternedName(QString()) {}

InternedName::InternedName(const QString& name) {
    NameTable& t = nameTable();
    const std::lock_guard lock(t.mutex);
    p_ = &*t.names.insert(name).first;
}

QString ParameterRowRef::toString() const {
    return QStringLiteral("%1:%2 %3 (%4)").arg(file).arg(row).arg(key, params::tagName(tag));
}

bool operator<(const ParameterRowRef& a, const ParameterRowRef& b) {
    return std::tie(a.file, a.row, a.key) < std::tie(b.file, b.row, b.key);
}

bool operator==(const ParameterRowRef& a, const ParameterRowRef& b) {
    return a.file == b.file && a.row == b.row && a.key == b.key;
}

double ParcelResult::accountedShare() const {
    if (accountedAreaHa < 0 || !(areaHa > 0))
        return 1.0;
    return std::clamp(accountedAreaHa / areaHa, 0.0, 1.0);
}

double ParcelResult::countedStockT(std::size_t i) const {
    return accountedPart ? accountedPart->stocks[i].totalT : stocks[i].totalT * accountedShare();
}

double ParcelResult::countedStockAreaHa(std::size_t i) const {
    return accountedPart ? accountedPart->stocks[i].areaHa : stocks[i].areaHa * accountedShare();
}

double ParcelResult::countedPoolT(std::size_t i, std::size_t j) const {
    return accountedPart ? accountedPart->stocks[i].pools[j].t : stocks[i].pools[j].t * accountedShare();
}

double ParcelResult::countedChangeT(std::size_t i) const {
    return accountedPart ? accountedPart->changes[i].changeT : changes[i].changeT * accountedShare();
}

std::size_t setAccountedPart(ParcelResult& r, const ParcelResult& part) {
    const double share = r.accountedShare();
    std::size_t shareRule = 0;
    auto values = std::make_shared<ParcelResult::AccountedPart>();
    values->stocks = r.stocks;
    for (CarbonStock& s : values->stocks) {
        s.bounds.reset();
        const CarbonStock* own = part.computed() ? part.stock(s.year) : nullptr;
        if (!own) {
            ++shareRule;
            s.totalT *= share;
            s.areaHa *= share;
            for (PoolStock& p : s.pools)
                p.t *= share;
            continue;
        }
        s.totalT = own->totalT;
        s.areaHa = own->areaHa;
        for (PoolStock& p : s.pools) {
            const auto q = std::find_if(
              own->pools.begin(), own->pools.end(), [&](const PoolStock& x) { return x.pool == p.pool; });
            p.t = q == own->pools.end() ? 0.0 : q->t;
        }
    }
    values->changes = r.changes;
    for (CarbonChange& c : values->changes) {
        c.bounds.reset();
        const CarbonChange* own = part.computed() ? part.change(c.year1, c.year2) : nullptr;
        if (!own) {
            ++shareRule;
            c.changeT *= share;
            continue;
        }
        c.changeT = own->changeT;
    }
    r.accountedPart = std::move(values);
    return shareRule;
}

const CarbonStock* ParcelResult::stock(int year) const& {
    for (const CarbonStock& s : stocks)
        if (s.year == year)
            return &s;
    return nullptr;
}

const CarbonChange* ParcelResult::change(int year1, int year2) const& {
    for (const CarbonChange& c : changes)
        if (c.year1 == year1 && c.year2 == year2)
            return &c;
    return nullptr;
}

const QString& ParcelResult::typeAt(int year) const {
    for (const DatedType& d : landUseChange)
        if (d.year == year)
            return d.type;
    return ecosystemType;
}

std::vector<ParameterRowRef> ParcelResult::flaggedParameters() const {
    std::vector<ParameterRowRef> out;
    for (const ParameterRowRef& r : parameters)
        if (r.flagged())
            out.push_back(r);
    return out;
}

namespace {

/// Adds a result to totals; with `type`, only its stocks and changes of that type (ParcelResult::typeAt)
/// and its count and area only when that is its mapped type.
void accumulate(ResultTotals& t, const ParcelResult& r, const QString* type = nullptr) {
    const bool counted = !type || r.ecosystemType == *type;
    if (counted) {
        ++t.parcels;
        t.areaHa += r.accountedArea();
        t.fullAreaHa += r.areaHa;
    }
    // The accounted part's values (docs/carbon-project.md, "Overlapping layers").
    if (!r.computed()) {
        if (counted)
            ++t.notComputed;
        return;
    }
    if (counted) {
        ++t.computed;
        if (!r.flaggedParameters().empty())
            ++t.flagged;
    }
    if (!t.methods.contains(r.method)) {
        t.methods << r.method;
        t.methods.sort();
    }
    for (std::size_t i = 0; i < r.stocks.size(); ++i) {
        const CarbonStock& s = r.stocks[i];
        if (type && r.typeAt(s.year) != *type)
            continue;
        auto it = std::find_if(
          t.stocks.begin(), t.stocks.end(), [&](const ResultTotals::Stock& x) { return x.year == s.year; });
        if (it == t.stocks.end()) {
            t.stocks.push_back({ s.year, 0.0, 0.0, 0, {} });
            it = t.stocks.end() - 1;
        }
        it->totalT += r.countedStockT(i);
        it->areaHa += r.countedStockAreaHa(i);
        ++it->parcels;
    }
    for (std::size_t i = 0; i < r.changes.size(); ++i) {
        const CarbonChange& c = r.changes[i];
        if (type && r.typeAt(c.year2) != *type)
            continue;
        auto it = std::find_if(t.changes.begin(), t.changes.end(), [&](const ResultTotals::Change& x) {
            return x.year1 == c.year1 && x.year2 == c.year2;
        });
        if (it == t.changes.end()) {
            t.changes.push_back({ c.year1, c.year2, 0.0, 0, {} });
            it = t.changes.end() - 1;
        }
        it->changeT += r.countedChangeT(i);
        ++it->parcels;
    }
}

/// The pairs of dates each method gives changes for (over every result).
using MethodPairs = std::map<QString, std::set<std::pair<int, int>>>;
MethodPairs methodPairs(const std::vector<ParcelResult>& results) {
    MethodPairs out;
    for (const ParcelResult& r : results)
        for (const CarbonChange& c : r.changes)
            out[r.method].insert({ c.year1, c.year2 });
    return out;
}

/// Adds r's coverage change to the changes of `t` (ResultTotals::Change::coverageT), for the pairs r's
/// method gives changes for (a method with stocks alone, e.g. volume at its inventory year, has no change
/// to complete), so that the `all` row is the sum of the rows. A row none of whose parcels has a change
/// for such a pair (e.g. its parcels had no data at the first date) gets the pair with the coverage
/// alone, so that its stock difference is still accounted for. `type`: as accumulate().
void addCoverage(ResultTotals& t,
                 const ParcelResult& r,
                 const MethodPairs& pairs,
                 const QString* type = nullptr) {
    if (!r.computed())
        return;
    const auto own = pairs.find(r.method);
    if (own == pairs.end())
        return;
    const auto index = [&](const CarbonStock* s) { return std::size_t(s - r.stocks.data()); };
    for (const std::pair<int, int>& pair : own->second) {
        const int year1 = pair.first, year2 = pair.second; // (named variables: lambdas capture them)
        const CarbonStock* s1 = r.stock(year1);
        const CarbonStock* s2 = r.stock(year2);
        const auto change = std::find_if(r.changes.begin(), r.changes.end(), [&](const CarbonChange& c) {
            return c.year1 == year1 && c.year2 == year2;
        });
        double coverage = 0;
        if (change == r.changes.end()) {
            // No change for the pair: a stock at one date only (or at both, e.g. a method that gives no
            // change) is all coverage.
            if (s2 && (!type || r.typeAt(year2) == *type))
                coverage += r.countedStockT(index(s2));
            if (s1 && (!type || r.typeAt(year1) == *type))
                coverage -= r.countedStockT(index(s1));
        } else if (change->basis == ChangeBasis::StockDifference && s1 && s2 &&
                   (!type || r.typeAt(year2) == *type)) {
            // A stock difference over the ground valid at both dates: where the stock areas differ, the
            // rest of the stock difference is coverage. (Equal areas: none, so the ledger still compares
            // the change with the stocks there.) It counts where the change counts, under the year2
            // type; the year1 stock moved there is a transfer.
            const double a1 = r.countedStockAreaHa(index(s1)), a2 = r.countedStockAreaHa(index(s2));
            if (std::abs(a2 - a1) > 1e-9 * std::max(1.0, std::max(a1, a2)))
                coverage = r.countedStockT(index(s2)) - r.countedStockT(index(s1)) -
                           r.countedChangeT(std::size_t(change - r.changes.begin()));
        }
        if (coverage == 0)
            continue;
        auto tc = std::find_if(t.changes.begin(), t.changes.end(), [&](const ResultTotals::Change& x) {
            return x.year1 == year1 && x.year2 == year2;
        });
        if (tc == t.changes.end()) {
            t.changes.push_back({ year1, year2, 0.0, 0, {} });
            tc = t.changes.end() - 1;
        }
        tc->coverageT += coverage;
    }
}

void sortTotals(ResultTotals& t) {
    std::sort(t.stocks.begin(), t.stocks.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    std::sort(t.changes.begin(), t.changes.end(), [](const auto& a, const auto& b) {
        return std::pair(a.year1, a.year2) < std::pair(b.year1, b.year2);
    });
}

} // namespace

ResultTotals totalOf(const std::vector<ParcelResult>& results, bool primaryOnly) {
    ResultTotals t;
    for (const ParcelResult& r : results)
        if (r.primary || !primaryOnly)
            accumulate(t, r);
    const MethodPairs pairs = methodPairs(results);
    for (const ParcelResult& r : results)
        if (r.primary || !primaryOnly)
            addCoverage(t, r, pairs);
    sortTotals(t);
    return t;
}

namespace {

/// The dates of the primary computed results' stocks, ascending.
std::vector<int> primaryStockYears(const std::vector<ParcelResult>& results) {
    std::set<int> years;
    for (const ParcelResult& r : results)
        if (r.primary && r.computed())
            for (const CarbonStock& s : r.stocks)
                years.insert(s.year);
    return { years.begin(), years.end() };
}

} // namespace

CommonStockTotals commonStockTotals(const std::vector<ParcelResult>& results) {
    CommonStockTotals t;
    t.years = primaryStockYears(results);
    t.totalT.assign(t.years.size(), 0.0);
    t.parcelsPerDate.assign(t.years.size(), 0);
    for (const ParcelResult& r : results) {
        if (!r.primary || !r.computed())
            continue;
        std::vector<std::size_t> at; // index into r.stocks
        for (std::size_t i = 0; i < t.years.size(); ++i)
            if (const CarbonStock* s = r.stock(t.years[i])) {
                at.push_back(std::size_t(s - r.stocks.data()));
                ++t.parcelsPerDate[i];
            }
        if (at.size() != t.years.size() || at.empty())
            continue;
        ++t.parcels;
        t.areaHa += r.accountedArea();
        for (std::size_t i = 0; i < at.size(); ++i)
            t.totalT[i] += r.countedStockT(at[i]);
    }
    return t;
}

bool PoolTotals::hasUnattributed() const {
    for (double v : unattributedT)
        if (v != 0)
            return true;
    return false;
}

PoolTotals poolTotalsOf(const std::vector<ParcelResult>& results) {
    PoolTotals t;
    const ResultLayout layout = layoutOf(results);
    t.pools = layout.pools;
    t.years = primaryStockYears(results);
    const std::size_t n = t.years.size();
    t.poolT.assign(n, std::vector<double>(std::size_t(t.pools.size()), 0.0));
    t.unattributedT.assign(n, 0.0);
    t.totalT.assign(n, 0.0);
    t.areaHa.assign(n, 0.0);
    t.parcels.assign(n, 0);
    for (const ParcelResult& r : results) {
        if (!r.primary || !r.computed())
            continue;
        for (std::size_t i = 0; i < r.stocks.size(); ++i) {
            const CarbonStock& s = r.stocks[i];
            const std::size_t y =
              std::size_t(std::lower_bound(t.years.begin(), t.years.end(), s.year) - t.years.begin());
            ++t.parcels[y];
            t.areaHa[y] += r.accountedArea();
            if (s.pools.empty()) {
                t.unattributedT[y] += r.countedStockT(i);
                continue;
            }
            for (std::size_t j = 0; j < s.pools.size(); ++j)
                t.poolT[y][std::size_t(t.pools.indexOf(s.pools[j].pool))] += r.countedPoolT(i, j);
        }
    }
    // The total is the sum of the pools (not the stocks' totalT): the ledger check compares it with
    // the other totals, so pools that do not add up to a stock show there.
    for (std::size_t y = 0; y < n; ++y) {
        double sum = t.unattributedT[y];
        for (double v : t.poolT[y])
            sum += v;
        t.totalT[y] = sum;
    }
    return t;
}

bool CommonStockTotals::perDateTotalsDiffer() const {
    if (years.size() < 2)
        return false;
    for (std::size_t n : parcelsPerDate)
        if (n != parcels)
            return true;
    return false;
}

std::vector<ResultTotals> totalsBy(const std::vector<ParcelResult>& results, TotalsKey which) {
    std::map<QString, ResultTotals> groups;
    // Each counted result with the row(s) it counts in: by type, per date the type of that date
    // (docs/carbon-project.md "Ecosystem per date"); else its group or method.
    auto eachRow = [&](auto&& f) {
        for (const ParcelResult& r : results) {
            if (!r.primary && which != TotalsKey::Method)
                continue;
            if (which == TotalsKey::EcosystemType) {
                std::set<QString> types{ r.ecosystemType };
                for (const DatedType& d : r.landUseChange)
                    types.insert(d.type);
                for (const QString& type : types) {
                    ResultTotals& t = groups[type];
                    t.key = type;
                    f(t, r, &type);
                }
                continue;
            }
            const QString& key = which == TotalsKey::Group ? r.group : r.method;
            ResultTotals& t = groups[key];
            t.key = key;
            f(t, r, nullptr);
        }
    };
    eachRow([](ResultTotals& t, const ParcelResult& r, const QString* type) { accumulate(t, r, type); });
    // The coverage change once every row's pairs are known.
    const MethodPairs pairs = methodPairs(results);
    eachRow([&pairs](ResultTotals& t, const ParcelResult& r, const QString* type) {
        addCoverage(t, r, pairs, type);
    });
    if (which == TotalsKey::EcosystemType) {
        // Parcels whose type differs between the two dates of a change move their year1 stock from the
        // old type's row to the new one's (the change itself counts under the year2 type).
        bool any = false;
        for (const ParcelResult& r : results)
            any = any || (r.primary && !r.landUseChange.empty());
        auto changeOf = [](ResultTotals& t, int y1, int y2) -> ResultTotals::Change& {
            auto it = std::find_if(t.changes.begin(), t.changes.end(), [&](const ResultTotals::Change& x) {
                return x.year1 == y1 && x.year2 == y2;
            });
            if (it != t.changes.end())
                return *it;
            t.changes.push_back({ y1, y2, 0.0, 0, {} });
            return t.changes.back();
        };
        for (const ParcelResult& r : results) {
            if (!r.primary || !r.computed() || r.landUseChange.empty())
                continue;
            for (const CarbonChange& c : r.changes) {
                const QString& from = r.typeAt(c.year1);
                const QString& to = r.typeAt(c.year2);
                const CarbonStock* s1 = r.stock(c.year1);
                if (from == to || !s1)
                    continue;
                const double moved = r.countedStockT(std::size_t(s1 - r.stocks.data()));
                changeOf(groups[to], c.year1, c.year2).transferInT += moved;
                ResultTotals& old = groups[from];
                old.key = from;
                changeOf(old, c.year1, c.year2).transferOutT += moved;
            }
        }
        for (auto& [key, t] : groups)
            t.transfers = any;
    }
    std::vector<ResultTotals> out;
    for (auto& [key, t] : groups) {
        sortTotals(t);
        out.push_back(std::move(t));
    }
    return out;
}

ResultLayout layoutOf(const std::vector<ParcelResult>& results) {
    ResultLayout layout;
    std::set<int> years;
    std::set<std::pair<int, int>> pairs;
    std::set<QString> pools;
    for (const ParcelResult& r : results) {
        for (const CarbonStock& s : r.stocks) {
            years.insert(s.year);
            layout.stockBounds = layout.stockBounds || s.bounds.has_value();
            for (const PoolStock& p : s.pools)
                pools.insert(p.pool);
        }
        for (const CarbonChange& c : r.changes) {
            pairs.insert({ c.year1, c.year2 });
            layout.changeBounds = layout.changeBounds || c.bounds.has_value();
        }
    }
    layout.years.assign(years.begin(), years.end());
    layout.pairs.assign(pairs.begin(), pairs.end());
    for (const QString& p : knownPools())
        if (pools.erase(p))
            layout.pools << p;
    for (const QString& p : pools)
        layout.pools << p;
    return layout;
}

namespace {

analysis::Column column(const QString& name, Type type, const QString& unit, const QString& description) {
    return { name, unit, description, type };
}

/// The five bound columns of `base` (putBounds order), described once for every table.
void addBoundColumns(std::vector<analysis::Column>& columns, const QString& base, const QString& what) {
    columns.push_back(column(base + QStringLiteral("_p2_5"),
                             Type::Real,
                             QStringLiteral("t C"),
                             QStringLiteral("Monte Carlo 2.5th percentile of %1 (t C).").arg(what)));
    columns.push_back(column(base + QStringLiteral("_p50"),
                             Type::Real,
                             QStringLiteral("t C"),
                             QStringLiteral("Monte Carlo median of %1 (t C).").arg(what)));
    columns.push_back(column(base + QStringLiteral("_p97_5"),
                             Type::Real,
                             QStringLiteral("t C"),
                             QStringLiteral("Monte Carlo 97.5th percentile of %1 (t C).").arg(what)));
    columns.push_back(
      column(base + QStringLiteral("_u95_pct"),
             Type::Real,
             QStringLiteral("%"),
             QStringLiteral("IPCC Approach 1 uncertainty U of %1: 95 % half-width in % of the "
                            "estimate, given only where U ≤ 100 % (docs/uncertainty.md).")
               .arg(what)));
    columns.push_back(
      column(base + QStringLiteral("_u95_t"),
             Type::Real,
             QStringLiteral("t C"),
             QStringLiteral("IPCC Approach 1 95 % half-width of %1 (U × |estimate|, t C).").arg(what)));
}

} // namespace

analysis::Table parcelResultsTable(std::shared_ptr<const std::vector<ParcelResult>> results,
                                   const QString& groupName,
                                   const gis::Crs& crs,
                                   ParcelGeometryOf geometryOf) {
    const ResultLayout layout = layoutOf(*results);
    analysis::Table table;
    table.name = QStringLiteral("parcels");
    table.title = QStringLiteral("Carbon per parcel");
    table.description = QStringLiteral(
      "One row per feature of every carbon layer and per method computing it, in layer order; features "
      "that could not be computed are listed with the reason in not_computed and empty numbers.");
    std::vector<analysis::Column>& columns = table.columns;
    const QString none;
    columns = {
        column(
          QStringLiteral("layer"), Type::String, none, QStringLiteral("Project layer id of the parcel.")),
        column(QStringLiteral("source_fid"), Type::Integer, none, QStringLiteral("Feature id in the layer.")),
        column(QStringLiteral("id"),
               Type::String,
               none,
               QStringLiteral("Value of the layer's id field (the feature id when it has none).")),
        column(QStringLiteral("ecosystem_type"),
               Type::String,
               none,
               QStringLiteral(
                 "Canonical ecosystem type of the parcel (fixed by the layer or mapped from its field).")),
        column(QStringLiteral("method"),
               Type::String,
               none,
               QStringLiteral("Carbon method that computed the row.")),
        column(QStringLiteral("primary"),
               Type::Integer,
               QStringLiteral("0/1"),
               QStringLiteral("1 for the first (primary) method of the type, which the totals by type and "
                              "group count; 0 for the others.")),
        column(QStringLiteral("method_detail"),
               Type::String,
               none,
               QStringLiteral("Options or table that shaped the result, e.g. bef_form=constant.")),
    };
    if (!groupName.isEmpty())
        columns.push_back(
          column(groupName,
                 Type::String,
                 none,
                 QStringLiteral("The %1 the parcel belongs to (largest overlap or field).").arg(groupName)));
    columns.push_back(column(QStringLiteral("area_ha"),
                             Type::Real,
                             QStringLiteral("ha"),
                             QStringLiteral("Ellipsoidal area of the whole parcel (ha).")));
    columns.push_back(column(QStringLiteral("accounted_area_ha"),
                             Type::Real,
                             QStringLiteral("ha"),
                             QStringLiteral("Part of the parcel the totals count: the parcel minus the "
                                            "parcels of layers of higher precedence (ha, ellipsoidal).")));
    columns.push_back(
      column(QStringLiteral("accounted_share"),
             Type::Real,
             QStringLiteral("1"),
             QStringLiteral("accounted_area_ha / area_ha (0–1); the totals count the accounted part's values "
                            "(accounted_c_total_t_<year>, accounted_change_t_<y1>_<y2>).")));
    // The type per date when the land cover changed some parcel's type (docs/carbon-project.md).
    const bool datedTypes = std::any_of(
      results->begin(), results->end(), [](const ParcelResult& r) { return !r.landUseChange.empty(); });
    if (datedTypes)
        for (int y : layout.years)
            columns.push_back(column(
              QStringLiteral("ecosystem_type_%1").arg(y),
              Type::String,
              none,
              QStringLiteral("Ecosystem type of the parcel in %1 (follows carbon.land_use_change).").arg(y)));
    for (int y : layout.years) {
        for (const QString& p : layout.pools)
            columns.push_back(column(QStringLiteral("%1_t_%2").arg(p).arg(y),
                                     Type::Real,
                                     QStringLiteral("t C"),
                                     QStringLiteral("Carbon in pool %1 in %2 (t C).").arg(p).arg(y)));
        columns.push_back(column(
          QStringLiteral("c_total_t_%1").arg(y),
          Type::Real,
          QStringLiteral("t C"),
          QStringLiteral("Carbon stock in %1, all pools (t C); empty when the method gives no stock then.")
            .arg(y)));
        columns.push_back(
          column(QStringLiteral("c_total_t_per_ha_%1").arg(y),
                 Type::Real,
                 QStringLiteral("t C/ha"),
                 QStringLiteral("Carbon density in %1: stock / stock_area_ha_%1 (t C/ha).").arg(y)));
        columns.push_back(
          column(QStringLiteral("stock_area_ha_%1").arg(y),
                 Type::Real,
                 QStringLiteral("ha"),
                 QStringLiteral(
                   "Area the %1 stock covers (raster methods: the parcel's valid, non-nodata area; ha).")
                   .arg(y)));
        if (layout.stockBounds)
            addBoundColumns(
              columns, QStringLiteral("c_total_t_%1").arg(y), QStringLiteral("the %1 stock").arg(y));
    }
    for (const auto& [y1, y2] : layout.pairs) {
        const QString s = pairName(y1, y2);
        columns.push_back(
          column(QStringLiteral("change_t_") + s,
                 Type::Real,
                 QStringLiteral("t C"),
                 QStringLiteral("Carbon change %1–%2, positive = sink (t C).").arg(y1).arg(y2)));
        columns.push_back(column(QStringLiteral("change_tco2e_") + s,
                                 Type::Real,
                                 QStringLiteral("t CO2e"),
                                 QStringLiteral("Carbon change %1–%2 × 44/12 (t CO2e).").arg(y1).arg(y2)));
        columns.push_back(column(QStringLiteral("change_t_per_yr_") + s,
                                 Type::Real,
                                 QStringLiteral("t C/yr"),
                                 QStringLiteral("Carbon change %1–%2 per year (t C/yr).").arg(y1).arg(y2)));
        columns.push_back(column(
          QStringLiteral("change_basis_") + s,
          Type::String,
          none,
          QStringLiteral("How the change %1–%2 was obtained: stock_difference or flux (gains − losses).")
            .arg(y1)
            .arg(y2)));
        if (layout.changeBounds)
            addBoundColumns(
              columns, QStringLiteral("change_t_") + s, QStringLiteral("the change %1–%2").arg(y1).arg(y2));
    }
    if (layout.stockBounds || layout.changeBounds)
        columns.push_back(column(QStringLiteral("bounds_note"),
                                 Type::String,
                                 none,
                                 QStringLiteral("Why bounds of the row are blank although uncertainty ran (a "
                                                "zero-width Monte Carlo interval).")));
    columns.push_back(column(QStringLiteral("flagged_parameters"),
                             Type::String,
                             none,
                             QStringLiteral("Parameter rows used whose tag is secondary, unconfirmed or "
                                            "example (file:row key (tag), separated by \"; \").")));
    columns.push_back(
      column(QStringLiteral("nodata_share"),
             Type::Real,
             QStringLiteral("1"),
             QStringLiteral("Largest share of the parcel without data over the dates (0–1).")));
    columns.push_back(
      column(QStringLiteral("geometry_repaired"),
             Type::Integer,
             QStringLiteral("0/1"),
             QStringLiteral("1 when the geometry was invalid and repaired (GEOS MakeValid).")));
    columns.push_back(
      column(QStringLiteral("parameters_used"),
             Type::String,
             none,
             QStringLiteral("Every parameter row used (file:row key (tag), separated by \"; \").")));
    columns.push_back(column(QStringLiteral("not_computed"),
                             Type::String,
                             none,
                             QStringLiteral("Why the parcel has no result; empty when computed.")));
    columns.push_back(
      column(QStringLiteral("blank_note"),
             Type::String,
             none,
             QStringLiteral("The dates and pairs a computed parcel has no value for, and why.")));
    // What the totals count of the parcel (docs/carbon-project.md "Overlapping layers"): Σ over the
    // rows of these = the totals (ledger check parcels_sum).
    columns.push_back(
      column(QStringLiteral("accounted_rule"),
             Type::String,
             none,
             QStringLiteral("How the accounted values were obtained: whole (nothing removed), coverage (the "
                            "method computed the accounted part from its own exact coverage) or share (the "
                            "parcel's values × accounted_share: uniform density, or nothing left).")));
    for (int y : layout.years)
        columns.push_back(column(QStringLiteral("accounted_c_total_t_%1").arg(y),
                                 Type::Real,
                                 QStringLiteral("t C"),
                                 QStringLiteral("The %1 stock the totals count: that of the accounted "
                                                "part (t C; see accounted_rule).")
                                   .arg(y)));
    for (const auto& [y1, y2] : layout.pairs)
        columns.push_back(column(QStringLiteral("accounted_change_t_") + pairName(y1, y2),
                                 Type::Real,
                                 QStringLiteral("t C"),
                                 QStringLiteral("The change %1–%2 the totals count: that of the accounted "
                                                "part (t C; see accounted_rule).")
                                   .arg(y1)
                                   .arg(y2)));
    // The vegetation part of that change (every pool but c_soil), which GEP's oxygen release values
    // (gep-methods.md §4.9; docs/gep.md "Carbon sequestration"): a part's own coverage can have another
    // vegetation / soil mix than the whole parcel.
    const bool vegetationPools = std::any_of(layout.pools.cbegin(),
                                             layout.pools.cend(),
                                             [](const QString& p) { return p != QLatin1String("c_soil"); });
    if (vegetationPools)
        for (const auto& [y1, y2] : layout.pairs)
            columns.push_back(column(QStringLiteral("accounted_vegetation_change_t_") + pairName(y1, y2),
                                     Type::Real,
                                     QStringLiteral("t C"),
                                     QStringLiteral("Of accounted_change_t_%1_%2, the stock difference of "
                                                    "the vegetation pools (every pool but c_soil) of the "
                                                    "accounted part (t C).")
                                       .arg(y1)
                                       .arg(y2)));
    table.hasGeometry = true;
    table.crs = crs;
    table.lazyRowCount = results->size();
    table.source = [results, layout, groupName, datedTypes, vegetationPools](
                     std::size_t row, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
        const ParcelResult& r = (*results)[row];
        std::size_t c = 0;
        v[c++] = r.layer.toString();
        v[c++] = qint64(r.fid);
        v[c++] = r.id;
        v[c++] = r.ecosystemType.toString();
        v[c++] = r.method.toString();
        v[c++] = r.primary ? 1 : 0;
        v[c++] = r.methodDetail;
        if (!groupName.isEmpty())
            v[c++] = r.group.toString();
        v[c++] = r.areaHa;
        v[c++] = r.accountedArea();
        v[c++] = r.accountedShare();
        if (datedTypes)
            for (int y : layout.years)
                v[c++] = r.typeAt(y);
        bool exact = false;
        for (int y : layout.years) {
            const CarbonStock* s = r.stock(y);
            for (const QString& p : layout.pools) {
                QVariant value;
                if (s)
                    for (const PoolStock& ps : s->pools)
                        if (ps.pool == p)
                            value = ps.t;
                v[c++] = value;
            }
            v[c++] = s ? QVariant(s->totalT) : QVariant();
            v[c++] = s ? QVariant(s->densityTPerHa()) : QVariant();
            v[c++] = s ? QVariant(s->areaHa) : QVariant();
            if (layout.stockBounds)
                c = putBounds(v, c, s ? s->bounds : std::nullopt, s ? s->totalT : 0.0, exact);
        }
        for (const auto& [y1, y2] : layout.pairs) {
            const CarbonChange* ch = r.change(y1, y2);
            v[c++] = ch ? QVariant(ch->changeT) : QVariant();
            v[c++] = ch ? QVariant(ch->co2eT()) : QVariant();
            v[c++] = ch ? QVariant(ch->perYearT()) : QVariant();
            v[c++] = ch ? QVariant(QString::fromLatin1(changeBasisName(ch->basis))) : QVariant();
            if (layout.changeBounds)
                c = putBounds(v, c, ch ? ch->bounds : std::nullopt, ch ? ch->changeT : 0.0, exact);
        }
        if (layout.stockBounds || layout.changeBounds)
            v[c++] = exact ? exactBoundsNote() : QString();
        v[c++] = joinRefs(r.flaggedParameters());
        v[c++] = r.nodataShare;
        v[c++] = r.geometryRepaired ? 1 : 0;
        v[c++] = joinRefs(r.parameters);
        v[c++] = r.notComputed;
        v[c++] = blankValuesNote(r, layout.years, layout.pairs);
        const bool computed = r.computed();
        v[c++] = !computed                  ? QVariant()
                 : r.accountedPart          ? QVariant(QStringLiteral("coverage"))
                 : r.accountedShare() < 1.0 ? QVariant(QStringLiteral("share"))
                                            : QVariant(QStringLiteral("whole"));
        for (int y : layout.years) {
            const CarbonStock* s = computed ? r.stock(y) : nullptr;
            v[c++] = s ? QVariant(r.countedStockT(std::size_t(s - r.stocks.data()))) : QVariant();
        }
        for (const auto& [y1, y2] : layout.pairs) {
            const CarbonChange* ch = computed ? r.change(y1, y2) : nullptr;
            v[c++] = ch ? QVariant(r.countedChangeT(std::size_t(ch - r.changes.data()))) : QVariant();
        }
        if (vegetationPools)
            for (const auto& [y1, y2] : layout.pairs)
                v[c++] = computed ? countedVegetationChangeT(r, y1, y2) : QVariant();
        wkb = r.wkb;
    };
    if (geometryOf)
        table.geometry = [results, geometryOf](std::size_t row) {
            const ParcelResult& r = (*results)[row];
            return r.wkb.empty() ? geometryOf(r) : r.wkb;
        };
    return table;
}

void writeParcelResults(const std::string& path,
                        const std::vector<ParcelResult>& results,
                        const QString& groupName,
                        const gis::Crs& crs) {
    // Not owned: the table lives only while it is written.
    const std::shared_ptr<const std::vector<ParcelResult>> view(std::shared_ptr<void>(), &results);
    analysis::writeTableFile(parcelResultsTable(view, groupName, crs), path);
}

namespace {

QString pairText(int y1, int y2) {
    return QStringLiteral("%1–%2").arg(y1).arg(y2);
}

} // namespace

QString blankValuesNote(const ParcelResult& result,
                        const std::vector<int>& years,
                        const std::vector<std::pair<int, int>>& pairs) {
    if (!result.computed())
        return {};
    QStringList noStock, noChange;
    for (int y : years)
        if (!result.stock(y))
            noStock << QString::number(y);
    for (const auto& [y1, y2] : pairs)
        if (!result.change(y1, y2))
            noChange << pairText(y1, y2);
    if (noStock.isEmpty() && noChange.isEmpty())
        return {};
    QStringList parts;
    if (!noStock.isEmpty())
        parts << CarbonResultText::tr("no stock in %1").arg(noStock.join(QStringLiteral(", ")));
    if (!noChange.isEmpty())
        parts << CarbonResultText::tr("no change %1").arg(noChange.join(QStringLiteral(", ")));
    const QString why = result.blankNote.isEmpty()
                          ? CarbonResultText::tr("the method %1 gives no value there").arg(result.method)
                          : result.blankNote;
    return parts.join(QStringLiteral("; ")) + QStringLiteral(": ") + why;
}

QString totalsBlankNote(const ResultTotals& totals,
                        const std::vector<int>& years,
                        const std::vector<std::pair<int, int>>& pairs) {
    if (totals.computed == 0)
        return totals.parcels ? CarbonResultText::tr("no parcel computed") : QString();
    QStringList noStock, noChange, partial;
    for (int y : years) {
        const auto it = std::find_if(
          totals.stocks.begin(), totals.stocks.end(), [&](const auto& s) { return s.year == y; });
        if (it == totals.stocks.end())
            noStock << QString::number(y);
        else if (it->parcels < totals.computed)
            partial << CarbonResultText::tr("the stock of %1 covers %2 of %3 computed parcels")
                         .arg(y)
                         .arg(it->parcels)
                         .arg(totals.computed);
    }
    for (const auto& pair : pairs) {
        // (A pair, not a structured binding: clang 14 cannot capture bindings.)
        const int y1 = pair.first, y2 = pair.second;
        const auto it = std::find_if(totals.changes.begin(), totals.changes.end(), [&](const auto& c) {
            return c.year1 == y1 && c.year2 == y2;
        });
        if (it == totals.changes.end())
            noChange << pairText(y1, y2);
        else if (it->parcels < totals.computed)
            partial << CarbonResultText::tr("the change %1 covers %2 of %3 computed parcels")
                         .arg(pairText(y1, y2))
                         .arg(it->parcels)
                         .arg(totals.computed);
    }
    QStringList parts;
    if (!noStock.isEmpty() || !noChange.isEmpty()) {
        QStringList what;
        if (!noStock.isEmpty())
            what << CarbonResultText::tr("no stock in %1").arg(noStock.join(QStringLiteral(", ")));
        if (!noChange.isEmpty())
            what << CarbonResultText::tr("no change %1").arg(noChange.join(QStringLiteral(", ")));
        parts << CarbonResultText::tr("%1: no counted parcel has a value there (methods: %2); "
                                      "see blank_note in parcels.csv")
                   .arg(what.join(QStringLiteral("; ")), totals.methods.join(QStringLiteral(", ")));
    }
    parts << partial;
    return parts.join(QStringLiteral("; "));
}

namespace {

/// A pool's name in descriptions (carbon-methods.md §1.1, §3.1, §5).
QString poolDescription(const QString& pool) {
    if (pool == QLatin1String("c_above"))
        return QStringLiteral("above-ground biomass");
    if (pool == QLatin1String("c_below"))
        return QStringLiteral("below-ground biomass");
    if (pool == QLatin1String("c_dead"))
        return QStringLiteral("dead wood");
    if (pool == QLatin1String("c_litter"))
        return QStringLiteral("litter");
    if (pool == QLatin1String("c_soil"))
        return QStringLiteral("soil organic carbon");
    if (pool == QLatin1String("c_biomass"))
        return QStringLiteral("tree biomass, above and below ground (methods without a split)");
    return pool;
}

} // namespace

analysis::Table poolTotalsTable(const PoolTotals& totals) {
    analysis::Table t;
    t.name = QStringLiteral("totals_by_pool");
    t.title = QStringLiteral("Totals by carbon pool");
    t.description = QStringLiteral(
      "One row per date: the stock of each carbon pool (t C) over the computed primary results, each "
      "parcel's accounted part (as in the other totals); the pools add up to the date's stock in "
      "totals_by_ecosystem_type (ledger check pool_sum).");
    t.columns.push_back(
      column(QStringLiteral("year"), Type::Integer, QString(), QStringLiteral("The date.")));
    for (const QString& p : totals.pools)
        t.columns.push_back(column(
          p + QStringLiteral("_t"),
          Type::Real,
          QStringLiteral("t C"),
          QStringLiteral("Stock of the pool %1 (%2), t C, accounted parts.").arg(p, poolDescription(p))));
    const bool unattributed = totals.hasUnattributed();
    if (unattributed)
        t.columns.push_back(column(QStringLiteral("unattributed_t"),
                                   Type::Real,
                                   QStringLiteral("t C"),
                                   QStringLiteral("Stock of results whose method gives no split by pool, "
                                                  "t C, accounted parts.")));
    t.columns.push_back(column(QStringLiteral("c_total_t"),
                               Type::Real,
                               QStringLiteral("t C"),
                               QStringLiteral("Sum of the pools (and the unattributed stock), t C.")));
    t.columns.push_back(
      column(QStringLiteral("area_ha"),
             Type::Real,
             QStringLiteral("ha"),
             QStringLiteral("Accounted area of the parcels with a stock at the date, ha.")));
    t.columns.push_back(column(QStringLiteral("parcels"),
                               Type::Integer,
                               QStringLiteral("count"),
                               QStringLiteral("Computed primary results with a stock at the date.")));
    for (std::size_t y = 0; y < totals.years.size(); ++y) {
        std::vector<QVariant> row;
        row.push_back(totals.years[y]);
        for (double v : totals.poolT[y])
            row.push_back(v);
        if (unattributed)
            row.push_back(totals.unattributedT[y]);
        row.push_back(totals.totalT[y]);
        row.push_back(totals.areaHa[y]);
        row.push_back(qint64(totals.parcels[y]));
        t.rows.push_back(std::move(row));
    }
    return t;
}

analysis::Table totalsTable(const QString& name,
                            const QString& keyName,
                            const std::vector<ResultTotals>& groups,
                            const ResultTotals& all) {
    std::set<int> yearSet;
    std::set<std::pair<int, int>> pairSet;
    for (const ResultTotals& t : groups) {
        for (const auto& s : t.stocks)
            yearSet.insert(s.year);
        for (const auto& c : t.changes)
            pairSet.insert({ c.year1, c.year2 });
    }
    for (const auto& s : all.stocks)
        yearSet.insert(s.year);
    for (const auto& c : all.changes)
        pairSet.insert({ c.year1, c.year2 });
    bool bounds = !all.boundsNote.isEmpty();
    for (std::size_t g = 0; g <= groups.size(); ++g) {
        const ResultTotals& t = g < groups.size() ? groups[g] : all;
        bounds = bounds || !t.boundsNote.isEmpty();
        for (const auto& s : t.stocks)
            bounds = bounds || s.bounds.has_value();
        for (const auto& ch : t.changes)
            bounds = bounds || ch.bounds.has_value();
    }
    analysis::Table table;
    table.name = name;
    table.title =
      QStringLiteral("Totals by %1").arg(QString(keyName).replace(QLatin1Char('_'), QLatin1Char(' ')));
    table.description =
      QStringLiteral("One row per %1 value, then \"all\" (the grand total); values add up to \"all\". "
                     "Totals count each parcel's accounted part; a value no counted parcel has is empty, "
                     "not 0.")
        .arg(keyName);
    const QString none, count = QStringLiteral("count"), ha = QStringLiteral("ha"),
                        tC = QStringLiteral("t C");
    std::vector<analysis::Column>& columns = table.columns;
    columns = {
        column(keyName,
               Type::String,
               none,
               QStringLiteral("The %1 of the row; \"all\" for the grand total.").arg(keyName)),
        column(
          QStringLiteral("parcels"), Type::Integer, count, QStringLiteral("Parcels counted in the row.")),
        column(QStringLiteral("computed"), Type::Integer, count, QStringLiteral("Parcels with a result.")),
        column(QStringLiteral("not_computed"),
               Type::Integer,
               count,
               QStringLiteral("Parcels without a result (listed with the reason in parcels).")),
        column(QStringLiteral("flagged_parcels"),
               Type::Integer,
               count,
               QStringLiteral("Parcels using a parameter row tagged secondary, unconfirmed or example.")),
        column(QStringLiteral("area_ha"),
               Type::Real,
               ha,
               QStringLiteral("Accounted area of the parcels: each piece of ground once (ha).")),
        column(QStringLiteral("area_full_ha"),
               Type::Real,
               ha,
               QStringLiteral("Sum of the whole parcel areas: overlaps of layers counted in each (ha).")),
    };
    for (int y : yearSet) {
        columns.push_back(column(QStringLiteral("c_total_t_%1").arg(y),
                                 Type::Real,
                                 tC,
                                 QStringLiteral("Carbon stock in %1 (t C).").arg(y)));
        columns.push_back(column(QStringLiteral("area_ha_%1").arg(y),
                                 Type::Real,
                                 ha,
                                 QStringLiteral("Area with a stock in %1 (ha).").arg(y)));
        columns.push_back(column(QStringLiteral("parcels_%1").arg(y),
                                 Type::Integer,
                                 count,
                                 QStringLiteral("Parcels with a stock in %1.").arg(y)));
        if (bounds)
            addBoundColumns(
              columns, QStringLiteral("c_total_t_%1").arg(y), QStringLiteral("the %1 stock").arg(y));
    }
    const bool transfers =
      std::any_of(groups.begin(), groups.end(), [](const ResultTotals& t) { return t.transfers; });
    // The coverage change columns when some ground had data at one date only (beyond rounding).
    const bool coverage =
      std::any_of(all.changes.begin(), all.changes.end(), [](const ResultTotals::Change& c) {
          return std::abs(c.coverageT) > 1e-6 * std::max(1.0, std::abs(c.changeT));
      });
    for (const auto& [y1, y2] : pairSet) {
        const QString s = pairName(y1, y2);
        columns.push_back(
          column(QStringLiteral("change_t_") + s,
                 Type::Real,
                 tC,
                 QStringLiteral("Carbon change %1–%2, positive = sink (t C).").arg(y1).arg(y2)));
        columns.push_back(column(QStringLiteral("change_tco2e_") + s,
                                 Type::Real,
                                 QStringLiteral("t CO2e"),
                                 QStringLiteral("Carbon change %1–%2 × 44/12 (t CO2e).").arg(y1).arg(y2)));
        if (transfers) {
            columns.push_back(
              column(QStringLiteral("transfer_in_t_") + s,
                     Type::Real,
                     tC,
                     QStringLiteral("%1 stock of parcels that came from another type by %2 (t C).")
                       .arg(y1)
                       .arg(y2)));
            columns.push_back(
              column(QStringLiteral("transfer_out_t_") + s,
                     Type::Real,
                     tC,
                     QStringLiteral("%1 stock of parcels that left the type by %2 (t C).").arg(y1).arg(y2)));
        }
        if (coverage)
            columns.push_back(column(
              QStringLiteral("coverage_change_t_") + s,
              Type::Real,
              tC,
              QStringLiteral("Part of the stock difference %1–%2 on ground with land-cover data at only "
                             "one of the two dates (cloud, nodata), which is not a change: "
                             "c_total_t_%2 − c_total_t_%1 = change + transfers + this (t C).")
                .arg(y1)
                .arg(y2)));
        if (bounds)
            addBoundColumns(
              columns, QStringLiteral("change_t_") + s, QStringLiteral("the change %1–%2").arg(y1).arg(y2));
    }
    if (bounds)
        columns.push_back(column(
          QStringLiteral("bounds_note"),
          Type::String,
          none,
          QStringLiteral("Why the row has no bounds although uncertainty ran (bounds never add up).")));
    columns.push_back(
      column(QStringLiteral("blank_note"),
             Type::String,
             none,
             QStringLiteral("Why a value of the row is empty or covers only part of its parcels.")));
    const std::vector<int> years(yearSet.begin(), yearSet.end());
    const std::vector<std::pair<int, int>> pairs(pairSet.begin(), pairSet.end());
    // The "all" row's transfers: Σ over the rows (in = out: stock only moves between types).
    std::map<std::pair<int, int>, std::pair<double, double>> allTransfers;
    if (transfers)
        for (const ResultTotals& g : groups)
            for (const ResultTotals::Change& ch : g.changes) {
                auto& a = allTransfers[{ ch.year1, ch.year2 }];
                a.first += ch.transferInT;
                a.second += ch.transferOutT;
            }
    table.rows.resize(groups.size() + 1);
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        std::vector<QVariant>& v = table.rows[row];
        v.resize(columns.size());
        const ResultTotals& t = row < groups.size() ? groups[row] : all;
        std::size_t c = 0;
        v[c++] = row < groups.size() ? t.key : QStringLiteral("all");
        v[c++] = qint64(t.parcels);
        v[c++] = qint64(t.computed);
        v[c++] = qint64(t.notComputed);
        v[c++] = qint64(t.flagged);
        v[c++] = t.areaHa;
        v[c++] = t.fullAreaHa;
        bool exact = false;
        for (int y : yearSet) {
            const auto it =
              std::find_if(t.stocks.begin(), t.stocks.end(), [&](const auto& s) { return s.year == y; });
            const bool has = it != t.stocks.end();
            // No parcel with a stock at this date: empty (blank_note says why), not 0.
            v[c++] = has ? QVariant(it->totalT) : QVariant();
            v[c++] = has ? QVariant(it->areaHa) : QVariant();
            v[c++] = has ? QVariant(qint64(it->parcels)) : QVariant(qint64(0));
            if (bounds)
                c = putBounds(v, c, has ? it->bounds : std::nullopt, has ? it->totalT : 0.0, exact);
        }
        for (const auto& pair : pairSet) {
            // (A pair, not a structured binding: clang 14 cannot capture bindings.)
            const auto it = std::find_if(t.changes.begin(), t.changes.end(), [&](const auto& ch) {
                return ch.year1 == pair.first && ch.year2 == pair.second;
            });
            const bool has = it != t.changes.end();
            v[c++] = has ? QVariant(it->changeT) : QVariant();
            v[c++] = has ? QVariant(it->co2eT()) : QVariant();
            if (transfers && row < groups.size()) {
                v[c++] = has ? QVariant(it->transferInT) : QVariant();
                v[c++] = has ? QVariant(it->transferOutT) : QVariant();
            } else if (transfers) {
                const auto a = allTransfers.find(pair);
                v[c++] = a == allTransfers.end() ? 0.0 : a->second.first;
                v[c++] = a == allTransfers.end() ? 0.0 : a->second.second;
            }
            if (coverage)
                v[c++] = has ? QVariant(it->coverageT) : QVariant();
            if (bounds)
                c = putBounds(v, c, has ? it->bounds : std::nullopt, has ? it->changeT : 0.0, exact);
        }
        if (bounds)
            v[c++] = joinNotes(t.boundsNote, exact ? exactBoundsNote() : QString());
        v[c++] = totalsBlankNote(t, years, pairs);
    }
    return table;
}

void writeTotals(const std::string& path,
                 const QString& keyName,
                 const std::vector<ResultTotals>& groups,
                 const ResultTotals& all) {
    analysis::writeTableFile(
      totalsTable(QFileInfo(QString::fromStdString(path)).completeBaseName(), keyName, groups, all), path);
}

} // namespace tanhui::models::carbon
