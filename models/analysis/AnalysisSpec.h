// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Declared inputs of the analyses (issue 10, "Declared inputs"; issue 13, "Analyses").
//
// Each analysis (the carbon project run, GEP, the GEP scenario, zonal statistics, ...) declares its
// inputs once, here, in the manner of InVEST's model specs and QGIS's processing parameter
// definitions (../shared/reference/style.md): typed, with a translatable label and help, unit,
// default, valid and usual ranges, the default's source and evidence tag, and conditions. The one
// declaration
//   - generates the CLI's options and --help (addCliOptions, parseCli),
//   - validates a parameter set, listing every problem at once (validate),
//   - is what the project file stores (projectKey; storeInProject / defaultValues),
//   - builds the desktop app's analysis dialogs (app/gui/AnalysisDialog),
//   - is what a report prints as "parameters used".
// run() then turns a project and a validated parameter set into a result set (ResultSet.h).

#include "models/analysis/ResultSet.h"
#include "models/params/Parameter.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <functional>
#include <optional>
#include <vector>

class QCommandLineParser;

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models {
class Project;
}

namespace tanhui::models::analysis {

/// What kind of value an input takes (and so which editor the app shows and how the CLI parses it).
enum class InputKind {
    ParcelLayer,    ///< a vector layer of the project (value: layer id, QString)
    LayerList,      ///< several vector layers of the project (value: QStringList of layer ids; empty: all)
    RasterLayer,    ///< a raster layer of the project (value: layer id)
    Field,          ///< a field of the layer chosen in InputSpec::parentInput (value: field name)
    Choice,         ///< one of InputSpec::choices (value: the choice's value, QString)
    Number,         ///< a real number in InputSpec::unit (value: double)
    Integer,        ///< a whole number (years, iterations, threads; value: int or qlonglong)
    Boolean,        ///< a flag (value: bool; CLI: an option without value)
    File,           ///< an existing input file (value: path; relative paths are relative to the project file)
    ParameterTable, ///< a parameter table CSV of role InputSpec::tableRole (value: path; empty: built-in)
    OutputFolder,   ///< a folder the run writes (value: path)
    Text,           ///< free text (value: QString)
    Plan,           ///< a restoration plan of the project's "plans" section (value: its name)
    RasterList,     ///< several raster layers of the project (value: QStringList of layer ids)
    MultiChoice,    ///< several of InputSpec::choices (value: QStringList; CLI: comma-separated)
};

/// One choice of a Choice input.
struct ChoiceSpec {
    QString value;          ///< as stored and given on the command line, e.g. "NDRC2022"
    const char* label = ""; ///< QT_TRANSLATE_NOOP("Analysis", ...)
};

/// A condition on another input's value: holds when that input's current value is one of `values`
/// (compared as text; "true"/"false" for Boolean inputs); with `values` empty, when it is set
/// (non-empty, or true for a Boolean).
struct Condition {
    QString input;
    QStringList values;
};

/// @brief One declared input of an analysis.
struct InputSpec {
    QString id; ///< stable id: key in ParameterValues, e.g. "ac_days"
    InputKind kind = InputKind::Text;
    const char* label = ""; ///< English, QT_TRANSLATE_NOOP("Analysis", ...)
    const char* help = "";  ///< English, one or two sentences, QT_TRANSLATE_NOOP("Analysis", ...)
    QString unit;           ///< e.g. "d", "m", "CNY/m", "%" (empty: none)
    QVariant defaultValue;  ///< invalid: no default
    double min = -1e300;    ///< valid range of Number/Integer, inclusive
    double max = 1e300;
    double usualMin = -1e300; ///< outside the usual range a valid value gets a warning
    double usualMax = 1e300;
    QString source;                         ///< where the default or the rule comes from (reference section)
    params::Tag tag = params::Tag::Example; ///< evidence tag of the default
    std::vector<ChoiceSpec> choices;        ///< Choice and MultiChoice only
    QString parentInput;    ///< Field: id of the ParcelLayer/RasterLayer input whose fields it lists
    QStringList layerRoles; ///< *Layer kinds: accepted project layer roles (empty: any)
    QString tableRole;      ///< ParameterTable: the role, e.g. "pools", "gep_prices"
    QString fileFilter;     ///< File/ParameterTable: dialog filter, e.g. "CSV (*.csv)"
    bool required = false;  ///< a value must be given (see also requiredIf)
    std::optional<Condition> requiredIf; ///< required when the condition holds
    std::optional<Condition> enabledIf;  ///< ignored (and greyed out in the app) unless the condition holds
    QString cliName;                     ///< option name without "--" (empty: the id with '_' → '-')
    QString cliValueName;                ///< e.g. "N", "CSV" (empty: derived from the kind)
    /// Where the project file keeps this input, as a dotted path, e.g. "gep.ac_days",
    /// "carbon.uncertainty.iterations"; empty: not kept in the project (given per run).
    QString projectKey;
    bool advanced = false; ///< shown under "Advanced" in the app
    /// Number/Integer: the scalar declaration whose checks (range, whole number, usual range, percent
    /// written as a fraction) and messages validate() uses; null: the ranges above, in this struct.
    const params::ParameterSpec* scalar = nullptr;
    /// The value is a list (QStringList) and the CLI option may be repeated (e.g. --carbon A=f --carbon
    /// B=g); only for Text and File inputs.
    bool multiple = false;
    /// File: a value meaning "none" that is accepted without checking for a file (e.g. "none").
    QString noneValue;
    /// A further check of a given value's text (e.g. a carbon method's own option check); returns the
    /// problem, translated, or an empty string.
    std::function<QString(const QString& text)> check;
    /// The value the project gives where it keeps the input in another structure than a projectKey (e.g.
    /// a method option of carbon.methods); invalid: none. The analysis's stored value comes first.
    std::function<QVariant(const Project& project)> fromProject;
    /// The app hides the input, rather than greying it out, while its enabledIf does not hold (e.g. the
    /// options of the methods not chosen).
    bool hiddenWhenDisabled = false;

