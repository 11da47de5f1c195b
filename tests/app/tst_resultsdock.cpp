// SPDX-License-Identifier: GPL-3.0-or-later
// The Results dock (issue 13, "Results") on a real carbon result set of the sample project (tanhui-cli
// carbon --project with a small Monte Carlo run, so the totals carry 95 % bounds): the parcel table
// against the result set, sorting and filtering, the selection synced with the map both ways, totals by
// ecosystem type against totals_by_ecosystem_type.csv with bounds, a failing ledger check flagged, the
// project's "results" section saved and reopened (a missing folder reported), and the result layer's
// graduated styles.
#include "CliRun.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/ResultColumnLabels.h"
#include "app/gui/ResultLayer.h"
#include "app/gui/ResultTableModel.h"
#include "app/gui/ResultsDock.h"
#include "app/report/ResultChartData.h"
#include "gis/Crs.h"
#include "models/analysis/ResultSet.h"
#include "models/project/Project.h"
#include "render/ColorRamp.h"
#include "render/VectorStyle.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using tanhui::gui::ResultFilterModel;
using tanhui::gui::ResultQuantity;
using tanhui::gui::ResultsDock;
using tanhui::gui::ResultTableModel;
namespace analysis = tanhui::models::analysis;

namespace {

QString sampleProject() {
    return QString::fromLocal8Bit(qgetenv("TANHUI_TEST_SAMPLE")) + QStringLiteral("/project.tanhui.json");
}

/// A CSV file (RFC 4180 quoting, no line breaks inside fields), read here independently of gis/.
std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    while (!f.atEnd()) {
        QString line = QString::fromUtf8(f.readLine());
        while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.isEmpty())
            continue;
        QStringList fields;
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line[i];
            if (quoted) {
                if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else if (c == QLatin1Char('"')) {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                fields << field;
                field.clear();
            } else {
                field += c;
            }
        }
        fields << field;
        rows.push_back(fields);
    }
    return rows;
}

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

} // namespace

class TestResultsDock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void parcelTable();
    void sortAndFilter();
    void selectionSignals();
    void selectionWithMap();
    void columnLabels();
    void gepSelection();
    void totalsWithBounds();
    void ledgerFailure();
    void provenance();
    void resultsSection();
    void resultLayerStyles();

private:
    QTemporaryDir m_tmp;
    QString m_carbon; ///< the carbon result folder
    analysis::ResultSet m_rs;
};

