#pragma once

// GDAL set up once per process: drivers registered, and GDAL's own messages (warnings, errors
// of every driver) routed to the Qt logging category "gc.gdal" instead of stderr, where gridctl
// promises nothing but its one-line errors. Enable them with QT_LOGGING_RULES="gc.gdal*=true".

#include <QLoggingCategory>

namespace gc::geo {

Q_DECLARE_LOGGING_CATEGORY(gdalLog)

// Idempotent and thread-safe; every entry point that opens a GDAL dataset calls it.
void initGdal();

} // namespace gc::geo
