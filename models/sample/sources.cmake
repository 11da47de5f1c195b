# The deterministic Guangzhou-like sample project (tanhui-cli sample).
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Random.cpp ${CMAKE_CURRENT_LIST_DIR}/Random.h
  ${CMAKE_CURRENT_LIST_DIR}/Landscape.cpp ${CMAKE_CURRENT_LIST_DIR}/Landscape.h
  ${CMAKE_CURRENT_LIST_DIR}/SampleProject.cpp ${CMAKE_CURRENT_LIST_DIR}/SampleProject.h
)