void TestResultsDock::initTestCase() {
    QVERIFY(m_tmp.isValid());
    QVERIFY2(QFile::exists(sampleProject()), qPrintable(sampleProject()));
    m_carbon = m_tmp.filePath(QStringLiteral("carbon"));
    // TANHUI_TEST_CARBON_RESULTS=<folder>: a carbon --project --uncertainty run of the sample made
    // before, copied in (re-running a test function without the minutes of the run).
    // Under ctest: the fixture sample_results_setup's run (tests/sample_results.sh), copied in.
    QString reuse = qEnvironmentVariable("TANHUI_TEST_CARBON_RESULTS");
    if (reuse.isEmpty() && !qEnvironmentVariable("TANHUI_TEST_RESULTS").isEmpty())
        reuse = qEnvironmentVariable("TANHUI_TEST_RESULTS") + QStringLiteral("/carbon");
    if (!reuse.isEmpty()) {
        QVERIFY(QProcess::execute(QStringLiteral("cp"), { QStringLiteral("-r"), reuse, m_carbon }) == 0);
        m_rs = analysis::readResultSet(m_carbon.toStdString());
        return;
    }
    const auto run = tanhui::test::runCli({ QStringLiteral("carbon"),
                                            QStringLiteral("--project"),
                                            sampleProject(),
                                            QStringLiteral("--out"),
                                            m_carbon,
                                            QStringLiteral("--uncertainty"),
                                            QStringLiteral("--iterations"),
                                            QStringLiteral("30"),
                                            QStringLiteral("--seed"),
                                            QStringLiteral("42"),
                                            QStringLiteral("--default-uncertainty"),
                                            QStringLiteral("10"),
                                            QStringLiteral("--quiet") },
                                          "en",
                                          1500000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_rs = analysis::readResultSet(m_carbon.toStdString());
    QVERIFY(m_rs.table(QStringLiteral("parcels")));
    QVERIFY(m_rs.table(QStringLiteral("parcels"))->rowCount() > 1000);
}

void TestResultsDock::parcelTable() {
    ResultsDock dock;
    QString error;
    QVERIFY2(dock.openFolder(m_carbon, &error), qPrintable(error));
    QVERIFY(dock.carbon());
    QVERIFY(dock.showParcelTable(QStringLiteral("parcels")));
    const analysis::Table& t = *m_rs.table(QStringLiteral("parcels"));
    ResultTableModel* model = dock.parcelModel();
    QCOMPARE(model->rowCount(), int(t.rowCount()));
    QCOMPARE(model->columnCount(), int(t.columns.size()));
    QCOMPARE(dock.parcelFilter()->rowCount(), int(t.rowCount())); // every row reaches the view
    // Headers "label (unit)" with the column's name and description as tooltip.
    const int area = model->columnOf(QStringLiteral("area_ha"));
    QVERIFY(area >= 0);
    QCOMPARE(model->headerData(area, Qt::Horizontal).toString(), QStringLiteral("Area (ha)"));
    QCOMPARE(model->headerData(area, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("area_ha: ") + t.column(QStringLiteral("area_ha"))->description);
    QCOMPARE(model->headerData(model->columnOf(QStringLiteral("layer")), Qt::Horizontal).toString(),
             QStringLiteral("Layer"));
    QCOMPARE(model->headerData(model->columnOf(QStringLiteral("c_total_t_2015")), Qt::Horizontal).toString(),
             QStringLiteral("Carbon stock 2015 (t C)"));
    // A parcel's values equal the result set's, and show in the locale.
    const std::size_t row = t.rowCount() / 3;
    for (int c = 0; c < model->columnCount(); ++c) {
        const int tc = model->tableColumn(c);
        const QVariant expected = t.value(row, tc);
        const QVariant shown = model->index(int(row), c).data(ResultTableModel::RawRole);
        if (expected.isNull()) {
            QVERIFY2(shown.isNull() || shown.toString().isEmpty(),
                     qPrintable(t.columns[std::size_t(tc)].name));
        } else if (model->isNumeric(c)) {
            QVERIFY2(close(shown.toDouble(), expected.toDouble()),
                     qPrintable(t.columns[std::size_t(tc)].name));
        } else {
            QCOMPARE(shown.toString(), expected.toString());
        }
    }
    const double a = t.number(row, QStringLiteral("area_ha"));
    QCOMPARE(model->index(int(row), area).data().toString(), QLocale().toString(a, 'f', 2));
    // The method by its name, as the report names it; the key stays the raw value.
    const int method = model->columnOf(QStringLiteral("method"));
    QVERIFY(method >= 0);
    int pools = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QString key = model->index(r, method).data(ResultTableModel::RawRole).toString();
        QCOMPARE(model->index(r, method).data().toString(), tanhui::report::methodName(key));
        if (key == QLatin1String("pools")) {
            ++pools;
            QCOMPARE(model->index(r, method).data().toString(),
                     QStringLiteral("Carbon pools (InVEST Carbon)"));
        }
    }
    QVERIFY(pools > 0);
}

void TestResultsDock::sortAndFilter() {
    ResultsDock dock;
    QVERIFY(dock.openFolder(m_carbon));
    const analysis::Table& t = *m_rs.table(QStringLiteral("parcels"));
    ResultFilterModel* proxy = dock.parcelFilter();
    const int area = dock.parcelModel()->columnOf(QStringLiteral("area_ha"));
    // Numeric sort: ascending over every row, the largest first when descending.
    dock.parcelView()->sortByColumn(area, Qt::AscendingOrder);
    double previous = -1;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QVariant v = proxy->index(r, area).data(ResultTableModel::RawRole);
        if (v.isNull())
            continue;
        QVERIFY2(v.toDouble() >= previous, qPrintable(QString::number(r)));
        previous = v.toDouble();
    }
    double largest = -1;
    for (std::size_t r = 0; r < t.rowCount(); ++r)
        largest = std::max(largest, t.number(r, QStringLiteral("area_ha")));
    dock.parcelView()->sortByColumn(area, Qt::DescendingOrder);
    QVERIFY(close(proxy->index(0, area).data(ResultTableModel::RawRole).toDouble(), largest));

    // Text filter in one column, and in any text column.
    int mangrove = 0, large = 0;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        if (t.value(r, QStringLiteral("ecosystem_type")).toString().contains(QStringLiteral("mangrove")))
            ++mangrove;
        if (t.number(r, QStringLiteral("area_ha")) > 5)
            ++large;
    }
    QVERIFY(mangrove > 0 && mangrove < int(t.rowCount()));
    dock.setParcelFilter(QStringLiteral("ecosystem_type"), QStringLiteral("MANGROVE"));
    QCOMPARE(proxy->rowCount(), mangrove);
    dock.setParcelFilter(QStringLiteral("area_ha"), QStringLiteral("> 5"));
    QCOMPARE(proxy->rowCount(), large);
    dock.setParcelFilter(QString(), QStringLiteral("no such parcel anywhere"));
    QCOMPARE(proxy->rowCount(), 0);
    dock.setParcelFilter(QString(), QString());
    QCOMPARE(proxy->rowCount(), int(t.rowCount()));
}