    QString translatedLabel() const; ///< label in context "Analysis"
    QString translatedHelp() const;  ///< help in context "Analysis"
    QString optionName() const;      ///< cliName, or the id with '_' → '-'
};

/// Values of an analysis's inputs by InputSpec::id. Missing keys: not given (the default applies).
using ParameterValues = QVariantMap;

/// @brief What a run returns.
struct AnalysisOutcome {
    ResultSet resultSet;   ///< the run's tables, provenance and messages (empty when stopped)
    QString outDir;        ///< where the result set was written (empty when the analysis writes none)
    QStringList files;     ///< everything written, absolute
    params::Issues issues; ///< warnings; errors when `stopped`
    bool stopped = false;  ///< errors stopped the run before it wrote anything
};

/// @brief A declared analysis.
struct AnalysisSpec {
    QString id;                   ///< e.g. "carbon_project", "gep", "gep_scenario", "zonal"
    const char* label = "";       ///< QT_TRANSLATE_NOOP("Analysis", ...)
    const char* description = ""; ///< QT_TRANSLATE_NOOP("Analysis", ...), a paragraph
    std::vector<InputSpec> inputs;
    /// Runs the analysis with validated values (validate() without errors). Throws gis::GisError on
    /// I/O failures and gis::CancelledError when the feedback is cancelled; a cancelled or failed run
    /// leaves the output folder as it was (gis::StagedOutput).
    std::function<
      AnalysisOutcome(const Project& project, const ParameterValues& values, gis::Feedback* feedback)>
      run;

    const InputSpec* input(const QString& id) const; ///< null when none
    QString translatedLabel() const;
    QString translatedDescription() const;
};

/// The text of a value as the CLI writes it and conditions compare it ("true"/"false" for a Boolean,
/// lists joined by ',', numbers without trailing zeros); empty for a missing value.
QString valueText(const InputSpec& input, const QVariant& value);

/// Every declared analysis, in menu order.
const std::vector<AnalysisSpec>& analyses();
/// The analysis `id`; null when none.
const AnalysisSpec* findAnalysis(const QString& id);

/// Whether an input applies under `values` (its enabledIf holds or it has none).
bool isEnabled(const InputSpec& input, const ParameterValues& values);
/// Whether an input needs a value under `values` (required, or its requiredIf holds; only when enabled).
bool isRequired(const InputSpec& input, const ParameterValues& values);

/// @brief The values to start from: each input's default, overridden by what the project stores at its
/// projectKey (null project: defaults only).
ParameterValues defaultValues(const AnalysisSpec& spec, const Project* project);

/// @brief Checks a parameter set against the declaration and, with a project, against it (layers exist
/// and have the accepted roles, fields exist in their layer, files exist and parameter tables load
/// with their TableSpec, output folder writable): every problem at once, each naming the input
/// (Issue::column = the CLI option, e.g. "--ac-days"), the file, row and field where they are known.
/// Values outside the usual range are warnings.
params::Issues validate(const AnalysisSpec& spec, const ParameterValues& values, const Project* project);

/// Writes the inputs that have a projectKey into the project (Project::save writes them).
void storeInProject(const AnalysisSpec& spec, const ParameterValues& values, Project& project);

/// Adds one QCommandLineOption per input (name, value name, translated help with unit, default and
/// range) to `parser`.
void addCliOptions(QCommandLineParser& parser, const AnalysisSpec& spec);
/// Reads the options addCliOptions added (after parser.process/parse) over `base` (e.g. the
/// defaultValues of the project); unparsable values become issues naming the option.
ParameterValues parseCli(const QCommandLineParser& parser,
                         const AnalysisSpec& spec,
                         const ParameterValues& base,
                         params::Issues& issues);

} // namespace tanhui::models::analysis
