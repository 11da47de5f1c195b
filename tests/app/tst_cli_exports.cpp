// SPDX-License-Identifier: GPL-3.0-or-later
// Data exports of `carbon --project` on the sample project (issue 14, "Data export"): --csv-bom puts
// the byte-order mark on every table's CSV, --xlsx writes results.xlsx whose every cell equals the
// CSV's (openpyxl), parcels.gpkg carries QGIS's default style (graduated on t C/ha; QGIS's Python API
// applies it) and the density and change rasters are Cloud-Optimised GeoTIFFs.
#include "CliRun.h"
#include "PythonRun.h"
#include "TestUtil.h"
#include "models/analysis/ResultSet.h"

#include <gdal.h>
#include <ogr_api.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tanhui;
using tanhui::test::pythonHas;
using tanhui::test::runCli;
using tanhui::test::runPython;
using tanhui::test::sourceFile;

namespace {

QString layout(const QString& path) {
    GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_ReadOnly);
    if (!ds)
        return QStringLiteral("(cannot open)");
    const char* v = GDALGetMetadataItem(ds, "LAYOUT", "IMAGE_STRUCTURE");
    const QString out = v ? QString::fromLatin1(v) : QString();
    GDALClose(ds);
    return out;
}

} // namespace

class TestCliExports : public QObject {
    Q_OBJECT
    /// One sample run with both options, shared by the checks below (run by the first that needs it).
    bool ensureRun() {
        if (m_ran)
            return m_ok;
        m_ran = true;
        const QString sample = tanhui::test::sampleProjectDir();
        if (sample.isEmpty() || !QFileInfo::exists(sample + QStringLiteral("/project.tanhui.json"))) {
            qWarning(
              "the sample project is missing: run this test through ctest (fixture sample_project_setup)");
            return false;
        }
        m_out = m_dir.filePath(QStringLiteral("carbon"));
        const auto r = runCli({ QStringLiteral("carbon"),
                                QStringLiteral("--project"),
                                sample + QStringLiteral("/project.tanhui.json"),
                                QStringLiteral("--out"),
                                m_out,
                                QStringLiteral("--xlsx"),
                                QStringLiteral("--csv-bom") },
                              "en",
                              1500000);
        if (r.exitCode != 0)
            qWarning("carbon --project failed: %s", qPrintable(r.err.right(3000)));
        else if (!r.err.contains(QDir(m_out).filePath(QStringLiteral("results.xlsx"))))
            qWarning("results.xlsx is not listed among the files written: %s", qPrintable(r.err.right(3000)));
        else
            m_ok = true;
        return m_ok;
    }

private slots:
    void initTestCase() {
        GDALAllRegister();
        QVERIFY(m_dir.isValid());
    }

