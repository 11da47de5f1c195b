// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ResultLayer.h"

#include "app/gui/LayerLoader.h"
#include "app/gui/ResultTableModel.h"
#include "gis/Errors.h"
#include "render/QgisStyle.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace tanhui::gui {

namespace {

struct ResultLayerText {
    Q_DECLARE_TR_FUNCTIONS(ResultLayerText)
};

} // namespace

ResultLayerField resultLayerField(const QStringList& fields, ResultQuantity quantity) {
    ResultLayerField out;
    switch (quantity) {
        case ResultQuantity::StockDensity: {
            static const QRegularExpression density(QStringLiteral("^c_total_t_per_ha_(\\d{4})$"));
            int year = -1;
            for (const QString& f : fields) {
                if (const auto m = density.match(f); m.hasMatch() && m.captured(1).toInt() > year) {
                    year = m.captured(1).toInt();
                    out.field = f;
                }
            }
            out.unit = QStringLiteral("t C/ha");
            out.title = ResultLayerText::tr("Carbon stock density %1 (t C/ha)").arg(year);
            break;
        }
        case ResultQuantity::Change: {
            static const QRegularExpression change(QStringLiteral("^change_tco2e_(\\d{4})_(\\d{4})$"));
            int span = -1, first = 0, last = 0;
            for (const QString& f : fields) {
                if (const auto m = change.match(f); m.hasMatch()) {
                    const int a = m.captured(1).toInt(), b = m.captured(2).toInt();
                    if (b - a > span) {
                        span = b - a;
                        first = a;
                        last = b;
                        out.numerator = f;
                    }
                }
            }
            if (span >= 0 && fields.contains(QStringLiteral("area_ha"))) {
                out.denominator = QStringLiteral("area_ha");
                out.field = QStringLiteral("change_tco2e_per_ha_%1_%2").arg(first).arg(last);
            } else {
                out.numerator.clear();
            }
            out.unit = QStringLiteral("t CO2e/ha");
            out.title = ResultLayerText::tr("Carbon stock change %1–%2 (t CO2e/ha)").arg(first).arg(last);
            out.diverging = true;
            break;
        }
        case ResultQuantity::GepPerHa:
            if (fields.contains(QStringLiteral("gep_cny_per_ha")))
                out.field = QStringLiteral("gep_cny_per_ha");
            out.unit = QStringLiteral("CNY/ha");
            out.title = ResultLayerText::tr("GEP per hectare (CNY/ha)");
            break;
        case ResultQuantity::PlanDifference:
            if (fields.contains(QStringLiteral("diff_total_t")))
                out.field = QStringLiteral("diff_total_t");
            out.unit = QStringLiteral("t C");
            out.title = ResultLayerText::tr("Carbon difference, plan − baseline (t C)");
            out.diverging = true;
            break;
    }
    return out;
}

