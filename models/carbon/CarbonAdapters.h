// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/CarbonProject.h"

#include <QString>

namespace tanhui::models::carbon {

// Adapters of the soil, gain-loss, blue-carbon and regression methods to `carbon --project`
// (docs/carbon-project.md, "Methods"). Each calls its method's own API (SoilMethod.h,
// GainLossMethod.h, BlueCarbon.h, RegressionMethod.h) and maps the per-parcel numbers into
// ParcelResult; registered in carbonMethods().

/// Soil organic carbon of cropland plots (carbon-methods.md §3.3, §3.7, §3.8). Options: climate_zone,
/// soil_class, before (low|medium|native). Fields: crop (required); practice, practice_year,
/// straw_return_since, organic_fertiliser when mapped. Tables: soc_ref, soil_factors.
/// Stocks c_soil (t C) per carbon year; changes per consecutive pair of years and first → last (flux,
/// t C). With context.uncertainty: bounds of each (SoilGainLossMonteCarlo.h) and a sampler.
MethodOutput runSoilAdapter(const MethodContext& context);
QString checkSoilOption(const QString& key, const QString& value);

/// Forest gain − loss from land-cover transitions (carbon-methods.md §3.2). Options: fd (0–1),
/// forest_classes ("11=natural_secondary_old,12=plantation"). Tables: pools, growth_rates. No stocks;
/// changes per consecutive pair of years (flux, t C over the interval: net per year × years) and, when
/// they chain, first → last (their sum). With context.uncertainty: bounds of each and a sampler.
MethodOutput runGainLossAdapter(const MethodContext& context);
QString checkGainLossOption(const QString& key, const QString& value);

/// Blue carbon (carbon-methods.md §2, §4). Option route: auto (default: tier1 on a layer that maps
/// `planting_year`, else cbc), cbc (Coastal Blue Carbon engine over the land-cover snapshots of the
/// carbon years) or tier1 (Wetlands Supplement Tier 1 restoration from the planting year); with cbc
/// invest_compatible (yes/no); with tier1 climate (trop_wet|trop_dry|subtrop, default subtrop) and
/// planted (yes/no, default yes). Tables: cbc_biophysical, cbc_transitions, mangrove_ws.
MethodOutput runBlueCarbonAdapter(const MethodContext& context);
QString checkBlueCarbonOption(const QString& key, const QString& value);

/// NDVI regression (carbon-methods.md §6.1): the project's `ndvi` layers of the carbon years, its
/// land cover, and the coefficient table of carbon.parameters.regression (required: there is no
/// default). Options r_hysteresis (t d.m./ha, 0–100) and gap_fill (`none`, the default, or `linear`:
/// temporal interpolation of cloud gaps, RegressionRunOptions::interpolateGaps; on for the run when
/// any entry asks for it). Stocks c_biomass (t C) per year, blank (with a note in method_detail) where
/// less than kMinValidForestShare of the parcel's forest has a valid VI; changes between consecutive
/// years and first → last over the forest cells valid on both dates.
MethodOutput runRegressionAdapter(const MethodContext& context);
QString checkRegressionOption(const QString& key, const QString& value);

} // namespace tanhui::models::carbon
