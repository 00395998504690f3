// The dispatch workbench on the command line: `gridctl ticket …` and `gridctl departments`,
// through the same TicketService as the GUI.
#include "Command.h"

#include "gc/core/ChinaTime.h"
#include "gc/dispatch/TicketService.h"
#include "gc/store/CountyStore.h"
#include "gc/store/TicketQueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gc::cli {
namespace {

QJsonValue timeOrNull(qint64 epoch) {
    return epoch > 0 ? QJsonValue(fromEpochSeconds(epoch).toString(Qt::ISODate)) : QJsonValue();
}
QJsonValue timeOrNull(const QDateTime& t) {
    return t.isValid() ? timeOrNull(t.toSecsSinceEpoch()) : QJsonValue();
}
QJsonValue stringOrNull(const QString& s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
QJsonValue rating(Rating r) {
    return r == Rating::None ? QJsonValue() : QJsonValue(toKey(r));
}

QJsonObject rowJson(const TicketRow& r, qint64 now) {
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("state"), toKey(r.state)},
            {QStringLiteral("category"), r.category},
            {QStringLiteral("source"), toKey(r.source)},
            {QStringLiteral("priority"), toKey(r.priority)},
            {QStringLiteral("grid"), stringOrNull(r.gridCode)},
            {QStringLiteral("department"), stringOrNull(r.departmentCode)},
            {QStringLiteral("created_at"), timeOrNull(r.createdAt)},
            {QStringLiteral("deadline"), timeOrNull(r.deadline)},
            {QStringLiteral("closed_at"), timeOrNull(r.closedAt)},
            {QStringLiteral("rating"), rating(r.rating)},
            {QStringLiteral("reopen_count"), r.reopenCount},
            {QStringLiteral("urge_count"), r.urgeCount},
            {QStringLiteral("escalation_level"), GridLevels::key(r.escalationLevel)},
            {QStringLiteral("overdue"), r.isOverdue(now)},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("version"), r.version}};
}

QJsonObject ticketJson(const Ticket& t, const QList<TicketEvent>* events = nullptr) {
    QJsonObject o = rowJson(TicketRow::of(t), QDateTime::currentSecsSinceEpoch());
    o.insert(QStringLiteral("description"), t.description);
    o.insert(QStringLiteral("address"), t.address);
    o.insert(QStringLiteral("lon"), t.lon);
    o.insert(QStringLiteral("lat"), t.lat);
    o.insert(QStringLiteral("resolved_at"), timeOrNull(t.resolvedAt));
    o.insert(QStringLiteral("first_dispatched_at"), timeOrNull(t.firstDispatchedAt));
    o.insert(QStringLiteral("merged_into"), t.mergedInto > 0 ? QJsonValue(t.mergedInto) : QJsonValue());
    o.insert(QStringLiteral("last_return_reason"), stringOrNull(t.lastReturnReason));
    o.insert(QStringLiteral("photos"), QJsonArray::fromStringList(t.photos));
    o.insert(QStringLiteral("check_worker"),
             t.checkWorkerId > 0 ? QJsonValue(t.checkWorkerId) : QJsonValue());
    o.insert(QStringLiteral("arrived_at"), timeOrNull(t.arrivedAt));
    if (events) {
        QJsonArray list;
        for (const TicketEvent& e : *events)
            list.append(QJsonObject{
                {QStringLiteral("action"), toKey(e.action)},
                {QStringLiteral("actor"), e.actor},
                {QStringLiteral("at"), timeOrNull(e.at)},
                {QStringLiteral("from"), toKey(e.fromState)},
                {QStringLiteral("to"), toKey(e.toState)},
                {QStringLiteral("department"), stringOrNull(e.departmentCode)},
                {QStringLiteral("reason"), stringOrNull(e.reason)},
                {QStringLiteral("note"), stringOrNull(e.note)},
                {QStringLiteral("worker"), e.workerId > 0 ? QJsonValue(e.workerId) : QJsonValue()}});
        o.insert(QStringLiteral("events"), list);
    }
    return o;
}