void TestResultsDock::selectionSignals() {
    ResultsDock dock;
    QVERIFY(dock.openFolder(m_carbon));
    const analysis::Table& t = *m_rs.table(QStringLiteral("parcels"));
    QSignalSpy spy(&dock, &ResultsDock::parcelsSelected);
    const int row = 17;
    dock.parcelView()->selectRow(row);
    QCOMPARE(spy.count(), 1);
    const int tableRow = dock.parcelFilter()->index(row, 0).data(ResultTableModel::TableRowRole).toInt();
    QCOMPARE(spy.at(0).at(0).toString(), t.value(std::size_t(tableRow), QStringLiteral("layer")).toString());
    QCOMPARE(spy.at(0).at(1).value<QList<qint64>>(),
             QList<qint64>{ t.value(std::size_t(tableRow), QStringLiteral("source_fid")).toLongLong() });

    // From the map: the row of that parcel selected, nothing echoed back.
    spy.clear();
    const std::size_t other = t.rowCount() / 2;
    const QString layer = t.value(other, QStringLiteral("layer")).toString();
    const qint64 fid = t.value(other, QStringLiteral("source_fid")).toLongLong();
    dock.parcelView()->clearSelection();
    spy.clear();
    dock.selectParcels(layer, { fid });
    QCOMPARE(spy.count(), 0);
    // Every row of the parcel (one per method that computed it) is selected, and only those.
    std::set<int> expected, selected;
    for (std::size_t r = 0; r < t.rowCount(); ++r)
        if (t.value(r, QStringLiteral("layer")).toString() == layer &&
            t.value(r, QStringLiteral("source_fid")).toLongLong() == fid)
            expected.insert(int(r));
    for (const QModelIndex& i : dock.parcelView()->selectionModel()->selectedRows())
        selected.insert(i.data(ResultTableModel::TableRowRole).toInt());
    QVERIFY(expected.count(int(other)) == 1);
    QCOMPARE(selected, expected);
}

