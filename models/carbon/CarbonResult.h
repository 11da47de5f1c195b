// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "models/analysis/ResultSet.h"
#include "models/params/Parameter.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::models::carbon {

/// @brief Confidence bounds of one quantity (same unit as the quantity): the 2.5th, 50th and 97.5th
/// percentiles of a Monte Carlo run (carbon-methods.md §11, §6.2 Approach 2) and, for comparison, IPCC
/// Approach 1's U (§6.2: 95 % half-width in % of the central value; NaN when undefined, e.g. a zero
/// change). Filled by the uncertainty step; methods leave them empty.
struct Bounds {
    double p2_5 = 0, p50 = 0, p97_5 = 0;
    double u95Pct = std::numeric_limits<double>::quiet_NaN(); ///< Approach 1 U (%)
};

/// @brief Bounds that may be absent, held on the heap: 8 bytes in each stock and change where none is
/// set (every result of a run without uncertainty) instead of std::optional's 40; at 1,000,000 parcels
/// about 100 MB less (docs/benchmark.md, "Memory and scaling"). std::optional's interface as used here.
class OptionalBounds {
public:
    OptionalBounds() = default;
    OptionalBounds(std::nullopt_t) noexcept {}
    OptionalBounds(const Bounds& b)
      : p_(std::make_unique<Bounds>(b)) {}
    OptionalBounds(const std::optional<Bounds>& b)
      : p_(b ? std::make_unique<Bounds>(*b) : nullptr) {}
    OptionalBounds(const OptionalBounds& o)
      : p_(o.p_ ? std::make_unique<Bounds>(*o.p_) : nullptr) {}
    OptionalBounds(OptionalBounds&&) noexcept = default;
    OptionalBounds& operator=(const OptionalBounds& o) {
        if (this != &o)
            p_ = o.p_ ? std::make_unique<Bounds>(*o.p_) : nullptr;
        return *this;
    }
    OptionalBounds& operator=(OptionalBounds&&) noexcept = default;
    OptionalBounds& operator=(std::nullopt_t) noexcept {
        p_.reset();
        return *this;
    }
    OptionalBounds& operator=(const std::optional<Bounds>& b) { return *this = OptionalBounds(b); }
    OptionalBounds& operator=(const Bounds& b) { return *this = OptionalBounds(b); }
    bool has_value() const noexcept { return p_ != nullptr; }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    const Bounds& operator*() const { return *p_; }
    Bounds& operator*() { return *p_; }
    const Bounds* operator->() const { return p_.get(); }
    Bounds* operator->() { return p_.get(); }
    void reset() noexcept { p_.reset(); }
    operator std::optional<Bounds>() const { return p_ ? std::optional<Bounds>(*p_) : std::nullopt; }

private:
    std::unique_ptr<Bounds> p_;
};

/// @brief A short name repeated in millions of results (a pool name such as "c_soil", a parameter table's
/// file and row key), interned: one
/// shared QString per distinct name for the process, 8 bytes per use instead of a QString's 24
/// (docs/benchmark.md, "Memory and scaling"). Reads as a const QString&; thread-safe to create.
class InternedName {
public:
    InternedName();
    InternedName(const QString& name);
    InternedName(QLatin1StringView name)
      : InternedName(QString(name)) {}
    operator const QString&() const noexcept { return *p_; }
    const QString& toString() const noexcept { return *p_; }
    bool isEmpty() const noexcept { return p_->isEmpty(); }
    friend bool operator==(const InternedName& a, const InternedName& b) noexcept { return a.p_ == b.p_; }
    friend bool operator==(const InternedName& a, const QString& b) noexcept { return *a.p_ == b; }
    friend bool operator==(const InternedName& a, QLatin1StringView b) noexcept { return *a.p_ == b; }
    friend bool operator<(const InternedName& a, const InternedName& b) noexcept { return *a.p_ < *b.p_; }
    friend QString operator+(const InternedName& a, const QString& b) { return *a.p_ + b; }

private:
    const QString* p_;
};

/// @brief Approach 1 U is written as a percentage (`*_u95_pct`) only where the estimate is clearly
/// non-zero: U ≤ this (%), i.e. |estimate| ≥ its 95 % half-width (the interval excludes 0; §6.2:
/// Approach 1 is valid below about 50–100 %). Always written: the absolute half-width `*_u95_t` =
/// U × |estimate| (t C). docs/uncertainty.md, "Approach 1".
constexpr double kApproach1PercentMaxPct = 100.0;

/// The note of a bound whose Monte Carlo interval has zero width (written blank with this note).
QString exactBoundsNote();