const QStringList kActionVerbs = {
    QStringLiteral("accept"),       QStringLiteral("dispatch"), QStringLiteral("reassign"),
    QStringLiteral("return"),       QStringLiteral("start"),    QStringLiteral("resolve"),
    QStringLiteral("rate"),         QStringLiteral("escalate"), QStringLiteral("merge"),
    QStringLiteral("invalidate"),   QStringLiteral("urge"),     QStringLiteral("recall"),
    QStringLiteral("assign-check"), QStringLiteral("arrive")};

int runTicket(const QStringList& arguments) {
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printLine(
            QStringLiteral("Usage: gridctl ticket list county.gpkg [--state S] [--overdue] [--json]\n"
                           "       gridctl ticket show county.gpkg ID [--json]\n"
                           "       gridctl ticket VERB county.gpkg ID [--to DEPT] [--reason R] [--note N] "
                           "[--by USER] [--json]\n"
                           "VERB: ") +
            kActionVerbs.join(QStringLiteral(", ")) +
            QStringLiteral("  (rate --satisfied|--unsatisfied, merge --into ID, recall --reason R, "
                           "assign-check --worker WID, arrive [--worker WID])"));
        return sub.isEmpty() ? 2 : 0;
    }
    const QString verb = QStringLiteral("ticket ") + sub;
    if (sub != QLatin1String("list") && sub != QLatin1String("show") && !kActionVerbs.contains(sub))
        return fail(verb,
                    QStringLiteral("unknown ticket command '%1' (list, show, %2)")
                        .arg(sub, kActionVerbs.join(QStringLiteral(", "))),
                    2);
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    const QCommandLineOption state(QStringLiteral("state"),
                                   QStringLiteral("Only tickets in this state (list)."), QStringLiteral("S"));
    const QCommandLineOption overdue(QStringLiteral("overdue"),
                                     QStringLiteral("Only overdue tickets (list)."));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N tickets (list)."),
                                   QStringLiteral("N"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Department code (dispatch, reassign)."),
                                QStringLiteral("DEPT_CODE"));
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Reason or reason code (reassign, return, invalidate)."),
                                    QStringLiteral("R"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("Note; the result for resolve."),
                                  QStringLiteral("N"));
    const QCommandLineOption by(QStringLiteral("by"),
                                QStringLiteral("Operator recorded on the event (default: $USER)."),
                                QStringLiteral("USER"));
    const QCommandLineOption satisfied(QStringLiteral("satisfied"),
                                       QStringLiteral("Rating: satisfied (rate)."));
    const QCommandLineOption unsatisfied(QStringLiteral("unsatisfied"),
                                         QStringLiteral("Rating: unsatisfied (rate)."));
    const QCommandLineOption into(QStringLiteral("into"), QStringLiteral("Original ticket (merge)."),
                                  QStringLiteral("ID"));
    const QCommandLineOption worker(
        QStringLiteral("worker"),
        QStringLiteral("Grid worker id (assign-check; arrive: must be the assigned one)."),
        QStringLiteral("WID"));
    p.addOptions({json, state, overdue, limit, to, reason, note, by, satisfied, unsatisfied, into, worker});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Tickets of the closed loop (工单闭环)."), arguments.mid(1), &code))
        return code;
    const QStringList pos = p.positionalArguments();
    const bool needsId = sub != QLatin1String("list");
    if (pos.size() != (needsId ? 2 : 1))
        return fail(verb,
                    needsId ? QStringLiteral("expected a county file and a ticket id")
                            : QStringLiteral("expected one county file"),
                    2);
    qint64 id = 0;
    if (needsId) {
        bool ok = false;
        id = pos[1].toLongLong(&ok);
        if (!ok || id <= 0)
            return fail(verb, QStringLiteral("'%1' is not a ticket id").arg(pos[1]), 2);
    }
    QString error;
    const bool reading = sub == QLatin1String("list") || sub == QLatin1String("show");
    auto store = CountyStore::open(pos[0], &error,
                                   reading ? CountyStore::Access::ReadOnly : CountyStore::Access::ReadWrite);
    if (!store)
        return fail(verb, error);

    if (sub == QLatin1String("list")) {
        std::optional<TicketState> only;
        if (p.isSet(state)) {
            only = ticketStateFromKey(p.value(state));
            if (!only) {
                QStringList keys;
                for (TicketState s : allTicketStates())
                    keys << toKey(s);
                return fail(
                    verb, QStringLiteral("unknown state '%1' (%2)").arg(p.value(state), keys.join(u',')), 2);
            }
        }
        const int max = p.isSet(limit) ? p.value(limit).toInt() : -1;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonArray out;
        QStringList lines;
        for (const TicketRow& r : TicketQueries::rows(*store, &error)) {
            if ((only && r.state != *only) || (p.isSet(overdue) && !r.isOverdue(now)))
                continue;
            if (max >= 0 && out.size() >= max)
                break;
            out.append(rowJson(r, now));
            if (!p.isSet(json))
                lines << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                             .arg(r.id)
                             .arg(toKey(r.state), r.category,
                                  r.departmentCode.isEmpty() ? QStringLiteral("-") : r.departmentCode,
                                  fromEpochSeconds(r.deadline).toString(Qt::ISODate), r.title);
        }
        if (!error.isEmpty())
            return fail(verb, error);
        if (p.isSet(json))
            printJson(QJsonDocument(out));
        else
            for (const QString& l : lines)
                printLine(l);
        return 0;
    }

    const std::optional<Ticket> before = store->ticket(id);
    if (!before)
        return fail(verb, QStringLiteral("工单 %1 不存在").arg(id));
    if (sub == QLatin1String("show")) {
        const QList<TicketEvent> events = store->ticketEvents(id);
        if (p.isSet(json)) {
            printJson(QJsonDocument(ticketJson(*before, &events)));
            return 0;
        }
        printLine(QStringLiteral("工单 %1 [%2] %3").arg(id).arg(displayName(before->state), before->title));
        for (const TicketEvent& e : events)
            printLine(QStringLiteral("  %1 %2 %3 %4→%5 %6 %7")
                          .arg(e.at.toString(Qt::ISODate), e.actor, toKey(e.action), toKey(e.fromState),
                               toKey(e.toState), e.departmentCode, e.note));
        return 0;
    }

    dispatch::TicketService service(*store);
    QString actor = p.value(by);
    if (actor.isEmpty())
        actor = QString::fromLocal8Bit(qgetenv("USER"));
    service.setOperatorName(actor.isEmpty() ? QStringLiteral("gridctl") : actor);
    const int version = before->version; // a concurrent change in between is a conflict
    dispatch::ActionOutcome o;
    if (sub == QLatin1String("accept"))
        o = service.accept(id, p.value(note), version);
    else if (sub == QLatin1String("dispatch"))
        o = service.dispatch(id, p.value(to), p.value(note), version);
    else if (sub == QLatin1String("reassign"))
        o = service.reassign(id, p.value(to), p.value(reason), p.value(note), version);
    else if (sub == QLatin1String("return"))
        o = service.returnTicket(id, p.value(reason), p.value(note), version);
    else if (sub == QLatin1String("start"))
        o = service.start(id, p.value(note), version);
    else if (sub == QLatin1String("resolve"))
        o = service.resolve(id, p.value(note), version);
    else if (sub == QLatin1String("rate")) {
        if (p.isSet(satisfied) == p.isSet(unsatisfied))
            return fail(verb, QStringLiteral("give exactly one of --satisfied or --unsatisfied"), 2);
        o = service.rate(id, p.isSet(satisfied), p.value(note), version);
    } else if (sub == QLatin1String("escalate"))
        o = service.escalate(id, p.value(note), version);
    else if (sub == QLatin1String("merge")) {
        bool ok = false;
        const qint64 target = p.value(into).toLongLong(&ok);
        if (!ok || target <= 0)
            return fail(verb, QStringLiteral("merge needs --into ID of the original ticket"), 2);
        o = service.merge(id, target, p.value(note), version);
    } else if (sub == QLatin1String("invalidate"))
        o = service.invalidate(id, p.value(reason), p.value(note), version);
    else if (sub == QLatin1String("urge"))
        o = service.urge(id, p.value(note), version);
    else if (sub == QLatin1String("recall"))
        o = service.recall(id, p.value(reason), p.value(note), version);
    else if (sub == QLatin1String("assign-check") || sub == QLatin1String("arrive")) {
        qint64 workerId = 0;
        if (p.isSet(worker) || sub == QLatin1String("assign-check")) {
            bool ok = false;
            workerId = p.value(worker).toLongLong(&ok);
            if (!ok || workerId <= 0)
                return fail(verb, QStringLiteral("%1 needs --worker WID (a grid worker id)").arg(sub), 2);
        }
        o = sub == QLatin1String("arrive")
                ? service.arrive(id, workerId, p.value(note), version)
                : service.assignCheck({dispatch::TicketRef{id, version}}, workerId, p.value(note)).value(0);
    }
    if (!o.ok)
        return fail(verb, o.error, o.conflict ? 3 : 1);
    if (p.isSet(json))
        printJson(QJsonDocument(ticketJson(o.ticket)));
    else
        printLine(QStringLiteral("工单 %1：%2 → %3%4")
                      .arg(id)
                      .arg(displayName(before->state), displayName(o.ticket.state),
                           o.ticket.departmentCode.isEmpty()
                               ? QString()
                               : QStringLiteral("（%1）").arg(o.ticket.departmentCode)));
    return 0;
}

