// SPDX-License-Identifier: GPL-3.0-or-later
// Pool-table carbon method: InVEST valuation vectors (carbon-methods.md §10.1, §10.2), InVEST's
// synthetic 10 × 10 tests (§10.1), nodata at one date only (§1.4), missing codes (§1.2), density
// rasters, and per-parcel stocks = Σ class area × density on the Willamette sample (§1.5).
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/TableWriter.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/CarbonTables.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/Valuation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <optional>

using namespace tanhui::models;
using carbon::ValuationInput;

namespace {

bool near(double a, double b, double rel = 1e-9) {
    return std::fabs(a - b) <= rel * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

/// A cols × rows Byte raster of 1 m cells in EPSG:26910 (the upstream InVEST fixture, §10.1).
/// `type`: the file's data type (the values are given as bytes).
void writeRaster(const QString& path,
                 int cols,
                 int rows,
                 const std::vector<unsigned char>& v,
                 int nodata,
                 GDALDataType type = GDT_Byte) {
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), cols, rows, 1, type, nullptr);
    double gt[6] = { 461261, 1, 0, 4923265, 0, -1 };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 26910);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    if (nodata >= 0)
        GDALSetRasterNoDataValue(GDALGetRasterBand(ds, 1), nodata);
    if (GDALRasterIO(GDALGetRasterBand(ds, 1),
                     GF_Write,
                     0,
                     0,
                     cols,
                     rows,
                     const_cast<unsigned char*>(v.data()),
                     cols,
                     rows,
                     GDT_Byte,
                     0,
                     0) != CE_None)
        qFatal("write failed");
    GDALClose(ds);
}

/// The upstream three-class table (§1.5): totals 86, 28, 8 t C/ha.
params::ParameterTable upstreamTable(const QTemporaryDir& dir) {
    const QString path = dir.filePath("pools.csv");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    f.write("C_above,C_below,C_soil,C_dead,lucode,LULC_Name\n15,10,60,1,1,a\n5,3,20,0,2,b\n2,1,5,0,3,c\n");
    f.close();
    params::LoadedTable t =
      params::loadTable(carbon::carbonPoolsSpec(), path, params::Provenance::UserSupplied);
    if (!t.issues.empty())
        qFatal("%s", qPrintable(t.issues.front().toString()));
    return t.table;
}

} // namespace

