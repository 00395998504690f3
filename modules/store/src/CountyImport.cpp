#include "gc/store/CountyImport.h"

#include "gc/store/CountyStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CountyImport)
};

QString listSome(const QStringList& items) {
    QString text = items.mid(0, 10).join(QStringLiteral("、"));
    if (items.size() > 10)
        text += Tr::tr(" 等 %1 个").arg(items.size());
    return text;
}

QString label(const geo::ImportedFeature& f) {
    return f.name.isEmpty() ? f.code : QStringLiteral("%1（%2）").arg(f.name, f.code);
}

// Where a parent's children get standard codes: the parent's code padded with zeros to the
// level's prefix (a grid straight under a 9-digit street gets the community part "000"), then a
// 3-digit serial.
QString childPrefix(const QString& parentCode, GridLevel level) {
    return parentCode.leftJustified(GridLevels::codeLength(level) - 3, u'0');
}

} // namespace

QString importCodesKey(ImportCodes codes) {
    switch (codes) {
    case ImportCodes::Keep:
        return QStringLiteral("keep");
    case ImportCodes::Generate:
        return QStringLiteral("generate");
    case ImportCodes::Check:
        break;
    }
    return QStringLiteral("check");
}

std::optional<ImportCodes> parseImportCodes(const QString& key) {
    for (ImportCodes c : {ImportCodes::Check, ImportCodes::Keep, ImportCodes::Generate})
        if (key == importCodesKey(c))
            return c;
    return std::nullopt;
}

