#pragma once

#include "gc/core/RiskLevel.h"

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gc {
class RiskService;
}

// 人工研判: a person sets a grid's risk band for a while, with a reason and a required end, like a
// monitoring silence. OK stays disabled until there is a reason, a name and an end after now;
// the engine checks again and a refusal is shown in the dialog, which then stays open.
class OverrideDialog : public QDialog {
    Q_OBJECT
public:
    OverrideDialog(gc::RiskService& risk, const QString& code, const QString& name, gc::RiskLevel current,
                   const QString& by, QWidget* parent = nullptr);

    QComboBox* bandBox() const { return m_band; }
    QPlainTextEdit* reasonEdit() const { return m_reason; }
    QDateTimeEdit* endEdit() const { return m_end; }
    QLineEdit* byEdit() const { return m_by; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QString errorText() const;
    // Whether OK can be pressed now, and why not.
    bool isComplete(QString* why = nullptr) const;

public Q_SLOTS:
    void accept() override;

private:
    void updateState();
    gc::RiskService& m_risk;
    QString m_code;
    QComboBox* m_band;
    QPlainTextEdit* m_reason;
    QDateTimeEdit* m_end;
    QLineEdit* m_by;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};