/// @brief Carbon of one pool (t C). Pool names are the method's, lower-case with a `c_` prefix:
/// c_above, c_below, c_dead, c_litter, c_soil (pool-table and IPCC pools, §1.1, §3.1), c_biomass
/// (tree biomass incl. roots of the volume method, §5). The writers order known pools as listed
/// here and put others after them alphabetically.
struct PoolStock {
    InternedName pool;
    double t = 0; ///< t C
};

/// @brief The stock of one parcel at one date.
struct CarbonStock {
    int year = 0;
    std::vector<PoolStock> pools; ///< t C per pool; their sum is totalT
    double totalT = 0;            ///< t C
    /// Area the stock was computed over (ha): the parcel area, or the valid (non-nodata) part of it
    /// for raster methods. Densities (t C/ha) are totalT / areaHa.
    double areaHa = 0;
    OptionalBounds bounds; ///< of totalT (t C)
    double densityTPerHa() const;
};

/// @brief How a change was obtained: the difference of two stocks (stock-difference method, IPCC
/// 2006 Vol. 4 eq. 2.5, carbon-methods.md §3.2) or a flux (gains − losses, §3.3; e.g. a per-cell change
/// summed over cells valid on both dates).
enum class ChangeBasis { StockDifference, Flux };
/// "stock_difference" / "flux", as written in outputs.
const char* changeBasisName(ChangeBasis basis);

/// @brief The change of one parcel between two dates (year1 < year2); positive = sink (carbon gained).
struct CarbonChange {
    int year1 = 0, year2 = 0;
    double changeT = 0; ///< t C
    ChangeBasis basis = ChangeBasis::StockDifference;
    OptionalBounds bounds;   ///< of changeT (t C)
    double co2eT() const;    ///< changeT × 44/12 (t CO2e, carbon-methods.md §0)
    double perYearT() const; ///< changeT / (year2 − year1) (t C/yr)
};

/// @brief A parameter row that entered a result: "file:row key (tag)".
struct ParameterRowRef {
    InternedName file; ///< table file as loaded (":/parameters/..." for built-in tables)
    int row = 0;       ///< 1-based line in the file
    InternedName key;  ///< e.g. the lucode or species group
    params::Tag tag = params::Tag::User;
    QString toString() const;
    bool flagged() const { return params::isFlagged(tag); }
    friend bool operator<(const ParameterRowRef& a, const ParameterRowRef& b);
    friend bool operator==(const ParameterRowRef& a, const ParameterRowRef& b);
};

/// @brief A date at which a parcel's land cover says its land use changed (carbon.land_use_change,
/// docs/carbon-project.md "Ecosystem per date"): its ecosystem type at that date and the share of its
/// valid land-cover area in the rule's classes.
struct DatedType {
    int year = 0;
    QString type;     ///< the ecosystem type at that date, e.g. "settlement"
    double share = 0; ///< 0–1
};

/// @brief The method-independent result of one parcel, whatever method computed it. A parcel that
/// could not be computed keeps its identity, type and method with `notComputed` saying why (stocks and
/// changes empty), so it is listed, never silently zero.
struct ParcelResult {
    InternedName layer;         ///< project layer id
    std::int64_t fid = -1;      ///< feature id in the layer
    QString id;                 ///< id field value (the FID when the layer has none)
    InternedName ecosystemType; ///< canonical type, e.g. "forest", "cropland", "mangrove"
    InternedName method;        ///< registered method name, e.g. "pools", "volume"
    /// The parcel's primary result: the first method of its type (docs/carbon-project.md, "Several
    /// methods per type"). Totals by ecosystem type and group and the grand total count primary
    /// results only, so that a parcel computed by several methods is counted once.
    bool primary = true;
    QString methodDetail; ///< options that shaped the result, e.g. "bef_form=constant"
    InternedName group;   ///< grouping value (e.g. district name); empty when none
    double areaHa = 0;    ///< ellipsoidal area (ha)
    /// The part of the parcel the totals count (ha, ellipsoidal): the parcel minus the parcels of
    /// layers of higher precedence (carbon.precedence, docs/carbon-project.md "Overlapping layers");
    /// negative: not set, the whole parcel. Totals count this part's values: accountedPart's when set,
    /// else the stocks and changes × accountedShare() (the counted*() accessors).
    double accountedAreaHa = -1;
    /// The values of the accounted part computed from its own exact coverage (a raster method's partly
    /// counted parcel, 0 < accountedShare() < 1; docs/carbon-project.md "Overlapping layers"), aligned
    /// with `stocks` and `changes` (same length, dates, pairs and pools; setAccountedPart()). Null: the
    /// share rule (the parcel's density is uniform, or nothing is removed).
    struct AccountedPart {
        std::vector<CarbonStock> stocks;
        std::vector<CarbonChange> changes;
    };
    std::shared_ptr<const AccountedPart> accountedPart;
    std::vector<CarbonStock> stocks;         ///< ascending years
    std::vector<CarbonChange> changes;       ///< as the method defines them
    std::vector<ParameterRowRef> parameters; ///< rows used, sorted, unique
    double nodataShare = 0; ///< largest share (0–1) of the parcel without data over the dates
    bool geometryRepaired = false;
    QString notComputed; ///< empty when computed; else why not (English or translated sentence)
    /// Why a computed result has no stock at some carbon dates or no change for some pairs (e.g. "the
    /// volume method gives a stock at the inventory year only"); the writers name the dates and pairs.
    QString blankNote;
    /// Parcel geometry (ISO WKB, the run's CRS) for the GeoPackage; empty in the project run's results,
    /// whose geometries are read again when written (CarbonProjectRun::geometryOf).
    std::vector<unsigned char> wkb;
    /// Dates at which the land cover changed the parcel's type (ascending; empty: ecosystemType at
    /// every date).
    std::vector<DatedType> landUseChange;

