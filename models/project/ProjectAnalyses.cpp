// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/project/ProjectAnalyses.h"

#include "gis/Errors.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tanhui::models {

namespace {

/// Translation context of the project file's messages (as Project.cpp).
struct ProjectFile {
    Q_DECLARE_TR_FUNCTIONS(ProjectFile)
};

[[noreturn]] void bad(const QString& file, const QString& what) {
    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                        ProjectFile::tr("Project file %1: %2").arg(file, what).toStdString(),
                        file.toStdString());
}

bool isTextArray(const QJsonValue& v) {
    if (!v.isArray())
        return false;
    for (const QJsonValue& e : v.toArray())
        if (!e.isString())
            return false;
    return true;
}

} // namespace

ProjectAnalyses analysesFromJson(const QString& file, const QJsonValue& value) {
    ProjectAnalyses a;
    if (value.isUndefined() || value.isNull())
        return a;
    if (!value.isObject())
        bad(file,
            ProjectFile::tr("\"analyses\" must be a JSON object of analyses, e.g. {\"gep\": {\"out\": "
                            "\"gep_out\"}}"));
    const QJsonObject root = value.toObject();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!it.value().isObject())
            bad(file, ProjectFile::tr("analyses.%1 must be an object of input values").arg(it.key()));
        const QJsonObject inputs = it.value().toObject();
        QVariantMap values;
        for (auto in = inputs.begin(); in != inputs.end(); ++in) {
            const QJsonValue& v = in.value();
            if (!(v.isString() || v.isDouble() || v.isBool() || isTextArray(v)))
                bad(file,
                    ProjectFile::tr("analyses.%1.%2 must be a text, a number, true/false or a list of texts")
                      .arg(it.key(), in.key()));
            values.insert(in.key(), v.isArray() ? QVariant(v.toVariant().toStringList()) : v.toVariant());
        }
        if (!values.isEmpty())
            a.values.insert(it.key(), values);
    }
    return a;
}

QJsonObject analysesToJson(const ProjectAnalyses& analyses) {
    QJsonObject root;
    for (auto it = analyses.values.begin(); it != analyses.values.end(); ++it) {
        QJsonObject o;
        for (auto in = it.value().begin(); in != it.value().end(); ++in) {
            const QVariant& v = in.value();
            if (v.typeId() == QMetaType::QStringList)
                o.insert(in.key(), QJsonArray::fromStringList(v.toStringList()));
            else
                o.insert(in.key(), QJsonValue::fromVariant(v));
        }
        if (!o.isEmpty())
            root.insert(it.key(), o);
    }
    return root;
}

} // namespace tanhui::models