/// GEP's parcels_<layer> rows name their features by source_fid (the carbon run's key for the same
/// parcel id): selecting a row emits its layer and FID, and a map selection selects the row.
void TestResultsDock::columnLabels() {
    // Every column of every table of the carbon and GEP result sets has a label of its own (no raw
    // name left), and in zh_CN the labels are Chinese.
    const QString gep = qEnvironmentVariable("TANHUI_TEST_RESULTS") + QStringLiteral("/gep");
    std::vector<analysis::ResultSet> sets;
    sets.push_back(analysis::readResultSet(m_carbon.toStdString()));
    if (QFile::exists(gep + QStringLiteral("/resultset.json")))
        sets.push_back(analysis::readResultSet(gep.toStdString()));
    const QString plan = qEnvironmentVariable("TANHUI_TEST_RESULTS") + QStringLiteral("/plan");
    if (QFile::exists(plan + QStringLiteral("/resultset.json")))
        sets.push_back(analysis::readResultSet(plan.toStdString()));
    // Tables whose columns are keys and values of settings, not result quantities.
    const QStringList settingTables = {
        QStringLiteral("uncertainty_run"), QStringLiteral("uncertainty_parameters"),
        QStringLiteral("run_settings"),    QStringLiteral("prices_used"),
        QStringLiteral("indicators"),      QStringLiteral("skipped"),
        QStringLiteral("plan_settings")
    };
    int checked = 0;
    for (const analysis::ResultSet& rs : sets)
        for (const analysis::Table& t : rs.tables) {
            if (settingTables.contains(t.name))
                continue;
            for (const analysis::Column& c : t.columns) {
                QVERIFY2(tanhui::gui::resultColumnLabel(c.name) != c.name,
                         qPrintable(t.name + QLatin1Char(':') + c.name));
                ++checked;
            }
        }
    QVERIFY(checked > 200);
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/tanhui_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    const QString stock = tanhui::gui::resultColumnLabel(QStringLiteral("c_total_t_2015"));
    const QString water = tanhui::gui::resultColumnLabel(QStringLiteral("water_conservation_cny"));
    const QString bound = tanhui::gui::resultColumnLabel(QStringLiteral("change_t_2015_2024_p97_5"));
    QCoreApplication::removeTranslator(&zh);
    QVERIFY2(stock.contains(QStringLiteral("碳储量")) && stock.contains(QStringLiteral("2015")),
             qPrintable(stock));
    QVERIFY2(water.contains(QStringLiteral("水源涵养")), qPrintable(water));
    QVERIFY2(bound.contains(QStringLiteral("2015")) && bound.contains(QStringLiteral("97.5")),
             qPrintable(bound));
}

void TestResultsDock::gepSelection() {
    const QString gep = qEnvironmentVariable("TANHUI_TEST_RESULTS") + QStringLiteral("/gep");
    if (!QFile::exists(gep + QStringLiteral("/resultset.json")))
        QSKIP("needs the fixture sample_results_setup (TANHUI_TEST_RESULTS)");
    ResultsDock dock;
    QVERIFY(dock.openFolder(gep));
    QVERIFY(dock.showParcelTable(QStringLiteral("parcels_xiaoban")));
    const analysis::Table* t = dock.parcelModel()->table();
    QVERIFY(t && t->rowCount() > 100);
    QVERIFY(t->columnIndex(QStringLiteral("source_fid")) >= 0);
    // The same parcel id has the same FID in the carbon run.
    const analysis::Table& carbon = *m_rs.table(QStringLiteral("parcels"));
    std::map<QString, qint64> carbonFid;
    for (std::size_t r = 0; r < carbon.rowCount(); ++r)
        if (carbon.value(r, QStringLiteral("layer")).toString() == QLatin1String("xiaoban"))
            carbonFid[carbon.value(r, QStringLiteral("id")).toString()] =
              carbon.value(r, QStringLiteral("source_fid")).toLongLong();
    for (std::size_t r = 0; r < t->rowCount(); ++r)
        QCOMPARE(t->value(r, QStringLiteral("source_fid")).toLongLong(),
                 carbonFid.at(t->value(r, QStringLiteral("parcel_id")).toString()));

    QSignalSpy spy(&dock, &ResultsDock::parcelsSelected);
    dock.parcelView()->selectRow(5);
    QCOMPARE(spy.count(), 1);
    const int tableRow = dock.parcelFilter()->index(5, 0).data(ResultTableModel::TableRowRole).toInt();
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("xiaoban"));
    QCOMPARE(spy.at(0).at(1).value<QList<qint64>>(),
             QList<qint64>{ t->value(std::size_t(tableRow), QStringLiteral("source_fid")).toLongLong() });

    dock.parcelView()->clearSelection();
    spy.clear();
    const std::size_t other = t->rowCount() / 2;
    dock.selectParcels(QStringLiteral("xiaoban"),
                       { t->value(other, QStringLiteral("source_fid")).toLongLong() });
    QCOMPARE(spy.count(), 0);
    const QModelIndexList selected = dock.parcelView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(ResultTableModel::TableRowRole).toInt(), int(other));
    // Another layer's FIDs select nothing here.
    dock.parcelView()->clearSelection();
    dock.selectParcels(QStringLiteral("farmland_plots"), { 0 });
    QCOMPARE(dock.parcelView()->selectionModel()->selectedRows().size(), 0);
}

