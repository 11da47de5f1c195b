// SPDX-License-Identifier: GPL-3.0-or-later
// The declared inputs' shared machinery (AnalysisSpec.h): defaults, validation, the project file and the
// command line. The declarations themselves are in Declarations*.cpp.
#include "models/analysis/AnalysisSpec.h"

#include "gis/Errors.h"
#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"
#include "models/analysis/ProjectKeys.h"
#include "models/gep/GepProject.h"
#include "models/gep/GepTables.h"
#include "models/params/ParameterTable.h"
#include "models/plans/PlanRun.h"
#include "models/project/Project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace tanhui::models::analysis {

namespace {

/// Translation context of the declarations and of this file's messages.
struct Analysis {
    Q_DECLARE_TR_FUNCTIONS(Analysis)
};

using params::Issue;
using params::Issues;

QString number(double v) {
    return QString::number(v, 'g', 16);
}

bool isList(const InputSpec& in) {
    return in.kind == InputKind::LayerList || in.kind == InputKind::RasterList ||
           in.kind == InputKind::MultiChoice || in.multiple;
}

/// A value counts as given when it is set and not empty.
bool isGiven(const InputSpec& in, const QVariant& v) {
    if (!v.isValid() || v.isNull())
        return false;
    if (isList(in))
        return !v.toStringList().isEmpty();
    if (in.kind == InputKind::Boolean)
        return true;
    return !v.toString().trimmed().isEmpty();
}

bool conditionHolds(const AnalysisSpec* spec, const Condition& c, const ParameterValues& values) {
    const InputSpec* other = spec ? spec->input(c.input) : nullptr;
    const QVariant v = values.value(c.input);
    if (c.values.isEmpty()) {
        // A Boolean holds when true (also for an input of an analysis not in the registry, e.g. a
        // test's, whose kind is known only from the value).
        if ((other && other->kind == InputKind::Boolean) || v.typeId() == QMetaType::Bool)
            return v.toBool();
        return other ? isGiven(*other, v) : !v.toString().isEmpty();
    }
    const QString text = other ? valueText(*other, v) : v.toString();
    return c.values.contains(text);
}

/// The analysis an input belongs to (conditions name inputs of the same analysis).
const AnalysisSpec* ownerOf(const InputSpec& input) {
    for (const AnalysisSpec& a : analyses())
        for (const InputSpec& i : a.inputs)
            if (&i == &input)
                return &a;
    return nullptr;
}

/// The parameter-table declaration of an InputSpec::tableRole.
const params::TableSpec* tableSpecOf(const QString& role) {
    if (role == QLatin1String("gep_prices"))
        return &gep::priceTableSpec();
    if (role == QLatin1String("gep_deflators"))
        return &gep::deflatorTableSpec();
    if (role == QLatin1String("gep_ecosystems"))
        return &gep::ecosystemTableSpec();
    if (role == QLatin1String("gep_parcel_inputs"))
        return &gep::parcelInputSpec();
    if (role == QLatin1String("gep_products"))
        return &gep::productSpec();
    return nullptr;
}

/// Range checks of a Number/Integer input without a scalar declaration (the rules of
/// params::validateScalar, in this file's context).
void checkRange(const InputSpec& in, double v, const QString& col, Issues& issues) {
    const QString label = in.translatedLabel();
    if (in.kind == InputKind::Integer && (v != std::floor(v) || v < in.min || v > in.max)) {
        issues.push_back({ Issue::Severity::Error,
                           {},
                           0,
                           col,
                           Analysis::tr("%1 must be a whole number from %2 to %3, not %4")
                             .arg(col, number(in.min), number(in.max), number(v)) });
        return;
    }
    if (v < in.min || v > in.max)
        issues.push_back({ Issue::Severity::Error,
                           {},
                           0,
                           col,
                           Analysis::tr("%1 is %2 %3, outside the valid range %4 to %5 %3")
                             .arg(label, number(v), in.unit, number(in.min), number(in.max)) });
    else if (v < in.usualMin || v > in.usualMax)
        issues.push_back({ Issue::Severity::Warning,
                           {},
                           0,
                           col,
                           Analysis::tr("%1 is %2 %3, outside the usual range %4 to %5 %3: accepted, but "
                                        "check it for a unit or sign mistake")
                             .arg(label, number(v), in.unit, number(in.usualMin), number(in.usualMax)) });
}

/// A layer input's value checked against the project: it exists, has the accepted kind and role, and
/// (rasters) opens with a CRS.
void checkLayer(const InputSpec& in,
                const QString& id,
                const QString& col,
                const Project& project,
                Issues& issues) {
    auto error = [&](const QString& message, const QString& file = {}) {
        issues.push_back({ Issue::Severity::Error, file, 0, col, message });
    };
    const ProjectLayer* layer = project.layer(id);
    if (!layer) {
        QStringList known;
        for (const ProjectLayer& l : project.layers)
            if ((in.kind == InputKind::RasterLayer || in.kind == InputKind::RasterList) ==
                  (l.kind == QLatin1String("raster")) &&
                (in.layerRoles.isEmpty() || in.layerRoles.contains(l.role)))
                known << l.id;
        error(Analysis::tr("%1: the project has no layer '%2' (layers that fit: %3)")
                .arg(in.translatedLabel(), id, known.isEmpty() ? Analysis::tr("none") : known.join(", ")));
        return;
    }
    const bool raster = in.kind == InputKind::RasterLayer || in.kind == InputKind::RasterList;
    if (layer->kind != (raster ? QLatin1String("raster") : QLatin1String("vector"))) {
        error(Analysis::tr("%1: layer '%2' is a %3 layer; a %4 layer is needed")
                .arg(in.translatedLabel(), id, layer->kind, raster ? "raster" : "vector"));
        return;
    }
    if (!in.layerRoles.isEmpty() && !in.layerRoles.contains(layer->role)) {
        error(Analysis::tr("%1: layer '%2' has the role '%3'; accepted roles: %4")
                .arg(in.translatedLabel(), id, layer->role, in.layerRoles.join(", ")));
        return;
    }
    if (!raster)
        return;
    const QString path = project.resolve(layer->path);
    try {
        const gis::RasterDataset ds(path.toStdString());
        if (!ds.info().crs.isValid())
            error(Analysis::tr("%1: raster layer '%2' has no coordinate reference system; assign one (e.g. "
                               "with gdal_edit.py -a_srs) so that it can be placed on the parcels")
                    .arg(in.translatedLabel(), id),
                  path);
    } catch (const gis::GisError& e) {
        error(QString::fromUtf8(e.what()), path);
    }
}

/// A Plan input's value: a plan of the project, whose own problems (models::plans::validatePlan: parcels,
/// target types, years) are listed too, so that Run stays disabled until the plan can run.
void checkPlan(const InputSpec& in,
               const QString& name,
               const QString& col,
               const Project& project,
               Issues& issues) {
    for (std::size_t i = 0; i < project.plans.size(); ++i)
        if (project.plans[i].name == name) {
            for (Issue issue : plans::validatePlan(project, i)) {
                if (issue.column.isEmpty())
                    issue.column = col;
                issues.push_back(issue);
            }
            return;
        }
    QStringList names;
    for (const ProjectPlan& p : project.plans)
        names << p.name;
    issues.push_back({ Issue::Severity::Error,
                       project.fileName(),
                       0,
                       col,
                       Analysis::tr("%1: the project has no plan '%2' (plans: %3)")
                         .arg(in.translatedLabel(),
                              name,
                              names.isEmpty() ? Analysis::tr("none; add one with File ▸ Restoration Plans…")
                                              : names.join(QStringLiteral(", "))) });
}

/// A Field input's value: a field of its parent layer (by the file's name or the layer's semantic name).
void checkField(const InputSpec& in,
                const QString& field,
                const ParameterValues& values,
                const QString& col,
                const Project& project,
                Issues& issues) {
    const QString layerId = values.value(in.parentInput).toString();
    const ProjectLayer* layer = project.layer(layerId);
    if (!layer || layer->kind != QLatin1String("vector"))
        return; // the parent's own check names the problem
    const QString real = layer->fields.value(field, field);
    const QString path = project.resolve(layer->path);
    try {
        // Decoded as the layer is everywhere else (a GBK shapefile without .cpg: the project's encoding).
        gis::VectorOpenOptions options;
        options.encodingOverride = layer->encoding.toStdString();
        const gis::VectorLayer v(path.toStdString(), options);
        if (v.fieldIndex(real) < 0) {
            QStringList names;
            for (const gis::FieldInfo& f : v.info().fields)
                names << f.name;
            issues.push_back({ Issue::Severity::Error,
                               path,
                               0,
                               col,
                               Analysis::tr("%1: layer '%2' has no field '%3' (fields: %4)")
                                 .arg(in.translatedLabel(), layerId, field, names.join(", ")) });
        }
    } catch (const gis::GisError& e) {
        issues.push_back({ Issue::Severity::Error, path, 0, col, QString::fromUtf8(e.what()) });
    }
}

/// Whether `dir` is a writable folder or can be created as one.
bool folderWritable(const QString& dir) {
    QFileInfo fi(dir);
    if (fi.exists())
        return fi.isDir() && fi.isWritable();
    QString parent = fi.absolutePath();
    while (!QFileInfo::exists(parent) && QDir(parent).cdUp())
        parent = QFileInfo(parent).absolutePath();
    const QFileInfo p(parent);
    return p.isDir() && p.isWritable();
}

} // namespace

