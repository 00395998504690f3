// The dispatch workbench: the closed loop through the service and through gridctl,
// the models (QAbstractItemModelTester), drag and drop, and two processes racing.
#include "gc/core/ChinaTime.h"
#include "gc/dispatch/DepartmentChooser.h"
#include "gc/dispatch/DepartmentRouter.h"
#include "gc/dispatch/DepartmentTreeModel.h"
#include "gc/dispatch/DepartmentTreeView.h"
#include "gc/dispatch/DispatchWorkbench.h"
#include "gc/dispatch/TicketDetailWidget.h"
#include "gc/dispatch/TicketFilterProxy.h"
#include "gc/dispatch/TicketMime.h"
#include "gc/dispatch/TicketQueueModel.h"
#include "gc/dispatch/TicketService.h"
#include "gc/dispatch/UndoBar.h"
#include "gc/store/CountyStore.h"
#include "gc/store/DemoCountyBuilder.h"
#include "gc/store/TicketQueries.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDragMoveEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace gc;
using namespace gc::dispatch;

class TestDispatch : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_template; // a small demo county, copied for each test
    int m_copies = 0;

    QString freshCounty() {
        const QString path = m_dir.filePath(QStringLiteral("county%1.gpkg").arg(++m_copies));
        QFile::copy(m_template, path);
        return path;
    }
    static QString streetOf(CountyStore& store) {
        for (const DepartmentRecord& d : store.departments())
            if (d.kind == QLatin1String("street_office"))
                return d.code;
        return {};
    }
    // A new ticket in the queue (received), in the first grid of the county.
    static qint64 newTicket(CountyStore& store, const QString& category = QStringLiteral("C0102"),
                            double dLon = 0) {
        const QList<GridRecord> grids = store.grids(GridLevel::Grid, false);
        Ticket t;
        t.category = category;
        t.source = TicketSource::Hotline12345;
        t.appealType = AppealType::Complaint;
        t.gridCode = grids.first().code;
        t.title = QStringLiteral("测试工单");
        const auto ticketOfGrid = store.tickets({}).value(0);
        t.lon = ticketOfGrid.lon + dLon;
        t.lat = ticketOfGrid.lat;
        t.createdAt = chinaNow();
        return store.createTicket(t, QStringLiteral("12345热线"), nullptr).value_or(0);
    }
    QJsonObject runCli(const QStringList& args, int expectedExit = 0, QString* stderrText = nullptr) {
        QProcess p;
        p.start(qEnvironmentVariable("GRIDCTL"), args);
        if (!p.waitForFinished(30000))
            qWarning() << "gridctl timed out" << args;
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (stderrText)
            *stderrText = err;
        if (p.exitCode() != expectedExit)
            qWarning() << args << "exit" << p.exitCode() << err;
        [&] { QCOMPARE(p.exitCode(), expectedExit); }();
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(QStringLiteral("template.gpkg"));
        DemoOptions o;
        o.grids = 40;
        o.seed = 11;
        QString error;
        QVERIFY2(DemoCountyBuilder::build(m_template, o, &error) != nullptr, qPrintable(error));
    }

    void serviceFullLoop() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        QVERIFY(store);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员王芳"));
        const qint64 id = newTicket(*store);
        QVERIFY(id > 0);
        QSignalSpy changed(&service, &TicketService::ticketChanged);
        QVERIFY(service.accept(id));
        QVERIFY(service.dispatch(id, QStringLiteral("CGJ"), QStringLiteral("请速处置")));
        ActionOutcome o = service.returnTicket(id, QStringLiteral("not_our_duty"));
        QVERIFY2(o, qPrintable(o.error));
        QCOMPARE(o.ticket.state, TicketState::Returned);
        QVERIFY(o.ticket.departmentCode.isEmpty());
        QVERIFY(service.dispatch(id, QStringLiteral("SCJ")));
        o = service.escalate(id, QStringLiteral("需街道协调"));
        QVERIFY2(o, qPrintable(o.error));
        QCOMPARE(o.ticket.escalationLevel, GridLevel::Community);
        QVERIFY(service.urge(id));
        QVERIFY(service.start(id));
        QVERIFY(service.resolve(id, QStringLiteral("已清理")));
        o = service.rate(id, false, QStringLiteral("仍有垃圾"));
        QVERIFY2(o, qPrintable(o.error));
        QCOMPARE(o.ticket.state, TicketState::Dispatched); // back to the same department
        QCOMPARE(o.ticket.departmentCode, QStringLiteral("SCJ"));
        QCOMPARE(o.ticket.reopenCount, 1);
        QVERIFY(service.start(id));
        QVERIFY(service.resolve(id, QStringLiteral("已彻底清理")));
        o = service.rate(id, true);
        QVERIFY2(o, qPrintable(o.error));
        QCOMPARE(o.ticket.state, TicketState::Closed);
        QCOMPARE(o.ticket.rating, Rating::Satisfied);
        QCOMPARE(changed.count(), 12);

        // Illegal now: refused with the reason, nothing written.
        const int version = store->ticket(id)->version;
        const int events = int(store->ticketEvents(id).size());
        o = service.dispatch(id, QStringLiteral("CGJ"));
        QVERIFY(!o.ok);
        QVERIFY2(o.error.contains(QStringLiteral("已结案")) ||
                     o.error.contains(displayName(TicketState::Closed)),
                 qPrintable(o.error));
        QCOMPARE(store->ticket(id)->version, version);
        QCOMPARE(store->ticketEvents(id).size(), events);

        // The operator is on every event after the filing.
        const QList<TicketEvent> trail = store->ticketEvents(id);
        QCOMPARE(trail.size(), 13);
        for (int i = 1; i < trail.size(); ++i)
            QCOMPARE(trail[i].actor, QStringLiteral("值班员王芳"));
    }

    void staleVersionIsAConflict() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("甲"));
        const qint64 id = newTicket(*store);
        QVERIFY(service.dispatch(id, QStringLiteral("CGJ"), {}, 0));
        const ActionOutcome o = service.dispatch(id, QStringLiteral("SCJ"), {}, 0);
        QVERIFY(!o.ok);
        QVERIFY(o.conflict);
        QVERIFY2(o.error.contains(QStringLiteral("冲突")), qPrintable(o.error));
        QCOMPARE(store->ticket(id)->departmentCode, QStringLiteral("CGJ"));
        // A department outside the county is refused, nothing changes.
        const ActionOutcome outside = service.reassign(id, QStringLiteral("NOPE"), QStringLiteral("other"));
        QVERIFY(!outside.ok);
        QCOMPARE(store->ticket(id)->departmentCode, QStringLiteral("CGJ"));
    }

    void undoDispatchIsAnAuditedEvent() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员"));
        QDateTime clock = chinaNow();
        service.setClock([&] { return clock; });
        const qint64 a = newTicket(*store);
        const qint64 b = newTicket(*store);
        QSignalSpy offered(&service, &TicketService::undoAvailable);
        const QList<ActionOutcome> sent = service.sendToDepartment({{a, 0}, {b, 0}}, QStringLiteral("CGJ"));
        QCOMPARE(sent.size(), 2);
        QVERIFY(sent[0].ok && sent[1].ok);
        QCOMPARE(offered.count(), 1);
        const QList<qint64> eventIds = offered.first().first().value<QList<qint64>>();
        QCOMPARE(eventIds.size(), 2);
        clock = clock.addSecs(5);
        QList<ActionOutcome> undone = service.undo({eventIds[0]});
        QVERIFY2(undone.value(0).ok, qPrintable(undone.value(0).error));
        // 撤回, not a department's 退单: back on the centre's desk as it was, 待受理.
        QCOMPARE(store->ticket(a)->state, TicketState::Received);
        QVERIFY(store->ticket(a)->departmentCode.isEmpty());
        QVERIFY(store->ticket(a)->lastReturnReason.isEmpty());
        const TicketEvent last = store->ticketEvents(a).last();
        QCOMPARE(last.action, TicketAction::Recall);
        QCOMPARE(last.departmentCode, QStringLiteral("CGJ"));
        QCOMPARE(last.reason, QStringLiteral("dispatch_undone"));
        // Too late for the other one.
        clock = clock.addSecs(10);
        QVERIFY(!service.canUndo(eventIds[1]));
        undone = service.undo({eventIds[1]});
        QVERIFY(!undone.value(0).ok);
        QCOMPARE(store->ticket(b)->state, TicketState::Dispatched);

        // Reassign undo goes back to the previous department; a later action blocks it.
        const QList<ActionOutcome> moved =
            service.sendToDepartment({{b, -1}}, QStringLiteral("SCJ"), {}, QStringLiteral("not_our_duty"));
        QVERIFY2(moved.value(0).ok, qPrintable(moved.value(0).error));
        undone = service.undo({moved[0].event.id});
        QVERIFY2(undone.value(0).ok, qPrintable(undone.value(0).error));
        QCOMPARE(store->ticket(b)->departmentCode, QStringLiteral("CGJ"));

        // A ticket accepted before its dispatch goes back to 已受理.
        const qint64 c = newTicket(*store);
        QVERIFY(service.accept(c));
        const QList<ActionOutcome> sentC = service.sendToDepartment({{c, -1}}, QStringLiteral("SCJ"));
        QVERIFY2(sentC.value(0).ok, qPrintable(sentC.value(0).error));
        undone = service.undo({sentC[0].event.id});
        QVERIFY2(undone.value(0).ok, qPrintable(undone.value(0).error));
        QCOMPARE(store->ticket(c)->state, TicketState::Accepted);
    }

    // 指派核查 through the service and through gridctl; 到场 through gridctl.
    void assignCheckThroughServiceAndCli() {
        const QString county = freshCounty();
        qint64 id = 0, other = 0, worker = 0;
        {
            auto store = CountyStore::open(county, nullptr);
            TicketService service(*store);
            service.setOperatorName(QStringLiteral("值班员"));
            worker = store->workers().first().id;
            id = newTicket(*store);
            other = newTicket(*store);
            const QList<ActionOutcome> assigned = service.assignCheck({{id, 0}, {other, 0}}, worker);
            QCOMPARE(assigned.size(), 2);
            QVERIFY2(assigned[0].ok, qPrintable(assigned[0].error));
            QCOMPARE(assigned[0].ticket.checkWorkerId, worker);
            QCOMPARE(assigned[0].ticket.state, TicketState::Received);
            QCOMPARE(assigned[0].event.action, TicketAction::AssignCheck);
            QCOMPARE(assigned[0].event.workerId, worker);
            // Closed tickets and unknown workers are refused with the reason.
            QVERIFY(service.invalidate(other, QStringLiteral("重复")).ok);
            const ActionOutcome closed = service.assignCheck({{other, -1}}, worker).value(0);
            QVERIFY(!closed.ok);
            QVERIFY2(closed.error.contains(displayName(TicketState::Invalid)), qPrintable(closed.error));
            const ActionOutcome nobody = service.assignCheck({{id, -1}}, 987654).value(0);
            QVERIFY(!nobody.ok);
            QVERIFY2(nobody.error.contains(QStringLiteral("987654")), qPrintable(nobody.error));
        }
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL not set (run through ctest)");
        const QString sid = QString::number(id);
        const qint64 second = [&] {
            auto store = CountyStore::open(county, nullptr);
            return store->workers().value(1).id;
        }();
        QJsonObject t =
            runCli({QStringLiteral("ticket"), QStringLiteral("assign-check"), county, sid,
                    QStringLiteral("--worker"), QString::number(second), QStringLiteral("--json")});
        QCOMPARE(t.value(QStringLiteral("check_worker")).toInteger(), second);
        QVERIFY(t.value(QStringLiteral("arrived_at")).isNull());
        QString err;
        runCli({QStringLiteral("ticket"), QStringLiteral("assign-check"), county, sid}, 2, &err);
        QVERIFY2(err.contains(QStringLiteral("--worker")), qPrintable(err));
        // Another worker than the assigned one does not arrive for the check.
        runCli({QStringLiteral("ticket"), QStringLiteral("arrive"), county, sid, QStringLiteral("--worker"),
                QString::number(worker)},
               1, &err);
        t = runCli({QStringLiteral("ticket"), QStringLiteral("arrive"), county, sid, QStringLiteral("--by"),
                    QStringLiteral("网格员"), QStringLiteral("--json")});
        QVERIFY(!t.value(QStringLiteral("arrived_at")).isNull());
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("received"));
        runCli({QStringLiteral("ticket"), QStringLiteral("arrive"), county, sid}, 1, &err);
        const QJsonObject shown =
            runCli({QStringLiteral("ticket"), QStringLiteral("show"), county, sid, QStringLiteral("--json")});
        const QJsonArray events = shown.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.last().toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("arrive"));
        QCOMPARE(events.last().toObject().value(QStringLiteral("worker")).toInteger(), second);

        // recall through gridctl: dispatched → accepted.
        runCli({QStringLiteral("ticket"), QStringLiteral("dispatch"), county, sid, QStringLiteral("--to"),
                QStringLiteral("CGJ")});
        runCli({QStringLiteral("ticket"), QStringLiteral("recall"), county, sid}, 1, &err); // needs a reason
        t = runCli({QStringLiteral("ticket"), QStringLiteral("recall"), county, sid,
                    QStringLiteral("--reason"), QStringLiteral("派错部门"), QStringLiteral("--json")});
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("accepted"));
        QVERIFY(t.value(QStringLiteral("department")).isNull());
    }

    void duplicateSuggestionsAndMerge() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员"));
        const qint64 original = newTicket(*store, QStringLiteral("C0102"));
        const qint64 near = newTicket(*store, QStringLiteral("C0102"), 0.0005); // ~50 m east
        const qint64 far = newTicket(*store, QStringLiteral("C0102"), 0.01);    // ~1 km
        const qint64 other = newTicket(*store, QStringLiteral("C0101"), 0.0002);
        const QList<Ticket> candidates = TicketQueries::duplicateCandidates(*store, *store->ticket(near));
        QList<qint64> ids;
        for (const Ticket& t : candidates)
            ids << t.id;
        QVERIFY(ids.contains(original));
        QVERIFY(!ids.contains(far));
        QVERIFY(!ids.contains(other));
        QVERIFY(!ids.contains(near));
        const ActionOutcome o = service.merge(near, original);
        QVERIFY2(o, qPrintable(o.error));
        QCOMPARE(o.ticket.state, TicketState::Merged);
        QCOMPARE(o.ticket.mergedInto, original);
        QVERIFY(!service.merge(far, near).ok); // the target is no longer open
        QVERIFY(service.invalidate(far, QStringLiteral("信息不实")));
        QVERIFY(!service.invalidate(original, QString()).ok); // needs a reason
    }

    void routerSuggestsThree() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        DepartmentRouter router = DepartmentRouter::builtIn();
        router.setDepartments(store->departments());
        const QString grid = store->grids(GridLevel::Grid, false).first().code;
        const QList<RouteSuggestion> s = router.suggest(QStringLiteral("C0102"), grid);
        QCOMPARE(s.size(), 2); // rule: CGJ then the street office; the hint (CGJ) is the same
        QCOMPARE(s[0].departmentCode, QStringLiteral("CGJ"));
        QCOMPARE(s[1].departmentCode, QStringLiteral("JD") + grid.left(9));
        router.recordDispatch(QStringLiteral("C0102"), QStringLiteral("SCJ"));
        QCOMPARE(router.suggest(QStringLiteral("C0102"), grid).value(2).departmentCode,
                 QStringLiteral("SCJ"));
        // Unknown departments in the table are skipped; a group is never suggested.
        for (const RouteSuggestion& r : router.suggest(QStringLiteral("J0101"), grid))
            QVERIFY(store->department(r.departmentCode));
        // Not even when the history names one more often than any department.
        for (int i = 0; i < 5; ++i)
            router.recordDispatch(QStringLiteral("C0102"), QStringLiteral("XZBM"));
        QCOMPARE(store->department(QStringLiteral("XZBM"))->kind, QStringLiteral("group"));
        const QList<RouteSuggestion> withGroup = router.suggest(QStringLiteral("C0102"), grid);
        QCOMPARE(withGroup.size(), 3);
        for (const RouteSuggestion& r : withGroup)
            QVERIFY2(store->department(r.departmentCode)->kind != QLatin1String("group"),
                     qPrintable(r.departmentCode));
    }

    void modelsPassTheTester() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员"));
        TicketQueueModel queue;
        QAbstractItemModelTester queueTester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
        queue.setRows(TicketQueries::rows(*store));
        TicketFilterProxy proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&queue);
        DepartmentTreeModel departments;
        QAbstractItemModelTester treeTester(&departments,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        departments.setDepartments(store->departments(), store->info().code);
        departments.setLoads(TicketQueries::departmentLoads(queue.rows(), queue.now()));
        departments.setSuggested({QStringLiteral("CGJ")});
        connect(&queue, &TicketQueueModel::ticketRowChanged, &departments,
                [&](const TicketRow& before, const TicketRow& after) {
                    departments.applyTicketChange(before, after, queue.now());
                });

        for (int c = 0; c < TicketQueueModel::ColumnCount; ++c) {
            proxy.sort(c, Qt::AscendingOrder);
            proxy.sort(c, Qt::DescendingOrder);
        }
        proxy.sort(TicketQueueModel::TimeLeftColumn);
        TicketQueueFilter f;
        f.states = TicketQueueFilter::awaitingDispatch();
        proxy.setFilter(f);
        const int before = proxy.rowCount();
        const qint64 id = newTicket(*store);
        queue.updateTicket(*TicketQueries::row(*store, id)); // a new ticket arrives
        QCOMPARE(proxy.rowCount(), before + 1);
        QVERIFY(proxy.rowOfTicket(id) >= 0);
        const ActionOutcome o = service.dispatch(id, QStringLiteral("CGJ"));
        QVERIFY(o);
        queue.updateTicket(TicketRow::of(o.ticket));
        QCOMPARE(proxy.rowCount(), before); // left the awaiting-dispatch view
        QCOMPARE(proxy.rowOfTicket(id), -1);
        // The sorted order holds after single-row updates.
        for (int r = 1; r < proxy.rowCount(); ++r)
            QVERIFY(proxy.index(r - 1, 0).data(TicketQueueModel::DeadlineRole).toLongLong() <=
                        proxy.index(r, 0).data(TicketQueueModel::DeadlineRole).toLongLong() ||
                    proxy.index(r, 0).data(TicketQueueModel::DeadlineRole).toLongLong() == 0);
        // Filters by category, source, grid, text, overdue; counts per state.
        f = TicketQueueFilter();
        proxy.setFilter(f);
        QCOMPARE(proxy.rowCount(), queue.rowCount());
        int total = 0;
        for (TicketState s : allTicketStates())
            total += proxy.countInState(s);
        QCOMPARE(total, queue.rowCount());
        // Overdue: still open (not resolved, closed, merged or invalid) and past the deadline,
        // counted by SQL on the file. One ticket is made overdue for sure (deadline an hour ago)
        // and one closed ticket past its deadline must stay out, so the filter cannot pass empty.
        {
            const qint64 late = newTicket(*store);
            const qint64 finished = store->tickets({{TicketState::Closed}, {}, {}, {}, {}, 1}).value(0).id;
            QVERIFY(finished > 0);
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("UPDATE tickets SET deadline = %1 WHERE id IN (%2, %3)")
                               .arg(queue.now() - 3600)
                               .arg(late)
                               .arg(finished)));
            queue.updateTicket(*TicketQueries::row(*store, late));
            queue.updateTicket(*TicketQueries::row(*store, finished));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM tickets WHERE state NOT IN "
                                          "('resolved', 'closed', 'merged', 'invalid') AND deadline IS NOT "
                                          "NULL AND deadline < %1")
                               .arg(queue.now())));
            QVERIFY(q.next());
            const int overdue = q.value(0).toInt();
            QVERIFY(overdue >= 1);
            f.overdueOnly = true;
            proxy.setFilter(f);
            QCOMPARE(proxy.rowCount(), overdue);
            QCOMPARE(proxy.overdueCount(), overdue);
            QVERIFY(proxy.rowOfTicket(late) >= 0);
            QCOMPARE(proxy.rowOfTicket(finished), -1);
        }
        f = TicketQueueFilter();
        f.text = QString::number(id);
        proxy.setFilter(f);
        QCOMPARE(proxy.rowCount(), 1);
        f = TicketQueueFilter();
        f.categoryPrefix = QStringLiteral("J");
        f.source = TicketSource::Hotline12345;
        proxy.setFilter(f);
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const TicketRow& row = queue.rowAt(queue.rowOfTicket(proxy.ticketAt(r)));
            QVERIFY(row.category.startsWith(u'J') && row.source == TicketSource::Hotline12345);
        }
        // Sorted by state with no state filter, a dispatched ticket moves (not reset).
        proxy.setFilter(TicketQueueFilter());
        proxy.sort(TicketQueueModel::StateColumn);
        const qint64 moving = newTicket(*store);
        queue.updateTicket(*TicketQueries::row(*store, moving));
        QSignalSpy moved(&proxy, &QAbstractItemModel::rowsMoved);
        const ActionOutcome m = service.dispatch(moving, QStringLiteral("SCJ"));
        QVERIFY(m);
        queue.updateTicket(TicketRow::of(m.ticket));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(proxy.rowCount(), queue.rowCount());
        for (int r = 1; r < proxy.rowCount(); ++r)
            QVERIFY(proxy.index(r - 1, 0).data(TicketQueueModel::StateRole).toInt() <=
                    proxy.index(r, 0).data(TicketQueueModel::StateRole).toInt());
        proxy.setFilter(f);
        // The live clock re-announces the time-left column only.
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
        QSignalSpy data(&proxy, &QAbstractItemModel::dataChanged);
        queue.setNow(queue.now() + 3600);
        QCOMPARE(resets.count(), 0);
        QVERIFY(data.count() >= 1);
        // Loads kept up per ticket equal loads counted afresh; a group sums its departments.
        const auto fresh = TicketQueries::departmentLoads(queue.rows(), queue.now());
        int groupOpen = 0;
        for (const DepartmentRecord& d : store->departments()) {
            if (d.parentCode == QLatin1String("XZBM"))
                groupOpen += fresh.value(d.code).open;
            if (d.kind != QLatin1String("group"))
                QCOMPARE(departments.load(d.code).open, fresh.value(d.code).open);
        }
        QCOMPARE(departments.load(QStringLiteral("XZBM")).open, groupOpen);
    }

    void dragAndDropThroughTheModels() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员"));
        QWidget host;
        DispatchWorkbench bench(service, &host);
        const qint64 id = newTicket(*store);
        const qint64 closed = store->tickets({{TicketState::Closed}, {}, {}, {}, {}, 1}).value(0).id;
        QVERIFY(closed > 0);
        bench.reload();
        TicketQueueModel* queue = bench.queueModel();
        DepartmentTreeModel* tree = bench.departmentModel();
        const QModelIndex cgj = tree->indexOf(QStringLiteral("CGJ"));
        const QModelIndex group = tree->indexOf(QStringLiteral("XZBM"));
        std::unique_ptr<QMimeData> data(queue->mimeData({queue->index(queue->rowOfTicket(id), 0)}));
        QVERIFY(data);
        QVERIFY(data->hasFormat(ticketMimeType()));
        QVERIFY(tree->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, cgj));
        QVERIFY(!tree->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, group));
        QVERIFY(tree->dropRefusal(data.get(), group).contains(QStringLiteral("分组")));
        QVERIFY(!tree->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, QModelIndex()));
        // A closed ticket, and a ticket of another county, are refused with the reason.
        std::unique_ptr<QMimeData> closedData(queue->mimeData({queue->index(queue->rowOfTicket(closed), 0)}));
        QVERIFY(!tree->canDropMimeData(closedData.get(), Qt::MoveAction, -1, -1, cgj));
        QVERIFY(tree->dropRefusal(closedData.get(), cgj).contains(QString::number(closed)));
        std::unique_ptr<QMimeData> foreign(
            encodeTickets({QStringLiteral("999999"), {{id, 0, TicketState::Received, {}}}}));
        QVERIFY(tree->dropRefusal(foreign.get(), cgj).contains(QStringLiteral("其他县域")));

        const int openBefore = tree->load(QStringLiteral("CGJ")).open;
        QSignalSpy undo(&service, &TicketService::undoAvailable);
        QVERIFY(tree->dropMimeData(data.get(), Qt::MoveAction, -1, -1, cgj));
        QCOMPARE(store->ticket(id)->state, TicketState::Dispatched);
        QCOMPARE(store->ticket(id)->departmentCode, QStringLiteral("CGJ"));
        QCOMPARE(queue->rowAt(queue->rowOfTicket(id)).state, TicketState::Dispatched);
        QCOMPARE(tree->load(QStringLiteral("CGJ")).open, openBefore + 1);
        QCOMPARE(bench.queueProxy()->rowOfTicket(id), -1); // left the awaiting-dispatch view
        QCOMPARE(undo.count(), 1);
        QVERIFY(bench.undoBar()->isVisibleTo(bench.queuePanel()));
        // The same (now stale) drag again: refused as a conflict, nothing changes.
        QVERIFY(
            !tree->dropMimeData(data.get(), Qt::MoveAction, -1, -1, tree->indexOf(QStringLiteral("SCJ"))));
        QCOMPARE(store->ticket(id)->departmentCode, QStringLiteral("CGJ"));
        // Undo from the notification: dragged from 待受理, back to 待受理.
        bench.undoBar()->undoButton()->click();
        QCOMPARE(store->ticket(id)->state, TicketState::Received);
        QCOMPARE(store->ticketEvents(id).last().action, TicketAction::Recall);
        QCOMPARE(tree->load(QStringLiteral("CGJ")).open, openBefore);
        QVERIFY(bench.queueProxy()->rowOfTicket(id) >= 0);
    }

    // A drag of several tickets is judged ticket by ticket: one that cannot go refuses the whole
    // drop, wherever it is in the selection, and nothing is dispatched.
    void multiTicketDragIsRefusedForAnyTicketThatCannotGo() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员"));
        QWidget host;
        DispatchWorkbench bench(service, &host);
        const qint64 received = newTicket(*store);
        const qint64 closed = store->tickets({{TicketState::Closed}, {}, {}, {}, {}, 1}).value(0).id;
        QVERIFY(closed > 0);
        bench.reload();
        TicketQueueModel* queue = bench.queueModel();
        DepartmentTreeModel* tree = bench.departmentModel();
        const QModelIndex cgj = tree->indexOf(QStringLiteral("CGJ"));
        const int closedVersion = store->ticket(closed)->version;
        for (const QList<qint64>& order :
             {QList<qint64>{received, closed}, QList<qint64>{closed, received}}) {
            QModelIndexList rows;
            for (qint64 id : order)
                rows << queue->index(queue->rowOfTicket(id), 0);
            std::unique_ptr<QMimeData> data(queue->mimeData(rows));
            QVERIFY(data);
            QCOMPARE(decodeTickets(data.get())->items.size(), 2);
            QVERIFY(!tree->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, cgj));
            QVERIFY2(tree->dropRefusal(data.get(), cgj).contains(QString::number(closed)),
                     qPrintable(tree->dropRefusal(data.get(), cgj)));
            QVERIFY(!tree->dropMimeData(data.get(), Qt::MoveAction, -1, -1, cgj));
            QCOMPARE(store->ticket(received)->state, TicketState::Received);
            QCOMPARE(store->ticket(closed)->state, TicketState::Closed);
            QCOMPARE(store->ticket(closed)->version, closedVersion);
        }
        // Two tickets that can both go are accepted together.
        const qint64 other = newTicket(*store);
        bench.reload();
        std::unique_ptr<QMimeData> both(queue->mimeData(
            {queue->index(queue->rowOfTicket(received), 0), queue->index(queue->rowOfTicket(other), 0)}));
        QVERIFY(tree->canDropMimeData(both.get(), Qt::MoveAction, -1, -1, cgj));
    }

    void syntheticDragOnTheDepartmentView() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员"));
        QWidget host;
        DispatchWorkbench bench(service, &host);
        const qint64 id = newTicket(*store);
        bench.reload();
        DepartmentTreeView* view = bench.departmentView();
        auto* layout = new QVBoxLayout(&host);
        layout->addWidget(bench.departmentPanel());
        host.resize(500, 900);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        DepartmentTreeModel* tree = bench.departmentModel();
        TicketQueueModel* queue = bench.queueModel();
        std::unique_ptr<QMimeData> data(queue->mimeData({queue->index(queue->rowOfTicket(id), 0)}));
        const QModelIndex group = tree->indexOf(QStringLiteral("XZBM"));
        const QModelIndex cgj = tree->indexOf(QStringLiteral("CGJ"));
        view->scrollTo(cgj);
        const QPoint overGroup = view->visualRect(group).center();
        const QPoint overCgj = view->visualRect(cgj).center();
        QVERIFY(!overCgj.isNull());

        QDragEnterEvent enter(overGroup, Qt::MoveAction | Qt::CopyAction, data.get(), Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent moveGroup(overGroup, Qt::MoveAction | Qt::CopyAction, data.get(), Qt::LeftButton,
                                 Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &moveGroup);
        QVERIFY(!moveGroup.isAccepted());
        QVERIFY2(view->lastDropHint().contains(QStringLiteral("不能交办")), qPrintable(view->lastDropHint()));
        QDragMoveEvent moveCgj(overCgj, Qt::MoveAction | Qt::CopyAction, data.get(), Qt::LeftButton,
                               Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &moveCgj);
        QVERIFY(moveCgj.isAccepted());
        QVERIFY2(view->lastDropHint().contains(QStringLiteral("交办给")), qPrintable(view->lastDropHint()));
        QDropEvent drop(QPointF(overCgj), Qt::MoveAction | Qt::CopyAction, data.get(), Qt::LeftButton,
                        Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &drop);
        QCOMPARE(store->ticket(id)->departmentCode, QStringLiteral("CGJ"));
        QCOMPARE(store->ticketEvents(id).last().actor, QStringLiteral("值班员"));
    }

    void anotherSeatsChangesArrive() {
        const QString county = freshCounty();
        auto store = CountyStore::open(county, nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("甲"));
        QWidget host;
        DispatchWorkbench bench(service, &host);
        const qint64 id = newTicket(*store);
        bench.reload();
        QCOMPARE(bench.pollExternalChanges(), 0);
        // Another seat (its own connection) dispatches; a new ticket arrives from the feed.
        auto other = CountyStore::open(county, nullptr);
        TicketService otherSeat(*other);
        otherSeat.setOperatorName(QStringLiteral("乙"));
        QVERIFY(otherSeat.dispatch(id, QStringLiteral("SCJ")));
        const qint64 arrived = newTicket(*other);
        QSignalSpy changed(&bench, &DispatchWorkbench::ticketsChanged);
        QCOMPARE(bench.pollExternalChanges(), 2);
        QCOMPARE(changed.count(), 1);
        TicketQueueModel* queue = bench.queueModel();
        QCOMPARE(queue->rowAt(queue->rowOfTicket(id)).departmentCode, QStringLiteral("SCJ"));
        QVERIFY(queue->rowOfTicket(arrived) >= 0);
        QCOMPARE(
            bench.departmentModel()->load(QStringLiteral("SCJ")).open,
            TicketQueries::departmentLoads(queue->rows(), queue->now()).value(QStringLiteral("SCJ")).open);
        // Our own actions are not counted twice.
        QVERIFY(service.accept(arrived));
        QCOMPARE(bench.pollExternalChanges(), 0);
    }

    void chooserTypeAhead() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        DepartmentChooser chooser(store->departments(), {{QStringLiteral("SCJ"), QStringLiteral("rule")},
                                                         {QStringLiteral("NOPE"), {}}});
        QCOMPARE(chooser.selectedCode(), QStringLiteral("SCJ"));        // the suggestion comes first
        QTest::keyClicks(chooser.searchField(), QStringLiteral("cgj")); // typed, case-insensitive
        QCOMPARE(chooser.selectedCode(), QStringLiteral("CGJ"));
        chooser.setFilterText(QStringLiteral("城市管理"));
        QCOMPARE(chooser.selectedCode(), QStringLiteral("CGJ"));
        chooser.setFilterText(QStringLiteral("xzbm"));
        QVERIFY(chooser.selectedCode().isEmpty()); // groups are not offered
        chooser.setFilterText(QStringLiteral("JD"));
        QVERIFY(chooser.selectedCode().startsWith(QStringLiteral("JD")));
        QTest::keyClick(chooser.searchField(), Qt::Key_Down);
        QVERIFY(chooser.selectedCode().startsWith(QStringLiteral("JD")));
    }

    void detailOffersAllowedActions() {
        auto store = CountyStore::open(freshCounty(), nullptr);
        TicketService service(*store);
        service.setOperatorName(QStringLiteral("值班员"));
        const qint64 id = newTicket(*store);
        TicketDetailWidget detail(service);
        detail.showTicket(id);
        QVERIFY(detail.offeredActions().contains(TicketAction::Accept));
        QVERIFY(detail.offeredActions().contains(TicketAction::Dispatch));
        QVERIFY(!detail.offeredActions().contains(TicketAction::Resolve));
        QVERIFY(detail.findChild<QPushButton*>(QStringLiteral("action_accept")));
        detail.trigger(TicketAction::Accept);
        QCOMPARE(store->ticket(id)->state, TicketState::Accepted);
        QVERIFY(!detail.offeredActions().contains(TicketAction::Accept));
    }

    void cliFullLoop() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL not set (run through ctest)");
        const QString county = freshCounty();
        qint64 id = 0;
        {
            auto store = CountyStore::open(county, nullptr);
            id = newTicket(*store);
        }
        const QString sid = QString::number(id);
        const auto act = [&](QStringList extra) {
            return runCli(QStringList{QStringLiteral("ticket")}
                          << extra.takeFirst() << county << sid << extra << QStringLiteral("--by")
                          << QStringLiteral("李四") << QStringLiteral("--json"));
        };
        QCOMPARE(act({QStringLiteral("accept")}).value(QStringLiteral("state")).toString(),
                 QStringLiteral("accepted"));
        QJsonObject t = act({QStringLiteral("dispatch"), QStringLiteral("--to"), QStringLiteral("CGJ")});
        QCOMPARE(t.value(QStringLiteral("department")).toString(), QStringLiteral("CGJ"));
        QCOMPARE(act({QStringLiteral("return"), QStringLiteral("--reason"), QStringLiteral("not_our_duty")})
                     .value(QStringLiteral("department")),
                 QJsonValue());
        act({QStringLiteral("dispatch"), QStringLiteral("--to"), QStringLiteral("SCJ")});
        act({QStringLiteral("reassign"), QStringLiteral("--to"), QStringLiteral("CGJ"),
             QStringLiteral("--reason"), QStringLiteral("not_our_duty")});
        QCOMPARE(act({QStringLiteral("escalate")}).value(QStringLiteral("escalation_level")).toString(),
                 QStringLiteral("community"));
        act({QStringLiteral("urge")});
        act({QStringLiteral("start")});
        act({QStringLiteral("resolve"), QStringLiteral("--note"), QStringLiteral("已处置")});
        t = act({QStringLiteral("rate"), QStringLiteral("--unsatisfied")});
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("dispatched"));
        QCOMPARE(t.value(QStringLiteral("reopen_count")).toInt(), 1);
        QCOMPARE(t.value(QStringLiteral("rating")).toString(), QStringLiteral("unsatisfied"));
        act({QStringLiteral("resolve"), QStringLiteral("--note"), QStringLiteral("再次处置")});
        t = act({QStringLiteral("rate"), QStringLiteral("--satisfied")});
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
        QVERIFY(!t.value(QStringLiteral("closed_at")).isNull());

        // Illegal: non-zero exit, one line on stderr, nothing changed.
        QString err;
        runCli({QStringLiteral("ticket"), QStringLiteral("dispatch"), county, sid, QStringLiteral("--to"),
                QStringLiteral("CGJ")},
               1, &err);
        QCOMPARE(err.trimmed().count(u'\n'), 0);
        QVERIFY2(err.contains(displayName(TicketState::Closed)), qPrintable(err));
        const QJsonObject shown =
            runCli({QStringLiteral("ticket"), QStringLiteral("show"), county, sid, QStringLiteral("--json")});
        QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
        const QJsonArray events = shown.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 13);
        for (const char* key : {"id", "state", "category", "source", "priority", "grid", "department",
                                "created_at", "deadline", "closed_at", "rating", "reopen_count"})
            QVERIFY2(shown.contains(QLatin1String(key)), key);
        const QJsonObject e = events.last().toObject();
        QCOMPARE(e.value(QStringLiteral("actor")).toString(), QStringLiteral("李四"));
        for (const char* key : {"actor", "at", "from", "to", "note"})
            QVERIFY2(e.contains(QLatin1String(key)), key);

        // list and departments
        QProcess p;
        p.start(qEnvironmentVariable("GRIDCTL"),
                {QStringLiteral("ticket"), QStringLiteral("list"), county, QStringLiteral("--state"),
                 QStringLiteral("closed"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        const QJsonArray list = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue& v : list)
            QCOMPARE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
        p.start(qEnvironmentVariable("GRIDCTL"),
                {QStringLiteral("departments"), county, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        const QJsonArray departments = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QVERIFY(departments.size() > 10);
        for (const char* key : {"code", "name", "parent", "open", "overdue", "on_time_rate"})
            QVERIFY2(departments.first().toObject().contains(QLatin1String(key)), key);
        runCli({QStringLiteral("ticket"), QStringLiteral("list"), county, QStringLiteral("--state"),
                QStringLiteral("bogus")},
               2);
    }

    void twoProcessesDispatchOnce() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL not set (run through ctest)");
        const QString county = freshCounty();
        qint64 id = 0;
        {
            auto store = CountyStore::open(county, nullptr);
            id = newTicket(*store);
        }
        for (int round = 0; round < 3; ++round) {
            QProcess a, b;
            const QString sid = QString::number(id);
            a.start(qEnvironmentVariable("GRIDCTL"),
                    {QStringLiteral("ticket"), QStringLiteral("dispatch"), county, sid,
                     QStringLiteral("--to"), QStringLiteral("CGJ"), QStringLiteral("--by"),
                     QStringLiteral("甲")});
            b.start(qEnvironmentVariable("GRIDCTL"),
                    {QStringLiteral("ticket"), QStringLiteral("dispatch"), county, sid,
                     QStringLiteral("--to"), QStringLiteral("SCJ"), QStringLiteral("--by"),
                     QStringLiteral("乙")});
            QVERIFY(a.waitForFinished(30000) && b.waitForFinished(30000));
            QCOMPARE(int(a.exitCode() == 0) + int(b.exitCode() == 0), 1);
            QProcess& loser = a.exitCode() == 0 ? b : a;
            const QString err = QString::fromUtf8(loser.readAllStandardError());
            QVERIFY2(err.contains(QStringLiteral("他人处理")) || err.contains(QStringLiteral("不能交办")),
                     qPrintable(err));
            auto store = CountyStore::open(county, nullptr);
            QCOMPARE(store->ticket(id)->state, TicketState::Dispatched);
            int dispatches = 0;
            for (const TicketEvent& e : store->ticketEvents(id))
                dispatches += e.action == TicketAction::Dispatch;
            QCOMPARE(dispatches, 1);
            id = newTicket(*store);
        }
    }
};

QTEST_MAIN(TestDispatch)
#include "tst_dispatch.moc"
