// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/private/ByteBlockStore.h"

#include <algorithm>
#include <utility>

namespace tanhui::gis::detail {

ByteBlockStore::ByteBlockStore(std::size_t budgetBytes) {
    m_counters.budgetBytes = budgetBytes;
}

ByteBlockStore::~ByteBlockStore() = default;

std::size_t ByteBlockStore::addSource(std::size_t blockBytes) {
    std::lock_guard lock(m_mutex);
    m_blockBytes.push_back(std::max<std::size_t>(1, blockBytes));
    return m_blockBytes.size() - 1;
}

ByteBlockStore::Pin::Pin(Pin&& other) noexcept
  : m_store(std::exchange(other.m_store, nullptr))
  , m_block(std::exchange(other.m_block, nullptr)) {}

ByteBlockStore::Pin& ByteBlockStore::Pin::operator=(Pin&& other) noexcept {
    if (this != &other) {
        reset();
        m_store = std::exchange(other.m_store, nullptr);
        m_block = std::exchange(other.m_block, nullptr);
    }
    return *this;
}

ByteBlockStore::Pin::~Pin() {
    reset();
}

void ByteBlockStore::Pin::reset() {
    if (m_block)
        m_store->release(m_block);
    m_store = nullptr;
    m_block = nullptr;
}

const unsigned char* ByteBlockStore::Pin::data() const {
    return m_block ? m_block->data.get() : nullptr;
}

bool ByteBlockStore::Pin::holds(std::size_t source, int bx, int by) const {
    return m_block && m_block->key == Key{ source, bx, by };
}

std::unique_ptr<unsigned char[]> ByteBlockStore::makeRoom(std::size_t extra, std::size_t reuseSize) {
    std::unique_ptr<unsigned char[]> reuse;
    while (m_counters.bytes + extra > m_counters.budgetBytes && !m_lru.empty()) {
        Block* victim = m_lru.back();
        m_lru.pop_back();
        m_counters.bytes -= victim->size;
        ++m_counters.evictions;
        // The freed buffer serves the next block of the same size: no fresh pages to fault in.
        if (!reuse && victim->size == reuseSize)
            reuse = std::move(victim->data);
        m_blocks.erase(victim->key);
    }
    return reuse;
}

ByteBlockStore::Pin ByteBlockStore::acquire(std::size_t source, int bx, int by, const Loader& load) {
    const Key key{ source, bx, by };
    std::unique_lock lock(m_mutex);
    const std::size_t size = m_blockBytes.at(source);
    for (;;) {
        const auto it = m_blocks.find(key);
        if (it == m_blocks.end())
            break;
        Block* block = it->second.get();
        if (block->ready) {
            if (block->pins++ == 0)
                m_lru.erase(block->lru);
            return Pin(this, block);
        }
        // Another thread is decoding it: wait until it is ready or dropped (failed), then look again.
        ++m_counters.waits;
        m_ready.wait(lock);
    }

    // Nobody has it: this thread decodes it, outside the lock.
    auto owned = std::make_unique<Block>();
    Block* block = owned.get();
    block->key = key;
    block->pins = 1;
    block->size = size;
    std::unique_ptr<unsigned char[]> buffer = makeRoom(size, size);
    m_blocks.emplace(key, std::move(owned));
    m_counters.bytes += size;
    m_counters.peakBytes = std::max(m_counters.peakBytes, m_counters.bytes);
    lock.unlock();

    try {
        if (!buffer)
            buffer.reset(new unsigned char[size]);
        load(buffer.get());
    } catch (...) {
        lock.lock();
        m_counters.bytes -= size;
        m_blocks.erase(key);
        lock.unlock();
        m_ready.notify_all();
        throw;
    }

    lock.lock();
    block->data = std::move(buffer);
    block->ready = true;
    ++m_counters.loads;
    lock.unlock();
    m_ready.notify_all();
    return Pin(this, block);
}

void ByteBlockStore::release(Block* block) {
    std::lock_guard lock(m_mutex);
    if (--block->pins > 0)
        return;
    m_lru.push_front(block);
    block->lru = m_lru.begin();
    // Pinned blocks may have pushed the store over its budget: give back what is no longer used.
    makeRoom(0, 0);
}

ByteBlockStore::Counters ByteBlockStore::counters() const {
    std::lock_guard lock(m_mutex);
    return m_counters;
}

} // namespace tanhui::gis::detail
