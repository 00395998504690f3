// gridcommand [county.gpkg]: the operator's desktop. With no file it opens (and on
// first run creates) the demo county in the user's data folder.
#include "DashboardWindow.h"
#include "Language.h"
#include "MainWindow.h"

#include "gc/assess/AssessDemo.h"
#include "gc/geo/GdalSupport.h"
#include "gc/store/DemoCountyBuilder.h"
#include "gc/risk/RiskDemo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <csignal>

namespace {

// Builds the demo county off the UI thread, with a progress dialog. The builder's
// CountyStore lives and dies in the worker thread; the UI opens its own afterwards.
bool createDemoCounty(const QString& path, QString* error) {
    QProgressDialog progress(QObject::tr("正在生成演示县域数据…"), QString(), 0, 100);
    progress.setWindowTitle(QObject::tr("首次运行"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([path, &progress] {
        QString err;
        gc::DemoOptions options;
        auto store =
            gc::DemoCountyBuilder::build(path, options, &err, [&](const QString& stage, int percent) {
                QMetaObject::invokeMethod(&progress, [&progress, stage, percent] {
                    progress.setLabelText(stage);
                    progress.setValue(percent);
                });
            });
        // The colours the map shows are the risk engine's, run over the demo's history.
        if (store && !gc::RiskDemo::populate(*store, options.seed, options.now, options.historyDays, &err))
            return err;
        if (store && !gc::AssessDemo::populate(*store, options.seed, options.now, &err)) // 积分考核's tracks
            return err;
        return store ? QString() : err;
    }));
    loop.exec();
    *error = watcher.result();
    return error->isEmpty();
}

} // namespace

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) the kernel would kill the app mid-write; ignored, the
    // write fails with EFBIG instead and is reported like a full disk.
    std::signal(SIGXFSZ, SIG_IGN);
    QApplication app(argc, argv);
    gc::geo::initGdal();
    QApplication::setApplicationName(QStringLiteral("GridCommand"));
    QApplication::setOrganizationName(QStringLiteral("GridCommand"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    QApplication::setStyle(QStringLiteral("Fusion"));
    // The UI is written in Chinese; an English locale gets the English translation.
    installTranslations(QLocale(), QStringLiteral(":/gridcommand/i18n/gridcommand_en.qm"));
    // After the translators, or the title bar stays Chinese in English.
    QApplication::setApplicationDisplayName(QObject::tr("网格化指挥中心"));
    if (const std::optional<int> exitCode = runDashboardIfAsked(app)) // --dashboard: the big screen only
        return *exitCode;

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("县级综治中心网格化管理指挥平台"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("county.gpkg"),
                                 QObject::tr("县域数据文件；省略时打开（首次运行时生成）演示县域"));
    parser.process(app);

    const bool demo = parser.positionalArguments().isEmpty();
    QString path;
    if (demo) {
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dataDir);
        path = dataDir + QStringLiteral("/demo-county.gpkg");
        QString error;
        if (!QFileInfo::exists(path) && !createDemoCounty(path, &error)) {
            QMessageBox::critical(nullptr, QObject::tr("无法生成演示数据"), error);
            return 1;
        }
    } else {
        path = parser.positionalArguments().first();
    }

    QString error;
    // A county this process cannot write (a 0444 file, another user's, read-only media) is opened
    // read-only; the window says so and offers nothing that writes.
    std::unique_ptr<gc::CountyStore> store =
        gc::CountyStore::open(path, &error,
                              gc::CountyStore::isWritable(path) ? gc::CountyStore::Access::ReadWrite
                                                                : gc::CountyStore::Access::ReadOnly);
    if (!store) {
        QMessageBox::critical(nullptr, QObject::tr("无法打开县域数据"), error);
        return 1;
    }
    MainWindow::signIn();
    MainWindow window(std::move(store), demo);
    window.show();
    return app.exec();
}
