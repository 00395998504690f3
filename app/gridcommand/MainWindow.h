#pragma once

#include "gc/store/CountyStore.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <memory>

class QLabel;
class QTreeView;
class QSortFilterProxyModel;

namespace gc {
class GridHierarchyModel;
}

// The operator's window. Feature modules add their docks, menus and overlays in
// MainWindow::setupXxx(), one *Wiring.cpp each, and find each other's widgets
// through registerPart()/part() instead of through this header.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<gc::CountyStore> store, bool demoSession, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Asks the operator's name (recorded on every ticket event) before the window is built;
    // kept for the next start. Skipped when GRIDCOMMAND_OPERATOR names the operator.
    static void signIn();

    gc::CountyStore& store() { return *m_store; }
    // True when the app opened its own demo county (no file was named): the live
    // feed then starts its simulator so a new user sees a living map.
    bool isDemoSession() const { return m_demoSession; }
    // "file", "view", "tools", "help".
    QMenu* menu(const QString& key) const { return m_menus.value(key); }
    QToolBar* toolBar() const { return m_toolBar; }
    gc::GridHierarchyModel* hierarchyModel() const { return m_hierarchy; }

    void registerPart(const QString& name, QObject* part) { m_parts.insert(name, part); }
    template <typename T> T* part(const QString& name) const {
        return qobject_cast<T*>(m_parts.value(name).data());
    }
    void showStatus(const QString& message, int timeoutMs = 5000);
    // Adds a dock to the View menu too; `objectName` keys its saved position.
    void addDock(QDockWidget* dock, Qt::DockWidgetArea area, const QString& objectName);

Q_SIGNALS:
    // A grid was selected, in the tree or on the map.
    void gridSelected(const QString& code);
    // Every module is wired (the ticket queue and workers come after the map's first frame).
    void startupFinished();

public Q_SLOTS:
    void selectGrid(const QString& code);

private Q_SLOTS:
    void mapDataLoaded();
    void finishStartup();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createMenus();
    void createHierarchyDock();
    void updateLevelCounts();
    void openCounty();
    // First start only: map in the middle, hierarchy/workers left, tickets right; narrower
    // than kCompactLayoutWidth, more docks share tabs so the map keeps half the width.
    void arrangeDefaultLayout();
    static constexpr int kCompactLayoutWidth = 1366;
    // Implemented in MapWiring.cpp, AnalystWiring.cpp, DispatchWiring.cpp, FeedWiring.cpp.
    void setupMap();
    void setupAnalyst();
    void setupDispatch();
    void setupFeed();
    void setupRisk(); // RiskWiring.cpp
    void setupAssess(); // AssessWiring.cpp

    std::unique_ptr<gc::CountyStore> m_store;
    bool m_demoSession = false;
    QHash<QString, QMenu*> m_menus;
    QToolBar* m_toolBar = nullptr;
    QHash<QString, QPointer<QObject>> m_parts;
    gc::GridHierarchyModel* m_hierarchy = nullptr;
    QSortFilterProxyModel* m_hierarchyFilter = nullptr;
    QTreeView* m_tree = nullptr;
    QLabel* m_levelCounts = nullptr;
    bool m_selecting = false; // guards the tree ↔ map selection loop
    bool m_started = false;   // finishStartup() ran
};
