#include "ExportDialog.h"

#include "gc/core/ChinaTime.h"
#include "gc/geo/CrsCatalog.h"
#include "gc/store/CountyExport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

using gc::geo::VectorFormat;

ExportDialog::ExportDialog(const QString& countyPath, QWidget* parent)
    : QDialog(parent), m_countyPath(countyPath) {
    setWindowTitle(tr("导出"));
    m_what = new QComboBox(this);
    m_what->addItem(tr("网格"), QStringLiteral("grids"));
    m_what->addItem(tr("工单（点）"), QStringLiteral("tickets"));
    m_level = new QComboBox(this);
    for (int l = 1; l <= gc::kGridLevelCount; ++l)
        m_level->addItem(gc::GridLevels::displayName(static_cast<gc::GridLevel>(l)), l);
    m_level->setCurrentIndex(int(gc::GridLevel::Grid) - 1);
    m_format = new QComboBox(this);
    m_format->addItem(tr("Shapefile（.shp）"), int(VectorFormat::Shapefile));
    m_format->addItem(tr("GeoPackage（.gpkg）"), int(VectorFormat::GeoPackage));
    m_format->addItem(tr("GeoJSON（RFC 7946，仅 WGS 84）"), int(VectorFormat::GeoJson));
    m_format->addItem(tr("KML（仅 WGS 84）"), int(VectorFormat::Kml));
    m_format->addItem(tr("CSV（WKT 几何）"), int(VectorFormat::Csv));
    m_crsSearch = new QLineEdit(this);
    m_crsSearch->setPlaceholderText(tr("搜索坐标系：4527、Gauss、CGCS2000 …"));
    m_crsSearch->setClearButtonEnabled(true);
    m_crsList = new QListWidget(this);
    m_crsList->setMinimumHeight(160);
    for (const gc::geo::CrsEntry& crs : gc::geo::knownCrsList()) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2").arg(crs.id, crs.name), m_crsList);
        item->setData(Qt::UserRole, crs.id);
    }
    m_crsList->setCurrentRow(0);
    m_encoding = new QComboBox(this);
    m_encoding->addItem(tr("CP936（GBK，国内软件默认）"), QStringLiteral("CP936"));
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
    m_output = new QLineEdit(this);
    auto* browseButton = new QToolButton(this);
    browseButton->setText(tr("…"));
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output);
    outputRow->addWidget(browseButton);
    // Replacing an existing output is safe (the new one is renamed into place only once complete)
    // but never silent: the file chooser's confirmation ticks it, or the user does.
    m_overwrite = new QCheckBox(tr("覆盖已存在的文件"), this);
    m_personal = new QCheckBox(tr("包含个人信息（电话、反映人、地址）"), this);
    m_personal->setToolTip(tr("默认不导出个人信息；仅在确有需要并经批准时勾选"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusIcon = new QLabel(this);
    m_statusIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(24, 24));
    m_statusIcon->setAlignment(Qt::AlignTop);
    m_statusIcon->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_startButton = m_buttons->addButton(tr("导出"), QDialogButtonBox::AcceptRole);

    auto* form = new QFormLayout;
    form->addRow(tr("内容"), m_what);
    form->addRow(tr("层级"), m_level);
    form->addRow(tr("格式"), m_format);
    form->addRow(tr("坐标系"), m_crsSearch);
    form->addRow(QString(), m_crsList);
    form->addRow(tr("字符编码"), m_encoding);
    form->addRow(tr("输出文件"), outputRow);
    form->addRow(QString(), m_overwrite);
    form->addRow(QString(), m_personal);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);
    layout->addWidget(m_buttons);

    connect(m_what, &QComboBox::currentIndexChanged, this,
            [this] { m_level->setEnabled(m_what->currentData().toString() == QLatin1String("grids")); });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFormatControls);
    connect(m_crsSearch, &QLineEdit::textChanged, this, &ExportDialog::filterCrs);
    connect(browseButton, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(m_startButton, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    updateFormatControls();
}

ExportDialog::~ExportDialog() {
    // The worker uses this dialog's options only by value, but posts its results here: finish it
    // before the dialog goes.
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

void ExportDialog::setWhat(const QString& what) {
    m_what->setCurrentIndex(m_what->findData(what));
}
void ExportDialog::setLevel(gc::GridLevel level) {
    m_level->setCurrentIndex(m_level->findData(int(level)));
}
void ExportDialog::setFormat(VectorFormat format) {
    m_format->setCurrentIndex(m_format->findData(int(format)));
}
void ExportDialog::setEncoding(const QString& encoding) {
    m_encoding->setCurrentIndex(m_encoding->findData(encoding));
}
void ExportDialog::setOutputPath(const QString& path) {
    m_output->setText(path);
}
void ExportDialog::setOverwrite(bool overwrite) {
    m_overwrite->setChecked(overwrite);
}

void ExportDialog::setCrs(const QString& crs) {
    m_crsSearch->clear();
    for (int i = 0; i < m_crsList->count(); ++i)
        if (m_crsList->item(i)->data(Qt::UserRole).toString() == crs) {
            m_crsList->setCurrentRow(i);
            return;
        }
    // Not in the EPSG list (a local CRS as WKT or PROJ string): offer it as typed.
    auto* item = new QListWidgetItem(crs, m_crsList);
    item->setData(Qt::UserRole, crs);
    m_crsList->setCurrentItem(item);
}

void ExportDialog::filterCrs(const QString& text) {
    QListWidgetItem* firstVisible = nullptr;
    for (int i = 0; i < m_crsList->count(); ++i) {
        QListWidgetItem* item = m_crsList->item(i);
        const bool match = text.isEmpty() || item->text().contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !firstVisible)
            firstVisible = item;
    }
    if (m_crsList->currentItem() && m_crsList->currentItem()->isHidden() && firstVisible)
        m_crsList->setCurrentItem(firstVisible);
}

void ExportDialog::updateFormatControls() {
    const auto format = static_cast<VectorFormat>(m_format->currentData().toInt());
    m_encoding->setEnabled(format == VectorFormat::Shapefile);
    // RFC 7946 and KML know WGS 84 only: pick it rather than let the user walk into a refusal.
    if (format == VectorFormat::GeoJson || format == VectorFormat::Kml)
        setCrs(QStringLiteral("EPSG:4326"));
    // A folder stays a folder (Shapefile and CSV are written into it as <layer>.<suffix>).
    const QString output = m_output->text();
    if (!output.isEmpty() && !output.endsWith(QLatin1Char('/')) && !QFileInfo(output).isDir()) {
        const QFileInfo fi(output);
        m_output->setText(fi.dir().filePath(fi.completeBaseName() + QLatin1Char('.') +
                                            gc::geo::vectorFormatSuffix(format)));
    }
}

void ExportDialog::browse() {
    const auto format = static_cast<VectorFormat>(m_format->currentData().toInt());
    const QString suffix = gc::geo::vectorFormatSuffix(format);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("导出到"), m_output->text(), tr("%1 文件 (*.%2)").arg(m_format->currentText(), suffix));
    if (path.isEmpty())
        return;
    m_output->setText(QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + suffix : path);
    // The chooser asked before returning a file that exists.
    if (QFileInfo::exists(m_output->text()))
        m_overwrite->setChecked(true);
}

