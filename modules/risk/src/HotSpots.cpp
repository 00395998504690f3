// Getis-Ord Gi* over a neighbour list: the statistic only, so a hand computation can check it.
#include "gc/risk/HotSpots.h"

#include <cmath>

namespace gc {

QList<double> GetisOrd::giStar(const QList<double>& x, const QList<QList<int>>& neighbours) {
    const qsizetype n = x.size();
    QList<double> z(n, 0.0);
    if (n < 2 || neighbours.size() != n)
        return z;
    double sum = 0, sumSquares = 0;
    for (double v : x) {
        sum += v;
        sumSquares += v * v;
    }
    const double mean = sum / double(n);
    const double variance = sumSquares / double(n) - mean * mean;
    if (variance <= 0)
        return z;
    const double s = std::sqrt(variance);
    for (qsizetype i = 0; i < n; ++i) {
        // Binary weights with the grid itself included: W = Σ wij = Σ wij² = 1 + neighbours.
        double local = x[i];
        for (int j : neighbours[i])
            local += x[j];
        const double w = 1.0 + double(neighbours[i].size());
        const double denominator = s * std::sqrt((double(n) * w - w * w) / double(n - 1));
        z[i] = denominator > 0 ? (local - mean * w) / denominator : 0.0;
    }
    return z;
}

double GetisOrd::twoSidedP(double z) {
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

int GetisOrd::bin(double z) {
    // The critical values of the two-sided normal test at 99 %, 95 % and 90 % confidence.
    const double a = std::fabs(z);
    const int magnitude = a >= 2.5758293035489004   ? 3
                          : a >= 1.959963984540054  ? 2
                          : a >= 1.6448536269514722 ? 1
                                                    : 0;
    return z < 0 ? -magnitude : magnitude;
}

} // namespace gc
