// SPDX-License-Identifier: GPL-3.0-or-later
// Project::save is atomic: a process killed with SIGKILL at random points while saving a large project
// over and over leaves the project file complete (one of the two versions it alternates between, byte for
// byte), never truncated or mixed, and the file still loads.
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

QByteArray bytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestProjectSaveKill : public QObject {
    Q_OBJECT

private slots:
    void killedSaveLeavesCompleteFile() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("project.tanhui.json"));
        const QString refA = dir.filePath(QStringLiteral("a.json")),
                      refB = dir.filePath(QStringLiteral("b.json"));
        const QString saver = QCoreApplication::applicationDirPath() + QStringLiteral("/project_saver");
        QRandomGenerator rng(15);
        int kills = 0;
        for (int round = 0; round < 12; ++round) {
            QProcess p;
            p.start(saver, { file, refA, refB });
            QVERIFY(p.waitForStarted());
            // Wait for the references and a first save, then kill at a random moment.
            for (int i = 0; i < 3000 && p.state() == QProcess::Running && !QFile::exists(file); ++i)
                p.waitForFinished(5);
            QVERIFY2(p.state() == QProcess::Running, qPrintable(p.readAllStandardError()));
            p.waitForFinished(int(rng.bounded(200)));
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished();
            ++kills;
            const QByteArray now = bytes(file);
            QVERIFY2(now == bytes(refA) || now == bytes(refB),
                     qPrintable(QStringLiteral("round %1: the project file is neither version (%2 bytes)")
                                  .arg(round)
                                  .arg(now.size())));
            const tanhui::models::Project loaded = tanhui::models::Project::load(file);
            QCOMPARE(int(loaded.layers.size()), 20000);
        }
        QCOMPARE(kills, 12);
        // A killed save leaves no temporary beside the file (QSaveFile writes an unnamed file on Linux),
        // or one that nothing reads: the folder holds the three files and at most stray temporaries.
        const QStringList entries = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString& e : entries)
            QVERIFY2(e == QLatin1String("project.tanhui.json") || e == QLatin1String("a.json") ||
                       e == QLatin1String("b.json") || e.startsWith(QLatin1String("project.tanhui.json.")),
                     qPrintable(entries.join(' ')));
        qInfo("%d kills; files left: %s", kills, qPrintable(entries.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestProjectSaveKill)
#include "tst_project_save_kill.moc"
