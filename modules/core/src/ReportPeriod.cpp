// Report periods: parsing and naming ISO weeks, months and day ranges in China's days.
#include "gc/core/ReportPeriod.h"

#include "gc/core/ChinaTime.h"

#include <QRegularExpression>

namespace gc {

int ReportPeriod::isoWeeksInYear(int isoYear) {
    // 28 December always lies in the ISO year's last week.
    return QDate(isoYear, 12, 28).weekNumber();
}

QDate ReportPeriod::isoWeekMonday(int isoYear, int week) {
    // Week 1 is the week holding 4 January; its Monday may fall in the previous December.
    const QDate jan4(isoYear, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek()).addDays(qint64(week - 1) * 7);
}

ReportPeriod ReportPeriod::isoWeek(int isoYear, int week) {
    ReportPeriod p;
    p.m_kind = Kind::Week;
    p.m_isoYear = isoYear;
    p.m_week = week;
    p.m_first = isoWeekMonday(isoYear, week);
    p.m_last = p.m_first.addDays(6);
    return p;
}

ReportPeriod ReportPeriod::month(int year, int month) {
    ReportPeriod p;
    p.m_kind = Kind::Month;
    p.m_first = QDate(year, month, 1);
    p.m_last = p.m_first.addMonths(1).addDays(-1);
    return p;
}

ReportPeriod ReportPeriod::range(const QDate& first, const QDate& last) {
    ReportPeriod p;
    p.m_kind = Kind::Range;
    p.m_first = first;
    p.m_last = last;
    return p;
}

std::optional<ReportPeriod> ReportPeriod::parse(const QString& text, QString* error) {
    const auto refuse = [&](const QString& why) -> std::optional<ReportPeriod> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString t = text.trimmed();
    static const QRegularExpression weekForm(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    static const QRegularExpression monthForm(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression rangeForm(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"));
    if (const auto m = weekForm.match(t); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        const int week = m.captured(2).toInt();
        if (year < 1 || week < 1 || week > isoWeeksInYear(year))
            return refuse(tr("%1 年没有第 %2 周（共 %3 周）").arg(year).arg(week).arg(isoWeeksInYear(year)));
        return isoWeek(year, week);
    }
    if (const auto m = monthForm.match(t); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        const int mon = m.captured(2).toInt();
        if (year < 1 || mon < 1 || mon > 12)
            return refuse(tr("没有这个月份：%1").arg(t));
        return month(year, mon);
    }
    if (const auto m = rangeForm.match(t); m.hasMatch()) {
        const QDate first = QDate::fromString(m.captured(1), Qt::ISODate);
        const QDate last = QDate::fromString(m.captured(2), Qt::ISODate);
        if (!first.isValid() || !last.isValid())
            return refuse(tr("没有这一天：%1").arg(!first.isValid() ? m.captured(1) : m.captured(2)));
        if (last < first)
            return refuse(tr("时段的结束日 %1 早于开始日 %2").arg(m.captured(2), m.captured(1)));
        if (first.daysTo(last) + 1 > kMaxRangeDays)
            return refuse(tr("时段最长 %1 天").arg(kMaxRangeDays));
        return range(first, last);
    }
    return refuse(
        tr("时段应写作 2026-W47（周）、2026-11（月）或 2026-11-01..2026-11-30（日期范围），而不是 %1")
            .arg(t));
}

QDateTime ReportPeriod::begin() const {
    return QDateTime(m_first, QTime(0, 0), chinaTimeZone());
}

QDateTime ReportPeriod::end() const {
    return QDateTime(m_last.addDays(1), QTime(0, 0), chinaTimeZone());
}

QString ReportPeriod::key() const {
    switch (m_kind) {
    case Kind::Week:
        return QStringLiteral("%1-W%2")
            .arg(m_isoYear, 4, 10, QLatin1Char('0'))
            .arg(m_week, 2, 10, QLatin1Char('0'));
    case Kind::Month:
        return m_first.toString(QStringLiteral("yyyy-MM"));
    case Kind::Range:
        break;
    }
    return m_first.toString(Qt::ISODate) + QStringLiteral("..") + m_last.toString(Qt::ISODate);
}

namespace {
QString chineseDay(const QDate& d, bool withYear) {
    return withYear ? QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day())
                    : QStringLiteral("%1月%2日").arg(d.month()).arg(d.day());
}
} // namespace

QString ReportPeriod::dayRangeText() const {
    return tr("%1至%2").arg(chineseDay(m_first, true), chineseDay(m_last, m_last.year() != m_first.year()));
}

QString ReportPeriod::title() const {
    switch (m_kind) {
    case Kind::Week:
        return tr("%1年第%2周").arg(m_isoYear).arg(m_week);
    case Kind::Month:
        return tr("%1年%2月").arg(m_first.year()).arg(m_first.month());
    case Kind::Range:
        break;
    }
    return dayRangeText();
}

ReportPeriod ReportPeriod::previous() const {
    switch (m_kind) {
    case Kind::Week: {
        const QDate monday = m_first.addDays(-7);
        int isoYear = 0;
        const int week = monday.weekNumber(&isoYear);
        return isoWeek(isoYear, week);
    }
    case Kind::Month: {
        const QDate before = m_first.addMonths(-1);
        return month(before.year(), before.month());
    }
    case Kind::Range:
        break;
    }
    return range(m_first.addDays(-days()), m_first.addDays(-1));
}

} // namespace gc