LayerEntry loadResultLayer(const QString& gpkg, ResultQuantity quantity, const gis::Crs& mapCrs) {
    LayerEntry entry = LayerLoader::loadVector(gpkg);
    QStringList fields;
    for (const gis::FieldInfo& f : entry.vector.fields)
        fields << f.name;
    const ResultLayerField how = resultLayerField(fields, quantity);
    if (how.field.isEmpty())
        throw gis::GisError(
          gis::GisError::Kind::InvalidArgument,
          ResultLayerText::tr("%1 has no field for %2: open a carbon parcels.gpkg (stock density "
                              "and change), a GEP parcels_<layer>.gpkg (GEP per hectare) or a plan's "
                              "plan_parcels.gpkg (difference).")
            .arg(gpkg, how.title)
            .toStdString(),
          gpkg.toStdString());
    std::shared_ptr<const render::VectorSource> source =
      render::VectorSource::load(gpkg.toStdString(), {}, mapCrs.isValid() ? mapCrs : entry.vector.crs);
    // A carbon parcel has one row per method that computed it; only the primary one (primary = 1) is
    // drawn, the others would cover it with another method's value.
    const int primary = source->fieldIndex(QStringLiteral("primary"));
    auto drawn = [&](std::size_t f) { return primary < 0 || source->attribute(f, primary).toInt() == 1; };
    std::vector<double> values;
    values.reserve(source->size());
    if (!how.numerator.isEmpty()) {
        // Change per hectare: the parcel's t CO2e (CO2 = C × 44/12, positive = removal; carbon-methods.md
        // §0) over its area, so parcels of any size compare on one diverging scale.
        const int num = source->fieldIndex(how.numerator), den = source->fieldIndex(how.denominator);
        std::vector<QVariant> derived(source->size());
        for (std::size_t f = 0; f < source->size(); ++f) {
            const QVariant& n = source->attribute(f, num);
            const double area = source->attribute(f, den).toDouble();
            if (!n.isNull() && area > 0 && drawn(f)) {
                derived[f] = n.toDouble() / area;
                values.push_back(n.toDouble() / area);
            }
        }
        source = source->withField(how.field, QStringLiteral("Real"), derived);
    } else {
        const int c = source->fieldIndex(how.field);
        std::vector<QVariant> shown(source->size());
        for (std::size_t f = 0; f < source->size(); ++f) {
            const QVariant& v = source->attribute(f, c);
            if (!v.isNull() && std::isfinite(v.toDouble()) && drawn(f)) {
                values.push_back(v.toDouble());
                shown[f] = v;
            }
        }
        if (primary >= 0)
            source = source->withField(how.field, QStringLiteral("Real"), shown);
    }
    const int decimals = quantity == ResultQuantity::GepPerHa ? 0 : 1;
    render::VectorStyle style =
      render::resultLayerStyle(how.field, values, how.diverging, how.diverging ? 6 : 5, decimals);
    if (quantity == ResultQuantity::GepPerHa) {
        // The report's GEP map ramp (ReportBuilder: GEP per hectare on "viridis").
        const render::ColorRamp ramp = render::ColorRamp::named(QStringLiteral("viridis"));
        for (std::size_t i = 0; i < style.ranges.size(); ++i)
            style.ranges[i].symbol.fill = ramp.at((double(i) + 0.5) / double(style.ranges.size()));
    }
    for (render::VectorRange& r : style.ranges)
        r.label = ResultLayerText::tr("%1 – %2 %3")
                    .arg(ResultTableModel::formatNumber(r.lower, how.unit),
                         ResultTableModel::formatNumber(r.upper, how.unit),
                         how.unit);
    entry.displayName = QStringLiteral("%1 — %2").arg(how.title, QFileInfo(gpkg).fileName());
    entry.role = QStringLiteral("result");
    entry.map.vector = std::move(source);
    entry.map.vectorStyle = std::move(style);
    entry.map.id = entry.displayName;
    return entry;
}

std::vector<std::pair<QString, QList<qint64>>> parcelsOfFeatures(const render::VectorSource& source,
                                                                 const QString& projectId,
                                                                 const std::vector<std::uint32_t>& features) {
    std::map<QString, QList<qint64>> byLayer;
    const int layerField = source.fieldIndex(QStringLiteral("layer"));
    const int fidField = source.fieldIndex(QStringLiteral("source_fid"));
    if (layerField >= 0 && fidField >= 0) {
        for (std::uint32_t f : features)
            byLayer[source.attribute(f, layerField).toString()].push_back(
              source.attribute(f, fidField).toLongLong());
    } else if (!projectId.isEmpty()) {
        QList<qint64>& fids = byLayer[projectId];
        for (std::uint32_t f : features)
            fids.push_back(source.fid(f));
    }
    return { byLayer.begin(), byLayer.end() };
}

std::vector<std::uint32_t> featuresOfParcels(const render::VectorSource& source,
                                             const QString& projectId,
                                             const QString& layer,
                                             const QList<qint64>& fids,
                                             bool* handled) {
    const QSet<qint64> wanted(fids.begin(), fids.end());
    std::vector<std::uint32_t> out;
    const int layerField = source.fieldIndex(QStringLiteral("layer"));
    const int fidField = source.fieldIndex(QStringLiteral("source_fid"));
    const bool resultLayer = layerField >= 0 && fidField >= 0;
    if (handled)
        *handled = resultLayer || (!projectId.isEmpty() && projectId == layer);
    if (resultLayer) {
        for (std::size_t f = 0; f < source.size(); ++f)
            if (source.attribute(f, layerField).toString() == layer &&
                wanted.contains(source.attribute(f, fidField).toLongLong()))
                out.push_back(std::uint32_t(f));
    } else if (!projectId.isEmpty() && projectId == layer) {
        for (std::size_t f = 0; f < source.size(); ++f)
            if (wanted.contains(source.fid(f)))
                out.push_back(std::uint32_t(f));
    }
    return out;
}

} // namespace tanhui::gui
