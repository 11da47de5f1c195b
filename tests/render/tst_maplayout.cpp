// SPDX-License-Identifier: GPL-3.0-or-later
// Map layouts (render/MapLayout, render/ProjectMaps; issue 14 "Map export") on the sample project: page
// size × DPI, a map that is not blank, a legend listing exactly the classes drawn, nothing outside the
// page, PNG / PDF (text through pdftotext) / SVG (well-formed XML) exports, atomic writes, the atlas.
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/RasterDataset.h"
#include "models/project/Project.h"
#include "render/MapLayout.h"
#include "render/ProjectMaps.h"

#include <QDir>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <set>

using namespace tanhui;
using namespace tanhui::render;

namespace {

QString runTool(const QString& tool, const QStringList& args) {
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("FAILED: ") + QString::fromLocal8Bit(p.readAllStandardError());
    // NFKC: Noto Sans CJK shares glyphs between some ideographs and Kangxi radicals (土 and ⼟), so the
    // PDF's text layer may give the radical.
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

std::set<QRgb> coloursIn(const QImage& image, const QRect& rect) {
    std::set<QRgb> colours;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            colours.insert(rgb.pixel(x, y) & 0xffffffu);
    return colours;
}

QRect pixelRect(const QRectF& mm, double dpi) {
    const double s = dpi / 25.4;
    return QRectF(mm.left() * s, mm.top() * s, mm.width() * s, mm.height() * s)
      .toAlignedRect()
      .adjusted(2, 2, -2, -2);
}

bool inside(const QRectF& inner, const QRectF& outer) {
    return inner.isEmpty() || outer.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(inner);
}

} // namespace

class TestMapLayout : public QObject {
    Q_OBJECT

    QString m_dir;
    models::Project m_project;

    MapLayout defaultLayout(const QString& lang = QStringLiteral("en"), double dpi = 100) {
        ProjectMapRequest request;
        request.language = lang;
        request.dpi = dpi;
        return projectMapLayout(m_project, request);
    }

private slots:
    void initTestCase() {
        m_dir = test::sampleProjectDir();
        if (m_dir.isEmpty())
            QFAIL("the sample project is missing: run through ctest (fixture sample_project_setup)");
        m_project = models::Project::load(QDir(m_dir).filePath(QStringLiteral("project.tanhui.json")));
    }

    void pageSizes() {
        LayoutPage page;
        page.size = QPageSize::A4;
        page.orientation = QPageLayout::Landscape;
        page.dpi = 150;
        QCOMPARE(page.sizePixels(), QSize(1754, 1240)); // 297 × 210 mm at 150 dpi
        page.orientation = QPageLayout::Portrait;
        page.size = QPageSize::A3;
        page.dpi = 100;
        QCOMPARE(page.sizePixels(), QSize(1169, 1654)); // 297 × 420 mm
    }

    void cjkFont() {
        const QFont font(cjkFontFamily());
        const QFontMetricsF metrics(font);
        for (const QChar c : QStringLiteral("常绿阔叶林红树林图例比例尺"))
            QVERIFY2(metrics.inFont(c), qPrintable(cjkFontFamily() + QStringLiteral(" lacks ") + c));
    }

