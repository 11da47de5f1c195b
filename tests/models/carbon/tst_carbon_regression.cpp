// SPDX-License-Identifier: GPL-3.0-or-later
// Remote-sensing regression method (carbon-methods.md §6.1): the four forms with hand-computed values
// (the §6.1 illustrative curve 28.6 / 81.7 / 164.4 t/ha), bias corrections, the saturation cap, the R
// class rule with hysteresis (§3.5, design note 9), the §10.4 arithmetic, the coefficient-table
// validation, and a synthetic raster whose per-parcel results are checked against an independent
// exact computation (one parcel aligned to cells, one with partial cells; a cloud gap; non-forest).
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"
#include "models/carbon/RegressionMethod.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tanhui;
using namespace tanhui::models;
using carbon::AgbForm;
using carbon::RClass;

namespace {

carbon::RegressionCoefficients coef(AgbForm form,
                                    double a,
                                    double b,
                                    double cap = 1000,
                                    double rLow = 0.230,
                                    double rHigh = 0.246,
                                    double cf = 0.47) {
    carbon::RegressionCoefficients c;
    c.form = form;
    c.a = a;
    c.b = b;
    c.agbCap = cap;
    c.rLow = rLow;
    c.rHigh = rHigh;
    c.cf = cf;
    return c;
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

gis::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    gis::Ring r;
    r.xy = { x0, y0, x1, y0, x1, y1, x0, y1, x0, y0 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

// Synthetic grid: 6 columns × 4 rows of 10 m cells, EPSG:4547, origin (500000, 2500040).
constexpr int kCols = 6, kRows = 4;
constexpr double kX0 = 500000, kY0 = 2500040, kCell = 10;

gis::Grid synthGrid() {
    gis::Grid g;
    g.originX = kX0;
    g.originY = kY0;
    g.cellWidth = g.cellHeight = kCell;
    g.cols = kCols;
    g.rows = kRows;
    return g;
}

void writeRaster(const QString& path,
                 gis::RasterSpec::Type type,
                 double nodata,
                 const std::vector<double>& v) {
    gis::RasterSpec s;
    s.grid = synthGrid();
    s.crs = gis::Crs::fromEpsg(4547);
    s.type = type;
    s.nodata = nodata;
    s.overviews = false;
    gis::RasterWriter w(path.toStdString(), s);
    if (type == gis::RasterSpec::Type::Byte) {
        std::vector<std::uint8_t> bytes(v.begin(), v.end());
        w.writeRows(1, 0, kRows, bytes.data());
    } else {
        w.writeRows(1, 0, kRows, v.data());
    }
    w.commit();
}

/// Overlap (fraction of the cell) of cell (r, c) with the axis-aligned rectangle.
double overlap(int r, int c, double x0, double y0, double x1, double y1) {
    const double cx0 = kX0 + c * kCell, cx1 = cx0 + kCell;
    const double cy1 = kY0 - r * kCell, cy0 = cy1 - kCell;
    const double w = std::max(0.0, std::min(x1, cx1) - std::max(x0, cx0));
    const double h = std::max(0.0, std::min(y1, cy1) - std::max(y0, cy0));
    return w * h / (kCell * kCell);
}

} // namespace

class TestCarbonRegression : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { gis::initializeGdal(); }

    void illustrativeCurve() {
        // §6.1: AGB = 10·e^(3.5·NDVI) gives 28.6, 81.7 and 164.4 t/ha at NDVI 0.3, 0.6, 0.8 [example].
        const auto c = coef(AgbForm::Exponential, 10, 3.5);
        const double expected[] = { 28.576511181, 81.661699126, 164.446467711 };
        const double ndvi[] = { 0.3, 0.6, 0.8 };
        const double rounded[] = { 28.6, 81.7, 164.4 };
        for (int i = 0; i < 3; ++i) {
            const double agb = carbon::predictAgb(c, ndvi[i]);
            QVERIFY2(std::fabs(agb - expected[i]) < 1e-6, qPrintable(QString::number(agb, 'g', 12)));
            QCOMPARE(std::round(agb * 10) / 10, rounded[i]);
        }
    }

    void forms() {
        // Linear a + b·VI: −50 + 300 × 0.5 = 100; negative predictions become 0.
        QVERIFY(std::fabs(carbon::predictAgb(coef(AgbForm::Linear, -50, 300), 0.5) - 100.0) < 1e-9);
        QCOMPARE(carbon::predictAgb(coef(AgbForm::Linear, -50, 300), 0.1), 0.0);
        // Power a·VI^b: 200 × 0.64^1.5 = 200 × 0.512 = 102.4; VI ≤ 0 → 0.
        QVERIFY(std::fabs(carbon::predictAgb(coef(AgbForm::Power, 200, 1.5), 0.64) - 102.4) < 1e-9);
        QCOMPARE(carbon::predictAgb(coef(AgbForm::Power, 200, 1.5), -0.1), 0.0);
        // Logarithmic a + b·ln(VI): 300 + 100 ln 0.5 = 230.685281944; 300 + 100 ln e⁻¹ = 200.
        QVERIFY(std::fabs(carbon::predictAgb(coef(AgbForm::Logarithmic, 300, 100), 0.5) - 230.685281944) <
                1e-6);
        QVERIFY(std::fabs(carbon::predictAgb(coef(AgbForm::Logarithmic, 300, 100), std::exp(-1.0)) - 200.0) <
                1e-9);
        QCOMPARE(carbon::predictAgb(coef(AgbForm::Logarithmic, 300, 100), 0.0), 0.0);
        // Names round-trip; "log" is accepted.
        for (AgbForm f : { AgbForm::Linear, AgbForm::Power, AgbForm::Exponential, AgbForm::Logarithmic })
            QCOMPARE(*carbon::parseAgbForm(QString::fromLatin1(carbon::agbFormName(f)).toUpper()), f);
        QCOMPARE(*carbon::parseAgbForm(QStringLiteral(" log ")), AgbForm::Logarithmic);
        QVERIFY(!carbon::parseAgbForm(QStringLiteral("quadratic")));
    }

    void biasCorrection() {
        // Baskerville (§6.1): × e^(σ²/2); σ² = 0.1 → 81.661699126 × e^0.05 = 85.848583972.
        auto c = coef(AgbForm::Exponential, 10, 3.5);
        c.biasSigma2 = 0.1;
        QVERIFY(std::fabs(c.biasFactor() - std::exp(0.05)) < 1e-15);
        QVERIFY(std::fabs(carbon::predictAgb(c, 0.6) - 85.848583972) < 1e-6);
        // Duan's smearing factor multiplies the back-transformed prediction.
        auto s = coef(AgbForm::Power, 200, 1.5);
        s.smearing = 1.08;
        QVERIFY(std::fabs(carbon::predictAgb(s, 0.64) - 102.4 * 1.08) < 1e-9);
    }

    void saturationCap() {
        // Cap at the training maximum: 164.45 at NDVI 0.8 is capped to 150; below the cap unchanged.
        auto c = coef(AgbForm::Exponential, 10, 3.5, 150);
        QCOMPARE(carbon::predictAgb(c, 0.8), 150.0);
        QCOMPARE(carbon::predictAgb(c, 0.95), 150.0);
        QVERIFY(std::fabs(carbon::predictAgb(c, 0.6) - 81.661699126) < 1e-6);
        // The bias factor applies before the cap.
        c.biasSigma2 = 1.0;
        QCOMPARE(carbon::predictAgb(c, 0.7), 150.0);
    }

    void rClassHysteresis() {
        // No previous class: > 125 is the high class, 125 itself is low (Table 4.4 "≤ 125").
        QCOMPARE(carbon::nextRClass(std::nullopt, 125.0, 10), RClass::Low);
        QCOMPARE(carbon::nextRClass(std::nullopt, 125.01, 10), RClass::High);
        const std::vector<double> means = { 120, 130, 136, 130, 118, 114, 120 };
        const std::vector<RClass> withH = carbon::rClassTrajectory(means, 10);
        const std::vector<RClass> expectedH = { RClass::Low,  RClass::Low, RClass::High, RClass::High,
                                                RClass::High, RClass::Low, RClass::Low };
        QVERIFY(withH == expectedH);
        // Without hysteresis the class follows the threshold every year.
        const std::vector<RClass> noH = carbon::rClassTrajectory(means, 0);
        const std::vector<RClass> expected0 = { RClass::Low, RClass::High, RClass::High, RClass::High,
                                                RClass::Low, RClass::Low,  RClass::Low };
        QVERIFY(noH == expected0);
        // A year without data keeps the class; leading gaps leave the first valid year to the threshold.
        const double nan = std::nan("");
        const std::vector<RClass> gaps = carbon::rClassTrajectory({ nan, 140, nan, 120 }, 10);
        const std::vector<RClass> expectedGaps = { RClass::Low, RClass::High, RClass::High, RClass::High };
        QVERIFY(gaps == expectedGaps);
        // Boundaries of the band: from High, exactly 115 switches down; from Low, exactly 135 stays.
        QCOMPARE(carbon::nextRClass(RClass::High, 115.0, 10), RClass::Low);
        QCOMPARE(carbon::nextRClass(RClass::Low, 135.0, 10), RClass::Low);
    }

    void section10_4() {
        // §10.4: AGB 258.4, R 0.246 → 321.9664 t d.m./ha → × 0.47 = 151.3242 t C/ha → 554.8554 t CO2/ha.
        const double c = carbon::carbonDensity(258.4, 0.246, 0.47);
        QVERIFY(std::fabs(c - 151.324208) < 1e-9);
        QVERIFY(std::fabs(c * 44.0 / 12.0 - 554.855429333) < 1e-6);
        QCOMPARE(std::round(c * 1e4) / 1e4, 151.3242);
    }

    void templateLoads() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        writeFile(path, carbon::regressionTemplateCsv().toUtf8());
        const carbon::LoadedRegression l = carbon::loadRegressionCoefficients(path);
        QVERIFY(!params::hasErrors(l.issues));
        QCOMPARE(l.lookup.rows().size(), std::size_t(4));
        const carbon::RegressionCoefficients* c = l.lookup.find(12);
        QVERIFY(c);
        QCOMPARE(c->form, AgbForm::Exponential);
        QCOMPARE(c->a, 10.0);
        QCOMPARE(c->b, 3.5);
        QCOMPARE(c->rLow, 0.230);
        QCOMPARE(c->rHigh, 0.246);
        QCOMPARE(c->cf, 0.47);
        QCOMPARE(c->declaredTag, QStringLiteral("example"));
        QVERIFY(c->flagged());
        QVERIFY(c->source.contains(QStringLiteral("§6.1")));
        // Every row gets a warning that it is an illustrative example.
        int warnings = 0;
        for (const params::Issue& i : l.issues)
            if (!i.isError() && i.column == QLatin1String("tag"))
                ++warnings;
        QCOMPARE(warnings, 4);
    }

