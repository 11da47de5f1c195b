// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/VolumeMethod.h"

#include "gis/ParcelReader.h"
#include "gis/TableWriter.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/Valuation.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>
#include <set>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonVolume {
    Q_DECLARE_TR_FUNCTIONS(CarbonVolume)
};

QString normalised(const QString& name) {
    QString n = name.simplified().toLower();
    n.replace(QLatin1Char('_'), QLatin1Char(' '));
    n.replace(QChar(0x2013), QLatin1Char('-')); // en dash, as in "conifer–broadleaf"
    return n;
}

/// Built-in aliases (documented in VolumeMethod.h): the common Chinese and English names of the
/// §5.2 species groups, as they appear in 小班 (sub-compartment) attribute tables.
struct Alias {
    const char* name;
    const char* group;
};
constexpr Alias kAliases[] = {
    { "杉木", "chinese_fir" },
    { "杉", "chinese_fir" },
    { "chinese fir", "chinese_fir" },
    { "cunninghamia", "chinese_fir" },
    { "马尾松", "masson_pine" },
    { "masson pine", "masson_pine" },
    { "pinus massoniana", "masson_pine" },
    { "桉树", "eucalyptus" },
    { "桉", "eucalyptus" },
    { "桉树人工林", "eucalyptus" },
    { "eucalyptus", "eucalyptus" },
    { "栎类", "quercus" },
    { "栎", "quercus" },
    { "栎树", "quercus" },
    { "oak", "quercus" },
    { "quercus", "quercus" },
    { "其他硬阔类", "other_hardwood" },
    { "硬阔类", "other_hardwood" },
    { "硬阔", "other_hardwood" },
    { "other hardwood", "other_hardwood" },
    { "other hardwoods", "other_hardwood" },
    { "其他软阔类", "other_soft_broadleaf" },
    { "软阔类", "other_soft_broadleaf" },
    { "软阔", "other_soft_broadleaf" },
    { "other soft broadleaf", "other_soft_broadleaf" },
    { "阔叶混交林", "mixed_broadleaf" },
    { "阔叶混交", "mixed_broadleaf" },
    { "阔叶林", "mixed_broadleaf" },
    { "mixed broadleaf", "mixed_broadleaf" },
    { "针阔混交林", "mixed_conifer_broadleaf" },
    { "针阔混交", "mixed_conifer_broadleaf" },
    { "mixed conifer-broadleaf", "mixed_conifer_broadleaf" },
    { "mixed conifer broadleaf", "mixed_conifer_broadleaf" },
    { "国外松", "exotic_pine" },
    { "湿地松", "exotic_pine" },
    { "火炬松", "exotic_pine" },
    { "slash pine", "exotic_pine" },
    { "loblolly pine", "exotic_pine" },
    { "木麻黄", "casuarina" },
    { "casuarina", "casuarina" },
};

/// The volume attribute as a number; nullopt when null, empty or not a number.
std::optional<double> volumeOf(const QVariant& v) {
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    bool ok = false;
    const double d =
      v.typeId() == QMetaType::QString ? v.toString().trimmed().toDouble(&ok) : v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

/// "2, 5, 7" or "2, 5, 7, … (12 in all)" for long lists.
QString rowList(const std::vector<int>& rows) {
    QStringList parts;
    for (std::size_t i = 0; i < rows.size() && i < 10; ++i)
        parts << QString::number(rows[i]);
    QString text = parts.join(QStringLiteral(", "));
    if (rows.size() > 10)
        text += CarbonVolume::tr(", … (%1 in all)").arg(rows.size());
    return text;
}

} // namespace

const char* befFormName(BefForm form) {
    return form == BefForm::Constant ? "constant" : "continuous";
}

std::optional<BefForm> parseBefForm(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("constant"))
        return BefForm::Constant;
    if (t == QLatin1String("continuous"))
        return BefForm::Continuous;
    return std::nullopt;
}