QString InputSpec::translatedLabel() const {
    return QCoreApplication::translate("Analysis", label);
}

QString InputSpec::translatedHelp() const {
    return QCoreApplication::translate("Analysis", help);
}

QString InputSpec::optionName() const {
    if (!cliName.isEmpty())
        return cliName;
    QString name = id;
    return name.replace(QLatin1Char('_'), QLatin1Char('-'));
}

const InputSpec* AnalysisSpec::input(const QString& inputId) const {
    for (const InputSpec& i : inputs)
        if (i.id == inputId)
            return &i;
    return nullptr;
}

QString AnalysisSpec::translatedLabel() const {
    return QCoreApplication::translate("Analysis", label);
}

QString AnalysisSpec::translatedDescription() const {
    return QCoreApplication::translate("Analysis", description);
}

const AnalysisSpec* findAnalysis(const QString& id) {
    for (const AnalysisSpec& a : analyses())
        if (a.id == id)
            return &a;
    return nullptr;
}

QString valueText(const InputSpec& input, const QVariant& value) {
    if (!value.isValid() || value.isNull())
        return {};
    if (isList(input))
        return value.toStringList().join(QLatin1Char(','));
    switch (input.kind) {
        case InputKind::Boolean:
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case InputKind::Number:
        case InputKind::Integer: {
            bool ok = false;
            const double v = value.toDouble(&ok);
            return ok ? number(v) : value.toString();
        }
        default:
            return value.toString();
    }
}

