// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/Parallel.h"

#include "gis/Feedback.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace tanhui::models {

void forEachIndex(std::size_t count,
                  int threads,
                  std::size_t chunk,
                  const std::function<void(std::size_t)>& fn,
                  gis::Feedback* feedback,
                  const char* what) {
    chunk = std::max<std::size_t>(1, chunk);
    const std::size_t chunks = (count + chunk - 1) / chunk;
    const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
    const int workers = int(
      std::clamp<std::size_t>(std::size_t(threads > 0 ? threads : hw), 1, std::max<std::size_t>(1, chunks)));
    std::atomic<std::size_t> next{ 0 }, done{ 0 };
    std::atomic<bool> failed{ false };
    std::mutex mutex;
    std::size_t errorAt = std::size_t(-1);
    std::exception_ptr error;
    auto fail = [&](std::size_t i) {
        const std::lock_guard<std::mutex> lock(mutex);
        if (i < errorAt) {
            errorAt = i;
            error = std::current_exception();
        }
        failed.store(true);
    };
    auto run = [&](bool calling) {
        for (;;) {
            if (failed.load(std::memory_order_relaxed))
                return;
            const std::size_t begin = next.fetch_add(1) * chunk;
            if (begin >= count)
                return;
            const std::size_t end = std::min(count, begin + chunk);
            for (std::size_t i = begin; i < end; ++i) {
                try {
                    fn(i);
                } catch (...) {
                    fail(i);
                    return;
                }
            }
            const std::size_t finished = done.fetch_add(end - begin) + (end - begin);
            if (calling && feedback) {
                try {
                    feedback->throwIfCancelled();
                } catch (...) {
                    fail(end); // after every index this thread has run
                    return;
                }
                feedback->setProgress(100.0 * double(finished) / double(count), what);
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < workers; ++t)
        pool.emplace_back(run, false);
    run(true);
    for (std::thread& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace tanhui::models
