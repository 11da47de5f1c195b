// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/project/ProjectPlans.h"

#include "gis/Errors.h"
#include "models/project/JsonNumbers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace tanhui::models {

namespace {

struct ProjectPlansFile {
    Q_DECLARE_TR_FUNCTIONS(ProjectPlansFile)
};

[[noreturn]] void bad(const QString& file, const QString& what) {
    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                        ProjectPlansFile::tr("Project file %1: %2").arg(file, what).toStdString(),
                        file.toStdString());
}

QString shown(const QJsonValue& v) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{ v }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

int wholeYear(const QString& file, const QString& key, const QJsonValue& v) {
    const std::optional<int> y = wholeJsonNumber<int>(v);
    if (!y || *y < 1900 || *y > 2200)
        bad(file,
            ProjectPlansFile::tr("%1 must be a year (a whole number from 1900 to 2200), not %2")
              .arg(key, shown(v)));
    return *y;
}

QString textOf(const QString& file, const QString& key, const QJsonValue& v) {
    if (!v.isUndefined() && !v.isString())
        bad(file, ProjectPlansFile::tr("%1 must be a text, not %2").arg(key, shown(v)));
    return v.toString().trimmed();
}

} // namespace

std::vector<ProjectPlan> plansFromJson(const QString& file, const QJsonValue& value) {
    std::vector<ProjectPlan> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray())
        bad(file, ProjectPlansFile::tr("\"plans\" must be a JSON array of plan objects"));
    static const QStringList planKeys = { QStringLiteral("name"),
                                          QStringLiteral("description"),
                                          QStringLiteral("horizon_year"),
                                          QStringLiteral("changes") };
    static const QStringList changeKeys = { QStringLiteral("layer"),      QStringLiteral("parcels"),
                                            QStringLiteral("plan_layer"), QStringLiteral("target"),
                                            QStringLiteral("start_year"), QStringLiteral("growth_type") };
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("plans[%1]").arg(i);
        if (!array.at(i).isObject())
            bad(file, ProjectPlansFile::tr("%1 must be a JSON object").arg(at));
        const QJsonObject o = array.at(i).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!planKeys.contains(it.key()))
                bad(file,
                    ProjectPlansFile::tr("%1.%2 is not a known key (known: %3)")
                      .arg(at, it.key(), planKeys.join(QStringLiteral(", "))));
        ProjectPlan plan;
        plan.name = textOf(file, at + QStringLiteral(".name"), o.value(QLatin1String("name")));
        if (plan.name.isEmpty())
            bad(file, ProjectPlansFile::tr("%1.name must be a non-empty text").arg(at));
        for (const ProjectPlan& other : out)
            if (other.name == plan.name)
                bad(file,
                    ProjectPlansFile::tr("%1.name: another plan is already named \"%2\"").arg(at, plan.name));
        plan.description =
          textOf(file, at + QStringLiteral(".description"), o.value(QLatin1String("description")));
        if (o.contains(QLatin1String("horizon_year")))
            plan.horizonYear =
              wholeYear(file, at + QStringLiteral(".horizon_year"), o.value(QLatin1String("horizon_year")));
        const QJsonValue changes = o.value(QLatin1String("changes"));
        if (!changes.isUndefined() && !changes.isArray())
            bad(file, ProjectPlansFile::tr("%1.changes must be an array of objects").arg(at));
        const QJsonArray ca = changes.toArray();
        for (qsizetype j = 0; j < ca.size(); ++j) {
            const QString cat = at + QStringLiteral(".changes[%1]").arg(j);
            if (!ca.at(j).isObject())
                bad(file, ProjectPlansFile::tr("%1 must be a JSON object").arg(cat));
            const QJsonObject co = ca.at(j).toObject();
            for (auto it = co.begin(); it != co.end(); ++it)
                if (!changeKeys.contains(it.key()))
                    bad(file,
                        ProjectPlansFile::tr("%1.%2 is not a known key (known: %3)")
                          .arg(cat, it.key(), changeKeys.join(QStringLiteral(", "))));
            ProjectPlanChange c;
            c.layer = textOf(file, cat + QStringLiteral(".layer"), co.value(QLatin1String("layer")));
            c.planLayer =
              textOf(file, cat + QStringLiteral(".plan_layer"), co.value(QLatin1String("plan_layer")));
            c.target = textOf(file, cat + QStringLiteral(".target"), co.value(QLatin1String("target")));
            c.growthType =
              textOf(file, cat + QStringLiteral(".growth_type"), co.value(QLatin1String("growth_type")));
            const QJsonValue parcels = co.value(QLatin1String("parcels"));
            if (!parcels.isUndefined() && !parcels.isArray())
                bad(file,
                    ProjectPlansFile::tr("%1.parcels must be an array of parcel ids (texts or numbers)")
                      .arg(cat));
            for (const QJsonValue& p : parcels.toArray()) {
                if (p.isString())
                    c.parcels << p.toString();
                else if (const std::optional<qint64> id = wholeJsonNumber<qint64>(p))
                    c.parcels << QString::number(*id);
                else
                    bad(
                      file,
                      ProjectPlansFile::tr("%1.parcels must hold parcel ids (texts or whole numbers), not %2")
                        .arg(cat, shown(p)));
            }
            if (c.layer.isEmpty() == c.planLayer.isEmpty())
                bad(file,
                    ProjectPlansFile::tr("%1 needs either \"layer\" (with \"parcels\") or \"plan_layer\" (a "
                                         "polygon file), not both or neither")
                      .arg(cat));
            if (!c.planLayer.isEmpty() && !c.parcels.isEmpty())
                bad(file,
                    ProjectPlansFile::tr("%1.parcels: a plan layer's features are the parcels; leave "
                                         "\"parcels\" out")
                      .arg(cat));
            if (c.target.isEmpty())
                bad(
                  file,
                  ProjectPlansFile::tr("%1.target must name an ecosystem type, e.g. \"mangrove\"").arg(cat));
            if (!co.contains(QLatin1String("start_year")))
                bad(file, ProjectPlansFile::tr("%1.start_year is missing (the planting year)").arg(cat));
            c.startYear =
              wholeYear(file, cat + QStringLiteral(".start_year"), co.value(QLatin1String("start_year")));
            plan.changes.push_back(c);
        }
        out.push_back(plan);
    }
    return out;
}

QJsonArray plansToJson(const std::vector<ProjectPlan>& plans) {
    QJsonArray array;
    for (const ProjectPlan& p : plans) {
        QJsonObject o;
        o.insert(QLatin1String("name"), p.name);
        if (!p.description.isEmpty())
            o.insert(QLatin1String("description"), p.description);
        if (p.horizonYear)
            o.insert(QLatin1String("horizon_year"), *p.horizonYear);
        QJsonArray changes;
        for (const ProjectPlanChange& c : p.changes) {
            QJsonObject co;
            if (!c.layer.isEmpty()) {
                co.insert(QLatin1String("layer"), c.layer);
                co.insert(QLatin1String("parcels"), QJsonArray::fromStringList(c.parcels));
            } else {
                co.insert(QLatin1String("plan_layer"), c.planLayer);
            }
            co.insert(QLatin1String("target"), c.target);
            co.insert(QLatin1String("start_year"), c.startYear);
            if (!c.growthType.isEmpty())
                co.insert(QLatin1String("growth_type"), c.growthType);
            changes.append(co);
        }
        o.insert(QLatin1String("changes"), changes);
        array.append(o);
    }
    return array;
}

} // namespace tanhui::models