void TestResultsDock::selectionWithMap() {
    tanhui::gui::MainWindow window;
    window.setErrorSink([](const QString& h, const QString& d) { qWarning() << h << d; });
    window.openProject(sampleProject());
    ResultsDock* dock = window.resultsDock();
    QVERIFY(dock);
    QVERIFY(dock->openFolder(m_carbon));
    const analysis::Table& t = *m_rs.table(QStringLiteral("parcels"));
    // A row selected in the dock selects its feature on the project layer.
    const std::size_t row = 5;
    const QString layer = t.value(row, QStringLiteral("layer")).toString();
    const qint64 fid = t.value(row, QStringLiteral("source_fid")).toLongLong();
    dock->parcelView()->selectRow(int(row));
    std::shared_ptr<const tanhui::render::VectorSource> source;
    for (const auto& l : window.mapCanvas()->layers())
        if (l.id == layer)
            source = l.vector;
    QVERIFY2(source, qPrintable(layer));
    const std::vector<std::uint32_t> selected = window.selectedFeatures(layer);
    QCOMPARE(selected.size(), std::size_t(1));
    QCOMPARE(source->fid(selected.front()), fid);

    // A selection on the map selects the parcels' rows.
    QVERIFY(window.setCurrentLayer(layer));
    const std::uint32_t feature = std::uint32_t(source->size() / 2);
    const tanhui::gis::Box b = source->bounds(feature);
    QVERIFY(window.selectFeaturesIn(b) > 0);
    std::set<qint64> onMap;
    for (std::uint32_t f : window.selectedFeatures(layer))
        onMap.insert(source->fid(f));
    std::set<qint64> inDock;
    for (const QModelIndex& i : dock->parcelView()->selectionModel()->selectedRows()) {
        const int r = i.data(ResultTableModel::TableRowRole).toInt();
        QCOMPARE(t.value(std::size_t(r), QStringLiteral("layer")).toString(), layer);
        inDock.insert(t.value(std::size_t(r), QStringLiteral("source_fid")).toLongLong());
    }
    // Parcels not computed (no row) cannot be shown; every shown row is one selected on the map.
    QVERIFY(!inDock.empty());
    QVERIFY(std::includes(onMap.begin(), onMap.end(), inDock.begin(), inDock.end()));
}

