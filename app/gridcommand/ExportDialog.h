#pragma once

#include "gc/core/GridLevel.h"
#include "gc/geo/VectorExporter.h"
#include "gc/store/CountyExport.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QThread;

// File → 导出…: grids or tickets of the open county to Shapefile, GeoPackage, GeoJSON, KML or CSV
// in any CRS (searchable list of everything PROJ knows). Runs off the UI thread with its own
// CountyStore; a progress bar and Cancel while it runs.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(const QString& countyPath, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // Also used by tests to drive the dialog without a file chooser.
    void setWhat(const QString& what); // "grids" or "tickets"
    void setLevel(gc::GridLevel level);
    void setFormat(gc::geo::VectorFormat format);
    void setCrs(const QString& crs);
    void setEncoding(const QString& encoding);
    void setOutputPath(const QString& path);
    void setOverwrite(bool overwrite);
    bool isRunning() const { return m_thread != nullptr; }
    QString lastMessage() const { return m_lastMessage; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void exportFinished(bool ok, const QString& message);

protected:
    void reject() override;

private:
    void updateFormatControls();
    void filterCrs(const QString& text);
    void browse();
    void setRunning(bool running);
    void onProgress(const QString& text, int percent);
    void onDone(bool ok, const QString& message);
    gc::geo::ExportOptions options() const;
    gc::CountyExport::Content content() const;
    void showStatus(const QString& text, bool error);

    QString m_countyPath;
    QComboBox* m_what = nullptr;
    QComboBox* m_level = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_crsSearch = nullptr;
    QListWidget* m_crsList = nullptr;
    QComboBox* m_encoding = nullptr;
    QLineEdit* m_output = nullptr;
    QCheckBox* m_personal = nullptr;
    QCheckBox* m_overwrite = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;     // progress, result, or the reason for a refusal
    QLabel* m_statusIcon = nullptr; // shown beside a refusal or failure
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_startButton = nullptr;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_lastMessage;
};
