// The big screen's GUI-thread side: a source on its own thread, the newest snapshot kept here.
#include "gc/dashboard/DashboardModel.h"

#include "gc/dashboard/DashboardSource.h"

namespace gc::dashboard {

DashboardModel::DashboardModel(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const DashboardFigures>>();
    qRegisterMetaType<DashboardLayout>();
    m_thread.setObjectName(QStringLiteral("dashboard"));
}

DashboardModel::~DashboardModel() {
    stop();
}

void DashboardModel::stop() {
    if (m_source) {
        QObject::disconnect(m_source, nullptr, this, nullptr);
        m_source->deleteLater();
    }
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

void DashboardModel::start(const QString& path, const DashboardLayout& layout) {
    stop();
    m_path = path;
    m_layout = layout;
    m_error.clear();
    m_figures.reset();
    auto* source = new DashboardSource;
    source->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, source, &QObject::deleteLater);
    connect(source, &DashboardSource::figuresReady, this, &DashboardModel::accept);
    connect(source, &DashboardSource::failed, this, [this](const QString& message) {
        m_error = message;
        Q_EMIT failed(message);
    });
    m_source = source;
    m_thread.start();
    const QSize mapSize = m_mapSize;
    QMetaObject::invokeMethod(source, [source, path, layout, mapSize] {
        source->setMapSize(mapSize);
        source->start(path, layout);
    });
}

void DashboardModel::setLayout(const DashboardLayout& layout) {
    m_mapSize = QSize(); // the map panel may sit elsewhere now
    start(m_path, layout);
}

void DashboardModel::setMapSize(QSize size) {
    if (size == m_mapSize)
        return;
    m_mapSize = size;
    if (DashboardSource* source = m_source)
        QMetaObject::invokeMethod(source, [source, size] { source->setMapSize(size); });
}

void DashboardModel::accept(std::shared_ptr<const DashboardFigures> figures) {
    m_figures = std::move(figures);
    Q_EMIT figuresChanged();
}

} // namespace gc::dashboard
