// Hostile input (issue #10): the corpus of broken and misleading sources `gridctl import` is
// handed, made at test time under <tmp>/hostile/ (see tests/data/hostile/README.md), each imported
// into its own copy of a county: imported correctly, or refused with one line and the copy byte
// for byte unchanged; never a signal. And a county a broken editor left with NaN, infinite, huge
// or empty geometry: every reader (info, stats, validate, render, export) survives it.
#include "AnalystTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <limits>

using namespace gc::test;

namespace {

enum class Expect { Imported, Refused, Either };

struct Entry {
    QString file; // under hostile/
    Expect expect;
    QStringList extra; // import options beyond --into/--level
    QString message;   // what a refusal must say, if anything in particular
};

// Overwrites `bytes` at `offset` of `file`.
bool patch(const QString& file, qint64 offset, const QByteArray& bytes) {
    QFile f(file);
    return f.open(QIODevice::ReadWrite) && f.seek(offset) && f.write(bytes) == bytes.size();
}

bool truncateTo(const QString& file, double share) {
    QFile f(file);
    return f.resize(qint64(double(f.size()) * share));
}

bool writeFile(const QString& file, const QByteArray& bytes) {
    QFile f(file);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray le32(quint32 v) {
    return QByteArray(reinterpret_cast<const char*>(&v), 4);
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;   // 200-grid demo: where the boundaries come from
    QString m_county; // outline + streets, built by import: the county each entry goes into
    QList<Entry> m_corpus;
    int m_communities = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString hostile(const QString& name) const { return m_dir.filePath(QStringLiteral("hostile/") + name); }

    // The demo's communities written by ogr2ogr into hostile/<name> with extra options.
    bool communities(const QString& name, const QStringList& options = {}) {
        const Run r = ogr2ogr(options + QStringList{hostile(name), m_demo, QStringLiteral("grid_community")});
        if (r.exitCode != 0)
            qWarning("ogr2ogr %s: %s", qPrintable(name), qPrintable(r.err));
        return r.exitCode == 0;
    }
    bool shapefile(const QString& stem, const QStringList& options = {}) {
        return communities(stem + QStringLiteral(".shp"),
                           QStringList{QStringLiteral("-lco"), QStringLiteral("ENCODING=UTF-8")} + options);
    }
    bool gpkgWithGeometry(const QString& name, const QString& blob) {
        return communities(name, {QStringLiteral("-f"), QStringLiteral("GPKG")}) &&
               setGeometry(hostile(name), QStringLiteral("grid_community"), 2, blob);
    }

    void buildCorpus() {
        QVERIFY(QDir().mkpath(hostile(QString())));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const QPointF a(124.25, 40.2), c(124.3, 40.25);
        const auto add = [this](const QString& file, Expect expect, const QStringList& extra = {}) {
            m_corpus << Entry{file, expect, extra};
        };

        // Truncated: each of the three Shapefile parts, and a GeoPackage.
        for (const QString& part : {QStringLiteral("shp"), QStringLiteral("shx"), QStringLiteral("dbf")}) {
            const QString stem = QStringLiteral("truncated-") + part;
            QVERIFY(shapefile(stem));
            QVERIFY(truncateTo(hostile(stem + QLatin1Char('.') + part), 0.6));
            add(stem + QStringLiteral(".shp"), Expect::Refused);
        }
        QVERIFY(
            communities(QStringLiteral("truncated.gpkg"), {QStringLiteral("-f"), QStringLiteral("GPKG")}));
        QVERIFY(truncateTo(hostile(QStringLiteral("truncated.gpkg")), 0.5));
        add(QStringLiteral("truncated.gpkg"), Expect::Refused);

        // Zero bytes.
        for (const QString& name : {QStringLiteral("zero-byte.gpkg"), QStringLiteral("zero-byte.geojson"),
                                    QStringLiteral("zero-byte.zip")}) {
            QVERIFY(writeFile(hostile(name), {}));
            add(name, Expect::Refused);
        }
        for (const QString& part : {QStringLiteral("shp"), QStringLiteral("shx"), QStringLiteral("dbf")})
            QVERIFY(writeFile(hostile(QStringLiteral("zero-byte.") + part), {}));
        add(QStringLiteral("zero-byte.shp"), Expect::Refused);

        // Wrong magic: the Shapefile file code 9994 (big-endian at 0), SQLite's header string,
        // a zip's local header signature.
        QVERIFY(shapefile(QStringLiteral("wrong-magic")));
        QVERIFY(patch(hostile(QStringLiteral("wrong-magic.shp")), 0, QByteArray("\xde\xad\xbe\xef", 4)));
        add(QStringLiteral("wrong-magic.shp"), Expect::Either);
        QVERIFY(
            communities(QStringLiteral("wrong-magic.gpkg"), {QStringLiteral("-f"), QStringLiteral("GPKG")}));
        QVERIFY(patch(hostile(QStringLiteral("wrong-magic.gpkg")), 0, QByteArray("Not SQLite file\0", 16)));
        add(QStringLiteral("wrong-magic.gpkg"), Expect::Refused);
        QVERIFY(writeFile(hostile(QStringLiteral("wrong-magic.zip")),
                          QByteArray("PK\x09\x09", 4) + QByteArray(4096, 'z')));
        add(QStringLiteral("wrong-magic.zip"), Expect::Refused);

        // Huge headers: a DBF claiming 2^31 − 1 records and a 65,535-byte header; a .shp whose
        // header says the file is 2^31 − 1 words long; a .shx claiming the same.
        QVERIFY(shapefile(QStringLiteral("huge-dbf-header")));
        QVERIFY(patch(hostile(QStringLiteral("huge-dbf-header.dbf")), 4, le32(0x7fffffff)));
        QVERIFY(patch(hostile(QStringLiteral("huge-dbf-header.dbf")), 8, QByteArray("\xff\xff", 2)));
        add(QStringLiteral("huge-dbf-header.shp"), Expect::Refused);
        QVERIFY(shapefile(QStringLiteral("huge-shp-header")));
        QVERIFY(patch(hostile(QStringLiteral("huge-shp-header.shp")), 24, QByteArray("\x7f\xff\xff\xff", 4)));
        QVERIFY(patch(hostile(QStringLiteral("huge-shp-header.shx")), 24, QByteArray("\x7f\xff\xff\xff", 4)));
        add(QStringLiteral("huge-shp-header.shp"), Expect::Either);

        // Non-finite, huge and empty geometry.
        QVERIFY(gpkgWithGeometry(QStringLiteral("nan.gpkg"), gpkgBlobHex({a, QPointF(nan, 40.2), c, a})));
        add(QStringLiteral("nan.gpkg"), Expect::Refused);
        QVERIFY(
            gpkgWithGeometry(QStringLiteral("infinity.gpkg"), gpkgBlobHex({a, QPointF(124.3, inf), c, a})));
        add(QStringLiteral("infinity.gpkg"), Expect::Refused);
        QVERIFY(gpkgWithGeometry(QStringLiteral("huge-coordinates.gpkg"),
                                 gpkgBlobHex({a, QPointF(1e300, -1e300), c, a})));
        add(QStringLiteral("huge-coordinates.gpkg"), Expect::Refused);
        QVERIFY(gpkgWithGeometry(QStringLiteral("empty-geometry.gpkg"), gpkgBlobHex({})));
        add(QStringLiteral("empty-geometry.gpkg"), Expect::Refused);

        // Projected-looking coordinates: metres assumed to be degrees, and a .prj that says WGS 84.
        QVERIFY(shapefile(QStringLiteral("metres-no-prj"),
                          {QStringLiteral("-t_srs"), QStringLiteral("EPSG:4529")}));
        QVERIFY(QFile::remove(hostile(QStringLiteral("metres-no-prj.prj"))));
        add(QStringLiteral("metres-no-prj.shp"), Expect::Refused,
            {QStringLiteral("--assume-crs"), QStringLiteral("EPSG:4490")});
        QVERIFY(shapefile(QStringLiteral("metres-wgs84-prj"),
                          {QStringLiteral("-t_srs"), QStringLiteral("EPSG:4529")}));
        QVERIFY(shapefile(QStringLiteral("wgs84"), {QStringLiteral("-t_srs"), QStringLiteral("EPSG:4326")}));
        QVERIFY(QFile::remove(hostile(QStringLiteral("metres-wgs84-prj.prj"))));
        QVERIFY(QFile::copy(hostile(QStringLiteral("wgs84.prj")),
                            hostile(QStringLiteral("metres-wgs84-prj.prj"))));
        add(QStringLiteral("metres-wgs84-prj.shp"), Expect::Refused);

        // 3-D, and GBK names behind DBF language id 0x57: both import correctly.
        QVERIFY(shapefile(QStringLiteral("polygon-z"), {QStringLiteral("-dim"), QStringLiteral("XYZ")}));
        add(QStringLiteral("polygon-z.shp"), Expect::Imported);
        QVERIFY(communities(QStringLiteral("ldid-0x57.shp"),
                            {QStringLiteral("-lco"), QStringLiteral("ENCODING=CP936")}));
        QVERIFY(QFile::remove(hostile(QStringLiteral("ldid-0x57.cpg"))));
        QVERIFY(patch(hostile(QStringLiteral("ldid-0x57.dbf")), 29, QByteArray(1, char(0x57))));
        add(QStringLiteral("ldid-0x57.shp"), Expect::Imported);

        // Missing sidecars.
        for (const QString& part : {QStringLiteral("dbf"), QStringLiteral("shx"), QStringLiteral("prj")}) {
            const QString stem = QStringLiteral("missing-") + part;
            QVERIFY(shapefile(stem));
            QVERIFY(QFile::remove(hostile(stem + QLatin1Char('.') + part)));
            add(stem + QStringLiteral(".shp"), Expect::Refused);
        }

        // A link to the county itself (made per copy in corpus(), since the copy is the target).
        m_corpus << Entry{QStringLiteral("link-to-county.gpkg"), Expect::Refused, {}, QStringLiteral("本身")};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(toolsAvailable(), "gridctl (GRIDCTL), ogrinfo and ogr2ogr are required");
        m_demo = path(QStringLiteral("demo.gpkg"));
        QVERIFY(makeDemo(m_demo, 200));
        const QString outline = path(QStringLiteral("outline.geojson"));
        QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GeoJSON"), outline, m_demo,
                          QStringLiteral("grid_county")})
                     .exitCode,
                 0);
        const QString streets = path(QStringLiteral("streets.gpkg"));
        QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GPKG"), streets, m_demo,
                          QStringLiteral("grid_street")})
                     .exitCode,
                 0);
        m_county = path(QStringLiteral("county.gpkg"));
        for (const auto& [source, level] :
             {std::pair{outline, QStringLiteral("county")}, std::pair{streets, QStringLiteral("street")}}) {
            const Run r = gridctl({QStringLiteral("import"), source, QStringLiteral("--into"), m_county,
                                   QStringLiteral("--level"), level, QStringLiteral("--quiet")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        m_communities = featureCount(m_demo, QStringLiteral("grid_community"));
        QVERIFY(m_communities > 0);
        buildCorpus();
    }

    void corpus_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_corpus.size(); ++i)
            QTest::newRow(qPrintable(m_corpus[i].file)) << i;
    }
    void corpus() {
        QFETCH(int, index);
        const Entry& entry = m_corpus[index];
        const QString copy = path(QStringLiteral("copy-%1.gpkg").arg(index));
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_county, copy));
        QString source = hostile(entry.file);
        if (entry.file == QLatin1String("link-to-county.gpkg")) {
            QFile::remove(source);
            QVERIFY(QFile::link(copy, source));
        }
        const QByteArray before = fingerprint(copy);
        const Run r = gridctl(QStringList{QStringLiteral("import"), source, QStringLiteral("--into"), copy,
                                          QStringLiteral("--level"), QStringLiteral("community"),
                                          QStringLiteral("--quiet")} +
                              entry.extra);
        // A normal exit: no signal, no core (Run reports a crash as -2), and no sanitizer report.
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        if (r.exitCode == 0) {
            QVERIFY2(entry.expect != Expect::Refused, qPrintable(r.out));
            QVERIFY2(stderrLines(r.err).isEmpty(), qPrintable(r.err));
            QCOMPARE(featureCount(copy, QStringLiteral("grid_community")), m_communities);
            const Run stored = ogrinfo({QStringLiteral("-ro"), copy, QStringLiteral("grid_community")});
            QVERIFY(!stored.out.contains(QLatin1String("MULTIPOLYGON Z")));
            // Names as the demo has them (GBK decoded, not Latin-1 mojibake).
            const QString sql = QStringLiteral(
                "SELECT group_concat(name) FROM (SELECT name FROM grid_community ORDER BY code)");
            QCOMPARE(sqlValue(copy, sql), sqlValue(m_demo, sql));
        } else {
            QVERIFY2(entry.expect != Expect::Imported, qPrintable(r.err));
            QVERIFY2(stderrLines(r.err).size() == 1 && r.err.startsWith(QLatin1String("gridctl import: ")),
                     qPrintable(r.err));
            QCOMPARE(fingerprint(copy), before);
            QVERIFY2(r.err.contains(entry.message), qPrintable(r.err));
        }
    }

    // A county edited by a broken tool: grids with NaN, infinite, 1e300 and empty geometry, one
    // with none; and an outline stored in metres as if they were degrees (the county that made
    // `gridctl render` die with SIGSEGV in GEOSSTRtree_insert_r). Every reader exits normally;
    // render draws the rest and names what it skipped; validate reports each poisoned grid.
    void poisonedCountyReaders() {
        const QString county = path(QStringLiteral("poisoned.gpkg"));
        QFile::remove(county);
        QVERIFY(QFile::copy(m_demo, county));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const QPointF a(124.25, 40.2), c(124.3, 40.25);
        const QStringList poisons = {
            gpkgBlobHex({a, QPointF(nan, 40.2), c, a}), gpkgBlobHex({a, QPointF(inf, 40.2), c, a}),
            gpkgBlobHex({a, QPointF(1e300, -1e300), c, a}), gpkgBlobHex({}), QStringLiteral("NULL")};
        QStringList poisoned;
        for (int i = 0; i < poisons.size(); ++i) {
            QVERIFY(setGeometry(county, QStringLiteral("grid_grid"), i + 1, poisons[i]));
            poisoned << sqlValue(county,
                                 QStringLiteral("SELECT code FROM grid_grid WHERE fid = %1").arg(i + 1));
        }
        // The outline in metres read as degrees: CM 123°E Gauss-Krüger numbers of the real outline.
        const QString metres = path(QStringLiteral("metres.gpkg"));
        QFile::remove(metres);
        QVERIFY(QFile::copy(m_demo, metres));
        QVERIFY(setGeometry(metres, QStringLiteral("grid_county"), 1,
                            gpkgBlobHex({QPointF(594574.9, 4440166.9), QPointF(627129.0, 4440166.9),
                                         QPointF(627129.0, 4465743.9), QPointF(594574.9, 4440166.9)})));

        for (const QString& target : {metres, county}) {
            const QString png = path(QStringLiteral("poisoned.png"));
            const QList<QStringList> commands = {
                {QStringLiteral("info"), target},
                {QStringLiteral("stats"), target, QStringLiteral("--json")},
                {QStringLiteral("render"), target, QStringLiteral("--out"), png, QStringLiteral("--size"),
                 QStringLiteral("400x300")},
                {QStringLiteral("validate"), target, QStringLiteral("--json")},
                {QStringLiteral("export"), target, QStringLiteral("--what"), QStringLiteral("grids"),
                 QStringLiteral("--format"), QStringLiteral("geojson"), QStringLiteral("--crs"),
                 QStringLiteral("EPSG:4490"), QStringLiteral("--out"),
                 path(QStringLiteral("poisoned-out.geojson"))},
            };
            for (const QStringList& command : commands) {
                QFile::remove(path(QStringLiteral("poisoned-out.geojson")));
                const Run r = gridctl(command);
                QVERIFY2(
                    r.exitCode >= 0 && r.exitCode <= 2,
                    qPrintable(
                        QStringLiteral("%1: exit %2 %3").arg(command.join(u' ')).arg(r.exitCode).arg(r.err)));
                if (command.first() == QLatin1String("info"))
                    QCOMPARE(r.exitCode, 0);
                if (command.first() == QLatin1String("render") && target == county) {
                    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
                    QVERIFY(QFileInfo(png).size() > 0);
                    QCOMPARE(stderrLines(r.err).size(), 1); // the warning
                    for (const QString& code : poisoned)
                        QVERIFY2(r.err.contains(code), qPrintable(r.err));
                }
                if (command.first() == QLatin1String("validate")) {
                    QCOMPARE(r.exitCode, 1);
                    QStringList invalid;
                    const QJsonArray levels =
                        QJsonDocument::fromJson(r.out.toUtf8())[QStringLiteral("levels")].toArray();
                    for (const QJsonValue& level : levels)
                        for (const QJsonValue& f : level[QStringLiteral("findings")].toArray())
                            if (f[QStringLiteral("kind")].toString() == QLatin1String("invalid_geometry"))
                                invalid << f[QStringLiteral("codes")].toArray().first().toString();
                    const QStringList expected =
                        target == county
                            ? poisoned
                            : QStringList{sqlValue(metres, QStringLiteral("SELECT code FROM grid_county"))};
                    for (const QString& code : expected)
                        QVERIFY2(invalid.contains(code), qPrintable(r.out.left(2000)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
