// SPDX-License-Identifier: GPL-3.0-or-later
// gis::StagedOutput (a run's output folder written as a whole) and the temporaries of gis/AtomicFile.
#include "OutputSnapshot.h"
#include "TestUtil.h"
#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/StagedOutput.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace tanhui;
using tanhui::test::stagingLeftovers;
using tanhui::test::treeHashes;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

ino_t inodeOf(const QString& path) {
    struct stat st {};
    return ::stat(path.toLocal8Bit().constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class TestStagedOutput : public QObject {
    Q_OBJECT

private slots:
    void newFolderAppearsOnlyOnCommit() {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("out"));
        {
            gis::StagedOutput staged(target);
            QVERIFY(staged.path().startsWith(target + QStringLiteral(".tanhui-staging-")));
            writeFile(QDir(staged.path()).filePath(QStringLiteral("a.csv")), "1\n");
            QVERIFY(!QFileInfo::exists(target));
        } // not committed: nothing
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY2(stagingLeftovers(target).isEmpty(), qPrintable(stagingLeftovers(target).join(' ')));
        {
            gis::StagedOutput staged(target);
            writeFile(QDir(staged.path()).filePath(QStringLiteral("a.csv")), "2\n");
            writeFile(QDir(staged.path()).filePath(QStringLiteral("rasters/m/x.tif")), "tif");
            QCOMPARE(staged.finalPath(QDir(staged.path()).filePath(QStringLiteral("rasters/m/x.tif"))),
                     QDir(target).filePath(QStringLiteral("rasters/m/x.tif")));
            staged.commit();
            QVERIFY(staged.isCommitted());
        }
        QCOMPARE(readFile(QDir(target).filePath(QStringLiteral("a.csv"))), QByteArray("2\n"));
        QStringList listed;
        for (const QByteArray& line :
             readFile(QDir(target).filePath(QStringLiteral(".tanhui-outputs"))).split('\n'))
            if (!line.isEmpty() && !line.startsWith('#'))
                listed << QString::fromUtf8(line);
        QCOMPARE(listed, (QStringList{ QStringLiteral("a.csv"), QStringLiteral("rasters/m/x.tif") }));
        QVERIFY(stagingLeftovers(target).isEmpty());
    }

    void failedRunLeavesFolderByteIdentical() {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("out"));
        {
            gis::StagedOutput staged(target);
            writeFile(QDir(staged.path()).filePath(QStringLiteral("totals.csv")), "old totals\n");
            writeFile(QDir(staged.path()).filePath(QStringLiteral("parcels.csv")), "old parcels\n");
            staged.commit();
        }
        const auto before = treeHashes(target);
        try {
            gis::StagedOutput staged(target);
            writeFile(QDir(staged.path()).filePath(QStringLiteral("totals.csv")), "new totals\n");
            throw gis::CancelledError(); // cancelled before parcels.csv
        } catch (const gis::CancelledError&) {
        }
        QCOMPARE(treeHashes(target), before);
        QVERIFY(stagingLeftovers(target).isEmpty());
    }

    void previousRunReplacedUserFilesKept() {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("out"));
        {
            gis::StagedOutput staged(target);
            writeFile(QDir(staged.path()).filePath(QStringLiteral("totals.csv")), "run 1\n");
            writeFile(QDir(staged.path()).filePath(QStringLiteral("rasters/pools/c_2015.tif")), "run 1\n");
            writeFile(QDir(staged.path()).filePath(QStringLiteral("uncertainty_run.csv")), "run 1\n");
            staged.commit();
        }
        // The user's own files in the folder, one next to the outputs and one among them.
        writeFile(QDir(target).filePath(QStringLiteral("notes.txt")), "mine\n");
        writeFile(QDir(target).filePath(QStringLiteral("rasters/pools/style.qml")), "mine too\n");
        QDir().mkpath(QDir(target).filePath(QStringLiteral("empty")));
        const ino_t notesInode = inodeOf(QDir(target).filePath(QStringLiteral("notes.txt")));
        {
            gis::StagedOutput staged(target);
            writeFile(QDir(staged.path()).filePath(QStringLiteral("totals.csv")), "run 2\n");
            writeFile(QDir(staged.path()).filePath(QStringLiteral("rasters/pools/c_2015.tif")), "run 2\n");
            staged.commit(); // no uncertainty this time
        }
        const QDir t(target);
        QCOMPARE(readFile(t.filePath(QStringLiteral("totals.csv"))), QByteArray("run 2\n"));
        QCOMPARE(readFile(t.filePath(QStringLiteral("rasters/pools/c_2015.tif"))), QByteArray("run 2\n"));
        QVERIFY2(!t.exists(QStringLiteral("uncertainty_run.csv")), "a previous run's output was kept");
        QCOMPARE(readFile(t.filePath(QStringLiteral("notes.txt"))), QByteArray("mine\n"));
        QCOMPARE(inodeOf(t.filePath(QStringLiteral("notes.txt"))), notesInode); // linked, not copied
        QCOMPARE(readFile(t.filePath(QStringLiteral("rasters/pools/style.qml"))), QByteArray("mine too\n"));
        QVERIFY(QFileInfo(t.filePath(QStringLiteral("empty"))).isDir());
        QVERIFY(!readFile(t.filePath(QStringLiteral(".tanhui-outputs"))).contains("notes.txt"));
        QVERIFY(stagingLeftovers(target).isEmpty());
    }

    void folderWithoutManifestKeepsItsFiles() {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("out"));
        writeFile(QDir(target).filePath(QStringLiteral("parcels.csv")), "from an older version\n");
        writeFile(QDir(target).filePath(QStringLiteral("totals.csv")), "from an older version\n");
        {
            gis::StagedOutput staged(target);
            writeFile(QDir(staged.path()).filePath(QStringLiteral("totals.csv")), "new\n");
            staged.commit();
        }
        QCOMPARE(readFile(QDir(target).filePath(QStringLiteral("totals.csv"))), QByteArray("new\n"));
        QCOMPARE(readFile(QDir(target).filePath(QStringLiteral("parcels.csv"))),
                 QByteArray("from an older version\n"));
    }

    void staleFoldersOfDeadRunsAreRecovered() {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("out"));
        const QString dead = QString::number(tanhui::test::deadPid());
        QVERIFY(dead != QStringLiteral("0"));
        // A run died before its swap (staging left) and another after it (old folder left).
        writeFile(QDir(target).filePath(QStringLiteral("totals.csv")), "current\n");
        writeFile(target + QStringLiteral(".tanhui-staging-") + dead + QStringLiteral("-0/totals.csv"),
                  "partial\n");
        writeFile(target + QStringLiteral(".tanhui-old-") + dead + QStringLiteral("-1/totals.csv"),
                  "older\n");
        // A live run's staging folder (this process) is not touched.
        const QString live =
          target + QStringLiteral(".tanhui-staging-") + QString::number(::getpid()) + QStringLiteral("-999");
        writeFile(QDir(live).filePath(QStringLiteral("x")), "live\n");
        const QStringList done = gis::StagedOutput::recover(target);
        QCOMPARE(done.size(), 2);
        QCOMPARE(stagingLeftovers(target), QStringList{ QFileInfo(live).fileName() });
        QCOMPARE(readFile(QDir(target).filePath(QStringLiteral("totals.csv"))), QByteArray("current\n"));
        QDir(live).removeRecursively();

        // Died between its two renames: the target is missing, the old folder holds the previous
        // outputs and comes back; the staging folder goes.
        QDir(target).removeRecursively();
        writeFile(target + QStringLiteral(".tanhui-old-") + dead + QStringLiteral("-2/totals.csv"),
                  "previous\n");
        writeFile(target + QStringLiteral(".tanhui-staging-") + dead + QStringLiteral("-3/totals.csv"),
                  "new\n");
        {
            gis::StagedOutput staged(target); // recovers first
            QCOMPARE(readFile(QDir(target).filePath(QStringLiteral("totals.csv"))), QByteArray("previous\n"));
            QCOMPARE(stagingLeftovers(target), QStringList{ QFileInfo(staged.path()).fileName() });
        }
        QVERIFY(stagingLeftovers(target).isEmpty());
    }

    void refusesWhatCannotBeReplaced() {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("file.csv"));
        writeFile(file, "x");
        QCOMPARE(tanhui::test::expectError([&] { gis::StagedOutput s(file); }).kind(),
                 gis::GisError::Kind::InvalidArgument);
        const QString target = tmp.filePath(QStringLiteral("out"));
        QDir().mkpath(QDir(target).filePath(QStringLiteral("sub")));
        const QString cwd = QDir::currentPath();
        QDir::setCurrent(QDir(target).filePath(QStringLiteral("sub")));
        const gis::GisError e = tanhui::test::expectError([&] { gis::StagedOutput s(target); });
        QDir::setCurrent(cwd);
        QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("current folder")), e.what());
        QCOMPARE(tanhui::test::expectError([&] { gis::StagedOutput s(QStringLiteral("/")); }).kind(),
                 gis::GisError::Kind::InvalidArgument);
    }

    void staleTemporariesOfKilledWritersAreRemoved() {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("table.gpkg"));
        const QString dead = QString::number(tanhui::test::deadPid());
        const QString stale = tmp.filePath(QStringLiteral(".table.tmp-") + dead + QStringLiteral(".gpkg"));
        const QString mine = QString::fromStdString(gis::temporaryPathFor(target.toStdString(), ".gpkg"));
        const QString other = tmp.filePath(QStringLiteral(".tablex.tmp-") + dead + QStringLiteral(".gpkg"));
        for (const QString& f : { stale, mine, other })
            writeFile(f, "x");
        QCOMPARE(gis::removeStaleTemporaries(target.toStdString()), 1);
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(QFileInfo::exists(mine));  // a live writer's (this process)
        QVERIFY(QFileInfo::exists(other)); // another file's
    }

    void atomicFileWrite() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("a.json"));
        gis::writeFileAtomically(path, "one");
        gis::writeFileAtomically(path, "two");
        QCOMPARE(readFile(path), QByteArray("two"));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{ QStringLiteral("a.json") });
        QCOMPARE(tanhui::test::expectError([&] {
                     gis::writeFileAtomically(tmp.filePath(QStringLiteral("missing/a.json")), "x");
                 }).kind(),
                 gis::GisError::Kind::Io);
    }
};

QTEST_GUILESS_MAIN(TestStagedOutput)
#include "tst_stagedoutput.moc"
