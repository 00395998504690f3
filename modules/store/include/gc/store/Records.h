#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gc {

// Identity of a county file.
struct CountyInfo {
    QString code; // 6-digit administrative division code of the county
    QString name;
    QDateTime createdAt;
    int schemaVersion = 0;
};

// One feature of a hierarchy level. Geometry is ISO WKB (multipolygon) in EPSG:4490.
struct GridRecord {
    qint64 fid = 0;
    QString code;
    QString name;
    GridLevel level = GridLevel::Grid;
    QString parentCode;
    int households = 0;
    int population = 0;
    RiskLevel risk = RiskLevel::Green;
    QByteArray wkb;
    QString sourceCode; // the code an import's source gave it, when the county assigned another
};

struct DepartmentRecord {
    QString code;
    QString name;
    QString parentCode; // empty for a root
    QString kind;       // county_dept, street_office, utility, group
    QString phone;
    int sort = 0;
};

struct WorkerRecord {
    qint64 id = 0;
    QString name;
    QString phone;
    QString departmentCode; // the street office the worker reports to
    QStringList gridCodes;  // assigned grids
    bool onDuty = true;
    int score = 0;
    // Last known fix (EPSG:4490); invalid `lastAt` when none.
    double lastLon = 0, lastLat = 0, lastAccuracy = 0;
    QDateTime lastAt;
};

} // namespace gc
