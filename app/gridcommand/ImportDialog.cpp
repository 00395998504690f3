#include "ImportDialog.h"

#include "gc/geo/VectorImporter.h"
#include "gc/store/CountyImport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Picks the field a person would: the first whose name matches one of `names`.
void selectField(QComboBox* box, const QStringList& names) {
    for (const QString& name : names)
        for (int i = 0; i < box->count(); ++i)
            if (box->itemData(i).toString().compare(name, Qt::CaseInsensitive) == 0) {
                box->setCurrentIndex(i);
                return;
            }
}

} // namespace

ImportDialog::ImportDialog(const QString& countyPath, QWidget* parent)
    : QDialog(parent), m_countyPath(countyPath) {
    setWindowTitle(tr("导入网格边界"));
    resize(760, 620);
    m_source = new QLineEdit(this);
    m_source->setPlaceholderText(tr("Shapefile、GeoPackage、GeoJSON、KML 或 .zip"));
    auto* browseButton = new QToolButton(this);
    browseButton->setText(tr("…"));
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source);
    sourceRow->addWidget(browseButton);
    m_layer = new QComboBox(this);
    m_layer->setEnabled(false);
    m_level = new QComboBox(this);
    for (int l = 1; l <= gc::kGridLevelCount; ++l)
        m_level->addItem(gc::GridLevels::displayName(static_cast<gc::GridLevel>(l)), l);
    m_level->setCurrentIndex(int(gc::GridLevel::Grid) - 1);
    m_encoding = new QComboBox(this);
    m_encoding->setEditable(true);
    m_encoding->addItem(tr("自动（.cpg、DBF 标识或检测）"), QString());
    m_encoding->addItem(QStringLiteral("CP936 (GBK)"), QStringLiteral("CP936"));
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
    m_encoding->addItem(QStringLiteral("GB18030"), QStringLiteral("GB18030"));
    m_assumeCrs = new QLineEdit(this);
    m_assumeCrs->setPlaceholderText(
        tr("源数据没有坐标系或坐标系有误时填写（优先于源文件的声明），例如 EPSG:4527"));
    m_codeField = new QComboBox(this);
    m_nameField = new QComboBox(this);
    m_parentField = new QComboBox(this);
    m_codes = new QComboBox(this);
    m_codes->addItem(tr("校验：必须是标准编码（默认）"), int(gc::ImportCodes::Check));
    m_codes->addItem(tr("保留：按源数据的编码原样存储"), int(gc::ImportCodes::Keep));
    m_codes->addItem(tr("生成：在上级下生成标准编码，源编码存入 source_code"),
                     int(gc::ImportCodes::Generate));
    m_sourceInfo = new QLabel(this);
    m_sourceInfo->setWordWrap(true);
    m_preview = new QTableWidget(this);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_startButton = m_buttons->addButton(tr("导入"), QDialogButtonBox::AcceptRole);
    m_startButton->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("源文件"), sourceRow);
    form->addRow(tr("图层"), m_layer);
    form->addRow(tr("导入到层级"), m_level);
    form->addRow(tr("字符编码"), m_encoding);
    form->addRow(tr("假定坐标系"), m_assumeCrs);
    form->addRow(tr("编码字段"), m_codeField);
    form->addRow(tr("名称字段"), m_nameField);
    form->addRow(tr("上级编码字段"), m_parentField);
    form->addRow(tr("编码处理"), m_codes);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_sourceInfo);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(browseButton, &QToolButton::clicked, this, &ImportDialog::browse);
    connect(m_source, &QLineEdit::editingFinished, this, &ImportDialog::sourceChanged);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &ImportDialog::inspect);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::inspect);
    connect(m_startButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
}

