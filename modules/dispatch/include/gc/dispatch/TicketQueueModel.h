#pragma once

#include "gc/store/TicketQueries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace gc::dispatch {

// The ticket queue: every ticket of the county as one compact row, loaded once; a
// stored action replaces one row (updateTicket), never the whole model. The time-left
// column follows the clock: a timer re-announces that column only (dataChanged), so
// views repaint without a reset and selections stay put. Sorting and filtering live in
// TicketFilterProxy, which reads the rows directly.
class TicketQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TimeLeftColumn,
        StateColumn,
        PriorityColumn,
        CategoryColumn,
        SourceColumn,
        GridColumn,
        DepartmentColumn,
        CreatedColumn,
        TitleColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, StateRole, UrgencyRole, DeadlineRole, VersionRole };
    // How much time is left; colour is never the only cue (the text says it too).
    enum class Urgency { None, OnTime, Close, Overdue };

    explicit TicketQueueModel(QObject* parent = nullptr);

    void setCountyCode(const QString& code) { m_countyCode = code; }
    QString countyCode() const { return m_countyCode; }
    void setRows(QList<TicketRow> rows);
    const QList<TicketRow>& rows() const { return m_rows; }
    const TicketRow& rowAt(int row) const { return m_rows.at(row); }
    int rowOfTicket(qint64 id) const { return m_rowOfId.value(id, -1); }
    // Replaces (or appends) one ticket's row after it changed.
    void updateTicket(const TicketRow& row);

    // "Now" in epoch seconds; the live timer advances it.
    qint64 now() const { return m_now; }
    void setNow(qint64 epochSeconds);
    void setTickInterval(int ms) { m_tick.setInterval(ms); }
    Urgency urgency(const TicketRow& row) const;
    QString timeLeftText(const TicketRow& row) const;
    static QColor urgencyColour(Urgency u);
    static QString urgencyName(Urgency u);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction | Qt::CopyAction; }

Q_SIGNALS:
    // One ticket's row changed (old → new), for tallies such as department load.
    void ticketRowChanged(const gc::TicketRow& before, const gc::TicketRow& after);
    // The live clock moved on (the time-left column was re-announced).
    void ticked();

private:
    void tick();

    QString m_countyCode;
    QList<TicketRow> m_rows;
    QHash<qint64, int> m_rowOfId;
    qint64 m_now = 0;
    QTimer m_tick;
};

} // namespace gc::dispatch
