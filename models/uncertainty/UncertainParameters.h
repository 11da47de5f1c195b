// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/params/ParameterTable.h"
#include "models/uncertainty/Distribution.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::models::uncertainty {

/// @brief How rows of a parameter table carry uncertainty (docs/uncertainty.md). All columns are
/// optional text columns; for a value column X (e.g. `c_above`, `wd`):
///
/// | column      | meaning                                                                     |
/// |---|---|
/// | `X_dist`    | normal, truncnormal, lognormal, triangular, uniform or fixed                 |
/// | `X_u_pct`   | U: 95 % half-width in % of the value (§6.2); SD = U/100 × value / 1.96       |
/// | `X_sd`      | standard deviation, in X's unit (takes precedence over `X_u_pct`)            |
/// | `X_min`, `X_max` | bounds of a triangular (mode = the value) or uniform distribution     |
///
/// Row-wide fallbacks for every value column without its own: `dist` and `u_pct`; `u_source` states
/// where the row's uncertainty comes from. Without `*_dist`, a U or SD gives the rule of
/// fromPercent() (normal; truncated at 0 or, above U = 50 %, lognormal for non-negative columns).
/// An uncertainty column that the table declares as a numeric value column (growth_rates' `g_w_sd`)
/// is not added again and is read as that value.
/// A value column with nothing declared takes the run-wide default (UncertaintyDefaults), else it
/// is treated as exact (Fixed) and listed as such.
void addUncertaintyColumns(params::TableSpec& spec);

/// @brief Run-wide default uncertainty for values whose table gives none (e.g. the CLI's
/// --default-uncertainty PCT).
/// @brief Declaration of the run-wide default uncertainty U (docs/uncertainty.md: the 95 % half-width in
/// percent of the value, given to table values without their own; 0–1000 %, a percent: 0.1 is warned
/// as a fraction): the CLI's --default-uncertainty and the project's carbon.uncertainty.default_u_pct.
const params::ParameterSpec& defaultUncertaintyParameter();

struct UncertaintyDefaults {
    std::optional<double> uPct; ///< U in %, applied through fromPercent()
    QString provenance;         ///< stated with every value that takes it
    /// With a default: values of a kind the references give an uncertainty for (kindDefault()) take
    /// that kind's U instead of uPct; uPct only reaches the kinds without one. Set by the CLI's
    /// --default-uncertainty and the project's default_u_pct (docs/uncertainty.md, "Defaults by kind").
    bool byKind = false;
};

/// @brief What Tanhui knows of a table value's kind (docs/uncertainty.md, "Defaults by kind").
struct ParameterKind {
    QString name;               ///< e.g. "carbon fraction", "" when unknown
    std::optional<double> uPct; ///< the kind's default U (%), when the references give one
    ValueRange range;           ///< valid range of the drawn value
    bool constant = false;      ///< a definitional constant (a reference level equal to 1): exact
    QString source;             ///< where the default and the range come from
};
/// @brief The kind of `column` of table `tableId` in the row keyed `rowKey` with table value `value`:
/// carbon fraction (§3.6 Table 4.3), root:shoot ratio (§3.5 Table 4.4), wood density and BEF (§5.2),
/// Tier 1 pool densities and SOC_REF (§3.5, §3.8, §6.2 item 1), soil stock-change factors (§3.7,
/// reference levels = 1 exact), growth rates (§3.5 Table 4.9), blue-carbon stocks and disturbance
/// shares (§2.5, §4).
ParameterKind kindOf(std::string_view tableId, const QString& column, const QString& rowKey, double value);

/// @brief The stream of a value's draws: values that belong together share one (docs/uncertainty.md,
/// "Joint draws"): the levels of the tillage (MG) or input (I) factor in one climate zone
/// ("soil_factors/<zone>|<factor>/joint") draw with one uniform number, so with the reference level
/// fixed at 1 and each level bounded on its side of 1, low ≤ medium ≤ high in every draw. Land-use
/// factors (LU) stay independent. Empty: the value's own id.
std::string jointStreamOf(std::string_view tableId, const QString& rowKey, const QString& column);

/// @brief The distribution of one table value with its provenance.
struct UncertainValue {
    std::string id;     ///< "<table id>/<key>/<column>": the RNG stream (parameterKey(id)) unless `stream`
    std::string stream; ///< a shared stream (jointStreamOf()), else empty
    Distribution dist;
    QString provenance; ///< "table <file>, row <n>" (+ u_source), the run-wide default, or "none"
    enum class Origin { Table, RunDefault, None, Constant } origin = Origin::None;
};

/// @brief The draws of `values` for a run: row p holds the p-th value's `iterations` draws, from the
/// value's own stream (parameterKey(id)) of `seed`, so a parameter draws the same numbers whatever
/// else is drawn.
DrawMatrix drawsOf(const std::vector<const UncertainValue*>& values, std::uint64_t seed, int iterations);

/// drawsOf() of values stored row by row (each row a range of UncertainValue), in row order.
template<typename Rows>
DrawMatrix drawsOfRows(const Rows& rows, std::uint64_t seed, int iterations) {
    std::vector<const UncertainValue*> values;
    for (const auto& row : rows)
        for (const UncertainValue& v : row)
            values.push_back(&v);
    return drawsOf(values, seed, iterations);
}

/// @brief Reads the uncertainty of `column` (a value column of `table`'s spec) in `row`, following the
/// rules of addUncertaintyColumns(). Problems (unknown distribution, non-numeric or negative U/SD,
/// missing bounds, mode outside the bounds, lognormal of a non-positive value) are appended to `issues`
/// naming the file, row and column; the value is then treated as Fixed.
UncertainValue readUncertainty(const params::ParameterTable& table,
                               const params::TableRow& row,
                               const QString& column,
                               const UncertaintyDefaults& defaults,
                               params::Issues& issues);

/// "normal(mean 10, sd 1)" and the like, for parameter listings.
QString describe(const Distribution& d);

} // namespace tanhui::models::uncertainty