void TestResultsDock::totalsWithBounds() {
    ResultsDock dock;
    QVERIFY(dock.openFolder(m_carbon));
    QVERIFY(dock.showTotals(QStringLiteral("totals_by_ecosystem_type")));
    const std::vector<QStringList> csv = readCsv(m_carbon + QStringLiteral("/totals_by_ecosystem_type.csv"));
    QVERIFY(csv.size() > 2);
    const QStringList header = csv.front();
    ResultTableModel* model = dock.totalsModel();
    QCOMPARE(model->rowCount(), int(csv.size()) - 1);
    // The bounds columns are merged into their value's column.
    QCOMPARE(model->columnOf(QStringLiteral("change_t_2015_2024_p2_5")), -1);
    int checkedBounds = 0;
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString name = dock.totalsModel()->table()->columns[std::size_t(model->tableColumn(c))].name;
        const int col = int(header.indexOf(name));
        QVERIFY2(col >= 0, qPrintable(name));
        const int low = int(header.indexOf(name + QStringLiteral("_p2_5")));
        const int high = int(header.indexOf(name + QStringLiteral("_p97_5")));
        for (int r = 0; r < model->rowCount(); ++r) {
            const QStringList& line = csv[std::size_t(r) + 1];
            const QVariant raw = model->index(r, c).data(ResultTableModel::RawRole);
            if (!model->isNumeric(c)) {
                QCOMPARE(raw.toString(), line[col]);
                continue;
            }
            if (line[col].isEmpty()) {
                QVERIFY(raw.isNull());
                continue;
            }
            QVERIFY2(close(raw.toDouble(), line[col].toDouble()), qPrintable(name));
            if (low >= 0 && high >= 0 && !line[low].isEmpty()) {
                const QString unit = dock.totalsModel()->table()->column(name)->unit;
                const QString expected = QStringLiteral("%1 [%2–%3]")
                                           .arg(ResultTableModel::formatNumber(line[col].toDouble(), unit),
                                                ResultTableModel::formatNumber(line[low].toDouble(), unit),
                                                ResultTableModel::formatNumber(line[high].toDouble(), unit));
                QCOMPARE(model->index(r, c).data().toString(), expected);
                ++checkedBounds;
            }
        }
    }
    QVERIFY(checkedBounds > 10);
    QVERIFY(dock.showTotals(QStringLiteral("totals_by_district")));
    QVERIFY(model->rowCount() > 0);
}

void TestResultsDock::ledgerFailure() {
    ResultsDock dock;
    dock.setResults(&m_rs, nullptr);
    const analysis::Table* ledger = m_rs.table(QStringLiteral("ledger_check"));
    QVERIFY(ledger && ledger->rowCount() > 0);
    QCOMPARE(dock.failedChecks(), 0);
    QCOMPARE(dock.ledgerModel()->rowCount(), int(ledger->rowCount()));
    QVERIFY(dock.ledgerSummary()->text().contains(QStringLiteral("passed")));

    analysis::ResultSet broken = m_rs;
    analysis::Table* t = broken.table(QStringLiteral("ledger_check"));
    const int passed = t->columnIndex(QStringLiteral("passed"));
    const std::size_t row = t->rowCount() - 1;
    t->rows[row][std::size_t(passed)] = 0;
    dock.setResults(&broken, nullptr);
    QCOMPARE(dock.failedChecks(), 1);
    QVERIFY(dock.ledgerSummary()->text().contains(QStringLiteral("FAILED")));
    QVERIFY(dock.tabs()->tabText(2).contains(QStringLiteral("1")));
    // The failed check is shown first, as failed, painted red.
    const QModelIndex cell =
      dock.ledgerView()->model()->index(0, dock.ledgerModel()->columnOf(QStringLiteral("passed")));
    QCOMPARE(cell.data().toString(), QStringLiteral("FAILED"));
    QVERIFY(cell.data(Qt::BackgroundRole).value<QBrush>().color().red() > 200);
    QCOMPARE(cell.data(ResultTableModel::TableRowRole).toInt(), int(row));
    const QModelIndex ok = dock.ledgerView()->model()->index(1, cell.column());
    QCOMPARE(ok.data().toString(), QStringLiteral("passed"));
}

void TestResultsDock::provenance() {
    ResultsDock dock;
    QVERIFY(dock.openFolder(m_carbon));
    const analysis::Provenance& p = m_rs.provenance;
    QCOMPARE(dock.inputsTable()->rowCount(), int(p.inputs.size()));
    QCOMPARE(dock.parametersTable()->rowCount(), int(p.parameters.size()));
    QCOMPARE(dock.settingsTable()->rowCount(), int(p.settings.size()));
    QVERIFY(!p.inputs.empty() && !p.inputs.front().files.empty());
    QCOMPARE(dock.inputsTable()->item(0, 4)->text(), p.inputs.front().files.front().sha256);
    QCOMPARE(dock.parametersTable()->item(0, 2)->text(), p.parameters.front().tag);
    QCOMPARE(dock.parametersTable()->item(0, 3)->text(), p.parameters.front().source);
}