    bool computed() const { return notComputed.isEmpty(); }
    /// The ecosystem type at a date: the land-use change of that date, else ecosystemType. Stocks of a
    /// date and changes ending at it count under this type in the totals by type.
    const QString& typeAt(int year) const;
    /// The accounted area (ha): accountedAreaHa, or areaHa when not set.
    double accountedArea() const { return accountedAreaHa >= 0 ? accountedAreaHa : areaHa; }
    /// accountedArea() / areaHa (0–1); 1 for a parcel nothing above overlaps or without area.
    double accountedShare() const;
    /// What the totals count of stocks[i] (t C; its stock area, ha; its pool j, t C) and changes[i]
    /// (t C): the accounted part's value, else the whole parcel's × accountedShare().
    double countedStockT(std::size_t i) const;
    double countedStockAreaHa(std::size_t i) const;
    double countedPoolT(std::size_t i, std::size_t j) const;
    double countedChangeT(std::size_t i) const;
    // Pointers into the result: deleted on a temporary result, so they cannot dangle.
    const CarbonStock* stock(int year) const&;
    const CarbonStock* stock(int year) const&& = delete;
    const CarbonChange* change(int year1, int year2) const&;
    const CarbonChange* change(int year1, int year2) const&& = delete;
    /// The rows used whose tag is flagged (secondary, unconfirmed, example).
    std::vector<ParameterRowRef> flaggedParameters() const;
};

/// @brief Sets r.accountedPart from `part`, the same method's result for r's accounted part (its own
/// geometry and coverage): per stock and change of r the value of the same date or pair in `part`
/// (pools by name, a pool `part` lacks 0); where `part` has none (e.g. a blank stock), the share rule
/// (r's value × accountedShare()). Returns how many stocks and changes took the share rule.
std::size_t setAccountedPart(ParcelResult& r, const ParcelResult& part);

/// @brief Totals of a set of parcels (accumulated in double).
struct ResultTotals {
    QString key; ///< the group value ("" for the grand total)
    std::size_t parcels = 0, computed = 0, notComputed = 0, flagged = 0;
    double areaHa = 0;     ///< accounted area of all parcels (ha): each piece of ground once
    double fullAreaHa = 0; ///< Σ full parcel areas (ha): overlaps of layers counted in each
    struct Stock {
        int year = 0;
        double totalT = 0, areaHa = 0;
        std::size_t parcels = 0;      ///< parcels with a stock at this date
        std::optional<Bounds> bounds; ///< of totalT, from per-iteration sums (never sums of bounds)
    };
    struct Change {
        int year1 = 0, year2 = 0;
        double changeT = 0;
        std::size_t parcels = 0;
        std::optional<Bounds> bounds; ///< of changeT, from per-iteration sums
        /// By ecosystem type when types follow the land cover (docs/carbon-project.md "Ecosystem per
        /// date"): the year1 stocks (t C, accounted) of parcels that came from another type by year2
        /// (in) and that left this type by year2 (out). A changed parcel's change counts under its year2
        /// type, so stock(year2) − stock(year1) = changeT + transferInT − transferOutT.
        double transferInT = 0, transferOutT = 0;
        /// Coverage change (t C): the part of stock(year2) − stock(year1) on ground with data at only one
        /// of the two dates (cloud, nodata), which is not a change: for parcels whose stock area differs
        /// between the dates, their stock difference minus their change (a stock difference over the
        /// ground valid at both, §1.4), and the stocks of parcels with a stock at one date only (of a method
        /// that gives changes for the pair: a method with stocks alone has none to complete). So
        /// stock(year2) − stock(year1) = changeT + transferInT − transferOutT + coverageT.
        double coverageT = 0;
        double co2eT() const;
    };
    std::vector<Stock> stocks;   ///< ascending years
    std::vector<Change> changes; ///< sorted by (year1, year2)
    QStringList methods;         ///< methods of the computed parcels counted (ascending)
    bool transfers = false;      ///< by type with types per date: the transfer columns are written
    /// Why some totals of this row have no bounds although the run computed them (e.g. parcels of a
    /// method without Monte Carlo); empty otherwise.
    QString boundsNote;
};

