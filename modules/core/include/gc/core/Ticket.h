#pragma once

#include "gc/core/GridLevel.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace gc {

// The closed loop (闭环). Stored as the lowercase keys below.
enum class TicketState {
    Received,
    Accepted,
    Dispatched,
    InProgress,
    Resolved,
    Closed,
    Returned,
    Merged,
    Invalid
};

enum class TicketSource { Patrol, CitizenApp, Hotline12345, Video, Other };

enum class TicketPriority { Urgent, High, Normal, Low };

// 诉求类型 of a hotline appeal; it decides the time limit in 12345 practice.
enum class AppealType { None, Enquiry, Help, Complaint, Report, Suggestion };

enum class Rating { None, Satisfied, Unsatisfied };

// Every action a person (or the feed) can take on a ticket.
enum class TicketAction {
    Accept,          // 受理
    Dispatch,        // 分流交办
    Reassign,        // 改派 (reason)
    Return,          // 退单 (reason code) — back to the dispatch queue
    Start,           // 开始处置
    Resolve,         // 办结反馈 (result note)
    RateSatisfied,   // 满意 → closed
    RateUnsatisfied, // 不满意 → back to the same department
    Close,           // 核查结案: close a resolved ticket that has no one to rate it
    Escalate,        // 上报 / 吹哨: grid → community → street → county
    Merge,           // 并单 into another open ticket
    Invalidate,      // 作废 (reason)
    SelfResolve,     // 网格内办结
    Urge,            // 催办
    Recall,          // 撤回: the centre takes a dispatch back before the department starts (reason)
    AssignCheck,     // 指派核查: a grid worker is sent to verify on site; the state stays
    Arrive,          // 到场: the assigned worker is on site (recorded by the feed); the state stays
    // Not an action anyone can take: the kind of the first event, the filing (登记)
    // of a new ticket. TicketWorkflow refuses it.
    Report,
};

QString toKey(TicketState s);
QString toKey(TicketSource s);
QString toKey(TicketPriority p);
QString toKey(AppealType a);
QString toKey(Rating r);
QString toKey(TicketAction a);

std::optional<TicketState> ticketStateFromKey(const QString& key);
std::optional<TicketSource> ticketSourceFromKey(const QString& key);
std::optional<TicketPriority> ticketPriorityFromKey(const QString& key);
std::optional<AppealType> appealTypeFromKey(const QString& key);
std::optional<Rating> ratingFromKey(const QString& key);
std::optional<TicketAction> ticketActionFromKey(const QString& key);

// Labels for the UI and reports, in the display language (gc/core/DisplayLanguage.h).
QString displayName(TicketState s);
QString displayName(TicketSource s);
QString displayName(TicketPriority p);
QString displayName(TicketAction a);
QString displayName(Rating r);
QString displayName(AppealType a);
// The Chinese label whatever the display language, for text stored in the county.
QString chineseName(TicketSource s);

QList<TicketState> allTicketStates();
QList<TicketSource> allTicketSources();
QList<TicketPriority> allTicketPriorities();
QList<AppealType> allAppealTypes();
QList<Rating> allRatings();
QList<TicketAction> allTicketActions(); // every action, Report (the filing) included

// States in which nothing more can happen.
bool isTerminal(TicketState s);
// States that count as open work (neither terminal nor waiting for a rating).
bool isOpen(TicketState s);

struct Ticket {
    qint64 id = 0;
    TicketState state = TicketState::Received;
    QString category; // code from CategoryTable
    TicketSource source = TicketSource::Other;
    TicketPriority priority = TicketPriority::Normal;
    AppealType appealType = AppealType::None;
    QString gridCode;
    QString departmentCode; // empty when not dispatched
    QString title;
    QString description;
    QString address;
    double lon = 0; // EPSG:4490
    double lat = 0;
    QStringList photos;
    QString reporter; // worker id, citizen phone (masked) or hotline operator
    QDateTime createdAt;
    QDateTime deadline;
    // The first dispatch ever, for the KPI's dispatch time: a recall (撤回) or a return
    // does not clear it, so a re-dispatch keeps the original moment.
    QDateTime firstDispatchedAt;
    QDateTime resolvedAt;
    QDateTime closedAt;
    Rating rating = Rating::None;
    int reopenCount = 0;
    int urgeCount = 0;
    GridLevel escalationLevel = GridLevel::Grid; // who handles it now: grid, community, street, county
    qint64 mergedInto = 0;
    QString lastReturnReason;
    bool selfResolved = false;
    qint64 checkWorkerId = 0; // grid worker assigned to verify on site (指派核查); 0: none
    QDateTime arrivedAt;      // when that worker was on site (到场); invalid until then
    int version = 0;          // optimistic concurrency: bumped by every stored transition

    bool isOverdue(const QDateTime& now) const;
};

// One append-only entry of a ticket's audit trail.
struct TicketEvent {
    qint64 id = 0;
    qint64 ticketId = 0;
    TicketAction action = TicketAction::Accept;
    QString actor;
    QDateTime at;
    TicketState fromState = TicketState::Received;
    TicketState toState = TicketState::Received;
    QString departmentCode; // the department involved, if any
    QString reason;         // reason code (退单/改派/作废)
    QString note;
    qint64 workerId = 0; // the grid worker involved (指派核查, 到场), if any
};

} // namespace gc
