// SPDX-License-Identifier: GPL-3.0-or-later
// The generated sample project: pure landscape maths, byte-identical regeneration, every file opens,
// GBK attributes, plausible class shares, restoration plots, deliberate blemishes, the project file.
#include "TestUtil.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"
#include "models/plans/PlanRun.h"
#include "models/project/Project.h"
#include "models/sample/Random.h"
#include "models/sample/SampleProject.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tanhui;
using namespace tanhui::models::sample;

namespace {

QMap<QString, QByteArray> fileHashes(const QString& dir) {
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out.insert(QDir(dir).relativeFilePath(path),
                       QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

/// Share (0-1) of each class code in a Byte raster.
std::vector<double> classShares(const QString& path) {
    gis::RasterDataset ds(path.toStdString());
    const gis::Grid g = ds.info().grid;
    std::vector<double> counts(256, 0);
    std::vector<unsigned char> bytes;
    for (int row = 0; row < g.rows; row += 500) {
        const gis::Window w{ row, 0, std::min(500, g.rows - row), g.cols };
        ds.readByteWindow(1, w, bytes);
        for (unsigned char b : bytes)
            counts[b] += 1;
    }
    for (double& c : counts)
        c /= double(g.cellCount());
    return counts;
}

int cellValue(const QString& path, double x, double y) {
    gis::RasterDataset ds(path.toStdString());
    const gis::Grid g = ds.info().grid;
    std::vector<unsigned char> bytes;
    ds.readByteWindow(1, { int(g.rowCoord(y)), int(g.colCoord(x)), 1, 1 }, bytes);
    return bytes.at(0);
}

} // namespace

class TestSample : public QObject {
    Q_OBJECT

    QTemporaryDir m_small;

private slots:
    void initTestCase() {
        QVERIFY(m_small.isValid());
        QElapsedTimer t;
        t.start();
        SampleOptions o;
        o.size = SampleSize::Small;
        const QStringList files = generateSampleProject(m_small.path(), o, nullptr);
        qInfo("small sample generated in %.1f s (%d files)", double(t.elapsed()) / 1000, int(files.size()));
        QVERIFY(files.contains(QStringLiteral("project.tanhui.json")));
    }

    void randomAndNoise() {
        Rng a(42), b(42), c(43);
        for (int i = 0; i < 100; ++i) {
            const std::uint64_t x = a.next();
            QCOMPARE(x, b.next());
            QVERIFY(x != c.next());
        }
        // Known first value of splitmix64 seeded with 0 (reference sequence).
        Rng z(0);
        QCOMPARE(z.next(), std::uint64_t(0xE220A8397B1DCDAFull));
        double lo = 1, hi = 0;
        for (int i = 0; i < 20000; ++i) {
            const double x = i * 0.137, y = i * 0.071;
            for (double v : { valueNoise(7, x, y), fbm(7, x, y, 5), ridged(7, x, y, 4), fbm1(7, x, 3) }) {
                QVERIFY(v >= 0 && v <= 1);
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        QVERIFY(lo < 0.15 && hi > 0.85);                              // uses the range
        QCOMPARE(valueNoise(7, 3, 4), unitFromHash(hash64(7, 3, 4))); // lattice points are the hashes
        QCOMPARE(valueNoise(99, -12, 5), unitFromHash(hash64(99, -12, 5)));
        QCOMPARE(smoothstep(0, 1, 0.5), 0.5);
    }

    void landscapeIsAPureFunction() {
        const Landscape a(5, SampleSize::Test), b(5, SampleSize::Test);
        Site s, t;
        for (int i = 0; i < 200; ++i) {
            const double x = 420000 + 29.7 * i, y = 2594000 - 23.1 * i;
            a.siteAt(x, y, s);
            b.siteAt(x, y, t);
            QCOMPARE(s.elevation, t.elevation);
            QCOMPARE(a.landCover(s, 2021), b.landCover(t, 2021));
        }
        QVERIFY(!a.stands().empty());
    }

    void byteIdenticalWhateverTheThreads() {
        QTemporaryDir one, two;
        SampleOptions o;
        o.size = SampleSize::Test;
        o.seed = 11;
        o.threads = 1;
        generateSampleProject(one.path(), o, nullptr);
        o.threads = 2;
        generateSampleProject(two.path(), o, nullptr);
        const auto a = fileHashes(one.path()), b = fileHashes(two.path());
        QVERIFY(a.size() >= 30);
        QCOMPARE(a.keys(), b.keys());
        for (auto it = a.begin(); it != a.end(); ++it)
            QVERIFY2(it.value() == b.value(it.key()), qPrintable(it.key() + QStringLiteral(" differs")));
        // Another seed gives another landscape.
        QTemporaryDir three;
        o.seed = 12;
        generateSampleProject(three.path(), o, nullptr);
        QVERIFY(fileHashes(three.path()).value(QStringLiteral("rasters/landcover_2015.tif")) !=
                a.value(QStringLiteral("rasters/landcover_2015.tif")));
    }

    void everyFileOpens() {
        int rasters = 0, vectors = 0;
        for (const QString& rel : sampleProjectFiles()) {
            const QString path = QDir(m_small.path()).filePath(rel);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            if (rel.endsWith(QLatin1String(".tif"))) {
                gis::RasterDataset ds(path.toStdString());
                const gis::RasterInfo& info = ds.info();
                QCOMPARE(info.crs.authorityId(), std::string("EPSG:4547"));
                QCOMPARE(info.grid.cols, 2000);
                QVERIFY(info.bands.at(0).overviewCount > 0);
                QCOMPARE(info.bands.at(0).blockWidth, 256);
                QVERIFY(!info.metadata.count("TIFFTAG_DATETIME"));
                QVERIFY(!info.metadata.count("TIFFTAG_SOFTWARE"));
                QVERIFY2(info.bands.at(0).metadata.count("UNIT"), qPrintable(rel));
                ++rasters;
            } else if (rel.endsWith(QLatin1String(".shp")) || rel.endsWith(QLatin1String(".gpkg"))) {
                gis::VectorLayer layer(path.toStdString());
                QVERIFY(layer.info().featureCount > 0);
                QCOMPARE(layer.info().crs.authorityId(), std::string("EPSG:4547"));
                ++vectors;
            }
        }
        QCOMPARE(rasters, 4 + 10 + 1 + 6);
        QCOMPARE(vectors, 5);
        gis::RasterDataset stack(
          QDir(m_small.path()).filePath(QStringLiteral("rasters/ndvi_2015-2024.tif")).toStdString());
        QCOMPARE(stack.bandCount(), 10);
        QCOMPARE(stack.info().bands.at(9).metadata.at("DATE"), std::string("2024-07-01"));
        QCOMPARE(stack.info().bands.at(0).dataType, std::string("Float32"));
        gis::RasterDataset lc(
          QDir(m_small.path()).filePath(QStringLiteral("rasters/landcover_2015.tif")).toStdString());
        const auto& md = lc.info().bands.at(0).metadata;
        QCOMPARE(QString::fromStdString(md.at("CLASS_42")), QStringLiteral("Mangrove|红树林|#006d5b"));
        QCOMPARE(md.at("DATE"), std::string("2015-07-01"));
    }

    void ndviHasCloudGapsAndPlausibleValues() {
        gis::RasterDataset ds(
          QDir(m_small.path()).filePath(QStringLiteral("rasters/ndvi_2019.tif")).toStdString());
        std::vector<double> v;
        std::vector<unsigned char> valid;
        ds.read(1, { 0, 0, 2000, 2000 }, v, valid);
        std::size_t gaps = 0;
        double lo = 1, hi = -1;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!valid[i]) {
                ++gaps;
                continue;
            }
            lo = std::min(lo, v[i]);
            hi = std::max(hi, v[i]);
        }
        QVERIFY2(gaps > 0 && gaps < v.size() / 4, qPrintable(QString::number(gaps)));
        QVERIFY(lo >= -0.3 && lo < 0 && hi <= 0.95 && hi > 0.8);
    }

    void gbkShapefile() {
        const QString shp = QDir(m_small.path()).filePath(QStringLiteral("vectors/xiaoban.shp"));
        gis::VectorLayer layer(shp.toStdString());
        QCOMPARE(layer.info().encoding.source, std::string("cpg"));
        QCOMPARE(layer.info().encoding.encoding, std::string("GBK"));
        const int species = layer.fieldIndex(QStringLiteral("优势树种"));
        QVERIFY(species >= 0);
        QVERIFY(layer.fieldIndex(QStringLiteral("每公顷蓄积")) >= 0);
        QSet<QString> seen;
        gis::Feature f;
        while (layer.next(f))
            seen.insert(f.attributes.at(std::size_t(species)).toString());
        for (const char* s : { "马尾松", "杉木", "桉树", "阔叶混交林" })
            QVERIFY2(seen.contains(QString::fromUtf8(s)), s);
        // The DBF holds GBK bytes (马尾松 = C2 ED CE B2 CB C9), not UTF-8.
        QFile dbf(QDir(m_small.path()).filePath(QStringLiteral("vectors/xiaoban.dbf")));
        QVERIFY(dbf.open(QIODevice::ReadOnly));
        const QByteArray raw = dbf.readAll();
        QVERIFY(raw.contains(QByteArray::fromHex("C2EDCEB2CBC9")));
        QVERIFY(!raw.contains(QStringLiteral("马尾松").toUtf8()));
        QVERIFY(raw.contains(QByteArray::fromHex("D0A1B0E0BAC5"))); // field name 小班号
        QFile cpg(QDir(m_small.path()).filePath(QStringLiteral("vectors/xiaoban.cpg")));
        QVERIFY(cpg.open(QIODevice::ReadOnly));
        QVERIFY(cpg.readAll().trimmed().contains("936"));
    }

    void classSharesArePlausible() {
        std::vector<std::vector<double>> shares;
        for (int y : kLandCoverYears)
            shares.push_back(
              classShares(QDir(m_small.path()).filePath(QStringLiteral("rasters/landcover_%1.tif").arg(y))));
        for (std::size_t k = 0; k < shares.size(); ++k) {
            const auto& s = shares[k];
            const double forest = s[11] + s[12] + s[13] + s[14];
            QVERIFY2(forest >= 0.35 && forest <= 0.55, qPrintable(QString::number(forest)));
            QCOMPARE(s[0], 0.0); // no nodata inside the study area
            for (int c : { 11, 12, 13, 14, 21, 22, 23, 31, 41, 42, 43, 51, 61 })
                QVERIFY2(s[std::size_t(c)] > 0, qPrintable(QString::number(c)));
            if (k > 0)
                QVERIFY2(s[61] > shares[k - 1][61], "built-up grows at every date");
        }
        QVERIFY(shares.back()[42] > shares.front()[42]);
    }

    void restorationPlotsTurnIntoMangrove() {
        const QString gpkg =
          QDir(m_small.path()).filePath(QStringLiteral("vectors/mangrove_restoration.gpkg"));
        gis::ParcelReadOptions opt;
        opt.idField = QStringLiteral("plot_id");
        const gis::ParcelSet plots = gis::readParcels(gpkg.toStdString(), opt);
        QVERIFY(plots.parcels.size() >= 5);
        gis::VectorLayer layer(gpkg.toStdString());
        const int yearField = layer.fieldIndex(QStringLiteral("种植年份"));
        QVERIFY(yearField >= 0);
        gis::Feature f;
        std::size_t i = 0;
        while (layer.next(f)) {
            const int planted = f.attributes.at(std::size_t(yearField)).toInt();
            QVERIFY(planted >= 2017 && planted <= 2021);
            const gis::Box b = plots.parcels.at(i++).geometry.bounds();
            const double x = (b.xmin + b.xmax) / 2, y = (b.ymin + b.ymax) / 2;
            const QString dir = QDir(m_small.path()).filePath(QStringLiteral("rasters/landcover_%1.tif"));
            QCOMPARE(cellValue(dir.arg(2015), x, y), int(TidalFlat));
            QCOMPARE(cellValue(dir.arg(2018), x, y), int(TidalFlat));
            QCOMPARE(cellValue(dir.arg(2024), x, y), int(Mangrove));
        }
    }

    void blemishesArePresent() {
        const QString shp = QDir(m_small.path()).filePath(QStringLiteral("vectors/xiaoban.shp"));
        gis::ParcelReadOptions opt;
        opt.idField = QStringLiteral("小班号");
        const gis::ParcelSet set = gis::readParcels(shp.toStdString(), opt);
        QCOMPARE(set.repaired.size(), std::size_t(1)); // the bow-tie
        QVERIFY(set.skipped.empty());
        QVERIFY(set.parcels.size() > 300);
        const gis::Box extent{ 420000, 2580000, 440000, 2600000 };
        int slivers = 0, outside = 0;
        for (const gis::Parcel& p : set.parcels) {
            slivers += p.planarAreaM2 < 1000;
            const gis::Box b = p.geometry.bounds();
            outside += b.xmin < extent.xmin - 1 || b.ymin < extent.ymin - 1 || b.xmax > extent.xmax + 1 ||
                       b.ymax > extent.ymax + 1;
        }
        QCOMPARE(slivers, 1);
        QCOMPARE(outside, 1);
    }

    void projectFileReferencesEverything() {
        const models::Project p =
          models::Project::load(QDir(m_small.path()).filePath(QLatin1String(kProjectFileName)));
        QCOMPARE(p.crs, QStringLiteral("EPSG:4547"));
        QVERIFY2(p.validate().isEmpty(), qPrintable(p.validate().join(QLatin1Char('\n'))));
        QCOMPARE(p.layersWithRole(QStringLiteral("landcover")).size(), std::size_t(4));
        QCOMPARE(p.layersWithRole(QStringLiteral("ndvi")).size(), std::size_t(10));
        const models::ProjectLayer* xb = p.layer(QStringLiteral("xiaoban"));
        QVERIFY(xb);
        QCOMPARE(xb->idField, QStringLiteral("小班号"));
        QCOMPARE(xb->fields.value(QStringLiteral("volume_m3_per_ha")), QStringLiteral("每公顷蓄积"));
        QCOMPARE(p.classes.size(), std::size_t(13));
        // Every embedded default parameter table is copied and listed (there may be none).
        int resources = 0;
        QDirIterator it(QStringLiteral(":/parameters"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++resources;
        }
        // ... plus the sample-only example coefficient table of the regression method (no default exists).
        QCOMPARE(int(p.parameters.size()), resources + 1);
        const models::ProjectParameterTable* rs =
          p.parameterTable(QStringLiteral("carbon/regression_coefficients_sample_example"));
        QVERIFY(rs);
        QFile rsFile(QDir(m_small.path()).filePath(rs->path));
        QVERIFY(rsFile.open(QIODevice::ReadOnly));
        const QString rsText = QString::fromUtf8(rsFile.readAll());
        QVERIFY(rsText.contains(QStringLiteral("SAMPLE ONLY")));
        QVERIFY(rsText.trimmed().endsWith(QStringLiteral(",example")));
    }

    // The restoration plan mangrove_2026 (docs/carbon-project.md "Restoration plans"): every 8th
    // fishpond dyke and tidal-flat unit (fid % 8 == 0, as scripts/demo.sh selected them before), valid,
    // planted as §4 restoration plots from 2026 to the horizon 2036.
    void restorationPlan() {
        const models::Project p =
          models::Project::load(QDir(m_small.path()).filePath(QLatin1String(kProjectFileName)));
        QCOMPARE(p.plans.size(), std::size_t(1));
        const models::ProjectPlan& plan = p.plans[0];
        QCOMPARE(plan.name, QStringLiteral("mangrove_2026"));
        QCOMPARE(plan.changes.size(), std::size_t(1));
        const models::ProjectLayer* wet = p.layer(plan.changes[0].layer);
        QVERIFY(wet);
        gis::VectorLayer layer(p.resolve(wet->path).toStdString());
        const int idField = layer.fieldIndex(wet->idField),
                  typeField = layer.fieldIndex(QStringLiteral("type"));
        QStringList expected;
        gis::Feature f;
        while (layer.next(f)) {
            const QString type = f.attributes[std::size_t(typeField)].toString();
            if (f.fid % 8 == 0 &&
                (type == QLatin1String("fishpond_dyke") || type == QLatin1String("tidal_flat")))
                expected << f.attributes[std::size_t(idField)].toString();
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(plan.changes[0].parcels, expected);
        QVERIFY(models::plans::validatePlan(p, 0).empty());
        const models::plans::PlanRun run = models::plans::runPlan(p, plan.name, {});
        QVERIFY(!run.stopped);
        QCOMPARE(run.horizon, 2036);
        QCOMPARE(run.parcels.size(), std::size_t(expected.size()));
        QVERIFY(run.totalT > 0);
    }
};

QTEST_GUILESS_MAIN(TestSample)
#include "tst_sample.moc"
