#pragma once

#include <QList>
#include <QString>

namespace gc {

// One grid's Getis-Ord Gi* result (the contract of `gridctl hotspots --json`).
struct HotSpot {
    QString code;
    double count = 0; // tickets created in the window (merged and invalid excluded)
    double z = 0;     // Gi* z-score
    double p = 1;     // two-sided p-value
    int bin = 0;      // ±3 / ±2 / ±1 for 99 / 95 / 90 % confidence, 0 otherwise
};

// Getis-Ord Gi* (Getis & Ord 1992, Ord & Getis 1995) with binary weights: a grid's neighbours
// (sharing a boundary of positive length) and the grid itself weigh 1, the rest 0.
//   Gi* = (Σj wij xj − X̄ Σj wij) / (S √((n Σj wij² − (Σj wij)²) / (n − 1)))
//   X̄ = Σ xj / n,  S = √(Σ xj² / n − X̄²)
class GetisOrd {
public:
    // z per grid; `neighbours[i]` lists i's neighbours without i itself. All z are 0 when
    // every count is equal (S = 0) or n < 2.
    static QList<double> giStar(const QList<double>& x, const QList<QList<int>>& neighbours);
    static double twoSidedP(double z);
    static int bin(double z);
};

} // namespace gc
