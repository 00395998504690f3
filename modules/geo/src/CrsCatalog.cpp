#include "gc/geo/CrsCatalog.h"

#include <ogr_srs_api.h>

#include <algorithm>

namespace gc::geo {

namespace {

// Common first: the county's own CRS, the web's two, then every CGCS2000 Gauss-Krüger zone.
int priority(const CrsEntry& e) {
    if (e.id == QLatin1String("EPSG:4490"))
        return 0;
    if (e.id == QLatin1String("EPSG:4326"))
        return 1;
    if (e.id == QLatin1String("EPSG:3857"))
        return 2;
    if (e.name.startsWith(QLatin1String("CGCS2000")))
        return 3;
    return 4;
}

} // namespace

QList<CrsEntry> knownCrsList() {
    QList<CrsEntry> out;
    int count = 0;
    OSRCRSInfo** list = OSRGetCRSInfoListFromDatabase("EPSG", nullptr, &count);
    for (int i = 0; list && i < count; ++i) {
        const OSRCRSInfo* info = list[i];
        if (info->bDeprecated ||
            (info->eType != OSR_CRS_TYPE_GEOGRAPHIC_2D && info->eType != OSR_CRS_TYPE_PROJECTED))
            continue;
        out << CrsEntry{QStringLiteral("%1:%2").arg(QString::fromLatin1(info->pszAuthName),
                                                    QString::fromLatin1(info->pszCode)),
                        QString::fromUtf8(info->pszName), info->eType == OSR_CRS_TYPE_PROJECTED};
    }
    OSRDestroyCRSInfoList(list);
    std::stable_sort(out.begin(), out.end(),
                     [](const CrsEntry& a, const CrsEntry& b) { return priority(a) < priority(b); });
    return out;
}

} // namespace gc::geo