bool isEnabled(const InputSpec& input, const ParameterValues& values) {
    return !input.enabledIf || conditionHolds(ownerOf(input), *input.enabledIf, values);
}

bool isRequired(const InputSpec& input, const ParameterValues& values) {
    if (!isEnabled(input, values))
        return false;
    return input.required || (input.requiredIf && conditionHolds(ownerOf(input), *input.requiredIf, values));
}

ParameterValues defaultValues(const AnalysisSpec& spec, const Project* project) {
    ParameterValues values;
    const QVariantMap stored = project ? project->analyses.values.value(spec.id) : QVariantMap();
    for (const InputSpec& in : spec.inputs) {
        QVariant v = in.defaultValue;
        if (project && !in.projectKey.isEmpty()) {
            const QVariant p = projectValue(*project, in.projectKey);
            if (p.isValid())
                v = p;
        } else if (stored.contains(in.id)) {
            v = stored.value(in.id);
        } else if (project && in.fromProject) {
            const QVariant p = in.fromProject(*project);
            if (p.isValid())
                v = p;
        }
        if (!v.isValid())
            continue;
        // Numbers are typed only when they convert; anything else (e.g. "threads": "many" in the file)
        // stays as written, so that validate() names it instead of it turning into 0.
        bool ok = false;
        if (in.kind == InputKind::Integer) {
            const qlonglong n = v.toLongLong(&ok);
            if (ok)
                v = QVariant(n);
        } else if (in.kind == InputKind::Number) {
            const double d = v.toDouble(&ok);
            if (ok)
                v = QVariant(d);
        } else if (isList(in))
            v = QVariant(v.toStringList());
        values.insert(in.id, v);
    }
    return values;
}

