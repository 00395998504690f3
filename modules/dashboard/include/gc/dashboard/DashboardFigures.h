#pragma once

#include "gc/core/Kpi.h"
#include "gc/core/RiskLevel.h"
#include "gc/dashboard/DashboardLayout.h"

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QMap>
#include <QRectF>

#include <functional>

namespace gc::dashboard {

// One period's figures: the KPIs of core's one definition, open tickets by state, sources.
struct PeriodFigures {
    Period period;
    KpiSet kpis;
    QMap<TicketState, int> openByState; // of the period's tickets still open at asOf
    QMap<TicketSource, int> received;   // valid tickets received per source
};

struct RankingRow {
    QString code, name;
    KpiSet kpis;
};

struct DailyPoint {
    QDate day;
    int received = 0;
    int closed = 0; // of that day's tickets, closed by asOf (the KPI's closed)
};

struct WeeklyPoint {
    QDate monday;
    int rated = 0;
    double satisfaction = -1;
};

struct AlertItem {
    enum class Kind { OverdueUrgent, GridTurnedRed, WorkerLate };
    Kind kind = Kind::OverdueUrgent;
    QDateTime at;
    QString text;
};

// Everything the big screen shows at one moment; computed off the GUI thread, painted by
// DashboardPainter. Immutable once published.
struct DashboardFigures {
    static constexpr QRgb kMapGround = 0xff0e1a2c; // the map image's ground: the panel's colour
    QString countyName;
    QDateTime asOf;
    QHash<QString, PeriodFigures> periods;      // by period key
    QHash<QString, QList<RankingRow>> rankings; // by "group/period"
    QList<DailyPoint> daily;                    // trend_days, oldest first
    QList<WeeklyPoint> weekly;                  // satisfaction_weeks, oldest first
    int workersOnline = 0, workersTotal = 0;
    QList<AlertItem> alerts;         // newest first
    QHash<RiskLevel, int> gridBands; // grids per band
    int grids = 0;
    qint64 ticketsHeld = 0; // facts in memory (the window)
    QImage map;             // risk map of the map panel, heat drawn in
    qint64 version = 0;     // increases with every publication
    double computeMs = 0;   // the last recompute, off the GUI thread
};

// The figures' ticket part from facts in memory: every number through computeKpis/computeKpisBy.
struct FactsView {
    const QList<TicketFacts>* facts = nullptr;
    const QList<qint64>* ids = nullptr;
    std::function<QString(const TicketFacts&)> streetOf;
    QHash<QString, QString> streetNames, departmentNames, gridNames;
};
void computeTicketFigures(const DashboardLayout& layout, const FactsView& view, const QDateTime& asOf,
                          DashboardFigures* out);
// The facts' times as UTC instants (what the figures compare; see computeTicketFigures).
void toUtc(TicketFacts* facts);
// The earliest creation time any panel of `layout` needs at `now`.
QDateTime earliestNeeded(const DashboardLayout& layout, const QDateTime& now);

} // namespace gc::dashboard
