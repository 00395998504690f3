#pragma once

#include "gc/assess/AssessService.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

// 积分考核 for the operator: the period's ranking, a worker's scorecard (every item and the recorded
// event behind each point), the on-site arrivals with their limit, and export to CSV. Scoring runs on
// its own connection in the background; the county's file is all it needs.
class AssessDock : public QWidget {
    Q_OBJECT
public:
    // readOnly: the window opened the county read-only, so the dock never writes its day summaries.
    explicit AssessDock(const QString& countyPath, bool readOnly = false, QWidget* parent = nullptr);

    // What one background pass produced.
    struct Result {
        QString error;
        gc::AssessPeriod period;
        QList<gc::WorkerScore> scores;
        QList<gc::ArrivalRecord> arrivals;
    };
    // Scores `period` as of `now` on a connection of its own (any thread).
    static Result compute(const QString& countyPath, const QString& period, const QDateTime& now,
                          bool mayWrite = true);

    QComboBox* periodBox() const { return m_period; }
    QTableWidget* rankingTable() const { return m_ranking; }
    QTreeWidget* scorecard() const { return m_card; }
    QTableWidget* arrivalTable() const { return m_arrivals; }
    QTabWidget* tabs() const { return m_tabs; }
    const Result& result() const { return m_result; }
    bool isLoading() const { return m_watcher.isRunning(); }

    // The ranking with every item's points, UTF-8 with a byte-order mark (Excel opens it as such).
    bool exportCsv(const QString& path, QString* error) const;

public Q_SLOTS:
    void reload();                         // the chosen period, in the background
    void showResult(const Result& result); // fills the tables
    void showWorker(qint64 workerId);      // the scorecard tab for one worker

Q_SIGNALS:
    void loaded();
    void gridActivated(const QString& code);

private:
    void fillRanking();
    void fillArrivals();
    void exportClicked();

    QString m_path;
    bool m_readOnly = false;
    QComboBox* m_period;
    QPushButton* m_refresh;
    QPushButton* m_export;
    QLabel* m_status;
    QTabWidget* m_tabs;
    QTableWidget* m_ranking;
    QLabel* m_cardTitle;
    QTreeWidget* m_card;
    QTableWidget* m_arrivals;
    QFutureWatcher<Result> m_watcher;
    Result m_result;
};
