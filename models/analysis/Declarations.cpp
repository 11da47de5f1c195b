// SPDX-License-Identifier: GPL-3.0-or-later
// The registry of declared analyses (AnalysisSpec.h); each declaration is in its own file.
#include "models/analysis/Declarations.h"

namespace tanhui::models::analysis {

const std::vector<AnalysisSpec>& analyses() {
    static const std::vector<AnalysisSpec> all{
        zonalAnalysis(), carbonProjectAnalysis(), carbonMethodAnalysis(), gepAnalysis(), planAnalysis()
    };
    return all;
}

} // namespace tanhui::models::analysis
