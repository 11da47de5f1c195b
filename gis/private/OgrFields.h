// SPDX-License-Identifier: GPL-3.0-or-later
// Private to tanhui_gis: typed field helpers shared by the table and vector writers.
#pragma once

#include <ogr_api.h>

#include <QVariant>

#include <cmath>

namespace tanhui::gis::detail {

/// The OGR type of a field declared as integer, real or text.
inline OGRFieldType ogrFieldType(bool integer, bool real) {
    return integer ? OFTInteger64 : real ? OFTReal : OFTString;
}

/// Sets field `index` of `feature` (of OGR type `type`) from `value`; invalid, null and NaN values
/// become null fields.
inline void setOgrField(OGRFeatureH feature, int index, OGRFieldType type, const QVariant& value) {
    if (!value.isValid() || value.isNull()) {
        OGR_F_SetFieldNull(feature, index);
        return;
    }
    switch (type) {
        case OFTInteger64:
            OGR_F_SetFieldInteger64(feature, index, value.toLongLong());
            return;
        case OFTReal: {
            const double d = value.toDouble();
            if (std::isnan(d))
                OGR_F_SetFieldNull(feature, index);
            else
                OGR_F_SetFieldDouble(feature, index, d);
            return;
        }
        default:
            OGR_F_SetFieldString(feature, index, value.toString().toUtf8().constData());
    }
}

} // namespace tanhui::gis::detail