bool CountyImport::run(const ImportRequest& request, ImportReport* report, QString* error,
                       const std::function<void(const QString&, int)>& progress,
                       const std::atomic_bool* cancel) {
    QString localError;
    if (!error)
        error = &localError;
    ImportReport localReport;
    if (!report)
        report = &localReport;
    const auto stage = [&](const QString& what, int percent) {
        if (progress)
            progress(what, percent);
    };
    const auto cancelled = [&] {
        if (cancel && cancel->load()) {
            *error = Tr::tr("已取消");
            return true;
        }
        return false;
    };
    const GridLevel level = request.level;
    const bool countyExists = QFileInfo::exists(request.countyPath);
    // The source is the county itself (by another name, a link, or its journal files): reading
    // it through GDAL while writing it would read half-written pages.
    if (countyExists) {
        const QString county = QFileInfo(request.countyPath).canonicalFilePath();
        const QString source = QFileInfo(request.source.path).canonicalFilePath();
        for (const QString& suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            if (!source.isEmpty() && source == county + suffix) {
                *error =
                    Tr::tr("导入源 %1 就是县域文件 %2 本身").arg(request.source.path, request.countyPath);
                return false;
            }
    }
    if (!countyExists && level != GridLevel::County) {
        *error = Tr::tr("%1 不存在。新县域要从县级边界开始导入（--level county），再依次导入街道、社区、网格")
                     .arg(request.countyPath);
        return false;
    }

    // 1. Read the source: nothing of the county is touched yet.
    stage(Tr::tr("读取 %1").arg(request.source.path), 5);
    QList<geo::ImportedFeature> features;
    if (!geo::VectorImporter::read(
            request.source, &features, &report->source, &report->repairs, error,
            [&](int done) { stage(Tr::tr("已读取 %1 个要素").arg(done), 10); }, cancel))
        return false;
    if (cancelled())
        return false;

    // 2. Codes must fit the level (unless kept as they are, or replaced by generated ones). The
    // county's own code is its administrative division code: always checked.
    const ImportCodes codes = level == GridLevel::County ? ImportCodes::Check : request.codes;
    if (level == GridLevel::County && request.codes != ImportCodes::Check) {
        *error = Tr::tr("县级编码必须是 6 位行政区划代码：--codes keep/generate 只用于县级以下");
        return false;
    }
    QStringList badCodes;
    for (const geo::ImportedFeature& f : features)
        if (const QString why = GridCode::validate(f.code, level);
            !why.isEmpty() && codes == ImportCodes::Check)
            badCodes << QStringLiteral("%1：%2").arg(label(f), why);
    if (!badCodes.isEmpty()) {
        *error = Tr::tr("%1 个要素的编码不符合%2级（%3 位数字）：%4。源数据有自己的编码时，可用 --codes keep "
                        "原样保留，或 --codes generate 在上级下生成标准编码（源编码存入 source_code）")
                     .arg(badCodes.size())
                     .arg(GridLevels::chineseName(level))
                     .arg(GridLevels::codeLength(level))
                     .arg(listSome(badCodes));
        return false;
    }

    QList<GridRecord> records;
    records.reserve(features.size());
    for (const geo::ImportedFeature& f : features) {
        GridRecord g;
        g.code = f.code;
        g.name = f.name.isEmpty() ? f.code : f.name;
        g.level = level;
        g.parentCode = f.parentCode;
        g.households = f.households;
        g.population = f.population;
        g.wkb = f.wkb;
        records << g;
    }

    // 3a. A new county: its one county-level feature names it.
    if (!countyExists) {
        if (features.size() != 1) {
            *error = Tr::tr("新县域的县级边界应只有 1 个要素，%1 中有 %2 个")
                         .arg(request.source.path)
                         .arg(features.size());
            return false;
        }
        stage(Tr::tr("创建县域 %1").arg(request.countyPath), 60);
        CountyInfo info;
        info.code = features.first().code;
        info.name = records.first().name;
        auto store = CountyStore::create(request.countyPath, info, error);
        if (!store)
            return false;
        records.first().parentCode.clear();
        if (!store->insertGrids(level, records, error)) {
            const QString path = store->path();
            store.reset();
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(path + suffix);
            return false;
        }
        report->countyCreated = true;
        report->imported = 1;
        stage(Tr::tr("完成"), 100);
        return true;
    }

    // 3b. An existing county: checks first, then one transaction.
    auto store = CountyStore::open(request.countyPath, error);
    if (!store)
        return false;
    if (level == GridLevel::County) {
        if (store->gridCount(GridLevel::County) > 0) {
            *error = Tr::tr("%1 已有县级边界；县级只能有一个要素").arg(request.countyPath);
            return false;
        }
        if (features.size() != 1 || features.first().code != store->info().code) {
            *error = Tr::tr("县级边界应为 1 个编码为 %1 的要素").arg(store->info().code);
            return false;
        }
    }
    // Codes that already exist at this level (kept codes: at any level, since their length no
    // longer tells their level and a code must find one grid). Generated codes are new.
    if (codes != ImportCodes::Generate) {
        QSet<QString> existing;
        for (int l = 1; l <= kGridLevelCount; ++l)
            if (static_cast<GridLevel>(l) == level || codes == ImportCodes::Keep)
                for (const GridRecord& g : store->grids(static_cast<GridLevel>(l), false))
                    existing.insert(g.code);
        QStringList clashes;
        for (const GridRecord& g : records)
            if (existing.contains(g.code))
                clashes << g.code;
        if (!clashes.isEmpty()) {
            *error =
                codes == ImportCodes::Keep
                    ? Tr::tr("%1 个编码与县域中已有的编码冲突：%2").arg(clashes.size()).arg(listSome(clashes))
                    : Tr::tr("%1 个编码与县域中已有的%2冲突：%3")
                          .arg(clashes.size())
                          .arg(GridLevels::chineseName(level), listSome(clashes));
            return false;
        }
    }
    if (cancelled())
        return false;

    // Parents: named by a field, or the parent-level feature each overlaps most. A feature that
    // overlaps no parent at all lies outside the county's hierarchy and is refused by name.
    if (auto parentLevel = GridLevels::parent(level)) {
        stage(Tr::tr("匹配上级"), 40);
        QList<GridRecord> parents = store->grids(*parentLevel, true);
        // A county without the level in between (real data often has no communities): features
        // whose parent field names codes of a higher level hang directly under that level.
        const bool parentsNamed = !request.source.parentField.isEmpty();
        for (auto higher = GridLevels::parent(*parentLevel); parents.isEmpty() && parentsNamed && higher;
             higher = GridLevels::parent(*higher)) {
            QList<GridRecord> candidates = store->grids(*higher, true);
            if (candidates.isEmpty())
                continue;
            report->source.notes << Tr::tr("县域没有%1层级：%2直接挂在%3下")
                                        .arg(GridLevels::chineseName(*parentLevel),
                                             GridLevels::chineseName(level),
                                             GridLevels::chineseName(*higher));
            parentLevel = higher;
            parents = std::move(candidates);
        }
        report->parentLevel = parentLevel;
        if (parents.isEmpty()) {
            *error =
                Tr::tr("上级层级（%1）还没有数据：请先导入%1").arg(GridLevels::chineseName(*parentLevel));
            return false;
        }
        QList<QByteArray> childWkb, parentWkb;
        for (const GridRecord& g : records)
            childWkb << g.wkb;
        for (const GridRecord& p : parents)
            parentWkb << p.wkb;
        const QList<int> best = geo::VectorImporter::largestOverlap(childWkb, parentWkb);
        QHash<QString, int> parentIndex;
        for (int p = 0; p < parents.size(); ++p)
            parentIndex.insert(parents[p].code, p);
        QStringList outside, unknownParent, badPrefix;
        for (int i = 0; i < records.size(); ++i) {
            GridRecord& g = records[i];
            if (best[i] < 0) {
                outside << label(features[i]);
                continue;
            }
            if (g.parentCode.isEmpty()) {
                g.parentCode = parents[best[i]].code;
                ++report->parentsByOverlap;
            } else if (!parentIndex.contains(g.parentCode)) {
                unknownParent << QStringLiteral("%1 → %2").arg(label(features[i]), g.parentCode);
                continue;
            }
            if (codes == ImportCodes::Check)
                if (const QString why = GridCode::validateChild(g.code, level, g.parentCode); !why.isEmpty())
                    badPrefix << why;
        }
        // Kept codes: where the source prefixes codes with their parent's (any feature does), all
        // must, or a feature sits under the wrong parent. A scheme without prefixes is the source's own.
        if (codes == ImportCodes::Keep && unknownParent.isEmpty() && outside.isEmpty() &&
            std::any_of(records.cbegin(), records.cend(),
                        [](const GridRecord& g) { return g.code.startsWith(g.parentCode); }))
            for (const GridRecord& g : records)
                if (!g.code.startsWith(g.parentCode))
                    badPrefix << Tr::tr("编码 %1 不以上级编码 %2 开头").arg(g.code, g.parentCode);
        if (!outside.isEmpty()) {
            *error = Tr::tr("%1 个要素不在任何%2之内：%3")
                         .arg(outside.size())
                         .arg(GridLevels::chineseName(*parentLevel), listSome(outside));
            return false;
        }
        if (!unknownParent.isEmpty()) {
            *error = Tr::tr("%1 个要素的上级编码在县域中不存在：%2")
                         .arg(unknownParent.size())
                         .arg(listSome(unknownParent));
            return false;
        }
        if (!badPrefix.isEmpty()) {
            *error = Tr::tr("%1 个要素的编码与上级不符：%2").arg(badPrefix.size()).arg(listSome(badPrefix));
            return false;
        }
    }
    if (cancelled())
        return false;

    // Generated codes: under each parent, the next free 3-digit serials after the highest code
    // already under its prefix, in the order of the source's codes; the source's code goes to
    // source_code. Serials follow the prefix, not parent_code, so no existing code is reused.
    if (codes == ImportCodes::Generate) {
        const int length = GridLevels::codeLength(level);
        QHash<QString, int> lastSerial; // by prefix
        for (const GridRecord& existing : store->grids(level, false))
            if (existing.code.size() == length)
                lastSerial[existing.code.left(length - 3)] = std::max(
                    lastSerial.value(existing.code.left(length - 3)), existing.code.right(3).toInt());
        QList<int> order(records.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return std::pair(records[a].parentCode, records[a].code) <
                   std::pair(records[b].parentCode, records[b].code);
        });
        QStringList full, nonStandardParent;
        for (int i : order) {
            GridRecord& g = records[i];
            const auto parentLevel = GridCode::levelOf(g.parentCode);
            if (!parentLevel || !GridCode::validate(g.parentCode, *parentLevel).isEmpty()) {
                nonStandardParent << g.parentCode;
                continue;
            }
            const QString prefix = childPrefix(g.parentCode, level);
            const int serial = ++lastSerial[prefix];
            if (serial > 999) {
                full << g.parentCode;
                continue;
            }
            g.sourceCode = g.code;
            g.code = prefix + QStringLiteral("%1").arg(serial, 3, 10, QLatin1Char('0'));
            ++report->codesGenerated;
        }
        if (!nonStandardParent.isEmpty()) {
            nonStandardParent.removeDuplicates();
            *error =
                Tr::tr("上级编码不是标准编码，无法在其下生成标准编码：%1").arg(listSome(nonStandardParent));
            return false;
        }
        if (!full.isEmpty()) {
            full.removeDuplicates();
            *error = Tr::tr("上级下的 3 位序号已用完（最多 999 个）：%1").arg(listSome(full));
            return false;
        }
    }

    stage(Tr::tr("写入 %1 个%2").arg(records.size()).arg(GridLevels::chineseName(level)), 60);
    const int total = int(records.size());
    if (!store->insertGrids(level, records, error, [&](int done) {
            stage(Tr::tr("已写入 %1 / %2").arg(done).arg(total), 60 + 40 * done / std::max(1, total));
        }))
        return false;
    report->imported = total;
    stage(Tr::tr("完成"), 100);
    return true;
}

} // namespace gc
