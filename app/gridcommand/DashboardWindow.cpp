// The big screen window (gridcommand --dashboard, View → 大屏模式 F11) and its offscreen screenshot mode.
#include "DashboardWindow.h"

#include "MainWindow.h"

#include "gc/dashboard/DashboardSource.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageWriter>
#include <QKeyEvent>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

Q_LOGGING_CATEGORY(lcDashboardFrame, "gc.dashboard.frame", QtWarningMsg)

using namespace gc::dashboard;

namespace {

constexpr int kAlertRollMs = 4000;

void printError(const QString& message) {
    std::fprintf(stderr, "gridcommand: %s\n", qPrintable(message));
}

// The rectangle a wall of outputs forms: the screen named, or every output of the virtual desktop.
QRect wallGeometry(int screenIndex) {
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (screenIndex >= 0 && screenIndex < screens.size())
        return screens[screenIndex]->geometry();
    QScreen* primary = QGuiApplication::primaryScreen();
    return primary ? primary->virtualGeometry() : QRect(0, 0, 1920, 1080);
}

} // namespace

DashboardWindow::DashboardWindow(const QString& countyPath, const DashboardLayout& layout, QWidget* parent)
    : QWidget(parent) {
    setWindowTitle(tr("网格化指挥中心 · 大屏"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::BlankCursor);
    connect(&m_model, &DashboardModel::figuresChanged, this, [this] {
        m_state.error.clear();
        update();
    });
    connect(&m_model, &DashboardModel::failed, this, [this](const QString& message) {
        m_state.error = message;
        update();
    });
    m_roll = new QTimer(this);
    connect(m_roll, &QTimer::timeout, this, [this] {
        ++m_state.alertOffset;
        update();
    });
    m_roll->start(kAlertRollMs);
    m_model.start(countyPath, layout);
}

bool DashboardWindow::loadLayout(const QString& path, QString* error) {
    const std::optional<DashboardLayout> layout = DashboardLayout::fromFile(path, error);
    if (!layout)
        return false;
    m_model.setLayout(*layout);
    m_model.setMapSize(DashboardPainter::mapImageRect(*layout, size()).size());
    update();
    return true;
}

void DashboardWindow::paintEvent(QPaintEvent*) {
    QElapsedTimer timer;
    timer.start();
    QPainter p(this);
    m_shown.clear();
    const std::shared_ptr<const DashboardFigures> figures = m_model.figures();
    DashboardPainter::paint(p, size(), m_model.layout(), figures.get(), m_state, &m_shown);
    m_lastFrameMs = timer.nsecsElapsed() / 1e6;
    qCInfo(lcDashboardFrame).nospace()
        << "frame " << width() << "x" << height() << " " << m_lastFrameMs << " ms"
        << " figures v" << (figures ? figures->version : 0);
}

void DashboardWindow::resizeEvent(QResizeEvent*) {
    m_model.setMapSize(DashboardPainter::mapImageRect(m_model.layout(), size()).size());
}

void DashboardWindow::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_F11 || event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    if (event->key() == Qt::Key_L && event->modifiers() & Qt::ControlModifier) {
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, rect().center());
        contextMenuEvent(&menu);
        return;
    }
    QWidget::keyPressEvent(event);
}

void DashboardWindow::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("打开布局文件…"), this, [this] {
        setCursor(Qt::ArrowCursor);
        const QString path =
            QFileDialog::getOpenFileName(this, tr("大屏布局文件"), QString(), tr("布局文件 (*.json)"));
        setCursor(Qt::BlankCursor);
        QString error;
        if (!path.isEmpty() && !loadLayout(path, &error))
            QMessageBox::warning(this, tr("布局文件有误"), error);
    });
    menu.addAction(tr("内置布局 16:9"), this, [this] {
        m_model.setLayout(DashboardLayout::builtIn(QStringLiteral("16x9")));
        resizeEvent(nullptr);
    });
    menu.addAction(tr("内置布局 32:9"), this, [this] {
        m_model.setLayout(DashboardLayout::builtIn(QStringLiteral("32x9")));
        resizeEvent(nullptr);
    });
    menu.addSeparator();
    menu.addAction(tr("退出大屏 (Esc)"), this, &QWidget::close);
    menu.exec(event->globalPos());
}

