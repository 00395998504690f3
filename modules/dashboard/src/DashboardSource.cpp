// The big screen's data on its own thread: one read of the window, then only what the change signal names.
#include "gc/dashboard/DashboardSource.h"

#include "gc/core/ChinaTime.h"
#include "gc/feed/WorkerStatus.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/RiskStyle.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"
#include "gc/store/RiskStore.h"
#include "gc/store/TicketQueries.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace gc::dashboard {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DashboardSource)
};

constexpr int kPollMs = 1000;            // the change signal: events after the bookmark
constexpr qint64 kRecomputeSeconds = 60; // time alone moves overdue counts, periods, workers' status
constexpr qint64 kWorkersSeconds = 15;   // last fixes have no event log: a small table, read again
constexpr qint64 kAlertWindowSeconds = 24 * 3600;
constexpr int kHeatDays = 7;
constexpr int kHeatCellPx = 6;
constexpr int kMaxAlertsPerKind = 60;

} // namespace

DashboardSource::DashboardSource(QObject* parent) : QObject(parent), m_clock([] { return chinaNow(); }) {}

DashboardSource::~DashboardSource() = default;

QDateTime DashboardSource::now() const {
    return m_clock();
}

int DashboardSource::gridCount() const {
    return int(m_gridBands.size());
}

qint64 DashboardSource::ticketCount() const {
    return m_store ? m_store->ticketCount() : 0;
}

bool DashboardSource::open(const QString& path, const DashboardLayout& layout, QString* error) {
    m_store = CountyStore::open(path, error, CountyStore::Access::ReadOnly);
    if (!m_store)
        return false;
    m_layout = layout;
    m_countyName = m_store->info().name;
    m_streetOf = m_store->ancestorCodes(GridLevel::Street);
    for (const GridRecord& r : m_store->grids(GridLevel::Street, false))
        m_streetNames.insert(r.code, r.name);
    for (const GridRecord& r : m_store->grids(GridLevel::Grid, false))
        m_gridNames.insert(r.code, r.name);
    for (const DepartmentRecord& d : m_store->departments())
        m_departmentNames.insert(d.code, d.name);
    // The bookmark first: an event written while the window is read is applied again, harmlessly.
    m_lastEventId = TicketQueries::lastEventId(*m_store);
    const QDateTime t = now();
    m_windowStart = earliestNeeded(layout, t);
    m_windowStart = m_windowStart.toUTC();
    m_facts = m_store->ticketFacts(m_windowStart, t.addYears(100), &m_ids);
    for (TicketFacts& f : m_facts)
        toUtc(&f);
    m_indexOf.clear();
    m_indexOf.reserve(m_ids.size());
    for (qsizetype i = 0; i < m_ids.size(); ++i)
        m_indexOf.insert(m_ids[i], i);
    if (layout.hasPanel(QStringLiteral("map"))) {
        m_mapData = map::GridLayerData::load(*m_store, {}, error);
        if (!m_mapData)
            return false;
        m_renderer = std::make_unique<map::MapRenderer>(m_mapData);
    }
    m_gridBands = RiskStore(*m_store).bands(GridLevel::Grid);
    readRiskChanges(true);
    readWorkers();
    return true;
}

bool DashboardSource::applyTicketChanges(const QList<qint64>& ticketIds) {
    bool news = false;
    for (qint64 id : ticketIds) {
        const std::optional<Ticket> ticket = m_store->ticket(id);
        if (!ticket)
            continue;
        TicketFacts facts = TicketFacts::of(*ticket);
        toUtc(&facts);
        const auto at = m_indexOf.constFind(id);
        if (at != m_indexOf.cend()) {
            m_facts[*at] = facts;
            news = true;
        } else if (facts.createdAt >= m_windowStart) {
            m_indexOf.insert(id, m_facts.size());
            m_facts.append(facts);
            m_ids.append(id);
            news = true;
        }
    }
    return news;
}

bool DashboardSource::readRiskChanges(bool initial) {
    const QDateTime t = now();
    RiskHistoryFilter filter;
    filter.from = initial ? t.addSecs(-kAlertWindowSeconds) : m_riskSeen;
    QList<RiskChange> changes = RiskStore(*m_store).history(filter);
    std::sort(changes.begin(), changes.end(),
              [](const RiskChange& a, const RiskChange& b) { return a.id < b.id; });
    bool news = false;
    for (const RiskChange& c : std::as_const(changes)) {
        if (c.id <= m_riskLastId)
            continue;
        m_riskLastId = c.id;
        m_riskSeen = std::max(m_riskSeen, c.at);
        if (!initial) { // the initial bands are the tables' (they already hold these changes)
            m_bandChanges.insert(c.code, c.to);
            if (c.level == GridLevel::Grid)
                m_gridBands.insert(c.code, c.to);
        }
        news = true;
        if (c.level == GridLevel::Grid && c.to == RiskLevel::Red && c.from != RiskLevel::Red) {
            m_redAlerts.prepend({AlertItem::Kind::GridTurnedRed, c.at,
                                 Tr::tr("网格转红 %1 · %2").arg(m_gridNames.value(c.code, c.code), c.code)});
        }
    }
    if (!m_riskSeen.isValid())
        m_riskSeen = t;
    const QDateTime oldest = t.addSecs(-kAlertWindowSeconds);
    m_redAlerts.removeIf([&](const AlertItem& a) { return a.at < oldest; });
    if (m_redAlerts.size() > kMaxAlertsPerKind)
        m_redAlerts.resize(kMaxAlertsPerKind);
    if (news && !initial)
        m_bandsChanged = true;
    return news;
}

