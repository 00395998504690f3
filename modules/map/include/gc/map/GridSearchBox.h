#pragma once

#include <QLineEdit>

class QCompleter;
class QStringListModel;

namespace gc::map {

class MapCanvas;

// Type a grid's name or code (a prefix is enough); Enter or picking a suggestion flies
// the map there and selects it.
class GridSearchBox : public QLineEdit {
    Q_OBJECT
public:
    explicit GridSearchBox(MapCanvas* canvas, QWidget* parent = nullptr);
    // Suggestions for `text`, each "name  code".
    QStringList suggestions(const QString& text) const;

Q_SIGNALS:
    void gridFound(const QString& code);

private:
    void go(const QString& chosen);
    MapCanvas* m_canvas;
    QCompleter* m_completer;
    QStringListModel* m_model;
};

} // namespace gc::map
