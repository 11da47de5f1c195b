// SPDX-License-Identifier: GPL-3.0-or-later
// Private to tanhui_gis: a minimal deterministic parallel loop.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tanhui::gis::detail {

/// Number of worker threads for a request of `threads` (0 = all cores), never more than `items`.
inline int workerCount(int threads, std::size_t items) {
    int n = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    return int(std::max<std::size_t>(1, std::min<std::size_t>(std::size_t(n), items)));
}

/// Runs body(worker, begin, end) over [0, count) in chunks of `chunk` items, handed out in order
/// through an atomic counter to `workers` threads (worker 0 is the calling thread). Each item is
/// processed by exactly one worker and results are meant to be written to per-item slots, so output
/// does not depend on the number of threads. `makeState(worker)` is called once per worker on its
/// own thread before its first chunk (for per-thread GDAL datasets, GEOS contexts, transforms).
/// The first exception thrown by any worker stops the others at their next chunk and is rethrown.
template<typename State>
void parallelChunks(std::size_t count,
                    std::size_t chunk,
                    int workers,
                    const std::function<State(int)>& makeState,
                    const std::function<void(State&, std::size_t, std::size_t)>& body) {
    std::atomic<std::size_t> next{ 0 };
    std::atomic<bool> failed{ false };
    std::exception_ptr error;
    std::mutex errorMutex;
    auto run = [&](int worker) {
        try {
            State state = makeState(worker);
            for (;;) {
                if (failed.load(std::memory_order_relaxed))
                    return;
                const std::size_t begin = next.fetch_add(chunk);
                if (begin >= count)
                    return;
                body(state, begin, std::min(count, begin + chunk));
            }
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::current_exception();
            failed.store(true);
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(run, w);
    run(0);
    for (std::thread& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace tanhui::gis::detail
