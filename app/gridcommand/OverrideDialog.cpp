// The 人工研判 (manual risk override) dialog: band, reason, required end, who.
#include "OverrideDialog.h"

#include "gc/map/RiskStyle.h"
#include "gc/risk/RiskService.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>

OverrideDialog::OverrideDialog(gc::RiskService& risk, const QString& code, const QString& name,
                               gc::RiskLevel current, const QString& by, QWidget* parent)
    : QDialog(parent), m_risk(risk), m_code(code) {
    setWindowTitle(tr("人工研判：%1").arg(name));
    setObjectName(QStringLiteral("overrideDialog"));
    auto* form = new QFormLayout(this);
    form->addRow(new QLabel(
        tr("<b>%1</b>（%2），当前 %3").arg(name.toHtmlEscaped(), code, gc::RiskLevels::displayName(current)),
        this));
    m_band = new QComboBox(this);
    for (int i = gc::kRiskLevelCount - 1; i >= 0; --i) {
        const auto level = static_cast<gc::RiskLevel>(i);
        QPixmap swatch(14, 14);
        swatch.fill(gc::map::RiskStyle::fillColor(level));
        m_band->addItem(QIcon(swatch), gc::RiskLevels::displayName(level), i);
    }
    m_band->setCurrentIndex(m_band->findData(int(current)));
    form->addRow(tr("研判等级："), m_band);
    m_reason = new QPlainTextEdit(this);
    m_reason->setPlaceholderText(tr("必填：研判依据，如“节日期间人流密集，临时升为橙色”"));
    m_reason->setFixedHeight(70);
    form->addRow(tr("原因："), m_reason);
    // The end must be chosen: it starts at now, which is not accepted, so nobody overrides a
    // band forever by not looking at the field.
    m_end = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    m_end->setCalendarPopup(true);
    m_end->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    auto* endRow = new QHBoxLayout;
    endRow->addWidget(m_end, 1);
    for (const auto& [label, hours] :
         {std::pair{tr("24小时"), 24}, std::pair{tr("72小时"), 72}, std::pair{tr("7天"), 24 * 7}}) {
        auto* preset = new QPushButton(label, this);
        preset->setAutoDefault(false);
        connect(preset, &QPushButton::clicked, this, [this, hours = hours] {
            m_end->setDateTime(QDateTime::currentDateTime().addSecs(hours * 3600));
        });
        endRow->addWidget(preset);
    }
    form->addRow(tr("结束时间："), endRow);
    m_by = new QLineEdit(by, this);
    form->addRow(tr("研判人："), m_by);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("overrideError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    form->addRow(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("确定研判"));
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OverrideDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &OverrideDialog::updateState);
    connect(m_by, &QLineEdit::textChanged, this, &OverrideDialog::updateState);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &OverrideDialog::updateState);
    // "now" moves on: an end that was just in the future may stop being so.
    auto* tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, &OverrideDialog::updateState);
    tick->start(5000);
    updateState();
}

QString OverrideDialog::errorText() const {
    return m_error->text();
}

bool OverrideDialog::isComplete(QString* why) const {
    QString reason;
    if (m_reason->toPlainText().trimmed().isEmpty())
        reason = tr("请填写研判原因");
    else if (m_end->dateTime() <= QDateTime::currentDateTime())
        reason = tr("请选择晚于现在的结束时间");
    else if (m_by->text().trimmed().isEmpty())
        reason = tr("请填写研判人");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

void OverrideDialog::updateState() {
    QString why;
    const bool ok = isComplete(&why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(why);
}

void OverrideDialog::accept() {
    QString why;
    if (!isComplete(&why)) {
        m_error->setText(why);
        return;
    }
    gc::RiskOverrideRequest request;
    request.code = m_code;
    request.band = static_cast<gc::RiskLevel>(m_band->currentData().toInt());
    request.reason = m_reason->toPlainText().trimmed();
    request.by = m_by->text().trimmed();
    request.end = m_end->dateTime().toUTC();
    QString error;
    if (!m_risk.setOverride(request, &error)) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}
