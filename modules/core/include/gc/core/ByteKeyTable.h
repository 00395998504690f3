#pragma once
// A lookup table from short byte strings (grid codes, category codes, state keys) to small
// values, for loops over a million rows: one FNV-1a hash and one compare per lookup, no
// allocation once filled. QHash<QByteArray, …> costs several times more per row there (its
// seeded hash, node chasing), which made the risk engine's full pass miss its 2 s target.
#include <QByteArray>
#include <QByteArrayView>

#include <cstring>
#include <vector>

namespace gc {

template <typename Value> class ByteKeyTable {
public:
    ByteKeyTable() { m_slots.resize(16, -1); }

    qsizetype size() const { return qsizetype(m_keys.size()); }

    // The value stored under `key`, or nullptr.
    const Value* find(QByteArrayView key) const {
        const int i = m_slots[slotOf(key)];
        return i < 0 ? nullptr : &m_values[size_t(i)];
    }
    Value value(QByteArrayView key, const Value& fallback) const {
        const Value* v = find(key);
        return v ? *v : fallback;
    }
    // Stores `value` under `key` (replacing one stored before); returns the stored value.
    Value& insert(QByteArrayView key, const Value& value) {
        const size_t slot = slotOf(key);
        if (m_slots[slot] >= 0)
            return m_values[size_t(m_slots[slot])] = value;
        m_slots[slot] = int(m_keys.size());
        m_keys.emplace_back(key.data(), key.size());
        m_values.push_back(value);
        if (m_keys.size() * 2 > m_slots.size())
            grow();
        return m_values.back();
    }
    // The keys in insertion order; index i belongs to the i-th inserted key.
    const std::vector<QByteArray>& keys() const { return m_keys; }

    void clear() {
        m_keys.clear();
        m_values.clear();
        m_slots.assign(16, -1);
    }

private:
    static quint64 hash(QByteArrayView key) {
        quint64 h = 14695981039346656037ull;
        for (const char c : key) {
            h ^= quint8(c);
            h *= 1099511628211ull;
        }
        return h ^ (h >> 29);
    }
    // The slot that holds `key` or the empty slot where it would go (linear probing).
    size_t slotOf(QByteArrayView key) const {
        const size_t mask = m_slots.size() - 1;
        for (size_t s = size_t(hash(key)) & mask;; s = (s + 1) & mask) {
            const int i = m_slots[s];
            if (i < 0)
                return s;
            const QByteArray& k = m_keys[size_t(i)];
            // An empty key (a NULL column) has no data pointer, and memcmp must never see a null one.
            if (k.size() == key.size() &&
                (key.isEmpty() || std::memcmp(k.constData(), key.data(), size_t(key.size())) == 0))
                return s;
        }
    }
    void grow() {
        m_slots.assign(m_slots.size() * 4, -1);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = 0; i < m_keys.size(); ++i) {
            size_t s = size_t(hash(m_keys[i])) & mask;
            while (m_slots[s] >= 0)
                s = (s + 1) & mask;
            m_slots[s] = int(i);
        }
    }

    std::vector<int> m_slots; // index into m_keys, -1 = empty; size a power of two, at most half full
    std::vector<QByteArray> m_keys;
    std::vector<Value> m_values;
};

} // namespace gc
