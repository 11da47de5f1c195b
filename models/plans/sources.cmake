# Restoration plans (issue 13): a plan's parcels planted with a target type, against the baseline.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/PlanRun.cpp ${CMAKE_CURRENT_LIST_DIR}/PlanRun.h
  ${CMAKE_CURRENT_LIST_DIR}/PlanGep.cpp ${CMAKE_CURRENT_LIST_DIR}/PlanGep.h
)
