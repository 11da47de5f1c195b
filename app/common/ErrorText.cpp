// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/ErrorText.h"

#include <QCoreApplication>

namespace tanhui::app {

QString errorHeadline(tanhui::gis::GisError::Kind kind) {
    using Kind = tanhui::gis::GisError::Kind;
    switch (kind) {
        case Kind::Open:
            return QCoreApplication::translate("ErrorText", "Cannot open the file");
        case Kind::Crs:
            return QCoreApplication::translate("ErrorText", "Coordinate reference system problem");
        case Kind::Geometry:
            return QCoreApplication::translate("ErrorText", "Unusable geometry");
        case Kind::InvalidArgument:
            return QCoreApplication::translate("ErrorText", "Invalid input");
        case Kind::Io:
            return QCoreApplication::translate("ErrorText", "Reading or writing data failed");
        case Kind::Cancelled:
            return QCoreApplication::translate("ErrorText", "Operation cancelled");
    }
    return QCoreApplication::translate("ErrorText", "Unexpected error");
}

QString errorHeadline(const tanhui::gis::GisError& error) {
    return errorHeadline(error.kind());
}

QString errorDetail(const std::exception& error) {
    return QString::fromUtf8(error.what());
}

} // namespace tanhui::app
