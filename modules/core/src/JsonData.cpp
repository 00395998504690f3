#include "gc/core/JsonData.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonParseError>

namespace gc {

QJsonDocument readJsonFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("JsonData", "无法读取 %1：%2").arg(path, file.errorString());
        return {};
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() && error)
        *error = QCoreApplication::translate("JsonData", "%1 不是有效的 JSON（第 %2 字节）：%3")
                     .arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
    return doc;
}

} // namespace gc
