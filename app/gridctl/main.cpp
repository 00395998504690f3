// gridctl: the headless face of GridCommand. Whatever the GUI computes, gridctl can
// too, through the same modules.
#include "Command.h"

#include "gc/geo/GdalSupport.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>

#include <csignal>

#include <unistd.h>

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) the kernel would kill the process mid-write; ignored, the
    // write fails with EFBIG instead and the export's error path cleans up, as for a full disk.
    std::signal(SIGXFSZ, SIG_IGN);
    // A GUI application without a display: rendering labels needs fonts, which need a
    // platform plugin; the offscreen one works on servers and in CI.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a session (cron, CI, ssh) Qt would warn about XDG_RUNTIME_DIR on stderr,
    // where scripts expect nothing but gridctl's own one-line errors.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtimeDir =
            QDir::tempPath().toUtf8() + "/gridctl-runtime-" + QByteArray::number(getuid());
        if (QDir().mkpath(QString::fromUtf8(runtimeDir)) &&
            QFile::setPermissions(QString::fromUtf8(runtimeDir),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", runtimeDir);
    }
    QGuiApplication app(argc, argv);
    gc::geo::initGdal(); // before any command, so no GDAL message reaches stderr
    QCoreApplication::setApplicationName(QStringLiteral("gridctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("GridCommand"));
    const QStringList args = app.arguments().mid(1);
    const auto usage = [](QTextStream& out) {
        out << "Usage: gridctl COMMAND [options]   (gridctl COMMAND --help for each)\n\nCommands:\n";
        auto commands = gc::cli::registry();
        std::sort(commands.begin(), commands.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& c : commands)
            if (!c.name.startsWith(QLatin1String("bench-"))) // reached through `bench SUBJECT`
                out << "  " << c.name.leftJustified(12) << c.summary << "\n";
    };
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        QTextStream out(stdout);
        usage(out);
        return args.isEmpty() ? 2 : 0;
    }
    for (const auto& command : gc::cli::registry())
        if (command.name == args.first())
            return command.run(args);
    QTextStream err(stderr);
    err << "gridctl: unknown command '" << args.first() << "'\n";
    usage(err);
    return 2;
}
