# The analysis layer (issue 10): result sets (tables with units and descriptions, provenance, messages).
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ResultSet.cpp ${CMAKE_CURRENT_LIST_DIR}/ResultSet.h
)
