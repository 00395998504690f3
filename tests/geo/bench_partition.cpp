// Prints how long the demo county's 3-level recursive partition takes:
// county -> 15 streets -> 20 communities each -> 300 grids each = 90,000 grids.
// Usage: bench_partition [threads]   (default: the ideal thread count)

#include <gc/geo/Partition.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace {

struct Job {
    QByteArray polygon;
    quint32 seed;
};

QVector<QByteArray> partitionAll(const QVector<Job>& jobs, int parts, std::atomic<bool>& failed) {
    const QVector<QVector<QByteArray>> results =
        QtConcurrent::blockingMapped(jobs, [parts, &failed](const Job& job) {
            QString error;
            QVector<QByteArray> cells = gc::geo::partitionPolygon(job.polygon, parts, job.seed, &error);
            if (cells.size() != parts) {
                std::fprintf(stderr, "partition failed: %s\n", qPrintable(error));
                failed = true;
            }
            return cells;
        });
    QVector<QByteArray> all;
    for (const QVector<QByteArray>& cells : results)
        all += cells;
    return all;
}

QVector<Job> jobsFor(const QVector<QByteArray>& polygons, quint32 levelSalt) {
    QVector<Job> jobs;
    for (int i = 0; i < polygons.size(); ++i)
        jobs.push_back({polygons[i], levelSalt * 100003u + static_cast<quint32>(i)});
    return jobs;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc > 1)
        QThreadPool::globalInstance()->setMaxThreadCount(std::atoi(argv[1]));
    const int threads = QThreadPool::globalInstance()->maxThreadCount();

    std::atomic<bool> failed = false;
    QElapsedTimer total;
    total.start();
    const QByteArray county = gc::geo::makeCountyOutline(113.0, 28.0, 1500.0, 42);
    const QVector<QByteArray> streets = partitionAll(jobsFor({county}, 1), 15, failed);
    const qint64 streetsMs = total.elapsed();
    const QVector<QByteArray> communities = partitionAll(jobsFor(streets, 2), 20, failed);
    const qint64 communitiesMs = total.elapsed();
    const QVector<QByteArray> grids = partitionAll(jobsFor(communities, 3), 300, failed);
    const qint64 gridsMs = total.elapsed();

    std::printf("threads %d (cores %d)\n", threads, QThread::idealThreadCount());
    std::printf("county 1500 km2 -> %lld streets -> %lld communities -> %lld grids\n",
                static_cast<long long>(streets.size()), static_cast<long long>(communities.size()),
                static_cast<long long>(grids.size()));
    std::printf("streets %lld ms, communities %lld ms, grids %lld ms\n", static_cast<long long>(streetsMs),
                static_cast<long long>(communitiesMs - streetsMs),
                static_cast<long long>(gridsMs - communitiesMs));
    std::printf("total %lld ms for %lld cells\n", static_cast<long long>(gridsMs),
                static_cast<long long>(grids.size()));
    return failed ? 1 : 0;
}
