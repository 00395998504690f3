#include "gc/store/GpkgGeometry.h"

#include <QtEndian>

#include <cstring>

namespace gc {

namespace {
// Header: 'G' 'P' version flags srs_id(4) envelope(0/32/48/64) — GeoPackage 1.2 §2.1.3.
constexpr int kHeaderBytes = 8;
constexpr unsigned char kEmptyFlag = 0x10;
constexpr unsigned char kLittleEndianFlag = 0x01;
constexpr unsigned char kXYEnvelopeFlag = 0x01 << 1;

bool isGpkgBlob(const QByteArray& blob) {
    return blob.size() >= kHeaderBytes && blob.at(0) == 'G' && blob.at(1) == 'P';
}

// Bytes of the envelope, -1 for an invalid envelope code.
int envelopeBytes(unsigned char flags) {
    static constexpr int kEnvelopeBytes[] = {0, 32, 48, 48, 64, -1, -1, -1};
    return kEnvelopeBytes[(flags >> 1) & 0x07];
}

void appendDouble(QByteArray& out, double value) {
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    bits = qToLittleEndian(bits);
    out.append(reinterpret_cast<const char*>(&bits), sizeof bits);
}
} // namespace

QByteArray GpkgGeometry::toWkb(const QByteArray& blob) {
    if (!isGpkgBlob(blob))
        return {};
    const auto flags = static_cast<unsigned char>(blob.at(3));
    if (flags & kEmptyFlag)
        return {};
    const int envelope = envelopeBytes(flags);
    if (envelope < 0 || blob.size() <= kHeaderBytes + envelope)
        return {};
    return blob.mid(kHeaderBytes + envelope);
}

QByteArray GpkgGeometry::fromWkb(const QByteArray& wkb, int srsId, const Envelope& envelope) {
    QByteArray out;
    out.reserve(kHeaderBytes + 32 + wkb.size());
    out.append('G').append('P').append(char(0)).append(char(kLittleEndianFlag | kXYEnvelopeFlag));
    const qint32 srs = qToLittleEndian(qint32(srsId));
    out.append(reinterpret_cast<const char*>(&srs), sizeof srs);
    for (const double value : {envelope.minX, envelope.maxX, envelope.minY, envelope.maxY})
        appendDouble(out, value);
    return out.append(wkb);
}

} // namespace gc