Issues validate(const AnalysisSpec& spec, const ParameterValues& values, const Project* project) {
    Issues issues;
    for (const InputSpec& in : spec.inputs) {
        if (!isEnabled(in, values))
            continue;
        const QString col = QStringLiteral("--") + in.optionName();
        auto error = [&](const QString& message, const QString& file = {}) {
            issues.push_back({ Issue::Severity::Error, file, 0, col, message });
        };
        const QVariant v = values.value(in.id);
        if (!isGiven(in, v)) {
            if (in.required)
                error(Analysis::tr("%1 is required").arg(in.translatedLabel()));
            else if (isRequired(in, values))
                error(Analysis::tr("%1 is required when --%2 is given")
                        .arg(in.translatedLabel(),
                             spec.input(in.requiredIf->input) ? spec.input(in.requiredIf->input)->optionName()
                                                              : in.requiredIf->input));
            continue;
        }
        const QString text = valueText(in, v);
        switch (in.kind) {
            case InputKind::Number:
            case InputKind::Integer: {
                bool ok = false;
                const double d = v.toDouble(&ok);
                if (!ok || !std::isfinite(d)) {
                    error(Analysis::tr("%1 must be a number in %2, not '%3'")
                            .arg(in.translatedLabel(), in.unit, text));
                    break;
                }
                if (in.scalar) {
                    const Issues si = params::validateScalar(*in.scalar, d, col);
                    issues.insert(issues.end(), si.begin(), si.end());
                } else {
                    checkRange(in, d, col, issues);
                }
                break;
            }
            case InputKind::Boolean:
                if (v.typeId() != QMetaType::Bool && text != QLatin1String("true") &&
                    text != QLatin1String("false"))
                    error(Analysis::tr("%1 must be true or false, not '%2'").arg(in.translatedLabel(), text));
                break;
            case InputKind::Choice: {
                QStringList known;
                for (const ChoiceSpec& c : in.choices)
                    known << c.value;
                if (!known.contains(text))
                    error(Analysis::tr("%1: unknown value '%2' (known: %3)")
                            .arg(in.translatedLabel(), text, known.join(QStringLiteral(", "))));
                break;
            }
            case InputKind::ParcelLayer:
            case InputKind::RasterLayer:
                if (project)
                    checkLayer(in, text, col, *project, issues);
                break;
            case InputKind::LayerList:
            case InputKind::RasterList:
                if (project)
                    for (const QString& id : v.toStringList())
                        checkLayer(in, id, col, *project, issues);
                break;
            case InputKind::MultiChoice: {
                QStringList known;
                for (const ChoiceSpec& c : in.choices)
                    known << c.value;
                for (const QString& item : v.toStringList())
                    if (!known.contains(item.trimmed()))
                        error(Analysis::tr("%1: unknown value '%2' (known: %3)")
                                .arg(in.translatedLabel(), item, known.join(QStringLiteral(", "))));
                break;
            }
            case InputKind::Field:
                if (project)
                    checkField(in, text, values, col, *project, issues);
                break;
            case InputKind::File:
            case InputKind::ParameterTable: {
                if (!project)
                    break;
                const QStringList paths = in.multiple ? v.toStringList() : QStringList{ text };
                for (QString path : paths) {
                    if (!in.noneValue.isEmpty() && path == in.noneValue)
                        continue;
                    if (in.multiple && path.contains(QLatin1Char('='))) // LAYER=FILE
                        path = path.mid(path.indexOf(QLatin1Char('=')) + 1);
                    const QString file = project->resolve(path);
                    if (!QFileInfo::exists(file)) {
                        error(Analysis::tr("%1: %2 does not exist").arg(in.translatedLabel(), file), file);
                        continue;
                    }
                    if (in.kind != InputKind::ParameterTable)
                        continue;
                    if (const params::TableSpec* ts = tableSpecOf(in.tableRole)) {
                        const params::LoadedTable t =
                          params::loadTable(*ts, file, params::Provenance::UserSupplied);
                        for (Issue i : t.issues) {
                            if (i.file.isEmpty())
                                i.file = file;
                            if (i.column.isEmpty())
                                i.column = col;
                            else // the table's column stays; the message names the option
                                i.message = col + QStringLiteral(": ") + i.message;
                            issues.push_back(i);
                        }
                    }
                }
                break;
            }
            case InputKind::OutputFolder:
                if (project && !folderWritable(project->resolve(text)))
                    error(Analysis::tr("%1: the folder %2 cannot be created or is not writable")
                            .arg(in.translatedLabel(), project->resolve(text)));
                break;
            case InputKind::Text:
                break;
            case InputKind::Plan:
                if (project)
                    checkPlan(in, text, col, *project, issues);
                break;
        }
        if (in.check) {
            const QString problem = in.check(text);
            if (!problem.isEmpty())
                error(Analysis::tr("%1: %2").arg(in.translatedLabel(), problem));
        }
    }
    return issues;
}

