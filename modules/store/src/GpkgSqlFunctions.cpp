// The SQL functions GeoPackage R-tree triggers need, for attribute updates through QtSql.
#include "GpkgSqlFunctions.h"

#include <QSqlDriver>
#include <QVariant>
#include <algorithm>
#include <cstring>

#include <sqlite3.h>

namespace gc::sql {

namespace {

// Header: 'G' 'P' version flags srs_id(4) envelope — GeoPackage 1.2 §2.1.3. Envelope order is
// minx, maxx, miny, maxy. Returns false for a blob that is not a GeoPackage geometry.
bool readHeader(sqlite3_value* v, bool* empty, double envelope[4], bool* hasEnvelope) {
    if (sqlite3_value_type(v) != SQLITE_BLOB)
        return false;
    const auto* p = static_cast<const unsigned char*>(sqlite3_value_blob(v));
    const int size = sqlite3_value_bytes(v);
    if (size < 8 || p[0] != 'G' || p[1] != 'P')
        return false;
    const unsigned char flags = p[3];
    *empty = flags & 0x10;
    const int kind = (flags >> 1) & 0x07;
    *hasEnvelope = kind >= 1 && kind <= 4 && size >= 8 + 32;
    if (*hasEnvelope) {
        const bool littleEndian = flags & 0x01;
        for (int i = 0; i < 4; ++i) {
            unsigned char bytes[8];
            std::memcpy(bytes, p + 8 + 8 * i, 8);
            const bool swap = littleEndian != (QSysInfo::ByteOrder == QSysInfo::LittleEndian);
            if (swap)
                std::reverse(bytes, bytes + 8);
            std::memcpy(&envelope[i], bytes, 8);
        }
    }
    return true;
}

void isEmpty(sqlite3_context* ctx, int, sqlite3_value** args) {
    bool empty = false, hasEnvelope = false;
    double envelope[4];
    if (!readHeader(args[0], &empty, envelope, &hasEnvelope)) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_int(ctx, empty ? 1 : 0);
}

template <int Index> void envelopeValue(sqlite3_context* ctx, int, sqlite3_value** args) {
    bool empty = false, hasEnvelope = false;
    double envelope[4];
    if (!readHeader(args[0], &empty, envelope, &hasEnvelope) || empty) {
        sqlite3_result_null(ctx);
        return;
    }
    // A geometry without a stored envelope would need its WKB walked; GridCommand never moves
    // geometry through this connection, so refuse rather than index a wrong box.
    if (!hasEnvelope) {
        sqlite3_result_error(ctx, "geometry without envelope: write geometry through GDAL", -1);
        return;
    }
    sqlite3_result_double(ctx, envelope[Index]);
}

} // namespace

bool registerGpkgFunctions(const QSqlDatabase& db, QString* error) {
    const QVariant handle = db.driver()->handle();
    sqlite3* sqlite = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                          ? *static_cast<sqlite3* const*>(handle.data())
                          : nullptr;
    if (!sqlite) {
        if (error)
            *error = QStringLiteral("no SQLite handle");
        return false;
    }
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    const bool ok =
        sqlite3_create_function(sqlite, "ST_IsEmpty", 1, flags, nullptr, isEmpty, nullptr, nullptr) ==
            SQLITE_OK &&
        sqlite3_create_function(sqlite, "ST_MinX", 1, flags, nullptr, envelopeValue<0>, nullptr, nullptr) ==
            SQLITE_OK &&
        sqlite3_create_function(sqlite, "ST_MaxX", 1, flags, nullptr, envelopeValue<1>, nullptr, nullptr) ==
            SQLITE_OK &&
        sqlite3_create_function(sqlite, "ST_MinY", 1, flags, nullptr, envelopeValue<2>, nullptr, nullptr) ==
            SQLITE_OK &&
        sqlite3_create_function(sqlite, "ST_MaxY", 1, flags, nullptr, envelopeValue<3>, nullptr, nullptr) ==
            SQLITE_OK;
    if (!ok && error)
        *error = QString::fromUtf8(sqlite3_errmsg(sqlite));
    return ok;
}

} // namespace gc::sql
