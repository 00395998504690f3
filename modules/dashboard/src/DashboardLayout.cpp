// The big screen's layout file: parsing, checking (inside the grid, no overlaps) and the periods it names.
#include "gc/dashboard/DashboardLayout.h"

#include "gc/core/ChinaTime.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace gc::dashboard {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DashboardLayout)
};

const QStringList kPanelTypes{QStringLiteral("header"),        QStringLiteral("kpis"),
                              QStringLiteral("open_by_state"), QStringLiteral("trend"),
                              QStringLiteral("satisfaction"),  QStringLiteral("ranking"),
                              QStringLiteral("map"),           QStringLiteral("workers"),
                              QStringLiteral("alerts"),        QStringLiteral("source_mix")};

} // namespace

std::optional<Period> Period::of(const QString& key, const QDateTime& now) {
    const QDateTime local = now.toTimeZone(chinaTimeZone());
    const QDate today = local.date();
    const auto at = [](QDate d) { return QDateTime(d, QTime(0, 0), chinaTimeZone()); };
    Period p;
    p.key = key;
    if (key == u"today") {
        p.from = at(today);
        p.to = at(today.addDays(1));
    } else if (key == u"week") {
        p.from = at(today.addDays(1 - today.dayOfWeek()));
        p.to = p.from.addDays(7);
    } else if (key == u"month") {
        p.from = at(QDate(today.year(), today.month(), 1));
        p.to = at(QDate(today.year(), today.month(), 1).addMonths(1));
    } else if (key == u"7d" || key == u"30d") {
        const int days = key == u"7d" ? 7 : 30;
        p.from = at(today.addDays(1 - days));
        p.to = at(today.addDays(1));
    } else {
        return std::nullopt;
    }
    return p;
}

QStringList Period::keys() {
    return {QStringLiteral("today"), QStringLiteral("week"), QStringLiteral("month"), QStringLiteral("7d"),
            QStringLiteral("30d")};
}

QString Period::displayName() const {
    if (key == u"today")
        return Tr::tr("今日");
    if (key == u"week")
        return Tr::tr("本周");
    if (key == u"month")
        return Tr::tr("本月");
    if (key == u"7d")
        return Tr::tr("近7天");
    return Tr::tr("近30天");
}

