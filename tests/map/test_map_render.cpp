// Golden-image and structural tests of the renderer (the code path of the canvas and of
// gridctl render) on a small demo county with a fixed seed.
#include "MapTestSupport.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/RiskStyle.h"

#include <QPainter>
#include <QTest>

using namespace gc;
using namespace gc::map;

namespace {

QImage renderCounty(const MapRenderer& renderer, QSize size, std::optional<GridLevel> level, bool labels,
                    bool outlines = true, bool accessible = false, double zoom = 1.0) {
    MapRenderSettings s;
    s.viewport = MapViewport::fit(renderer.data()->bounds(), size);
    s.viewport.setResolution(s.viewport.resolution() / zoom);
    s.forcedLevel = level;
    s.labels = labels;
    s.outlines = outlines;
    s.accessible = accessible;
    return renderer.render(s);
}

// Share of pixels that differ by more than `tolerance` in any channel.
double differingShare(const QImage& a, const QImage& b, int tolerance) {
    if (a.size() != b.size())
        return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    qint64 differ = 0;
    for (int row = 0; row < x.height(); ++row) {
        const QRgb* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const QRgb* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            if (std::abs(qRed(p[col]) - qRed(q[col])) > tolerance ||
                std::abs(qGreen(p[col]) - qGreen(q[col])) > tolerance ||
                std::abs(qBlue(p[col]) - qBlue(q[col])) > tolerance ||
                std::abs(qAlpha(p[col]) - qAlpha(q[col])) > tolerance)
                ++differ;
    }
    return double(differ) / (x.width() * x.height());
}

// The five colours of 五色管控 as the legend and the user manual publish them (0xRRGGBB),
// written here rather than read from RiskStyle, so a wrong colour in the code is caught.
QRgb publishedColour(RiskLevel level) {
    switch (level) {
    case RiskLevel::Red:
        return qRgb(0xd7, 0x26, 0x3d);
    case RiskLevel::Orange:
        return qRgb(0xf0, 0x7f, 0x13);
    case RiskLevel::Yellow:
        return qRgb(0xf2, 0xc2, 0x00);
    case RiskLevel::Blue:
        return qRgb(0x2f, 0x6f, 0xd6);
    case RiskLevel::Green:
        return qRgb(0x2e, 0x9e, 0x4f);
    }
    return 0;
}

// The accessible mode's published patterns, named by what the eye sees in a patch of fill.
enum class Pattern { None, Horizontal, RisingDiagonal, Grid, DiagonalGrid, Other };
Pattern publishedPattern(RiskLevel level) {
    switch (level) {
    case RiskLevel::Red:
        return Pattern::DiagonalGrid; // ╳╳ crossed diagonals
    case RiskLevel::Orange:
        return Pattern::Grid; // ┼┼ horizontal and vertical lines
    case RiskLevel::Yellow:
        return Pattern::RisingDiagonal; // //
    case RiskLevel::Blue:
        return Pattern::Horizontal; // ==
    case RiskLevel::Green:
        return Pattern::None;
    }
    return Pattern::Other;
}

// Classifies the hatch drawn over a patch of `fill`: which pixels differ from the fill, and
// whether they form full rows, full columns, or diagonal runs in either direction.
Pattern classifyPatch(const QImage& image, QRect patch, QRgb fill) {
    const auto marked = [&](int x, int y) {
        return patch.contains(x, y) && (image.pixel(x, y) & 0xffffff) != (fill & 0xffffff);
    };
    int marks = 0, fullRows = 0, fullColumns = 0, falling = 0, rising = 0;
    for (int y = patch.top(); y <= patch.bottom(); ++y) {
        bool full = true;
        for (int x = patch.left(); x <= patch.right(); ++x) {
            full &= marked(x, y);
            if (!marked(x, y))
                continue;
            ++marks;
            falling += marked(x + 1, y + 1) ? 1 : 0;
            rising += marked(x + 1, y - 1) ? 1 : 0;
        }
        fullRows += full ? 1 : 0;
    }
    for (int x = patch.left(); x <= patch.right(); ++x) {
        bool full = true;
        for (int y = patch.top(); y <= patch.bottom(); ++y)
            full &= marked(x, y);
        fullColumns += full ? 1 : 0;
    }
    if (marks == 0)
        return Pattern::None;
    if (fullRows > 0 && fullColumns > 0)
        return Pattern::Grid;
    if (fullRows > 0)
        return Pattern::Horizontal;
    if (fullColumns > 0)
        return Pattern::Other;
    // Along a diagonal line most marks have a neighbour in the line's direction (Qt's crossed
    // diagonals: 32 of 73 marks each way in a 17-pixel patch; a single diagonal: nearly all one
    // way, none the other).
    const bool fallingLines = falling * 3 > marks, risingLines = rising * 3 > marks;
    if (fallingLines && risingLines)
        return Pattern::DiagonalGrid;
    if (risingLines)
        return Pattern::RisingDiagonal;
    return Pattern::Other;
}

} // namespace