VolumeDensity constantBefDensity(double volume, double wd, double bef, double r, double cf) {
    // carbon-methods.md §5.1: B_AG = V × WD × BEF; B_TREE = B_AG × (1 + R); C_TREE = B_TREE × CF.
    VolumeDensity d;
    d.aboveGroundBiomass = volume * wd * bef;
    d.biomass = d.aboveGroundBiomass * (1.0 + r);
    d.carbon = d.biomass * cf;
    return d;
}

VolumeDensity continuousBefDensity(double volume, double a, double b, double cf) {
    // carbon-methods.md §5.3: B = a·V + b is total stand biomass (stem, branch, leaf and root), so it
    // is not multiplied by (1 + R) again; carbon = B × CF (Fang et al.: 0.5).
    VolumeDensity d;
    d.aboveGroundBiomass = std::numeric_limits<double>::quiet_NaN();
    d.biomass = a * volume + b;
    d.carbon = d.biomass * cf;
    return d;
}

SpeciesLookup::SpeciesLookup(const params::ParameterTable& table) {
    const int wd = table.columnIndex(QStringLiteral("wd"));
    const int bef = table.columnIndex(QStringLiteral("bef"));
    const int r = table.columnIndex(QStringLiteral("r"));
    const int cf = table.columnIndex(QStringLiteral("cf"));
    const int fa = table.columnIndex(QStringLiteral("fang_a"));
    const int fb = table.columnIndex(QStringLiteral("fang_b"));
    auto value = [](const params::TableRow& row, int i) -> std::optional<double> {
        return i >= 0 && std::size_t(i) < row.values.size() ? row.values[std::size_t(i)] : std::nullopt;
    };
    for (const params::TableRow& row : table.rows()) {
        SpeciesParams s;
        s.group = row.key;
        const auto zh = row.text.find(QStringLiteral("name_zh"));
        if (zh != row.text.end())
            s.nameZh = zh->second;
        s.wd = value(row, wd).value_or(0);
        s.bef = value(row, bef).value_or(0);
        s.r = value(row, r).value_or(0);
        s.cf = value(row, cf).value_or(0);
        s.fangA = value(row, fa);
        s.fangB = value(row, fb);
        s.tag = row.tag;
        s.source = row.source;
        s.file = row.file;
        s.line = row.line;
        m_groups.push_back(s);
    }
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        m_names[normalised(m_groups[i].group)] = i;
        const params::TableRow& row = table.rows()[i];
        for (const char* column : { "name_zh", "name_latin" }) {
            const auto it = row.text.find(QString::fromLatin1(column));
            if (it != row.text.end() && !it->second.trimmed().isEmpty())
                m_names.emplace(normalised(it->second), i);
        }
    }
    for (const Alias& a : kAliases) {
        for (std::size_t i = 0; i < m_groups.size(); ++i)
            if (m_groups[i].group == QLatin1String(a.group))
                m_names.emplace(normalised(QString::fromUtf8(a.name)), i);
    }
}

const SpeciesParams* SpeciesLookup::find(const QString& group) const& {
    for (const SpeciesParams& s : m_groups)
        if (s.group == group)
            return &s;
    return nullptr;
}

const SpeciesParams* SpeciesLookup::resolve(const QString& name) const& {
    const auto it = m_names.find(normalised(name));
    return it == m_names.end() ? nullptr : &m_groups[it->second];
}

QStringList SpeciesLookup::knownNames() const {
    QStringList names;
    for (const SpeciesParams& s : m_groups)
        names << (s.nameZh.isEmpty() ? s.group
                                     : s.nameZh + QStringLiteral(" (") + s.group + QLatin1Char(')'));
    return names;
}

