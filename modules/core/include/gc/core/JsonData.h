#pragma once

#include <QJsonDocument>
#include <QString>

namespace gc {

// Reads a JSON data file (a path or a ":/" resource). On failure returns a null
// document and sets `error` to a message that names the file and the problem.
QJsonDocument readJsonFile(const QString& path, QString* error);

} // namespace gc