    void helpListsTheOptions() {
        const auto r = runCli({ QStringLiteral("carbon"),
                                QStringLiteral("--project"),
                                QStringLiteral("FILE"),
                                QStringLiteral("--help") });
        QVERIFY2(r.out.contains(QStringLiteral("--xlsx")), qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("--csv-bom")), qPrintable(r.out + r.err));
        const auto zh = runCli({ QStringLiteral("carbon"),
                                 QStringLiteral("--project"),
                                 QStringLiteral("FILE"),
                                 QStringLiteral("--help") },
                               "zh_CN");
        QVERIFY2(zh.out.contains(QStringLiteral("字节顺序标记")), qPrintable(zh.out + zh.err));
        QVERIFY2(zh.out.contains(QStringLiteral("每个表一个工作表")), qPrintable(zh.out + zh.err));
    }

    void everyCsvHasTheByteOrderMark() {
        QVERIFY2(ensureRun(), "the sample run with --xlsx --csv-bom failed (see the warning above)");
        const models::analysis::ResultSet rs =
          models::analysis::readResultSet(m_out.toStdString()); // reads them
        QVERIFY(rs.tables.size() >= 5);
        for (const auto& t : rs.tables) {
            QFile f(QDir(m_out).filePath(t.name + QStringLiteral(".csv")));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            QCOMPARE(f.read(3), QByteArray("\xEF\xBB\xBF"));
        }
        QVERIFY(rs.table(QStringLiteral("parcels"))->rowCount() > 1000);
    }

    void xlsxEqualsTheCsvs() {
        QVERIFY2(ensureRun(), "the sample run with --xlsx --csv-bom failed (see the warning above)");
        if (!pythonHas(QStringLiteral("openpyxl"))) {
            if (tanhui::test::runningInCi())
                QFAIL("python3-openpyxl is missing under CI (apt install python3-openpyxl)");
            QSKIP("python3 cannot import openpyxl (apt install python3-openpyxl); XLSX check skipped");
        }
        const auto r = runPython({ sourceFile(QStringLiteral("tests/models/analysis/xlsx_equals_csv.py")),
                                   QDir(m_out).filePath(QStringLiteral("results.xlsx")),
                                   m_out },
                                 1500000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out.left(3000) + r.err));
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QStringList sheets = s.value(QStringLiteral("sheets")).toVariant().toStringList();
        for (const char* name :
             { "parcels", "totals_by_ecosystem_type", "summary", "parameters_used", "columns" })
            QVERIFY2(sheets.contains(QString::fromLatin1(name)), qPrintable(sheets.join(u',')));
        QVERIFY(s.value(QStringLiteral("numbers")).toInt() > 100000);
        qInfo("results.xlsx: %d cells equal to the CSVs (%d numbers, %d empty)",
              s.value(QStringLiteral("cells")).toInt(),
              s.value(QStringLiteral("numbers")).toInt(),
              s.value(QStringLiteral("empty")).toInt());
    }

    void densityAndChangeRastersAreCog() {
        QVERIFY2(ensureRun(), "the sample run with --xlsx --csv-bom failed (see the warning above)");
        QStringList cogs;
        for (const char* pattern : { "rasters/pools/c_density_*.tif",
                                     "rasters/pools/c_change_*.tif",
                                     "rasters/regression/rs_carbon_*.tif",
                                     "rasters/bluecarbon/cbc_stock_*.tif",
                                     "rasters/volume/c_density_*.tif" }) {
            const QString rel = QString::fromLatin1(pattern);
            const QDir d(QDir(m_out).filePath(rel.section(u'/', 0, 1)));
            const QStringList files = d.entryList({ rel.section(u'/', 2) }, QDir::Files);
            QVERIFY2(!files.isEmpty(), pattern);
            for (const QString& f : files) {
                QCOMPARE(layout(d.filePath(f)), QStringLiteral("COG"));
                cogs << d.filePath(f);
            }
        }
        if (!pythonHas(QStringLiteral("osgeo_utils.samples.validate_cloud_optimized_geotiff")))
            QSKIP("python3 cannot import osgeo_utils (python3-gdal); GDAL's COG validator skipped");
        const auto v = runPython({ QStringLiteral("-m"),
                                   QStringLiteral("osgeo_utils.samples.validate_cloud_optimized_geotiff"),
                                   cogs.front() });
        QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
    }

#ifdef TANHUI_HAVE_RENDER
    void parcelsGeoPackageHasQgisStyles() {
        QVERIFY2(ensureRun(), "the sample run with --xlsx --csv-bom failed (see the warning above)");
        const QString gpkg = QDir(m_out).filePath(QStringLiteral("parcels.gpkg"));
        GDALDatasetH ds = GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(ds);
        OGRLayerH styles = GDALDatasetGetLayerByName(ds, "layer_styles");
        QVERIFY(styles);
        QStringList names, defaults;
        while (OGRFeatureH f = OGR_L_GetNextFeature(styles)) {
            const QString name =
              QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "styleName")));
            names << name;
            if (OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "useAsDefault")))
                defaults << name;
            OGR_F_Destroy(f);
        }
        GDALClose(ds);
        QCOMPARE(defaults, QStringList{ QStringLiteral("c_total_t_per_ha_2024") });
        QVERIFY2(names.contains(QStringLiteral("change_t_2015_2024")), qPrintable(names.join(u',')));

        if (!pythonHas(QStringLiteral("qgis.core")))
            QSKIP("python3 cannot import qgis.core (python3-qgis is not installed); QGIS check skipped");
        const auto r = runPython({ sourceFile(QStringLiteral("tests/render/qgis_style_check.py")),
                                   gpkg,
                                   QStringLiteral("parcels") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("renderer")).toString(), QStringLiteral("graduatedSymbol"));
        QCOMPARE(o.value(QStringLiteral("attribute")).toString(), QStringLiteral("c_total_t_per_ha_2024"));
        QCOMPARE(o.value(QStringLiteral("ranges")).toArray().size(), 5);
    }
#endif

private:
    QTemporaryDir m_dir;
    QString m_out;
    bool m_ran = false, m_ok = false;
};

QTEST_GUILESS_MAIN(TestCliExports)
#include "tst_cli_exports.moc"
