#include "gc/store/GpkgGeometry.h"

namespace gc {

QByteArray GpkgGeometry::toWkb(const QByteArray& blob) {
    // Header: 'G' 'P' version flags srs_id(4) envelope(0/32/48/64) — GeoPackage 1.2 §2.1.3.
    if (blob.size() < 8 || blob.at(0) != 'G' || blob.at(1) != 'P')
        return {};
    const auto flags = static_cast<unsigned char>(blob.at(3));
    if (flags & 0x10) // empty geometry
        return {};
    static constexpr int kEnvelopeBytes[] = {0, 32, 48, 48, 64, -1, -1, -1};
    const int envelope = kEnvelopeBytes[(flags >> 1) & 0x07];
    if (envelope < 0 || blob.size() <= 8 + envelope)
        return {};
    return blob.mid(8 + envelope);
}

} // namespace gc
