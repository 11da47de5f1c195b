// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/VectorLayer.h"
#include "models/carbon/ExtraColumns.h"
#include "models/params/ParameterTable.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::gis {
class Feedback;
struct ParcelSet;
} // namespace tanhui::gis

namespace tanhui::models::carbon {

/// @brief Volume-based (forest-inventory) method, carbon-methods.md §5: from a sub-compartment's stand
/// volume V (蓄积量, m³/ha) and its dominant species group, either
///  - Constant: the generic chain of §5.1, B = V × WD × BEF × (1 + R), C = B × CF (species CF);
///  - Continuous: Fang's continuous BEF of §5.3, B = a·V + b (roots included), C = B × 0.5.
enum class BefForm { Constant, Continuous };
/// "constant" or "continuous" (the CLI's --bef-form values).
const char* befFormName(BefForm form);
/// Parses "constant" / "continuous" (case-insensitive); nullopt otherwise.
std::optional<BefForm> parseBefForm(const QString& text);

/// Carbon fraction used with the continuous BEF: "Fang et al. used CF = 0.5" (§5.3).
constexpr double kFangCarbonFraction = 0.5;
/// Volumes above this (m³/ha) are rejected as implausible (unit mistakes: m³ per parcel, dm³, ...).
constexpr double kMaxVolumeM3PerHa = 1500.0;
/// Below this volume the continuous form's intercept dominates; §5.3 says not to extrapolate there.
constexpr double kFangMinVolumeM3PerHa = 10.0;

/// @brief Densities of one stand, per hectare.
struct VolumeDensity {
    double aboveGroundBiomass = 0; ///< t d.m./ha (§5.1 B_AG); NaN for the continuous form
    double biomass = 0;            ///< total tree biomass incl. roots, t d.m./ha
    double carbon = 0;             ///< t C/ha
};

/// @brief §5.1: B_AG = V × WD × BEF, B_TREE = B_AG × (1 + R), C_TREE = B_TREE × CF.
/// `volume` in m³/ha, `wd` in t d.m./m³, `bef` and `r` ratios, `cf` in t C/t d.m.
VolumeDensity constantBefDensity(double volume, double wd, double bef, double r, double cf);

/// @brief §5.3 (Fang et al.): B = a·V + b is total stand biomass including roots (no (1 + R) again);
/// C = B × cf (Fang used 0.5).
VolumeDensity continuousBefDensity(double volume, double a, double b, double cf = kFangCarbonFraction);

/// @brief One row of the species parameter table (speciesParamsSpec(), §5.2/§5.3) with provenance.
struct SpeciesParams {
    QString group; ///< the table key, e.g. "masson_pine"
    QString nameZh;
    double wd = 0, bef = 0, r = 0, cf = 0;
    std::optional<double> fangA, fangB;
    params::Tag tag = params::Tag::User;
    QString source;
    QString file;
    int line = 0;
};

/// @brief Species groups of a loaded species table, and the mapping of users' species names to them.
///
/// A name resolves (after trimming, collapsing blanks and ignoring case) to a group when it is
/// the group key itself (underscores may be written as blanks), the row's `name_zh` or `name_latin`,
/// or one of the built-in aliases below, provided the table has that group:
///
/// | alias (Chinese / English)                              | group                   |
/// |---|---|
/// | 杉木, 杉, Chinese fir, Cunninghamia                    | chinese_fir             |
/// | 马尾松, Masson pine, Pinus massoniana                  | masson_pine             |
/// | 桉树, 桉, 桉树人工林, Eucalyptus                       | eucalyptus              |
/// | 栎类, 栎, 栎树, oak, Quercus                           | quercus                 |
/// | 其他硬阔类, 硬阔类, 硬阔, other hardwood(s)            | other_hardwood          |
/// | 其他软阔类, 软阔类, 软阔, other soft broadleaf         | other_soft_broadleaf    |
/// | 阔叶混交林, 阔叶混交, 阔叶林, mixed broadleaf          | mixed_broadleaf         |
/// | 针阔混交林, 针阔混交, mixed conifer-broadleaf          | mixed_conifer_broadleaf |
/// | 国外松, 湿地松, 火炬松, slash pine, loblolly pine      | exotic_pine             |
/// | 木麻黄, Casuarina                                      | casuarina               |
class SpeciesLookup {
public:
    explicit SpeciesLookup(const params::ParameterTable& table);
    // Pointers into the lookup: deleted on a temporary, so they cannot dangle.
    const SpeciesParams* find(const QString& group) const&;
    const SpeciesParams* find(const QString& group) const&& = delete;
    /// The group of a user's species name, or nullptr when the name is unknown.
    const SpeciesParams* resolve(const QString& name) const&;
    const SpeciesParams* resolve(const QString& name) const&& = delete;
    /// "杉木 (chinese_fir)" for every group of the table, in table order.
    QStringList knownNames() const;
    const std::vector<SpeciesParams>& groups() const { return m_groups; }

private:
    std::vector<SpeciesParams> m_groups;
    std::map<QString, std::size_t> m_names; ///< normalised name → index in m_groups
};

/// @brief One parcel's inputs as read from the layer: its species name and volume attribute.
struct VolumeRecord {
    std::int64_t fid = -1;
    int row = 0;       ///< 1-based position of the feature in the layer (named in issues)
    QString id;        ///< the id field's value (or the FID), for messages
    QString species;   ///< as written in the layer, trimmed
    QVariant volume;   ///< as read (number, text, or null)
    double areaHa = 0; ///< ellipsoidal area (ha)
};

/// @brief The attributes of the species and volume fields of `path`, by FID, read through
/// gis::VectorLayer (the layer's encoding is honoured). A field that the layer does not have becomes an
/// error issue (row 0, column = the field) listing the layer's fields.
struct VolumeAttributes {
    std::map<std::int64_t, std::pair<QString, QVariant>> byFid; ///< fid → (species, volume)
    std::map<std::int64_t, int> rowOfFid;                       ///< fid → 1-based feature position
    params::Issues issues;
};
VolumeAttributes readVolumeAttributes(const std::string& path,
                                      const gis::VectorOpenOptions& open,
                                      const QString& speciesField,
                                      const QString& volumeField);

/// @brief The records of the parcels of `parcels` (in ParcelSet order) joined with `attributes` by FID.
std::vector<VolumeRecord> joinVolumeRecords(const gis::ParcelSet& parcels,
                                            const VolumeAttributes& attributes);

/// @brief Checks every record before any computation and collects every problem (file = `file`,
/// row = the feature, column = the field): one error listing all distinct unknown species names (with
/// their rows) and the known ones; per feature, a missing or non-numeric volume, a negative volume,
/// a volume above kMaxVolumeM3PerHa; for the continuous form, groups without Fang coefficients (error)
/// and volumes below kFangMinVolumeM3PerHa (one warning listing the rows).
params::Issues validateVolumeRecords(const std::vector<VolumeRecord>& records,
                                     const SpeciesLookup& species,
                                     BefForm form,
                                     const QString& file,
                                     const QString& speciesField,
                                     const QString& volumeField);

/// @brief One parcel's result: densities from its species group and volume, stock = density × area.
struct VolumeParcel {
    const SpeciesParams* group = nullptr;
    double volume = 0;     ///< m³/ha
    VolumeDensity density; ///< per hectare
    double carbonT = 0;    ///< carbon × area_ha (t C)
    double co2eT = 0;      ///< carbonT × 44/12 (t CO2e)
    bool flagged = false;  ///< the species row is tagged secondary, unconfirmed or example
};

/// @brief Computes every record (call validateVolumeRecords() first; records must be valid).
std::vector<VolumeParcel> computeVolumeParcels(const std::vector<VolumeRecord>& records,
                                               const SpeciesLookup& species,
                                               BefForm form);

/// @brief Run totals: Σ carbon (t C), Σ CO2e, Σ area (ha), parcel count.
struct VolumeTotals {
    double carbonT = 0, co2eT = 0, areaHa = 0;
    std::size_t parcels = 0;
    std::size_t flaggedParcels = 0;
};
VolumeTotals sumVolumeParcels(const std::vector<VolumeRecord>& records,
                              const std::vector<VolumeParcel>& results);

/// @brief `parcels_volume.csv` / `.gpkg` (with geometry): fid, the id field (named as in the layer; "id"
/// when none), species (as given), species_group, method_form, area_ha, volume_m3_per_ha,
/// biomass_t_per_ha, carbon_t_per_ha, carbon_t, co2e_t, flagged_parameters ("group:tag" of a flagged
/// species row), geometry_repaired; then `extra`'s columns when given. Atomic (gis::writeTable).
void writeVolumeParcelTable(const std::string& path,
                            const gis::ParcelSet& parcels,
                            const QString& idField,
                            const std::vector<VolumeRecord>& records,
                            const std::vector<VolumeParcel>& results,
                            BefForm form,
                            const ExtraColumns* extra = nullptr);

/// @brief `totals_volume.csv`: quantity,value,unit rows carbon_total (t C), co2e_total (t CO2e),
/// area_ha (ha), parcels (count), flagged_parcels (count), then `extraRows`. Atomic.
void writeVolumeTotalsTable(const std::string& path,
                            const VolumeTotals& totals,
                            const std::vector<ExtraTotalRow>& extraRows = {});

} // namespace tanhui::models::carbon