    // The exported PNG is page × DPI pixels and its map is not blank.
    void pngSizeAndNotBlank() {
        const MapLayout layout = defaultLayout(QStringLiteral("en"), 100);
        QCOMPARE(layout.title, m_project.name);
        QVERIFY(layout.layers.size() >= 3); // land cover, parcels, districts
        QCOMPARE(layout.layers.front().map.id, QStringLiteral("landcover_2024"));
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("map.png"));
        exportLayout(layout, png);
        QImage image(png);
        QCOMPARE(image.size(), layout.page.sizePixels());
        QCOMPARE(image.size(), QSize(1169, 827));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 100);
        const LayoutGeometry g = layoutGeometry(layout);
        const std::set<QRgb> colours = coloursIn(image, pixelRect(g.map, 100));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() == 1); // no temporary left
    }

    // The legend lists exactly the land-cover classes drawn: a class is listed if and only if its
    // colour is in the map, for the full view and for a zoomed view with fewer classes.
    void legendListsDrawnClasses() {
        MapLayout layout = defaultLayout(QStringLiteral("en"), 100);
        layout.layers.resize(1); // land cover alone: no outline blends with class colours
        // Returns the number of classes drawn, or -1 with `problem` set.
        QString problem;
        const auto check = [&](const gis::Box& extent) -> int {
            layout.extent = extent;
            const LayoutGeometry g = layoutGeometry(layout);
            const QImage image = renderLayoutImage(layout);
            const std::set<QRgb> colours = coloursIn(image, pixelRect(g.map, layout.page.dpi));
            std::set<QString> listed;
            for (const LegendSection& s : g.legendSections)
                for (const LegendItem& item : s.items)
                    listed.insert(item.label);
            int drawn = 0;
            for (const models::ProjectClass& c : m_project.classes) {
                const bool inMap = colours.count(QColor(c.color).rgb() & 0xffffffu) > 0;
                const QString label = QStringLiteral("%1 %2").arg(c.code).arg(c.nameEn);
                if (inMap != (listed.count(label) > 0)) {
                    problem = label + (inMap ? QStringLiteral(" drawn but not listed")
                                             : QStringLiteral(" listed, not drawn"));
                    return -1;
                }
                drawn += inMap ? 1 : 0;
            }
            if (int(listed.size()) != drawn) {
                problem = QStringLiteral("%1 listed, %2 drawn").arg(listed.size()).arg(drawn);
                return -1;
            }
            return drawn;
        };
        const int full = check({});
        QVERIFY2(full >= 8, qPrintable(problem));
        // A 1.5 km square in the hilly north: fewer classes.
        const gis::Box all = layerExtent(layout.layers.front().map, layout.crs);
        const double cx = all.xmin + all.width() * 0.3, cy = all.ymax - all.height() * 0.2;
        const int zoomed = check({ cx - 750, cy - 750, cx + 750, cy + 750 });
        QVERIFY2(zoomed >= 1 && zoomed < full,
                 qPrintable(QStringLiteral("%1 of %2 %3").arg(zoomed).arg(full).arg(problem)));
    }

    // Parcel categories: only the categories of features in view; Chinese names with zh_CN.
    void legendChineseAndCategories() {
        const MapLayout layout = defaultLayout(QStringLiteral("zh_CN"), 100);
        const std::vector<LegendSection> legend = layoutLegend(layout);
        QVERIFY(!legend.empty());
        bool chinese = false;
        for (const LegendSection& s : legend)
            for (const LegendItem& item : s.items)
                chinese = chinese || item.label.contains(QStringLiteral("常绿阔叶林"));
        QVERIFY(chinese);
        // A categorised parcel layer alone, zoomed on one feature: at most a few categories.
        const models::ProjectLayer* wetland = m_project.layer(QStringLiteral("wetland_units"));
        QVERIFY(wetland);
        MapLayout one = layout;
        one.layers = { projectLayoutLayer(m_project, *wetland, layout.crs, QStringLiteral("en")) };
        const VectorStyle& style = one.layers.front().map.vectorStyle;
        QCOMPARE(style.kind, VectorStyle::Kind::Categorized);
        const std::size_t allCats = layoutLegend(one).front().items.size();
        QCOMPARE(allCats, style.categories.size());
        const gis::Box b = one.layers.front().map.vector->bounds(0);
        one.extent = { b.xmin, b.ymin, b.xmin + b.width() / 50, b.ymin + b.height() / 50 };
        const std::vector<LegendSection> zoomed = layoutLegend(one);
        QVERIFY(zoomed.empty() || zoomed.front().items.size() < allCats);
    }

    // Every element stays inside the page's margins, also on a small portrait page with a long title,
    // grid and overview; a legend too long for its frame is shortened, never drawn off the page.
    void nothingOverflows() {
        MapLayout layout = defaultLayout(QStringLiteral("zh_CN"), 72);
        layout.title = QString(80, QChar(0x6797));
        layout.subtitle = QStringLiteral("subtitle");
        layout.page.size = QPageSize::A5;
        layout.page.orientation = QPageLayout::Portrait;
        layout.options.grid = true;
        layout.options.overview = true;
        const LayoutGeometry g = layoutGeometry(layout);
        const double m = layout.page.marginMm;
        const QRectF content(m, m, g.page.width() - 2 * m, g.page.height() - 2 * m);
        for (const QRectF& r :
             { g.title, g.subtitle, g.legend, g.overview, g.scaleBar, g.northArrow, g.notes })
            QVERIFY2(
              inside(r, content),
              qPrintable(QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
        QVERIFY(inside(g.map.adjusted(-5, -5, 5, 5), content)); // with the grid labels' gutter
        QVERIFY(!g.map.intersects(g.legend) && !g.map.intersects(g.overview) && !g.map.intersects(g.notes));
        // The page's outer margin stays white: nothing is painted there.
        const QImage image = renderLayoutImage(layout);
        const int marginPx = int(m * 72 / 25.4) - 2;
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (x < marginPx || y < marginPx || x >= image.width() - marginPx ||
                    y >= image.height() - marginPx)
                    QVERIFY2((rgb.pixel(x, y) & 0xffffffu) == 0xffffffu,
                             qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
    }

    // PDF (text extracted with pdftotext), SVG (well-formed XML with the title) and refused extensions.
    void pdfAndSvg() {
        MapLayout layout = defaultLayout(QStringLiteral("zh_CN"), 100);
        layout.title = QStringLiteral("样例 土地覆被图");
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
        exportLayout(layout, pdf);
        const QString text = runTool(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
        QVERIFY2(text.contains(layout.title), qPrintable(text.left(400)));
        QVERIFY2(text.contains(QStringLiteral("常绿阔叶林")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(QStringLiteral("EPSG:4547")), qPrintable(text.left(400)));
        // Vector where possible: the land cover is the only image, losslessly compressed (no JPEG
        // artefacts in the classes); polygons, text and furniture are vectors.
        const QStringList images = runTool(QStringLiteral("pdfimages"), { QStringLiteral("-list"), pdf })
                                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                     .filter(QRegularExpression(QStringLiteral("^\\s*1\\s+\\d+\\s+image")));
        QVERIFY2(images.size() == 1, qPrintable(images.join(QLatin1Char('\n'))));
        QVERIFY2(!images.front().contains(QStringLiteral("jpeg")), qPrintable(images.front()));
        const QString info = runTool(QStringLiteral("pdfinfo"), { pdf });
        QVERIFY2(info.contains(QStringLiteral("842 x 595")) ||
                   info.contains(QStringLiteral("841.89 x 595.276")),
                 qPrintable(info));

        const QString svg = dir.filePath(QStringLiteral("map.svg"));
        exportLayout(layout, svg);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QXmlStreamReader xml(bytes);
        int elements = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement)
                ++elements;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(elements > 50);
        QVERIFY(QString::fromUtf8(bytes).contains(layout.title));

        const QString bad = dir.filePath(QStringLiteral("map.jpg"));
        const gis::GisError e = test::expectError([&] { exportLayout(layout, bad); });
        QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("\"jpg\"")), e.what());
        QVERIFY(!QFile::exists(bad));
        // A failed write leaves the old file as it was.
        const QString blocked = dir.filePath(QStringLiteral("no/such/folder/map.png"));
        QCOMPARE(test::expectError([&] { exportLayout(layout, blocked); }).kind(), gis::GisError::Kind::Io);
    }

    // Atlas: one page per district, the extent fitted to it, its name in the title; a multi-page PDF and
    // one PNG per district.
    void atlas() {
        MapLayout base = defaultLayout(QStringLiteral("en"), 50);
        QStringList suffixes;
        const std::vector<MapLayout> pages =
          projectAtlas(m_project, base, QStringLiteral("districts"), QString(), suffixes);
        const LayoutLayer districts = projectLayoutLayer(
          m_project, *m_project.layer(QStringLiteral("districts")), base.crs, QStringLiteral("en"));
        QCOMPARE(pages.size(), districts.map.vector->size());
        QCOMPARE(suffixes.size(), qsizetype(pages.size()));
        const int nameField = districts.map.vector->fieldIndex(QStringLiteral("名称"));
        QVERIFY(nameField >= 0);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const gis::Box b = districts.map.vector->bounds(i);
            const gis::Box e = pages[i].extent;
            QVERIFY(e.xmin <= b.xmin && e.ymin <= b.ymin && e.xmax >= b.xmax && e.ymax >= b.ymax);
            QVERIFY(e.width() < b.width() * 1.2);
            QVERIFY(pages[i].title.startsWith(districts.map.vector->attribute(i, nameField).toString()));
        }
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("atlas.pdf"));
        QCOMPARE(exportAtlas(pages, suffixes, pdf), QStringList{ pdf });
        const QString info = runTool(QStringLiteral("pdfinfo"), { pdf });
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\b").arg(pages.size()))),
                 qPrintable(info));
        const QString text = runTool(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
        for (std::size_t i = 0; i < pages.size(); ++i)
            QVERIFY(text.contains(districts.map.vector->attribute(i, nameField).toString()));
        const QStringList pngs = exportAtlas(pages, suffixes, dir.filePath(QStringLiteral("atlas.png")));
        QCOMPARE(pngs.size(), qsizetype(pages.size()));
        for (const QString& png : pngs)
            QCOMPARE(QImage(png).size(), base.page.sizePixels());
        const gis::GisError e = test::expectError(
          [&] { projectAtlas(m_project, base, QStringLiteral("nope"), QString(), suffixes); });
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("--atlas nope")), e.what());
    }

    // Layout names and dates from the project; unknown layers and years are named.
    void projectLayouts() {
        models::ProjectLayout pl;
        pl.name = QStringLiteral("lc2015");
        pl.layers = { QStringLiteral("landcover_2024"), QStringLiteral("districts") };
        pl.year = 2015;
        pl.page = QStringLiteral("A3");
        pl.orientation = QStringLiteral("portrait");
        pl.dpi = 60;
        ProjectMapRequest request;
        request.layout = &pl;
        MapLayout layout = projectMapLayout(m_project, request);
        QCOMPARE(layout.layers.front().map.id, QStringLiteral("landcover_2015")); // swapped for the date
        QCOMPARE(layout.page.sizePixels(), QSize(702, 992));
        request.year = 2018;
        layout = projectMapLayout(m_project, request);
        QCOMPARE(layout.layers.front().map.id, QStringLiteral("landcover_2018"));
        request.year = 2016;
        gis::GisError e = test::expectError([&] { projectMapLayout(m_project, request); });
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("--date 2016")), e.what());
        request.year.reset();
        // A layer whose file is missing: named with its resolved path.
        models::Project broken = m_project;
        for (models::ProjectLayer& l : broken.layers)
            if (l.id == QLatin1String("landcover_2015"))
                l.path = QStringLiteral("rasters/missing.tif");
        e = test::expectError([&] { projectMapLayout(broken, request); });
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("Layer landcover_2015")) &&
                   QString::fromUtf8(e.what()).contains(QStringLiteral("missing.tif")),
                 e.what());
        pl.layers = { QStringLiteral("nope") };
        e = test::expectError([&] { projectMapLayout(m_project, request); });
        QVERIFY2(QString::fromUtf8(e.what()).contains(
                   QStringLiteral("layout \"lc2015\": layers: unknown layer \"nope\"")),
                 e.what());
    }
};

QTEST_MAIN(TestMapLayout)
#include "tst_maplayout.moc"
