#include "gc/map/GridSearchBox.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/MapCanvas.h"

#include <QCompleter>
#include <QStringListModel>

namespace gc::map {

GridSearchBox::GridSearchBox(MapCanvas* canvas, QWidget* parent)
    : QLineEdit(parent), m_canvas(canvas), m_completer(new QCompleter(this)),
      m_model(new QStringListModel(this)) {
    setObjectName(QStringLiteral("gridSearch"));
    setPlaceholderText(tr("搜索网格名称或编码…"));
    setClearButtonEnabled(true);
    setMaximumWidth(320);
    m_completer->setModel(m_model);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(15);
    setCompleter(m_completer);
    connect(this, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_model->setStringList(suggestions(text)); });
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &GridSearchBox::go);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        const QStringList found = suggestions(text());
        if (!found.isEmpty())
            go(found.first());
    });
}

QStringList GridSearchBox::suggestions(const QString& text) const {
    QStringList out;
    const auto& data = m_canvas->data();
    if (!data || text.trimmed().isEmpty())
        return out;
    for (const FeatureRef& ref : data->search(text, 15))
        if (const MapFeature* f = data->feature(ref))
            out << f->name + QStringLiteral("  ") + f->code;
    return out;
}

void GridSearchBox::go(const QString& chosen) {
    const QString code = chosen.section(QStringLiteral("  "), -1).trimmed();
    if (!m_canvas->data() || !m_canvas->data()->find(code).isValid())
        return;
    m_canvas->flyTo(code);
    Q_EMIT gridFound(code);
}

} // namespace gc::map
