#include "gc/map/TileSource.h"

namespace gc::map {
TileSource::~TileSource() = default;
} // namespace gc::map
