#include "Command.h"

#include "gc/store/CountyStore.h"

#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace gc::cli {

QList<Command>& registry() {
    static QList<Command> commands;
    return commands;
}

Registrar::Registrar(const QString& name, const QString& summary,
                     std::function<int(const QStringList&)> run) {
    registry() << Command{name, summary, std::move(run)};
}

int fail(const QString& verb, const QString& message, int code) {
    // One line, whatever the message quotes (GDAL's own messages may span several).
    QTextStream(stderr) << "gridctl " << verb << ": " << message.simplified() << Qt::endl;
    return code;
}

void printJson(const QJsonDocument& doc) {
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printLine(const QString& text) {
    QTextStream(stdout) << text << Qt::endl;
}

bool parse(QCommandLineParser& parser, const QString& verb, const QString& description,
           const QStringList& arguments, int* exitCode) {
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList args = arguments;
    args[0] = QStringLiteral("gridctl ") + verb;
    if (!parser.parse(args)) {
        *exitCode = fail(verb, parser.errorText(), 2);
        return false;
    }
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText().replace(QStringLiteral("Usage: gridctl ") + verb,
                                                         QStringLiteral("Usage: gridctl ") + verb);
        *exitCode = 0;
        return false;
    }
    return true;
}

namespace {
// `gridctl bench SUBJECT …` hands over to the verb registered as `bench-SUBJECT`, so
// each module keeps its benchmark next to its code.
int runBench(const QStringList& arguments) {
    const QString subject = arguments.value(1);
    QStringList subjects;
    for (const Command& c : registry()) {
        if (!c.name.startsWith(QLatin1String("bench-")))
            continue;
        subjects << c.name.mid(6);
        if (c.name.mid(6) == subject)
            return c.run(QStringList{c.name} + arguments.mid(2));
    }
    subjects.sort();
    return fail(QStringLiteral("bench"),
                QStringLiteral("usage: gridctl bench %1 … (see gridctl bench-SUBJECT --help)")
                    .arg(subjects.join(u'|')),
                2);
}
const Registrar benchRegistrar(QStringLiteral("bench"),
                               QStringLiteral("Benchmarks: gridctl bench SUBJECT --help"), runBench);
} // namespace

std::unique_ptr<CountyStore> openCountyArgument(const QCommandLineParser& parser, const QString& verb,
                                                int* exitCode, bool readOnly) {
    if (parser.positionalArguments().isEmpty()) {
        *exitCode = fail(verb, QStringLiteral("name a county file (county.gpkg)"), 2);
        return nullptr;
    }
    QString error;
    auto store = CountyStore::open(parser.positionalArguments().first(), &error,
                                   readOnly ? CountyStore::Access::ReadOnly : CountyStore::Access::ReadWrite);
    if (!store)
        *exitCode = fail(verb, error);
    return store;
}

} // namespace gc::cli
