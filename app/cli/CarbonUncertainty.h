// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/ExtraColumns.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/VolumeMethod.h"
#include "models/uncertainty/CarbonMonteCarlo.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

#include <optional>

namespace tanhui::cli {

/// @brief What `tanhui-cli carbon --uncertainty` asked for (carbon-methods.md §6.2, §9 step 9).
struct UncertaintyRequest {
    int iterations = models::uncertainty::kDefaultIterations;
    std::uint64_t seed = models::uncertainty::kDefaultSeed;
    std::optional<double> defaultPct; ///< --default-uncertainty
    int threads = 0;
};

/// The options --uncertainty, --iterations N, --seed S, --default-uncertainty PCT.
QList<QCommandLineOption> uncertaintyOptions();
/// @brief Reads the options above. Returns ExitOk with `request` empty when --uncertainty is not set,
/// ExitOk with it filled, or ExitUsage after printing the problem.
int parseUncertaintyOptions(const QCommandLineParser& parser,
                            int threads,
                            std::optional<UncertaintyRequest>& request);
/// @brief Reads --iterations, --seed and --default-uncertainty where given into `r` (other fields kept).
/// Returns ExitOk, or ExitUsage after printing the problem.
int parseUncertaintyValues(const QCommandLineParser& parser, UncertaintyRequest& r);

/// @brief Monte Carlo + Approach 1 outputs of the pool method: rows for totals.csv, columns for
/// parcels.csv/.gpkg, and uncertainty_parameters.csv / uncertainty_run.csv. Keep the object alive
/// while the tables are written (the columns read its results).
class PoolUncertaintyOutputs {
public:
    /// Reads the uncertainty of every pools-table value; returns the issues (errors stop the run).
    models::params::Issues prepare(const models::params::ParameterTable& table,
                                   const models::carbon::PoolLookup& pools,
                                   const UncertaintyRequest& request);
    /// Whole-raster Monte Carlo: rows stock_<y>_{mc_mean,p2_5,p50,p97_5,u95_pct}, change_<y1>_<y2>_…,
    /// mc_iterations, mc_seed.
    std::vector<models::carbon::ExtraTotalRow> totals(const models::carbon::PoolRunResult& run,
                                                      gis::Feedback* feedback);
    /// Per-parcel Monte Carlo: columns c_total_t_<y>_{p2_5,p50,p97_5,u95_pct} and
    /// change_t_<y1>_<y2>_{p2_5,p50,p97_5,u95_pct}.
    models::carbon::ExtraColumns parcels(const models::carbon::PoolRunResult& run,
                                         const std::vector<models::carbon::ParcelCarbon>& carbon,
                                         gis::Feedback* feedback);
    /// Writes uncertainty_parameters.csv and uncertainty_run.csv into `outDir`; prints a warning
    /// listing values treated as exact.
    void writeRunFiles(const QString& outDir, bool quiet) const;

private:
    UncertaintyRequest m_request;
    models::uncertainty::PoolUncertaintyModel m_model;
    models::uncertainty::PoolMonteCarloResult m_parcels;
};

/// @brief The same for the volume method: columns carbon_t_{p2_5,p50,p97_5,u95_pct}; totals rows
/// carbon_total_… and co2e_total_… (× 44/12).
class VolumeUncertaintyOutputs {
public:
    models::params::Issues prepare(const models::params::ParameterTable& table,
                                   const models::carbon::SpeciesLookup& species,
                                   models::carbon::BefForm form,
                                   const UncertaintyRequest& request);
    void run(const std::vector<models::carbon::VolumeRecord>& records,
             const std::vector<models::carbon::VolumeParcel>& results,
             gis::Feedback* feedback);
    std::vector<models::carbon::ExtraTotalRow> totals() const;
    models::carbon::ExtraColumns parcels() const;
    void writeRunFiles(const QString& outDir, bool quiet) const;

private:
    UncertaintyRequest m_request;
    models::carbon::BefForm m_form = models::carbon::BefForm::Constant;
    models::uncertainty::VolumeUncertaintyModel m_model;
    models::uncertainty::VolumeMonteCarloResult m_result;
};

} // namespace tanhui::cli
