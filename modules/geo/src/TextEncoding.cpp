#include "gc/geo/TextEncoding.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <iconv.h>

#include <algorithm>

namespace gc::geo {

namespace {

// CPLRecode reports an unconvertible character only once per process, so success is judged by a
// lossless round trip instead of by its warning; the warning itself is kept off stderr.
class QuietErrors {
public:
    QuietErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietErrors() { CPLPopErrorHandler(); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
};

QByteArray recode(const QByteArray& bytes, const char* from, const char* to) {
    char* out = CPLRecode(bytes.constData(), from, to);
    QByteArray result(out);
    CPLFree(out);
    return result;
}

// The length of the UTF-8 sequence starting at `i` (valid UTF-8, as QString::toUtf8 makes).
qsizetype utf8CharLength(const QByteArray& utf8, qsizetype i) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const qsizetype length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::min(length, utf8.size() - i);
}

bool isUtf8(const QByteArray& bytes) {
    return CPLIsUTF8(bytes.constData(), int(bytes.size())) != FALSE;
}

} // namespace

QString canonicalEncoding(const QString& name) {
    const QString upper = name.trimmed().toUpper().remove(QLatin1Char('_'));
    if (upper.isEmpty())
        return {};
    if (upper == QLatin1String("UTF-8") || upper == QLatin1String("UTF8"))
        return QStringLiteral("UTF-8");
    if (upper == QLatin1String("CP936") || upper == QLatin1String("936") || upper == QLatin1String("GBK") ||
        upper == QLatin1String("GB2312") || upper == QLatin1String("MS936") ||
        upper == QLatin1String("EUC-CN"))
        return QStringLiteral("CP936");
    if (upper == QLatin1String("GB18030"))
        return QStringLiteral("GB18030");
    if (upper == QLatin1String("BIG5") || upper == QLatin1String("CP950") || upper == QLatin1String("950"))
        return QStringLiteral("CP950");
    if (upper == QLatin1String("LATIN1") || upper == QLatin1String("ISO-8859-1") ||
        upper == QLatin1String("ISO8859-1"))
        return QStringLiteral("ISO-8859-1");
    // Anything else is passed to iconv as typed, if iconv accepts it.
    QuietErrors quiet;
    CPLErrorReset();
    const QByteArray probe = recode("a", CPL_ENC_UTF8, name.trimmed().toLatin1().constData());
    return probe == "a" && CPLGetLastErrorType() == CE_None ? name.trimmed() : QString();
}

QByteArray encodeText(const QString& text, const QString& encoding, bool* ok) {
    const QByteArray utf8 = text.toUtf8();
    if (encoding == QLatin1String("UTF-8")) {
        if (ok)
            *ok = true;
        return utf8;
    }
    QuietErrors quiet;
    const QByteArray enc = encoding.toLatin1();
    const QByteArray out = recode(utf8, CPL_ENC_UTF8, enc.constData());
    if (ok)
        *ok = recode(out, enc.constData(), CPL_ENC_UTF8) == utf8;
    return out;
}

QString decodeText(const QByteArray& bytes, const QString& encoding, bool* ok) {
    if (encoding == QLatin1String("UTF-8")) {
        if (ok)
            *ok = isUtf8(bytes);
        return QString::fromUtf8(bytes);
    }
    QuietErrors quiet;
    const QByteArray enc = encoding.toLatin1();
    const QByteArray utf8 = recode(bytes, enc.constData(), CPL_ENC_UTF8);
    if (ok)
        *ok = recode(utf8, CPL_ENC_UTF8, enc.constData()) == bytes;
    return QString::fromUtf8(utf8);
}

TextEncoder::TextEncoder(const QString& encoding)
    : m_encoding(encoding),
      m_iconv(encoding == QLatin1String("UTF-8")
                  ? nullptr
                  : static_cast<void*>(iconv_open(encoding.toLatin1().constData(), "UTF-8"))) {}

TextEncoder::~TextEncoder() {
    if (m_iconv && m_iconv != reinterpret_cast<void*>(-1))
        iconv_close(static_cast<iconv_t>(m_iconv));
}

bool TextEncoder::isValid() const {
    return m_iconv != reinterpret_cast<void*>(-1);
}

// Appends `in` converted; false if a character has no representation (nothing appended then).
bool TextEncoder::convert(const char* in, size_t inBytes, QByteArray& out) {
    const qsizetype start = out.size();
    // No encoding we write takes more bytes for a character than UTF-8 does, except GB18030's
    // four-byte forms for three-byte UTF-8: twice the input is always enough.
    out.resize(start + qsizetype(2 * inBytes + 4));
    char* inPtr = const_cast<char*>(in);
    char* outPtr = out.data() + start;
    size_t outLeft = size_t(out.size() - start);
    iconv(static_cast<iconv_t>(m_iconv), nullptr, nullptr, nullptr, nullptr);
    const bool ok = iconv(static_cast<iconv_t>(m_iconv), &inPtr, &inBytes, &outPtr, &outLeft) != size_t(-1);
    out.resize(ok ? outPtr - out.constData() : start);
    return ok;
}

QByteArray TextEncoder::encode(const QString& text, qsizetype maxBytes) {
    const QByteArray utf8 = text.toUtf8();
    if (!isValid())
        return {};
    QByteArray out;
    if (!m_iconv) {
        out = utf8;
    } else if (!convert(utf8.constData(), size_t(utf8.size()), out)) {
        out.clear(); // a character without representation: go one character at a time below
        out.reserve(utf8.size());
        for (qsizetype i = 0; i < utf8.size();) {
            const qsizetype length = utf8CharLength(utf8, i);
            if (!convert(utf8.constData() + i, size_t(length), out))
                out += '?';
            i += length;
        }
    }
    if (out.size() <= maxBytes)
        return out;
    // Too long: keep whole characters, converting them one by one (a GBK trail byte can look
    // like a lead byte, so the cut cannot be found in the converted bytes themselves).
    QByteArray cut;
    for (qsizetype i = 0; i < utf8.size();) {
        const qsizetype length = utf8CharLength(utf8, i);
        QByteArray one;
        if (!m_iconv)
            one = utf8.mid(i, length);
        else if (!convert(utf8.constData() + i, size_t(length), one))
            one = "?";
        if (cut.size() + one.size() > maxBytes)
            break;
        cut += one;
        i += length;
    }
    return cut;
}

QString detectEncoding(const QList<QByteArray>& samples) {
    bool allUtf8 = true;
    for (const QByteArray& s : samples)
        allUtf8 = allUtf8 && isUtf8(s);
    if (allUtf8)
        return QStringLiteral("UTF-8");
    for (const QByteArray& s : samples) {
        bool ok = false;
        decodeText(s, QStringLiteral("CP936"), &ok);
        if (!ok)
            return {};
    }
    return QStringLiteral("CP936");
}

int dbfLanguageDriverId(const QString& encoding) {
    if (encoding == QLatin1String("CP936"))
        return 0x4D;
    return 0;
}

} // namespace gc::geo
