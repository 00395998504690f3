#include "gc/core/Ticket.h"

#include "gc/core/DisplayLanguage.h"

#include <array>

namespace gc {

namespace {

// A label in Chinese (the source language, also what reports and gridctl print) and in English.
struct Label {
    const char* chinese;
    const char* english;
};

template <typename E, std::size_t N> struct KeyTable {
    std::array<std::pair<E, const char*>, N> keys;
    std::array<Label, N> labels;

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
                return pickDisplayName(QString::fromUtf8(labels[i].chinese),
                                       QString::fromLatin1(labels[i].english));
        return {};
    }
    QString chinese(E e) const {
        for (std::size_t i = 0; i < N; ++i)
            if (keys[i].first == e)
                return QString::fromUtf8(labels[i].chinese);
        return {};
    }
};

const KeyTable<TicketState, 9> kStates{{{
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
                                       {{{"待受理", "Received"},
                                         {"已受理", "Accepted"},
                                         {"已交办", "Dispatched"},
                                         {"处置中", "In progress"},
                                         {"已办结待评价", "Resolved, awaiting rating"},
                                         {"已结案", "Closed"},
                                         {"已退单", "Returned"},
                                         {"已并单", "Merged"},
                                         {"已作废", "Invalid"}}}};

const KeyTable<TicketSource, 5> kSources{{{
                                             {TicketSource::Patrol, "patrol"},
                                             {TicketSource::CitizenApp, "app"},
                                             {TicketSource::Hotline12345, "hotline"},
                                             {TicketSource::Video, "video"},
                                             {TicketSource::Other, "other"},
                                         }},
                                         {{{"网格员巡查", "Grid worker patrol"},
                                           {"群众随手拍", "Citizen app"},
                                           {"12345热线", "12345 hotline"},
                                           {"视频发现", "Video"},
                                           {"其他", "Other"}}}};

const KeyTable<TicketPriority, 4> kPriorities{
    {{
        {TicketPriority::Urgent, "urgent"},
        {TicketPriority::High, "high"},
        {TicketPriority::Normal, "normal"},
        {TicketPriority::Low, "low"},
    }},
    {{{"特急", "Urgent"}, {"紧急", "High"}, {"一般", "Normal"}, {"不急", "Low"}}}};

const KeyTable<AppealType, 6> kAppeals{{{
                                           {AppealType::None, "none"},
                                           {AppealType::Enquiry, "enquiry"},
                                           {AppealType::Help, "help"},
                                           {AppealType::Complaint, "complaint"},
                                           {AppealType::Report, "report"},
                                           {AppealType::Suggestion, "suggestion"},
                                       }},
                                       {{{"无", "None"},
                                         {"咨询", "Enquiry"},
                                         {"求助", "Request for help"},
                                         {"投诉", "Complaint"},
                                         {"举报", "Report"},
                                         {"建议", "Suggestion"}}}};

const KeyTable<Rating, 3> kRatings{
    {{
        {Rating::None, "none"},
        {Rating::Satisfied, "satisfied"},
        {Rating::Unsatisfied, "unsatisfied"},
    }},
    {{{"未评价", "Not rated"}, {"满意", "Satisfied"}, {"不满意", "Unsatisfied"}}}};

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
                                          {{{"受理", "Accept"},
                                            {"交办", "Dispatch"},
                                            {"改派", "Reassign"},
                                            {"退单", "Return"},
                                            {"开始处置", "Start work"},
                                            {"办结", "Resolve"},
                                            {"评价满意", "Rate satisfied"},
                                            {"评价不满意", "Rate unsatisfied"},
                                            {"核查结案", "Verify and close"},
                                            {"上报", "Escalate"},
                                            {"并单", "Merge"},
                                            {"作废", "Invalidate"},
                                            {"网格内办结", "Resolve within the grid"},
                                            {"催办", "Urge"},
                                            {"撤回", "Recall"},
                                            {"指派核查", "Assign on-site check"},
                                            {"到场", "Arrive on site"},
                                            {"登记", "File"}}}};

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
QString chineseName(TicketSource s) {
    return kSources.chinese(s);
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
QString displayName(AppealType a) {
    return kAppeals.label(a);
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
QList<AppealType> allAppealTypes() {
    return allOf(kAppeals);
}
QList<Rating> allRatings() {
    return allOf(kRatings);
}
QList<TicketAction> allTicketActions() {
    return allOf(kActions);
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
