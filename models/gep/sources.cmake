# GEP valuation engine (gep-methods.md): unit-safe quantities, indicator registry, price/profile tables,
# and the spatial run of a project (GepProject.h) returning a result set.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Units.cpp ${CMAKE_CURRENT_LIST_DIR}/Units.h
  ${CMAKE_CURRENT_LIST_DIR}/Indicators.cpp ${CMAKE_CURRENT_LIST_DIR}/Indicators.h
  ${CMAKE_CURRENT_LIST_DIR}/GepTables.cpp ${CMAKE_CURRENT_LIST_DIR}/GepTables.h
  ${CMAKE_CURRENT_LIST_DIR}/Plausibility.cpp ${CMAKE_CURRENT_LIST_DIR}/Plausibility.h
  ${CMAKE_CURRENT_LIST_DIR}/GepProject.cpp ${CMAKE_CURRENT_LIST_DIR}/GepProject.h
  ${CMAKE_CURRENT_LIST_DIR}/GepRunData.h ${CMAKE_CURRENT_LIST_DIR}/GepCarbonJoin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GepSoilRetention.cpp ${CMAKE_CURRENT_LIST_DIR}/GepResults.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GepSetup.cpp ${CMAKE_CURRENT_LIST_DIR}/GepSetup.h
)
