#include "gc/core/Ticket.h"

#include <QCoreApplication>
#include <array>

namespace gc {

namespace {

template <typename E, std::size_t N> struct KeyTable {
    std::array<std::pair<E, const char*>, N> keys;
    std::array<const char*, N> labels;

    QString key(E e) const {
        for (const auto& [v, k] : keys)
            if (v == e)
                return QString::fromLatin1(k);
        return {};
    }
    std::optional<E> parse(const QString& text) const {
        for (const auto& [v, k] : keys)
            if (text.compare(QLatin1String(k), Qt::CaseInsensitive) == 0)
                return v;
        return std::nullopt;
    }
    QString label(E e) const {
        for (std::size_t i = 0; i < N; ++i)
            if (keys[i].first == e)
                return QCoreApplication::translate("Ticket", labels[i]);
        return {};
    }
};

const KeyTable<TicketState, 9> kStates{
    {{
        {TicketState::Received, "received"},
        {TicketState::Accepted, "accepted"},
        {TicketState::Dispatched, "dispatched"},
        {TicketState::InProgress, "in_progress"},
        {TicketState::Resolved, "resolved"},
        {TicketState::Closed, "closed"},
        {TicketState::Returned, "returned"},
        {TicketState::Merged, "merged"},
        {TicketState::Invalid, "invalid"},
    }},
    {"待受理", "已受理", "已交办", "处置中", "已办结待评价", "已结案", "已退单", "已并单", "已作废"}};

const KeyTable<TicketSource, 5> kSources{{{
                                             {TicketSource::Patrol, "patrol"},
                                             {TicketSource::CitizenApp, "app"},
                                             {TicketSource::Hotline12345, "hotline"},
                                             {TicketSource::Video, "video"},
                                             {TicketSource::Other, "other"},
                                         }},
                                         {"网格员巡查", "群众随手拍", "12345热线", "视频发现", "其他"}};

const KeyTable<TicketPriority, 4> kPriorities{{{
                                                  {TicketPriority::Urgent, "urgent"},
                                                  {TicketPriority::High, "high"},
                                                  {TicketPriority::Normal, "normal"},
                                                  {TicketPriority::Low, "low"},
                                              }},
                                              {"特急", "紧急", "一般", "不急"}};

const KeyTable<AppealType, 6> kAppeals{{{
                                           {AppealType::None, "none"},
                                           {AppealType::Enquiry, "enquiry"},
                                           {AppealType::Help, "help"},
                                           {AppealType::Complaint, "complaint"},
                                           {AppealType::Report, "report"},
                                           {AppealType::Suggestion, "suggestion"},
                                       }},
                                       {"无", "咨询", "求助", "投诉", "举报", "建议"}};

const KeyTable<Rating, 3> kRatings{{{
                                       {Rating::None, "none"},
                                       {Rating::Satisfied, "satisfied"},
                                       {Rating::Unsatisfied, "unsatisfied"},
                                   }},
                                   {"未评价", "满意", "不满意"}};

const KeyTable<TicketAction, 18> kActions{{{
                                              {TicketAction::Accept, "accept"},
                                              {TicketAction::Dispatch, "dispatch"},
                                              {TicketAction::Reassign, "reassign"},
                                              {TicketAction::Return, "return"},
                                              {TicketAction::Start, "start"},
                                              {TicketAction::Resolve, "resolve"},
                                              {TicketAction::RateSatisfied, "rate_satisfied"},
                                              {TicketAction::RateUnsatisfied, "rate_unsatisfied"},
                                              {TicketAction::Close, "close"},
                                              {TicketAction::Escalate, "escalate"},
                                              {TicketAction::Merge, "merge"},
                                              {TicketAction::Invalidate, "invalidate"},
                                              {TicketAction::SelfResolve, "self_resolve"},
                                              {TicketAction::Urge, "urge"},
                                              {TicketAction::Recall, "recall"},
                                              {TicketAction::AssignCheck, "assign_check"},
                                              {TicketAction::Arrive, "arrive"},
                                              {TicketAction::Report, "report"},
                                          }},
                                          {"受理", "交办", "改派", "退单", "开始处置", "办结", "评价满意",
                                           "评价不满意", "核查结案", "上报", "并单", "作废", "网格内办结",
                                           "催办", "撤回", "指派核查", "到场", "登记"}};

template <typename E, std::size_t N> QList<E> allOf(const KeyTable<E, N>& t) {
    QList<E> out;
    for (const auto& kv : t.keys)
        out << kv.first;
    return out;
}

} // namespace

QString toKey(TicketState s) {
    return kStates.key(s);
}
QString toKey(TicketSource s) {
    return kSources.key(s);
}
QString toKey(TicketPriority p) {
    return kPriorities.key(p);
}
QString toKey(AppealType a) {
    return kAppeals.key(a);
}
QString toKey(Rating r) {
    return kRatings.key(r);
}
QString toKey(TicketAction a) {
    return kActions.key(a);
}

std::optional<TicketState> ticketStateFromKey(const QString& key) {
    return kStates.parse(key);
}
std::optional<TicketSource> ticketSourceFromKey(const QString& key) {
    return kSources.parse(key);
}
std::optional<TicketPriority> ticketPriorityFromKey(const QString& key) {
    return kPriorities.parse(key);
}
std::optional<AppealType> appealTypeFromKey(const QString& key) {
    return kAppeals.parse(key);
}
std::optional<Rating> ratingFromKey(const QString& key) {
    return kRatings.parse(key);
}
std::optional<TicketAction> ticketActionFromKey(const QString& key) {
    return kActions.parse(key);
}

QString displayName(TicketState s) {
    return kStates.label(s);
}
QString displayName(TicketSource s) {
    return kSources.label(s);
}
QString displayName(TicketPriority p) {
    return kPriorities.label(p);
}
QString displayName(TicketAction a) {
    return kActions.label(a);
}
QString displayName(Rating r) {
    return kRatings.label(r);
}

QList<TicketState> allTicketStates() {
    return allOf(kStates);
}
QList<TicketSource> allTicketSources() {
    return allOf(kSources);
}
QList<TicketPriority> allTicketPriorities() {
    return allOf(kPriorities);
}

bool isTerminal(TicketState s) {
    return s == TicketState::Closed || s == TicketState::Merged || s == TicketState::Invalid;
}

bool isOpen(TicketState s) {
    return !isTerminal(s) && s != TicketState::Resolved;
}

bool Ticket::isOverdue(const QDateTime& now) const {
    if (!deadline.isValid())
        return false;
    if (isOpen(state))
        return now > deadline;
    // A ticket resolved after its deadline stays overdue in the record.
    return resolvedAt.isValid() && resolvedAt > deadline && state != TicketState::Merged &&
           state != TicketState::Invalid;
}

} // namespace gc