ImportDialog::~ImportDialog() {
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

void ImportDialog::setSource(const QString& path) {
    m_source->setText(path);
    sourceChanged();
}

void ImportDialog::sourceChanged() {
    const QSignalBlocker blocker(m_layer);
    m_layer->clear();
    m_layer->setEnabled(false);
    inspect();
}

void ImportDialog::setLevel(gc::GridLevel level) {
    m_level->setCurrentIndex(m_level->findData(int(level)));
}

void ImportDialog::setEncoding(const QString& encoding) {
    const int index = m_encoding->findData(encoding);
    if (index >= 0)
        m_encoding->setCurrentIndex(index);
    else
        m_encoding->setEditText(encoding);
}

void ImportDialog::setAssumedCrs(const QString& crs) {
    m_assumeCrs->setText(crs);
}

void ImportDialog::setCodes(gc::ImportCodes codes) {
    m_codes->setCurrentIndex(m_codes->findData(int(codes)));
}

gc::ImportCodes ImportDialog::codes() const {
    return static_cast<gc::ImportCodes>(m_codes->currentData().toInt());
}

int ImportDialog::previewRowCount() const {
    return m_preview->rowCount();
}

QStringList ImportDialog::layers() const {
    QStringList names;
    for (int i = 0; i < m_layer->count(); ++i)
        names << m_layer->itemText(i);
    return names;
}

QString ImportDialog::selectedLayer() const {
    return m_layer->currentText();
}

void ImportDialog::setLayer(const QString& layer) {
    m_layer->setCurrentText(layer); // inspects again through currentIndexChanged
}

QString ImportDialog::selectedCodeField() const {
    return m_codeField->currentData().toString();
}

void ImportDialog::browse() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("选择网格边界文件"), m_source->text(),
        tr("矢量数据 (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz);;所有文件 (*)"));
    if (!path.isEmpty())
        setSource(path);
}

// Fields and the first rows of the source, read with the chosen encoding: the preview is where a
// person sees whether Chinese names come out right before anything is imported.
void ImportDialog::inspect() {
    const QString path = m_source->text().trimmed();
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    for (QComboBox* box : {m_codeField, m_nameField, m_parentField})
        box->clear();
    m_startButton->setEnabled(false);
    if (path.isEmpty())
        return;
    QString encoding = m_encoding->currentData().toString();
    if (m_encoding->currentIndex() < 0 ||
        m_encoding->currentText() != m_encoding->itemText(m_encoding->currentIndex()))
        encoding = m_encoding->currentText().trimmed();
    QString error;
    const auto info = gc::geo::VectorImporter::inspect(path, encoding, &error, 20, m_layer->currentText());
    if (!info) {
        m_sourceInfo->setText(error);
        return;
    }
    {
        const QSignalBlocker blocker(m_layer);
        m_layer->clear();
        m_layer->addItems(info->layers);
        m_layer->setCurrentText(info->layerName);
        m_layer->setEnabled(info->layers.size() > 1);
    }
    m_sourceInfo->setText(
        tr("%1，图层 %2，%3 个要素；坐标系 %4；编码 %5")
            .arg(info->driver, info->layerName)
            .arg(info->featureCount)
            .arg(info->crs.isEmpty() ? tr("未声明（请填写假定坐标系）") : info->crs, info->encoding));
    m_nameField->addItem(tr("（无）"), QString());
    m_parentField->addItem(tr("（按与上级的最大重叠）"), QString());
    for (const QString& field : info->fields) {
        m_codeField->addItem(field, field);
        m_nameField->addItem(field, field);
        m_parentField->addItem(field, field);
    }
    selectField(m_codeField, {QStringLiteral("code"), QStringLiteral("grid_code"), QStringLiteral("编码")});
    selectField(m_nameField, {QStringLiteral("name"), QStringLiteral("grid_name"), QStringLiteral("名称")});
    selectField(m_parentField, {QStringLiteral("parent_code"), QStringLiteral("parent")});
    m_preview->setColumnCount(int(info->fields.size()));
    m_preview->setHorizontalHeaderLabels(info->fields);
    m_preview->setRowCount(int(info->preview.size()));
    for (int r = 0; r < info->preview.size(); ++r)
        for (int c = 0; c < info->preview[r].size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(info->preview[r][c]));
    m_startButton->setEnabled(!info->fields.isEmpty());
}

