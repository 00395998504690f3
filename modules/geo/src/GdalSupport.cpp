// Registers GDAL's drivers once and routes its messages to the "gc.gdal" logging category.
#include "gc/geo/GdalSupport.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace gc::geo {

// Every level off by default: GDAL's messages are diagnostics for developers; what a user must
// know reaches them through the caller's own one-line message (CPLGetLastErrorMsg still works).
Q_LOGGING_CATEGORY(gdalLog, "gc.gdal", QtFatalMsg)

namespace {

void CPL_STDCALL toLoggingCategory(CPLErr level, CPLErrorNum number, const char* message) {
    const char* text = message ? message : "";
    switch (level) {
    case CE_Debug:
        qCDebug(gdalLog, "%s", text);
        break;
    case CE_None:
    case CE_Warning:
        qCWarning(gdalLog, "warning %d: %s", int(number), text);
        break;
    case CE_Failure:
    case CE_Fatal:
        qCCritical(gdalLog, "error %d: %s", int(number), text);
        break;
    }
}

} // namespace

void initGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(toLoggingCategory);
        GDALAllRegister();
    });
}

} // namespace gc::geo
