#include "gc/dispatch/TicketDetailWidget.h"

#include "gc/core/CategoryTable.h"
#include "gc/dispatch/DepartmentChooser.h"
#include "gc/dispatch/DepartmentRouter.h"
#include "gc/dispatch/TicketService.h"
#include "gc/store/CountyStore.h"
#include "gc/store/TicketQueries.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace gc::dispatch {

namespace {
QString timeText(const QDateTime& t) {
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd hh:mm")) : TicketDetailWidget::tr("—");
}
} // namespace

TicketDetailWidget::TicketDetailWidget(TicketService& service, QWidget* parent)
    : QWidget(parent), m_service(service) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(tr("未选择工单"), this);
    m_header->setWordWrap(true);
    m_header->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 12pt;"));
    auto* fieldsBox = new QWidget(this);
    m_fields = new QFormLayout(fieldsBox);
    m_fields->setContentsMargins(0, 0, 0, 0);
    m_photos = new QLabel(this);
    m_photos->setOpenExternalLinks(true);
    m_photos->setWordWrap(true);
    m_timeline = new QTreeWidget(this);
    m_timeline->setObjectName(QStringLiteral("ticketTimeline"));
    m_timeline->setHeaderLabels(
        {tr("时间"), tr("操作"), tr("操作人"), tr("状态"), tr("部门"), tr("原因/备注")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->header()->setStretchLastSection(true);
    m_buttonBox = new QWidget(this);
    m_buttonBox->setObjectName(
        QStringLiteral("ticketActionButtons")); // disabled as one for a read-only county
    m_buttons = new QGridLayout(m_buttonBox);
    m_buttons->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* inner = new QWidget(scroll);
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(fieldsBox);
    innerLayout->addWidget(m_photos);
    scroll->setWidget(inner);
    m_outsideFilter =
        new QLabel(tr("不在当前筛选中：这件工单已不在队列的筛选结果里，选择队列中的工单即切换"), this);
    m_outsideFilter->setObjectName(QStringLiteral("outsideFilterMark"));
    m_outsideFilter->setWordWrap(true);
    m_outsideFilter->setStyleSheet(
        QStringLiteral("background: #fff3c4; color: #5d4037; padding: 3px; border-radius: 3px;"));
    m_outsideFilter->hide();
    layout->addWidget(m_outsideFilter);
    layout->addWidget(m_header);
    layout->addWidget(m_buttonBox);
    layout->addWidget(scroll, 2);
    layout->addWidget(new QLabel(tr("流转记录"), this));
    layout->addWidget(m_timeline, 2);
}

void TicketDetailWidget::showTicket(qint64 id) {
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_timeline->clear();
    m_offered.clear();
    const std::optional<Ticket> t = id > 0 ? m_service.store().ticket(id) : std::nullopt;
    if (!t) {
        m_ticket = Ticket();
        m_header->setText(tr("未选择工单"));
        m_photos->clear();
        return;
    }
    m_ticket = *t;
    const QDateTime now = m_service.now();
    m_header->setText(tr("工单 %1 · %2 · %3%4")
                          .arg(t->id)
                          .arg(displayName(t->state), t->title,
                               t->isOverdue(now) && isOpen(t->state) ? tr(" · ⚠ 超期") : QString()));
    const auto row = [&](const QString& label, const QString& value) {
        auto* v = new QLabel(value.isEmpty() ? tr("—") : value, this);
        v->setWordWrap(true);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_fields->addRow(label, v);
    };
    const auto department = [&](const QString& code) {
        if (code.isEmpty())
            return QString();
        const auto d = m_service.store().department(code);
        return d ? tr("%1（%2）").arg(d->name, code) : code;
    };
    row(tr("类别"), CategoryTable::builtIn().fullName(t->category));
    row(tr("来源"), displayName(t->source));
    row(tr("优先级"), displayName(t->priority));
    row(tr("网格"), t->gridCode);
    row(tr("地址"), t->address);
    row(tr("位置"), QStringLiteral("%1, %2").arg(t->lon, 0, 'f', 6).arg(t->lat, 0, 'f', 6));
    row(tr("描述"), t->description);
    row(tr("报告人"), t->reporter);
    row(tr("承办部门"), department(t->departmentCode));
    row(tr("处置层级"), GridLevels::displayName(t->escalationLevel));
    row(tr("登记时间"), timeText(t->createdAt));
    row(tr("办理时限"), timeText(t->deadline));
    row(tr("首次交办"), timeText(t->firstDispatchedAt));
    row(tr("办结时间"), timeText(t->resolvedAt));
    row(tr("结案时间"), timeText(t->closedAt));
    row(tr("评价"), t->rating == Rating::None ? QString() : displayName(t->rating));
    row(tr("重办次数"), QString::number(t->reopenCount));
    row(tr("催办次数"), QString::number(t->urgeCount));
    if (!t->lastReturnReason.isEmpty())
        row(tr("最近退单原因"), t->lastReturnReason);
    if (t->mergedInto > 0)
        row(tr("并入工单"), QString::number(t->mergedInto));
    if (t->checkWorkerId > 0)
        row(tr("现场核查"), t->arrivedAt.isValid()
                                ? tr("网格员 %1，%2 到场").arg(t->checkWorkerId).arg(timeText(t->arrivedAt))
                                : tr("网格员 %1，尚未到场").arg(t->checkWorkerId));
    QStringList photos;
    for (const QString& p : t->photos) {
        const QUrl url = QFileInfo::exists(p) ? QUrl::fromLocalFile(p) : QUrl(p);
        if (QFileInfo::exists(p))
            photos << QStringLiteral("<a href=\"%1\"><img src=\"%2\" width=\"160\"></a>")
                          .arg(url.toString().toHtmlEscaped(), p.toHtmlEscaped());
        else
            photos << QStringLiteral("<a href=\"%1\">%2</a>")
                          .arg(url.toString().toHtmlEscaped(), p.toHtmlEscaped());
    }
    m_photos->setText(photos.isEmpty() ? tr("照片：无") : tr("照片：") + photos.join(QStringLiteral("<br>")));
    for (const TicketEvent& e : m_service.store().ticketEvents(id)) {
        auto* item = new QTreeWidgetItem(m_timeline);
        item->setText(0, timeText(e.at));
        item->setText(1, e.action == TicketAction::Report ? tr("登记") : displayName(e.action));
        item->setText(2, e.actor);
        item->setText(3, e.fromState == e.toState
                             ? displayName(e.toState)
                             : tr("%1 → %2").arg(displayName(e.fromState), displayName(e.toState)));
        item->setText(4, e.departmentCode);
        QStringList notes;
        if (!e.reason.isEmpty())
            notes << e.reason;
        if (!e.note.isEmpty())
            notes << e.note;
        item->setText(5, notes.join(QStringLiteral("；")));
    }
    int n = 0;
    for (TicketAction a : TicketWorkflow::allowedActions(*t)) {
        // The grid's own actions (网格内办结) and the feed's (到场) are not the centre's buttons.
        if (a == TicketAction::Report || a == TicketAction::SelfResolve || a == TicketAction::Arrive)
            continue;
        auto* b = new QPushButton(displayName(a), m_buttonBox);
        b->setObjectName(QStringLiteral("action_") + toKey(a));
        connect(b, &QPushButton::clicked, this, [this, a] { trigger(a); });
        m_buttons->addWidget(b, n / 5, n % 5);
        m_offered << a;
        ++n;
    }
}

void TicketDetailWidget::setOutsideFilter(bool outside) {
    m_outsideFilter->setVisible(outside && m_ticket.id > 0);
}

bool TicketDetailWidget::isMarkedOutsideFilter() const {
    return !m_outsideFilter->isHidden();
}

void TicketDetailWidget::trigger(TicketAction action) {
    if (m_ticket.id <= 0)
        return;
    const qint64 id = m_ticket.id;
    const int version = m_ticket.version;
    const QString title = tr("%1 工单 %2").arg(displayName(action)).arg(id);
    bool ok = true;
    const auto reasonCode = [&]() -> QString {
        QStringList labels;
        const auto reasons = TicketWorkflow::returnReasons();
        for (const auto& [code, label] : reasons)
            labels << label;
        const QString chosen = QInputDialog::getItem(this, title, tr("原因："), labels, 0, false, &ok);
        if (!ok)
            return {};
        for (const auto& [code, label] : reasons)
            if (label == chosen)
                return code;
        return {};
    };
    const auto chooseDepartment = [&]() -> QString {
        QList<RouteSuggestion> suggestions;
        if (m_router)
            suggestions = m_router->suggest(m_ticket.category, m_ticket.gridCode);
        const auto code =
            DepartmentChooser::choose(this, title, m_service.store().departments(), suggestions);
        ok = code.has_value();
        return code.value_or(QString());
    };
    const auto note = [&](const QString& label) {
        return QInputDialog::getText(this, title, label, QLineEdit::Normal, QString(), &ok);
    };
    ActionOutcome outcome;
    switch (action) {
    case TicketAction::Dispatch: {
        const QString d = chooseDepartment();
        if (!ok)
            return;
        outcome = m_service.sendToDepartment({TicketRef{id, version}}, d).value(0);
        break;
    }
    case TicketAction::Reassign: {
        const QString d = chooseDepartment();
        if (!ok)
            return;
        const QString r = reasonCode();
        if (!ok)
            return;
        outcome = m_service.sendToDepartment({TicketRef{id, version}}, d, QString(), r).value(0);
        break;
    }
    case TicketAction::Return: {
        const QString r = reasonCode();
        if (!ok)
            return;
        outcome = m_service.returnTicket(id, r, QString(), version);
        break;
    }
    case TicketAction::Resolve: {
        const QString n = QInputDialog::getMultiLineText(this, title, tr("处置结果："), QString(), &ok);
        if (!ok)
            return;
        outcome = m_service.resolve(id, n, version);
        break;
    }
    case TicketAction::Recall: {
        const QString r = note(tr("撤回原因："));
        if (!ok)
            return;
        outcome = m_service.recall(id, r, QString(), version);
        break;
    }
    case TicketAction::AssignCheck: {
        // The workers of the ticket's grid first: they are the ones near it.
        QStringList items;
        QStringList others;
        for (const WorkerRecord& w : m_service.store().workers())
            (w.gridCodes.contains(m_ticket.gridCode) ? items : others)
                << tr("%1 · %2 · %3").arg(w.id).arg(w.name, w.gridCodes.join(u','));
        items += others;
        if (items.isEmpty()) {
            Q_EMIT message(tr("本县没有网格员，不能指派核查"));
            return;
        }
        const QString chosen =
            QInputDialog::getItem(this, title, tr("指派网格员现场核查："), items, 0, true, &ok);
        if (!ok)
            return;
        outcome =
            m_service.assignCheck({TicketRef{id, version}}, chosen.section(u' ', 0, 0).toLongLong()).value(0);
        break;
    }
    case TicketAction::Invalidate: {
        const QString r = note(tr("作废原因："));
        if (!ok)
            return;
        outcome = m_service.invalidate(id, r, QString(), version);
        break;
    }
    case TicketAction::Merge: {
        // 并单: open tickets of the same category within 200 m and 7 days first.
        QStringList items;
        for (const Ticket& c : TicketQueries::duplicateCandidates(m_service.store(), m_ticket))
            items << tr("%1 · %2 · 相距 %3 米")
                         .arg(c.id)
                         .arg(c.title)
                         .arg(qRound(TicketQueries::distanceM(m_ticket.lon, m_ticket.lat, c.lon, c.lat)));
        const QString chosen =
            QInputDialog::getItem(this, title,
                                  items.isEmpty() ? tr("附近 7 天内无同类未结工单；输入主工单编号：")
                                                  : tr("并入主工单（可输入编号）："),
                                  items, 0, true, &ok);
        if (!ok)
            return;
        outcome = m_service.merge(id, chosen.section(u' ', 0, 0).toLongLong(), QString(), version);
        break;
    }
    case TicketAction::RateSatisfied:
    case TicketAction::RateUnsatisfied:
    case TicketAction::Escalate:
    case TicketAction::Urge: {
        const QString n = note(tr("备注（可留空）："));
        if (!ok)
            return;
        TicketActionRequest r;
        r.action = action;
        r.note = n;
        outcome = m_service.apply(id, r, version);
        break;
    }
    default: {
        TicketActionRequest r;
        r.action = action;
        outcome = m_service.apply(id, r, version);
        break;
    }
    }
    Q_EMIT message(outcome.ok ? tr("工单 %1：%2 完成").arg(id).arg(displayName(action)) : outcome.error);
    showTicket(id);
}

} // namespace gc::dispatch