gc::geo::ExportOptions ExportDialog::options() const {
    gc::geo::ExportOptions o;
    o.format = static_cast<VectorFormat>(m_format->currentData().toInt());
    o.crs = m_crsList->currentItem() ? m_crsList->currentItem()->data(Qt::UserRole).toString() : QString();
    o.encoding = o.format == VectorFormat::Shapefile ? m_encoding->currentData().toString() : QString();
    o.path = m_output->text().trimmed();
    o.overwrite = m_overwrite->isChecked();
    return o;
}

void ExportDialog::setRunning(bool running) {
    for (QWidget* w : {static_cast<QWidget*>(m_what), static_cast<QWidget*>(m_format),
                       static_cast<QWidget*>(m_crsSearch), static_cast<QWidget*>(m_crsList),
                       static_cast<QWidget*>(m_output), static_cast<QWidget*>(m_personal),
                       static_cast<QWidget*>(m_overwrite), static_cast<QWidget*>(m_startButton)})
        w->setEnabled(!running);
    m_level->setEnabled(!running && m_what->currentData().toString() == QLatin1String("grids"));
    m_encoding->setEnabled(!running && options().format == VectorFormat::Shapefile);
}

gc::CountyExport::Content ExportDialog::content() const {
    gc::CountyExport::Content c;
    c.what = m_what->currentData().toString() == QLatin1String("tickets")
                 ? gc::CountyExport::Content::What::Tickets
                 : gc::CountyExport::Content::What::Grids;
    c.level = static_cast<gc::GridLevel>(m_level->currentData().toInt());
    c.includePeople = m_personal->isChecked();
    c.now = gc::chinaNow();
    return c;
}

