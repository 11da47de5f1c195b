// SPDX-License-Identifier: GPL-3.0-or-later
// The classification maths behind the Layer Styling dock (render/): natural breaks against an exhaustive
// search of every partition, quantiles against a hand computation, distinct values and their counts,
// numeric values, class counts, the category palette, inverted ramps, and paletted raster classes
// switched off (not drawn, not in the legend) and distinct raster values.
#include "gis/Crs.h"
#include "render/Classification.h"
#include "render/Legend.h"
#include "render/MapRenderer.h"
#include "render/StyleTools.h"

#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <limits>
#include <set>

using namespace tanhui;
using namespace tanhui::render;

namespace {

/// Sum of squared deviations from the class means of sorted `v` cut before each index in `starts`.
double partitionCost(const std::vector<double>& v, const std::vector<std::size_t>& starts) {
    double cost = 0;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t a = starts[k], b = k + 1 < starts.size() ? starts[k + 1] : v.size();
        double mean = 0;
        for (std::size_t i = a; i < b; ++i)
            mean += v[i];
        mean /= double(b - a);
        for (std::size_t i = a; i < b; ++i)
            cost += (v[i] - mean) * (v[i] - mean);
    }
    return cost;
}

/// The least cost of any partition of sorted `v` into `k` non-empty runs (exhaustive search).
double bestCost(const std::vector<double>& v, int k, std::vector<std::size_t>& starts, std::size_t from) {
    if (int(starts.size()) == k)
        return partitionCost(v, starts);
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t s = from; s + (std::size_t(k) - starts.size()) <= v.size(); ++s) {
        starts.push_back(s);
        best = std::min(best, bestCost(v, k, starts, s + 1));
        starts.pop_back();
    }
    return best;
}

/// The cost of the partition given by class limits (VectorStyle's rule: lower < v ≤ upper).
double costOfLimits(const std::vector<double>& v, const std::vector<double>& limits) {
    std::vector<std::size_t> starts{ 0 };
    for (std::size_t l = 1; l + 1 < limits.size(); ++l) {
        std::size_t i = 0;
        while (i < v.size() && v[i] <= limits[l])
            ++i;
        starts.push_back(i);
    }
    return partitionCost(v, starts);
}

std::string epsgWkt(int code) {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, code);
    char* wkt = nullptr;
    OSRExportToWkt(srs, &wkt);
    std::string out = wkt;
    CPLFree(wkt);
    OSRDestroySpatialReference(srs);
    return out;
}

constexpr double kX0 = 440000, kY0 = 2560000, kCell = 10;

/// 100 × 100 Byte raster: columns 0–49 value 1, 50–99 value 2, nodata 0 in the top-left 10 × 10.
std::string writeTwoClasses(const QString& dir) {
    GDALAllRegister();
    const std::string path = (dir + QStringLiteral("/two.tif")).toStdString();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), 100, 100, 1, GDT_Byte, nullptr);
    double gt[6] = { kX0, kCell, 0, kY0, 0, -kCell };
    GDALSetGeoTransform(ds, gt);
    GDALSetProjection(ds, epsgWkt(4547).c_str());
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALSetRasterNoDataValue(band, 0);
    std::vector<unsigned char> row(100);
    for (int r = 0; r < 100; ++r) {
        for (int c = 0; c < 100; ++c)
            row[std::size_t(c)] = (r < 10 && c < 10) ? 0 : (c < 50 ? 1 : 2);
        if (GDALRasterIO(band, GF_Write, 0, r, 100, 1, row.data(), 100, 1, GDT_Byte, 0, 0) != CE_None)
            return {};
    }
    GDALClose(ds);
    return path;
}

} // namespace

class TestStyleTools : public QObject {
    Q_OBJECT

private slots:
    void naturalBreaksAreOptimal();
    void quantilesByHand();
    void fieldValuesAndCounts();
    void paletteAndRamps();
    void hiddenRasterClasses();
    void changeClassesSplitAtZero();
};

