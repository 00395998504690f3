#pragma once

#include "gc/dashboard/DashboardFigures.h"
#include "gc/dashboard/DashboardLayout.h"

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QThread>

#include <memory>

namespace gc::dashboard {

class DashboardSource;

// The GUI thread's side of the big screen: runs a DashboardSource on its own thread and keeps the
// newest snapshot. Taking a snapshot is a pointer swap; nothing here reads the store.
class DashboardModel : public QObject {
    Q_OBJECT
public:
    explicit DashboardModel(QObject* parent = nullptr);
    ~DashboardModel() override;

    // Opens `path` (read-only) with `layout`; a new layout restarts the source with its periods.
    void start(const QString& path, const DashboardLayout& layout);
    void setLayout(const DashboardLayout& layout);
    const DashboardLayout& layout() const { return m_layout; }
    QString path() const { return m_path; }
    // The map panel's size in pixels: the map is rendered for it, off this thread.
    void setMapSize(QSize size);
    std::shared_ptr<const DashboardFigures> figures() const { return m_figures; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void figuresChanged();
    void failed(const QString& message);

private:
    void stop();
    void accept(std::shared_ptr<const DashboardFigures> figures);

    QString m_path;
    DashboardLayout m_layout;
    QSize m_mapSize;
    QThread m_thread;
    QPointer<DashboardSource> m_source;
    std::shared_ptr<const DashboardFigures> m_figures;
    QString m_error;
};

} // namespace gc::dashboard
