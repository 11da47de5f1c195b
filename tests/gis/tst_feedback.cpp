// SPDX-License-Identifier: GPL-3.0-or-later
// gis::Feedback and its stages (gis::stage): nested progress ranges and cancellation.
#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <QtTest>

#include <string>
#include <thread>
#include <vector>

using namespace tanhui::gis;

class TestFeedback : public QObject {
    Q_OBJECT

private slots:
    /// A stage's 0–100 % lands in its range of the parent (a stage of a stage too), with its status.
    void stagesReportIntoTheirRange() {
        std::vector<std::pair<double, std::string>> seen;
        Feedback root([&](double percent, const std::string& status) { seen.emplace_back(percent, status); });
        auto outer = stage(&root, 20, 60);
        QVERIFY(outer);
        outer->setProgress(100, "outer done");
        QVERIFY(!seen.empty());
        QCOMPARE(seen.back().first, 60.0);
        QCOMPARE(seen.back().second, std::string("outer done"));
        auto inner = stage(outer.get(), 50, 100);                    // the second half of [20, 60]: [40, 60]
        std::this_thread::sleep_for(std::chrono::milliseconds(120)); // past the parent's throttle
        inner->setProgress(0, "inner");
        QCOMPARE(seen.back().first, 40.0);
        QCOMPARE(root.progress(), 40.0);
        QVERIFY(!stage(nullptr, 0, 100)); // no parent, no stage
    }

    /// Cancelling the parent cancels its stages: one made after it at once, one made before at its next
    /// progress report.
    void stagesFollowTheParentsCancel() {
        Feedback root([](double, const std::string&) {});
        auto before = stage(&root, 0, 50);
        root.cancel();
        QVERIFY(!before->isCancelled());
        std::this_thread::sleep_for(std::chrono::milliseconds(120));
        before->setProgress(10);
        QVERIFY(before->isCancelled());
        QVERIFY_THROWS_EXCEPTION(CancelledError, before->throwIfCancelled());
        auto after = stage(&root, 50, 100);
        QVERIFY(after->isCancelled());
    }
};

QTEST_GUILESS_MAIN(TestFeedback)
#include "tst_feedback.moc"