bool DashboardSource::readWorkers() {
    const QDateTime t = now();
    m_workersReadAt = t;
    int online = 0;
    const QList<WorkerRecord> workers = m_store->workers();
    QHash<qint64, QString> names;
    for (const WorkerRecord& w : workers) {
        names.insert(w.id, w.name);
        if (w.lastAt.isValid() && feed::workerStatus(w.lastAt, t) == feed::WorkerStatus::Online)
            ++online;
    }
    QList<AlertItem> late;
    for (const AlertRecord& a : FeedStore(*m_store).alerts(t.addSecs(-kAlertWindowSeconds).toSecsSinceEpoch(),
                                                           t.toSecsSinceEpoch())) {
        if (a.kind != u"arrival_overdue")
            continue;
        late.prepend({AlertItem::Kind::WorkerLate, fromEpochSeconds(a.at),
                      Tr::tr("网格员未按时到场 %1 · 工单 #%2").arg(names.value(a.workerId)).arg(a.ticketId)});
    }
    std::sort(late.begin(), late.end(), [](const AlertItem& a, const AlertItem& b) { return a.at > b.at; });
    if (late.size() > kMaxAlertsPerKind)
        late.resize(kMaxAlertsPerKind);
    const bool news = online != m_workersOnline || workers.size() != m_workersTotal ||
                      late.size() != m_lateAlerts.size() ||
                      (!late.isEmpty() && late.first().at != m_lateAlerts.first().at);
    m_workersOnline = online;
    m_workersTotal = int(workers.size());
    m_lateAlerts = late;
    return news;
}

void DashboardSource::start(const QString& path, const DashboardLayout& layout) {
    QString error;
    if (!open(path, layout, &error)) {
        Q_EMIT failed(error);
        return;
    }
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, [this] { poll(); });
    m_timer->start(kPollMs);
    publish();
}

void DashboardSource::setMapSize(QSize size) {
    if (size == m_mapSize)
        return;
    m_mapSize = size;
    m_riskImage = QImage();
    if (m_store)
        publish();
}

int DashboardSource::poll() {
    if (!m_store)
        return 0;
    const QList<qint64> ids = TicketQueries::ticketsChangedSince(*m_store, &m_lastEventId);
    const bool tickets = applyTicketChanges(ids);
    const bool risk = readRiskChanges(false);
    const QDateTime t = now();
    const bool workers = m_workersReadAt.secsTo(t) >= kWorkersSeconds && readWorkers();
    if (tickets || risk || workers || !m_lastPublish.isValid() ||
        m_lastPublish.secsTo(t) >= kRecomputeSeconds)
        publish();
    return tickets ? int(ids.size()) : 0;
}

void DashboardSource::publish() {
    Q_EMIT figuresReady(compute());
}

std::shared_ptr<const DashboardFigures> DashboardSource::compute() {
    QElapsedTimer timer;
    timer.start();
    auto f = std::make_shared<DashboardFigures>();
    const QDateTime t = now();
    m_lastPublish = t;
    FactsView view;
    view.facts = &m_facts;
    view.ids = &m_ids;
    view.streetOf = [this](const TicketFacts& facts) { return m_streetOf.value(facts.gridCode); };
    view.streetNames = m_streetNames;
    view.departmentNames = m_departmentNames;
    view.gridNames = m_gridNames;
    computeTicketFigures(m_layout, view, t, f.get());
    QList<AlertItem> overdue = f->alerts;
    if (overdue.size() > kMaxAlertsPerKind)
        overdue.resize(kMaxAlertsPerKind);
    f->alerts = m_redAlerts + m_lateAlerts + overdue;
    f->countyName = m_countyName;
    f->workersOnline = m_workersOnline;
    f->workersTotal = m_workersTotal;
    for (RiskLevel band : std::as_const(m_gridBands))
        ++f->gridBands[band];
    f->grids = int(m_gridBands.size());
    f->computeMs = timer.nsecsElapsed() / 1e6;
    if (m_renderer && m_mapSize.isValid() && !m_mapSize.isEmpty())
        f->map = renderMap(*f);
    f->version = ++m_version;
    return f;
}

