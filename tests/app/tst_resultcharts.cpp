// SPDX-License-Identifier: GPL-3.0-or-later
// The Result Charts dock (issue 13 "Charts"): on a real carbon result set of the sample project (Monte
// Carlo, 200 iterations) and its GEP, each chart draws the tables' numbers (the stacked pools add up to
// the total per date, the error bars end at p2_5 / p97_5), a parcel's trajectory is its parcels row,
// PNG and SVG exports are valid, a result set without bounds draws no error bars and says so, and
// missing or empty tables give a message in the chart area.
#include "CliRun.h"
#include "app/gui/ChartsDock.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ParcelSeriesView.h"
#include "app/gui/ResultCharts.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "models/carbon/CarbonProject.h"
#include "models/project/Project.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <cmath>

using namespace tanhui;
namespace analysis = tanhui::models::analysis;
using Chart = tanhui::gui::ResultCharts::Chart;

namespace {

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max({ 1.0, std::abs(a), std::abs(b) });
}

QAbstractBarSeries* barsOf(QChart* chart) {
    for (QAbstractSeries* s : chart->series())
        if (auto* b = qobject_cast<QAbstractBarSeries*>(s))
            return b;
    return nullptr;
}

std::vector<QLineSeries*> errorBarsOf(QChart* chart) {
    std::vector<QLineSeries*> out;
    for (QAbstractSeries* s : chart->series())
        if (auto* l = qobject_cast<QLineSeries*>(s))
            out.push_back(l);
    return out;
}

/// An error bar's (category index, low end, high end) in table units; `horizontal`: value on x.
struct Bar {
    double index, low, high;
};
Bar errorBar(QLineSeries* line, bool horizontal, double scale) {
    // Points: low cap (2), stem (low, high), high cap (2) — see report::buildChart.
    const QPointF lo = line->at(2), hi = line->at(3);
    if (horizontal)
        return { lo.y(), lo.x() * scale, hi.x() * scale };
    return { lo.x(), lo.y() * scale, hi.y() * scale };
}

double scaleOf(QChart* chart) {
    return chart->property("valueScale").toDouble();
}

} // namespace

class TestResultCharts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    analysis::ResultSet m_carbon, m_gep;
    gui::ResultCharts* m_charts = nullptr;

    int rowOf(const analysis::Table& t, const QString& keyColumn, const QString& key) {
        return int(t.findRow(keyColumn, key));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        gis::initializeGdal();
        const QString sample = QString::fromLocal8Bit(qgetenv("TANHUI_TEST_SAMPLE"));
        const QString projectFile = QDir(sample).filePath(QStringLiteral("project.tanhui.json"));
        QVERIFY2(QFile::exists(projectFile), qPrintable(projectFile));
        // Under ctest: the fixture sample_results_setup's carbon (30 Monte Carlo iterations) and GEP
        // (tests/sample_results.sh), read here; run alone: both computed below.
        if (const QString results = qEnvironmentVariable("TANHUI_TEST_RESULTS");
            !results.isEmpty() && QFile::exists(results + QStringLiteral("/gep/resultset.json"))) {
            m_carbon = analysis::readResultSet((results + QStringLiteral("/carbon")).toStdString());
            m_gep = analysis::readResultSet((results + QStringLiteral("/gep")).toStdString());
        } else {
            computeResults(projectFile);
        }
        QVERIFY(m_carbon.table(QStringLiteral("totals_by_pool")));
        m_charts = new gui::ResultCharts;
        m_charts->resize(1000, 700);
        m_charts->show();
        m_charts->setResults(&m_carbon, &m_gep);
        QCoreApplication::processEvents();
    }

