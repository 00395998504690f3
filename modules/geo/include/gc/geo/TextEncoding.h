#pragma once

// Text encodings of legacy GIS files (DBF in CP936/GBK above all), recoded through GDAL (iconv
// underneath) so the names mean the same to us as to GDAL when it reads or writes the file.

#include <QByteArray>
#include <QList>
#include <QString>

#include <limits>

namespace gc::geo {

// The canonical spelling GDAL expects for an encoding name a person typed: "gbk", "GB2312",
// "936", "cp936" → "CP936"; "utf8" → "UTF-8". Empty if the name is not one iconv knows.
QString canonicalEncoding(const QString& name);

// `text` in `encoding`; *ok = false if a character has no representation in it.
QByteArray encodeText(const QString& text, const QString& encoding, bool* ok = nullptr);
// `bytes` decoded from `encoding`; *ok = false if they are not valid in it.
QString decodeText(const QByteArray& bytes, const QString& encoding, bool* ok = nullptr);

// Encodes many strings into one encoding through one iconv conversion kept open. GDAL's own
// recoding opens a conversion per string, which made a 90,000-feature GBK Shapefile export
// spend more time opening conversions than writing.
class TextEncoder {
public:
    // `encoding` as canonicalEncoding() returns it.
    explicit TextEncoder(const QString& encoding);
    ~TextEncoder();
    TextEncoder(const TextEncoder&) = delete;
    TextEncoder& operator=(const TextEncoder&) = delete;

    bool isValid() const;
    // `text` in the encoding, cut to the longest prefix that fits in `maxBytes` but never inside a
    // character (a DBF string field holds 254 bytes; half a GBK or UTF-8 sequence is garbage some
    // readers reject outright). A character the encoding lacks becomes '?', as GDAL writes it.
    QByteArray encode(const QString& text, qsizetype maxBytes = std::numeric_limits<qsizetype>::max());

private:
    bool convert(const char* in, size_t inBytes, QByteArray& out);

    QString m_encoding;
    void* m_iconv; // iconv_t, kept out of the header
};

// The encoding of raw DBF strings that carry no .cpg and no language id: "UTF-8" if every sample
// is valid UTF-8 (plain ASCII included), else "CP936" if every sample is valid GBK, else empty.
QString detectEncoding(const QList<QByteArray>& samples);

// The DBF language driver id (byte 29 of the header) that names `encoding` for readers that ignore
// the .cpg file (older ArcGIS): 0x4D for CP936, 0 (none) for encodings without an id.
int dbfLanguageDriverId(const QString& encoding);

} // namespace gc::geo