void TestStyleTools::naturalBreaksAreOptimal() {
    // Jenks's own illustration-sized data (a hand-checkable case): three clusters.
    const std::vector<double> clusters{ 4, 5, 9, 10, 18, 19, 20, 35, 38, 40 };
    QCOMPARE(classLimits(clusters, 3, ClassMethod::NaturalBreaks), (std::vector<double>{ 4, 10, 20, 40 }));
    // On pseudo-random vectors, the breaks' within-class squared deviation equals the least one over
    // every partition into k runs (exhaustive search: C(n − 1, k − 1) partitions).
    std::uint32_t seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return double(seed >> 8) / double(1u << 24);
    };
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n = 8 + std::size_t(trial % 7);
        std::vector<double> v;
        for (std::size_t i = 0; i < n; ++i)
            v.push_back(std::round(next() * next() * 1000) / 10); // skewed, as stocks are
        std::sort(v.begin(), v.end());
        for (int k = 2; k <= 5; ++k) {
            const std::vector<double> limits = classLimits(v, k, ClassMethod::NaturalBreaks);
            std::vector<std::size_t> starts{ 0 };
            const double best = bestCost(v, k, starts, 1);
            const double got = costOfLimits(v, limits);
            QVERIFY2(
              std::abs(got - best) <= 1e-9 * std::max(1.0, best),
              qPrintable(
                QStringLiteral("trial %1, k %2: %3 vs optimum %4").arg(trial).arg(k).arg(got).arg(best)));
            QCOMPARE(limits.front(), v.front());
            QCOMPARE(limits.back(), v.back());
        }
    }
}

void TestStyleTools::quantilesByHand() {
    // Sorted: 1 2 3 4 7 8 9 12 15 20. Type 7: h = 9p; p = 0.2 → 2 + 0.8 × 1 = 2.8, 0.4 → 4 + 0.6 × 3 =
    // 5.8, 0.6 → 8 + 0.4 × 1 = 8.4, 0.8 → 12 + 0.2 × 3 = 12.6 (R: quantile(x, type = 7)).
    const std::vector<double> x{ 3, 7, 1, 9, 4, 12, 15, 2, 8, 20 };
    const std::vector<double> q = classLimits(x, 5, ClassMethod::Quantile);
    const std::vector<double> expected{ 1, 2.8, 5.8, 8.4, 12.6, 20 };
    QCOMPARE(q.size(), expected.size());
    for (std::size_t i = 0; i < q.size(); ++i)
        QVERIFY2(std::abs(q[i] - expected[i]) < 1e-12, qPrintable(QString::number(q[i])));
    // Each class then holds two values.
    const std::vector<VectorRange> ranges = graduatedRanges(
      x, 5, ClassMethod::Quantile, ColorRamp::named(QStringLiteral("carbon")), limitDecimals(19));
    QCOMPARE(rangeCounts(ranges, x), (std::vector<std::size_t>{ 2, 2, 2, 2, 2 }));
    QCOMPARE(ranges[1].label, QStringLiteral("2.8 – 5.8"));
    QCOMPARE(limitDecimals(300), 0);
    QCOMPARE(limitDecimals(1.0), 2);
    QCOMPARE(limitDecimals(0.05), 4);
    QCOMPARE(limitDecimals(0), 2);
}

