#include "gc/geo/TextEncoding.h"

#include <cpl_error.h>
#include <cpl_string.h>

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

QString truncateToBytes(const QString& text, const QString& encoding, int maxBytes) {
    // Every encoding we write spends at most as many bytes on a character as UTF-8 does (GBK: 2
    // for a CJK character against 3), so short text needs no recoding at all; that keeps the
    // common case cheap when 90,000 features are exported.
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return text;
    const auto fits = [&](qsizetype chars) {
        return encodeText(text.left(chars), encoding).size() <= maxBytes;
    };
    // Binary search on the number of UTF-16 units, never ending between a surrogate pair.
    qsizetype low = 0;
    qsizetype high = text.size();
    while (low < high) {
        const qsizetype mid = (low + high + 1) / 2;
        if (fits(mid))
            low = mid;
        else
            high = mid - 1;
    }
    if (low > 0 && text.at(low - 1).isHighSurrogate())
        --low;
    return text.left(low);
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