class TestMapRender : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<GridLayerData> m_data;

private Q_SLOTS:
    void initTestCase() {
        m_data = buildSmallCounty(m_dir);
        QVERIFY(m_data);
        QCOMPARE(m_data->featureCount(GridLevel::Grid), 60);
    }

    void projectedToWebMercator() {
        // The demo county lies in China: Web Mercator metres of roughly 1.1-1.5e7 east.
        const QRectF b = m_data->bounds();
        QVERIFY2(b.left() > 8e6 && b.right() < 1.6e7, qPrintable(QString::number(b.left())));
        QVERIFY(b.width() > 1000 && b.height() > 1000);
        // Every grid lies inside the county's box and is found by the index at its anchor.
        const MapLevel& grids = m_data->level(GridLevel::Grid);
        for (int i = 0; i < int(grids.features.size()); ++i) {
            const MapFeature& f = grids.features[size_t(i)];
            const FeatureRef hit = m_data->hitTest(GridLevel::Grid, f.labelPoint);
            QCOMPARE(hit.index, i);
        }
    }

    void eachGridFilledWithItsRiskColour() {
        MapRenderer renderer(m_data);
        const QImage image = renderCounty(renderer, QSize(800, 600), GridLevel::Grid, false, false);
        QVERIFY(!image.isNull());
        const MapViewport vp = MapViewport::fit(m_data->bounds(), QSize(800, 600));
        int checked = 0;
        for (const MapFeature& f : m_data->level(GridLevel::Grid).features) {
            const QPoint px = vp.toPixel(f.labelPoint).toPoint();
            QCOMPARE(QColor(image.pixel(px)).rgb(), publishedColour(f.risk));
            ++checked;
        }
        QCOMPARE(checked, 60);
    }

    void riskColourPixelCountsFollowTheGrids() {
        // Structural golden: the share of each colour tracks the projected area per risk level.
        MapRenderer renderer(m_data);
        const QImage image = renderCounty(renderer, QSize(600, 400), GridLevel::Grid, false, false);
        QHash<QRgb, int> pixels;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                ++pixels[image.pixel(x, y)];
        double area[kRiskLevelCount] = {};
        double total = 0;
        const MapLevel& grids = m_data->level(GridLevel::Grid);
        for (const MapFeature& f : grids.features) {
            double a = 0; // shoelace over the rings
            for (quint32 r = f.firstRing; r < f.firstRing + f.ringCount; ++r)
                for (quint32 k = grids.ringStarts[r]; k + 1 < grids.ringStarts[r + 1]; ++k)
                    a += grids.points[k].x() * grids.points[k + 1].y() -
                         grids.points[k + 1].x() * grids.points[k].y();
            area[int(f.risk)] += std::abs(a) / 2;
            total += std::abs(a) / 2;
        }
        int filled = 0;
        for (int r = 0; r < kRiskLevelCount; ++r)
            filled += pixels.value(publishedColour(RiskLevel(r)));
        for (int r = 0; r < kRiskLevelCount; ++r) {
            const double expected = area[r] / total;
            const double got = double(pixels.value(publishedColour(RiskLevel(r)))) / filled;
            QVERIFY2(std::abs(expected - got) < 0.02, qPrintable(QStringLiteral("%1: %2 vs %3")
                                                                     .arg(RiskLevels::key(RiskLevel(r)))
                                                                     .arg(got)
                                                                     .arg(expected)));
        }
    }

    void levelOfDetailSwitchesWithZoom() {
        // Grids about 10 pixels wide: too small to fill, their parents are drawn instead.
        const double gridSize = m_data->level(GridLevel::Grid).typicalSizeM;
        const MapViewport whole(m_data->bounds().center(), gridSize / 10, QSize(240, 200));
        const GridLevel coarse = LevelOfDetail::fillLevel(*m_data, whole.resolution());
        const GridLevel fine = LevelOfDetail::fillLevel(*m_data, gridSize / 40);
        QVERIFY(coarse < GridLevel::Grid);
        QCOMPARE(fine, GridLevel::Grid);
        QVERIFY(LevelOfDetail::boundaryLevels(*m_data, gridSize / 40, fine).contains(GridLevel::County));
        // Zoomed out, a grid's pixel shows its street's (or community's) colour, not its own.
        MapRenderer renderer(m_data);
        MapRenderSettings s;
        s.viewport = whole;
        s.labels = false;
        s.outlines = false;
        s.coarserBoundaries = false;
        const QImage image = renderer.render(s);
        int coarseColour = 0, total = 0;
        for (const MapFeature& f : m_data->level(GridLevel::Grid).features) {
            const MapFeature* parent = m_data->feature(m_data->find(f.parentCode));
            while (parent && m_data->find(parent->code).level > coarse)
                parent = m_data->feature(m_data->find(parent->parentCode));
            QVERIFY(parent);
            const QPoint px = whole.toPixel(f.labelPoint).toPoint();
            coarseColour += QColor(image.pixel(px)).rgb() == publishedColour(parent->risk) ? 1 : 0;
            ++total;
        }
        QVERIFY2(coarseColour >= total * 9 / 10,
                 qPrintable(QStringLiteral("%1/%2").arg(coarseColour).arg(total)));
    }

    void labelsAppearWhereTheyFit() {
        MapRenderer renderer(m_data);
        const QImage plain = renderCounty(renderer, QSize(1200, 900), std::nullopt, false, true, false, 4.0);
        const QImage labelled =
            renderCounty(renderer, QSize(1200, 900), std::nullopt, true, true, false, 4.0);
        const double changed = differingShare(plain, labelled, 10);
        QVERIFY2(changed > 0.002 && changed < 0.2, qPrintable(QString::number(changed)));
        // Dark text pixels (the label colour) exist only in the labelled image.
        const auto darkPixels = [](const QImage& image) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    n += qGray(image.pixel(x, y)) < 70 && qAlpha(image.pixel(x, y)) > 200 ? 1 : 0;
            return n;
        };
        QVERIFY(darkPixels(labelled) > darkPixels(plain) + 200);
    }

    // Each risk level's own pattern, read off the pixels of a patch inside each grid: red and
    // orange (and every other pair) stay distinguishable without colour.
    void accessibleModeDrawsEachLevelsPattern() {
        MapRenderer renderer(m_data);
        // Each grid close up (about 200 pixels across), so every grid of every level is seen.
        const double resolution = m_data->level(GridLevel::Grid).typicalSizeM / 200;
        int checked[kRiskLevelCount] = {};
        for (const MapFeature& f : m_data->level(GridLevel::Grid).features) {
            MapRenderSettings s;
            s.viewport = MapViewport(f.labelPoint, resolution, QSize(64, 64));
            s.forcedLevel = GridLevel::Grid;
            s.labels = false;
            s.outlines = false;
            const QImage plain = renderer.render(s);
            s.accessible = true;
            const QImage hatched = renderer.render(s);
            const QPoint centre = s.viewport.toPixel(f.labelPoint).toPoint();
            const QRect patch(centre - QPoint(8, 8), QSize(17, 17));
            QVERIFY(plain.rect().contains(patch));
            // Only patches wholly inside the grid: every plain pixel is the grid's own colour.
            bool inside = true;
            for (int y = patch.top(); y <= patch.bottom() && inside; ++y)
                for (int x = patch.left(); x <= patch.right() && inside; ++x)
                    inside = (plain.pixel(x, y) & 0xffffff) == (publishedColour(f.risk) & 0xffffff);
            if (!inside)
                continue;
            const Pattern seen = classifyPatch(hatched, patch, publishedColour(f.risk));
            QVERIFY2(seen == publishedPattern(f.risk),
                     qPrintable(QStringLiteral("%1 (%2): pattern %3, expected %4")
                                    .arg(f.code, RiskLevels::key(f.risk))
                                    .arg(int(seen))
                                    .arg(int(publishedPattern(f.risk)))));
            ++checked[int(f.risk)];
        }
        // The small county has grids of every level (49 green, 2 blue, 4 yellow, 4 orange, 1 red).
        for (int r = 0; r < kRiskLevelCount; ++r)
            QVERIFY2(checked[r] >= 1, qPrintable(RiskLevels::key(RiskLevel(r))));
    }

    void goldenImage() {
        // Fonts make labelled goldens fragile; the golden has fills, outlines and boundaries.
        MapRenderer renderer(m_data);
        MapRenderSettings s;
        s.viewport = MapViewport::fit(m_data->bounds(), QSize(480, 320));
        s.viewport.setResolution(s.viewport.resolution() / 3); // grids with their community lines
        s.labels = false;
        const QImage image = renderer.render(s);
        const QString golden = QStringLiteral(GC_MAP_GOLDEN_DIR "/demo60_zoom3.png");
        if (qEnvironmentVariableIsSet("GC_UPDATE_GOLDEN")) {
            QVERIFY(image.save(golden));
            QSKIP("golden written");
        }
        // The golden is the renderer's own earlier output, so it cannot vouch for colours: inside
        // each visible grid (a uniform 5×5 patch around its label point, away from lines) both
        // the image and the golden must show the published colour of the grid's risk level.
        const QImage expected(golden);
        QVERIFY2(!expected.isNull(), qPrintable(golden));
        int checked = 0;
        for (const MapFeature& f : m_data->level(GridLevel::Grid).features) {
            const QPoint c = s.viewport.toPixel(f.labelPoint).toPoint();
            const QRect patch(c - QPoint(2, 2), QSize(5, 5));
            if (!image.rect().contains(patch))
                continue;
            bool uniform = true;
            for (int y = patch.top(); y <= patch.bottom(); ++y)
                for (int x = patch.left(); x <= patch.right(); ++x)
                    uniform &= image.pixel(x, y) == image.pixel(c);
            if (!uniform)
                continue;
            QCOMPARE(image.pixel(c) & 0xffffff, publishedColour(f.risk) & 0xffffff);
            QCOMPARE(expected.pixel(c) & 0xffffff, publishedColour(f.risk) & 0xffffff);
            ++checked;
        }
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));
        const double share = differingShare(image, expected, 24);
        QVERIFY2(share < 0.01, qPrintable(QStringLiteral("%1 % of pixels differ").arg(share * 100)));
    }

    void parallelBandsDrawTheSameAsOne() {
        MapRenderer renderer(m_data);
        MapRenderSettings s;
        s.viewport = MapViewport::fit(m_data->bounds(), QSize(640, 480));
        s.labels = false;
        s.threads = 1;
        const QImage one = renderer.render(s);
        s.threads = 2;
        const QImage two = renderer.render(s);
        QVERIFY(differingShare(one, two, 0) < 0.001);
    }

    void cancelledJobGivesNoImage() {
        MapRenderer renderer(m_data);
        MapRenderSettings s;
        s.viewport = MapViewport::fit(m_data->bounds(), QSize(640, 480));
        std::atomic_bool cancel = true;
        QVERIFY(renderer.render(s, &cancel).isNull());
    }

    void gcj02ShiftsGeometry() {
        QTemporaryDir dir;
        auto shifted = buildSmallCounty(m_dir, 60, true);
        QVERIFY(shifted);
        const QPointF d = shifted->bounds().center() - m_data->bounds().center();
        const double metres = std::hypot(d.x(), d.y());
        // The GCJ-02 offset is some hundreds of metres inside China.
        QVERIFY2(metres > 100 && metres < 1500, qPrintable(QString::number(metres)));
        // A lon/lat position lands in the same grid with or without the shift.
        const MapFeature& f = m_data->level(GridLevel::Grid).features.front();
        const QPointF lonLat = m_data->unproject(f.labelPoint);
        QCOMPARE(shifted->hitTest(GridLevel::Grid, shifted->project(lonLat)).index, 0);
    }
};

QTEST_MAIN(TestMapRender)
#include "test_map_render.moc"