VolumeAttributes readVolumeAttributes(const std::string& path,
                                      const gis::VectorOpenOptions& open,
                                      const QString& speciesField,
                                      const QString& volumeField) {
    VolumeAttributes out;
    gis::VectorLayer layer(path, open);
    const QString file = QString::fromStdString(path);
    QStringList fieldNames;
    for (const gis::FieldInfo& f : layer.info().fields)
        fieldNames << f.name;
    const int si = layer.fieldIndex(speciesField);
    const int vi = layer.fieldIndex(volumeField);
    for (const auto& [index, name] : { std::pair{ si, speciesField }, std::pair{ vi, volumeField } })
        if (index < 0)
            out.issues.push_back({ params::Issue::Severity::Error,
                                   file,
                                   0,
                                   name,
                                   CarbonVolume::tr("the layer has no field '%1'; its fields are: %2")
                                     .arg(name, fieldNames.join(QStringLiteral(", "))) });
    if (si < 0 || vi < 0)
        return out;
    gis::Feature f;
    int row = 0;
    layer.resetReading();
    while (layer.next(f)) {
        ++row;
        out.rowOfFid[f.fid] = row;
        const QVariant& s = f.attributes[std::size_t(si)];
        out.byFid[f.fid] = { s.isNull() ? QString() : s.toString().trimmed(), f.attributes[std::size_t(vi)] };
    }
    return out;
}

std::vector<VolumeRecord> joinVolumeRecords(const gis::ParcelSet& parcels,
                                            const VolumeAttributes& attributes) {
    std::vector<VolumeRecord> records;
    records.reserve(parcels.parcels.size());
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
        const gis::Parcel& p = parcels.parcels[i];
        VolumeRecord r;
        r.fid = p.fid;
        const auto row = attributes.rowOfFid.find(p.fid);
        r.row = row == attributes.rowOfFid.end() ? int(i) + 1 : row->second;
        r.id = p.id.toString();
        const auto a = attributes.byFid.find(p.fid);
        if (a != attributes.byFid.end()) {
            r.species = a->second.first;
            r.volume = a->second.second;
        }
        r.areaHa = p.ellipsoidalAreaM2 / 10000.0;
        records.push_back(r);
    }
    return records;
}

