// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models {

/// @brief Runs fn(i) for every i in [0, count) on up to `threads` threads (0: all cores), in chunks
/// of `chunk` indices handed out in order. Each i is run by exactly one thread, so results written
/// per i do not depend on the thread count.
///
/// When some fn(i) throw, the others stop at their next index and the exception of the least such i
/// is rethrown once every thread has stopped, so the error does not depend on the thread count
/// either. With `feedback`, the calling thread checks for cancellation and reports progress
/// (`what`) after each of its chunks.
void forEachIndex(std::size_t count,
                  int threads,
                  std::size_t chunk,
                  const std::function<void(std::size_t)>& fn,
                  gis::Feedback* feedback = nullptr,
                  const char* what = "");

} // namespace tanhui::models