void TestResultsDock::resultsSection() {
    // The project file keeps {analysis, folder, finished} and reads it back.
    tanhui::models::Project project = tanhui::models::Project::load(sampleProject());
    const QString file = m_tmp.filePath(QStringLiteral("with-results.tanhui.json"));
    const QDateTime finished = QDateTime(QDate(2026, 12, 7), QTime(3, 0, 1, 250), Qt::UTC);
    project.results = { { QStringLiteral("carbon_project"), QStringLiteral("carbon"), finished },
                        { QStringLiteral("gep"), QStringLiteral("gone/gep"), {} } };
    project.save(file);
    const tanhui::models::Project back = tanhui::models::Project::load(file);
    QCOMPARE(back.results.size(), std::size_t(2));
    QCOMPARE(back.results[0].analysis, QStringLiteral("carbon_project"));
    QCOMPARE(back.results[0].folder, QStringLiteral("carbon"));
    QCOMPARE(back.results[0].finished, finished);
    QVERIFY(!back.results[1].finished.isValid());

    // Reopened without rerunning: the folder is read, the missing one reported.
    ResultsDock dock;
    const QStringList problems = dock.setProject(back);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.front().contains(QStringLiteral("gone")), qPrintable(problems.front()));
    QCOMPARE(dock.runs().size(), std::size_t(1));
    QCOMPARE(dock.parcelModel()->rowCount(), int(m_rs.table(QStringLiteral("parcels"))->rowCount()));
    const auto saved = dock.projectResults(m_tmp.path());
    QCOMPARE(saved.size(), std::size_t(1));
    QCOMPARE(saved[0].folder, QStringLiteral("carbon"));
    QCOMPARE(saved[0].finished, finished);

    // A malformed section names the key.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray json = f.readAll();
    f.close();
    json.replace("\"folder\": \"carbon\"", "\"folder\": \"/abs/carbon\"");
    const QString badFile = m_tmp.filePath(QStringLiteral("bad.tanhui.json"));
    QFile bad(badFile);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(json);
    bad.close();
    try {
        tanhui::models::Project::load(badFile);
        QFAIL("an absolute result folder was accepted");
    } catch (const std::exception& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("results[0].folder")), e.what());
    }

    // Through the main window: Save As writes the dock's results, opening the project lists them.
    {
        tanhui::gui::MainWindow window;
        window.setErrorSink([](const QString&, const QString&) {});
        window.openProject(sampleProject());
        QVERIFY(window.resultsDock()->openFolder(m_carbon));
        QVERIFY(window.saveProjectAs(m_tmp.filePath(QStringLiteral("saved.tanhui.json"))));
    }
    const tanhui::models::Project saved2 =
      tanhui::models::Project::load(m_tmp.filePath(QStringLiteral("saved.tanhui.json")));
    QCOMPARE(saved2.results.size(), std::size_t(1));
    QCOMPARE(saved2.results[0].folder, QStringLiteral("carbon"));
    tanhui::gui::MainWindow window;
    QStringList errors;
    window.setErrorSink([&](const QString& h, const QString& d) { errors << h + d; });
    window.openProject(m_tmp.filePath(QStringLiteral("saved.tanhui.json")));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(window.resultsDock()->runs().size(), std::size_t(1));
    QVERIFY(window.resultsDock()->carbon());
}