void ImportDialog::setRunning(bool running) {
    for (QWidget* w : {static_cast<QWidget*>(m_source), static_cast<QWidget*>(m_level),
                       static_cast<QWidget*>(m_encoding), static_cast<QWidget*>(m_assumeCrs),
                       static_cast<QWidget*>(m_layer), static_cast<QWidget*>(m_codeField),
                       static_cast<QWidget*>(m_nameField), static_cast<QWidget*>(m_parentField),
                       static_cast<QWidget*>(m_codes), static_cast<QWidget*>(m_startButton)})
        w->setEnabled(!running);
    if (!running)
        m_layer->setEnabled(m_layer->count() > 1);
}

void ImportDialog::start() {
    if (m_thread)
        return;
    gc::ImportRequest request;
    request.source.path = m_source->text().trimmed();
    request.source.layer = m_layer->currentText();
    request.source.encoding = m_encoding->currentData().toString();
    if (m_encoding->currentText() != m_encoding->itemText(m_encoding->currentIndex()))
        request.source.encoding = m_encoding->currentText().trimmed();
    request.source.assumeCrs = m_assumeCrs->text().trimmed();
    request.source.codeField = m_codeField->currentData().toString();
    request.source.nameField = m_nameField->currentData().toString();
    request.source.parentField = m_parentField->currentData().toString();
    request.countyPath = m_countyPath;
    request.level = static_cast<gc::GridLevel>(m_level->currentData().toInt());
    request.codes = codes();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancel;
    setRunning(true);
    m_progress->setValue(0);
    m_thread = QThread::create([this, request, cancel] {
        gc::ImportReport report;
        QString error;
        // CountyImport opens its own CountyStore (and GDAL handles) in this thread.
        const bool ok = gc::CountyImport::run(
            request, &report, &error,
            [this](const QString& stage, int percent) {
                QMetaObject::invokeMethod(
                    this, [this, stage, percent] { onProgress(stage, percent); }, Qt::QueuedConnection);
            },
            cancel.get());
        QString message = error;
        if (ok) {
            message = tr("已导入 %1 个%2（坐标系 %3，编码 %4）")
                          .arg(report.imported)
                          .arg(gc::GridLevels::displayName(request.level), report.source.crs,
                               report.source.encoding);
            if (!report.repairs.isEmpty())
                message += QLatin1Char('\n') + tr("已修复 %1 个无效多边形：").arg(report.repairs.size()) +
                           report.repairs.join(QLatin1Char('\n'));
        }
        const int count = report.imported;
        const gc::GridLevel level = request.level;
        QMetaObject::invokeMethod(
            this, [this, ok, message, count, level] { onDone(ok, message, count, level); },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void ImportDialog::onProgress(const QString& text, int percent) {
    m_status->setText(text);
    m_progress->setValue(percent);
}

void ImportDialog::onDone(bool ok, const QString& message, int count, gc::GridLevel level) {
    if (m_thread) {
        m_thread->wait();
        m_thread = nullptr;
    }
    setRunning(false);
    m_lastMessage = message;
    m_status->setText(ok ? message : tr("未导入，县域数据未改变：%1").arg(message));
    m_progress->setValue(ok ? 100 : 0);
    Q_EMIT importFinished(ok, message);
    if (ok)
        Q_EMIT imported(level, count);
}

void ImportDialog::cancel() {
    if (m_thread) {
        m_cancel->store(true);
        m_status->setText(tr("正在取消…"));
    }
}

void ImportDialog::reject() {
    if (m_thread) {
        cancel();
        return;
    }
    QDialog::reject();
}
