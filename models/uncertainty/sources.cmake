# Uncertainty (carbon-methods.md §6.2): distributions, counter-based RNG, percentiles, IPCC Approach 1 and
# Approach 2 (Monte Carlo) for the carbon methods.
target_sources(tanhui_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Distribution.cpp ${CMAKE_CURRENT_LIST_DIR}/Distribution.h
  ${CMAKE_CURRENT_LIST_DIR}/UncertainParameters.cpp ${CMAKE_CURRENT_LIST_DIR}/UncertainParameters.h
  ${CMAKE_CURRENT_LIST_DIR}/CarbonMonteCarlo.cpp ${CMAKE_CURRENT_LIST_DIR}/CarbonMonteCarlo.h
  ${CMAKE_CURRENT_LIST_DIR}/SoilGainLossMonteCarlo.cpp ${CMAKE_CURRENT_LIST_DIR}/SoilGainLossMonteCarlo.h
  ${CMAKE_CURRENT_LIST_DIR}/UncertaintyFiles.cpp ${CMAKE_CURRENT_LIST_DIR}/UncertaintyFiles.h
  ${CMAKE_CURRENT_LIST_DIR}/BlueCarbonMonteCarlo.cpp ${CMAKE_CURRENT_LIST_DIR}/BlueCarbonMonteCarlo.h
  ${CMAKE_CURRENT_LIST_DIR}/RegressionMonteCarlo.cpp ${CMAKE_CURRENT_LIST_DIR}/RegressionMonteCarlo.h
)
