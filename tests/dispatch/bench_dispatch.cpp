// bench_dispatch county.gpkg [--json]: figures for the dispatch workbench on a real
// county (make one with `gridctl demo --grids 50000 --tickets-per-grid 2`, 100,000 tickets):
//  - loading the compact queue rows and the department loads,
//  - filtering and sorting the queue (TicketFilterProxy) over every ticket,
//  - drop → committed → queue row, open view and department load updated, through
//    DepartmentTreeModel::dropMimeData, the path a mouse drop takes.
// Works on a copy of the county, so the file given is left unchanged. Prints figures;
// it asserts nothing.
#include "gc/core/ChinaTime.h"
#include "gc/dispatch/DepartmentTreeModel.h"
#include "gc/dispatch/DispatchWorkbench.h"
#include "gc/dispatch/TicketFilterProxy.h"
#include "gc/dispatch/TicketQueueModel.h"
#include "gc/dispatch/TicketService.h"
#include "gc/store/CountyStore.h"
#include "gc/store/TicketQueries.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>

using namespace gc;
using namespace gc::dispatch;

namespace {

double ms(const QElapsedTimer& t) {
    return t.nsecsElapsed() / 1e6;
}

struct Stats {
    double median = 0, max = 0;
};
Stats stats(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? Stats{} : Stats{v[v.size() / 2], v.last()};
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const bool json = args.contains(QStringLiteral("--json"));
    QString source;
    for (const QString& a : args)
        if (!a.startsWith(QStringLiteral("--")))
            source = a;
    QTextStream err(stderr);
    if (source.isEmpty()) {
        err << "usage: bench_dispatch county.gpkg [--json]\n";
        return 2;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.gpkg"));
    if (!QFile::copy(source, path)) {
        err << "bench_dispatch: cannot copy " << source << "\n";
        return 1;
    }
    QString error;
    auto store = CountyStore::open(path, &error);
    if (!store) {
        err << "bench_dispatch: " << error << "\n";
        return 1;
    }
    // Fresh tickets to drop (a demo history has none waiting).
    const int drops = 30;
    QList<qint64> fresh;
    const QList<Ticket> sample = store->tickets({{}, {}, {}, {}, {}, drops});
    for (const Ticket& s : sample) {
        Ticket t = s;
        t.id = 0;
        t.createdAt = chinaNow();
        t.deadline = QDateTime();
        t.departmentCode.clear();
        fresh << store->createTicket(t, QStringLiteral("bench"), nullptr).value_or(0);
    }

    QJsonObject out;
    TicketService service(*store);
    service.setOperatorName(QStringLiteral("bench"));
    QWidget host;
    DispatchWorkbench bench(service, &host);
    QElapsedTimer t;
    t.start();
    bench.reload();
    out.insert(QStringLiteral("load_ms"), ms(t));
    out.insert(QStringLiteral("tickets"), int(bench.queueModel()->rowCount()));

    TicketFilterProxy* proxy = bench.queueProxy();
    QTableView view; // a view on the proxy, as in the app, so its bookkeeping is counted
    view.setModel(proxy);
    view.resize(1200, 800);
    const auto timeFilter = [&](const TicketQueueFilter& f) {
        QElapsedTimer c;
        c.start();
        proxy->setFilter(f);
        return ms(c);
    };
    TicketQueueFilter f;
    out.insert(QStringLiteral("filter_all_ms"), timeFilter(f));
    f.states = TicketQueueFilter::openStates();
    out.insert(QStringLiteral("filter_open_ms"), timeFilter(f));
    f = TicketQueueFilter();
    f.text = QStringLiteral("垃圾");
    out.insert(QStringLiteral("filter_text_ms"), timeFilter(f));
    f = TicketQueueFilter();
    f.overdueOnly = true;
    f.categoryPrefix = QStringLiteral("C");
    out.insert(QStringLiteral("filter_overdue_category_ms"), timeFilter(f));
    proxy->setFilter(TicketQueueFilter());
    const auto timeSort = [&](int column, Qt::SortOrder order) {
        QElapsedTimer c;
        c.start();
        proxy->sort(column, order);
        return ms(c);
    };
    out.insert(QStringLiteral("sort_deadline_ms"),
               timeSort(TicketQueueModel::TimeLeftColumn, Qt::AscendingOrder));
    out.insert(QStringLiteral("sort_category_ms"),
               timeSort(TicketQueueModel::CategoryColumn, Qt::DescendingOrder));
    out.insert(QStringLiteral("sort_created_ms"),
               timeSort(TicketQueueModel::CreatedColumn, Qt::AscendingOrder));
    out.insert(QStringLiteral("sort_title_ms"), timeSort(TicketQueueModel::TitleColumn, Qt::AscendingOrder));
    proxy->sort(TicketQueueModel::TimeLeftColumn);
    QElapsedTimer tick;
    tick.start();
    bench.queueModel()->setNow(bench.queueModel()->now() + 60);
    out.insert(QStringLiteral("clock_tick_ms"), ms(tick));

    // Drops onto departments, in the awaiting-dispatch view.
    f = TicketQueueFilter();
    f.states = TicketQueueFilter::awaitingDispatch();
    proxy->setFilter(f);
    DepartmentTreeModel* tree = bench.departmentModel();
    const QStringList targets = {QStringLiteral("CGJ"), QStringLiteral("SCJ"), QStringLiteral("ZJJ")};
    QList<double> times;
    int ok = 0;
    for (int i = 0; i < fresh.size(); ++i) {
        TicketQueueModel* queue = bench.queueModel();
        const int row = queue->rowOfTicket(fresh[i]);
        if (row < 0)
            continue;
        std::unique_ptr<QMimeData> data(queue->mimeData({queue->index(row, 0)}));
        const QModelIndex target = tree->indexOf(targets[i % targets.size()]);
        QElapsedTimer d;
        d.start();
        const bool dropped = tree->dropMimeData(data.get(), Qt::MoveAction, -1, -1, target);
        times << ms(d);
        ok += dropped && proxy->rowOfTicket(fresh[i]) < 0;
    }
    const Stats s = stats(times);
    out.insert(QStringLiteral("drops"), int(times.size()));
    out.insert(QStringLiteral("drops_ok"), ok);
    out.insert(QStringLiteral("drop_median_ms"), s.median);
    out.insert(QStringLiteral("drop_max_ms"), s.max);

    if (json) {
        QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    } else {
        QTextStream o(stdout);
        for (auto it = out.constBegin(); it != out.constEnd(); ++it)
            o << it.key() << ": " << it.value().toVariant().toString() << "\n";
    }
    return 0;
}
