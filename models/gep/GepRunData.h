// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to models/gep: the evaluated parcels of a GEP run and the steps shared by GepProject.cpp,
// GepCarbonJoin.cpp, GepSoilRetention.cpp and GepResults.cpp.
#pragma once

#include "gis/Crs.h"
#include "models/gep/GepProject.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tanhui::models::gep {

/// tr() context of the GEP run's strings (kept from the CLI command they came from, so their
/// translations carry over).
struct GepCommand {
    Q_DECLARE_TR_FUNCTIONS(GepCommand)
};

/// One evaluated parcel.
struct ParcelRow {
    QString layer;
    QString id;
    qint64 sourceFid = -1; ///< the feature's FID in the layer's file (the map's and the carbon run's key)
    QString ecosystemKey;
    QString ecosystemName;
    QString ecosystemSource; ///< "type_field", "land_use_change" or "landcover_majority"
    QString ecosystemType;   ///< the mapped type of the layer's ecosystem_type field (empty without one)
    QString carbonSource;    ///< "carbon_results", "carbon_table" or "pool_method"
    QString carbonYears;     ///< the span of the carbon change, e.g. "2015-2024"
    QString carbonNote;      ///< why the carbon engine gave no change (empty otherwise)
    QString district;
    double areaHa = 0;
    /// The part of the parcel GEP totals count (0–1): the parcel minus the parcels of layers of higher
    /// precedence (carbon.precedence; the carbon run's ledger, docs/carbon-project.md).
    double accountedShare = 1.0;
    std::optional<double> carbonFluxTC; ///< the carbon flux (t C/a) the parcel's GEP used
    /// The accounted part's own carbon flux (t C/a; CarbonEntry::accountedTcPerYr), and the carbon
    /// indicators (carbon_sequestration, oxygen_release) valued from it at the prices and at the base-year
    /// prices: what the totals count instead of those of `results` × accountedShare. Unset / empty where
    /// the carbon run gave no part of its own (then the share rule holds).
    std::optional<double> accountedCarbonFluxTC;
    std::vector<IndicatorResult> accountedCarbon, baseAccountedCarbon;
    QStringList flags;
    std::vector<IndicatorResult> results;
    std::vector<IndicatorResult> baseResults; ///< at the base-year prices (only with a price year)
    std::vector<unsigned char> wkb;
    double etMm = std::nan("");                   ///< parcel mean annual ET (NaN: none)
    double potentialErosionTPerHa = std::nan(""); ///< parcel mean R·K·LS (NaN: none)
    double slopeCappedShare = 0;                  ///< share of the parcel's cells with a capped slope
};

/// @brief Calls f(result, factor) for every indicator of `results` as counted for a parcel's accounted
/// part (docs/gep.md "Totals"): the part's value is result × factor. The share rule (factor `share`)
/// except for the indicators `part` has (the carbon indicators of an accounted part with its own carbon
/// flux), which count as they are (factor 1).
template<typename F>
void forEachCounted(const std::vector<IndicatorResult>& results,
                    const std::vector<IndicatorResult>& part,
                    double share,
                    F&& f) {
    for (const IndicatorResult& r : results) {
        const IndicatorResult* own = nullptr;
        for (const IndicatorResult& p : part)
            if (p.key == r.key)
                own = &p;
        if (own)
            f(*own, 1.0);
        else
            f(r, share);
    }
}

/// @brief forEachCounted() over what the totals count of `row`. `base`: the results at the base-year
/// prices.
template<typename F>
void forEachCounted(const ParcelRow& row, bool base, F&& f) {
    forEachCounted(base ? row.baseResults : row.results,
                   base ? row.baseAccountedCarbon : row.accountedCarbon,
                   row.accountedShare,
                   std::forward<F>(f));
}

/// The evaluated parcels of a run, shared by the lazy tables of its result set.
struct GepParcels {
    std::vector<ParcelRow> rows;
    std::map<QString, gis::Crs> layerCrs;
    std::optional<carbon::ProjectLedger> ledger; ///< overlaps of the parcel layers
};

/// The carbon change of one parcel, as the carbon engine gave it.
struct CarbonEntry {
    std::optional<double> tcPerYr; ///< carbon fixed per year, t C/a (positive = sink)
    QString years;                 ///< "2015-2024": the span it was taken from
    QString reason;                ///< why there is no value (empty when there is one)
    QString method;    ///< the carbon method of the row (empty when the table has no method column)
    bool flux = false; ///< the change is a flux (gain-loss), not a stock difference
    /// The vegetation / soil split of tcPerYr (gep::splitCarbonChange, gep-methods.md §4.9): only the
    /// vegetation part releases O2. Unset vegetation = the row has soil carbon only.
    std::optional<double> vegetationTcPerYr, soilTcPerYr;
    /// The flux of the parcel's accounted part (t C/a) and its split, set only where the carbon run
    /// computed the part from its own coverage (accounted_rule "coverage"; docs/carbon-project.md
    /// "Overlapping layers"). GEP's totals value these instead of the whole parcel's × its share.
    std::optional<double> accountedTcPerYr, accountedVegetationTcPerYr, accountedSoilTcPerYr;
};

/// A single method's carbon table, by the layer's id field (or `id`).
std::map<QString, CarbonEntry> carbonTableEntries(const CarbonInput& input,
                                                  const QString& idField,
                                                  int accountingYear);
/// The carbon project run's parcels table, by layer id and source_fid.
std::map<std::pair<QString, qint64>, CarbonEntry> carbonResultEntries(const CarbonInput& input,
                                                                      int accountingYear);

/// @brief Writes soil_retention_t_ha.tif into `outDir` (bands: R·K·LS·(1 − C) t/ha/a, LS, potential
/// erosion R·K·LS t/ha/a, slope capped 0/1) on the DEM grid; returns its path.
std::string writeSoilRetention(const std::string& dem,
                               const std::string& r,
                               const std::string& k,
                               const std::string& c,
                               double slopeLengthM,
                               int threads,
                               const QString& outDir,
                               gis::Feedback* feedback,
                               std::int64_t* cappedCells);

/// Adds the run's tables (indicators … ledger_check) to `run.results` and fills totals and ledger check.
void addResultTables(GepRun& run, const GepInputs& inputs);
/// The table scenario_diff: per parcel the baseline's and the scenario's GEP and their difference.
analysis::Table scenarioDiffTable(const GepParcels& baseline, const GepParcels& scenario);

} // namespace tanhui::models::gep
