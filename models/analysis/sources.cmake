# The analysis layer (issue 10): result sets (tables with units and descriptions, provenance, messages)
# and their exports (issue 14: XLSX through libxlsxwriter, linked privately; its handles stay in Xlsx.cpp).
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/AnalysisSpec.cpp ${CMAKE_CURRENT_LIST_DIR}/AnalysisSpec.h
  ${CMAKE_CURRENT_LIST_DIR}/Declarations.cpp ${CMAKE_CURRENT_LIST_DIR}/Declarations.h
  ${CMAKE_CURRENT_LIST_DIR}/ParameterTables.cpp ${CMAKE_CURRENT_LIST_DIR}/ParameterTables.h
  ${CMAKE_CURRENT_LIST_DIR}/DeclarationsCarbon.cpp ${CMAKE_CURRENT_LIST_DIR}/DeclarationsGep.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DeclarationsPlan.cpp ${CMAKE_CURRENT_LIST_DIR}/DeclarationsZonal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectKeys.cpp ${CMAKE_CURRENT_LIST_DIR}/ProjectKeys.h
  ${CMAKE_CURRENT_LIST_DIR}/QtFeedback.cpp ${CMAKE_CURRENT_LIST_DIR}/QtFeedback.h
  ${CMAKE_CURRENT_LIST_DIR}/ResultSet.cpp ${CMAKE_CURRENT_LIST_DIR}/ResultSet.h
  ${CMAKE_CURRENT_LIST_DIR}/Xlsx.cpp ${CMAKE_CURRENT_LIST_DIR}/Xlsx.h
)
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET GLOBAL xlsxwriter)
target_link_libraries(tanhui_models PRIVATE PkgConfig::XLSXWRITER)