void TestStyleTools::fieldValuesAndCounts() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("p.geojson"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray json = R"({"type":"FeatureCollection","features":[)";
    const char* species[] = { "杉木", "马尾松", "杉木", "桉树", "杉木", nullptr };
    const char* volume[] = { "120.5", "80", "null", "15.25", "80", "7" };
    for (int i = 0; i < 6; ++i) {
        const double x = i * 10;
        json += QByteArray(i ? "," : "") + R"({"type":"Feature","properties":{"species":)" +
                (species[i] ? QByteArray("\"") + species[i] + "\"" : QByteArray("null")) + R"(,"age":)" +
                QByteArray::number(30 - i) + R"(,"vol":)" + volume[i] +
                R"(},"geometry":{"type":"Polygon","coordinates":[[[)" + QByteArray::number(x) + ",0],[" +
                QByteArray::number(x + 5) + ",0],[" + QByteArray::number(x + 5) + ",5],[" +
                QByteArray::number(x) + ",0]]]}}";
    }
    json += "]}";
    f.write(json);
    f.close();
    const auto source = VectorSource::load(path.toStdString(), {}, gis::Crs());
    QCOMPARE(source->size(), std::size_t(6));
    const int s = source->fieldIndex(QStringLiteral("species")),
              a = source->fieldIndex(QStringLiteral("age")), v = source->fieldIndex(QStringLiteral("vol"));
    QVERIFY(!isNumericField(source->info().fields[std::size_t(s)].typeName));
    QVERIFY(isNumericField(source->info().fields[std::size_t(a)].typeName));
    QVERIFY(isNumericField(source->info().fields[std::size_t(v)].typeName));
    // Text: the null first (as ""), then each value once with its count.
    const std::vector<ValueCount> sp = uniqueValues(*source, s);
    QCOMPARE(sp.size(), std::size_t(4));
    QCOMPARE(sp[0].value, QString());
    QCOMPARE(sp[0].count, std::size_t(1));
    std::map<QString, std::size_t> counts;
    for (const auto& x : sp)
        counts[x.value] = x.count;
    QCOMPARE(counts[QStringLiteral("杉木")], std::size_t(3));
    QCOMPARE(counts[QStringLiteral("马尾松")], std::size_t(1));
    // Numbers in numeric order (not text order: 7 < 15.25 < 80 < 120.5), the null first.
    const std::vector<ValueCount> vol = uniqueValues(*source, v);
    QCOMPARE(vol.size(), std::size_t(5));
    QCOMPARE(vol[0].value, QString());
    QCOMPARE(vol[1].value, QStringLiteral("7"));
    QCOMPARE(vol[2].value, QStringLiteral("15.25"));
    QCOMPARE(vol[3].value, QStringLiteral("80"));
    QCOMPARE(vol[3].count, std::size_t(2));
    QCOMPARE(vol[4].value, QStringLiteral("120.5"));
    // Numeric values skip the null; categories match symbolFor's comparison.
    QCOMPARE(numericValues(*source, v), (std::vector<double>{ 120.5, 80, 15.25, 80, 7 }));
    QVERIFY(numericValues(*source, 99).empty());
    VectorStyle style;
    style.kind = VectorStyle::Kind::Categorized;
    style.field = QStringLiteral("species");
    style.categories = categoriesFor(sp, FillSymbol{});
    QCOMPARE(style.categories.size(), std::size_t(4));
    for (std::size_t i = 0; i < source->size(); ++i) {
        const FillSymbol* symbol = style.symbolFor(source->attribute(i, s));
        QVERIFY(symbol);
        const QString value =
          source->attribute(i, s).isNull() ? QString() : source->attribute(i, s).toString();
        QCOMPARE(symbol->fill,
                 qualitativeColor(std::size_t(
                   std::find_if(sp.begin(), sp.end(), [&](const ValueCount& c) { return c.value == value; }) -
                   sp.begin())));
    }
}

void TestStyleTools::paletteAndRamps() {
    std::set<QRgb> colours;
    for (std::size_t i = 0; i < 40; ++i)
        colours.insert(qualitativeColor(i).rgb());
    QCOMPARE(colours.size(), std::size_t(40));
    const ColorRamp carbon = ColorRamp::named(QStringLiteral("carbon"));
    QVERIFY(!isReversedNamedRamp(carbon));
    QVERIFY(isReversedNamedRamp(carbon.reversed()));
    QVERIFY(!isReversedNamedRamp(carbon.reversed().reversed()));
    ColorRamp custom = carbon;
    custom.stops[1].second = Qt::red;
    QVERIFY(!isReversedNamedRamp(custom.reversed()));
}

