// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli gep on a hand-made project (no sample): the accounting year's ecosystem type and carbon flow
// (docs/gep.md "Ecosystem type" and "Carbon sequestration"; issue 11). Land cover 2021: all marsh (41);
// 2024: the left half built-up (61). Wetland units W1 (left half, 100 % built-up in 2024) and W2 (right
// half, marsh), both mapped as marsh; the carbon section's rule makes a parcel mostly built-up at a date
// "settlement". Carbon results give each unit a 2015–2024 mean and the flows of 2015–2018, 2018–2021 and
// 2021–2024: GEP takes 2021–2024, the interval ending at the accounting year 2024.
#include "CliRun.h"
#include "gis/Crs.h"
#include "gis/RasterWriter.h"
#include "gis/VectorLayer.h"
#include "gis/VectorWriter.h"
#include "models/analysis/ResultSet.h"
#include "models/gep/GepProject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace tanhui;
using tanhui::test::runCli;

namespace {

gis::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    gis::Ring r;
    r.xy = { x0, y0, x1, y0, x1, y1, x0, y1 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

void writeLandCover(const QString& path, int year) {
    gis::RasterSpec spec;
    spec.grid.originX = 500000;
    spec.grid.originY = 2500000;
    spec.grid.cellWidth = 10;
    spec.grid.cellHeight = 10;
    spec.grid.cols = 20;
    spec.grid.rows = 10;
    spec.crs = gis::Crs::fromEpsg(32650);
    spec.type = gis::RasterSpec::Type::Byte;
    spec.nodata = 255;
    spec.overviews = false;
    gis::RasterWriter w(path.toStdString(), spec);
    std::vector<std::uint8_t> cells(200);
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 20; ++c)
            cells[std::size_t(r * 20 + c)] = year == 2024 && c < 10 ? 61 : 41;
    w.writeRows(1, 0, 10, cells.data());
    w.commit();
}

/// The project; returns its path. fid of W1 and W2 in `fids`.
QString writeProject(const QTemporaryDir& dir, std::map<QString, qint64>& fids) {
    writeLandCover(dir.filePath(QStringLiteral("lc2021.tif")), 2021);
    writeLandCover(dir.filePath(QStringLiteral("lc2024.tif")), 2024);
    using F = gis::VectorField;
    const std::vector<F> fields = { { QStringLiteral("code"), F::Type::String },
                                    { QStringLiteral("type"), F::Type::String } };
    std::vector<gis::VectorFeature> features(2);
    features[0].values = { QStringLiteral("W1"), QStringLiteral("marsh") };
    features[0].geometry = rect(500000, 2499900, 500100, 2500000);
    features[1].values = { QStringLiteral("W2"), QStringLiteral("marsh") };
    features[1].geometry = rect(500100, 2499900, 500200, 2500000);
    const QString gpkg = dir.filePath(QStringLiteral("wet.gpkg"));
    gis::writePolygonLayer(
      gpkg.toStdString(), QStringLiteral("wet"), gis::Crs::fromEpsg(32650), fields, features);
    gis::VectorLayer layer(gpkg.toStdString());
    gis::Feature f;
    const int code = layer.fieldIndex(QStringLiteral("code"));
    while (layer.next(f))
        fids[f.attributes[std::size_t(code)].toString()] = f.fid;
    const QString path = dir.filePath(QStringLiteral("luc.tanhui.json"));
    QFile p(path);
    p.open(QIODevice::WriteOnly);
    p.write(R"({"format": "tanhui-project", "version": 1, "name": "luc", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2021", "kind": "raster", "role": "landcover", "path": "lc2021.tif", "year": 2021},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "wet", "kind": "vector", "role": "wetland_units", "path": "wet.gpkg", "id_field": "code",
         "fields": {"id": "code", "ecosystem_type": "type"}}
      ],
      "carbon": {"years": [2021, 2024],
                 "layers": [{"layer": "wet", "ecosystem_type_field": "ecosystem_type"}],
                 "methods": {"marsh": "pools"},
                 "land_use_change": [{"type": "settlement", "classes": [61], "min_share": 0.5}]}})");
    return path;
}

/// A carbon results folder as `tanhui-cli carbon --project` writes it: its result set (resultset.json)
/// with the table parcels (the columns GEP reads), `text` being that table's CSV (header and one line per
/// unit).
QString writeCarbonResults(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    QDir(dir.path()).mkpath(name);
    const QString csv = dir.filePath(name + QStringLiteral("/parcels.csv"));
    QFile f(csv);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    f.close();
    tanhui::models::analysis::ResultSet rs;
    rs.analysis = QStringLiteral("carbon_project");
    tanhui::models::analysis::Table& t = rs.addTable(tanhui::models::gep::readCsvTable(csv));
    t.name = QStringLiteral("parcels");
    tanhui::models::analysis::writeResultSet(rs, dir.filePath(name).toStdString());
    return dir.filePath(name);
}

std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            rows.push_back(
              QString::fromUtf8(line.trimmed()).split(QLatin1Char(','))); // no quoted commas used
    return rows;
}

} // namespace

class TstCliGepLandUse : public QObject {
    Q_OBJECT

private slots:
    void accountingYearTypeAndFlow();
    void noIntervalOfTheAccountingYear();
};

