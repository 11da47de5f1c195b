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
};

/// @brief The distribution of one table value with its provenance.
struct UncertainValue {
    std::string id; ///< "<table id>/<key>/<column>": the RNG stream (parameterKey(id))
    Distribution dist;
    QString provenance; ///< "table <file>, row <n>" (+ u_source), the run-wide default, or "none"
    enum class Origin { Table, RunDefault, None } origin = Origin::None;
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
