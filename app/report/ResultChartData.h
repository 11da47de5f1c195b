// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/report/ReportCharts.h"
#include "models/analysis/ResultSet.h"

#include <QColor>
#include <QString>

#include <functional>
#include <vector>

// The charts' data, read from the result sets in memory (issue 13 "Charts", issue 14): one place turns a
// carbon or GEP table into a ChartSpec's categories, series and error bars, for both the report
// (ReportBuilder) and the app's charts dock (app/gui/ResultCharts). Labels are translated in the context
// "ReportText" (the caller installs the language).
namespace tanhui::report {

// ---- names and colours ---------------------------------------------------------------------------------
/// An ecosystem type's name ("all": "All"), as the map legend names it (render::LayerStyler).
QString typeName(const QString& type);
/// A carbon method by its name in the interface's language ("pools" → "Carbon pools (InVEST Carbon)"),
/// "all" → "All"; an unknown method as it is.
QString methodName(const QString& method);
/// An ecosystem type's colour; a type the styler does not know gets one from `index`.
QColor typeColour(const QString& type, int index);
/// A carbon pool's name (carbon-methods.md §1.1, §3.1, §5), from the column stem of totals_by_pool.
QString poolName(const QString& pool);
QColor poolColour(const QString& pool, int index);
/// A GEP service, category ("material", "regulating", "cultural"), "gep" or "carbon_emission".
QString serviceName(const QString& key);
/// A GEP ecosystem (the English land-cover names of gep/ecosystem_params.csv), translated in the context
/// "GepEcosystem"; capitalised in English (`chinese` false); an unknown key as it is.
QString shippedGepEcosystemName(const QString& key, bool chinese);

// ---- reading the tables ----------------------------------------------------------------------------------
/// The carbon summary's value of `quantity` (e.g. "c_total_t_2020_p2_5"); NaN when absent.
double carbonSummaryValue(const models::analysis::ResultSet& carbon, const QString& quantity);
/// The dates of the carbon run (summary rows c_total_t_<year>), ascending.
std::vector<int> carbonYears(const models::analysis::ResultSet& carbon);

/// @brief A money unit for GEP values: values are divided by `divisor` and shown in `unit`.
struct MoneyScale {
    double divisor = 1;
    QString unit; ///< e.g. "CNY", "100 million CNY" (亿元)
};
/// The unit for values up to `absMax` CNY: in Chinese 亿元 from 1e8 CNY and 万元 from 1e4 CNY, in
/// English million CNY from 1e6 and thousand CNY from 1e4; CNY below.
MoneyScale moneyScaleFor(double absMax, bool chinese);

/// Options of the GEP charts.
struct GepChartOptions {
    bool chinese = false;
    /// The money unit; divisor 0: chosen from the largest value (moneyScaleFor).
    MoneyScale scale{ 0, QString() };
    /// A GEP ecosystem's display name; empty: shippedGepEcosystemName.
    std::function<QString(const QString&)> ecosystemName;
};

// Each function returns a chart ready to draw, or one with no categories and `message` saying what is
// missing (no table, no rows) for the caller to show instead of the chart. `note` says when a chart has
// no error bars because the run computed no bounds.

/// Stock by pool per date (totals_by_pool): categories the dates, one stacked series per pool column
/// (t C), error bars the total's 95 % range (summary c_total_t_<year>_p2_5 / _p97_5) where computed.
ChartSpec stockByPoolChart(const models::analysis::ResultSet& carbon);
/// Stock per date stacked by ecosystem type (totals_by_ecosystem_type, the "all" row left out), error
/// bars as stockByPoolChart.
ChartSpec stockByTypeChart(const models::analysis::ResultSet& carbon);
/// The change first → last date by ecosystem type (totals_by_ecosystem_type, horizontal bars) with its
/// 95 % range (change_t_<y1>_<y2>_p2_5 / _p97_5). `co2e`: in t CO2e (× 44/12, carbon-methods.md §1.3),
/// else t C.
ChartSpec changeByTypeChart(const models::analysis::ResultSet& carbon, bool co2e);
/// GEP by service (totals, group "service"). `stacked`: one bar per category (material, regulating,
/// cultural) stacked by its services, so each bar is the category's total; else one horizontal bar per
/// service, ascending.
ChartSpec gepByServiceChart(const models::analysis::ResultSet& gep,
                            bool stacked,
                            const GepChartOptions& options);
/// GEP by ecosystem (totals, group "ecosystem"), one horizontal bar each, ascending.
ChartSpec gepByEcosystemChart(const models::analysis::ResultSet& gep, const GepChartOptions& options);
/// A restoration plan's carbon difference at its horizon by pool and in total (plan_totals, t C), the
/// total's 95 % range (per-iteration sums) as its error bar.
ChartSpec planCarbonChart(const models::analysis::ResultSet& plan);
/// A restoration plan's GEP difference by service (plan_gep_services; the services it changes, one
/// horizontal bar each, ascending), each service's 95 % range where it depends on the accrual.
ChartSpec planGepChart(const models::analysis::ResultSet& plan, const GepChartOptions& options);

/// The row of the parcels table for feature `fid` of layer `layer` (its primary method's row, else the
/// first), or −1. Reads each row once.
long long findParcelRow(const models::analysis::Table& parcels, const QString& layer, qint64 fid);
/// A parcel's carbon trajectory: its stock per date (parcels c_total_t_<year>, t C) with the 95 % range
/// (c_total_t_<year>_p2_5 / _p97_5) where computed.
ChartSpec parcelTrajectoryChart(const models::analysis::ResultSet& carbon, const QString& layer, qint64 fid);

} // namespace tanhui::report
