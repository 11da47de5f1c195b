// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tanhui::models::params {

/// @brief Evidence tag of a parameter value (carbon-methods.md "Evidence tags"). `User` marks a value
/// supplied by the user (an override or a user table); reports list it as "user-supplied"
/// ("How the app should use this", item 5).
enum class Tag { Verified, Secondary, Unconfirmed, Example, User };

/// The tag as written in CSV files: "verified", "secondary", "unconfirmed", "example", "user".
QString tagName(Tag tag);
/// Parses a CSV tag (case-insensitive, surrounding blanks ignored); nullopt when unknown.
std::optional<Tag> parseTag(const QString& text);
/// The tag as a translated word (context "Parameters"), e.g. "unconfirmed" / "待核实", for forms and reports.
QString tagLabel(Tag tag);
/// Translated meaning of a tag for reports and the parameter editor (context "Parameters"), shown next to
/// tagName(), so it does not repeat the tag word.
QString tagDescription(Tag tag);
/// Tags whose values must be flagged in every output that uses them (secondary, unconfirmed, example).
bool isFlagged(Tag tag);

/// @brief A problem found while loading or validating parameters, located as precisely as possible:
/// the file, the 1-based line (the header is row 1; 0 when the problem concerns the whole file or a
/// command-line value) and the column name (empty when the problem concerns a whole row or file).
struct Issue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;
    int row = 0;
    QString column;
    QString message; ///< complete, translated sentence

    bool isError() const { return severity == Severity::Error; }
    /// "file, row 3, column c_soil: message" (the parts that are known).
    QString toString() const;
};
using Issues = std::vector<Issue>;
bool hasErrors(const Issues& issues);
/// Removes issues equal to an earlier one (same severity, file, row, column and message), keeping the
/// order of first appearance.
void removeDuplicates(Issues& issues);

/// @brief Declaration of one scalar parameter of a method: read by the CLI (help, validation), the GUI
/// forms and the reports, so that each parameter is described exactly once.
struct ParameterSpec {
    const char* id = "";    ///< stable identifier, also the CLI option name, e.g. "discount_rate"
    const char* label = ""; ///< English label marked with QT_TRANSLATE_NOOP("Parameters", ...)
    const char* unit = "";  ///< e.g. "t C/ha", "%", "CNY/t C", "year"
    double min = -1e300;    ///< valid range, inclusive
    double max = 1e300;
    /// The usual range, inclusive: a valid value outside it is accepted with a warning (e.g. a negative
    /// discount rate, allowed by carbon-methods.md §1.1 but mostly a sign mistake).
    double usualMin = -1e300;
    double usualMax = 1e300;
    std::optional<double> defaultValue; ///< none: the user must give a value
    const char* source = "";            ///< where the default or the rule comes from
    Tag tag = Tag::Example;             ///< evidence tag of the default
    bool percent = false; ///< a percentage (7 means 7 %): a value in (−1, 1) is flagged as a fraction
    bool integer = false; ///< must be a whole number (years)

    /// The label translated in context "Parameters".
    QString translatedLabel() const;
};

/// @brief Checks a scalar value against its declaration: range, whole number, a warning outside the
/// usual range, and (for percentages) a warning when |value| < 1 and value ≠ 0, which usually means a
/// fraction was given where a percent was expected (0.07 instead of 7). `where` names the origin (e.g.
/// "--discount") and becomes the issue's column; `file` is empty for command-line values.
Issues validateScalar(const ParameterSpec& spec,
                      double value,
                      const QString& where,
                      const QString& file = {});

/// @brief Years must be strictly increasing (carbon-methods.md §1.1: "The baseline year must be earlier
/// than the alternate year"). `labels` name each year's origin (e.g. the file), same size as `years`.
Issues checkYearsAscending(const std::vector<int>& years, const QStringList& labels);

/// The spec whose id is `id` in `specs`; std::invalid_argument naming `group` when there is none
/// (a programming error: ids are literals in the code).
const ParameterSpec& specById(const std::vector<ParameterSpec>& specs, const char* id, const char* group);

} // namespace tanhui::models::params