int runDepartments(const QStringList& arguments) {
    const QString verb = QStringLiteral("departments");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    p.addOption(json);
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Departments with their load: open, overdue, on-time rate."),
               arguments, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one county file"), 2);
    QString error;
    auto store = CountyStore::open(p.positionalArguments().first(), &error, CountyStore::Access::ReadOnly);
    if (!store)
        return fail(verb, error);
    const QList<DepartmentRecord> departments = store->departments();
    QHash<QString, DepartmentLoad> loads =
        TicketQueries::departmentLoads(TicketQueries::rows(*store), QDateTime::currentSecsSinceEpoch());
    // A grouping node shows the sum of its departments, as in the GUI's tree.
    QHash<QString, QStringList> children;
    for (const DepartmentRecord& d : departments)
        if (!d.parentCode.isEmpty())
            children[d.parentCode] << d.code;
    std::function<DepartmentLoad(const QString&)> total = [&](const QString& c) {
        DepartmentLoad sum = loads.value(c);
        for (const QString& child : children.value(c))
            sum += total(child);
        return sum;
    };
    QJsonArray out;
    for (const DepartmentRecord& d : departments) {
        const DepartmentLoad l = total(d.code);
        const double rate = l.onTimeRate();
        out.append(QJsonObject{{QStringLiteral("code"), d.code},
                               {QStringLiteral("name"), d.name},
                               {QStringLiteral("parent"), stringOrNull(d.parentCode)},
                               {QStringLiteral("kind"), d.kind},
                               {QStringLiteral("open"), l.open},
                               {QStringLiteral("overdue"), l.overdue},
                               {QStringLiteral("on_time_rate"),
                                rate < 0 ? QJsonValue() : QJsonValue(std::round(rate * 10000) / 10000)}});
        if (!p.isSet(json))
            printLine(
                QStringLiteral("%1\t%2\topen %3\toverdue %4\ton-time %5")
                    .arg(d.code, d.name)
                    .arg(l.open)
                    .arg(l.overdue)
                    .arg(rate < 0 ? QStringLiteral("-") : QStringLiteral("%1%").arg(rate * 100, 0, 'f', 1)));
    }
    if (p.isSet(json))
        printJson(QJsonDocument(out));
    return 0;
}

const Registrar
    ticketCommand(QStringLiteral("ticket"),
                  QStringLiteral("List, show and act on tickets (accept, dispatch, return, rate …)."),
                  runTicket);
const Registrar
    departmentsCommand(QStringLiteral("departments"),
                       QStringLiteral("Departments with their load (open, overdue, on-time rate)."),
                       runDepartments);

} // namespace
} // namespace gc::cli