std::optional<DashboardLayout> DashboardLayout::fromJson(const QByteArray& json, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? Tr::tr("布局文件不是有效的 JSON（第 %1 个字符：%2）")
                           .arg(parseError.offset)
                           .arg(parseError.errorString())
                     : Tr::tr("布局文件应为一个 JSON 对象");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    DashboardLayout l;
    l.name = o.value(QStringLiteral("name")).toString();
    l.columns = o.value(QStringLiteral("columns")).toInt(0);
    l.rows = o.value(QStringLiteral("rows")).toInt(0);
    l.trendDays = o.value(QStringLiteral("trend_days")).toInt(30);
    l.satisfactionWeeks = o.value(QStringLiteral("satisfaction_weeks")).toInt(6);
    if (l.columns < 1 || l.columns > 200 || l.rows < 1 || l.rows > 200) {
        *error = Tr::tr("布局文件的 columns 和 rows 须为 1 到 200 的整数");
        return std::nullopt;
    }
    if (l.trendDays < 2 || l.trendDays > 92 || l.satisfactionWeeks < 1 || l.satisfactionWeeks > 13) {
        *error = Tr::tr("trend_days 须在 2–92 之间，satisfaction_weeks 须在 1–13 之间");
        return std::nullopt;
    }
    const QJsonObject floors = o.value(QStringLiteral("floors")).toObject();
    l.satisfactionFloor = floors.value(QStringLiteral("satisfaction")).toDouble(0.85);
    l.closureFloor = floors.value(QStringLiteral("closure")).toDouble(0.80);
    l.onTimeFloor = floors.value(QStringLiteral("on_time")).toDouble(0.85);
    for (double f : {l.satisfactionFloor, l.closureFloor, l.onTimeFloor}) {
        if (f < 0 || f > 1) {
            *error = Tr::tr("floors 中的下限须在 0 到 1 之间（如 0.85）");
            return std::nullopt;
        }
    }
    const QJsonArray panels = o.value(QStringLiteral("panels")).toArray();
    if (panels.isEmpty()) {
        *error = Tr::tr("布局文件没有 panels");
        return std::nullopt;
    }
    for (int i = 0; i < panels.size(); ++i) {
        const QJsonObject p = panels.at(i).toObject();
        PanelSpec s;
        s.type = p.value(QStringLiteral("type")).toString();
        const QString where = Tr::tr("第 %1 个面板（%2）").arg(i + 1).arg(s.type);
        if (!kPanelTypes.contains(s.type)) {
            *error =
                Tr::tr("%1：未知的面板类型，可用：%2").arg(where, kPanelTypes.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        const auto integer = [&](const char* key) { return p.value(QLatin1String(key)).toInt(-1); };
        s.cell = QRect(integer("x"), integer("y"), integer("w"), integer("h"));
        if (s.cell.x() < 0 || s.cell.y() < 0 || s.cell.width() < 1 || s.cell.height() < 1 ||
            s.cell.right() >= l.columns || s.cell.bottom() >= l.rows) {
            *error = Tr::tr("%1：位置 x/y/w/h 须在 %2×%3 的网格之内").arg(where).arg(l.columns).arg(l.rows);
            return std::nullopt;
        }
        for (const PanelSpec& other : std::as_const(l.panels)) {
            if (other.cell.intersects(s.cell)) {
                *error = Tr::tr("%1：与面板 %2 重叠").arg(where, other.type);
                return std::nullopt;
            }
        }
        s.title = p.value(QStringLiteral("title")).toString();
        s.period = p.value(QStringLiteral("period")).toString(s.period);
        if (!Period::keys().contains(s.period)) {
            *error = Tr::tr("%1：period 须为 %2 之一").arg(where, Period::keys().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (s.type == u"ranking") {
            s.group = p.value(QStringLiteral("group")).toString();
            s.metric = p.value(QStringLiteral("metric")).toString(s.metric);
            if (s.group != u"street" && s.group != u"department") {
                *error = Tr::tr("%1：group 须为 street 或 department").arg(where);
                return std::nullopt;
            }
            if (s.metric != u"satisfaction" && s.metric != u"closure" && s.metric != u"on_time") {
                *error = Tr::tr("%1：metric 须为 satisfaction、closure 或 on_time").arg(where);
                return std::nullopt;
            }
        }
        if (s.type == u"map") {
            s.layer = p.value(QStringLiteral("layer")).toString(s.layer);
            s.hatch = p.value(QStringLiteral("hatch")).toBool(true);
            if (s.layer != u"heat" && s.layer != u"none") {
                *error = Tr::tr("%1：layer 须为 heat 或 none").arg(where);
                return std::nullopt;
            }
        }
        l.panels << s;
    }
    return l;
}

std::optional<DashboardLayout> DashboardLayout::fromFile(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("无法读取布局文件 %1：%2").arg(path, f.errorString());
        return std::nullopt;
    }
    QString why;
    std::optional<DashboardLayout> l = fromJson(f.readAll(), &why);
    if (!l)
        *error = Tr::tr("布局文件 %1 有误：%2").arg(path, why);
    return l;
}

DashboardLayout DashboardLayout::builtIn(QSize screen) {
    const bool wide = screen.height() > 0 && double(screen.width()) / screen.height() >= 2.5;
    return builtIn(wide ? QStringLiteral("32x9") : QStringLiteral("16x9"));
}

DashboardLayout DashboardLayout::builtIn(const QString& name) {
    QString error;
    std::optional<DashboardLayout> l =
        fromFile(QStringLiteral(":/gc/dashboard/dashboard-%1.json").arg(name), &error);
    Q_ASSERT_X(l, "DashboardLayout::builtIn", qPrintable(error));
    return l ? *l : DashboardLayout{};
}

QStringList DashboardLayout::periodKeys() const {
    QStringList keys;
    for (const PanelSpec& p : panels) {
        if ((p.type == u"kpis" || p.type == u"open_by_state" || p.type == u"ranking" ||
             p.type == u"source_mix") &&
            !keys.contains(p.period))
            keys << p.period;
    }
    return keys;
}

double DashboardLayout::floorOf(const QString& metric) const {
    if (metric == u"closure")
        return closureFloor;
    if (metric == u"on_time")
        return onTimeFloor;
    return satisfactionFloor;
}

bool DashboardLayout::hasPanel(const QString& type) const {
    return firstPanel(type) != nullptr;
}

const PanelSpec* DashboardLayout::firstPanel(const QString& type) const {
    for (const PanelSpec& p : panels)
        if (p.type == type)
            return &p;
    return nullptr;
}

QRect DashboardLayout::panelRect(const PanelSpec& panel, QSize size) const {
    const auto x = [&](int c) { return int(std::lround(double(size.width()) * c / columns)); };
    const auto y = [&](int r) { return int(std::lround(double(size.height()) * r / rows)); };
    return QRect(
        QPoint(x(panel.cell.x()), y(panel.cell.y())),
        QPoint(x(panel.cell.x() + panel.cell.width()) - 1, y(panel.cell.y() + panel.cell.height()) - 1));
}

} // namespace gc::dashboard
