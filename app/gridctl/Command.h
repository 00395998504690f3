#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace gc {
class CountyStore;
}

namespace gc::cli {

// One `gridctl VERB`. Each command parses its own options and returns the exit code;
// errors are one clear line on stderr (see fail()).
struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList& arguments)> run;
};

// Commands add themselves from their own source files with a static GC_REGISTER_COMMAND.
QList<Command>& registry();
struct Registrar {
    Registrar(const QString& name, const QString& summary, std::function<int(const QStringList&)> run);
};

// Prints "gridctl VERB: message" on stderr and returns `code`.
int fail(const QString& verb, const QString& message, int code = 1);
void printJson(const QJsonDocument& doc);
void printLine(const QString& text);

// Parses `arguments` (argv[1..] with the verb first); on --help prints and exits 0,
// on a bad option prints one line and returns false (exitCode set).
bool parse(QCommandLineParser& parser, const QString& verb, const QString& description,
           const QStringList& arguments, int* exitCode);

// Opens the county file given as the first positional argument. On failure prints
// one line ("gridctl VERB: why") and sets exitCode (2: no file named, 1: cannot open).
// Commands that only read pass ReadOnly, so a county they cannot write is still read.
std::unique_ptr<CountyStore> openCountyArgument(const QCommandLineParser& parser, const QString& verb,
                                                int* exitCode, bool readOnly = false);

} // namespace gc::cli
