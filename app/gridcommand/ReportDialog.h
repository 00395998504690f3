#pragma once

#include "gc/core/ReportPeriod.h"
#include "gc/report/ReportWriter.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;
class MainWindow;

// File → 导出报告…: the weekly, monthly or any-period report of the open county, previewed page by
// page (the PDF's own pages painted as images) and saved as PDF or XLSX. The content is built off
// the UI thread with a read-only CountyStore of its own, the same gc::report code gridctl report
// runs, so the file saved equals `gridctl report` and `gridctl stats` for the period.
class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(const QString& countyPath, QWidget* parent = nullptr);
    ~ReportDialog() override;

    // Adds File → 导出报告… to the window (the one line MainWindow needs).
    static void addTo(MainWindow* window);

    // For tests and callers without the file chooser.
    void setPeriodText(const QString& text);
    bool isBusy() const { return m_watcher.isRunning(); }
    int previewPageCount() const { return m_pageCount; }
    QString lastMessage() const { return m_lastMessage; }
    // Writes the previewed report; false with lastMessage() on failure (one line).
    bool saveTo(const QString& path, gc::report::ReportFormat format);

public Q_SLOTS:
    void refreshPreview();

Q_SIGNALS:
    void previewReady();
    void saved(const QString& path);

private:
    struct Built {
        std::optional<gc::report::ReportContent> content;
        QList<QImage> pages;
        QString error;
    };
    void showBuilt();
    void chooseFileAndSave();
    std::optional<gc::ReportPeriod> period(QString* error) const;

    QString m_countyPath;
    QComboBox* m_quick = nullptr;
    QLineEdit* m_periodText = nullptr;
    QDoubleSpinBox* m_floor = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_saveButton = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_pagesWidget = nullptr;
    QVBoxLayout* m_pagesLayout = nullptr;
    QFutureWatcher<Built> m_watcher;
    std::optional<gc::report::ReportContent> m_content;
    int m_pageCount = 0;
    QString m_lastMessage;
};
