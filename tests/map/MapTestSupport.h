#pragma once

#include "gc/map/GridLayerData.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// A small demo county, the same bytes every run: fixed seed and fixed `now`.
inline std::shared_ptr<gc::map::GridLayerData> buildSmallCounty(QTemporaryDir& dir, int grids = 60,
                                                                bool gcj02 = false) {
    gc::DemoOptions options;
    options.grids = grids;
    options.seed = 7;
    options.now = QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::utc());
    options.ticketsPerGrid = 2.0;
    const QString path = dir.filePath(QStringLiteral("county.gpkg"));
    QString error;
    if (!QFile::exists(path) && !gc::DemoCountyBuilder::build(path, options, &error)) {
        qWarning() << error;
        return nullptr;
    }
    auto data = gc::map::GridLayerData::loadFile(path, {gcj02}, &error);
    if (!data)
        qWarning() << error;
    return data;
}
