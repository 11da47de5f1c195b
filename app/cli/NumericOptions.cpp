// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/NumericOptions.h"

#include "app/cli/CliCommon.h"

#include <QCoreApplication>

#include <cmath>

namespace tanhui::cli {

namespace params = models::params;

bool readNumericOptions(const QCommandLineParser& parser, const std::vector<NumericOption>& options) {
    params::Issues issues;
    for (const NumericOption& o : options) {
        if (!parser.isSet(o.option))
            continue;
        const QString where = QStringLiteral("--") + o.option.names().first();
        const QString text = parser.value(o.option).trimmed();
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            issues.push_back({ params::Issue::Severity::Error,
                               {},
                               0,
                               where,
                               QCoreApplication::translate("Cli", "%1 must be a number in %2, not '%3'")
                                 .arg(o.spec.translatedLabel(), QString::fromUtf8(o.spec.unit), text) });
            continue;
        }
        const params::Issues si = params::validateScalar(o.spec, v, where);
        issues.insert(issues.end(), si.begin(), si.end());
        o.value = v;
    }
    for (const params::Issue& i : issues) {
        if (i.isError())
            printError(i.toString());
        else
            printWarning(i.toString());
    }
    return !params::hasErrors(issues);
}

} // namespace tanhui::cli
