#pragma once

#include "gc/core/GridLevel.h"
#include "gc/store/CountyImport.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

// File → 导入…: one hierarchy level from a Shapefile, GeoPackage, GeoJSON, KML or zipped
// Shapefile, with the field mapping shown on a preview of the source's first rows, the text
// encoding (detected or chosen) and the CRS (declared or assumed). The import runs off the UI
// thread, all or nothing, with a progress bar and Cancel.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(const QString& countyPath, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void setSource(const QString& path); // also inspects it
    void setLevel(gc::GridLevel level);
    void setEncoding(const QString& encoding); // empty: automatic
    void setAssumedCrs(const QString& crs);
    void setCodes(gc::ImportCodes codes); // as gridctl import --codes
    gc::ImportCodes codes() const;
    bool isRunning() const { return m_thread != nullptr; }
    QString lastMessage() const { return m_lastMessage; }
    int previewRowCount() const;
    QString selectedCodeField() const;
    // The source's layers and the one the preview and the import use.
    QStringList layers() const;
    QString selectedLayer() const;
    void setLayer(const QString& layer);

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void importFinished(bool ok, const QString& message);
    // After a successful import, so the window can reload the hierarchy.
    void imported(gc::GridLevel level, int count);

protected:
    void reject() override;

private:
    // A new source starts from its default layer.
    void sourceChanged();
    void inspect();
    void browse();
    void setRunning(bool running);
    void onProgress(const QString& text, int percent);
    void onDone(bool ok, const QString& message, int count, gc::GridLevel level);

    QString m_countyPath;
    QLineEdit* m_source = nullptr;
    QComboBox* m_layer = nullptr; // enabled for a source with several layers
    QComboBox* m_level = nullptr;
    QComboBox* m_encoding = nullptr;
    QLineEdit* m_assumeCrs = nullptr;
    QComboBox* m_codeField = nullptr;
    QComboBox* m_nameField = nullptr;
    QComboBox* m_parentField = nullptr;
    QComboBox* m_codes = nullptr; // check / keep / generate, as gridctl import --codes
    QLabel* m_sourceInfo = nullptr;
    QTableWidget* m_preview = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_startButton = nullptr;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_lastMessage;
};