void storeInProject(const AnalysisSpec& spec, const ParameterValues& values, Project& project) {
    QVariantMap stored = project.analyses.values.value(spec.id);
    for (const InputSpec& in : spec.inputs) {
        const QVariant v = values.value(in.id);
        // A value equal to the declared default is kept only where the project already holds one: the
        // file does not freeze defaults (a later default reaches it) nor name them as the project's.
        // A value the project gives elsewhere (fromProject) is that input's default here.
        const QVariant elsewhere = in.fromProject ? in.fromProject(project) : QVariant();
        const QVariant fallback = elsewhere.isValid() ? elsewhere : in.defaultValue;
        const bool isDefault = fallback.isValid() && valueText(in, v) == valueText(in, fallback);
        const bool held =
          !in.projectKey.isEmpty() ? projectValue(project, in.projectKey).isValid() : stored.contains(in.id);
        const bool given = isGiven(in, v) && (!isDefault || held);
        if (!in.projectKey.isEmpty()) {
            setProjectValue(project, in.projectKey, given ? v : QVariant());
            continue;
        }
        if (given)
            stored.insert(in.id, isList(in) ? QVariant(v.toStringList()) : v);
        else
            stored.remove(in.id);
    }
    if (stored.isEmpty())
        project.analyses.values.remove(spec.id);
    else
        project.analyses.values.insert(spec.id, stored);
}

