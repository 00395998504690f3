// The process-wide choice of language for code-table names, and picking a name by it.
#include "gc/core/DisplayLanguage.h"

#include <atomic>

namespace gc {

namespace {
// Read from worker threads too (background readers format rows): atomic, set once at start.
std::atomic<DisplayLanguage> g_language{DisplayLanguage::Chinese};
} // namespace

void setDisplayLanguage(DisplayLanguage language) {
    g_language.store(language, std::memory_order_relaxed);
}

DisplayLanguage displayLanguage() {
    return g_language.load(std::memory_order_relaxed);
}

QString pickDisplayName(const QString& chinese, const QString& english) {
    return displayLanguage() == DisplayLanguage::English && !english.isEmpty() ? english : chinese;
}

} // namespace gc
