# Project files (project.tanhui.json): layers, classes and parameter tables with relative paths.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Project.cpp ${CMAKE_CURRENT_LIST_DIR}/Project.h
  ${CMAKE_CURRENT_LIST_DIR}/JsonNumbers.h
  ${CMAKE_CURRENT_LIST_DIR}/ProjectAnalyses.cpp ${CMAKE_CURRENT_LIST_DIR}/ProjectAnalyses.h
  ${CMAKE_CURRENT_LIST_DIR}/ProjectResults.cpp ${CMAKE_CURRENT_LIST_DIR}/ProjectResults.h
  ${CMAKE_CURRENT_LIST_DIR}/ProjectPlans.cpp ${CMAKE_CURRENT_LIST_DIR}/ProjectPlans.h
)