namespace {

QString cliValueName(const InputSpec& in) {
    if (!in.cliValueName.isEmpty())
        return in.cliValueName;
    switch (in.kind) {
        case InputKind::ParcelLayer:
        case InputKind::RasterLayer:
            return QStringLiteral("LAYER");
        case InputKind::LayerList:
        case InputKind::RasterList:
            return QStringLiteral("IDS");
        case InputKind::MultiChoice:
            return QStringLiteral("LIST");
        case InputKind::Field:
            return QStringLiteral("FIELD");
        case InputKind::Choice: {
            QStringList v;
            for (const ChoiceSpec& c : in.choices)
                v << c.value;
            return v.join(QLatin1Char('|'));
        }
        case InputKind::Number:
            return QStringLiteral("X");
        case InputKind::Integer:
            return QStringLiteral("N");
        case InputKind::File:
            return QStringLiteral("FILE");
        case InputKind::ParameterTable:
            return QStringLiteral("CSV");
        case InputKind::OutputFolder:
            return QStringLiteral("DIR");
        case InputKind::Plan:
            return QStringLiteral("NAME");
        case InputKind::Boolean:
        case InputKind::Text:
            break;
    }
    return QStringLiteral("TEXT");
}

/// The CLI help of an input: its help text, then unit, default and range.
QString cliHelp(const InputSpec& in) {
    QStringList notes;
    if (!in.unit.isEmpty())
        notes << Analysis::tr("unit: %1").arg(in.unit);
    if (in.defaultValue.isValid() && in.kind != InputKind::Boolean)
        notes << Analysis::tr("default: %1").arg(valueText(in, in.defaultValue));
    if (in.kind == InputKind::Number || in.kind == InputKind::Integer) {
        const double lo = in.scalar ? in.scalar->min : in.min, hi = in.scalar ? in.scalar->max : in.max;
        if (lo > -1e300 || hi < 1e300)
            notes << Analysis::tr("range: %1 to %2").arg(number(lo), number(hi));
    }
    if (!in.projectKey.isEmpty())
        notes << Analysis::tr("project: %1").arg(in.projectKey);
    QString text = in.translatedHelp();
    if (!notes.isEmpty())
        text += QStringLiteral(" [") + notes.join(QStringLiteral("; ")) + QLatin1Char(']');
    return text;
}

} // namespace

void addCliOptions(QCommandLineParser& parser, const AnalysisSpec& spec) {
    for (const InputSpec& in : spec.inputs) {
        if (in.kind == InputKind::Boolean)
            parser.addOption(QCommandLineOption(in.optionName(), cliHelp(in)));
        else
            parser.addOption(QCommandLineOption(in.optionName(), cliHelp(in), cliValueName(in)));
    }
}

ParameterValues parseCli(const QCommandLineParser& parser,
                         const AnalysisSpec& spec,
                         const ParameterValues& base,
                         Issues& issues) {
    ParameterValues values = base;
    for (const InputSpec& in : spec.inputs) {
        const QString name = in.optionName();
        if (!parser.isSet(name))
            continue;
        const QString text = parser.value(name).trimmed();
        const QString col = QStringLiteral("--") + name;
        switch (in.kind) {
            case InputKind::Boolean:
                values.insert(in.id, true);
                break;
            case InputKind::LayerList:
            case InputKind::RasterList:
            case InputKind::MultiChoice:
                values.insert(in.id, text.split(QLatin1Char(','), Qt::SkipEmptyParts));
                break;
            case InputKind::Number:
            case InputKind::Integer: {
                bool ok = false;
                const double d = text.toDouble(&ok);
                if (!ok || !std::isfinite(d)) {
                    const QString label = in.scalar ? in.scalar->translatedLabel() : in.translatedLabel();
                    const QString unit = in.scalar ? QString::fromUtf8(in.scalar->unit) : in.unit;
                    issues.push_back(
                      { Issue::Severity::Error,
                        {},
                        0,
                        col,
                        unit.isEmpty()
                          ? Analysis::tr("%1 must be a number, not '%2'").arg(label, text)
                          : Analysis::tr("%1 must be a number in %2, not '%3'").arg(label, unit, text) });
                    values.remove(in.id);
                    break;
                }
                if (in.kind == InputKind::Integer && d == std::floor(d) && std::fabs(d) < 9.1e18)
                    values.insert(in.id, qlonglong(d));
                else
                    values.insert(in.id, d);
                break;
            }
            default:
                if (in.multiple)
                    values.insert(in.id, parser.values(name));
                else
                    values.insert(in.id, parser.value(name));
                break;
        }
    }
    return values;
}

} // namespace tanhui::models::analysis
