#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>

namespace gc::dashboard {

// A period a panel reports on, in China time: [from, to) as `gridctl stats --from --to` counts it.
struct Period {
    QString key; // today, week, month, 7d, 30d
    QDateTime from, to;
    // The period `key` names around `now`; nullopt for an unknown key.
    static std::optional<Period> of(const QString& key, const QDateTime& now);
    static QStringList keys();
    QString displayName() const; // 今日, 本周, 本月, 近7天, 近30天
};

// One panel of the big screen: what it shows and where, in cells of the layout's grid.
struct PanelSpec {
    QString
        type;   // header, kpis, open_by_state, trend, satisfaction, ranking, map, workers, alerts, source_mix
    QRect cell; // in grid cells
    QString title;                                   // empty: the type's own title
    QString period = QStringLiteral("month");        // kpis, open_by_state, ranking, source_mix
    QString group;                                   // ranking: street | department
    QString metric = QStringLiteral("satisfaction"); // ranking: satisfaction | closure | on_time
    QString layer = QStringLiteral("heat");          // map: heat | none
    bool hatch = true; // map: hatch per risk band (colour is never the only cue)
};

// The big screen's layout, read from a JSON file (maps/dashboard-16x9.json, maps/dashboard-32x9.json):
//   {"name": "…", "columns": 24, "rows": 12, "trend_days": 30, "satisfaction_weeks": 6,
//    "floors": {"satisfaction": 0.85, "closure": 0.8, "on_time": 0.85},
//    "panels": [{"type": "kpis", "period": "today", "x": 0, "y": 1, "w": 6, "h": 3}, …]}
// Panels must lie inside the grid and must not overlap; anything else is refused with one line.
struct DashboardLayout {
    QString name;
    int columns = 24;
    int rows = 12;
    int trendDays = 30;
    int satisfactionWeeks = 6;
    double satisfactionFloor = 0.85;
    double closureFloor = 0.80;
    double onTimeFloor = 0.85;
    QList<PanelSpec> panels;

    static std::optional<DashboardLayout> fromJson(const QByteArray& json, QString* error);
    static std::optional<DashboardLayout> fromFile(const QString& path, QString* error);
    // The shipped layout for a screen of this size: 32:9 when it is at least 2.5 times as wide as
    // high, else 16:9.
    static DashboardLayout builtIn(QSize screen);
    static DashboardLayout builtIn(const QString& name); // "16x9" or "32x9"

    // Every period some panel reports on, plus the trend's days; facts older than the earliest
    // `from` are not needed.
    QStringList periodKeys() const;
    double floorOf(const QString& metric) const;
    bool hasPanel(const QString& type) const;
    const PanelSpec* firstPanel(const QString& type) const;
    // A panel's rectangle in pixels on a screen of `size`.
    QRect panelRect(const PanelSpec& panel, QSize size) const;
};

} // namespace gc::dashboard