private:
    /// The carbon run with Monte Carlo and its GEP, when the fixture's results are not there.
    void computeResults(const QString& projectFile) {
        models::Project project = models::Project::load(projectFile);
        // Monte Carlo as `carbon --project --uncertainty --iterations 200 --seed 42 --default-uncertainty
        // 20`.
        project.carbon.uncertainty.present = true;
        project.carbon.uncertainty.iterations = 200;
        project.carbon.uncertainty.seed = 42;
        project.carbon.uncertainty.defaultUPct = 20;
        models::carbon::CarbonProjectOptions options;
        const QString carbonDir = m_dir.filePath(QStringLiteral("carbon"));
        options.outDir = carbonDir.toStdString();
        const models::carbon::CarbonProjectRun run = models::carbon::runCarbonProject(project, options);
        QVERIFY(!run.stopped);
        m_carbon = run.resultSet;
        QVERIFY(m_carbon.table(QStringLiteral("totals_by_pool")));
        // GEP of the same project on these carbon results, through the CLI.
        const QString gepDir = m_dir.filePath(QStringLiteral("gep"));
        const test::CliRun gep = test::runCli({ QStringLiteral("gep"),
                                                QStringLiteral("--project"),
                                                projectFile,
                                                QStringLiteral("--carbon-results"),
                                                carbonDir,
                                                QStringLiteral("--out"),
                                                gepDir,
                                                QStringLiteral("--quiet") },
                                              "en",
                                              900000);
        QVERIFY2(gep.exitCode == 0, qPrintable(gep.err));
        m_gep = analysis::readResultSet(gepDir.toStdString());
    }

