// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ResultColumnLabels.h"

#include "app/report/ResultChartData.h"
#include "models/gep/Indicators.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace tanhui::gui {

namespace {

struct Labels {
    Q_DECLARE_TR_FUNCTIONS(ResultColumnLabels)
};

/// Columns named as they are, without years: carbon parcels and totals (docs/carbon-project.md), GEP
/// parcels and totals (docs/gep.md), the ledger check, overlaps and parameters used.
QString fixedLabel(const QString& name) {
    static const QHash<QString, const char*> labels = {
        // carbon parcels.csv
        { QStringLiteral("layer"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Layer") },
        { QStringLiteral("source_fid"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Feature id") },
        { QStringLiteral("id"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Parcel") },
        { QStringLiteral("parcel_id"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Parcel") },
        { QStringLiteral("ecosystem_type"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Ecosystem type") },
        { QStringLiteral("method"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Method") },
        { QStringLiteral("primary"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Primary result") },
        { QStringLiteral("method_detail"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Method options") },
        { QStringLiteral("district"), QT_TRANSLATE_NOOP("ResultColumnLabels", "District") },
        { QStringLiteral("area_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Area") },
        { QStringLiteral("area_full_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Area of whole parcels") },
        { QStringLiteral("accounted_area_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Accounted area") },
        { QStringLiteral("accounted_share"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Accounted share") },
        { QStringLiteral("accounted_rule"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Accounting rule") },
        { QStringLiteral("bounds_note"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Note on bounds") },
        { QStringLiteral("flagged_parameters"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Flagged parameters") },
        { QStringLiteral("nodata_share"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Share without data") },
        { QStringLiteral("geometry_repaired"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Geometry repaired") },
        { QStringLiteral("parameters_used"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Parameters used") },
        { QStringLiteral("not_computed"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Why not computed") },
        { QStringLiteral("blank_note"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Why blank") },
        // totals
        { QStringLiteral("parcels"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Parcels") },
        { QStringLiteral("computed"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Computed") },
        { QStringLiteral("flagged_parcels"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Flagged parcels") },
        { QStringLiteral("year"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Year") },
        { QStringLiteral("c_total_t"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon stock") },
        { QStringLiteral("quantity"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Quantity") },
        { QStringLiteral("unit"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Unit") },
        { QStringLiteral("value"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Value") },
        { QStringLiteral("key"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Key") },
        { QStringLiteral("group"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Group") },
        { QStringLiteral("value_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Value") },
        { QStringLiteral("value_base_cny"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Value at base-year prices") },
        { QStringLiteral("share_pct"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Share of GEP") },
        { QStringLiteral("profile"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Accounting profile") },
        { QStringLiteral("price_year"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Price year") },
        { QStringLiteral("price_index"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Price index") },
        { QStringLiteral("climate_variant"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Climate-regulation variant") },
        // GEP parcels_<layer>
        { QStringLiteral("ecosystem_code"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Ecosystem code") },
        { QStringLiteral("ecosystem"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Ecosystem") },
        { QStringLiteral("ecosystem_source"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Ecosystem from") },
        { QStringLiteral("carbon_source"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon from") },
        { QStringLiteral("carbon_years"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon interval") },
        { QStringLiteral("carbon_note"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon note") },
        { QStringLiteral("material_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Material products") },
        { QStringLiteral("regulating_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Regulating services") },
        { QStringLiteral("cultural_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Cultural services") },
        { QStringLiteral("gep_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "GEP") },
        { QStringLiteral("gep_cny_per_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "GEP per hectare") },
        { QStringLiteral("accounted_gep_cny"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "GEP of the accounted part") },
        { QStringLiteral("carbon_emission_tco2e"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon emission") },
        { QStringLiteral("carbon_emission_cny"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon emission, value") },
        { QStringLiteral("potential_erosion_t_ha"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Potential erosion") },
        { QStringLiteral("slope_capped_pct"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Slope capped") },
        { QStringLiteral("flags"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Flags") },
        // ledger_check, overlaps, parameters_used
        { QStringLiteral("check"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Check") },
        { QStringLiteral("table"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Table") },
        { QStringLiteral("subject"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Row") },
        { QStringLiteral("interval"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Interval") },
        { QStringLiteral("expected"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Expected") },
        { QStringLiteral("actual"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Actual") },
        { QStringLiteral("difference"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Difference") },
        { QStringLiteral("passed"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Result") },
        { QStringLiteral("higher_layer"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Layer counted") },
        { QStringLiteral("lower_layer"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Layer overlapped") },
        { QStringLiteral("overlap_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Overlap") },
        { QStringLiteral("file"), QT_TRANSLATE_NOOP("ResultColumnLabels", "File") },
        { QStringLiteral("row"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Row") },
        { QStringLiteral("tag"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Evidence tag") },
        { QStringLiteral("flagged"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Flagged") },
        { QStringLiteral("source"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Source") },
        { QStringLiteral("note"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Note") },
        // a restoration plan's plan_parcels, plan_totals, plan_gep_parcels, plan_gep_services
        { QStringLiteral("baseline_type"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Baseline ecosystem type") },
        { QStringLiteral("target_type"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Target ecosystem type") },
        { QStringLiteral("planting_model"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Planting model") },
        { QStringLiteral("start_year"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Start year") },
        { QStringLiteral("horizon_year"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Horizon year") },
        { QStringLiteral("baseline_stock_t"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Baseline stock") },
        { QStringLiteral("plan_stock_t"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Stock with the plan") },
        { QStringLiteral("diff_c_biomass_t"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Biomass difference") },
        { QStringLiteral("diff_c_soil_t"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Soil carbon difference") },
        { QStringLiteral("diff_total_t"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon difference") },
        { QStringLiteral("diff_t"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon difference") },
        { QStringLiteral("diff_total_co2e_t"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon difference as CO2") },
        { QStringLiteral("diff_co2e_t"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon difference as CO2") },
        { QStringLiteral("diff_co2e_per_yr"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Mean annual removal") },
        { QStringLiteral("diff_p2_5_t"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon difference, 2.5th percentile") },
        { QStringLiteral("diff_p50_t"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon difference, median") },
        { QStringLiteral("diff_p97_5_t"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon difference, 97.5th percentile") },
        { QStringLiteral("kind"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Kind") },
        { QStringLiteral("baseline_ecosystem"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Baseline ecosystem") },
        { QStringLiteral("plan_ecosystem"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Ecosystem with the plan") },
        { QStringLiteral("baseline_flux_tc_per_yr"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Baseline carbon flux") },
        { QStringLiteral("added_flux_tc_per_yr"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon flux the plan adds") },
        { QStringLiteral("baseline_gep_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Baseline GEP") },
        { QStringLiteral("plan_gep_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "GEP with the plan") },
        { QStringLiteral("diff_gep_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "GEP difference") },
        { QStringLiteral("diff_emission_cny"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Carbon emission difference") },
        { QStringLiteral("service"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Service") },
        { QStringLiteral("name"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Name") },
        { QStringLiteral("category"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Category") },
        { QStringLiteral("baseline_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Baseline") },
        { QStringLiteral("plan_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "With the plan") },
        { QStringLiteral("diff_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Difference") },
        { QStringLiteral("diff_p2_5_cny"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Difference, 2.5th percentile") },
        { QStringLiteral("diff_p50_cny"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Difference, median") },
        { QStringLiteral("diff_p97_5_cny"),
          QT_TRANSLATE_NOOP("ResultColumnLabels", "Difference, 97.5th percentile") },
        // zonal statistics
        { QStringLiteral("fid"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Feature id") },
        { QStringLiteral("planar_area_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "Planar area") },
    };
    const auto it = labels.constFind(name);
    return it == labels.cend() ? QString() : QCoreApplication::translate("ResultColumnLabels", it.value());
}

/// A carbon pool's label (carbon-methods.md §1.1), as the charts and the report name it; empty when
/// `pool` is not a known pool.
QString poolLabel(const QString& pool) {
    const QString name = report::poolName(pool);
    return name == pool ? QString() : name;
}

/// Labels of columns carrying a year or an interval.
QString datedLabel(const QString& name) {
    static const QRegularExpression pool(QStringLiteral("^(c_[a-z]+)_t_(\\d{4})$"));
    static const QRegularExpression poolTotal(QStringLiteral("^(c_[a-z]+)_t$"));
    static const QRegularExpression year(QStringLiteral("^([a-z_]+?)_(\\d{4})$"));
    static const QRegularExpression pair(QStringLiteral("^([a-z0-9_]+?)_(\\d{4})_(\\d{4})$"));
    if (const auto m = pool.match(name); m.hasMatch()) {
        const QString p =
          m.captured(1) == QLatin1String("c_total") ? Labels::tr("Carbon stock") : poolLabel(m.captured(1));
        return p.isEmpty() ? QString() : Labels::tr("%1 %2").arg(p, m.captured(2));
    }
    if (const auto m = poolTotal.match(name); m.hasMatch())
        return poolLabel(m.captured(1));
    if (const auto m = pair.match(name); m.hasMatch()) {
        const QString what = m.captured(1);
        const QString span = Labels::tr("%1–%2").arg(m.captured(2), m.captured(3));
        if (what == QLatin1String("change_t"))
            return Labels::tr("Change %1").arg(span);
        if (what == QLatin1String("change_tco2e"))
            return Labels::tr("Change %1 as CO2").arg(span);
        if (what == QLatin1String("change_t_per_yr"))
            return Labels::tr("Annual change %1").arg(span);
        if (what == QLatin1String("change_basis"))
            return Labels::tr("Change basis %1").arg(span);
        if (what == QLatin1String("accounted_change_t"))
            return Labels::tr("Accounted change %1").arg(span);
        if (what == QLatin1String("accounted_vegetation_change_t"))
            return Labels::tr("Accounted vegetation change %1").arg(span);
        if (what == QLatin1String("transfer_in_t"))
            return Labels::tr("Carbon moved in %1").arg(span);
        if (what == QLatin1String("transfer_out_t"))
            return Labels::tr("Carbon moved out %1").arg(span);
        if (what == QLatin1String("coverage_change_t"))
            return Labels::tr("Coverage change %1").arg(span);
        return {};
    }
    if (const auto m = year.match(name); m.hasMatch()) {
        const QString what = m.captured(1), y = m.captured(2);
        if (what == QLatin1String("c_total_t_per_ha"))
            return Labels::tr("Carbon density %1").arg(y);
        if (what == QLatin1String("stock_area_ha") || what == QLatin1String("area_ha"))
            return Labels::tr("Area with a stock %1").arg(y);
        if (what == QLatin1String("accounted_c_total_t"))
            return Labels::tr("Accounted stock %1").arg(y);
        if (what == QLatin1String("ecosystem_type"))
            return Labels::tr("Ecosystem type %1").arg(y);
        if (what == QLatin1String("parcels"))
            return Labels::tr("Parcels with a stock %1").arg(y);
        return {};
    }
    return {};
}

/// GEP's <indicator>_qty and <indicator>_cny columns, named by the indicator registry.
QString indicatorLabel(const QString& name) {
    // A plan's diff_<indicator>_cny: the indicator's difference, plan − baseline.
    if (name.startsWith(QLatin1String("diff_")) && name.endsWith(QLatin1String("_cny"))) {
        const models::gep::IndicatorSpec* spec = models::gep::findIndicator(name.mid(5).chopped(4));
        return spec ? Labels::tr("%1, difference").arg(spec->translatedName()) : QString();
    }
    const bool qty = name.endsWith(QLatin1String("_qty"));
    if (!qty && !name.endsWith(QLatin1String("_cny")))
        return {};
    const models::gep::IndicatorSpec* spec = models::gep::findIndicator(name.chopped(4));
    if (!spec)
        return {};
    return qty ? Labels::tr("%1, quantity").arg(spec->translatedName())
               : Labels::tr("%1, value").arg(spec->translatedName());
}

/// Zonal statistics' <raster>_<statistic> columns (models/ZonalTable.h): "landcover_2015: mean".
QString zonalLabel(const QString& name) {
    static const QRegularExpression classColumn(QStringLiteral("^(.+)_(frac|area_ha)_([^_]+)$"));
    static const QRegularExpression statColumn(QStringLiteral(
      "^(.+)_(count_cells|sum|mean|min|max|stdev|majority|minority|variety|nodata_ha|outside_ha)$"));
    if (const auto m = classColumn.match(name); m.hasMatch())
        return m.captured(2) == QLatin1String("frac")
                 ? Labels::tr("%1: share of class %2").arg(m.captured(1), m.captured(3))
                 : Labels::tr("%1: area of class %2").arg(m.captured(1), m.captured(3));
    const auto m = statColumn.match(name);
    if (!m.hasMatch())
        return {};
    static const QHash<QString, const char*> stats = {
        { QStringLiteral("count_cells"), QT_TRANSLATE_NOOP("ResultColumnLabels", "valid cells") },
        { QStringLiteral("sum"), QT_TRANSLATE_NOOP("ResultColumnLabels", "sum") },
        { QStringLiteral("mean"), QT_TRANSLATE_NOOP("ResultColumnLabels", "mean") },
        { QStringLiteral("min"), QT_TRANSLATE_NOOP("ResultColumnLabels", "minimum") },
        { QStringLiteral("max"), QT_TRANSLATE_NOOP("ResultColumnLabels", "maximum") },
        { QStringLiteral("stdev"), QT_TRANSLATE_NOOP("ResultColumnLabels", "standard deviation") },
        { QStringLiteral("majority"), QT_TRANSLATE_NOOP("ResultColumnLabels", "majority class") },
        { QStringLiteral("minority"), QT_TRANSLATE_NOOP("ResultColumnLabels", "minority class") },
        { QStringLiteral("variety"), QT_TRANSLATE_NOOP("ResultColumnLabels", "number of classes") },
        { QStringLiteral("nodata_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "area without data") },
        { QStringLiteral("outside_ha"), QT_TRANSLATE_NOOP("ResultColumnLabels", "area outside the raster") },
    };
    return Labels::tr("%1: %2").arg(
      m.captured(1), QCoreApplication::translate("ResultColumnLabels", stats.value(m.captured(2))));
}

} // namespace

QString resultColumnLabel(const QString& name) {
    // The bound columns of a value (…_p2_5, _p50, _p97_5, _u95_pct, _u95_t) are labelled after it.
    static const QRegularExpression bound(QStringLiteral("^(.+)_(p2_5|p50|p97_5|u95_pct|u95_t)$"));
    if (const auto m = bound.match(name); m.hasMatch()) {
        const QString base = resultColumnLabel(m.captured(1));
        const QString b = m.captured(2);
        if (base == m.captured(1))
            return name;
        if (b == QLatin1String("p2_5"))
            return Labels::tr("%1, 2.5th percentile").arg(base);
        if (b == QLatin1String("p50"))
            return Labels::tr("%1, median").arg(base);
        if (b == QLatin1String("p97_5"))
            return Labels::tr("%1, 97.5th percentile").arg(base);
        if (b == QLatin1String("u95_pct"))
            return Labels::tr("%1, uncertainty").arg(base);
        return Labels::tr("%1, 95 % half-width").arg(base);
    }
    for (const QString& label :
         { fixedLabel(name), datedLabel(name), indicatorLabel(name), zonalLabel(name) })
        if (!label.isEmpty())
            return label;
    return name;
}

} // namespace tanhui::gui
