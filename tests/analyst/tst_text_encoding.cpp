#include "gc/geo/TextEncoding.h"

#include <QTest>

using namespace gc::geo;

class TestTextEncoding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void canonicalNames_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("gbk") << "gbk"
                             << "CP936";
        QTest::newRow("936") << "936"
                             << "CP936";
        QTest::newRow("GB2312") << "GB2312"
                                << "CP936";
        QTest::newRow("utf8") << "utf8"
                              << "UTF-8";
        QTest::newRow("UTF-8") << "UTF-8"
                               << "UTF-8";
        QTest::newRow("nonsense") << "no-such-encoding"
                                  << "";
    }
    void canonicalNames() {
        QFETCH(QString, typed);
        QFETCH(QString, canonical);
        QCOMPARE(canonicalEncoding(typed), canonical);
    }

    void gbkRoundTrip() {
        const QString text = QStringLiteral("城关街道河乐社区第1网格");
        bool ok = false;
        const QByteArray gbk = encodeText(text, QStringLiteral("CP936"), &ok);
        QVERIFY(ok);
        QCOMPARE(gbk.size(), 2 * 11 + 1); // 11 CJK characters at 2 bytes, one ASCII digit
        QCOMPARE(decodeText(gbk, QStringLiteral("CP936"), &ok), text);
        QVERIFY(ok);
    }

    void unrepresentableIsReported() {
        bool ok = true;
        encodeText(QStringLiteral("emoji 😀"), QStringLiteral("CP936"), &ok);
        QVERIFY(!ok);
    }

    // A DBF string holds 254 bytes: the cut must fall between characters in the target encoding.
    void truncationKeepsWholeCharacters_data() {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("bytesPerChar");
        QTest::newRow("CP936") << "CP936" << 2;
        QTest::newRow("UTF-8") << "UTF-8" << 3;
    }
    void truncationKeepsWholeCharacters() {
        QFETCH(QString, encoding);
        QFETCH(int, bytesPerChar);
        const QString text = QStringLiteral("a") + QString(300, QChar(0x7F51)); // 网 × 300
        TextEncoder encoder(encoding);
        const QByteArray bytes = encoder.encode(text, 254);
        QVERIFY(bytes.size() <= 254);
        bool ok = false;
        const QString cut = decodeText(bytes, encoding, &ok);
        QVERIFY(ok);
        QCOMPARE(cut.size(), 1 + (254 - 1) / bytesPerChar);
        QVERIFY(text.startsWith(cut));
    }
    void truncationNeverSplitsSurrogatePairs() {
        const QString text = QString(200, QChar(u'x')) + QString::fromUtf8("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀");
        TextEncoder encoder(QStringLiteral("UTF-8"));
        const QByteArray cut = encoder.encode(text, 254);
        QCOMPARE(cut.size(), 200 + 4 * 13);
        QVERIFY(text.startsWith(QString::fromUtf8(cut)));
    }
    void shortTextIsWhole() {
        TextEncoder encoder(QStringLiteral("CP936"));
        QCOMPARE(encoder.encode(QStringLiteral("网格"), 254), encodeText(QStringLiteral("网格"), "CP936"));
    }
    // As GDAL does: the character becomes '?', the rest of the text is kept.
    void unrepresentableBecomesQuestionMark() {
        TextEncoder encoder(QStringLiteral("CP936"));
        QCOMPARE(encoder.encode(QStringLiteral("网😀格")), encodeText(QStringLiteral("网?格"), "CP936"));
        QCOMPARE(encoder.encode(QStringLiteral("网😀格"), 3), encodeText(QStringLiteral("网?"), "CP936"));
    }
    // The encoder is used for 90,000 strings in a row: one string must not leave state behind.
    void manyStringsInARow() {
        TextEncoder encoder(QStringLiteral("CP936"));
        for (const QString& s :
             {QStringLiteral("河乐"), QStringLiteral("abc"), QStringLiteral("社区第1网格")})
            QCOMPARE(encoder.encode(s), encodeText(s, "CP936"));
    }
    void unknownEncodingIsInvalid() {
        QVERIFY(!TextEncoder(QStringLiteral("no-such-encoding")).isValid());
        QVERIFY(TextEncoder(QStringLiteral("UTF-8")).isValid());
    }

    void detection() {
        const QByteArray utf8 = QStringLiteral("河乐社区").toUtf8();
        const QByteArray gbk = encodeText(QStringLiteral("河乐社区"), QStringLiteral("CP936"));
        QCOMPARE(detectEncoding({"plain ascii", utf8}), QStringLiteral("UTF-8"));
        QCOMPARE(detectEncoding({"plain ascii", gbk}), QStringLiteral("CP936"));
        QCOMPARE(detectEncoding({QByteArray("\x81\x20", 2)}), QString());
    }

    void languageDriverId() {
        QCOMPARE(dbfLanguageDriverId(QStringLiteral("CP936")), 0x4D);
        QCOMPARE(dbfLanguageDriverId(QStringLiteral("UTF-8")), 0);
    }
};

QTEST_GUILESS_MAIN(TestTextEncoding)
#include "tst_text_encoding.moc"
