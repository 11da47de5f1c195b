// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/params/Parameter.h"

#include <QCoreApplication>

#include <cmath>
#include <cstring>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

namespace tanhui::models::params {

namespace {
/// Translation context of this file's user-facing strings.
struct Parameters {
    Q_DECLARE_TR_FUNCTIONS(Parameters)
};
QString number(double v) {
    return QString::number(v, 'g', 12);
}
} // namespace

QString tagName(Tag tag) {
    switch (tag) {
        case Tag::Verified:
            return QStringLiteral("verified");
        case Tag::Secondary:
            return QStringLiteral("secondary");
        case Tag::Unconfirmed:
            return QStringLiteral("unconfirmed");
        case Tag::Example:
            return QStringLiteral("example");
        case Tag::User:
            return QStringLiteral("user");
    }
    return {};
}

std::optional<Tag> parseTag(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (Tag tag : { Tag::Verified, Tag::Secondary, Tag::Unconfirmed, Tag::Example, Tag::User })
        if (t == tagName(tag))
            return tag;
    return std::nullopt;
}

QString tagLabel(Tag tag) {
    switch (tag) {
        case Tag::Verified:
            return Parameters::tr("verified");
        case Tag::Secondary:
            return Parameters::tr("secondary");
        case Tag::Unconfirmed:
            return Parameters::tr("unconfirmed");
        case Tag::Example:
            return Parameters::tr("example");
        case Tag::User:
            return Parameters::tr("user");
    }
    return {};
}

QString tagDescription(Tag tag) {
    switch (tag) {
        case Tag::Verified:
            return Parameters::tr("taken from the named primary source");
        case Tag::Secondary:
            return Parameters::tr("quoted by a secondary source; confirm against the primary table");
        case Tag::Unconfirmed:
            return Parameters::tr(
              "widely reproduced value; its primary table still has to be transcribed and "
              "cited");
        case Tag::Example:
            return Parameters::tr("illustrative value, not a default");
        case Tag::User:
            return Parameters::tr("user-supplied");
    }
    return {};
}

bool isFlagged(Tag tag) {
    return tag == Tag::Secondary || tag == Tag::Unconfirmed || tag == Tag::Example;
}

QString Issue::toString() const {
    QStringList parts;
    if (!file.isEmpty())
        parts << file;
    if (row > 0)
        parts << Parameters::tr("row %1").arg(row);
    if (!column.isEmpty())
        parts << Parameters::tr("column %1").arg(column);
    const QString where = parts.join(QStringLiteral(", "));
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

bool hasErrors(const Issues& issues) {
    for (const Issue& i : issues)
        if (i.isError())
            return true;
    return false;
}

void removeDuplicates(Issues& issues) {
    std::set<std::tuple<int, QString, int, QString, QString>> seen;
    Issues kept;
    kept.reserve(issues.size());
    for (Issue& issue : issues)
        if (seen.insert({ int(issue.severity), issue.file, issue.row, issue.column, issue.message }).second)
            kept.push_back(std::move(issue));
    issues = std::move(kept);
}

QString ParameterSpec::translatedLabel() const {
    return QCoreApplication::translate("Parameters", label);
}

Issues validateScalar(const ParameterSpec& spec, double value, const QString& where, const QString& file) {
    Issues issues;
    auto add = [&](Issue::Severity s, const QString& message) {
        issues.push_back({ s, file, 0, where, message });
    };
    const QString unit = QString::fromUtf8(spec.unit);
    if (!std::isfinite(value)) {
        add(Issue::Severity::Error, Parameters::tr("%1 must be a finite number").arg(spec.translatedLabel()));
        return issues;
    }
    if (spec.integer && value != std::floor(value))
        add(Issue::Severity::Error,
            Parameters::tr("%1 must be a whole number, not %2").arg(spec.translatedLabel(), number(value)));
    if (value < spec.min && spec.max >= 1e300) // no upper bound: "1e+300" would say nothing
        add(Issue::Severity::Error,
            Parameters::tr("%1 is %2 %3; it must be at least %4 %3")
              .arg(spec.translatedLabel(), number(value), unit, number(spec.min)));
    else if (value > spec.max && spec.min <= -1e300)
        add(Issue::Severity::Error,
            Parameters::tr("%1 is %2 %3; it must be at most %4 %3")
              .arg(spec.translatedLabel(), number(value), unit, number(spec.max)));
    else if (value < spec.min || value > spec.max)
        add(Issue::Severity::Error,
            Parameters::tr("%1 is %2 %3, outside the valid range %4 to %5 %3")
              .arg(spec.translatedLabel(), number(value), unit, number(spec.min), number(spec.max)));
    else if (value < spec.usualMin || value > spec.usualMax)
        add(
          Issue::Severity::Warning,
          Parameters::tr("%1 is %2 %3, outside the usual range %4 to %5 %3: accepted, but check it for a "
                         "unit or sign mistake")
            .arg(spec.translatedLabel(), number(value), unit, number(spec.usualMin), number(spec.usualMax)));
    if (spec.percent && value != 0 && std::fabs(value) < 1)
        add(Issue::Severity::Warning,
            Parameters::tr(
              "%1 is %2 %; percentages are written as percent (7 means 7 %), so %2 looks like a fraction "
              "(did you mean %3?)")
              .arg(spec.translatedLabel(), number(value), number(value * 100)));
    return issues;
}

Issues checkYearsAscending(const std::vector<int>& years, const QStringList& labels) {
    Issues issues;
    for (std::size_t i = 1; i < years.size(); ++i)
        if (years[i] <= years[i - 1])
            issues.push_back(
              { Issue::Severity::Error,
                i < std::size_t(labels.size()) ? labels[qsizetype(i)] : QString(),
                0,
                Parameters::tr("year"),
                Parameters::tr("years out of order: %1 comes after %2; dates must be given from the "
                               "earliest to the latest, each year once")
                  .arg(years[i])
                  .arg(years[i - 1]) });
    return issues;
}

const ParameterSpec& specById(const std::vector<ParameterSpec>& specs, const char* id, const char* group) {
    for (const ParameterSpec& s : specs)
        if (std::strcmp(s.id, id) == 0)
            return s;
    throw std::invalid_argument(std::string("unknown ") + group + " parameter " + id);
}

} // namespace tanhui::models::params
