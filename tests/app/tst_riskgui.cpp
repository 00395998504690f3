// The risk engine in the operator's window, driven as a person would: a burst of new urgent tickets
// in one grid (synthetic ticket events, as the dispatch desk and the feed send them) recolours that
// grid live without recomputing the county; the hover text carries the engine's explanation; the
// override dialog refuses without a reason and an end, then marks the grid; the history dock lists
// the change; the replay slider shows the colours the county had before; hot spots are a fill.
#include "MainWindow.h"
#include "OverrideDialog.h"
#include "RiskDock.h"

#include "gc/map/FeatureMarkOverlay.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/LayerPanel.h"
#include "gc/map/MapCanvas.h"
#include "gc/map/MapLegend.h"
#include "gc/risk/RiskService.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace gc;
using namespace gc::map;

class TestRiskGui : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    MapCanvas* m_canvas = nullptr;
    RiskService* m_risk = nullptr;
    QHash<QString, QString> m_storedBefore; // grid → risk_level before the window opened (sqlite)

    // Shows the grid level around `code` and waits for its frame.
    void showGrid(const QString& code) {
        const MapFeature* f = m_canvas->data()->feature(m_canvas->data()->find(code));
        MapViewport vp = m_canvas->viewport();
        vp.setCenter(f->labelPoint);
        vp.setResolution(m_canvas->data()->level(GridLevel::Grid).typicalSizeM / 120);
        QSignalSpy done(m_canvas, &MapCanvas::renderFinished);
        m_canvas->setViewport(vp);
        QVERIFY(done.wait(5000));
        QCOMPARE(m_canvas->visibleLevel(), GridLevel::Grid);
    }
    QColor gridPixel(const QString& code) const {
        const MapFeature* f = m_canvas->data()->feature(m_canvas->data()->find(code));
        return m_canvas->frame().gridImage().pixelColor(
            m_canvas->viewport().toPixel(f->labelPoint).toPoint());
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("GRIDCOMMAND_OPERATOR", "测试值班员");
        const QString path = m_dir.filePath(QStringLiteral("county.gpkg"));
        DemoOptions o;
        o.grids = 120;
        QString error;
        QVERIFY2(DemoCountyBuilder::build(path, o, &error), qPrintable(error));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("before"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT code, risk_level FROM grid_grid")));
            while (q.next())
                m_storedBefore.insert(q.value(0).toString(), q.value(1).toString());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("before"));
        QCOMPARE(m_storedBefore.size(), 120);
        auto store = CountyStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        m_window = std::make_unique<MainWindow>(std::move(store), false);
        // The engine's first full pass is read and computed off the GUI thread: its result can only
        // arrive through the event loop, so when the window's start-up (which wires the risk module)
        // finishes, no engine is registered yet.
        std::optional<bool> engineAtStartup;
        connect(
            m_window.get(), &MainWindow::startupFinished, this,
            [&engineAtStartup, this] {
                engineAtStartup = m_window->part<RiskService>(QStringLiteral("risk")) != nullptr;
            },
            Qt::SingleShotConnection);
        m_window->resize(1400, 900);
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->part<RiskService>(QStringLiteral("risk")), 30000);
        QVERIFY(engineAtStartup.has_value());
        QVERIFY2(!*engineAtStartup, "the risk engine was loaded on the GUI thread during start-up");
        m_risk = m_window->part<RiskService>(QStringLiteral("risk"));
        m_canvas = m_window->part<MapCanvas>(QStringLiteral("map"));
        QVERIFY(m_canvas && m_canvas->data());
        m_canvas->setFlyDurationMs(0);
    }

    void cleanupTestCase() { m_window.reset(); }

    void mapShowsTheEngineBands() {
        // Every grid's colour on the map is the engine's band, whatever the file said before.
        for (const RiskAssessment& a : m_risk->assessments(GridLevel::Grid))
            QCOMPARE(m_canvas->riskOf(m_canvas->data()->find(a.code)), a.band);
    }

    void burstOfUrgentTicketsRecoloursTheGridLive() {
        QString calm;
        for (const RiskAssessment& a : m_risk->assessments(GridLevel::Grid))
            if (a.band <= RiskLevel::Blue && !a.overridden()) {
                calm = a.code;
                break;
            }
        QVERIFY(!calm.isEmpty());
        showGrid(calm);
        const QColor before = gridPixel(calm);
        auto* legend = m_window->part<LayerPanel>(QStringLiteral("layers"))->fillLegend();
        const int orangeBefore = legend->count(RiskLevel::Orange) + legend->count(RiskLevel::Red);

        QSignalSpy rendered(m_canvas, &MapCanvas::renderFinished);
        QElapsedTimer latency;
        latency.start();
        for (int i = 0; i < 3; ++i) {
            Ticket t;
            t.category = QStringLiteral("C0403"); // 燃气管道泄漏: 突发事件
            t.priority = TicketPriority::Urgent;
            t.source = TicketSource::Patrol;
            t.gridCode = calm;
            t.title = QStringLiteral("燃气泄漏");
            t.createdAt = QDateTime::currentDateTimeUtc();
            QString error;
            const auto id = m_window->store().createTicket(t, QStringLiteral("网格员"), &error);
            QVERIFY2(id, qPrintable(error));
            // What the dispatch desk and the feed do after a ticket event.
            m_canvas->refreshTicket(*id);
        }
        // The rules file: three open urgent 突发事件 → the trigger sets at least orange.
        QTRY_VERIFY_WITH_TIMEOUT(m_canvas->riskOf(m_canvas->data()->find(calm)) >= RiskLevel::Orange, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(gridPixel(calm) != before, 5000);
        qInfo("burst of 3 tickets → grid recoloured on the map after %lld ms", latency.elapsed());
        const QColor now = gridPixel(calm);
        QVERIFY2(now.red() > 200 && now.blue() < 150, qPrintable(now.name()));
        QCOMPARE(legend->count(RiskLevel::Orange) + legend->count(RiskLevel::Red), orangeBefore + 1);
        // The hover text explains it (tickets hidden: a ticket's marker may sit on the label point,
        // and a hidden layer takes no hover).
        m_canvas->setLayerVisible(QStringLiteral("tickets"), false);
        const MapFeature* f = m_canvas->data()->feature(m_canvas->data()->find(calm));
        const QString tip = m_canvas->toolTipAt(m_canvas->viewport().toPixel(f->labelPoint));
        QVERIFY2(tip.contains(QStringLiteral("未办结紧急工单")), qPrintable(tip));
        QVERIFY2(tip.contains(RiskLevels::chineseName(m_risk->assessment(calm)->band)), qPrintable(tip));
        m_canvas->setLayerVisible(QStringLiteral("tickets"), true);
    }

    void overrideDialogRefusesUntilCompleteThenMarks() {
        const QString code = m_risk->assessments(GridLevel::Grid).at(5).code;
        const RiskLevel was = m_risk->assessment(code)->band;
        const RiskLevel wanted = was == RiskLevel::Red ? RiskLevel::Green : RiskLevel::Red;
        OverrideDialog dialog(*m_risk, code, QStringLiteral("测试网格"), was, QStringLiteral("测试值班员"),
                              m_window.get());
        dialog.show();
        QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no reason, end = now
        QTest::keyClicks(dialog.reasonEdit()->viewport(),
                         QStringLiteral("festival crowds")); // QTest types ASCII only
        QVERIFY(!ok->isEnabled());                           // still no end
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("72小时"))
                QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY(ok->isEnabled());
        dialog.byEdit()->clear();
        QVERIFY(!ok->isEnabled()); // who is required too
        QTest::keyClicks(dialog.byEdit(), QStringLiteral("Director Zhang"));
        dialog.bandBox()->setCurrentIndex(dialog.bandBox()->findData(int(wanted)));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto a = m_risk->assessment(code);
        QVERIFY(a->overridden());
        QCOMPARE(a->band, wanted);
        QCOMPARE(a->override->by, QStringLiteral("Director Zhang"));
        QTRY_COMPARE_WITH_TIMEOUT(m_canvas->riskOf(m_canvas->data()->find(code)), wanted, 2000);
        // Marked on the map.
        FeatureMarkOverlay* marks = nullptr;
        for (MapOverlay* o : m_canvas->overlays())
            if (o->layerKey() == QLatin1String("overrides"))
                marks = qobject_cast<FeatureMarkOverlay*>(o);
        QVERIFY(marks);
        QVERIFY(marks->marks().contains(code));
        // The history dock lists it among the newest, with its cause (its parents may have moved
        // at the same moment).
        auto* dock = m_window->part<RiskDock>(QStringLiteral("riskDock"));
        QVERIFY(dock);
        const auto listed = [dock, &code] {
            for (int r = 0; r < std::min(dock->recentTable()->rowCount(), 10); ++r)
                if (dock->recentTable()->item(r, 1)->data(Qt::UserRole).toString() == code)
                    return dock->recentTable()->item(r, 4)->text();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(listed(), QStringLiteral("人工研判"), 2000);
        m_window->selectGrid(code);
        QCOMPARE(dock->code(), code);
        QVERIFY(dock->timelineTable()->rowCount() >= 1);
        QVERIFY(dock->explanationLabel()->text().contains(QStringLiteral("人工研判")) ||
                dock->explanationLabel()->text().contains(RiskLevels::chineseName(wanted)));

        // A second override on a code the engine does not know is refused inside the dialog.
        OverrideDialog unknown(*m_risk, QStringLiteral("999999999999999"), QStringLiteral("无此网格"), was,
                               QStringLiteral("测试值班员"), m_window.get());
        QTest::keyClicks(unknown.reasonEdit()->viewport(), QStringLiteral("test"));
        unknown.endEdit()->setDateTime(QDateTime::currentDateTime().addDays(1));
        QTest::mouseClick(unknown.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(unknown.result() != QDialog::Accepted);
        QVERIFY(!unknown.errorText().isEmpty());
    }

    void replaySliderShowsThePast() {
        auto* dock = m_window->part<RiskDock>(QStringLiteral("riskDock"));
        // One step (six hours) back: before this window opened, every grid had the colour the
        // file held then (read by sqlite before the test opened it).
        dock->replaySlider()->setValue(-1);
        QTRY_VERIFY_WITH_TIMEOUT(m_canvas->activeColouring() &&
                                     m_canvas->activeColouring()->title.startsWith(QStringLiteral("回放")),
                                 3000);
        int checked = 0;
        for (auto it = m_storedBefore.begin(); it != m_storedBefore.end(); ++it) {
            const FeatureRef ref = m_canvas->data()->find(it.key());
            QCOMPARE(RiskLevels::key(RiskLevel(m_canvas->fillClassOf(ref))), *it);
            ++checked;
        }
        QCOMPARE(checked, 120);
        dock->replaySlider()->setValue(0);
        QTRY_VERIFY_WITH_TIMEOUT(m_canvas->activeColouring() && m_canvas->activeColouring()->title.isEmpty(),
                                 3000);
        for (const RiskAssessment& a : m_risk->assessments(GridLevel::Grid))
            QCOMPARE(m_canvas->riskOf(m_canvas->data()->find(a.code)), a.band);
    }

    void hotSpotFill() {
        auto* layers = m_window->part<LayerPanel>(QStringLiteral("layers"));
        QAbstractButton* hot = layers->toggle(MapCanvas::kHotSpotLayer);
        QVERIFY(hot->isEnabled());
        hot->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_canvas->activeColouring() &&
                                     m_canvas->activeColouring()->title.contains(QStringLiteral("Gi*")),
                                 10000);
        QString error;
        const QList<HotSpot> spots = m_risk->hotSpots(GridLevel::Grid, 90, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const HotSpot& s : spots)
            QCOMPARE(m_canvas->fillClassOf(m_canvas->data()->find(s.code)), s.bin + 3);
        MapLegend* legend = layers->fillLegend();
        QCOMPARE(legend->rowCount(), 7);
        layers->toggle(MapCanvas::kRiskLayer)->click();
        QVERIFY(m_canvas->isLayerVisible(MapCanvas::kRiskLayer));
        QCOMPARE(legend->rowCount(), kRiskLevelCount);
    }
};

QTEST_MAIN(TestRiskGui)
#include "tst_riskgui.moc"