void ExportDialog::start() {
    if (m_thread)
        return;
    const gc::geo::ExportOptions o = options();
    if (o.crs.isEmpty()) {
        onDone(false, tr("请选择坐标系"));
        return;
    }
    // CRS, format and path are checked before anything is written, the county itself guarded
    // against being the output, by the same check gridctl uses.
    const QString county = m_countyPath;
    const gc::CountyExport::Content c = content();
    if (const QString problem = gc::CountyExport::check(county, c, o); !problem.isEmpty()) {
        onDone(false, problem);
        return;
    }
    const QString written = gc::CountyExport::outputPath(county, c, o);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancel;
    setRunning(true);
    m_progress->setValue(0);
    showStatus(tr("正在读取县域数据…"), false);
    m_thread = QThread::create([this, county, c, o, written, cancel] {
        QString error;
        int count = 0;
        // CountyExport::run opens a CountyStore of its own, on this thread.
        const bool ok = gc::CountyExport::run(
            county, c, o, &count, &error,
            [this](int done, int total) {
                QMetaObject::invokeMethod(
                    this,
                    [this, done, total] {
                        onProgress(done == 0 ? tr("正在写入 %1 个要素…").arg(total) : QString(),
                                   100 * done / std::max(1, total));
                    },
                    Qt::QueuedConnection);
            },
            cancel.get());
        const QString message = !ok         ? error
                                : count > 0 ? tr("已导出 %1 个要素到 %2").arg(count).arg(written)
                                            : tr("没有可导出的要素：%1 是一个空图层").arg(written);
        QMetaObject::invokeMethod(
            this, [this, ok, message] { onDone(ok, message); }, Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

// A refusal or failure stands out in red beside its icon; progress and success read as plain text.
void ExportDialog::showStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setProperty("error", error);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
                                  : QString());
    m_statusIcon->setVisible(error);
}

void ExportDialog::onProgress(const QString& text, int percent) {
    if (!text.isEmpty())
        showStatus(text, false);
    m_progress->setValue(percent);
}

void ExportDialog::onDone(bool ok, const QString& message) {
    if (m_thread) {
        m_thread->wait();
        m_thread = nullptr;
    }
    setRunning(false);
    m_lastMessage = message;
    showStatus(message, !ok);
    if (ok)
        m_progress->setValue(100);
    Q_EMIT exportFinished(ok, message);
}

void ExportDialog::cancel() {
    if (m_thread) {
        m_cancel->store(true);
        showStatus(tr("正在取消…"), false);
    }
}

void ExportDialog::reject() {
    // Cancel stops a running export first (and removes what it wrote); a second press closes.
    if (m_thread) {
        cancel();
        return;
    }
    QDialog::reject();
}
