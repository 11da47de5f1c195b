# Carbon methods: pool-table method (InVEST Carbon / IPCC Tier 1), volume method (§5), cropland soil (§3.3, §3.7),
# gain-loss (§3.2), blue carbon (CBC engine §2, Wetlands Supplement §4), remote-sensing regression (§6.1),
# valuation, result tables.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/BlueCarbon.cpp ${CMAKE_CURRENT_LIST_DIR}/BlueCarbon.h
  ${CMAKE_CURRENT_LIST_DIR}/BlueCarbonUncertainty.cpp ${CMAKE_CURRENT_LIST_DIR}/BlueCarbonUncertainty.h
  ${CMAKE_CURRENT_LIST_DIR}/CarbonAdapters.cpp ${CMAKE_CURRENT_LIST_DIR}/CarbonAdapters.h
  ${CMAKE_CURRENT_LIST_DIR}/CarbonProject.cpp ${CMAKE_CURRENT_LIST_DIR}/CarbonProject.h
  ${CMAKE_CURRENT_LIST_DIR}/CarbonResult.cpp ${CMAKE_CURRENT_LIST_DIR}/CarbonResult.h
  ${CMAKE_CURRENT_LIST_DIR}/CarbonResultSet.cpp ${CMAKE_CURRENT_LIST_DIR}/CarbonResultSet.h
  ${CMAKE_CURRENT_LIST_DIR}/CarbonTables.cpp ${CMAKE_CURRENT_LIST_DIR}/CarbonTables.h
  ${CMAKE_CURRENT_LIST_DIR}/ExtraColumns.h
  ${CMAKE_CURRENT_LIST_DIR}/FieldMapping.cpp ${CMAKE_CURRENT_LIST_DIR}/FieldMapping.h
  ${CMAKE_CURRENT_LIST_DIR}/InventoryRoute.cpp ${CMAKE_CURRENT_LIST_DIR}/InventoryRoute.h
  ${CMAKE_CURRENT_LIST_DIR}/PoolMethod.cpp ${CMAKE_CURRENT_LIST_DIR}/PoolMethod.h
  ${CMAKE_CURRENT_LIST_DIR}/ProjectLedger.cpp ${CMAKE_CURRENT_LIST_DIR}/ProjectLedger.h
  ${CMAKE_CURRENT_LIST_DIR}/ProjectUncertainty.cpp ${CMAKE_CURRENT_LIST_DIR}/ProjectUncertainty.h
  ${CMAKE_CURRENT_LIST_DIR}/Valuation.cpp ${CMAKE_CURRENT_LIST_DIR}/Valuation.h
  ${CMAKE_CURRENT_LIST_DIR}/SoilGainLossSampler.cpp ${CMAKE_CURRENT_LIST_DIR}/SoilGainLossSampler.h
  ${CMAKE_CURRENT_LIST_DIR}/SoilMethod.cpp ${CMAKE_CURRENT_LIST_DIR}/SoilMethod.h
  ${CMAKE_CURRENT_LIST_DIR}/GainLossMethod.cpp ${CMAKE_CURRENT_LIST_DIR}/GainLossMethod.h
  ${CMAKE_CURRENT_LIST_DIR}/VolumeMethod.cpp ${CMAKE_CURRENT_LIST_DIR}/VolumeMethod.h
  ${CMAKE_CURRENT_LIST_DIR}/RegressionMethod.cpp ${CMAKE_CURRENT_LIST_DIR}/RegressionMethod.h
  ${CMAKE_CURRENT_LIST_DIR}/RegressionUncertainty.cpp ${CMAKE_CURRENT_LIST_DIR}/RegressionUncertainty.h
)
