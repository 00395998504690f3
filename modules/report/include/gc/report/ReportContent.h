#pragma once

#include "gc/core/Kpi.h"
#include "gc/core/ReportPeriod.h"
#include "gc/core/RiskLevel.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace gc {
class CountyStore;
}

namespace gc::report {

// One line of a report's tables: a street, a department, a category, a source or a day.
struct UnitRow {
    QString key;
    QString name;
    KpiSet kpis;
};

// 不满意率: unsatisfied ratings over all ratings (1 − satisfactionRate), -1 when nobody rated.
double unsatisfiedRate(const KpiSet& k);

// A grid whose band moved during the period, from its band before the first change of the period
// to its band after the last.
struct RiskMove {
    QString code;
    QString name;
    QString streetName;
    RiskLevel from = RiskLevel::Green;
    RiskLevel to = RiskLevel::Green;
    int changes = 0;
    QDateTime lastAt;
};

// 风险变化 of the period, from the risk engine's recorded history (grid level).
struct RiskSection {
    int changes = 0;                             // recorded band changes of grids
    int gridsChanged = 0;                        // grids with at least one
    int worsened = 0;                            // ended the period in a higher band than they started
    int improved = 0;                            // … in a lower one
    std::array<int, kRiskLevelCount> raisedTo{}; // worsened grids by the band they ended in
    QList<RiskMove> worst; // worsened grids, highest band first (at most ReportOptions::riskRows)
};

struct ReportOptions {
    double satisfactionFloor = 0.85; // units below it are named
    int topCategories = 10;
    int riskRows = 15;
};

// Everything a report says, built once and written as PDF or XLSX alike. Every KPI is the one
// definition's (gc::KpiAccumulator) over the tickets created in the period as of `asOf`: the
// figures `gridctl stats COUNTY --from FIRST --to LAST --as-of ASOF [--by …]` prints.
struct ReportContent {
    QString countyCode;
    QString countyName;
    ReportPeriod period;
    ReportPeriod previous;
    QDateTime asOf;
    ReportOptions options;
    KpiSet totals;
    KpiSet previousTotals;
    QList<UnitRow> streets;     // busiest first
    QList<UnitRow> departments; // busiest first
    QList<UnitRow> categories;  // the top options.topCategories, busiest first
    QList<UnitRow> sources;     // busiest first
    QList<UnitRow> days;        // every day of the period in order; key = ISO date
    RiskSection risk;

    QString title() const;    // "江城示范县 2026年第47周 工单运行情况报告"
    QString subtitle() const; // the days, and when the figures were taken
    double dailyAverage() const { return double(totals.received) / period.days(); }
    double previousDailyAverage() const { return double(previousTotals.received) / previous.days(); }
    // Rows whose satisfaction is below the floor (rated ones only), lowest first.
    QList<UnitRow> belowFloor(const QList<UnitRow>& rows) const;
    // The report's summary paragraph: totals, daily average and the change against the
    // previous period.
    QString summaryText() const;
};

// Reads the period and the one before it through the store's created_at index, groups with
// gc::kpiGrouping and reads the risk history (RiskStore wants a non-const store; nothing is
// written).
ReportContent buildReport(CountyStore& store, const ReportPeriod& period, const QDateTime& asOf,
                          const ReportOptions& options = {});

// "93.2%", or "—" for -1 (no data): how every rate of a report is shown.
QString percentText(double rate);
// "+12.5%" / "−3.0%" change of a count or average, "—" without a base; "+1.2个百分点" change of a rate.
QString countChangeText(double now, double before);
QString rateChangeText(double now, double before);

} // namespace gc::report