void TestStyleTools::hiddenRasterClasses() {
    QTemporaryDir dir;
    const std::string path = writeTwoClasses(dir.path());
    QVERIFY(!path.empty());
    MapLayer layer;
    layer.raster = RasterSource::open(path);
    layer.rasterStyle.kind = RasterStyle::Kind::Paletted;
    layer.rasterStyle.classes = {
        RasterClass{ 1, QColor(255, 0, 0), QStringLiteral("Forest"), QStringLiteral("森林"), true },
        RasterClass{ 2, QColor(0, 0, 255), QStringLiteral("Water"), QStringLiteral("水体"), true }
    };
    MapSettings s;
    s.crs = gis::Crs::fromEpsg(4547);
    s.extent = { kX0, kY0 - 1000, kX0 + 1000, kY0 };
    s.size = QSize(100, 100);
    const auto pixel = [&s](const QImage& image, double x, double y) {
        const QPointF p = s.toPixel(x, y);
        return image.pixel(int(p.x()), int(p.y()));
    };
    QImage image = MapRenderer::renderImage(s, { layer });
    QCOMPARE(pixel(image, kX0 + 250, kY0 - 500), qRgb(255, 0, 0));
    QCOMPARE(legendItems(layer, QStringLiteral("zh_CN")).size(), std::size_t(2));
    QCOMPARE(legendItems(layer, QStringLiteral("zh_CN"))[1].label, QStringLiteral("2 水体"));
    // Class 1 switched off: its cells are not drawn, the legend lists class 2 alone.
    layer.rasterStyle.classes[0].visible = false;
    image = MapRenderer::renderImage(s, { layer });
    QCOMPARE(pixel(image, kX0 + 250, kY0 - 500), qRgb(255, 255, 255));
    QCOMPARE(pixel(image, kX0 + 750, kY0 - 500), qRgb(0, 0, 255));
    const auto items = legendItems(layer, QStringLiteral("en"));
    QCOMPARE(items.size(), std::size_t(1));
    QCOMPARE(items[0].label, QStringLiteral("2 Water"));
    // The distinct values of the band (nodata left out), from the reduced read.
    auto dataset = layer.raster->acquire();
    QCOMPARE(distinctValues(*dataset, 1), (std::vector<double>{ 1, 2 }));
    QCOMPARE(distinctValues(*dataset, 1, 1), (std::vector<double>{ 1 }));
    layer.raster->release(std::move(dataset));
}

QTEST_MAIN(TestStyleTools)
#include "tst_styletools.moc"

/// A change map's classes never mix losses and gains: 0 becomes a limit when the values span it, the
/// classes below 0 take the ramp's lower half and those above its upper half; values all of one sign
/// keep their classes.
void TestStyleTools::changeClassesSplitAtZero() {
    const std::vector<double> values{ -36.9, -20, -14, -12, -11.6, 5, 25.5, 27, 30, 32.7 };
    const ColorRamp ramp = ColorRamp::named(QStringLiteral("diverging"));
    const std::vector<VectorRange> quantiles =
      graduatedRanges(values, 4, ClassMethod::Quantile, ramp, 1, true);
    const std::vector<double> plain = classLimits(values, 4, ClassMethod::Quantile);
    QCOMPARE(quantiles.size(), plain.size()); // four classes plus the split at 0
    bool limitAtZero = false;
    for (const VectorRange& r : quantiles) {
        QVERIFY2(!(r.lower < 0 && r.upper > 0), qPrintable(r.label));
        limitAtZero = limitAtZero || r.upper == 0.0;
        const QColor c = r.symbol.fill;
        const QColor low = ramp.at(0.0), high = ramp.at(1.0);
        // Below 0 closer to the ramp's low end, above 0 closer to its high end.
        const auto distance = [&c](const QColor& o) {
            return std::abs(c.red() - o.red()) + std::abs(c.green() - o.green()) +
                   std::abs(c.blue() - o.blue());
        };
        if (r.upper <= 0)
            QVERIFY2(distance(low) <= distance(high), qPrintable(r.label));
        else
            QVERIFY2(distance(high) <= distance(low), qPrintable(r.label));
    }
    QVERIFY(limitAtZero);
    // All gains: no extra class.
    const std::vector<double> gains{ 1, 2, 3, 4, 5, 6, 7, 8 };
    QCOMPARE(graduatedRanges(gains, 4, ClassMethod::Quantile, ramp, 1, true).size(), std::size_t(4));
}