void TstCliGepLandUse::accountingYearTypeAndFlow() {
    QTemporaryDir dir;
    std::map<QString, qint64> fid;
    const QString project = writeProject(dir, fid);
    QCOMPARE(fid.size(), std::size_t(2));
    const QString results = writeCarbonResults(
      dir,
      QStringLiteral("carbon"),
      QStringLiteral("layer,source_fid,id,ecosystem_type,method,primary,change_t_2015_2024,"
                     "change_t_per_yr_2015_2024,change_t_per_yr_2015_2018,change_t_per_yr_2018_2021,"
                     "change_t_per_yr_2021_2024\n"
                     "wet,%1,W1,marsh,pools,1,364.5,40.5,60,54,7.6\n"
                     "wet,%2,W2,marsh,pools,1,90,10,14,13,3\n")
        .arg(fid.at(QStringLiteral("W1")))
        .arg(fid.at(QStringLiteral("W2")))
        .toUtf8());
    const QString out = dir.filePath(QStringLiteral("gep"));
    const auto r = runCli({ QStringLiteral("gep"),
                            QStringLiteral("--project"),
                            project,
                            QStringLiteral("--carbon-results"),
                            results,
                            QStringLiteral("--out"),
                            out,
                            QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

    // Carbon sequestration: the 2021–2024 flow (t C/yr) × 44/12 t CO2, not the 2015–2024 mean.
    const auto ind = readCsv(out + QStringLiteral("/indicators.csv"));
    QVERIFY(!ind.empty());
    const QStringList header = ind.front();
    const int cId = int(header.indexOf(QStringLiteral("parcel_id"))),
              cInd = int(header.indexOf(QStringLiteral("indicator"))),
              cComp = int(header.indexOf(QStringLiteral("component"))),
              cQty = int(header.indexOf(QStringLiteral("quantity")));
    QVERIFY(cId >= 0 && cInd >= 0 && cComp >= 0 && cQty >= 0);
    std::map<QString, double> co2;
    for (std::size_t i = 1; i < ind.size(); ++i)
        if (ind[i][cInd] == QLatin1String("carbon_sequestration") && ind[i][cComp] == QLatin1String("total"))
            co2[ind[i][cId]] = ind[i][cQty].toDouble();
    QCOMPARE(co2.size(), std::size_t(2));
    QVERIFY2(std::fabs(co2.at(QStringLiteral("W1")) - 7.6 * 44.0 / 12.0) < 1e-9,
             qPrintable(QString::number(co2.at(QStringLiteral("W1")))));
    QVERIFY(std::fabs(co2.at(QStringLiteral("W2")) - 3.0 * 44.0 / 12.0) < 1e-9);

    // The accounting year's type: W1 is built-up in 2024 (100 % ≥ 50 %), so settlement (code 61), not
    // marsh; W2 stays marsh (41). The outputs name the interval used.
    gis::VectorOpenOptions open;
    gis::VectorLayer layer((out + QStringLiteral("/parcels_wet.gpkg")).toStdString(), open);
    const int pid = layer.fieldIndex(QStringLiteral("parcel_id")),
              code = layer.fieldIndex(QStringLiteral("ecosystem_code")),
              source = layer.fieldIndex(QStringLiteral("ecosystem_source")),
              type = layer.fieldIndex(QStringLiteral("ecosystem_type")),
              years = layer.fieldIndex(QStringLiteral("carbon_years"));
    QVERIFY(pid >= 0 && code >= 0 && source >= 0 && type >= 0 && years >= 0);
    std::map<QString, QStringList> rows;
    gis::Feature f;
    while (layer.next(f))
        rows[f.attributes[std::size_t(pid)].toString()] = { f.attributes[std::size_t(code)].toString(),
                                                            f.attributes[std::size_t(source)].toString(),
                                                            f.attributes[std::size_t(type)].toString(),
                                                            f.attributes[std::size_t(years)].toString() };
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows.at(QStringLiteral("W1")),
             QStringList({ QStringLiteral("61"),
                           QStringLiteral("land_use_change"),
                           QStringLiteral("settlement"),
                           QStringLiteral("2021-2024") }));
    QCOMPARE(rows.at(QStringLiteral("W2")),
             QStringList({ QStringLiteral("41"),
                           QStringLiteral("type_field"),
                           QStringLiteral("marsh"),
                           QStringLiteral("2021-2024") }));
}

// Carbon results without an interval ending at or containing the accounting year: an error naming the
// file and the year, not a silent first → last mean.
void TstCliGepLandUse::noIntervalOfTheAccountingYear() {
    QTemporaryDir dir;
    std::map<QString, qint64> fid;
    const QString project = writeProject(dir, fid);
    const QString results =
      writeCarbonResults(dir,
                         QStringLiteral("old"),
                         QStringLiteral("layer,source_fid,id,primary,change_t_per_yr_2015_2021\n"
                                        "wet,%1,W1,1,40.5\n")
                           .arg(fid.at(QStringLiteral("W1")))
                           .toUtf8());
    const QString out = dir.filePath(QStringLiteral("gep"));
    const auto r = runCli({ QStringLiteral("gep"),
                            QStringLiteral("--project"),
                            project,
                            QStringLiteral("--carbon-results"),
                            results,
                            QStringLiteral("--out"),
                            out,
                            QStringLiteral("--quiet") });
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("accounting year 2024")) &&
               r.err.contains(QLatin1String("parcels.csv")),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
}

QTEST_GUILESS_MAIN(TstCliGepLandUse)
#include "tst_cli_gep_landuse.moc"
