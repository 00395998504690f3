#pragma once

#include "gc/store/DemoCountyBuilder.h"
#include "gc/store/FeedStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

namespace feedtest {

inline std::unique_ptr<gc::CountyStore> makeCounty(const QString& path) {
    gc::DemoOptions o;
    o.grids = 40;
    o.ticketsPerGrid = 0.5;
    QString error;
    auto store = gc::DemoCountyBuilder::build(path, o, &error);
    if (!store)
        qFatal("demo county: %s", qPrintable(error));
    return store;
}

inline QString issueToken(gc::CountyStore& store, qint64 worker) {
    QString error;
    const auto token = gc::FeedStore(store).issueToken(worker, QStringLiteral("test"), &error);
    if (!token)
        qFatal("token: %s", qPrintable(error));
    return *token;
}

// A WebSocket client that collects every reply as JSON.
class Client : public QObject {
public:
    explicit Client(const QUrl& url) {
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [this](const QString& t) { replies << QJsonDocument::fromJson(t.toUtf8()).object(); });
        connect(&socket, &QWebSocket::disconnected, this, [this] { closed = true; });
        socket.open(url);
    }
    bool waitConnected() {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState || closed; },
                               5000) &&
               socket.state() == QAbstractSocket::ConnectedState;
    }
    // Sends and waits for the reply to this message.
    QJsonObject request(const QByteArray& json) {
        const qsizetype before = replies.size();
        socket.sendTextMessage(QString::fromUtf8(json));
        if (!QTest::qWaitFor([&] { return replies.size() > before || closed; }, 5000))
            return {};
        return replies.size() > before ? replies.at(before) : QJsonObject();
    }
    QWebSocket socket;
    QList<QJsonObject> replies;
    bool closed = false;
};

inline QByteArray runGridctl(const QStringList& args, int* exitCode = nullptr) {
    QProcess p;
    p.start(qEnvironmentVariable("GRIDCTL"), args);
    if (!p.waitForFinished(60000))
        qFatal("gridctl %s did not finish", qPrintable(args.join(u' ')));
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

} // namespace feedtest