QImage DashboardSource::renderMap(const DashboardFigures& figures) {
    QElapsedTimer timer;
    timer.start();
    const map::MapViewport viewport = map::MapViewport::fit(m_mapData->bounds(), m_mapSize, 8);
    const PanelSpec* panel = m_layout.firstPanel(QStringLiteral("map"));
    if (m_riskImage.isNull() || m_bandsChanged) {
        auto colouring = std::make_shared<map::FeatureColouring>();
        for (int r = 0; r < kRiskLevelCount; ++r)
            colouring->palette << map::RiskStyle::fillColor(static_cast<RiskLevel>(r));
        for (int l = 1; l <= kGridLevelCount; ++l) {
            const map::MapLevel& level = m_mapData->level(static_cast<GridLevel>(l));
            std::vector<quint8>& classes = colouring->classes[l - 1];
            classes.resize(level.features.size());
            for (size_t i = 0; i < classes.size(); ++i)
                classes[i] = quint8(m_bandChanges.value(level.features[i].code, level.features[i].risk));
        }
        map::MapRenderSettings settings;
        settings.viewport = viewport;
        settings.labels = false;
        settings.accessible = panel && panel->hatch;
        settings.colouring = colouring;
        m_riskImage = m_renderer->render(settings).copy();
        m_bandsChanged = false;
    }
    // Opaque, on the panel's colour: the frame then copies it instead of blending 2.5 million pixels.
    QImage out(m_mapSize, QImage::Format_RGB32);
    out.fill(DashboardFigures::kMapGround);
    QPainter p(&out);
    p.setOpacity(0.85);
    p.drawImage(0, 0, m_riskImage);
    p.setOpacity(1);
    if (panel && panel->layer == u"heat") {
        // Ticket heat: tickets received in the last days at their grid's label point, binned in
        // cells, blurred twice, and drawn as a translucent magenta-to-white glow over the bands.
        const int cols = m_mapSize.width() / kHeatCellPx + 1, rows = m_mapSize.height() / kHeatCellPx + 1;
        std::vector<float> cells(size_t(cols) * rows, 0.f);
        const QDateTime since = figures.asOf.toUTC().addDays(-kHeatDays);
        for (const TicketFacts& t : std::as_const(m_facts)) {
            if (t.createdAt < since || t.state == TicketState::Merged || t.state == TicketState::Invalid)
                continue;
            const map::FeatureRef ref = m_mapData->find(t.gridCode);
            const map::MapFeature* feature = m_mapData->feature(ref);
            if (!feature)
                continue;
            const QPointF px = viewport.toPixel(feature->labelPoint);
            const int cx = int(px.x()) / kHeatCellPx, cy = int(px.y()) / kHeatCellPx;
            if (cx >= 0 && cy >= 0 && cx < cols && cy < rows)
                cells[size_t(cy) * cols + cx] += 1.f;
        }
        std::vector<float> tmp(cells.size());
        for (int pass = 0; pass < 2; ++pass) {
            for (int y = 0; y < rows; ++y)
                for (int x = 0; x < cols; ++x) {
                    float s = 0;
                    for (int d = -2; d <= 2; ++d)
                        s += cells[size_t(y) * cols + std::clamp(x + d, 0, cols - 1)];
                    tmp[size_t(y) * cols + x] = s / 5;
                }
            for (int y = 0; y < rows; ++y)
                for (int x = 0; x < cols; ++x) {
                    float s = 0;
                    for (int d = -2; d <= 2; ++d)
                        s += tmp[size_t(std::clamp(y + d, 0, rows - 1)) * cols + x];
                    cells[size_t(y) * cols + x] = s / 5;
                }
        }
        std::vector<float> sorted;
        for (float v : cells)
            if (v > 0)
                sorted.push_back(v);
        if (!sorted.empty()) {
            // The 98th percentile is full strength, so one busy grid does not dim the county.
            std::nth_element(sorted.begin(), sorted.begin() + qsizetype(sorted.size() * 0.98), sorted.end());
            const float top = std::max(sorted[size_t(sorted.size() * 0.98)], 1e-3f);
            QImage heat(cols, rows, QImage::Format_ARGB32_Premultiplied);
            for (int y = 0; y < rows; ++y) {
                auto* line = reinterpret_cast<QRgb*>(heat.scanLine(y));
                for (int x = 0; x < cols; ++x) {
                    const float v = std::min(1.f, cells[size_t(y) * cols + x] / top);
                    if (v < 0.15f) {
                        line[x] = 0;
                        continue;
                    }
                    const int a = int(40 + 130 * v); // the bands stay readable under the glow
                    const QColor c = QColor::fromRgbF(1.f, 0.25f + 0.75f * v * v, 1.f);
                    line[x] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), a));
                }
            }
            p.setRenderHint(QPainter::SmoothPixmapTransform);
            p.drawImage(QRectF(0, 0, cols * kHeatCellPx, rows * kHeatCellPx), heat);
        }
    }
    p.end();
    m_lastMapMs = timer.nsecsElapsed() / 1e6;
    return out;
}

} // namespace gc::dashboard