params::Issues validateVolumeRecords(const std::vector<VolumeRecord>& records,
                                     const SpeciesLookup& species,
                                     BefForm form,
                                     const QString& file,
                                     const QString& speciesField,
                                     const QString& volumeField) {
    params::Issues issues;
    auto error = [&](int row, const QString& column, const QString& message) {
        issues.push_back({ params::Issue::Severity::Error, file, row, column, message });
    };
    // Unknown species: one issue listing every distinct unknown name with its rows, and the known ones.
    std::map<QString, std::vector<int>> unknown;
    std::vector<QString> unknownOrder;
    std::set<const SpeciesParams*> withoutFang;
    std::vector<int> lowVolumeRows;
    std::vector<int> noStandRows;
    std::set<QString> noStandUnknown;
    for (const VolumeRecord& r : records) {
        const SpeciesParams* s = species.resolve(r.species);
        const std::optional<double> v = volumeOf(r.volume);
        if (v && *v == 0) {
            // No standing volume (shrubland, clear-cut): no tree carbon whatever the species, so an
            // unknown species is not an error here (the parameters are not used).
            noStandRows.push_back(r.row);
            if (!s)
                noStandUnknown.insert(r.species.isEmpty() ? CarbonVolume::tr("(empty)") : r.species);
            continue;
        }
        if (!s) {
            auto [it, inserted] = unknown.try_emplace(r.species);
            if (inserted)
                unknownOrder.push_back(r.species);
            it->second.push_back(r.row);
        } else if (form == BefForm::Continuous && (!s->fangA || !s->fangB)) {
            withoutFang.insert(s);
        }
        const QString feature = CarbonVolume::tr("feature %1 (id %2)").arg(r.fid).arg(r.id);
        if (!v) {
            const QString given = r.volume.isNull() ? QString() : r.volume.toString().trimmed();
            error(r.row,
                  volumeField,
                  given.isEmpty()
                    ? CarbonVolume::tr("%1: the stand volume is missing").arg(feature)
                    : CarbonVolume::tr("%1: the stand volume '%2' is not a number").arg(feature, given));
        } else if (*v < 0) {
            error(r.row,
                  volumeField,
                  CarbonVolume::tr("%1: the stand volume %2 m³/ha is negative").arg(feature).arg(*v));
        } else if (*v > kMaxVolumeM3PerHa) {
            error(r.row,
                  volumeField,
                  CarbonVolume::tr("%1: the stand volume %2 m³/ha is implausibly large (more than %3 m³/ha); "
                                   "is it the parcel's total volume rather than per hectare?")
                    .arg(feature)
                    .arg(*v)
                    .arg(kMaxVolumeM3PerHa));
        } else if (form == BefForm::Continuous && *v < kFangMinVolumeM3PerHa) {
            lowVolumeRows.push_back(r.row);
        }
    }
    if (!unknown.empty()) {
        QStringList listed;
        std::size_t features = 0;
        for (const QString& name : unknownOrder) {
            const std::vector<int>& rows = unknown[name];
            features += rows.size();
            listed << CarbonVolume::tr("'%1' (rows %2)")
                        .arg(name.isEmpty() ? CarbonVolume::tr("(empty)") : name, rowList(rows));
        }
        error(unknown[unknownOrder.front()].front(),
              speciesField,
              CarbonVolume::tr("unknown species group in %1 feature(s): %2; known: %3")
                .arg(features)
                .arg(listed.join(QStringLiteral(", ")), species.knownNames().join(QStringLiteral(", "))));
    }
    for (const SpeciesParams* s : withoutFang)
        issues.push_back({ params::Issue::Severity::Error,
                           s->file,
                           s->line,
                           QStringLiteral("fang_a"),
                           CarbonVolume::tr("species group %1 has no continuous-BEF coefficients (fang_a, "
                                            "fang_b); use --bef-form constant or add them")
                             .arg(s->group) });
    if (!noStandRows.empty()) {
        QStringList names(noStandUnknown.begin(), noStandUnknown.end());
        issues.push_back(
          { params::Issue::Severity::Warning,
            file,
            noStandRows.front(),
            volumeField,
            CarbonVolume::tr("%1 feature(s) have no stand volume (0 m³/ha) and get no tree carbon from the "
                             "volume method (rows %2)%3")
              .arg(noStandRows.size())
              .arg(rowList(noStandRows),
                   names.isEmpty() ? QString()
                                   : CarbonVolume::tr("; their species %1 are not in the species table")
                                       .arg(names.join(QStringLiteral(", ")))) });
    }
    if (!lowVolumeRows.empty())
        issues.push_back(
          { params::Issue::Severity::Warning,
            file,
            lowVolumeRows.front(),
            volumeField,
            CarbonVolume::tr("%1 feature(s) have a stand volume below %2 m³/ha, where the continuous BEF's "
                             "intercept dominates (carbon-methods.md §5.3); rows %3")
              .arg(lowVolumeRows.size())
              .arg(kFangMinVolumeM3PerHa)
              .arg(rowList(lowVolumeRows)) });
    return issues;
}

std::vector<VolumeParcel> computeVolumeParcels(const std::vector<VolumeRecord>& records,
                                               const SpeciesLookup& species,
                                               BefForm form) {
    std::vector<VolumeParcel> out;
    out.reserve(records.size());
    for (const VolumeRecord& r : records) {
        VolumeParcel p;
        p.group = species.resolve(r.species);
        p.volume = volumeOf(r.volume).value_or(std::numeric_limits<double>::quiet_NaN());
        if (p.volume == 0) {
            // No stand: no tree biomass. The continuous form's intercept b is not a stock of an empty
            // stand (§5.3: do not extrapolate below V ≈ 10 m³/ha).
            p.density = {};
        } else if (p.group) {
            p.density = form == BefForm::Constant
                          ? constantBefDensity(p.volume, p.group->wd, p.group->bef, p.group->r, p.group->cf)
                          : continuousBefDensity(p.volume,
                                                 p.group->fangA.value_or(std::nan("")),
                                                 p.group->fangB.value_or(std::nan("")));
            p.flagged = params::isFlagged(p.group->tag);
        } else {
            p.density.carbon = p.density.biomass = std::numeric_limits<double>::quiet_NaN();
        }
        // Stock of the parcel: density (t C/ha) × ellipsoidal area (ha).
        p.carbonT = p.density.carbon * r.areaHa;
        p.co2eT = p.carbonT * kCo2PerC;
        out.push_back(p);
    }
    return out;
}

