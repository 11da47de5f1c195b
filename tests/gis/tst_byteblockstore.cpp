// SPDX-License-Identifier: GPL-3.0-or-later
// The shared store of decoded Byte blocks of the zonal pass (gis/private/ByteBlockStore.h): every
// block decoded once across threads, waiting threads get the decoded data, least recently used
// eviction within the budget, pinned blocks kept, failures propagated without leaving a thread
// waiting.
#include "gis/private/ByteBlockStore.h"

#include <QTest>

#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

using tanhui::gis::detail::ByteBlockStore;

namespace {

constexpr std::size_t kBlockBytes = 1000;

/// The content block (bx, by) of source s decodes to.
unsigned char cell(std::size_t s, int bx, int by, std::size_t i) {
    return static_cast<unsigned char>((s * 131 + std::size_t(bx) * 31 + std::size_t(by) * 17 + i) % 251);
}

void fill(std::size_t s, int bx, int by, unsigned char* out) {
    for (std::size_t i = 0; i < kBlockBytes; ++i)
        out[i] = cell(s, bx, by, i);
}

bool holdsContent(const ByteBlockStore::Pin& pin, std::size_t s, int bx, int by) {
    for (std::size_t i = 0; i < kBlockBytes; ++i)
        if (pin.data()[i] != cell(s, bx, by, i))
            return false;
    return true;
}

/// Waits (up to 10 s) until `done` holds.
template<typename F>
bool eventually(F done) {
    for (int k = 0; k < 10000 && !done(); ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return done();
}

} // namespace

class TestByteBlockStore : public QObject {
    Q_OBJECT

private slots:
    void blocksAreDecodedOnceAcrossThreads();
    void waitingThreadGetsTheDecodedBlock();
    void evictionKeepsMemoryWithinTheBudget();
    void leastRecentlyUsedIsEvictedFirst();
    void pinnedBlocksAreNotEvicted();
    void failedLoadPropagatesAndWaitersRetry();
    void failingBlockFailsEveryThreadWithoutHanging();
};

void TestByteBlockStore::blocksAreDecodedOnceAcrossThreads() {
    // 4 threads each read every block of two 8 × 8 sources, in different orders; loaders are slow
    // enough that threads often ask for a block another is decoding.
    ByteBlockStore store(std::size_t(1) << 30);
    const std::size_t s0 = store.addSource(kBlockBytes), s1 = store.addSource(kBlockBytes);
    QCOMPARE(s0, std::size_t(0));
    QCOMPARE(s1, std::size_t(1));
    std::array<std::atomic<int>, 2 * 64> loads{};
    std::atomic<int> wrong{ 0 };
    auto worker = [&](int t) {
        for (int k = 0; k < 128; ++k) {
            const int idx = (t % 2 ? 127 - k : k + t * 16) % 128;
            const std::size_t s = std::size_t(idx / 64);
            const int bx = idx % 8, by = (idx % 64) / 8;
            ByteBlockStore::Pin pin = store.acquire(s, bx, by, [&](unsigned char* out) {
                loads[std::size_t(idx)].fetch_add(1);
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                fill(s, bx, by, out);
            });
            if (!pin.holds(s, bx, by) || !holdsContent(pin, s, bx, by))
                wrong.fetch_add(1);
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back(worker, t);
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(wrong.load(), 0);
    for (std::size_t i = 0; i < loads.size(); ++i)
        QCOMPARE(loads[i].load(), 1);
    const ByteBlockStore::Counters c = store.counters();
    QCOMPARE(c.loads, std::size_t(128));
    QCOMPARE(c.evictions, std::size_t(0));
    QCOMPARE(c.bytes, 128 * kBlockBytes);
}

void TestByteBlockStore::waitingThreadGetsTheDecodedBlock() {
    ByteBlockStore store(std::size_t(1) << 20);
    const std::size_t s = store.addSource(kBlockBytes);
    std::promise<void> started, proceed;
    std::shared_future<void> go = proceed.get_future().share();
    bool decoderGood = false, waiterGood = false, secondLoaderRan = false;
    std::thread decoder([&] {
        ByteBlockStore::Pin pin = store.acquire(s, 3, 4, [&](unsigned char* out) {
            started.set_value();
            go.wait();
            fill(s, 3, 4, out);
        });
        decoderGood = holdsContent(pin, s, 3, 4);
    });
    started.get_future().wait();
    std::thread waiter([&] {
        ByteBlockStore::Pin pin = store.acquire(s, 3, 4, [&](unsigned char* out) {
            secondLoaderRan = true;
            fill(s, 0, 0, out);
        });
        waiterGood = holdsContent(pin, s, 3, 4);
    });
    // Let the decoder finish only once the second thread waits for its block.
    QVERIFY(eventually([&] { return store.counters().waits > 0; }));
    proceed.set_value();
    decoder.join();
    waiter.join();
    QVERIFY(!secondLoaderRan);
    QVERIFY(decoderGood);
    QVERIFY(waiterGood);
    QCOMPARE(store.counters().loads, std::size_t(1));
}

void TestByteBlockStore::evictionKeepsMemoryWithinTheBudget() {
    // Budget of four blocks; 200 blocks of two sources read one after the other, as the zonal pass
    // walks a raster in block order.
    ByteBlockStore store(4 * kBlockBytes);
    const std::size_t a = store.addSource(kBlockBytes), b = store.addSource(kBlockBytes);
    int loads = 0;
    for (int k = 0; k < 100; ++k)
        for (const std::size_t s : { a, b }) {
            ByteBlockStore::Pin pin = store.acquire(s, k % 10, k / 10, [&](unsigned char* out) {
                ++loads;
                fill(s, k % 10, k / 10, out);
            });
            QVERIFY(holdsContent(pin, s, k % 10, k / 10));
            QVERIFY(store.counters().bytes <= 4 * kBlockBytes);
        }
    QCOMPARE(loads, 200);
    const ByteBlockStore::Counters c = store.counters();
    QVERIFY2(c.peakBytes <= 4 * kBlockBytes, qPrintable(QString::number(c.peakBytes)));
    QCOMPARE(c.bytes, 4 * kBlockBytes);
    QCOMPARE(c.evictions, std::size_t(196));
    // An evicted block is decoded again when asked for.
    store.acquire(a, 0, 0, [&](unsigned char* out) {
        ++loads;
        fill(a, 0, 0, out);
    });
    QCOMPARE(loads, 201);
}

void TestByteBlockStore::leastRecentlyUsedIsEvictedFirst() {
    ByteBlockStore store(3 * kBlockBytes);
    const std::size_t s = store.addSource(kBlockBytes);
    std::vector<int> loaded;
    auto get = [&](int bx) {
        return store.acquire(s, bx, 0, [&](unsigned char* out) {
            loaded.push_back(bx);
            fill(s, bx, 0, out);
        });
    };
    for (const int bx : { 0, 1, 2 }) // 0 is the least recently used...
        get(bx);
    get(0); // ...until it is used again: now 1 is
    get(3); // evicts 1
    QCOMPARE(loaded, (std::vector<int>{ 0, 1, 2, 3 }));
    for (const int bx : { 0, 2, 3 }) // still there
        get(bx);
    QCOMPARE(loaded.size(), std::size_t(4));
    get(1); // was evicted
    QCOMPARE(loaded, (std::vector<int>{ 0, 1, 2, 3, 1 }));
}

void TestByteBlockStore::pinnedBlocksAreNotEvicted() {
    // Budget of two blocks, but three pinned at once: all stay valid; once released, the store
    // shrinks back into its budget.
    ByteBlockStore store(2 * kBlockBytes);
    const std::size_t s = store.addSource(kBlockBytes);
    std::vector<ByteBlockStore::Pin> pins;
    for (int bx = 0; bx < 3; ++bx)
        pins.push_back(store.acquire(s, bx, 0, [&](unsigned char* out) { fill(s, bx, 0, out); }));
    QCOMPARE(store.counters().bytes, 3 * kBlockBytes);
    QCOMPARE(store.counters().evictions, std::size_t(0));
    for (int bx = 0; bx < 3; ++bx)
        QVERIFY(holdsContent(pins[std::size_t(bx)], s, bx, 0));
    // A second pin on a pinned block shares it.
    ByteBlockStore::Pin again = store.acquire(s, 1, 0, [&](unsigned char*) { QFAIL("decoded twice"); });
    QCOMPARE(again.data(), pins[1].data());
    pins.clear();
    QVERIFY(store.counters().bytes <= 2 * kBlockBytes);
    QVERIFY(holdsContent(again, s, 1, 0)); // still pinned by `again`
    // Moving a pin keeps the block pinned exactly once.
    ByteBlockStore::Pin moved = std::move(again);
    QVERIFY(!again);
    QVERIFY(moved.holds(s, 1, 0));
    moved.reset();
    QVERIFY(!moved);
}

void TestByteBlockStore::failedLoadPropagatesAndWaitersRetry() {
    // The first thread's decoding fails while a second thread waits for that block: the first gets
    // its exception, the second decodes the block itself (with its own loader) and gets good data.
    ByteBlockStore store(std::size_t(1) << 20);
    const std::size_t s = store.addSource(kBlockBytes);
    std::promise<void> started, proceed;
    std::shared_future<void> go = proceed.get_future().share();
    bool firstFailed = false;
    std::thread first([&] {
        try {
            store.acquire(s, 1, 1, [&](unsigned char*) {
                started.set_value();
                go.wait();
                throw std::runtime_error("block (1, 1) of band 1 is damaged");
            });
        } catch (const std::runtime_error& e) {
            firstFailed = std::string(e.what()).find("block (1, 1)") != std::string::npos;
        }
    });
    started.get_future().wait();
    bool secondGood = false;
    std::thread second([&] {
        ByteBlockStore::Pin pin = store.acquire(s, 1, 1, [&](unsigned char* out) { fill(s, 1, 1, out); });
        secondGood = holdsContent(pin, s, 1, 1);
    });
    QVERIFY(eventually([&] { return store.counters().waits > 0; }));
    proceed.set_value();
    first.join();
    second.join();
    QVERIFY(firstFailed);
    QVERIFY(secondGood);
    const ByteBlockStore::Counters c = store.counters();
    QCOMPARE(c.loads, std::size_t(1));
    QCOMPARE(c.bytes, kBlockBytes); // the failed block left nothing behind
}

void TestByteBlockStore::failingBlockFailsEveryThreadWithoutHanging() {
    // A block that cannot be decoded (a truncated file) fails every thread that needs it, each with
    // its own error, however they interleave; nothing stays pinned or counted.
    ByteBlockStore store(8 * kBlockBytes);
    const std::size_t s = store.addSource(kBlockBytes);
    std::atomic<int> failures{ 0 }, attempts{ 0 };
    auto worker = [&] {
        for (int k = 0; k < 50; ++k) {
            try {
                store.acquire(s, 0, k % 5, [&](unsigned char* out) {
                    attempts.fetch_add(1);
                    std::this_thread::sleep_for(std::chrono::microseconds(100));
                    if (k % 5 == 2)
                        throw std::runtime_error("damaged");
                    fill(s, 0, k % 5, out);
                });
            } catch (const std::runtime_error&) {
                failures.fetch_add(1);
            }
        }
    };
    std::thread t1(worker), t2(worker), t3(worker);
    t1.join();
    t2.join();
    t3.join();
    QCOMPARE(failures.load(), 3 * 10);
    QVERIFY(attempts.load() >= 30);
    QCOMPARE(store.counters().loads, std::size_t(4));
    QCOMPARE(store.counters().bytes, 4 * kBlockBytes);
}

QTEST_GUILESS_MAIN(TestByteBlockStore)
#include "tst_byteblockstore.moc"
