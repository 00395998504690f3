// Writing a report file: the format chosen, staged beside the target and renamed into place when complete.
#include "gc/report/ReportWriter.h"

#include "gc/core/OutputStaging.h"

#include <QFileInfo>

namespace gc::report {

// XlsxReport.cpp
bool writeXlsx(const ReportContent& content, const QString& path, const QString& tempFolder, QString* error);

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};
} // namespace

std::optional<ReportFormat> reportFormatFromKey(const QString& key) {
    if (key == u"pdf")
        return ReportFormat::Pdf;
    if (key == u"xlsx")
        return ReportFormat::Xlsx;
    return std::nullopt;
}

QString toKey(ReportFormat format) {
    return format == ReportFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("xlsx");
}

bool writeReport(const ReportContent& content, ReportFormat format, const QString& path, QString* error) {
    if (QFileInfo(path).isDir()) {
        *error = Tr::tr("%1 是文件夹，请给出报告的文件名").arg(path);
        return false;
    }
    // Through a symlink the file it names is replaced, as every other output of GridCommand does.
    const QString target = OutputStaging::reachedPath(path);
    OutputStaging staging(target);
    if (!staging.create(error))
        return false;
    const QString staged = staging.stagedPath(target);
    const bool written = format == ReportFormat::Pdf
                             ? OutputStaging::writeFile(staged, renderPdf(content), error)
                             : writeXlsx(content, staged, staging.dir(), error);
    return written && staging.commit({target}, error);
}

} // namespace gc::report