class TestCarbonPools : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { tanhui::gis::initializeGdal(); }

    void valuationVectors() {
        // §10.1 test_carbon_full: V = 43, r = −7.1 %, c = 2.8 %, 2016 → 2030: K = 59.00136070250.
        const ValuationInput full{ 43, -7.1, 2.8, 2016, 2030 };
        QVERIFY(near(carbon::valuationConstant(full), 59.00136070250, 1e-11));
        QVERIFY(near(-58 * carbon::valuationConstant(full), -3422.0789207, 1e-10));
        // The sum form equals the closed form (both code paths).
        QVERIFY(near(carbon::valuationConstantBySum(full), carbon::valuationConstant(full), 1e-13));
        // test_carbon_zero_rates: r = c = 0 → K = V = 43 (the ratio = 1 limit); npv −2494.
        const ValuationInput zero{ 43, 0, 0, 2016, 2030 };
        QCOMPARE(carbon::valuationConstant(zero), 43.0);
        QCOMPARE(-58 * carbon::valuationConstant(zero), -2494.0);
        QVERIFY(near(carbon::valuationConstantBySum(zero), 43.0, 1e-14));
        // ratio = 1 with r ≠ 0: (1 + r)(1 + c) = 1.
        const ValuationInput cancel{ 10, 25, -20, 2000, 2010 };
        QCOMPARE(carbon::valuationConstant(cancel), 10.0);
        QVERIFY(near(carbon::valuationConstantBySum(cancel), 10.0, 1e-14));
        // test_calculate_valuation_constant: 2010 → 2012, r = 50 %, c = 5 %, V = 50 → 40.873015873…
        QVERIFY(near(carbon::valuationConstant({ 50, 50, 5, 2010, 2012 }), 40.873015873015873, 1e-13));
        // §10.2 CNY: 60 CNY/t CO2 → V = 220 CNY/t C; n = 10.
        const double v = 60 * carbon::kCo2PerC;
        QVERIFY(near(v, 220.0, 1e-15));
        QVERIFY(near(carbon::valuationConstant({ v, 8, 0, 2015, 2025 }), 159.4315340388, 1e-11));
        QVERIFY(near(carbon::valuationConstant({ v, 3.5, 0, 2015, 2025 }), 189.3691031951, 1e-11));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, carbon::valuationConstant({ 43, 7, 0, 2030, 2016 }));
    }

    void investCarbonFull() {
        // §10.1: baseline all class 1, alternate all class 2, 10 × 10 cells of 1 m².
        QTemporaryDir dir;
        writeRaster(dir.filePath("bas.tif"), 10, 10, std::vector<unsigned char>(100, 1), 255);
        writeRaster(dir.filePath("alt.tif"), 10, 10, std::vector<unsigned char>(100, 2), 255);
        const carbon::PoolLookup pools(upstreamTable(dir));
        const std::vector<carbon::LulcInput> inputs{ { dir.filePath("bas.tif").toStdString(), 2016 },
                                                     { dir.filePath("alt.tif").toStdString(), 2030 } };
        QVERIFY(carbon::validatePoolInputs(inputs, pools, "pools.csv").empty());
        carbon::PoolRunOptions options;
        options.outDir = dir.path().toStdString();
        options.valuation = ValuationInput{ 43, -7.1, 2.8, 0, 0 };
        const carbon::PoolRunResult r = carbon::runPoolRasters(inputs, pools, options);
        QVERIFY(near(r.dates[0].totalT, 0.86));
        QVERIFY(near(r.dates[1].totalT, 0.28));
        QVERIFY(near(r.pairs[0].changeT, -0.58));
        QVERIFY(near(r.pairs[0].stockDifferenceT, -0.58));
        QVERIFY(near(*r.pairs[0].npv, -34.2207892074, 1e-9)); // −0.58 × 59.0013607025
        QVERIFY(near(r.dates[0].poolT[carbon::Soil], 0.6));
        QCOMPARE(r.classesUsed.size(), std::size_t(2));
        QVERIFY(r.flaggedClasses().empty()); // user rows are not flagged

        // Density rasters (t C/ha): c_storage_bas = 86, c_storage_alt = 28; change −58 t C/ha.
        tanhui::gis::RasterDataset bas(r.dates[0].densityRaster);
        std::vector<double> v;
        std::vector<unsigned char> valid;
        bas.read(5, { 0, 0, 10, 10 }, v, valid);
        QCOMPARE(v[57], 86.0);
        QCOMPARE(bas.info().bands[4].description, std::string("c_total"));
        bas.read(3, { 0, 0, 10, 10 }, v, valid);
        QCOMPARE(v[0], 60.0);
        tanhui::gis::RasterDataset change(r.pairs[0].changeRaster);
        change.read(1, { 0, 0, 10, 10 }, v, valid);
        QCOMPARE(v[99], -58.0);
        // Density and change rasters are Cloud-Optimised GeoTIFFs (issue 14, "Data export").
        for (const std::string& path : { r.dates[0].densityRaster, r.pairs[0].changeRaster }) {
            GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
            QVERIFY(ds);
            const char* layout = GDALGetMetadataItem(ds, "LAYOUT", "IMAGE_STRUCTURE");
            const QString value = layout ? QString::fromLatin1(layout) : QString();
            GDALClose(ds);
            QCOMPARE(value, QStringLiteral("COG"));
        }
    }

    void generateCarbonMapAndUndefinedNodata() {
        // test_generate_carbon_map: [[1, 1], [2, 3]] with totals {1: 5000, 2: 60, 3: 120}; no nodata
        // defined → every pixel valid (HISTORY 3.7.0).
        QTemporaryDir dir;
        const QString csv = dir.filePath("p.csv");
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("lucode,c_above,c_below,c_soil,c_dead\n1,5000,0,0,0\n2,60,0,0,0\n3,0,0,120,0\n");
        f.close();
        const carbon::PoolLookup pools(
          params::loadTable(carbon::carbonPoolsSpec(), csv, params::Provenance::UserSupplied).table);
        writeRaster(dir.filePath("m.tif"), 2, 2, { 1, 1, 2, 3 }, -1);
        carbon::PoolRunOptions options;
        options.outDir = dir.path().toStdString();
        const carbon::PoolRunResult r =
          carbon::runPoolRasters({ { dir.filePath("m.tif").toStdString(), 2020 } }, pools, options);
        tanhui::gis::RasterDataset map(r.dates[0].densityRaster);
        std::vector<double> v;
        std::vector<unsigned char> valid;
        map.read(5, { 0, 0, 2, 2 }, v, valid);
        QCOMPARE(v, (std::vector<double>{ 5000, 5000, 60, 120 }));
        QVERIFY(near(r.dates[0].totalT, (5000 + 5000 + 60 + 120) / 10000.0));
        QCOMPARE(r.dates[0].nodataAreaHa, 0.0);
        QVERIFY(r.pairs.empty());
    }

    void missingCodesListedAll() {
        // §10.1: a LULC value 200 missing from the table → an error listing it (all of them).
        QTemporaryDir dir;
        std::vector<unsigned char> cells(100, 1);
        cells[5] = 200;
        cells[6] = 7;
        cells[7] = 255; // nodata: never "missing"
        writeRaster(dir.filePath("a.tif"), 10, 10, cells, 255);
        writeRaster(dir.filePath("b.tif"), 10, 10, std::vector<unsigned char>(100, 2), 255);
        const carbon::PoolLookup pools(upstreamTable(dir));
        const params::Issues issues = carbon::validatePoolInputs(
          { { dir.filePath("a.tif").toStdString(), 2015 }, { dir.filePath("b.tif").toStdString(), 2010 } },
          pools,
          "pools.csv");
        QCOMPARE(issues.size(), std::size_t(2));
        QCOMPARE(issues[0].toString(),
                 dir.filePath("b.tif") +
                   ", column year: years out of order: 2010 comes after 2015; dates must be given from the "
                   "earliest to the latest, each year once");
        QCOMPARE(issues[1].toString(),
                 "pools.csv, column lucode: 2 land-cover code(s) present in " + dir.filePath("a.tif") +
                   " but missing from the pools table: 7, 200");
    }

    void validateAndRunReadsOnce() {
        // validateAndRunPoolRasters(): the same issues as validatePoolInputs() (missing codes of Byte
        // and Int16 rasters found by the per-cell pass itself), and without issues the same result as
        // runPoolRasters(), for Byte rasters (class table path) and Int16 rasters (conversion path).
        QTemporaryDir dir;
        std::vector<unsigned char> cells(100, 1);
        cells[5] = 200;
        cells[6] = 7;
        cells[7] = 255;
        cells[57] = 7;
        writeRaster(dir.filePath("a.tif"), 10, 10, cells, 255);
        writeRaster(dir.filePath("b.tif"), 10, 10, std::vector<unsigned char>(100, 2), 255);
        std::vector<unsigned char> alt(100, 2);
        for (int c = 0; c < 10; ++c)
            alt[std::size_t(c)] = 255;
        alt[50] = 3;
        alt[51] = 1;
        writeRaster(dir.filePath("bas.tif"), 10, 10, std::vector<unsigned char>(100, 1), 255);
        writeRaster(dir.filePath("alt.tif"), 10, 10, alt, 255);
        // Int16 copies (not Byte: the per-cell conversion path).
        writeRaster(dir.filePath("a16.tif"), 10, 10, cells, 255, GDT_Int16);
        writeRaster(dir.filePath("b16.tif"), 10, 10, std::vector<unsigned char>(100, 2), 255, GDT_Int16);
        writeRaster(dir.filePath("bas16.tif"), 10, 10, std::vector<unsigned char>(100, 1), 255, GDT_Int16);
        writeRaster(dir.filePath("alt16.tif"), 10, 10, alt, 255, GDT_Int16);
        const carbon::PoolLookup pools(upstreamTable(dir));
        auto in = [&](const QByteArray& file, int year) {
            return carbon::LulcInput{ dir.filePath(QString::fromUtf8(file)).toStdString(), year };
        };
        carbon::PoolRunOptions noRasters;
        for (const char* suffix : { "", "16" }) {
            const QString s = QString::fromLatin1(suffix);
            const QByteArray a = ("a" + s + ".tif").toUtf8(), b = ("b" + s + ".tif").toUtf8();
            const QByteArray bas = ("bas" + s + ".tif").toUtf8(), alt2 = ("alt" + s + ".tif").toUtf8();
            // Missing codes: one issue per raster with all codes, no run.
            const std::vector<carbon::LulcInput> bad{ in(a, 2015), in(b, 2020) };
            const carbon::PoolCheckedRun checked =
              carbon::validateAndRunPoolRasters(bad, pools, "pools.csv", noRasters);
            QVERIFY(!checked.run);
            const params::Issues expected = carbon::validatePoolInputs(bad, pools, "pools.csv");
            QCOMPARE(checked.issues.size(), std::size_t(1));
            QCOMPARE(checked.issues[0].toString(), expected[0].toString());
            // Years out of order as well: every problem listed, as validatePoolInputs().
            const std::vector<carbon::LulcInput> worse{ in(a, 2015), in(b, 2010) };
            const carbon::PoolCheckedRun both =
              carbon::validateAndRunPoolRasters(worse, pools, "pools.csv", noRasters);
            QVERIFY(!both.run);
            QCOMPARE(both.issues.size(), std::size_t(2));
            // runPoolRasters() without validation still refuses unknown codes.
            bool thrown = false;
            try {
                carbon::runPoolRasters(bad, pools, noRasters);
            } catch (const tanhui::gis::GisError& e) {
                thrown = QString::fromStdString(e.what()).contains("missing from the pools table");
            }
            QVERIFY(thrown);

            const std::vector<carbon::LulcInput> good{ in(bas, 2016), in(alt2, 2030) };
            const carbon::PoolCheckedRun ok =
              carbon::validateAndRunPoolRasters(good, pools, "pools.csv", noRasters);
            QVERIFY(ok.issues.empty());
            QVERIFY(ok.run);
            const carbon::PoolRunResult ref = carbon::runPoolRasters(good, pools, noRasters);
            QCOMPARE(ok.run->dates.size(), ref.dates.size());
            for (std::size_t d = 0; d < ref.dates.size(); ++d) {
                QCOMPARE(ok.run->dates[d].totalT, ref.dates[d].totalT);
                QCOMPARE(ok.run->dates[d].classAreaHa, ref.dates[d].classAreaHa);
                QCOMPARE(ok.run->dates[d].nodataAreaHa, ref.dates[d].nodataAreaHa);
            }
            QCOMPARE(ok.run->pairs[0].changeT, ref.pairs[0].changeT);
            QCOMPARE(ok.run->pairs[0].transitionAreaHa, ref.pairs[0].transitionAreaHa);
            QCOMPARE(ok.run->pairs[0].transitionAreaHa.size(), std::size_t(3)); // 1→1, 1→2, 1→3
            QVERIFY(near(ok.run->pairs[0].changeT, (88 * (28 - 86) + (8 - 86)) / 10000.0));
            QCOMPARE(ok.run->classesUsed.size(), std::size_t(3));
        }
    }

    void countingPassMatchesPerCellPass() {
        // Byte rasters on a projected grid without maps: the per-cell pass only counts cells (value
        // and value-pair counts, strips of block rows on several threads). The totals must be those
        // of the per-class path (which runs when a map is written), bit for bit, for any thread count
        // and strip height (strips of whole 221-row blocks shared by up to three workers, or one row
        // per strip and one worker with a 1-byte budget); three dates with nodata and runs of every
        // length, 37 × 600 cells (not a multiple of 4).
        QTemporaryDir dir;
        const int cols = 37, rows = 600;
        std::uint64_t state = 12345;
        auto next = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return unsigned(state >> 33);
        };
        const unsigned char classes[] = { 1, 2, 3, 255 };
        std::vector<std::string> paths;
        for (int d = 0; d < 3; ++d) {
            std::vector<unsigned char> v(std::size_t(cols * rows));
            unsigned char current = 1;
            for (unsigned char& c : v) {
                if (next() % 5 == 0)
                    current = classes[next() % 4];
                c = current;
            }
            const QString path = dir.filePath(QStringLiteral("d%1.tif").arg(d));
            writeRaster(path, cols, rows, v, 255);
            paths.push_back(path.toStdString());
        }
        const carbon::PoolLookup pools(upstreamTable(dir));
        const std::vector<carbon::LulcInput> inputs{ { paths[0], 2000 },
                                                     { paths[1], 2010 },
                                                     { paths[2], 2020 } };
        carbon::PoolRunOptions withMaps;
        withMaps.outDir = dir.filePath("maps").toStdString();
        QVERIFY(QDir().mkpath(dir.filePath("maps")));
        withMaps.writeChangeRasters = false;
        const carbon::PoolRunResult ref = carbon::runPoolRasters(inputs, pools, withMaps);
        QVERIFY(!ref.dates.front().densityRaster.empty());
        for (int threads : { 1, 2, 3 })
            for (std::size_t budget : { std::size_t(1), std::size_t(256) << 20 }) {
                carbon::PoolRunOptions counting;
                counting.threads = threads;
                counting.memoryBudgetBytes = budget;
                const carbon::PoolCheckedRun r =
                  carbon::validateAndRunPoolRasters(inputs, pools, "pools.csv", counting);
                QVERIFY(r.issues.empty());
                QVERIFY(r.run);
                QCOMPARE(r.run->dates.size(), ref.dates.size());
                for (std::size_t d = 0; d < ref.dates.size(); ++d) {
                    QCOMPARE(r.run->dates[d].totalT, ref.dates[d].totalT);
                    QCOMPARE(r.run->dates[d].poolT, ref.dates[d].poolT);
                    QCOMPARE(r.run->dates[d].classAreaHa, ref.dates[d].classAreaHa);
                    QCOMPARE(r.run->dates[d].validAreaHa, ref.dates[d].validAreaHa);
                    QCOMPARE(r.run->dates[d].nodataAreaHa, ref.dates[d].nodataAreaHa);
                }
                QCOMPARE(r.run->pairs.size(), std::size_t(3));
                for (std::size_t p = 0; p < ref.pairs.size(); ++p) {
                    QCOMPARE(r.run->pairs[p].changeT, ref.pairs[p].changeT);
                    QCOMPARE(r.run->pairs[p].bothValidAreaHa, ref.pairs[p].bothValidAreaHa);
                    QCOMPARE(r.run->pairs[p].transitionAreaHa, ref.pairs[p].transitionAreaHa);
                }
            }
        // A larger scene (1000 × 1000 cells, 8-row blocks: strips of 256 rows, four of them) so that
        // several workers take strips: the same totals, bit for bit, for 1, 2 and 3 threads.
        std::vector<carbon::LulcInput> large;
        for (int d = 0; d < 3; ++d) {
            std::vector<unsigned char> v(std::size_t(1000 * 1000));
            unsigned char current = 1;
            for (unsigned char& c : v) {
                if (next() % 7 == 0)
                    current = classes[next() % 4];
                c = current;
            }
            const QString path = dir.filePath(QStringLiteral("large%1.tif").arg(d));
            writeRaster(path, 1000, 1000, v, 255);
            large.push_back({ path.toStdString(), 2000 + 10 * d });
        }
        std::optional<carbon::PoolRunResult> first;
        for (int threads : { 1, 2, 3 }) {
            carbon::PoolRunOptions counting;
            counting.threads = threads;
            const carbon::PoolCheckedRun r =
              carbon::validateAndRunPoolRasters(large, pools, "pools.csv", counting);
            QVERIFY(r.run);
            if (!first) {
                first = r.run;
                continue;
            }
            for (std::size_t d = 0; d < 3; ++d) {
                QCOMPARE(r.run->dates[d].classAreaHa, first->dates[d].classAreaHa);
                QCOMPARE(r.run->dates[d].nodataAreaHa, first->dates[d].nodataAreaHa);
                QCOMPARE(r.run->dates[d].totalT, first->dates[d].totalT);
            }
            for (std::size_t p = 0; p < 3; ++p)
                QCOMPARE(r.run->pairs[p].transitionAreaHa, first->pairs[p].transitionAreaHa);
        }

        // A code missing from the table, at one date only: listed for that raster, no run.
        std::vector<unsigned char> odd(std::size_t(cols * rows), 2);
        odd[std::size_t(cols * rows - 1)] = 9;
        writeRaster(dir.filePath("odd.tif"), cols, rows, odd, 255);
        carbon::PoolRunOptions counting;
        counting.threads = 2;
        const carbon::PoolCheckedRun bad = carbon::validateAndRunPoolRasters(
          { inputs[0], { dir.filePath("odd.tif").toStdString(), 2010 } }, pools, "pools.csv", counting);
        QVERIFY(!bad.run);
        QCOMPARE(bad.issues.size(), std::size_t(1));
        QVERIFY(
          bad.issues[0].message.contains(dir.filePath("odd.tif") + " but missing from the pools table: 9"));
    }

    void gridMismatchAndFloatRaster() {
        QTemporaryDir dir;
        writeRaster(dir.filePath("a.tif"), 10, 10, std::vector<unsigned char>(100, 1), 255);
        writeRaster(dir.filePath("b.tif"), 5, 10, std::vector<unsigned char>(50, 1), 255);
        const carbon::PoolLookup pools(upstreamTable(dir));
        const params::Issues issues = carbon::validatePoolInputs(
          { { dir.filePath("a.tif").toStdString(), 2015 }, { dir.filePath("b.tif").toStdString(), 2020 } },
          pools,
          "pools.csv");
        QCOMPARE(issues.size(), std::size_t(1));
        QVERIFY(issues[0].message.startsWith("the raster is not on the same grid as"));
        QCOMPARE(issues[0].file, dir.filePath("b.tif"));
    }

    void nodataAtOneDateOnly() {
        // §1.4 pitfall (forum t/6276): a row of nodata in the alternate raster only. Σ change over
        // cells valid on both dates ≠ difference of totals; both are reported.
        QTemporaryDir dir;
        std::vector<unsigned char> alt(100, 2);
        for (int c = 0; c < 10; ++c)
            alt[std::size_t(c)] = 255;
        writeRaster(dir.filePath("bas.tif"), 10, 10, std::vector<unsigned char>(100, 1), 255);
        writeRaster(dir.filePath("alt.tif"), 10, 10, alt, 255);
        const carbon::PoolLookup pools(upstreamTable(dir));
        carbon::PoolRunOptions options;
        const carbon::PoolRunResult r =
          carbon::runPoolRasters({ { dir.filePath("bas.tif").toStdString(), 2016 },
                                   { dir.filePath("alt.tif").toStdString(), 2030 } },
                                 pools,
                                 options);
        QVERIFY(near(r.dates[0].totalT, 0.86));
        QVERIFY(near(r.dates[1].totalT, 90 * 28 / 10000.0));
        QVERIFY(near(r.pairs[0].changeT, 90 * (28 - 86) / 10000.0));
        QVERIFY(near(r.pairs[0].stockDifferenceT, (90 * 28 - 100 * 86) / 10000.0));
        QVERIFY(near(r.pairs[0].bothValidAreaHa, 0.009));
        QVERIFY(near(r.dates[1].nodataAreaHa, 0.001));
    }

    void threeDatesAddFirstToLast() {
        QTemporaryDir dir;
        writeRaster(dir.filePath("a.tif"), 4, 4, std::vector<unsigned char>(16, 1), 255);
        writeRaster(dir.filePath("b.tif"), 4, 4, std::vector<unsigned char>(16, 2), 255);
        writeRaster(dir.filePath("c.tif"), 4, 4, std::vector<unsigned char>(16, 3), 255);
        const carbon::PoolLookup pools(upstreamTable(dir));
        carbon::PoolRunOptions options;
        options.valuation = ValuationInput{ 43, 7, 0, 0, 0 };
        options.memoryBudgetBytes = 1; // one row per strip: results must not change
        const carbon::PoolRunResult r =
          carbon::runPoolRasters({ { dir.filePath("a.tif").toStdString(), 2000 },
                                   { dir.filePath("b.tif").toStdString(), 2010 },
                                   { dir.filePath("c.tif").toStdString(), 2020 } },
                                 pools,
                                 options);
        QCOMPARE(r.pairs.size(), std::size_t(3));
        QCOMPARE(r.pairs[2].year1, 2000);
        QCOMPARE(r.pairs[2].year2, 2020);
        QVERIFY(near(r.pairs[2].changeT, 16 * (8 - 86) / 10000.0));
        QVERIFY(r.pairs[2].npv.has_value());
        QVERIFY(!r.pairs[0].npv.has_value());
        QVERIFY(near(*r.valuationConstant, carbon::valuationConstant({ 43, 7, 0, 2000, 2020 })));
    }

    void defaultTableFlagsTravel() {
        // The built-in table is all [unconfirmed]: every class used is flagged.
        QTemporaryDir dir;
        writeRaster(dir.filePath("a.tif"),
                    4,
                    4,
                    { 11, 11, 12, 42, 21, 21, 21, 21, 51, 51, 51, 51, 61, 61, 61, 255 },
                    255);
        const params::LoadedTable t = params::loadDefaultTable(carbon::carbonPoolsSpec());
        const carbon::PoolLookup pools(t.table);
        const carbon::PoolRunResult r =
          carbon::runPoolRasters({ { dir.filePath("a.tif").toStdString(), 2020 } }, pools, {});
        QCOMPARE(r.classesUsed.size(), std::size_t(6));
        QCOMPARE(r.flaggedClasses().size(), std::size_t(6));
        QCOMPARE(r.flaggedClasses()[0].code, std::int64_t(11));
        QVERIFY(r.flaggedClasses()[0].source.contains("§3.5"));
        // 11: 151.324208 biomass + 47 soil; 12: 104.81; 42: 452.297 (§10.7); 21: 51.7 (§10.6).
        const double expected = (2 * 198.324208 + 104.81 + 452.297 + 4 * 51.7) / 10000.0;
        QVERIFY(near(r.dates[0].totalT, expected, 1e-12));
    }

    void willametteParcelsEqualClassAreasTimesDensity() {
        TANHUI_REQUIRE_SHARED(cur, QStringLiteral("willamette/lulc_samp_cur.tif"));
        TANHUI_REQUIRE_SHARED(fut, QStringLiteral("willamette/lulc_samp_fut.tif"));
        TANHUI_REQUIRE_SHARED(poolsCsv, QStringLiteral("willamette/carbon_pools_samp.csv"));
        TANHUI_REQUIRE_SHARED(shp, QStringLiteral("willamette/harv_samp_cur.shp"));
        const params::LoadedTable t =
          params::loadTable(carbon::carbonPoolsSpec(), poolsCsv, params::Provenance::UserSupplied);
        QVERIFY(!params::hasErrors(t.issues));
        const carbon::PoolLookup pools(t.table);
        const std::vector<carbon::LulcInput> inputs{ { cur.toStdString(), 2016 },
                                                     { fut.toStdString(), 2030 } };
        QVERIFY(carbon::validatePoolInputs(inputs, pools, poolsCsv).empty());
        QTemporaryDir dir;
        carbon::PoolRunOptions options;
        options.outDir = dir.path().toStdString();
        const carbon::PoolRunResult run = carbon::runPoolRasters(inputs, pools, options);
        const tanhui::gis::ParcelSet parcels = tanhui::gis::readParcels(shp.toStdString(), {});
        tanhui::gis::ZonalOptions zonal;
        zonal.threads = 2;
        const std::vector<carbon::ParcelCarbon> pc =
          carbon::runPoolParcels(parcels, inputs, pools, run, zonal);
        QCOMPARE(pc.size(), parcels.parcels.size());
        // Parcels are finished in parallel, each by one thread: one thread gives the same results.
        tanhui::gis::ZonalOptions oneThread = zonal;
        oneThread.threads = 1;
        const std::vector<carbon::ParcelCarbon> pc1 =
          carbon::runPoolParcels(parcels, inputs, pools, run, oneThread);
        QCOMPARE(pc1.size(), pc.size());
        for (std::size_t i = 0; i < pc.size(); ++i) {
            for (std::size_t d = 0; d < 2; ++d) {
                QCOMPARE(pc1[i].dates[d].poolT, pc[i].dates[d].poolT);
                QCOMPARE(pc1[i].dates[d].totalT, pc[i].dates[d].totalT);
                QCOMPARE(pc1[i].dates[d].classAreaHa, pc[i].dates[d].classAreaHa);
                QCOMPARE(pc1[i].dates[d].nodataAreaHa, pc[i].dates[d].nodataAreaHa);
            }
            QCOMPARE(pc1[i].changeT, pc[i].changeT);
            QCOMPARE(pc1[i].usedCodes, pc[i].usedCodes);
            QCOMPARE(pc1[i].flaggedCodes, pc[i].flaggedCodes);
        }
        // Handed over one by one (PoolParcelOptions::onParcel, the project runner's way): every parcel
        // once, with the values of the list; nothing returned.
        {
            std::vector<std::optional<carbon::ParcelCarbon>> handed(parcels.parcels.size());
            std::mutex mutex;
            int twice = 0;
            carbon::PoolParcelOptions one;
            one.onParcel = [&](std::size_t i, carbon::ParcelCarbon&& c) {
                const std::lock_guard lock(mutex);
                if (i >= handed.size() || handed[i])
                    ++twice;
                else
                    handed[i] = std::move(c);
            };
            QVERIFY(carbon::runPoolParcels(parcels, inputs, pools, run, zonal, one).empty());
            QCOMPARE(twice, 0);
            for (std::size_t i = 0; i < pc.size(); ++i) {
                QVERIFY2(handed[i].has_value(), qPrintable(QString::number(i)));
                for (std::size_t d = 0; d < 2; ++d) {
                    QCOMPARE(handed[i]->dates[d].poolT, pc[i].dates[d].poolT);
                    QCOMPARE(handed[i]->dates[d].classAreaHa, pc[i].dates[d].classAreaHa);
                }
                QCOMPARE(handed[i]->changeT, pc[i].changeT);
                QCOMPARE(handed[i]->usedCodes, pc[i].usedCodes);
            }
        }
        // Handed over while each parcel's geometry is freed as soon as its statistics are finished
        // (PoolParcelOptions::releaseGeometry, the project runner's way for a layer no later step
        // reads): the same values, every geometry gone afterwards, ids and areas kept. Only for the
        // set itself: another set is refused.
        {
            tanhui::gis::ParcelSet own = parcels;
            std::vector<std::optional<carbon::ParcelCarbon>> handed(own.parcels.size());
            std::mutex mutex;
            carbon::PoolParcelOptions release;
            release.onParcel = [&](std::size_t i, carbon::ParcelCarbon&& c) {
                const std::lock_guard lock(mutex);
                handed[i] = std::move(c);
            };
            tanhui::gis::ParcelSet other = parcels;
            release.releaseGeometry = &other;
            QCOMPARE(tanhui::test::expectError([&] {
                         carbon::runPoolParcels(own, inputs, pools, run, zonal, release);
                     }).kind(),
                     tanhui::gis::GisError::Kind::InvalidArgument);
            QVERIFY(!other.parcels.front().geometry.isEmpty());
            release.releaseGeometry = &own;
            QVERIFY(carbon::runPoolParcels(own, inputs, pools, run, zonal, release).empty());
            for (std::size_t i = 0; i < pc.size(); ++i) {
                QVERIFY2(handed[i].has_value(), qPrintable(QString::number(i)));
                QCOMPARE(handed[i]->dates[1].poolT, pc[i].dates[1].poolT);
                QCOMPARE(handed[i]->changeT, pc[i].changeT);
                QVERIFY(own.parcels[i].geometry.isEmpty());
                QCOMPARE(own.parcels[i].id, parcels.parcels[i].id);
                QCOMPARE(own.parcels[i].ellipsoidalAreaM2, parcels.parcels[i].ellipsoidalAreaM2);
            }
        }

        // Independent zonal run: Σ over classes of true class area × density.
        std::vector<tanhui::gis::ZonalBand> bands;
        tanhui::gis::appendRasterBands(cur.toStdString(), bands);
        tanhui::gis::appendRasterBands(fut.toStdString(), bands);
        zonal.stats = tanhui::gis::StatSet(tanhui::gis::Stat::Area);
        const tanhui::gis::ZonalResult zr = tanhui::gis::runZonal(parcels, bands, zonal);
        double sum0 = 0;
        for (std::size_t i = 0; i < pc.size(); ++i) {
            for (std::size_t d = 0; d < 2; ++d) {
                double stock = 0;
                for (const tanhui::gis::ClassTotal& c : zr.stats[i][d].classes)
                    stock += c.areaM2 / 10000.0 * pools.find(std::int64_t(c.value))->total();
                QVERIFY2(near(pc[i].dates[d].totalT, stock, 1e-12), qPrintable(QString::number(i)));
            }
            // Nodata is the same on both dates here, so both change figures agree.
            QVERIFY(near(pc[i].changeT[0], pc[i].stockDifferenceT[0], 1e-9));
            sum0 += pc[i].dates[0].totalT;
        }
        QVERIFY(sum0 > 0);

        // parcels.csv is formatted as text (gis::writeCsvRows): the same bytes as gis::writeTable()
        // of the table's QVariant row (the GeoPackage path), with a parcel without valid cells (no
        // majority) and one without valid area at a date (empty fields); extra columns with
        // formatCsv() the same as through fill().
        std::vector<carbon::ParcelCarbon> rows = pc;
        rows.at(0).dates.back().majorityClass = std::numeric_limits<double>::quiet_NaN();
        rows.at(1).dates.front().validAreaHa = 0;
        using Type = tanhui::gis::TableColumn::Type;
        carbon::ExtraColumns fillOnly;
        fillOnly.columns = { { "x_a", Type::Real }, { "x_b", Type::Real } };
        fillOnly.fill = [](std::size_t i, std::vector<QVariant>& v, std::size_t k) {
            v[k] = double(i) / 7.0;
            v[k + 1] = i % 3 == 0 ? QVariant() : QVariant(-1e-300 * double(i));
        };
        carbon::ExtraColumns asText = fillOnly;
        asText.formatCsv = [](std::size_t i, std::string& line) {
            line += ',';
            tanhui::gis::appendCsvNumber(line, double(i) / 7.0);
            line += ',';
            if (i % 3 != 0)
                tanhui::gis::appendCsvNumber(line, -1e-300 * double(i));
        };
        const QString fast = dir.filePath("fast.csv"), viaFill = dir.filePath("fill.csv");
        carbon::writeParcelTable(fast.toStdString(), parcels, "id", run, pools, rows, &asText);
        carbon::writeParcelTable(viaFill.toStdString(), parcels, "id", run, pools, rows, &fillOnly);
        std::vector<tanhui::gis::TableColumn> columns;
        for (const carbon::CarbonColumn& c : carbon::parcelColumns("id", run))
            columns.push_back(c.column);
        columns.insert(columns.end(), fillOnly.columns.begin(), fillOnly.columns.end());
        const QString reference = dir.filePath("reference.csv");
        tanhui::gis::writeTable(
          reference.toStdString(),
          columns,
          parcels.parcels.size(),
          [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
              const tanhui::gis::Parcel& parcel = parcels.parcels[i];
              const carbon::ParcelCarbon& c = rows[i];
              std::size_t k = 0;
              v[k++] = qint64(parcel.fid);
              v[k++] = parcel.id;
              const double majority = c.dates.back().majorityClass;
              if (!std::isnan(majority)) {
                  const carbon::PoolClass* m = pools.find(std::int64_t(std::llround(majority)));
                  v[k] = QString::number(qint64(std::llround(majority))) +
                         (m && !m->name.isEmpty() ? QStringLiteral(" ") + m->name : QString());
              }
              ++k;
              v[k++] = QStringLiteral("pools");
              v[k++] = parcel.ellipsoidalAreaM2 / 10000.0;
              double nodataShare = 0;
              for (const carbon::ParcelDate& d : c.dates) {
                  for (int p = 0; p < carbon::kPoolCount; ++p)
                      v[k++] = d.poolT[std::size_t(p)];
                  v[k++] = d.totalT;
                  v[k++] = d.validAreaHa > 0 ? QVariant(d.totalT / d.validAreaHa) : QVariant();
                  v[k++] = d.nodataAreaHa;
                  if (d.validAreaHa + d.nodataAreaHa > 0)
                      nodataShare = std::max(nodataShare, d.nodataAreaHa / (d.validAreaHa + d.nodataAreaHa));
              }
              for (std::size_t p = 0; p < run.pairs.size(); ++p) {
                  v[k++] = c.changeT[p];
                  v[k++] = c.changeT[p] * carbon::kCo2PerC;
                  v[k++] = c.changeT[p] / (run.pairs[p].year2 - run.pairs[p].year1);
                  v[k++] = c.stockDifferenceT[p];
              }
              QStringList flagged;
              for (std::int64_t code : c.flaggedCodes)
                  flagged << QString::number(code);
              v[k++] = flagged.join(QLatin1Char(' '));
              v[k++] = nodataShare;
              v[k++] = parcel.repaired ? 1 : 0;
              fillOnly.fill(i, v, k);
          });
        auto bytes = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray expected = bytes(reference);
        QVERIFY(expected.count('\n') == qsizetype(parcels.parcels.size()) + 1);
        QCOMPARE(bytes(fast), expected);
        QCOMPARE(bytes(viaFill), expected);
    }
};

QTEST_GUILESS_MAIN(TestCarbonPools)
#include "tst_carbon_pools.moc"
