#pragma once

#include "gc/dispatch/TicketMime.h"
#include "gc/dispatch/TicketService.h"
#include "gc/store/Records.h"
#include "gc/store/TicketQueries.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>
#include <functional>

namespace gc::dispatch {

// The department tree (county departments, public utilities, street offices) with
// each department's load, and the drop target for dispatching (分流交办): tickets
// dropped on a department are sent to it through the TicketService. A drop that is
// not allowed is refused while dragging, with the reason (dropRefusal), before any
// drop happens.
class DepartmentTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, OpenColumn, OverdueColumn, OnTimeColumn, ColumnCount };
    enum Role { CodeRole = Qt::UserRole + 1, SuggestedRole, DispatchableRole };

    // What the operator adds to a drop (a note; a reason when it is a reassign).
    // Return nullopt to cancel the drop. Without one, drops go through with no note.
    struct DropDetails {
        QString note;
        QString reason;
    };
    using DropConfirmation = std::function<std::optional<DropDetails>(
        const TicketDragPayload& payload, const DepartmentRecord& department, bool isReassign)>;

    explicit DepartmentTreeModel(QObject* parent = nullptr);

    void setDepartments(const QList<DepartmentRecord>& departments, const QString& countyCode);
    void setService(TicketService* service) { m_service = service; }
    void setDropConfirmation(DropConfirmation confirm) { m_confirm = std::move(confirm); }

    // Loads per department code (own tickets; parents show the sum of their subtree).
    void setLoads(const QHash<QString, DepartmentLoad>& loads);
    // One ticket changed: moves its contribution, updating only the rows concerned.
    void applyTicketChange(const TicketRow& before, const TicketRow& after, qint64 now);
    DepartmentLoad load(const QString& code) const; // with the subtree
    // The departments to highlight for the selected ticket, best first.
    void setSuggested(const QStringList& codes);
    QStringList suggested() const { return m_suggested; }

    QModelIndex indexOf(const QString& code, int column = NameColumn) const;
    const DepartmentRecord* department(const QModelIndex& index) const;
    QList<DepartmentRecord> departments() const;

    // Empty when `data` may be dropped on `target`; otherwise why not, in words.
    QString dropRefusal(const QMimeData* data, const QModelIndex& target) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction | Qt::CopyAction; }
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

Q_SIGNALS:
    // After a drop was carried out: what happened to each ticket.
    void dropped(const QString& departmentCode, const QList<gc::dispatch::ActionOutcome>& outcomes);

private:
    struct Node {
        DepartmentRecord record;
        int parent = -1;
        int row = 0;
        QList<int> children;
    };
    QModelIndex dropTarget(int row, const QModelIndex& parent) const;
    void announce(const QString& code);

    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<QString, int> m_nodeOfCode;
    QHash<QString, DepartmentLoad> m_loads; // own tickets only
    QStringList m_suggested;
    QString m_countyCode;
    TicketService* m_service = nullptr;
    DropConfirmation m_confirm;
};

} // namespace gc::dispatch
