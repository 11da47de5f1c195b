# Declarative parameters: ParameterSpec, typed CSV tables with provenance, validation issues.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Parameter.cpp ${CMAKE_CURRENT_LIST_DIR}/Parameter.h
  ${CMAKE_CURRENT_LIST_DIR}/ParameterTable.cpp ${CMAKE_CURRENT_LIST_DIR}/ParameterTable.h
)
