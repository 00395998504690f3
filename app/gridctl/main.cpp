// gridctl: the headless face of GridCommand. Whatever the GUI computes, gridctl can
// too, through the same modules.
#include "Command.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gridctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("GridCommand"));
    const QStringList args = app.arguments().mid(1);
    const auto usage = [](QTextStream& out) {
        out << "Usage: gridctl COMMAND [options]   (gridctl COMMAND --help for each)\n\nCommands:\n";
        auto commands = gc::cli::registry();
        std::sort(commands.begin(), commands.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& c : commands)
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