std::optional<int> runDashboardIfAsked(QApplication& app) {
    if (!app.arguments().contains(QStringLiteral("--dashboard")))
        return std::nullopt;
    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("领导大屏：全屏显示县域综合态势"));
    parser.addHelpOption();
    const QCommandLineOption dashboard(QStringLiteral("dashboard"), QObject::tr("打开大屏"));
    const QCommandLineOption screen(QStringLiteral("screen"),
                                    QObject::tr("显示在第 N 个输出（从 0 起；省略时铺满所有输出）"),
                                    QStringLiteral("N"));
    const QCommandLineOption layoutFile(QStringLiteral("layout"), QObject::tr("布局文件（JSON）"),
                                        QStringLiteral("FILE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QObject::tr("离屏绘制一帧，存为 PNG 后退出"), QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QObject::tr("截图尺寸，如 3840x2160"),
                                        QStringLiteral("WxH"));
    parser.addOptions({dashboard, screen, layoutFile, screenshot, sizeOption});
    parser.addPositionalArgument(QStringLiteral("county.gpkg"),
                                 QObject::tr("县域数据文件；省略时打开演示县域"));
    if (!parser.parse(app.arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty())
        path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
               QStringLiteral("/demo-county.gpkg");
    if (!QFileInfo::exists(path)) {
        printError(QObject::tr("县域数据文件不存在：%1（先运行一次 gridcommand 生成演示县域）").arg(path));
        return 1;
    }
    QSize size;
    if (parser.isSet(sizeOption)) {
        const QStringList wh = parser.value(sizeOption).split(u'x');
        size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
        if (size.width() < 640 || size.height() < 360 || size.width() > 16384 || size.height() > 8640) {
            printError(QObject::tr("--size 须形如 3840x2160（640x360 到 16384x8640）"));
            return 2;
        }
    }
    int screenIndex = -1;
    if (parser.isSet(screen)) {
        bool ok = false;
        screenIndex = parser.value(screen).toInt(&ok);
        if (!ok || screenIndex < 0 || screenIndex >= QGuiApplication::screens().size()) {
            printError(QObject::tr("--screen 须为 0 到 %1 之间的输出序号")
                           .arg(QGuiApplication::screens().size() - 1));
            return 2;
        }
    }
    const QRect wall = wallGeometry(screenIndex);
    if (!size.isValid())
        size = wall.size();
    DashboardLayout layout = DashboardLayout::builtIn(size);
    if (parser.isSet(layoutFile)) {
        QString error;
        std::optional<DashboardLayout> fromFile = DashboardLayout::fromFile(parser.value(layoutFile), &error);
        if (!fromFile) {
            printError(error);
            return 2;
        }
        layout = *fromFile;
    }

    if (parser.isSet(screenshot)) {
        // One frame offscreen: wait for the first snapshot (with its map when the layout has one).
        DashboardModel model;
        model.setMapSize(DashboardPainter::mapImageRect(layout, size).size());
        QEventLoop loop;
        QObject::connect(&model, &DashboardModel::figuresChanged, &loop, [&] {
            if (!layout.hasPanel(QStringLiteral("map")) || !model.figures()->map.isNull())
                loop.quit();
        });
        QString failure;
        QObject::connect(&model, &DashboardModel::failed, &loop, [&](const QString& message) {
            failure = message;
            loop.quit();
        });
        model.start(path, layout);
        loop.exec();
        if (!failure.isEmpty()) {
            printError(failure);
            return 1;
        }
        QImage image(size, QImage::Format_RGB32);
        QPainter p(&image);
        DashboardPainter::paint(p, size, layout, model.figures().get(), {});
        p.end();
        QImageWriter writer(parser.value(screenshot));
        if (!writer.write(image)) {
            printError(QObject::tr("无法写入 %1：%2").arg(parser.value(screenshot), writer.errorString()));
            return 1;
        }
        return 0;
    }

    auto* window = new DashboardWindow(path, layout);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::FramelessWindowHint);
    window->setGeometry(wall);
    if (screenIndex >= 0 || QGuiApplication::screens().size() == 1)
        window->showFullScreen();
    else
        window->show(); // across every output: full screen would keep to one of them
    return app.exec();
}

void installDashboardAction(MainWindow& window) {
    QAction* action = window.menu(QStringLiteral("view"))->addAction(QObject::tr("大屏模式"));
    action->setObjectName(QStringLiteral("dashboardAction"));
    action->setShortcut(Qt::Key_F11);
    QObject::connect(action, &QAction::triggered, &window, [&window] {
        QScreen* screen = window.screen();
        auto* dashboard =
            new DashboardWindow(window.store().path(), DashboardLayout::builtIn(screen->size()));
        dashboard->setObjectName(QStringLiteral("dashboardWindow"));
        dashboard->setAttribute(Qt::WA_DeleteOnClose);
        dashboard->setGeometry(screen->geometry());
        dashboard->showFullScreen();
        window.registerPart(QStringLiteral("dashboard"), dashboard);
    });
}
