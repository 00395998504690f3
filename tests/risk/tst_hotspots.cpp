// Getis-Ord Gi* against hand computations on a 3×3 lattice, and the GEOS adjacency that feeds it.
#include "gc/geo/Geometry.h"
#include "gc/geo/GridAdjacency.h"
#include "gc/risk/HotSpots.h"

#include <QtTest>
#include <cmath>

using namespace gc;

namespace {

// The lattice, cells numbered row by row:
//   0 1 2
//   3 4 5
//   6 7 8
// Rook neighbours (shared edge): 12 pairs. Diagonal cells touch at one corner only.
QList<QList<int>> rookLattice() {
    return {{1, 3}, {0, 2, 4}, {1, 5}, {0, 4, 6}, {1, 3, 5, 7}, {2, 4, 8}, {3, 7}, {4, 6, 8}, {5, 7}};
}

} // namespace

class TestHotSpots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // x = 9 in the centre, 0 elsewhere. n = 9, X̄ = 1, Σx² = 81, S = √(81/9 − 1) = √8 = 2√2.
    //   centre (W = 5: itself + 4): Σwx = 9, numerator 9 − 1·5 = 4,
    //     denominator 2√2 · √((9·5 − 25)/8) = 2√2 · √2.5 = 2√5  →  z = 4/(2√5) = 2/√5
    //   edge cell 1 (W = 4: itself, 0, 2, 4): Σwx = 9, numerator 9 − 4 = 5,
    //     denominator 2√2 · √((36 − 16)/8) = 2√5  →  z = 5/(2√5) = √5/2
    //   corner 0 (W = 3: itself, 1, 3): Σwx = 0, numerator −3,
    //     denominator 2√2 · √((27 − 9)/8) = 2√2 · 1.5 = 3√2  →  z = −3/(3√2) = −1/√2
    void centreSpike() {
        const QList<double> x = {0, 0, 0, 0, 9, 0, 0, 0, 0};
        const QList<double> z = GetisOrd::giStar(x, rookLattice());
        QVERIFY(std::fabs(z[4] - 2.0 / std::sqrt(5.0)) < 1e-9);
        QVERIFY(std::fabs(z[1] - std::sqrt(5.0) / 2.0) < 1e-9);
        QVERIFY(std::fabs(z[0] - (-1.0 / std::sqrt(2.0))) < 1e-9);
        for (int edge : {1, 3, 5, 7})
            QVERIFY(std::fabs(z[edge] - z[1]) < 1e-12);
    }

    // x = 1 … 9 row by row. X̄ = 5, Σx² = 285, S² = 285/9 − 25 = 20/3.
    //   corner 0 (value 1; neighbours 2 and 4): Σwx = 7, numerator 7 − 15 = −8,
    //     denominator √(20/3) · √((27 − 9)/8) = √(20/3 · 9/4) = √15  →  z = −8/√15
    //   corner 8 (value 9; neighbours 6 and 8): Σwx = 23, numerator 8  →  z = 8/√15
    //   centre (5 + 2 + 4 + 6 + 8 = 25 = 5 · 5): z = 0
    //   edge 1 (2 + 1 + 3 + 5 = 11, W = 4): numerator 11 − 20 = −9,
    //     denominator √(20/3) · √((36 − 16)/8) = √(20/3 · 5/2) = √(50/3)  →  z = −9/√(50/3)
    void gradient() {
        const QList<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        const QList<double> z = GetisOrd::giStar(x, rookLattice());
        QVERIFY(std::fabs(z[0] - (-8.0 / std::sqrt(15.0))) < 1e-9);
        QVERIFY(std::fabs(z[8] - 8.0 / std::sqrt(15.0)) < 1e-9);
        QVERIFY(std::fabs(z[4]) < 1e-9);
        QVERIFY(std::fabs(z[1] - (-9.0 / std::sqrt(50.0 / 3.0))) < 1e-9);
        // −8/√15 = −2.0656: beyond 1.96, inside 2.576 → a 95 % cold spot.
        QCOMPARE(GetisOrd::bin(z[0]), -2);
        QCOMPARE(GetisOrd::bin(z[8]), 2);
        QCOMPARE(GetisOrd::bin(z[4]), 0);
        // Two-sided p of |z| = 1.959963984540054 is 0.05 (normal table).
        QVERIFY(std::fabs(GetisOrd::twoSidedP(1.959963984540054) - 0.05) < 1e-9);
        QVERIFY(std::fabs(GetisOrd::twoSidedP(-2.5758293035489004) - 0.01) < 1e-9);
    }

    void equalCountsGiveZeroes() {
        const QList<double> z = GetisOrd::giStar(QList<double>(9, 3.0), rookLattice());
        for (double v : z)
            QCOMPARE(v, 0.0);
    }

    void binsAtTheCriticalValues() {
        QCOMPARE(GetisOrd::bin(2.58), 3);
        QCOMPARE(GetisOrd::bin(-2.0), -2);
        QCOMPARE(GetisOrd::bin(1.7), 1);
        QCOMPARE(GetisOrd::bin(1.6), 0);
    }

    // The lattice as polygons: GEOS finds the 12 shared edges and not the 8 corner contacts
    // (0–4, 1–3, 1–5, 2–4, 3–7, 4–6, 4–8, 5–7).
    void adjacencyFromGeometry() {
        QList<QByteArray> cells;
        for (int row = 0; row < 3; ++row)
            for (int col = 0; col < 3; ++col) {
                const double x = 120 + col * 0.01, y = 30 - row * 0.01;
                cells << geo::fromWkt(QStringLiteral("MULTIPOLYGON(((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2)))")
                                          .arg(x, 0, 'f', 2)
                                          .arg(y, 0, 'f', 2)
                                          .arg(x + 0.01, 0, 'f', 2)
                                          .arg(y - 0.01, 0, 'f', 2));
            }
        QString error;
        const auto pairs = geo::GridAdjacency::sharedBoundaries(cells, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QList<QList<int>> neighbours(9);
        for (const auto& [a, b] : pairs) {
            QVERIFY(a < b);
            neighbours[a] << b;
            neighbours[b] << a;
        }
        for (auto& n : neighbours)
            std::sort(n.begin(), n.end());
        QCOMPARE(pairs.size(), 12);
        QCOMPARE(neighbours, rookLattice());
    }
};

QTEST_GUILESS_MAIN(TestHotSpots)
#include "tst_hotspots.moc"