void TestResultsDock::resultLayerStyles() {
    const tanhui::gis::Crs crs = tanhui::gis::Crs::fromEpsg(4547);
    const QString gpkg = m_carbon + QStringLiteral("/parcels.gpkg");
    // Stock density of the last date: classes cover every value.
    const tanhui::gui::LayerEntry density =
      tanhui::gui::loadResultLayer(gpkg, ResultQuantity::StockDensity, crs);
    const auto& ds = density.map.vectorStyle;
    QCOMPARE(ds.kind, tanhui::render::VectorStyle::Kind::Graduated);
    QVERIFY(ds.field.startsWith(QStringLiteral("c_total_t_per_ha_")));
    QVERIFY(ds.ranges.size() >= 3);
    const auto& src = *density.map.vector;
    const int f = src.fieldIndex(ds.field);
    int classified = 0;
    const int primary = src.fieldIndex(QStringLiteral("primary"));
    for (std::size_t i = 0; i < src.size(); ++i) {
        const QVariant v = src.attribute(i, f);
        // Only a parcel's primary row is drawn (the others would cover it).
        if (src.attribute(i, primary).toInt() != 1) {
            QVERIFY(v.isNull());
            continue;
        }
        if (v.isNull())
            continue;
        QVERIFY2(tanhui::render::rangeIndex(ds.ranges, v.toDouble()) >= 0, qPrintable(v.toString()));
        ++classified;
    }
    QVERIFY(classified > 1000);
    QVERIFY(ds.ranges.front().label.contains(QStringLiteral("t C/ha")));

    // Change in t CO2e/ha: a derived field, classes covering it, the diverging ramp centred on zero.
    const tanhui::gui::LayerEntry change = tanhui::gui::loadResultLayer(gpkg, ResultQuantity::Change, crs);
    const auto& cs = change.map.vectorStyle;
    QVERIFY(cs.field.startsWith(QStringLiteral("change_tco2e_per_ha_")));
    const auto& csrc = *change.map.vector;
    const int cf = csrc.fieldIndex(cs.field);
    const int num = csrc.fieldIndex(QString(cs.field).replace(QStringLiteral("_per_ha"), QString()));
    QVERIFY(cf >= 0 && num >= 0);
    const int areaField = csrc.fieldIndex(QStringLiteral("area_ha"));
    double lo = 0, hi = 0;
    for (std::size_t i = 0; i < csrc.size(); ++i) {
        const QVariant v = csrc.attribute(i, cf);
        if (v.isNull())
            continue;
        QVERIFY(
          close(v.toDouble(), csrc.attribute(i, num).toDouble() / csrc.attribute(i, areaField).toDouble()));
        QCOMPARE(csrc.attribute(i, csrc.fieldIndex(QStringLiteral("primary"))).toInt(), 1);
        QVERIFY(tanhui::render::rangeIndex(cs.ranges, v.toDouble()) >= 0);
        lo = std::min(lo, v.toDouble());
        hi = std::max(hi, v.toDouble());
    }
    QVERIFY(lo < 0 && hi > 0); // the sample gains and loses carbon
    const double extreme = std::max(std::abs(cs.ranges.front().lower), std::abs(cs.ranges.back().upper));
    const tanhui::render::ColorRamp ramp = tanhui::render::ColorRamp::named(QStringLiteral("diverging"));
    for (const auto& r : cs.ranges) {
        const double mid = 0.5 * (r.lower + r.upper);
        QCOMPARE(r.symbol.fill.name(), ramp.at(0.5 + 0.5 * mid / extreme).name());
        if (r.upper <= 0)
            QVERIFY(r.symbol.fill.red() >= r.symbol.fill.green()); // losses red
        if (r.lower >= 0)
            QVERIFY(r.symbol.fill.green() >= r.symbol.fill.red()); // gains green
    }
    QVERIFY(change.displayName.contains(QStringLiteral("t CO2e/ha")));
    // A file without the quantity is refused with a message naming it.
    try {
        tanhui::gui::loadResultLayer(gpkg, ResultQuantity::GepPerHa, crs);
        QFAIL("a carbon layer has no GEP");
    } catch (const std::exception& e) {
        QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("parcels.gpkg")));
    }
}

QTEST_MAIN(TestResultsDock)
#include "tst_resultsdock.moc"