private slots:

    void cleanupTestCase() { delete m_charts; }

    void stockByPoolAddsUpWithBounds() {
        m_charts->showChart(Chart::StockByPool);
        QChart* chart = m_charts->chart(Chart::StockByPool);
        QVERIFY2(chart, qPrintable(m_charts->message(Chart::StockByPool)));
        const analysis::Table& pools = *m_carbon.table(QStringLiteral("totals_by_pool"));
        const analysis::Table& summary = *m_carbon.table(QStringLiteral("summary"));
        QAbstractBarSeries* bars = barsOf(chart);
        QVERIFY(bars);
        QCOMPARE(bars->type(), QAbstractSeries::SeriesTypeStackedBar);
        const double scale = scaleOf(chart);
        QVERIFY(scale == 1.0 || scale == 1000.0);
        QCOMPARE(std::size_t(bars->barSets().front()->count()), pools.rowCount());
        // Each pool column is a bar set (same order), each date its table row; the stack is the total.
        int set = 0;
        for (const analysis::Column& c : pools.columns) {
            if (!c.name.endsWith(QLatin1String("_t")) || c.name == QLatin1String("c_total_t"))
                continue;
            QBarSet* bs = bars->barSets().at(set++);
            for (std::size_t r = 0; r < pools.rowCount(); ++r)
                QVERIFY2(close(bs->at(int(r)) * scale, pools.number(r, c.name)), qPrintable(c.name));
        }
        QCOMPARE(set, int(bars->barSets().size()));
        for (std::size_t r = 0; r < pools.rowCount(); ++r) {
            double sum = 0;
            for (QBarSet* bs : bars->barSets())
                sum += bs->at(int(r)) * scale;
            QVERIFY(std::abs(sum - pools.number(r, QStringLiteral("c_total_t"))) <=
                    1e-6 * pools.number(r, QStringLiteral("c_total_t")));
        }
        // One error bar per date, its ends the summary's p2_5 and p97_5 of that date's total.
        const std::vector<QLineSeries*> errors = errorBarsOf(chart);
        QCOMPARE(errors.size(), pools.rowCount());
        QCOMPARE(m_charts->errorBarCount(Chart::StockByPool), int(pools.rowCount()));
        for (std::size_t r = 0; r < pools.rowCount(); ++r) {
            const QString year = QString::number(qlonglong(pools.number(r, QStringLiteral("year"))));
            const Bar b = errorBar(errors[r], false, scale);
            QCOMPARE(b.index, double(r));
            const long long lo =
              summary.findRow(QStringLiteral("quantity"), QStringLiteral("c_total_t_%1_p2_5").arg(year));
            const long long hi =
              summary.findRow(QStringLiteral("quantity"), QStringLiteral("c_total_t_%1_p97_5").arg(year));
            QVERIFY(lo >= 0 && hi >= 0);
            QVERIFY(close(b.low, summary.number(std::size_t(lo), QStringLiteral("value"))));
            QVERIFY(close(b.high, summary.number(std::size_t(hi), QStringLiteral("value"))));
            QVERIFY(b.low < b.high);
        }
        // The axis says the unit.
        auto* axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).front());
        QVERIFY(axis);
        QVERIFY2(axis->titleText().contains(QLatin1String("t C")), qPrintable(axis->titleText()));
    }

    void errorBarsStayAlignedOnResize() {
        // At two sizes of the dock, each drawn error bar is dark on the picture where the chart maps its
        // data, and on the middle of its bar.
        m_charts->showChart(Chart::StockByPool);
        for (const QSize size : { QSize(700, 420), QSize(1200, 760) }) {
            m_charts->resize(size);
            QCoreApplication::processEvents();
            QChart* chart = m_charts->chart(Chart::StockByPool);
            const QImage image = m_charts->renderImage(Chart::StockByPool);
            QCOMPARE(image.size(), m_charts->chartView(Chart::StockByPool)->size());
            const std::vector<QLineSeries*> errors = errorBarsOf(chart);
            QAbstractBarSeries* bars = barsOf(chart);
            QVERIFY(!errors.empty());
            for (std::size_t i = 0; i < errors.size(); ++i) {
                const QPointF lo = errors[i]->at(2), hi = errors[i]->at(3);
                const QPoint stem =
                  chart->mapToPosition(QPointF(lo.x(), (lo.y() + hi.y()) / 2), errors[i]).toPoint();
                bool dark = false;
                for (int dx = -1; dx <= 1; ++dx) {
                    const QColor c = image.pixelColor(stem.x() + dx, stem.y());
                    dark = dark || (c.red() < 110 && c.green() < 110 && c.blue() < 110);
                }
                QVERIFY2(dark, qPrintable(QStringLiteral("error bar %1 at %2").arg(i).arg(size.width())));
                // The bar's horizontal extent at half its height (below the error bar's low end).
                double total = 0;
                for (QBarSet* bs : bars->barSets())
                    total += bs->at(int(i));
                QVERIFY(total / 2 < lo.y());
                const QPoint mid = chart->mapToPosition(QPointF(double(i), total / 2), bars).toPoint();
                const QColor fill = image.pixelColor(mid);
                int left = mid.x(), right = mid.x();
                while (left > 0 && image.pixelColor(left - 1, mid.y()) == fill)
                    --left;
                while (right + 1 < image.width() && image.pixelColor(right + 1, mid.y()) == fill)
                    ++right;
                QVERIFY(right - left > 10);
                QVERIFY2(
                  std::abs((left + right) / 2.0 - stem.x()) <= 1.5,
                  qPrintable(
                    QStringLiteral("bar %1: %2–%3, stem %4").arg(i).arg(left).arg(right).arg(stem.x())));
            }
        }
        m_charts->resize(1000, 700);
        QCoreApplication::processEvents();
    }

    void changeByTypeInCo2eWithBounds() {
        QChart* chart = m_charts->chart(Chart::ChangeByType);
        QVERIFY2(chart, qPrintable(m_charts->message(Chart::ChangeByType)));
        const analysis::Table& byType = *m_carbon.table(QStringLiteral("totals_by_ecosystem_type"));
        const gui::ResultCharts* charts = m_charts;
        const QStringList cats = charts->spec(Chart::ChangeByType).categories;
        // The change from the first to the last date.
        QRegularExpression re(QStringLiteral("^c_total_t_(\\d{4})$"));
        std::vector<int> years;
        for (const analysis::Column& c : byType.columns)
            if (const auto m = re.match(c.name); m.hasMatch())
                years.push_back(m.captured(1).toInt());
        QVERIFY(years.size() >= 2);
        const QString iv = QStringLiteral("%1_%2")
                             .arg(*std::min_element(years.begin(), years.end()))
                             .arg(*std::max_element(years.begin(), years.end()));
        QVERIFY(byType.columnIndex(QStringLiteral("change_tco2e_") + iv) >= 0);
        QVERIFY(!iv.isEmpty());
        const double scale = scaleOf(chart);
        QAbstractBarSeries* bars = barsOf(chart);
        QCOMPARE(bars->type(), QAbstractSeries::SeriesTypeHorizontalBar);
        const std::vector<QLineSeries*> errors = errorBarsOf(chart);
        std::size_t e = 0;
        int index = 0, withBounds = 0;
        for (std::size_t r = 0; r < byType.rowCount(); ++r) {
            if (byType.value(r, QStringLiteral("ecosystem_type")).toString() == QLatin1String("all"))
                continue;
            const double value = byType.number(r, QStringLiteral("change_tco2e_") + iv);
            QVERIFY(close(bars->barSets().front()->at(index) * scale, std::isfinite(value) ? value : 0.0));
            const double lo = byType.number(r, QStringLiteral("change_t_%1_p2_5").arg(iv)) * 44.0 / 12.0;
            const double hi = byType.number(r, QStringLiteral("change_t_%1_p97_5").arg(iv)) * 44.0 / 12.0;
            if (std::isfinite(lo) && std::isfinite(hi)) {
                QVERIFY(e < errors.size());
                const Bar b = errorBar(errors[e++], true, scale);
                QCOMPARE(b.index, double(index));
                QVERIFY(close(b.low, lo));
                QVERIFY(close(b.high, hi));
                ++withBounds;
            }
            ++index;
        }
        QCOMPARE(index, int(cats.size()));
        QCOMPARE(e, errors.size());
        QVERIFY(withBounds > 0);
        auto* axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).front());
        QVERIFY2(axis->titleText().contains(QLatin1String("t CO2e")), qPrintable(axis->titleText()));
    }

    void gepByServiceStacksToCategories() {
        QChart* chart = m_charts->chart(Chart::GepByService);
        QVERIFY2(chart, qPrintable(m_charts->message(Chart::GepByService)));
        const analysis::Table& totals = *m_gep.table(QStringLiteral("totals"));
        double absMax = 0;
        std::map<QString, double> services;
        for (std::size_t r = 0; r < totals.rowCount(); ++r)
            if (totals.value(r, QStringLiteral("group")).toString() == QLatin1String("service")) {
                services[totals.value(r, QStringLiteral("key")).toString()] =
                  totals.number(r, QStringLiteral("value_cny"));
                absMax = std::max(absMax, std::abs(totals.number(r, QStringLiteral("value_cny"))));
            }
        QVERIFY(!services.empty());
        // English: million CNY from 1e6 CNY, thousand CNY from 1e4.
        const double divisor = absMax >= 1e6 ? 1e6 : absMax >= 1e4 ? 1e3 : 1.0;
        auto* axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).front());
        QVERIFY2(
          axis->titleText().contains(divisor == 1e6 ? QLatin1String("million CNY") : QLatin1String("CNY")),
          qPrintable(axis->titleText()));
        QAbstractBarSeries* bars = barsOf(chart);
        QCOMPARE(bars->type(), QAbstractSeries::SeriesTypeStackedBar);
        QCOMPARE(std::size_t(bars->barSets().size()), services.size());
        // Each bar set is a service (sum over categories = its value); each category's stack = its row.
        double total = 0;
        for (QBarSet* bs : bars->barSets()) {
            double sum = 0;
            for (int i = 0; i < bs->count(); ++i)
                sum += bs->at(i);
            total += sum;
            bool found = false;
            for (const auto& [key, value] : services)
                found = found || close(sum * divisor, value);
            QVERIFY2(found, qPrintable(bs->label()));
        }
        const long long gep = totals.findRow(QStringLiteral("key"), QStringLiteral("gep"));
        QVERIFY(gep >= 0);
        QVERIFY(std::abs(total * divisor - totals.number(std::size_t(gep), QStringLiteral("value_cny"))) <=
                1e-6 * std::abs(totals.number(std::size_t(gep), QStringLiteral("value_cny"))));
        const QStringList categories = m_charts->spec(Chart::GepByService).categories;
        for (int c = 0; c < categories.size(); ++c) {
            double stack = 0;
            for (QBarSet* bs : bars->barSets())
                stack += bs->at(c);
            bool found = false;
            for (std::size_t r = 0; r < totals.rowCount(); ++r)
                if (totals.value(r, QStringLiteral("group")).toString() == QLatin1String("category"))
                    found = found || close(stack * divisor, totals.number(r, QStringLiteral("value_cny")));
            QVERIFY2(found, qPrintable(categories[c]));
        }
    }

    void gepByEcosystemEqualsTotals() {
        QChart* chart = m_charts->chart(Chart::GepByEcosystem);
        QVERIFY2(chart, qPrintable(m_charts->message(Chart::GepByEcosystem)));
        const analysis::Table& totals = *m_gep.table(QStringLiteral("totals"));
        std::vector<double> expected;
        for (std::size_t r = 0; r < totals.rowCount(); ++r)
            if (totals.value(r, QStringLiteral("group")).toString() == QLatin1String("ecosystem"))
                expected.push_back(totals.number(r, QStringLiteral("value_cny")));
        std::sort(expected.begin(), expected.end());
        const double absMax = std::max(std::abs(expected.front()), std::abs(expected.back()));
        const double divisor = absMax >= 1e6 ? 1e6 : absMax >= 1e4 ? 1e3 : 1.0;
        QBarSet* bs = barsOf(chart)->barSets().front();
        QCOMPARE(std::size_t(bs->count()), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY(close(bs->at(int(i)) * divisor, expected[i]));
    }

    void chineseInHundredMillionYuan() {
        // The zh_CN interface: Chinese labels and GEP in 亿元 when it reaches 1e8 CNY.
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/tanhui_zh_CN.qm")));
        QCoreApplication::installTranslator(&zh);
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        gui::ResultCharts charts;
        charts.resize(900, 600);
        charts.show();
        charts.setResults(&m_carbon, &m_gep);
        QCoreApplication::removeTranslator(&zh);
        QLocale::setDefault(previous);
        const analysis::Table& totals = *m_gep.table(QStringLiteral("totals"));
        const long long gep = totals.findRow(QStringLiteral("key"), QStringLiteral("gep"));
        const double total = totals.number(std::size_t(gep), QStringLiteral("value_cny"));
        QVERIFY2(total >= 1e8, "the sample's GEP reaches 1e8 CNY");
        QChart* chart = charts.chart(Chart::GepByEcosystem);
        QVERIFY(chart);
        const QString title = chart->axes(Qt::Horizontal).front()->titleText();
        QVERIFY2(title.contains(QStringLiteral("亿元")), qPrintable(title));
        double sum = 0;
        for (int i = 0; i < barsOf(chart)->barSets().front()->count(); ++i)
            sum += barsOf(chart)->barSets().front()->at(i);
        QVERIFY(std::abs(sum * 1e8 - total) <= 1e-6 * total);
        QVERIFY2(charts.chart(Chart::StockByPool)->title().contains(QStringLiteral("碳")),
                 qPrintable(charts.chart(Chart::StockByPool)->title()));
    }

    void parcelTrajectoryIsItsRow() {
        const analysis::Table& parcels = *m_carbon.table(QStringLiteral("parcels"));
        QRegularExpression re(QStringLiteral("^c_total_t_(\\d{4})$"));
        QStringList stockColumns;
        for (const analysis::Column& c : parcels.columns)
            if (re.match(c.name).hasMatch())
                stockColumns << c.name;
        QVERIFY(stockColumns.size() >= 2);
        // A primary row with bounds at every date.
        long long row = -1;
        for (std::size_t r = 0; r < parcels.rowCount() && row < 0; r += 7) {
            if (parcels.value(r, QStringLiteral("primary")).toInt() != 1)
                continue;
            bool all = true;
            for (const QString& c : stockColumns)
                all = all && std::isfinite(parcels.number(r, c + QStringLiteral("_p2_5")));
            if (all)
                row = (long long)r;
        }
        QVERIFY(row >= 0);
        const QString layer = parcels.value(std::size_t(row), QStringLiteral("layer")).toString();
        const qint64 fid = parcels.value(std::size_t(row), QStringLiteral("source_fid")).toLongLong();
        QVERIFY(m_charts->showParcel(layer, fid));
        QChart* chart = m_charts->chart(Chart::ParcelTrajectory);
        QVERIFY(chart);
        const double scale = scaleOf(chart);
        QBarSet* bs = barsOf(chart)->barSets().front();
        const std::vector<QLineSeries*> errors = errorBarsOf(chart);
        QCOMPARE(bs->count(), int(stockColumns.size()));
        QCOMPARE(errors.size(), std::size_t(stockColumns.size()));
        for (int i = 0; i < stockColumns.size(); ++i) {
            QVERIFY(close(bs->at(i) * scale, parcels.number(std::size_t(row), stockColumns[i])));
            const Bar b = errorBar(errors[std::size_t(i)], false, scale);
            QVERIFY(
              close(b.low, parcels.number(std::size_t(row), stockColumns[i] + QStringLiteral("_p2_5"))));
            QVERIFY(
              close(b.high, parcels.number(std::size_t(row), stockColumns[i] + QStringLiteral("_p97_5"))));
        }
        // A feature not in the results: a message naming it, no chart.
        QVERIFY(!m_charts->showParcel(layer, 99999999));
        QVERIFY(!m_charts->chart(Chart::ParcelTrajectory));
        QVERIFY2(m_charts->message(Chart::ParcelTrajectory).contains(QLatin1String("99999999")),
                 qPrintable(m_charts->message(Chart::ParcelTrajectory)));
        QVERIFY(m_charts->showParcel(layer, fid));
    }

    void parcelSeriesReusesTheSeriesView() {
        models::ParcelSeries series;
        for (int y : { 2015, 2018, 2021 }) {
            models::SeriesPoint p;
            p.year = y;
            p.mean = 0.5 + 0.01 * (y - 2015);
            p.validShare = 1;
            series.continuous.push_back(p);
        }
        m_charts->showParcelSeries(QStringLiteral("P-1"), series, {});
        QChart* ndvi = m_charts->parcelSeriesView()->ndviChart();
        QLineSeries* line = nullptr;
        for (QAbstractSeries* s : ndvi->series())
            if (auto* l = qobject_cast<QLineSeries*>(s); l && !line)
                line = l;
        QVERIFY(line);
        QCOMPARE(line->count(), 3);
        QVERIFY(close(line->at(2).y(), 0.56));
    }

    void exportsPngAndSvg() {
        m_charts->showChart(Chart::StockByPool);
        QCoreApplication::processEvents();
        const QString png = m_dir.filePath(QStringLiteral("pools.png"));
        const QString svg = m_dir.filePath(QStringLiteral("pools.svg"));
        m_charts->exportChart(Chart::StockByPool, png);
        m_charts->exportChart(Chart::StockByPool, svg);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_charts->chartView(Chart::StockByPool)->size());
        // Not blank: the bars' colours are in it.
        QVERIFY(image.pixelColor(image.width() / 2, image.height() / 2) != QColor(Qt::white) ||
                image.pixelColor(image.width() / 3, image.height() * 3 / 4) != QColor(Qt::white));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QXmlStreamReader xml(bytes);
        int texts = 0;
        QString allText;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                ++texts;
            if (xml.isCharacters())
                allText += xml.text();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(texts > 0);
        // The series (legend) and the title are in the SVG.
        for (const QString& name :
             { QStringLiteral("Above-ground biomass"), QStringLiteral("Soil organic carbon") })
            QVERIFY2(allText.contains(name), qPrintable(name));
        QVERIFY(allText.contains(QLatin1String("Carbon stock by pool")));
        // Every chart exports.
        for (Chart c :
             { Chart::ChangeByType, Chart::GepByService, Chart::GepByEcosystem, Chart::ParcelTrajectory }) {
            m_charts->showChart(c);
            QCoreApplication::processEvents();
            const QString p = m_dir.filePath(gui::ResultCharts::key(c) + QStringLiteral(".png"));
            m_charts->exportChart(c, p);
            QCOMPARE(QImage(p).size(), m_charts->chartView(c)->size());
        }
        // A wrong suffix or an unwritable folder: an error naming the file, nothing written.
        QVERIFY_THROWS_EXCEPTION(
          gis::GisError, m_charts->exportChart(Chart::StockByPool, m_dir.filePath(QStringLiteral("x.jpg"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.jpg"))));
        try {
            m_charts->exportChart(Chart::StockByPool, QStringLiteral("/nonexistent-folder/x.png"));
            QFAIL("no error");
        } catch (const gis::GisError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("nonexistent-folder")), e.what());
        }
        // The chart's context menu has the two exports.
        QCOMPARE(m_charts->chartView(Chart::StockByPool)->actions().size(), 2);
    }

    void noBoundsNoErrorBars() {
        // The same results without their Monte Carlo bounds.
        analysis::ResultSet rs = m_carbon;
        analysis::Table* summary = rs.table(QStringLiteral("summary"));
        for (auto& row : summary->rows)
            if (row[0].toString().endsWith(QLatin1String("_p2_5")) ||
                row[0].toString().endsWith(QLatin1String("_p97_5")))
                row[1] = QVariant();
        analysis::Table* byType = rs.table(QStringLiteral("totals_by_ecosystem_type"));
        for (auto& row : byType->rows)
            for (std::size_t c = 0; c < byType->columns.size(); ++c)
                if (byType->columns[c].name.endsWith(QLatin1String("_p2_5")) ||
                    byType->columns[c].name.endsWith(QLatin1String("_p97_5")))
                    row[c] = QVariant();
        gui::ResultCharts charts;
        charts.resize(800, 500);
        charts.show();
        charts.setResults(&rs, nullptr);
        for (Chart c : { Chart::StockByPool, Chart::ChangeByType }) {
            QVERIFY(charts.chart(c));
            QCOMPARE(charts.errorBarCount(c), 0);
            QVERIFY(errorBarsOf(charts.chart(c)).empty());
            QVERIFY2(charts.note(c).contains(QLatin1String("No error bars")), qPrintable(charts.note(c)));
        }
        // With bounds, the note explains the bars instead.
        QVERIFY(m_charts->note(Chart::StockByPool).contains(QLatin1String("95 %")));
    }

    void missingAndEmptyTablesSaySo() {
        gui::ResultCharts charts;
        charts.resize(800, 500);
        charts.show();
        // Nothing at all.
        for (int i = 0; i < gui::ResultCharts::kChartCount; ++i) {
            QVERIFY(!charts.chart(Chart(i)));
            QVERIFY(!charts.message(Chart(i)).isEmpty());
        }
        QVERIFY_THROWS_EXCEPTION(
          gis::GisError, charts.exportChart(Chart::StockByPool, m_dir.filePath(QStringLiteral("none.png"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.png"))));
        // Result sets without the tables, and with empty ones.
        analysis::ResultSet empty;
        charts.setResults(&empty, &empty);
        QVERIFY(charts.message(Chart::StockByPool).contains(QLatin1String("totals_by_pool")));
        QVERIFY(charts.message(Chart::ChangeByType).contains(QLatin1String("totals_by_ecosystem_type")));
        QVERIFY(charts.message(Chart::GepByService).contains(QLatin1String("totals")));
        QVERIFY(charts.message(Chart::GepByEcosystem).contains(QLatin1String("totals")));
        QVERIFY(!charts.showParcel(QStringLiteral("xiaoban"), 1));
        QVERIFY(charts.message(Chart::ParcelTrajectory).contains(QLatin1String("parcels")));
        analysis::ResultSet hollow = m_carbon;
        hollow.table(QStringLiteral("totals_by_pool"))->rows.clear();
        analysis::ResultSet hollowGep;
        analysis::Table totals = *m_gep.table(QStringLiteral("totals"));
        totals.rows.clear();
        hollowGep.addTable(totals);
        charts.setResults(&hollow, &hollowGep);
        QVERIFY(!charts.chart(Chart::StockByPool));
        QVERIFY(charts.message(Chart::StockByPool).contains(QLatin1String("no rows")));
        QVERIFY(!charts.chart(Chart::GepByService));
        QVERIFY(!charts.message(Chart::GepByService).isEmpty());
        QVERIFY(charts.chart(Chart::ChangeByType)); // the rest still draws
    }

    void dockInMainWindow() {
        gui::MainWindow window;
        gui::ChartsDock* dock = window.chartsDock();
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        QAction* toggle = window.findChild<QAction*>(QStringLiteral("chartsDockAction"));
        QVERIFY(toggle);
        window.show();
        toggle->trigger();
        QVERIFY(dock->isVisible());
        dock->setResults(&m_carbon, &m_gep);
        QVERIFY(dock->charts()->chart(Chart::StockByPool));
    }
};

QTEST_MAIN(TestResultCharts)
#include "tst_resultcharts.moc"