VolumeTotals sumVolumeParcels(const std::vector<VolumeRecord>& records,
                              const std::vector<VolumeParcel>& results) {
    VolumeTotals t;
    for (std::size_t i = 0; i < records.size() && i < results.size(); ++i) {
        t.carbonT += results[i].carbonT;
        t.areaHa += records[i].areaHa;
        if (results[i].flagged)
            ++t.flaggedParcels;
    }
    t.co2eT = t.carbonT * kCo2PerC;
    t.parcels = records.size();
    return t;
}

void writeVolumeParcelTable(const std::string& path,
                            const gis::ParcelSet& parcels,
                            const QString& idField,
                            const std::vector<VolumeRecord>& records,
                            const std::vector<VolumeParcel>& results,
                            BefForm form,
                            const ExtraColumns* extra) {
    using T = gis::TableColumn::Type;
    std::vector<gis::TableColumn> columns = {
        { "fid", T::Integer },
        { idField.isEmpty() ? std::string("id") : idField.toStdString(), T::String },
        { "species", T::String },
        { "species_group", T::String },
        { "method_form", T::String },
        { "area_ha", T::Real },
        { "volume_m3_per_ha", T::Real },
        { "biomass_t_per_ha", T::Real },
        { "carbon_t_per_ha", T::Real },
        { "carbon_t", T::Real },
        { "co2e_t", T::Real },
        { "flagged_parameters", T::String },
        { "geometry_repaired", T::Integer },
    };
    if (extra)
        columns.insert(columns.end(), extra->columns.begin(), extra->columns.end());
    const QString method =
      form == BefForm::Constant ? QStringLiteral("constant_bef") : QStringLiteral("continuous_bef");
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    gis::writeTable(
      path,
      columns,
      records.size(),
      [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          const VolumeRecord& r = records[i];
          const VolumeParcel& p = results[i];
          std::size_t k = 0;
          v[k++] = qint64(r.fid);
          v[k++] = r.id;
          v[k++] = r.species;
          v[k++] = p.group ? QVariant(p.group->group) : QVariant();
          v[k++] = method;
          v[k++] = r.areaHa;
          v[k++] = p.volume;
          v[k++] = p.density.biomass;
          v[k++] = p.density.carbon;
          v[k++] = p.carbonT;
          v[k++] = p.co2eT;
          v[k++] = p.flagged ? QVariant(p.group->group + QLatin1Char(':') + params::tagName(p.group->tag))
                             : QVariant(QString());
          v[k++] = parcels.parcels[i].repaired ? 1 : 0;
          if (extra)
              extra->fill(i, v, k);
          if (gpkg)
              wkb = parcels.parcels[i].wkb;
      },
      gpkg,
      parcels.crs);
}

void writeVolumeTotalsTable(const std::string& path,
                            const VolumeTotals& totals,
                            const std::vector<ExtraTotalRow>& extraRows) {
    using T = gis::TableColumn::Type;
    std::vector<ExtraTotalRow> lines = {
        { QStringLiteral("carbon_total"), totals.carbonT, QStringLiteral("t C") },
        { QStringLiteral("co2e_total"), totals.co2eT, QStringLiteral("t CO2e") },
        { QStringLiteral("area_ha"), totals.areaHa, QStringLiteral("ha") },
        { QStringLiteral("parcels"), double(totals.parcels), QStringLiteral("count") },
        { QStringLiteral("flagged_parcels"), double(totals.flaggedParcels), QStringLiteral("count") },
    };
    lines.insert(lines.end(), extraRows.begin(), extraRows.end());
    gis::writeTable(path,
                    { { "quantity", T::String }, { "value", T::Real }, { "unit", T::String } },
                    lines.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v[0] = lines[i].quantity;
                        v[1] = lines[i].value;
                        v[2] = lines[i].unit;
                    });
}

} // namespace tanhui::models::carbon
