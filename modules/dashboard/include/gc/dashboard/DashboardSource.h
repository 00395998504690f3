#pragma once

#include "gc/dashboard/DashboardFigures.h"
#include "gc/dashboard/DashboardLayout.h"

#include <QObject>
#include <QSize>

#include <algorithm>
#include <functional>
#include <memory>

class QTimer;

namespace gc {
class CountyStore;
namespace map {
class GridLayerData;
class MapRenderer;
} // namespace map
} // namespace gc

namespace gc::dashboard {

// The big screen's data, kept incrementally on its own thread with its own read-only connection:
// it reads the tickets of the layout's window once, then follows the store's change signal (the
// ticket event log's bookmark, TicketQueries::ticketsChangedSince, polled each second — the way
// the workbench learns of other seats' actions) and re-reads only the tickets that changed, and
// the risk history's new rows for bands. Figures are recomputed from memory and published as an
// immutable snapshot; the GUI thread only swaps the snapshot and paints.
class DashboardSource : public QObject {
    Q_OBJECT
public:
    explicit DashboardSource(QObject* parent = nullptr);
    ~DashboardSource() override;

    // The clock (tests and benchmarks fix it); China time.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const;

    // Opens the county read-only and reads what the layout needs. On this object's thread.
    bool open(const QString& path, const DashboardLayout& layout, QString* error);
    // Re-reads the given tickets (after their events); false when none was news.
    bool applyTicketChanges(const QList<qint64>& ticketIds);
    // Recomputes every figure at now() and, when the map panel has a size, the map image.
    std::shared_ptr<const DashboardFigures> compute();
    // Milliseconds of the last map render (0 when none).
    double lastMapMs() const { return m_lastMapMs; }
    int gridCount() const;
    // The newest ticket held (benchmarks replay an event on it); 0 when none.
    qint64 newestTicketId() const {
        return m_ids.isEmpty() ? 0 : *std::max_element(m_ids.cbegin(), m_ids.cend());
    }
    qint64 ticketCount() const;

public Q_SLOTS:
    // Starts following the store (1 s polls; a full recompute from memory each minute, as time
    // alone moves overdue counts and periods) and publishes a first snapshot.
    void start(const QString& path, const gc::dashboard::DashboardLayout& layout);
    void setMapSize(QSize size);
    // One poll of the change signal; publishes when something changed. Returns the tickets changed.
    int poll();

Q_SIGNALS:
    void figuresReady(std::shared_ptr<const gc::dashboard::DashboardFigures> figures);
    void failed(const QString& message);

private:
    void publish();
    bool readWorkers();
    bool readRiskChanges(bool initial);
    QImage renderMap(const DashboardFigures& figures);

    std::function<QDateTime()> m_clock;
    std::unique_ptr<CountyStore> m_store;
    DashboardLayout m_layout;
    QString m_countyName;
    // Facts of the window, index by ticket id.
    QList<TicketFacts> m_facts;
    QList<qint64> m_ids;
    QHash<qint64, qsizetype> m_indexOf;
    QDateTime m_windowStart;
    QHash<QString, QString> m_streetOf, m_streetNames, m_departmentNames, m_gridNames;
    qint64 m_lastEventId = 0;
    // Risk: the grids' bands (read once, then kept from the history's new rows) and the bands that
    // changed since the map data was loaded.
    QHash<QString, RiskLevel> m_gridBands;
    QHash<QString, RiskLevel> m_bandChanges;
    QDateTime m_riskSeen;
    qint64 m_riskLastId = 0;
    QList<AlertItem> m_redAlerts;
    bool m_bandsChanged = true;
    // Workers.
    int m_workersOnline = 0, m_workersTotal = 0;
    QList<AlertItem> m_lateAlerts;
    QDateTime m_workersReadAt;
    // Map.
    std::shared_ptr<const map::GridLayerData> m_mapData;
    std::unique_ptr<map::MapRenderer> m_renderer;
    QSize m_mapSize;
    QImage m_riskImage; // the bands at m_mapSize, re-rendered only when bands or size change
    double m_lastMapMs = 0;
    qint64 m_version = 0;
    QDateTime m_lastPublish;
    QTimer* m_timer = nullptr;
};

} // namespace gc::dashboard