    void tableValidation() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.csv"));
        writeFile(path,
                  "lucode,form,a,b,bias_sigma2,smearing,agb_cap,r_low,r_high,cf\n"
                  "11,quadratic,1,2,,,200,0.23,0.246,0.47\n"
                  "12,linear,-50,300,0.1,,200,0.23,0.246,0.47\n"
                  "13,exponential,10,3.5,0.1,1.1,200,0.23,0.246,0.47\n"
                  "14,,10,3.5,,,200,0.23,0.246,0.47\n"
                  "15,power,-2,1.5,,,200,0.23,0.246,0.47\n");
        const carbon::LoadedRegression l = carbon::loadRegressionCoefficients(path);
        auto find = [&](int row, const char* column, const char* text) {
            for (const params::Issue& i : l.issues)
                if (i.isError() && i.row == row && i.column == QLatin1String(column) && i.file == path &&
                    i.message.contains(QLatin1String(text)))
                    return true;
            return false;
        };
        QVERIFY(find(2, "form", "unknown form 'quadratic'"));
        QVERIFY(find(2, "form", "linear, power, exponential, logarithmic"));
        QVERIFY(find(3, "bias_sigma2", "only to the power and exponential forms"));
        QVERIFY(find(4, "smearing", "not both"));
        QVERIFY(find(5, "form", "missing"));
        QVERIFY(find(6, "a", "must be positive"));
        QVERIFY(l.issues.front().toString().contains(path));
    }

    void landCoverDate() {
        const std::vector<carbon::LulcInput> lc = { { "a", 2015 }, { "b", 2018 }, { "c", 2021 } };
        QCOMPARE(carbon::landCoverIndexFor(lc, 2014), -1);
        QCOMPARE(carbon::landCoverIndexFor(lc, 2015), 0);
        QCOMPARE(carbon::landCoverIndexFor(lc, 2017), 0);
        QCOMPARE(carbon::landCoverIndexFor(lc, 2018), 1);
        QCOMPARE(carbon::landCoverIndexFor(lc, 2024), 2);
    }

    void syntheticRaster() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const double nan = std::nan("");
        // Land cover (Byte, nodata 0): columns 0-2 class 11, 3-4 class 12, 5 class 50 (non-forest);
        // cell (3, 5) nodata.
        std::vector<double> lc(kCols * kRows);
        for (int r = 0; r < kRows; ++r)
            for (int c = 0; c < kCols; ++c)
                lc[std::size_t(r * kCols + c)] = c <= 2 ? 11 : c <= 4 ? 12 : 50;
        lc[std::size_t(3 * kCols + 5)] = 0;
        const QString lcPath = dir.filePath(QStringLiteral("lc.tif"));
        writeRaster(lcPath, gis::RasterSpec::Type::Byte, 0, lc);
        // NDVI 2020 and 2021 (Float32, NaN nodata): a gradient; one cloud gap per year.
        std::vector<double> v20(kCols * kRows), v21(kCols * kRows);
        for (int r = 0; r < kRows; ++r)
            for (int c = 0; c < kCols; ++c) {
                v20[std::size_t(r * kCols + c)] = 0.5 + 0.05 * c + 0.02 * r;
                v21[std::size_t(r * kCols + c)] = 0.55 + 0.05 * c + 0.02 * r;
            }
        v20[std::size_t(1 * kCols + 1)] = nan; // gap in parcel A (2020)
        v21[std::size_t(2 * kCols + 3)] = nan; // gap in parcel B (2021)
        const QString n20 = dir.filePath(QStringLiteral("ndvi_2020.tif"));
        const QString n21 = dir.filePath(QStringLiteral("ndvi_2021.tif"));
        writeRaster(n20, gis::RasterSpec::Type::Float32, nan, v20);
        writeRaster(n21, gis::RasterSpec::Type::Float32, nan, v21);

        // Coefficients: class 11 exponential (illustrative curve), class 12 linear with a cap.
        const QString csv = dir.filePath(QStringLiteral("coef.csv"));
        writeFile(csv,
                  "lucode,forest_type,form,a,b,agb_cap,r_low,r_high,cf,bias_sigma2\n"
                  "11,broadleaf,exponential,10,3.5,400,0.230,0.246,0.47,0.02\n"
                  "12,conifer,linear,-100,400,180,0.20,0.24,0.50,\n");
        const carbon::LoadedRegression coefs = carbon::loadRegressionCoefficients(csv);
        QVERIFY(!params::hasErrors(coefs.issues));

        carbon::RegressionInputs in;
        in.vi = { { n20.toStdString(), 1, 2020 }, { n21.toStdString(), 1, 2021 } };
        in.lulc = { { lcPath.toStdString(), 2020 } };
        in.forestCodes = carbon::defaultForestCodes();
        const params::Issues issues = carbon::validateRegressionInputs(in, coefs.lookup, csv);
        QVERIFY(!params::hasErrors(issues));

        carbon::RegressionRunOptions opt;
        opt.outDir = dir.path().toStdString();
        const carbon::RegressionRun run = carbon::writeRegressionRasters(in, coefs.lookup, opt);
        QCOMPARE(run.years.size(), std::size_t(2));
        QCOMPARE(run.used.size(), std::size_t(2));
        // Whole-raster tallies: 12 + 8 forest cells minus one gap; non-forest 3 cells; 1 nodata cell.
        QVERIFY(std::fabs(run.years[0].forestAreaHa - 19 * 0.01) < 1e-12);
        QVERIFY(std::fabs(run.years[0].viGapAreaHa - 0.01) < 1e-12);
        QVERIFY(std::fabs(run.years[0].nonforestAreaHa - 0.03) < 1e-12);
        QVERIFY(std::fabs(run.years[0].lulcNodataAreaHa - 0.01) < 1e-12);

        // Parcels: A aligned to cells (columns 0-2, rows 0-2); B with partial cells (x 25..52, y rows
        // 0.5..3.5 → 25..52 m east, 5..35 m south of the top).
        const QString gpkg = dir.filePath(QStringLiteral("parcels.gpkg"));
        const double ax0 = kX0, ax1 = kX0 + 30, ay1 = kY0, ay0 = kY0 - 30;
        const double bx0 = kX0 + 25, bx1 = kX0 + 52, by1 = kY0 - 5, by0 = kY0 - 35;
        // C lies two thirds outside the raster (west of it): one cell of three is covered.
        const double cx0 = kX0 - 20, cx1 = kX0 + 10, cy1 = kY0, cy0 = kY0 - 10;
        gis::writePolygonLayer(gpkg.toStdString(),
                               QStringLiteral("parcels"),
                               gis::Crs::fromEpsg(4547),
                               { { QStringLiteral("pid"), gis::VectorField::Type::String, 8, 0 } },
                               { { { QStringLiteral("A") }, rect(ax0, ay0, ax1, ay1) },
                                 { { QStringLiteral("B") }, rect(bx0, by0, bx1, by1) },
                                 { { QStringLiteral("C") }, rect(cx0, cy0, cx1, cy1) } });
        gis::ParcelReadOptions ro;
        ro.idField = QStringLiteral("pid");
        const gis::ParcelSet parcels = gis::readParcels(gpkg.toStdString(), ro);
        QCOMPARE(parcels.parcels.size(), std::size_t(3));

        gis::ZonalOptions z1;
        z1.threads = 1;
        const auto r1 = carbon::runRegressionParcels(parcels, run, 10, z1);
        gis::ZonalOptions z2;
        z2.threads = 2;
        z2.maxWindowCells = 4; // also split parcels into row bands
        const auto r2 = carbon::runRegressionParcels(parcels, run, 10, z2);

        // Independent computation: exact rectangle overlaps × planar cell area × (ellipsoidal/planar).
        const double boxes[3][4] = { { ax0, ay0, ax1, ay1 }, { bx0, by0, bx1, by1 }, { cx0, cy0, cx1, cy1 } };
        const std::vector<double>* ndvi[2] = { &v20, &v21 };
        for (std::size_t p = 0; p < 3; ++p) {
            const double scale = parcels.parcels[p].ellipsoidalAreaM2 / parcels.parcels[p].planarAreaM2;
            QVERIFY(std::fabs(scale - 1) < 1e-2);
            for (std::size_t yi = 0; yi < 2; ++yi) {
                double forestHa = 0, gapHa = 0, nonforestHa = 0, nodataHa = 0, agbT = 0, cLow = 0, cHigh = 0;
                for (int r = 0; r < kRows; ++r)
                    for (int c = 0; c < kCols; ++c) {
                        const double w = overlap(r, c, boxes[p][0], boxes[p][1], boxes[p][2], boxes[p][3]);
                        if (w <= 0)
                            continue;
                        const double ha = w * kCell * kCell * scale / 10000.0;
                        const int code = int(lc[std::size_t(r * kCols + c)]);
                        const double v = (*ndvi[yi])[std::size_t(r * kCols + c)];
                        if (code == 0) {
                            nodataHa += ha;
                        } else if (code == 50) {
                            nonforestHa += ha;
                        } else if (std::isnan(v)) {
                            gapHa += ha;
                        } else {
                            // Hand formulas, independent of predictAgb(); float32 storage as the raster.
                            double agb = code == 11 ? 10 * std::exp(3.5 * double(float(v))) * std::exp(0.01)
                                                    : std::min(180.0, -100 + 400 * double(float(v)));
                            agb = std::max(agb, 0.0);
                            const double rl = code == 11 ? 0.230 : 0.20, rh = code == 11 ? 0.246 : 0.24;
                            const double cf = code == 11 ? 0.47 : 0.50;
                            forestHa += ha;
                            agbT += double(float(agb)) * ha;
                            cLow += double(float(agb * (1 + rl) * cf)) * ha;
                            cHigh += double(float(agb * (1 + rh) * cf)) * ha;
                        }
                    }
                const carbon::RegressionParcelYear& y = r1[p].years[yi];
                const QString what = QStringLiteral("parcel %1 year %2").arg(p).arg(y.year);
                QVERIFY2(std::fabs(y.forestAreaHa - forestHa) < 1e-9, qPrintable(what));
                QVERIFY2(std::fabs(y.viGapAreaHa - gapHa) < 1e-9, qPrintable(what));
                QVERIFY2(std::fabs(y.nonforestAreaHa - nonforestHa) < 1e-9, qPrintable(what));
                QVERIFY2(std::fabs(y.lulcNodataAreaHa - nodataHa) < 1e-9, qPrintable(what));
                const double mean = agbT / forestHa;
                QVERIFY2(std::fabs(y.meanAgb - mean) < 1e-6 * mean, qPrintable(what));
                const double expectedC = (y.rClass == RClass::High ? cHigh : cLow);
                QVERIFY2(
                  std::fabs(y.carbonT - expectedC) < 1e-9 * std::max(1.0, expectedC),
                  qPrintable(
                    what +
                    QStringLiteral(": %1 vs %2").arg(y.carbonT, 0, 'g', 15).arg(expectedC, 0, 'g', 15)));
                QVERIFY(std::fabs(y.carbonTPerHa - expectedC / forestHa) < 1e-9);
                QVERIFY(std::fabs(y.co2eT() - expectedC * 44.0 / 12.0) < 1e-9);
                // Identical for 1 and 2 threads (and any window size).
                QCOMPARE(r2[p].years[yi].carbonT, y.carbonT);
                QCOMPARE(r2[p].years[yi].meanAgb, y.meanAgb);
                QCOMPARE(r2[p].years[yi].viGapAreaHa, y.viGapAreaHa);
            }
            // Stock difference (§3.2) over one year, over the forest cells valid on both dates only (a
            // cloud gap on either date leaves the cell out of the change).
            const carbon::RegressionChange& ch = r1[p].changes.front();
            QCOMPARE(r1[p].changes.size(), std::size_t(1));
            double commonHa = 0, expectedChange = 0;
            for (int r = 0; r < kRows; ++r)
                for (int c = 0; c < kCols; ++c) {
                    const double w = overlap(r, c, boxes[p][0], boxes[p][1], boxes[p][2], boxes[p][3]);
                    const int code = int(lc[std::size_t(r * kCols + c)]);
                    const double a = v20[std::size_t(r * kCols + c)], b = v21[std::size_t(r * kCols + c)];
                    if (w <= 0 || (code != 11 && code != 12) || std::isnan(a) || std::isnan(b))
                        continue;
                    const double ha = w * kCell * kCell * scale / 10000.0;
                    auto density = [&](double v, RClass rc) {
                        double agb = code == 11 ? 10 * std::exp(3.5 * double(float(v))) * std::exp(0.01)
                                                : std::min(180.0, -100 + 400 * double(float(v)));
                        agb = std::max(agb, 0.0);
                        const double rr = code == 11 ? (rc == RClass::High ? 0.246 : 0.230)
                                                     : (rc == RClass::High ? 0.24 : 0.20);
                        return double(float(agb * (1 + rr) * (code == 11 ? 0.47 : 0.50)));
                    };
                    commonHa += ha;
                    expectedChange +=
                      (density(b, r1[p].years[1].rClass) - density(a, r1[p].years[0].rClass)) * ha;
                }
            QVERIFY(std::fabs(ch.commonAreaHa - commonHa) < 1e-9);
            QVERIFY2(std::fabs(ch.changeT - expectedChange) < 1e-9 * std::max(1.0, std::fabs(expectedChange)),
                     qPrintable(QStringLiteral("%1 vs %2").arg(ch.changeT).arg(expectedChange)));
            QCOMPARE(r2[p].changes.front().changeT, ch.changeT);
            if (p < 2) // A and B each have a gap on one date: the change is not the stock difference
                QVERIFY(std::fabs(ch.changeT - (r1[p].years[1].carbonT - r1[p].years[0].carbonT)) > 1e-6);
            QCOMPARE(ch.changeCo2eT, ch.changeT * 44.0 / 12.0);
            QCOMPARE(ch.rateTPerYr, ch.changeT);
        }
        // Parcel A: mean AGB of class 11 cells ≈ 60-110 → R class le125; the gap is excluded, not zero.
        QCOMPARE(r1[0].years[0].rClass, RClass::Low);
        QVERIFY(std::fabs(r1[0].years[0].viGapAreaHa - 0.01 * parcels.parcels[0].ellipsoidalAreaM2 /
                                                         parcels.parcels[0].planarAreaM2) < 1e-12);
        QVERIFY(r1[0].changes.front().gapsDiffer);
        // Parcel B: class 12 cells reach the linear model's cap region (AGB > 125) → gt125.
        QCOMPARE(r1[1].years[1].rClass, RClass::High);
        // Coverage of the rasters (§7.2): A and B lie inside, C one third inside.
        QVERIFY(std::fabs(carbon::rasterCoverageFraction(parcels.parcels[0], r1[0]) - 1.0) < 1e-9);
        QVERIFY(std::fabs(carbon::rasterCoverageFraction(parcels.parcels[1], r1[1]) - 1.0) < 1e-9);
        QVERIFY(std::fabs(carbon::rasterCoverageFraction(parcels.parcels[2], r1[2]) - 1.0 / 3.0) < 1e-6);

        // Output tables are written and carry the expected header.
        const QString traj = dir.filePath(QStringLiteral("rs_trajectory.csv"));
        carbon::writeRegressionTrajectory(traj.toStdString(), parcels, QStringLiteral("pid"), run, r1);
        QFile f(traj);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 6);
        QVERIFY(lines[0].startsWith("fid,pid,year,lulc_year,forest_area_ha,vi_gap_area_ha"));
        carbon::writeRegressionParameters(dir.filePath(QStringLiteral("p.csv")).toStdString(), run, 10);
        carbon::writeRegressionTotals(dir.filePath(QStringLiteral("t.csv")).toStdString(), run, r1);

        // The density raster: band 2 of a class-11 cell equals the hand formula (float32).
        gis::RasterDataset ds(run.years[0].raster);
        QCOMPARE(ds.bandCount(), carbon::kRegressionBands);
        std::vector<double> vals;
        std::vector<unsigned char> valid;
        ds.read(carbon::BandCLow, { 0, 0, 1, 1 }, vals, valid);
        const double agb00 = 10 * std::exp(3.5 * double(float(0.5))) * std::exp(0.01);
        QVERIFY(std::fabs(vals[0] - agb00 * 1.23 * 0.47) < 1e-4);
        ds.read(carbon::BandAgb, { 1, 1, 1, 1 }, vals, valid); // the 2020 gap
        QCOMPARE(int(valid[0]), 0);
        ds.read(carbon::BandViGap, { 1, 1, 1, 1 }, vals, valid);
        QCOMPARE(vals[0], 1.0);
    }

    void cloudGapsBlankAndInterpolated() {
        // A cloud gap is a blank with a flag, never zero carbon; optional temporal interpolation; the
        // change over the cells valid on both dates (docs/remote-sensing-carbon.md, "Cloud gaps").
        // Linear model AGB = 100·VI, R 0.2, CF 0.5: density = 60·VI t C/ha; cells of 0.01 ha.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const double nan = std::nan("");
        const QString lcPath = dir.filePath(QStringLiteral("lc.tif"));
        writeRaster(lcPath, gis::RasterSpec::Type::Byte, 0, std::vector<double>(kCols * kRows, 11));
        std::vector<double> v18(kCols * kRows, 0.5), v21(kCols * kRows, 0.6), v24(kCols * kRows, 0.7);
        v21[0] = v21[1] = nan;             // parcel P (row 0, columns 0-2): 2 of 3 cells in the 2021 gap
        v21[std::size_t(kCols)] = nan;     // parcel Q (row 1, columns 0-3): 1 of 4
        v18[std::size_t(2 * kCols)] = nan; // row 2 column 0: a gap in the first year (never filled)
        const QString n18 = dir.filePath(QStringLiteral("n18.tif")),
                      n21 = dir.filePath(QStringLiteral("n21.tif")),
                      n24 = dir.filePath(QStringLiteral("n24.tif"));
        writeRaster(n18, gis::RasterSpec::Type::Float32, nan, v18);
        writeRaster(n21, gis::RasterSpec::Type::Float32, nan, v21);
        writeRaster(n24, gis::RasterSpec::Type::Float32, nan, v24);
        const QString csv = dir.filePath(QStringLiteral("coef.csv"));
        writeFile(csv, "lucode,form,a,b,agb_cap,r_low,r_high,cf\n11,linear,0,100,1000,0.2,0.2,0.5\n");
        const carbon::LoadedRegression coefs = carbon::loadRegressionCoefficients(csv);
        QVERIFY(!params::hasErrors(coefs.issues));
        carbon::RegressionInputs in;
        in.vi = { { n18.toStdString(), 1, 2018 },
                  { n21.toStdString(), 1, 2021 },
                  { n24.toStdString(), 1, 2024 } };
        in.lulc = { { lcPath.toStdString(), 2018 } };
        in.forestCodes = carbon::defaultForestCodes();
        const QString gpkg = dir.filePath(QStringLiteral("p.gpkg"));
        gis::writePolygonLayer(gpkg.toStdString(),
                               QStringLiteral("parcels"),
                               gis::Crs::fromEpsg(4547),
                               { { QStringLiteral("pid"), gis::VectorField::Type::String, 8, 0 } },
                               { { { QStringLiteral("P") }, rect(kX0, kY0 - 10, kX0 + 30, kY0) },
                                 { { QStringLiteral("Q") }, rect(kX0, kY0 - 20, kX0 + 40, kY0 - 10) },
                                 { { QStringLiteral("R") }, rect(kX0, kY0 - 30, kX0 + 10, kY0 - 20) } });
        gis::ParcelReadOptions pro;
        pro.idField = QStringLiteral("pid");
        const gis::ParcelSet parcels = gis::readParcels(gpkg.toStdString(), pro);
        const double scale = parcels.parcels[0].ellipsoidalAreaM2 / parcels.parcels[0].planarAreaM2;
        const double ha = 0.01 * scale;
        auto d = [](double vi) { return double(float(60.0 * double(float(vi)))); };
        gis::ZonalOptions z;
        z.threads = 1;

        for (const bool fill : { false, true }) {
            carbon::RegressionRunOptions opt;
            opt.outDir = dir.filePath(fill ? QStringLiteral("fill") : QStringLiteral("blank")).toStdString();
            QVERIFY(QDir().mkpath(QString::fromStdString(opt.outDir)));
            opt.interpolateGaps = fill;
            const carbon::RegressionRun run = carbon::writeRegressionRasters(in, coefs.lookup, opt);
            QCOMPARE(run.pairs.size(), std::size_t(3)); // 18-21, 21-24, 18-24
            QCOMPARE(run.commonRasters.size(), std::size_t(3));
            const auto res = carbon::runRegressionParcels(parcels, run, 10, z);
            gis::ZonalOptions z2 = z;
            z2.threads = 2;
            const auto res2 = carbon::runRegressionParcels(parcels, run, 10, z2);
            const carbon::RegressionParcel& P = res[0];
            const carbon::RegressionParcel& Q = res[1];
            const carbon::RegressionParcel& R = res[2];
            if (!fill) {
                // P 2021: 1 valid cell of 3 → share 1/3 < 0.5: no stock (blank, not 0).
                QVERIFY(std::fabs(P.years[1].validForestShare() - 1.0 / 3.0) < 1e-6);
                QVERIFY(!carbon::hasRegressionStock(P.years[1]));
                QVERIFY(carbon::hasRegressionStock(P.years[0]));
                // Q 2021: 3 of 4 valid → a stock over the valid cells.
                QVERIFY(carbon::hasRegressionStock(Q.years[1]));
                QVERIFY(std::fabs(Q.years[1].carbonT - 3 * ha * d(0.6)) < 1e-6);
                // P's changes over the cells valid on both dates: 2018-21 and 2021-24 over cell (0, 2).
                QVERIFY(std::fabs(P.changes[0].commonAreaHa - ha) < 1e-12);
                QVERIFY(std::fabs(P.changes[0].changeT - ha * (d(0.6) - d(0.5))) < 1e-6);
                QVERIFY(std::fabs(P.changes[1].changeT - ha * (d(0.7) - d(0.6))) < 1e-6);
                // First → last over all three cells: 3 × (42 − 30) × 0.01 ha.
                QCOMPARE(P.changes[2].year1, 2018);
                QCOMPARE(P.changes[2].year2, 2024);
                QVERIFY(std::fabs(P.changes[2].changeT - 3 * ha * (d(0.7) - d(0.5))) < 1e-6);
                QCOMPARE(P.years[1].viFilledAreaHa, 0.0);
            } else {
                // Filled: VI 2021 = 0.5 + (0.7 − 0.5) × 3/6 = 0.6 on the gap cells; every year has a stock.
                QVERIFY(std::fabs(P.years[1].viFilledAreaHa - 2 * ha) < 1e-12);
                QCOMPARE(P.years[1].viGapAreaHa, 0.0);
                QVERIFY(carbon::hasRegressionStock(P.years[1]));
                QVERIFY(std::fabs(P.years[1].carbonT - 3 * ha * d(0.6)) < 1e-6);
                QVERIFY(std::fabs(P.changes[0].changeT - 3 * ha * (d(0.6) - d(0.5))) < 1e-6);
                QVERIFY(std::fabs(run.years[1].viFilledAreaHa - 3 * 0.01) < 1e-6);
            }
            // R: a gap in the first year is never filled (no extrapolation): no stock in 2018, and the
            // 2018 → 2024 change has no common cell.
            QCOMPARE(R.years[0].viGapAreaHa > 0, true);
            QVERIFY(!carbon::hasRegressionStock(R.years[0]));
            QCOMPARE(R.changes[2].commonAreaHa, 0.0);
            // 1 and 2 threads identical.
            for (std::size_t p = 0; p < res.size(); ++p)
                for (std::size_t c = 0; c < res[p].changes.size(); ++c)
                    QCOMPARE(res2[p].changes[c].changeT, res[p].changes[c].changeT);
        }
    }

    void geographicGrid() {
        // EPSG:4326, 0.001° cells at 23.1°N: areas come from the ellipsoid per row (§7.1), never degrees.
        QTemporaryDir dir;
        const gis::Crs wgs = gis::Crs::fromEpsg(4326);
        gis::RasterSpec s;
        s.grid.originX = 113.3;
        s.grid.originY = 23.1;
        s.grid.cellWidth = s.grid.cellHeight = 0.001;
        s.grid.cols = 4;
        s.grid.rows = 3;
        s.crs = wgs;
        s.overviews = false;
        s.type = gis::RasterSpec::Type::Byte;
        const QString lcPath = dir.filePath(QStringLiteral("lc.tif"));
        {
            gis::RasterWriter w(lcPath.toStdString(), s);
            std::vector<std::uint8_t> v(12, 11);
            w.writeRows(1, 0, 3, v.data());
            w.commit();
        }
        s.type = gis::RasterSpec::Type::Float32;
        s.nodata = std::nan("");
        const QString nPath = dir.filePath(QStringLiteral("ndvi.tif"));
        std::vector<double> ndvi(12);
        for (int i = 0; i < 12; ++i)
            ndvi[std::size_t(i)] = 0.3 + 0.04 * i;
        {
            gis::RasterWriter w(nPath.toStdString(), s);
            w.writeRows(1, 0, 3, ndvi.data());
            w.commit();
        }
        const QString csv = dir.filePath(QStringLiteral("coef.csv"));
        writeFile(csv,
                  "lucode,form,a,b,agb_cap,r_low,r_high,cf\n11,exponential,10,3.5,1000,0.23,0.246,0.47\n");
        const carbon::LoadedRegression coefs = carbon::loadRegressionCoefficients(csv);
        carbon::RegressionInputs in;
        in.vi = { { nPath.toStdString(), 1, 2020 } };
        in.lulc = { { lcPath.toStdString(), 2020 } };
        in.forestCodes = { 11 };
        QVERIFY(!params::hasErrors(carbon::validateRegressionInputs(in, coefs.lookup, csv)));
        carbon::RegressionRunOptions opt;
        opt.outDir = dir.path().toStdString();
        const carbon::RegressionRun run = carbon::writeRegressionRasters(in, coefs.lookup, opt);
        // Whole raster: Σ row areas (m²) of 12 cells.
        double areaM2 = 0, carbonT = 0;
        for (int r = 0; r < 3; ++r) {
            const double top = 23.1 - 0.001 * r;
            const double a =
              gis::geographicCellAreaM2(top - 0.001, top, 0.001, wgs.semiMajorMetres(), wgs.flattening());
            for (int c = 0; c < 4; ++c) {
                areaM2 += a;
                const double agb = 10 * std::exp(3.5 * double(float(ndvi[std::size_t(r * 4 + c)])));
                carbonT += double(float(carbon::carbonDensity(agb, 0.23, 0.47))) * a / 10000.0;
            }
        }
        QVERIFY(std::fabs(run.years[0].forestAreaHa - areaM2 / 10000.0) < 1e-9);
        // A parcel equal to the raster extent: its true area, and carbon within 1e-4 of the exact
        // Σ density × row area (the coverage-weighted mean ignores the row-area variation, documented).
        const QString gpkg = dir.filePath(QStringLiteral("p.gpkg"));
        gis::writePolygonLayer(gpkg.toStdString(),
                               QStringLiteral("p"),
                               wgs,
                               { { QStringLiteral("pid"), gis::VectorField::Type::String, 8, 0 } },
                               { { { QStringLiteral("G") }, rect(113.3, 23.097, 113.304, 23.1) } });
        const gis::ParcelSet parcels = gis::readParcels(gpkg.toStdString(), {});
        const auto res = carbon::runRegressionParcels(parcels, run, 10, {});
        QVERIFY(std::fabs(res[0].years[0].forestAreaHa - areaM2 / 10000.0) < 1e-6 * areaM2 / 10000.0);
        QVERIFY2(
          std::fabs(res[0].years[0].carbonT - carbonT) < 1e-4 * carbonT,
          qPrintable(
            QStringLiteral("%1 vs %2").arg(res[0].years[0].carbonT, 0, 'g', 12).arg(carbonT, 0, 'g', 12)));
        // Not the degree area: 0.001² × 111,320² m² per cell is about 9 % too large at 23°N (§7.1, §10.9).
        QVERIFY(std::fabs(areaM2 - 12 * 0.001 * 0.001 * 111320.0 * 111320.0) > 0.05 * areaM2);
    }

    void inputValidation() {
        QTemporaryDir dir;
        std::vector<double> lc(kCols * kRows, 11), lc2 = lc, ndvi(kCols * kRows, 6500);
        lc2[0] = 13;
        lc2[1] = 14;
        const QString lcPath = dir.filePath(QStringLiteral("lc.tif"));
        const QString lc2Path = dir.filePath(QStringLiteral("lc2.tif"));
        const QString nPath = dir.filePath(QStringLiteral("ndvi.tif"));
        writeRaster(lcPath, gis::RasterSpec::Type::Byte, 0, lc);
        writeRaster(lc2Path, gis::RasterSpec::Type::Byte, 0, lc2);
        writeRaster(nPath, gis::RasterSpec::Type::Float32, -9999, ndvi);
        const QString csv = dir.filePath(QStringLiteral("coef.csv"));
        writeFile(csv,
                  "lucode,form,a,b,agb_cap,r_low,r_high,cf\n11,exponential,10,3.5,200,0.23,0.246,0.47\n50,"
                  "linear,1,1,10,0.2,0.2,0.47\n");
        const carbon::LoadedRegression coefs = carbon::loadRegressionCoefficients(csv);
        QVERIFY(!params::hasErrors(coefs.issues));
        carbon::RegressionInputs in;
        in.vi = { { nPath.toStdString(), 1, 2014 },
                  { nPath.toStdString(), 1, 2016 },
                  { nPath.toStdString(), 1, 2013 } };
        in.lulc = { { lcPath.toStdString(), 2015 }, { lc2Path.toStdString(), 2016 } };
        in.forestCodes = carbon::defaultForestCodes();
        const params::Issues issues = carbon::validateRegressionInputs(in, coefs.lookup, csv);
        QStringList all;
        for (const params::Issue& i : issues)
            all << i.toString();
        const QString text = all.join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("years 2013, 2014 are earlier than every land-cover date")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("probably scaled by 10,000")), qPrintable(text));
        QVERIFY2(
          text.contains(QStringLiteral("without a coefficient row: 13 (in %1); 14 (in %1)").arg(lc2Path)),
          qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("code 50 is not a forest class")), qPrintable(text));

        // A grid mismatch is named with both files.
        gis::RasterSpec s;
        s.grid = synthGrid();
        s.grid.cellWidth = 20;
        s.crs = gis::Crs::fromEpsg(4547);
        s.type = gis::RasterSpec::Type::Byte;
        s.overviews = false;
        const QString other = dir.filePath(QStringLiteral("other.tif"));
        {
            gis::RasterWriter w(other.toStdString(), s);
            std::vector<std::uint8_t> row(kCols * kRows, 11);
            w.writeRows(1, 0, kRows, row.data());
            w.commit();
        }
        in.lulc = { { other.toStdString(), 2010 } };
        const params::Issues gridIssues = carbon::validateRegressionInputs(in, coefs.lookup, csv);
        QVERIFY(params::hasErrors(gridIssues));
        QVERIFY(gridIssues.front().file == other);
        QVERIFY(gridIssues.front().message.contains(QStringLiteral("grid or CRS differs")));
    }
};

QTEST_GUILESS_MAIN(TestCarbonRegression)
#include "tst_carbon_regression.moc"
