#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace gc {

// The period a report covers, as 12345 and 综治 centers name them: an ISO week ("2026-W47",
// Monday to Sunday, week 1 being the week that holds 4 January), a calendar month ("2026-11") or
// a range of whole days ("2026-11-01..2026-11-30", both days included). Days are China's days
// (chinaTimeZone()), the same ones `gridctl stats --from --to` counts.
class ReportPeriod {
    Q_DECLARE_TR_FUNCTIONS(ReportPeriod)

public:
    enum class Kind { Week, Month, Range };

    // nullopt, with a one-line reason in *error, when `text` is none of the three forms or names a
    // day, week or month that does not exist (2025-W53, 2026-13, 2026-02-30, a range ending before
    // it starts, or longer than kMaxRangeDays).
    static std::optional<ReportPeriod> parse(const QString& text, QString* error = nullptr);
    static ReportPeriod isoWeek(int isoYear, int week); // week must exist in isoYear
    static ReportPeriod month(int year, int month);
    static ReportPeriod range(const QDate& first, const QDate& last);

    // Weeks of an ISO year: 53 when it starts on a Thursday, or on a Wednesday in a leap year.
    static int isoWeeksInYear(int isoYear);
    static QDate isoWeekMonday(int isoYear, int week);

    static constexpr int kMaxRangeDays = 366;

    Kind kind() const { return m_kind; }
    QDate first() const { return m_first; }
    QDate last() const { return m_last; } // included
    int days() const { return int(m_first.daysTo(m_last)) + 1; }
    // [begin, end) in China time: what the KPIs and the store's ticketFacts() take.
    QDateTime begin() const;
    QDateTime end() const;

    // "2026-W47", "2026-11", "2026-11-01..2026-11-30": parse(key()) gives this period back.
    QString key() const;
    // "2026年第47周", "2026年11月", "2026年11月1日至2026年11月30日".
    QString title() const;
    // "2026年11月16日至11月22日" for a week; the days a title does not show.
    QString dayRangeText() const;
    // The period just before, of the same kind: the week before, the month before, or as many
    // days ending the day before `first`. Reports compare against it.
    ReportPeriod previous() const;

    bool operator==(const ReportPeriod&) const = default;

private:
    Kind m_kind = Kind::Range;
    QDate m_first, m_last;
    int m_isoYear = 0, m_week = 0; // Week only
};

} // namespace gc
