// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for tests that check params::Issues (validation of parameter tables, projects, plans
// and declared analyses).
#pragma once

#include "models/params/Parameter.h"

#include <QString>
#include <QStringList>

namespace tanhui::test {

/// Whether `issues` has an error in `column` whose message contains `text`.
inline bool hasError(const models::params::Issues& issues, const QString& column, const QString& text) {
    for (const auto& i : issues)
        if (i.isError() && i.column == column && i.message.contains(text))
            return true;
    return false;
}

/// Every issue on its own line, for a failure message.
inline QString issuesText(const models::params::Issues& issues) {
    QStringList s;
    for (const auto& i : issues)
        s << i.toString();
    return s.join(QLatin1Char('\n'));
}

} // namespace tanhui::test
