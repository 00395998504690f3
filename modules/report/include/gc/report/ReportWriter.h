#pragma once

#include "gc/report/ReportContent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>

#include <optional>

namespace gc::report {

enum class ReportFormat { Pdf, Xlsx };
std::optional<ReportFormat> reportFormatFromKey(const QString& key); // pdf|xlsx
QString toKey(ReportFormat format);

// The report as PDF bytes: A4 portrait, the CJK font embedded (subset), page numbers, charts
// painted as vectors.
QByteArray renderPdf(const ReportContent& content);
// The same pages as images, `pixelsPerPoint` pixels per PDF point (1 pt = 1/72 in), for a preview.
QList<QImage> renderPageImages(const ReportContent& content, double pixelsPerPoint);

// Writes the report to `path` the way every output of GridCommand is written: into a hidden
// staging folder beside it (gc::OutputStaging), renamed over `path` only when complete, so a
// read-only folder, a full disk or a file size limit leaves no file and the previous one as it
// was. On failure *error is one line.
bool writeReport(const ReportContent& content, ReportFormat format, const QString& path, QString* error);

} // namespace gc::report
