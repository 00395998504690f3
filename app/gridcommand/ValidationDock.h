#pragma once

#include <QDockWidget>
#include <QRectF>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QThread;

// Coverage findings of the open county (gaps, overlaps, invalid geometries, children outside
// their parent, duplicate codes, orphans) in a table; selecting one asks the window to show it.
// The check runs off the UI thread with its own CountyStore.
class ValidationDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ValidationDock(const QString& countyPath, QWidget* parent = nullptr);
    ~ValidationDock() override;

    bool isRunning() const { return m_thread != nullptr; }
    int findingCount() const;
    void selectFinding(int row);

public Q_SLOTS:
    void run();
    void cancel();

Q_SIGNALS:
    void validationFinished(int findings);
    // `bounds` in lon/lat (EPSG:4490); `code` the first grid named by the finding.
    void findingSelected(const QString& code, const QRectF& bounds);

private:
    void onSelectionChanged();

    QString m_countyPath;
    QComboBox* m_level = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};
