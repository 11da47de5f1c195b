# Carbon methods: pool-table method (InVEST Carbon / IPCC Tier 1), volume method (§5), valuation, result tables.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/CarbonTables.cpp ${CMAKE_CURRENT_LIST_DIR}/CarbonTables.h
  ${CMAKE_CURRENT_LIST_DIR}/ExtraColumns.h
  ${CMAKE_CURRENT_LIST_DIR}/PoolMethod.cpp ${CMAKE_CURRENT_LIST_DIR}/PoolMethod.h
  ${CMAKE_CURRENT_LIST_DIR}/Valuation.cpp ${CMAKE_CURRENT_LIST_DIR}/Valuation.h
  ${CMAKE_CURRENT_LIST_DIR}/VolumeMethod.cpp ${CMAKE_CURRENT_LIST_DIR}/VolumeMethod.h
)
