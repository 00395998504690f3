#pragma once

#include "gc/core/Kpi.h"
#include "gc/core/Ticket.h"
#include "gc/core/TicketWorkflow.h"
#include "gc/store/Records.h"

#include <QSqlDatabase>
#include <functional>
#include <memory>
#include <optional>

namespace gc {

// Filter for ticket listings; empty members mean "any".
struct TicketFilter {
    QList<TicketState> states;
    std::optional<bool> overdue; // relative to `now`
    QDateTime now;
    QString gridCodePrefix; // street, community or grid code
    QString departmentCode;
    int limit = -1;
};

// One county = one GeoPackage file (SQLite, WAL). Hierarchy levels are standard
// GeoPackage feature tables (grid_county … grid_building, EPSG:4490) written through
// GDAL so QGIS and ogrinfo read them; tickets, events, departments, workers, devices
// and positions are ordinary tables registered in gpkg_contents as attributes.
//
// A CountyStore owns one database connection and must be used from the thread that
// opened it; open another CountyStore on the same file for another thread or process.
class CountyStore {
public:
    static constexpr int kSchemaVersion = 5;

    // ReadOnly never writes, never migrates, never switches the journal mode, and works where
    // nothing can be written (a 0444 file, another user's file, read-only media). Commands that only
    // read open this way; so does the GUI when the file is not writable (isWritable()).
    enum class Access { ReadWrite, ReadOnly };

    ~CountyStore();
    CountyStore(const CountyStore&) = delete;
    CountyStore& operator=(const CountyStore&) = delete;

    // Creates a new, empty county file. Refuses to overwrite an existing file.
    static std::unique_ptr<CountyStore> create(const QString& path, const CountyInfo& info, QString* error);
    // Opens an existing county; a file that is not a GridCommand county, or one of
    // a newer schema, is refused with a clear message and left untouched.
    // ReadWrite on a file this process cannot write is refused with a message saying so.
    static std::unique_ptr<CountyStore> open(const QString& path, QString* error,
                                             Access access = Access::ReadWrite);
    // True when this process can write the county: the file, and the folder for its -wal and -shm.
    static bool isWritable(const QString& path);

    QString path() const { return m_path; }
    const CountyInfo& info() const { return m_info; }
    QSqlDatabase database() const;
    bool isReadOnly() const { return m_readOnly; }

    // --- Grid hierarchy -------------------------------------------------------
    // Appends features to a level in one SQLite transaction on GDAL's connection (whose SQL
    // functions the GeoPackage's R-tree triggers need); all or nothing: on any failure the file
    // is left as it was, triggers included. A record with a sourceCode adds the optional
    // `source_code` column to the level's table (no schema version change: readers that do not
    // know it ignore it, as GeoPackage readers ignore any extra column).
    bool insertGrids(GridLevel level, const QList<GridRecord>& grids, QString* error,
                     const std::function<void(int done)>& progress = {});
    QList<GridRecord> grids(GridLevel level, bool withGeometry) const;
    std::optional<GridRecord> grid(const QString& code) const;
    int gridCount(GridLevel level) const;
    // Every grid code at `level` and below mapped to its ancestor at `level` (itself at `level`);
    // what KPI breakdowns by street or community group a ticket's grid with.
    QHash<QString, QString> ancestorCodes(GridLevel level) const;
    bool setGridRisk(const QString& code, RiskLevel risk, QString* error);

    // --- Departments and workers ----------------------------------------------
    bool insertDepartments(const QList<DepartmentRecord>& departments, QString* error);
    QList<DepartmentRecord> departments() const;
    std::optional<DepartmentRecord> department(const QString& code) const;
    bool insertWorkers(QList<WorkerRecord>& workers, QString* error); // assigns ids
    QList<WorkerRecord> workers() const;

    // --- Tickets --------------------------------------------------------------
    // Files a new ticket: computes the deadline from the time-limit table unless
    // one is given, assigns the id and writes the `received` event.
    std::optional<qint64> createTicket(Ticket ticket, const QString& actor, QString* error);
    // Bulk insert of tickets with their complete event history (demo, import).
    bool insertTicketHistory(QList<Ticket>& tickets, const QList<QList<TicketEvent>>& events, QString* error);
    std::optional<Ticket> ticket(qint64 id) const;
    QList<TicketEvent> ticketEvents(qint64 id) const;
    QList<Ticket> tickets(const TicketFilter& filter) const;
    // KPI facts of every ticket, or of those created in [createdFrom, createdTo) when both are valid.
    // With `ids`, each fact's ticket id at the same index (the dashboard updates facts by ticket).
    QList<TicketFacts> ticketFacts(const QDateTime& createdFrom = {}, const QDateTime& createdTo = {},
                                   QList<qint64>* ids = nullptr) const;
    int ticketCount() const;

    // Runs one closed-loop action in a write transaction. Refused (nothing written)
    // when the workflow forbids it, the department does not exist, the merge target is
    // not open, or `expectedVersion` (>= 0) no longer matches: someone else acted first.
    TransitionResult applyTicketAction(qint64 id, const TicketActionRequest& request,
                                       int expectedVersion = -1);

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back when it returns false.
    bool writeTransaction(const std::function<bool(QString* error)>& work, QString* error);

private:
    CountyStore() = default;
    bool openConnection(QString* error);
    // For reading only: tries the ways ReadAccess offers until one reads.
    bool openReadingConnection(QString* error);
    bool openDatabase(const QString& name, const QString& options, QString* error);
    bool loadInfo(QString* error);
    bool migrate(QString* error);

    QString m_path;
    QString m_connectionName;
    CountyInfo m_info;
    bool m_readOnly = false;
};

} // namespace gc
