// SPDX-License-Identifier: GPL-3.0-or-later
// models/analysis/QtFeedback: progress from worker threads arrives as queued signals on the object's
// thread, coalesced (at most one delivery pending), and cancel() reaches the run.
#include "gis/Errors.h"
#include "models/analysis/QtFeedback.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <thread>

using tanhui::models::analysis::QtFeedback;

class TstQtFeedback : public QObject {
    Q_OBJECT
private slots:
    void deliversOnOwnThread();
    void coalescesWhileBusy();
    void emptyStatusKeepsStage();
    void cancelReachesRun();
};

void TstQtFeedback::deliversOnOwnThread() {
    QtFeedback fb;
    QThread* receivedOn = nullptr;
    QList<double> percents;
    connect(&fb, &QtFeedback::progressChanged, this, [&](double percent, const QString&) {
        receivedOn = QThread::currentThread();
        percents << percent;
    });
    std::thread worker([&] {
        for (int i = 1; i <= 3; ++i) {
            fb.feedback()->setProgress(30.0 * i, "step");
            std::this_thread::sleep_for(std::chrono::milliseconds(130)); // past the 100 ms throttle
        }
        fb.feedback()->setProgress(100.0, "done");
    });
    worker.join();
    QCOMPARE(percents.size(), 0); // queued: nothing until the event loop runs
    QTRY_COMPARE(fb.percent(), 100.0);
    QCOMPARE(receivedOn, QThread::currentThread());
    QCOMPARE(fb.stage(), QStringLiteral("done"));
    QVERIFY(!percents.isEmpty());
    QCOMPARE(percents.last(), 100.0);
}

void TstQtFeedback::coalescesWhileBusy() {
    // Ten reports (past the throttle) while this thread does not run its event loop: one delivery,
    // carrying the latest values.
    QtFeedback fb;
    QSignalSpy spy(&fb, &QtFeedback::progressChanged);
    std::thread worker([&] {
        for (int i = 1; i <= 10; ++i) {
            fb.feedback()->setProgress(9.0 * i, "stage " + std::to_string(i));
            std::this_thread::sleep_for(std::chrono::milliseconds(110));
        }
    });
    worker.join();
    QCoreApplication::processEvents();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), 90.0);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("stage 10"));
    QCOMPARE(fb.deliveries(), 1);
    // Later reports post again.
    std::thread again([&] { fb.feedback()->setProgress(100.0, "done"); });
    again.join();
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toDouble(), 100.0);
}

void TstQtFeedback::emptyStatusKeepsStage() {
    QtFeedback fb;
    fb.feedback()->setProgress(10.0, "reading");
    QTRY_COMPARE(fb.stage(), QStringLiteral("reading"));
    QTest::qWait(120);
    fb.feedback()->setProgress(20.0);
    QTRY_COMPARE(fb.percent(), 20.0);
    QCOMPARE(fb.stage(), QStringLiteral("reading"));
}

void TstQtFeedback::cancelReachesRun() {
    QtFeedback fb;
    std::atomic<bool> sawCancel{ false };
    std::atomic<bool> started{ false };
    std::thread worker([&] {
        started = true;
        try {
            for (int i = 0; i < 2000; ++i) {
                fb.feedback()->throwIfCancelled();
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        } catch (const tanhui::gis::CancelledError&) {
            sawCancel = true;
        }
    });
    QTRY_VERIFY(started.load());
    QVERIFY(!fb.isCancelled());
    fb.cancel();
    QVERIFY(fb.isCancelled());
    worker.join();
    QVERIFY(sawCancel.load());
}

QTEST_GUILESS_MAIN(TstQtFeedback)
#include "tst_qtfeedback.moc"