/// @brief Grand total over the primary results (every result when `primaryOnly` is false). Totals
/// count each parcel's accounted part: its stocks, stock areas and changes as ParcelResult::counted*()
/// give them (the part's own values, else × accountedShare()) and its accounted area
/// (docs/carbon-project.md, "Overlapping layers").
ResultTotals totalOf(const std::vector<ParcelResult>& results, bool primaryOnly = true);
/// @brief Stock totals on a like-for-like basis: over the computed primary results that have a stock
/// at every date any primary result has. totalOf()'s per-date totals add whichever parcels have a
/// stock at that date (a method may give one date only, e.g. the volume method's inventory year), so
/// they do not compare across dates when their parcel counts differ; these do.
struct CommonStockTotals {
    std::vector<int> years;                  ///< every date of the primary results, ascending
    std::size_t parcels = 0;                 ///< parcels with a stock at every one of them
    double areaHa = 0;                       ///< their area (ha)
    std::vector<double> totalT;              ///< per year (t C), over those parcels
    std::vector<std::size_t> parcelsPerDate; ///< per year: computed primary results with a stock then
    /// The per-date totals do not cover the same parcels (some parcel lacks a stock at some date), so
    /// only this series compares across dates.
    bool perDateTotalsDiffer() const;
};
CommonStockTotals commonStockTotals(const std::vector<ParcelResult>& results);

/// @brief The stock per carbon pool and date (issue 14, "stock by pool per date"): Σ over the computed
/// primary results of each pool's accounted stock (countedPoolT(), the rule of totalOf(),
/// docs/carbon-project.md "Overlapping layers"). A stock whose method gives no split by pool (no PoolStock)
/// counts as unattributed, so that the pools and the unattributed part add up to the date's total stock.
struct PoolTotals {
    std::vector<int> years;                 ///< ascending, every date with a stock
    QStringList pools;                      ///< layoutOf()'s order (c_above, c_below, … then others)
    std::vector<std::vector<double>> poolT; ///< [date][pool] t C
    std::vector<double> unattributedT;      ///< per date: stocks without a split by pool (t C)
    std::vector<double> totalT;             ///< per date: Σ pools + unattributed (t C)
    std::vector<double> areaHa;             ///< per date: accounted area of the parcels with a stock (ha)
    std::vector<std::size_t> parcels;       ///< per date: computed primary results with a stock
    bool hasUnattributed() const;
};
PoolTotals poolTotalsOf(const std::vector<ParcelResult>& results);

/// @brief The table "totals_by_pool": one row per date: year, `<pool>_t` per pool (t C), `unattributed_t`
/// (t C, only when some stock has no split by pool), `c_total_t` (t C, their sum; equals the date's
/// stock in the other totals: the ledger check "pool_sum"), area_ha and parcels. Units and
/// descriptions declared here, once.
analysis::Table poolTotalsTable(const PoolTotals& totals);

/// What totalsBy() groups on. By ecosystem type, a parcel's stock of a date counts under its type at
/// that date and a change under its type at the change's end (ParcelResult::typeAt); its parcel count
/// and area_ha under its mapped type (ecosystemType).
enum class TotalsKey { EcosystemType, Group, Method };
/// @brief Totals per distinct key value (ascending; parcels without a group have the key ""). By
/// ecosystem type and by group: primary results only; by method: every result of the method.
std::vector<ResultTotals> totalsBy(const std::vector<ParcelResult>& results, TotalsKey key);

/// @brief The dates, pools and change pairs present in a set of results (the writers' columns).
struct ResultLayout {
    std::vector<int> years;
    QStringList pools; ///< known pools in canonical order, then others alphabetically
    std::vector<std::pair<int, int>> pairs;
    bool stockBounds = false, changeBounds = false;
};
ResultLayout layoutOf(const std::vector<ParcelResult>& results);

