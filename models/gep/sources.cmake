# GEP valuation engine (gep-methods.md): unit-safe quantities, indicator registry, price/profile tables.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Units.cpp ${CMAKE_CURRENT_LIST_DIR}/Units.h
  ${CMAKE_CURRENT_LIST_DIR}/Indicators.cpp ${CMAKE_CURRENT_LIST_DIR}/Indicators.h
  ${CMAKE_CURRENT_LIST_DIR}/GepTables.cpp ${CMAKE_CURRENT_LIST_DIR}/GepTables.h
  ${CMAKE_CURRENT_LIST_DIR}/Plausibility.cpp ${CMAKE_CURRENT_LIST_DIR}/Plausibility.h
)
