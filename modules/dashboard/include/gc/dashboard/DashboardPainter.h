#pragma once

#include "gc/dashboard/DashboardFigures.h"
#include "gc/dashboard/DashboardLayout.h"

#include <QList>
#include <QRect>
#include <QString>

class QPainter;

namespace gc::dashboard {

// A number as the screen shows it, for tests and for assistive tools: which panel, what it is
// ("received", "closure_rate", "street:CODE:satisfaction_rate" …) and the exact text painted.
struct ShownValue {
    int panel = -1;
    QString period; // the panel's period key, or "" for panels without one
    QString key;
    QString text;
    QRect rect;
};

// Paints the whole big screen with QPainter (QtGui only, no widgets), so the window, the
// offscreen screenshot and `gridctl bench dashboard` draw the same frame. Dark control-room
// theme; every size derives from the screen's height (1080 px = 1 unit), so text is as readable
// from 5 m on 1080 rows as on 2160; colour is never the only cue (signs, tags, dashes, hatches).
class DashboardPainter {
public:
    struct State {
        int alertOffset = 0;              // the alert list rolls: first row shown
        QString error;                    // shown across the screen when the data cannot be read
        QList<double>* panelMs = nullptr; // when given: milliseconds per panel, in layout order (frame log)
    };

    // `shown`, when given, receives every number painted.
    static void paint(QPainter& painter, QSize size, const DashboardLayout& layout,
                      const DashboardFigures* figures, const State& state,
                      QList<ShownValue>* shown = nullptr);
    // Where the map panel's image goes on a screen of `size` (empty without a map panel).
    static QRect mapImageRect(const DashboardLayout& layout, QSize size);
    static QString percent(double rate); // "93.4%", "—" for no data
};

} // namespace gc::dashboard