/// @brief Per-parcel table, `.csv` or `.gpkg` (with the parcel geometry in `crs`): layer, source_fid (the
/// feature id in its layer), id, ecosystem_type, method, primary (1/0), method_detail, <groupName> (when
/// given), area_ha (the whole parcel), accounted_area_ha and accounted_share (the part the totals
/// count, ParcelResult::accountedAreaHa); per date `ecosystem_type_<y>` (ParcelResult::typeAt; only
/// when some result has a land-use change), then `<pool>_t_<y>` (t C), `c_total_t_<y>` (t C),
/// `c_total_t_per_ha_<y>` (t C/ha), `stock_area_ha_<y>` (ha) and, when any bounds exist,
/// `c_total_t_<y>_p2_5|p50|p97_5|u95_pct`; per pair `change_t_<y1>_<y2>` (t C), `change_tco2e_<y1>_<y2>` (t
/// CO2e), `change_t_per_yr_<y1>_<y2>` (t C/yr), `change_basis_<y1>_<y2>` and bounds
/// `change_t_<y1>_<y2>_p2_5|p50|p97_5|u95_pct` (u95_pct: Approach 1 U in
/// %); flags: `flagged_parameters` ("file:row key (tag)" joined by "; "), `nodata_share` (0–1),
/// `geometry_repaired` (0/1), `parameters_used`, `not_computed` (reason; empty when computed),
/// `blank_note` (the dates and pairs of the run a computed parcel has no value for, and why:
/// blankValuesNote()). Values a parcel does not have are empty, never 0. Atomic.
/// The table is parcelResultsTable(); this writes it (CSV, or GeoPackage with geometry).
void writeParcelResults(const std::string& path,
                        const std::vector<ParcelResult>& results,
                        const QString& groupName,
                        const gis::Crs& crs = gis::Crs());

/// @brief A result's geometry (ISO WKB in the run's CRS; empty: none) when ParcelResult::wkb is empty:
/// the carbon project run reads it again from the layer's file (CarbonProjectRun::geometryOf).
using ParcelGeometryOf = std::function<std::vector<unsigned char>(const ParcelResult&)>;

/// @brief The per-parcel table "parcels" described above, as a lazy result-set table (Table::source
/// reads `results`, which it shares, so the table stays valid as long as it lives), with the parcel
/// geometry (WKB in `crs`). Every column carries its unit and description here, once.
analysis::Table parcelResultsTable(std::shared_ptr<const std::vector<ParcelResult>> results,
                                   const QString& groupName,
                                   const gis::Crs& crs,
                                   ParcelGeometryOf geometryOf = {});

/// @brief Totals table (CSV): `<keyName>` (the type or group; "all" for the last row, the grand
/// total), parcels, computed, not_computed, flagged_parcels, area_ha (accounted: each piece of ground
/// once), area_full_ha (Σ whole parcels); per date `c_total_t_<y>` (t C),
/// `area_ha_<y>` and `parcels_<y>` (those with a stock at that date); per pair `change_t_<y1>_<y2>`,
/// `change_tco2e_<y1>_<y2>`; when any row has bounds: `c_total_t_<y>_p2_5|p50|p97_5|u95_pct`,
/// `change_t_<y1>_<y2>_p2_5|p50|p97_5|u95_pct` (empty where a row has none) and `bounds_note`; last
/// `blank_note`. A date or pair for which no counted parcel has a value is empty (never 0: a 0 is a
/// computed zero) and `blank_note` says why (totalsBlankNote()). Atomic.
/// @brief The dates of `years` and pairs of `pairs` a computed result has no value for, and why
/// (its blankNote, else that its method gives none there); empty when it has them all or is not computed.
QString blankValuesNote(const ParcelResult& result,
                        const std::vector<int>& years,
                        const std::vector<std::pair<int, int>>& pairs);
/// @brief The dates and pairs of `years` and `pairs` a totals row has no value for (no counted parcel
/// has one; naming the row's methods) or covers only some of its computed parcels; empty otherwise.
QString totalsBlankNote(const ResultTotals& totals,
                        const std::vector<int>& years,
                        const std::vector<std::pair<int, int>>& pairs);

/// The totals table described above, named `name` (the file stem, e.g. "totals_by_method"), with
/// every column's unit and description; rows held in memory. writeTotals() writes it.
analysis::Table totalsTable(const QString& name,
                            const QString& keyName,
                            const std::vector<ResultTotals>& groups,
                            const ResultTotals& all);

void writeTotals(const std::string& path,
                 const QString& keyName,
                 const std::vector<ResultTotals>& groups,
                 const ResultTotals& all);

} // namespace tanhui::models::carbon
