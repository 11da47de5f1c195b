// SPDX-License-Identifier: GPL-3.0-or-later
// Private to tanhui_gis: decoded natural blocks of Byte rasters shared by the workers of a zonal pass.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace tanhui::gis::detail {

/// @brief A bounded, thread-safe store of decoded raster blocks (raw bytes), shared by the workers
/// of one zonal pass so that every block is inflated once instead of once per worker.
///
/// A source is one band of one file (registered with addSource()); a block is identified by its
/// source and its natural block coordinates. acquire() returns a Pin: while a Pin refers to a
/// block its memory stays valid and the block is never evicted. A block nobody has is decoded by
/// the thread that asks for it first, with a loader that thread passes (its own GDAL dataset: GDAL
/// handles are not shared between threads), outside the store's lock; other threads asking for it
/// meanwhile wait until it is ready. If the loader throws, the block is dropped, the waiting threads
/// try again with their own loaders (so each gets its own error, naming the file and block) and the
/// exception propagates to the caller: a failed read never leaves a thread waiting.
///
/// Memory: the blocks held (pinned, being decoded or cached) are counted; before a block is decoded,
/// unpinned blocks are evicted, least recently used first, until the new one fits in the budget.
/// Pinned and loading blocks are never evicted, so the budget can only be exceeded by the blocks
/// pinned at one time (a few per worker and source).
class ByteBlockStore {
    struct Block;

public:
    explicit ByteBlockStore(std::size_t budgetBytes);
    ~ByteBlockStore();
    ByteBlockStore(const ByteBlockStore&) = delete;
    ByteBlockStore& operator=(const ByteBlockStore&) = delete;

    /// Registers a source whose blocks hold `blockBytes` bytes each (full natural blocks, edge
    /// blocks too); returns its index for acquire(). Call before the workers start.
    std::size_t addSource(std::size_t blockBytes);

    /// @brief A block in use (move-only). Releasing it (destruction, reset(), assignment) makes the
    /// block the most recently used one that may be evicted once nobody else uses it.
    class Pin {
    public:
        Pin() = default;
        Pin(Pin&& other) noexcept;
        Pin& operator=(Pin&& other) noexcept;
        ~Pin();
        void reset();
        explicit operator bool() const { return m_block != nullptr; }
        /// The block's bytes, row-major with the block width as row stride.
        const unsigned char* data() const;
        /// Whether this pin holds block (bx, by) of `source`.
        bool holds(std::size_t source, int bx, int by) const;

    private:
        friend class ByteBlockStore;
        Pin(ByteBlockStore* store, Block* block)
          : m_store(store)
          , m_block(block) {}
        ByteBlockStore* m_store = nullptr;
        Block* m_block = nullptr;
    };

    /// Decodes a block into `out` (blockBytes of its source); throws on failure.
    using Loader = std::function<void(unsigned char* out)>;

    /// Block (bx, by) of `source`: from the store, or decoded now by `load` on the calling thread
    /// when nobody has it; waits when another thread is decoding it. Throws what `load` throws.
    Pin acquire(std::size_t source, int bx, int by, const Loader& load);

    struct Counters {
        std::size_t loads = 0;     ///< blocks decoded (successfully)
        std::size_t waits = 0;     ///< times a thread waited for a block another was decoding
        std::size_t evictions = 0; ///< blocks dropped to stay within the budget
        std::size_t bytes = 0;     ///< bytes held now (cached, pinned and being decoded)
        std::size_t peakBytes = 0; ///< most bytes held at any time
        std::size_t budgetBytes = 0;
    };
    Counters counters() const;

private:
    struct Key {
        std::size_t source;
        int bx, by;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return std::hash<std::uint64_t>()((std::uint64_t(k.source) << 48) ^
                                              (std::uint64_t(std::uint32_t(k.by)) << 24) ^
                                              std::uint64_t(std::uint32_t(k.bx)));
        }
    };
    struct Block {
        Key key;
        bool ready = false; ///< decoded; false while its loader runs
        int pins = 0;
        std::size_t size = 0;
        std::unique_ptr<unsigned char[]> data;
        std::list<Block*>::iterator lru; ///< position in m_lru when unpinned and ready
    };

    void release(Block* block);
    /// Evicts unpinned blocks, least recently used first, until `extra` more bytes fit in the
    /// budget or none is left; returns a buffer of `reuseSize` bytes freed on the way, if any.
    std::unique_ptr<unsigned char[]> makeRoom(std::size_t extra, std::size_t reuseSize);

    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::vector<std::size_t> m_blockBytes; // per source
    std::unordered_map<Key, std::unique_ptr<Block>, KeyHash> m_blocks;
    std::list<Block*> m_lru; // unpinned ready blocks, most recently used first
    Counters m_counters;
};

} // namespace tanhui::gis::detail
