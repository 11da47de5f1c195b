// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/params/Parameter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <vector>

namespace tanhui::cli {

/// @brief A numeric command-line option with a physical meaning and its declaration (unit, valid and
/// usual range, whole number, percent): the declaration is the single place its checks come from.
struct NumericOption {
    const QCommandLineOption& option;
    const models::params::ParameterSpec& spec;
    double& value; ///< receives the option's value; left unchanged when the option is not given
};

/// @brief Reads every option of `options` that is given: a text that is not a number is an error, and
/// the value is checked by params::validateScalar() against its declaration (valid range, whole number;
/// warnings for a percent written as a fraction and for a value outside the usual range). Every problem
/// of every option is printed at once (errors and warnings, "column --discount: …"). Returns false when
/// any is an error (the caller then exits with ExitUsage).
bool readNumericOptions(const QCommandLineParser& parser, const std::vector<NumericOption>& options);

} // namespace tanhui::cli
