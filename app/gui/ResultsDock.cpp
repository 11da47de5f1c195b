// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ResultsDock.h"

#include "app/gui/ResultTableModel.h"
#include "gis/Errors.h"
#include "models/params/Parameter.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPair>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace tanhui::gui {

namespace analysis = tanhui::models::analysis;

/// @brief One tab's table: a choice of tables, a column and a filter text, a row count and the view.
class ResultTablePanel : public QWidget {
public:
    struct View {
        QString key;
        QString label;
        std::shared_ptr<const analysis::ResultSet> owner;
        const analysis::Table* table = nullptr;
        bool mergeBounds = false;
        QString keyColumn, keyValue; ///< fixed filter (GEP totals by group)

        static View make(const QString& key,
                         const QString& label,
                         std::shared_ptr<const analysis::ResultSet> owner,
                         const analysis::Table* table,
                         bool mergeBounds = false,
                         const QString& keyColumn = QString(),
                         const QString& keyValue = QString()) {
            View v;
            v.key = key;
            v.label = label;
            v.owner = std::move(owner);
            v.table = table;
            v.mergeBounds = mergeBounds;
            v.keyColumn = keyColumn;
            v.keyValue = keyValue;
            return v;
        }
    };

    explicit ResultTablePanel(QWidget* parent, QWidget* extra = nullptr)
      : QWidget(parent) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(2, 2, 2, 2);
        auto* bar = new QHBoxLayout;
        m_tables = new QComboBox(this);
        m_tables->setObjectName(QStringLiteral("tableCombo"));
        m_tables->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_column = new QComboBox(this);
        m_column->setObjectName(QStringLiteral("filterColumnCombo"));
        m_column->setToolTip(ResultsDock::tr("The column the filter searches"));
        m_column->setMaximumWidth(260);
        m_filter = new QLineEdit(this);
        m_filter->setObjectName(QStringLiteral("filterEdit"));
        m_filter->setClearButtonEnabled(true);
        m_filter->setPlaceholderText(ResultsDock::tr("Filter… (on a numeric column: > 100, <= 0)"));
        m_count = new QLabel(this);
        bar->addWidget(m_tables);
        bar->addWidget(m_column);
        bar->addWidget(m_filter, 1);
        if (extra)
            bar->addWidget(extra);
        bar->addWidget(m_count);
        layout->addLayout(bar);
        m_model = new ResultTableModel(this);
        m_proxy = new ResultFilterModel(this);
        m_proxy->setSourceModel(m_model);
        m_view = new QTableView(this);
        m_view->setModel(m_proxy);
        m_view->setSortingEnabled(true);
        m_view->sortByColumn(-1, Qt::AscendingOrder);
        m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view->setAlternatingRowColors(true);
        m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
        m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        layout->addWidget(m_view, 1);
        connect(m_tables, &QComboBox::currentIndexChanged, this, [this](int i) { show(i); });
        connect(m_column, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
        connect(m_filter, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    }

    void setViews(std::vector<View> views) {
        const QString current =
          m_tables->currentIndex() >= 0 && m_tables->currentIndex() < int(m_views.size())
            ? m_views[std::size_t(m_tables->currentIndex())].key
            : QString();
        m_views = std::move(views);
        m_tables->blockSignals(true);
        m_tables->clear();
        int keep = 0;
        for (std::size_t i = 0; i < m_views.size(); ++i) {
            m_tables->addItem(m_views[i].label);
            if (m_views[i].key == current)
                keep = int(i);
        }
        m_tables->setCurrentIndex(m_views.empty() ? -1 : keep);
        m_tables->blockSignals(false);
        show(m_views.empty() ? -1 : keep);
    }

    bool showKey(const QString& key) {
        for (std::size_t i = 0; i < m_views.size(); ++i)
            if (m_views[i].key == key) {
                m_tables->setCurrentIndex(int(i));
                return true;
            }
        return false;
    }

    void show(int i) {
        const View* v = i >= 0 && i < int(m_views.size()) ? &m_views[std::size_t(i)] : nullptr;
        m_view->setSortingEnabled(false);
        m_proxy->setFixedFilter(-1, QString());
        m_model->setTable(v ? v->owner : nullptr, v ? v->table : nullptr, v && v->mergeBounds);
        if (v && !v->keyColumn.isEmpty())
            m_proxy->setFixedFilter(m_model->columnOf(v->keyColumn), v->keyValue);
        m_proxy->sort(-1);
        m_view->setSortingEnabled(true);
        m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_column->blockSignals(true);
        m_column->clear();
        m_column->addItem(ResultsDock::tr("Any text column"), QString());
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_column->addItem(m_model->headerData(c, Qt::Horizontal).toString(),
                              v ? v->table->columns[std::size_t(m_model->tableColumn(c))].name : QString());
        m_column->setCurrentIndex(0);
        m_column->blockSignals(false);
        applyFilter();
        // Column widths from the header and the first rows (a 114-column table stays quick).
        for (int c = 0; c < m_model->columnCount(); ++c) {
            int width = m_view->horizontalHeader()->fontMetrics().horizontalAdvance(
                          m_model->headerData(c, Qt::Horizontal).toString()) +
                        24;
            for (int r = 0; r < std::min(30, m_proxy->rowCount()); ++r)
                width = std::max(
                  width,
                  m_view->fontMetrics().horizontalAdvance(m_proxy->index(r, c).data().toString()) + 16);
            m_view->setColumnWidth(c, std::min(width, 320));
        }
        if (onTableChanged)
            onTableChanged();
    }

    void applyFilter() {
        const QString column = m_column->currentData().toString();
        m_proxy->setFilter(column.isEmpty() ? -1 : m_model->columnOf(column), m_filter->text());
        updateCount();
    }

    void setFilter(const QString& column, const QString& text) {
        const int i = m_column->findData(column);
        m_column->blockSignals(true);
        m_column->setCurrentIndex(std::max(0, i));
        m_column->blockSignals(false);
        m_filter->setText(text); // applies
        applyFilter();
    }

    void updateCount() {
        m_count->setText(
          ResultsDock::tr("%1 of %2 rows")
            .arg(QLocale().toString(m_proxy->rowCount()), QLocale().toString(m_model->rowCount())));
    }

    const View* current() const {
        const int i = m_tables->currentIndex();
        return i >= 0 && i < int(m_views.size()) ? &m_views[std::size_t(i)] : nullptr;
    }

    QComboBox* m_tables = nullptr;
    QComboBox* m_column = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_view = nullptr;
    ResultTableModel* m_model = nullptr;
    ResultFilterModel* m_proxy = nullptr;
    std::vector<View> m_views;
    std::function<void()> onTableChanged;
};

namespace {

/// `rs` itself when none of its tables is lazy, else a copy whose lazy tables are read into rows (the view
/// reads cells in any order).
std::shared_ptr<const analysis::ResultSet> materialised(std::shared_ptr<const analysis::ResultSet> rs) {
    if (std::none_of(
          rs->tables.begin(), rs->tables.end(), [](const analysis::Table& t) { return bool(t.source); }))
        return rs;
    auto copy = std::make_shared<analysis::ResultSet>(*rs);
    analysis::materialiseTables(*copy);
    return copy;
}

bool isGep(const analysis::ResultSet& rs) {
    return rs.analysis.startsWith(QLatin1String("gep"));
}

bool isPlan(const analysis::ResultSet& rs) {
    return rs.analysis == QLatin1String("restoration_plan");
}

bool isZonal(const analysis::ResultSet& rs) {
    return rs.analysis == QLatin1String("zonal");
}

QTableWidget* newTable(QWidget* parent, const QStringList& headers, const QString& name) {
    auto* t = new QTableWidget(parent);
    t->setObjectName(name);
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells, const QStringList& tips = {}) {
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        item->setToolTip(c < tips.size() && !tips[c].isEmpty() ? tips[c] : cells[c]);
        t->setItem(row, c, item);
    }
}

} // namespace

ResultsDock::ResultsDock(QWidget* parent)
  : QDockWidget(tr("Results"), parent) {
    setObjectName(QStringLiteral("resultsDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Run:"), body));
    m_runCombo = new QComboBox(body);
    m_runCombo->setObjectName(QStringLiteral("runCombo"));
    m_runCombo->setToolTip(tr("The result sets loaded: choose the carbon or GEP run to show"));
    top->addWidget(m_runCombo, 1);
    layout->addLayout(top);
    m_problems = new QLabel(body);
    m_problems->setObjectName(QStringLiteral("resultsProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #a00000"));
    m_problems->hide();
    layout->addWidget(m_problems);
    m_tabs = new QTabWidget(body);
    m_tabs->setObjectName(QStringLiteral("resultsTabs"));
    layout->addWidget(m_tabs, 1);
    setWidget(body);

    // Parcels, with "Add to map".
    m_addToMap = new QToolButton(body);
    m_addToMap->setObjectName(QStringLiteral("addToMapButton"));
    m_addToMap->setText(tr("Add to Map"));
    m_addToMap->setToolTip(tr("Add the parcels of the result to the map, styled by a result quantity"));
    m_addToMap->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_addToMap);
    auto request = [this](ResultQuantity q) {
        const Run* run = nullptr;
        QString file;
        const ResultTablePanel::View* v = m_parcels->current();
        if (q == ResultQuantity::GepPerHa && m_gep >= 0) {
            run = &m_runs[std::size_t(m_gep)];
            const QString table =
              v && v->table->name.startsWith(QLatin1String("parcels_")) ? v->table->name : QString();
            QString name = table;
            if (name.isEmpty())
                for (const analysis::Table& t : run->results->tables)
                    if (t.name.startsWith(QLatin1String("parcels_"))) {
                        name = t.name;
                        break;
                    }
            file = name + QStringLiteral(".gpkg");
        } else if (q == ResultQuantity::PlanDifference && m_plan >= 0) {
            run = &m_runs[std::size_t(m_plan)];
            file = QStringLiteral("plan_parcels.gpkg");
        } else if ((q == ResultQuantity::StockDensity || q == ResultQuantity::Change) && m_carbon >= 0) {
            run = &m_runs[std::size_t(m_carbon)];
            file = QStringLiteral("parcels.gpkg");
        }
        if (run && !run->folder.isEmpty())
            emit resultLayerRequested(QDir(run->folder).filePath(file), q);
    };
    menu->addAction(tr("Carbon stock density of the last date (t C/ha)"), this, [=] {
        request(ResultQuantity::StockDensity);
    });
    menu->addAction(tr("Carbon stock change (t CO2e/ha)"), this, [=] { request(ResultQuantity::Change); });
    menu->addAction(tr("GEP per hectare (CNY/ha)"), this, [=] { request(ResultQuantity::GepPerHa); });
    menu->addAction(
      tr("Carbon difference of the plan (t C)"), this, [=] { request(ResultQuantity::PlanDifference); });
    m_addToMap->setMenu(menu);
    m_parcels = new ResultTablePanel(m_tabs, m_addToMap);
    m_parcels->setObjectName(QStringLiteral("parcelsPanel"));
    m_tabs->addTab(m_parcels, tr("Parcels"));
    connect(m_parcels->m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        onParcelSelection();
    });

    m_totals = new ResultTablePanel(m_tabs);
    m_totals->setObjectName(QStringLiteral("totalsPanel"));
    m_tabs->addTab(m_totals, tr("Totals"));

    auto* ledgerPage = new QWidget(m_tabs);
    auto* ledgerLayout = new QVBoxLayout(ledgerPage);
    ledgerLayout->setContentsMargins(0, 0, 0, 0);
    m_ledgerSummary = new QLabel(ledgerPage);
    m_ledgerSummary->setObjectName(QStringLiteral("ledgerSummary"));
    m_ledgerSummary->setWordWrap(true);
    ledgerLayout->addWidget(m_ledgerSummary);
    m_ledger = new ResultTablePanel(ledgerPage);
    m_ledger->setObjectName(QStringLiteral("ledgerPanel"));
    ledgerLayout->addWidget(m_ledger, 1);
    m_tabs->addTab(ledgerPage, tr("Ledger Check"));

    auto* provenancePage = new QWidget(m_tabs);
    auto* provenanceLayout = new QVBoxLayout(provenancePage);
    provenanceLayout->setContentsMargins(2, 2, 2, 2);
    auto* provenanceTop = new QHBoxLayout;
    m_provenanceRun = new QComboBox(provenancePage);
    m_provenanceRun->setObjectName(QStringLiteral("provenanceRunCombo"));
    provenanceTop->addWidget(m_provenanceRun);
    m_provenanceSummary = new QLabel(provenancePage);
    m_provenanceSummary->setObjectName(QStringLiteral("provenanceSummary"));
    m_provenanceSummary->setWordWrap(true);
    m_provenanceSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    provenanceTop->addWidget(m_provenanceSummary, 1);
    provenanceLayout->addLayout(provenanceTop);
    auto* provenanceTabs = new QTabWidget(provenancePage);
    m_inputs = newTable(provenanceTabs,
                        { tr("Role"),
                          tr("Layer"),
                          tr("Kind"),
                          tr("File"),
                          tr("SHA-256"),
                          tr("Size (bytes)"),
                          tr("CRS"),
                          tr("Dates"),
                          tr("Details") },
                        QStringLiteral("inputsTable"));
    m_parameters = newTable(provenanceTabs,
                            { tr("Table"),
                              tr("Key"),
                              tr("Evidence tag"),
                              tr("Source"),
                              tr("Values used"),
                              tr("Parcels"),
                              tr("File"),
                              tr("Row") },
                            QStringLiteral("parametersTable"));
    m_settings = newTable(provenanceTabs,
                          { tr("Setting"), tr("Value"), tr("Unit"), tr("Source") },
                          QStringLiteral("settingsTable"));
    provenanceTabs->addTab(m_inputs, tr("Inputs"));
    provenanceTabs->addTab(m_parameters, tr("Parameters Used"));
    provenanceTabs->addTab(m_settings, tr("Settings"));
    provenanceLayout->addWidget(provenanceTabs, 1);
    m_tabs->addTab(provenancePage, tr("Provenance"));

    connect(m_runCombo, &QComboBox::activated, this, [this](int i) {
        const int run = m_runCombo->itemData(i).toInt();
        if (run < 0 || run >= int(m_runs.size()))
            return;
        shownSlot(*m_runs[std::size_t(run)].results) = run;
        rebuild();
    });
    connect(m_provenanceRun, &QComboBox::currentIndexChanged, this, [this] { fillProvenance(); });
    rebuild();
}

ResultsDock::~ResultsDock() = default;

int& ResultsDock::shownSlot(const analysis::ResultSet& rs) {
    return isZonal(rs) ? m_zonal : isPlan(rs) ? m_plan : isGep(rs) ? m_gep : m_carbon;
}

std::shared_ptr<const analysis::ResultSet> ResultsDock::shownPlan() const {
    return m_plan >= 0 ? m_runs[std::size_t(m_plan)].results : nullptr;
}

const analysis::ResultSet* ResultsDock::carbon() const {
    return m_carbon >= 0 ? m_runs[std::size_t(m_carbon)].results.get() : nullptr;
}

const analysis::ResultSet* ResultsDock::gep() const {
    return m_gep >= 0 ? m_runs[std::size_t(m_gep)].results.get() : nullptr;
}

std::shared_ptr<const analysis::ResultSet> ResultsDock::shownCarbon() const {
    return m_carbon >= 0 ? m_runs[std::size_t(m_carbon)].results : nullptr;
}

std::shared_ptr<const analysis::ResultSet> ResultsDock::shownGep() const {
    return m_gep >= 0 ? m_runs[std::size_t(m_gep)].results : nullptr;
}

QTableView* ResultsDock::parcelView() const {
    return m_parcels->m_view;
}
ResultTableModel* ResultsDock::parcelModel() const {
    return m_parcels->m_model;
}
ResultFilterModel* ResultsDock::parcelFilter() const {
    return m_parcels->m_proxy;
}
QTableView* ResultsDock::totalsView() const {
    return m_totals->m_view;
}
ResultTableModel* ResultsDock::totalsModel() const {
    return m_totals->m_model;
}
QTableView* ResultsDock::ledgerView() const {
    return m_ledger->m_view;
}
ResultTableModel* ResultsDock::ledgerModel() const {
    return m_ledger->m_model;
}

bool ResultsDock::showParcelTable(const QString& name) {
    return m_parcels->showKey(name);
}

void ResultsDock::setParcelFilter(const QString& column, const QString& text) {
    m_parcels->setFilter(column, text);
}

bool ResultsDock::showTotals(const QString& key) {
    return m_totals->showKey(key);
}

bool ResultsDock::openFolder(const QString& dir, QString* error) {
    try {
        Run run;
        run.results = std::make_shared<const analysis::ResultSet>(analysis::readResultSet(dir.toStdString()));
        run.folder = QFileInfo(dir).absoluteFilePath();
        run.finished = run.results->provenance.finished;
        addRun(std::move(run));
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = tr("Cannot read the results in %1: %2")
                       .arg(QDir::toNativeSeparators(dir), QString::fromUtf8(e.what()));
        return false;
    }
}

void ResultsDock::showRun(std::shared_ptr<const analysis::ResultSet> results, const QString& folder) {
    Run run;
    run.results = materialised(std::move(results));
    run.folder = folder.isEmpty() ? QString() : QFileInfo(folder).absoluteFilePath();
    run.finished = run.results->provenance.finished;
    addRun(std::move(run));
}

void ResultsDock::setResults(const analysis::ResultSet* carbon, const analysis::ResultSet* gep) {
    m_carbon = m_gep = m_plan = m_zonal = -1;
    for (const analysis::ResultSet* rs : { carbon, gep }) {
        if (!rs)
            continue;
        Run run;
        run.results = materialised(std::make_shared<const analysis::ResultSet>(*rs));
        run.finished = rs->provenance.finished;
        addRun(std::move(run));
    }
}

QStringList ResultsDock::setProject(const models::Project& project) {
    m_runs.clear();
    m_carbon = m_gep = m_plan = m_zonal = -1;
    QStringList problems;
    for (const models::ProjectResult& r : project.results) {
        const QString dir = project.resolve(r.folder);
        if (!QFileInfo::exists(QDir(dir).filePath(analysis::resultSetManifestName()))) {
            problems << tr("The %1 results saved with the project are missing: %2 has no %3. Run the "
                           "analysis again or move its folder back.")
                          .arg(r.analysis, QDir::toNativeSeparators(dir), analysis::resultSetManifestName());
            continue;
        }
        QString error;
        if (!openFolder(dir, &error)) {
            problems << error;
            continue;
        }
        if (r.finished.isValid())
            m_runs.back().finished = r.finished;
    }
    rebuild();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    return problems;
}

std::vector<models::ProjectResult> ResultsDock::projectResults(const QString& projectDir) const {
    std::vector<models::ProjectResult> out;
    const QDir dir(projectDir);
    for (const Run& run : m_runs) {
        if (run.folder.isEmpty())
            continue;
        out.push_back({ run.results->analysis, dir.relativeFilePath(run.folder), run.finished });
    }
    return out;
}

void ResultsDock::addRun(Run run) {
    // The same folder read again replaces its earlier reading.
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (!run.folder.isEmpty() && m_runs[i].folder == run.folder) {
            m_runs.erase(m_runs.begin() + std::ptrdiff_t(i));
            for (int* shown : { &m_carbon, &m_gep, &m_plan, &m_zonal }) {
                if (*shown == int(i))
                    *shown = -1;
                else if (*shown > int(i))
                    --*shown;
            }
            break;
        }
    int& slot = shownSlot(*run.results);
    m_runs.push_back(std::move(run));
    slot = int(m_runs.size()) - 1;
    m_problems->hide();
    rebuild();
}

QString ResultsDock::runLabel(const Run& run) const {
    const QString kind = isZonal(*run.results)  ? tr("Zonal statistics")
                         : isPlan(*run.results) ? tr("Plan")
                         : isGep(*run.results)  ? tr("GEP")
                                                : tr("Carbon");
    const QString when = run.finished.isValid()
                           ? QLocale().toString(run.finished.toLocalTime(), QLocale::ShortFormat)
                           : tr("not saved");
    const QString where = run.folder.isEmpty() ? tr("in memory") : QDir::toNativeSeparators(run.folder);
    //: A result set in the Run list: kind, finish time, folder
    return tr("%1 — %2 — %3").arg(kind, when, where);
}

void ResultsDock::rebuild() {
    m_updating = true;
    m_runCombo->clear();
    m_provenanceRun->blockSignals(true);
    m_provenanceRun->clear();
    for (int i = int(m_runs.size()) - 1; i >= 0; --i) {
        m_runCombo->addItem(runLabel(m_runs[std::size_t(i)]), i);
        if (i == m_carbon || i == m_gep || i == m_plan || i == m_zonal) {
            const analysis::ResultSet& rs = *m_runs[std::size_t(i)].results;
            m_provenanceRun->addItem(isZonal(rs)  ? tr("Zonal statistics run")
                                     : isPlan(rs) ? tr("Plan run")
                                     : isGep(rs)  ? tr("GEP run")
                                                  : tr("Carbon run"),
                                     i);
        }
    }
    const int shown = m_runCombo->findData(m_carbon >= 0 ? m_carbon
                                           : m_gep >= 0  ? m_gep
                                           : m_plan >= 0 ? m_plan
                                                         : m_zonal);
    m_runCombo->setCurrentIndex(std::max(0, shown));
    m_provenanceRun->blockSignals(false);

    std::vector<ResultTablePanel::View> parcels, totals, ledger;
    if (m_carbon >= 0) {
        const auto& rs = m_runs[std::size_t(m_carbon)].results;
        if (const analysis::Table* t = rs->table(QStringLiteral("parcels")))
            parcels.push_back(ResultTablePanel::View::make(t->name, tr("Carbon: parcels"), rs, t));
        const std::pair<const char*, QString> carbonTotals[] = {
            { "totals_by_ecosystem_type", tr("Carbon by ecosystem type") },
            { "totals_by_district", tr("Carbon by district") },
            { "totals_by_method", tr("Carbon by method") },
            { "totals_by_pool", tr("Carbon by pool") },
        };
        for (const auto& [name, label] : carbonTotals)
            if (const analysis::Table* t = rs->table(QString::fromLatin1(name)))
                totals.push_back(ResultTablePanel::View::make(t->name, label, rs, t, true));
        for (const analysis::Table& t : rs->tables)
            if (t.name.startsWith(QLatin1String("totals_by_")) &&
                std::none_of(totals.begin(), totals.end(), [&](const auto& v) { return v.table == &t; }))
                totals.push_back(
                  ResultTablePanel::View::make(t.name, tr("Carbon: %1").arg(t.name), rs, &t, true));
        if (const analysis::Table* t = rs->table(QStringLiteral("ledger_check")))
            ledger.push_back(
              ResultTablePanel::View::make(QStringLiteral("carbon"), tr("Carbon ledger check"), rs, t));
    }
    if (m_gep >= 0) {
        const auto& rs = m_runs[std::size_t(m_gep)].results;
        for (const analysis::Table& t : rs->tables)
            if (t.name.startsWith(QLatin1String("parcels_")))
                parcels.push_back(
                  ResultTablePanel::View::make(t.name, tr("GEP: parcels of %1").arg(t.name.mid(8)), rs, &t));
        if (const analysis::Table* t = rs->table(QStringLiteral("indicators")))
            parcels.push_back(ResultTablePanel::View::make(t->name, tr("GEP: indicators per parcel"), rs, t));
        if (const analysis::Table* t = rs->table(QStringLiteral("totals"))) {
            const std::pair<const char*, QString> groups[] = {
                { "service", tr("GEP by service") },
                { "ecosystem", tr("GEP by ecosystem type") },
                { "district", tr("GEP by district") },
                { "category", tr("GEP by category") },
            };
            for (const auto& [group, label] : groups)
                totals.push_back(
                  ResultTablePanel::View::make(QStringLiteral("gep:") + QString::fromLatin1(group),
                                               label,
                                               rs,
                                               t,
                                               true,
                                               QStringLiteral("group"),
                                               QString::fromLatin1(group)));
            totals.push_back(
              ResultTablePanel::View::make(QStringLiteral("gep:all"), tr("GEP: all totals"), rs, t, true));
        }
        if (const analysis::Table* t = rs->table(QStringLiteral("ledger_check")))
            ledger.push_back(
              ResultTablePanel::View::make(QStringLiteral("gep"), tr("GEP ledger check"), rs, t));
    }
    if (m_plan >= 0) {
        // A restoration plan against the baseline (docs/carbon-project.md "Restoration plans").
        const auto& rs = m_runs[std::size_t(m_plan)].results;
        if (const analysis::Table* t = rs->table(QStringLiteral("plan_parcels")))
            parcels.push_back(
              ResultTablePanel::View::make(t->name, tr("Plan: carbon difference per parcel"), rs, t, true));
        if (const analysis::Table* t = rs->table(QStringLiteral("plan_gep_parcels")))
            parcels.push_back(
              ResultTablePanel::View::make(t->name, tr("Plan: GEP difference per parcel"), rs, t));
        if (const analysis::Table* t = rs->table(QStringLiteral("plan_totals")))
            totals.push_back(
              ResultTablePanel::View::make(t->name, tr("Plan: carbon difference by pool"), rs, t));
        if (const analysis::Table* t = rs->table(QStringLiteral("plan_gep_services")))
            totals.push_back(
              ResultTablePanel::View::make(t->name, tr("Plan: GEP difference by service"), rs, t));
    }
    if (m_zonal >= 0) {
        const auto& rs = m_runs[std::size_t(m_zonal)].results;
        if (const analysis::Table* t = rs->table(QStringLiteral("zonal")))
            parcels.push_back(
              ResultTablePanel::View::make(t->name, tr("Zonal statistics per parcel"), rs, t));
    }
    m_parcels->setViews(std::move(parcels));
    m_totals->setViews(std::move(totals));
    m_ledger->setViews(std::move(ledger));
    m_addToMap->setEnabled(m_carbon >= 0 || m_gep >= 0 || m_plan >= 0);
    // (zonal statistics: their table only; the layer's own attribute table is one click away)
    m_selectedLayers.clear();
    m_updating = false;
    updateLedger();
    fillProvenance();
    if (m_runs.empty())
        setWindowTitle(tr("Results"));
    else
        setWindowTitle(tr("Results — %1").arg(m_runCombo->currentText()));
    emit shownRunsChanged();
}

void ResultsDock::updateLedger() {
    int checks = 0;
    m_failed = 0;
    QStringList failed;
    for (int run : { m_carbon, m_gep }) {
        if (run < 0)
            continue;
        const analysis::Table* t = m_runs[std::size_t(run)].results->table(QStringLiteral("ledger_check"));
        if (!t)
            continue;
        const int passed = t->columnIndex(QStringLiteral("passed"));
        for (std::size_t r = 0; r < t->rowCount(); ++r) {
            ++checks;
            const QVariant v = t->value(r, passed);
            if (!v.isNull() && v.toInt() == 0) {
                ++m_failed;
                if (failed.size() < 5)
                    failed << QStringLiteral("%1 (%2, %3)")
                                .arg(t->value(r, QStringLiteral("check")).toString(),
                                     t->value(r, QStringLiteral("subject")).toString(),
                                     t->value(r, QStringLiteral("quantity")).toString());
            }
        }
    }
    const int ledgerTab = m_tabs->indexOf(m_ledgerSummary->parentWidget());
    if (checks == 0) {
        m_ledgerSummary->setText(tr("No ledger check in the shown results."));
        m_ledgerSummary->setStyleSheet(QString());
        m_tabs->setTabText(ledgerTab, tr("Ledger Check"));
        m_tabs->tabBar()->setTabTextColor(ledgerTab, QColor());
    } else if (m_failed == 0) {
        m_ledgerSummary->setText(tr("All %n check(s) passed: the totals add up.", nullptr, checks));
        m_ledgerSummary->setStyleSheet(QStringLiteral("color: #1b5e20"));
        m_tabs->setTabText(ledgerTab, tr("Ledger Check"));
        m_tabs->tabBar()->setTabTextColor(ledgerTab, QColor());
    } else {
        m_ledgerSummary->setText(
          tr("%n of %1 check(s) FAILED: the totals do not add up. First: %2", nullptr, m_failed)
            .arg(QLocale().toString(checks), failed.join(QStringLiteral("; "))));
        m_ledgerSummary->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold"));
        m_tabs->setTabText(ledgerTab, tr("Ledger Check (%n failed)", nullptr, m_failed));
        m_tabs->tabBar()->setTabTextColor(ledgerTab, QColor(170, 0, 0));
        // Failed rows first.
        m_ledger->m_view->sortByColumn(m_ledger->m_model->columnOf(QStringLiteral("passed")),
                                       Qt::AscendingOrder);
    }
}

void ResultsDock::fillProvenance() {
    const int run = m_provenanceRun->currentData().isValid() ? m_provenanceRun->currentData().toInt() : -1;
    for (QTableWidget* t : { m_inputs, m_parameters, m_settings })
        t->setRowCount(0);
    if (run < 0 || run >= int(m_runs.size())) {
        m_provenanceSummary->setText(tr("No results loaded."));
        return;
    }
    const analysis::Provenance& p = m_runs[std::size_t(run)].results->provenance;
    const QLocale locale;
    m_provenanceSummary->setText(tr("%1 %2, analysis %3; started %4, finished %5; project %6")
                                   .arg(p.software,
                                        p.version,
                                        p.analysis,
                                        locale.toString(p.started.toLocalTime(), QLocale::ShortFormat),
                                        locale.toString(p.finished.toLocalTime(), QLocale::ShortFormat),
                                        QDir::toNativeSeparators(p.projectFile)));
    m_inputs->setRowCount(int(p.inputs.size()));
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
        const analysis::InputRecord& in = p.inputs[i];
        QStringList hashes, files;
        qint64 bytes = 0;
        for (const analysis::InputFile& f : in.files) {
            hashes << f.sha256;
            files << QStringLiteral("%1  %2").arg(f.sha256, QDir::toNativeSeparators(f.path));
            bytes += f.bytes;
        }
        setRow(m_inputs,
               int(i),
               { in.role,
                 in.id,
                 in.kind,
                 QDir::toNativeSeparators(in.path),
                 hashes.value(0),
                 locale.toString(bytes),
                 in.crs,
                 in.dates,
                 in.details },
               { QString(), QString(), QString(), QString(), files.join(QLatin1Char('\n')) });
    }
    m_parameters->setRowCount(int(p.parameters.size()));
    for (std::size_t i = 0; i < p.parameters.size(); ++i) {
        const analysis::ParameterRecord& r = p.parameters[i];
        const std::optional<models::params::Tag> tag = models::params::parseTag(r.tag);
        setRow(m_parameters,
               int(i),
               { r.table,
                 r.key,
                 tag ? models::params::tagLabel(*tag) : r.tag,
                 r.source,
                 r.values,
                 r.uses > 0 ? locale.toString(r.uses) : QString(),
                 QDir::toNativeSeparators(r.file),
                 QString::number(r.row) });
        if (r.flagged) {
            // Secondary, unconfirmed or example values: to be confirmed before the result is used.
            m_parameters->item(int(i), 2)->setForeground(QColor(170, 90, 0));
            m_parameters->item(int(i), 2)->setToolTip(
              tr("%1: not a verified value; confirm it before the result is used.")
                .arg(tag ? models::params::tagDescription(*tag) : r.tag));
        }
    }
    m_settings->setRowCount(int(p.settings.size()));
    for (std::size_t i = 0; i < p.settings.size(); ++i) {
        const analysis::Provenance::Setting& s = p.settings[i];
        setRow(m_settings, int(i), { s.key, s.value, s.unit, s.source });
    }
    for (QTableWidget* t : { m_inputs, m_parameters, m_settings }) {
        t->resizeColumnsToContents();
        for (int c = 0; c < t->columnCount(); ++c)
            t->setColumnWidth(c, std::min(t->columnWidth(c), 360));
    }
}

namespace {

/// How a parcels table names its map features: the FID column and the layer, from a `layer` column
/// (the carbon run's parcels) or from the table's name (GEP's parcels_<layer>).
struct ParcelKeys {
    int fidColumn = -1;
    int layerColumn = -1;
    QString tableLayer;
    QString layerOf(const analysis::Table& table, std::size_t row) const {
        return layerColumn >= 0 ? table.value(row, layerColumn).toString() : tableLayer;
    }
};

ParcelKeys parcelKeys(const analysis::Table& table) {
    ParcelKeys k;
    k.fidColumn = table.columnIndex(QStringLiteral("source_fid"));
    k.layerColumn = table.columnIndex(QStringLiteral("layer"));
    if (k.layerColumn < 0 && table.name.startsWith(QLatin1String("parcels_")))
        k.tableLayer = table.name.mid(8);
    if (k.layerColumn < 0 && k.tableLayer.isEmpty())
        k.fidColumn = -1;
    return k;
}

} // namespace

void ResultsDock::onParcelSelection() {
    if (m_updating)
        return;
    const analysis::Table* table = m_parcels->m_model->table();
    if (!table)
        return;
    const ParcelKeys keys = parcelKeys(*table);
    if (keys.fidColumn < 0)
        return; // rows that are no parcels of a layer (GEP's indicators): no map link
    std::map<QString, QList<qint64>> byLayer;
    const QModelIndexList rows = m_parcels->m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const int r = index.data(ResultTableModel::TableRowRole).toInt();
        byLayer[keys.layerOf(*table, std::size_t(r))].push_back(
          table->value(std::size_t(r), keys.fidColumn).toLongLong());
    }
    for (auto& [layer, fids] : byLayer)
        std::sort(fids.begin(), fids.end());
    QStringList now;
    for (const auto& [layer, fids] : byLayer)
        now << layer;
    // Layers whose rows were all deselected get an empty selection.
    for (const QString& layer : std::as_const(m_selectedLayers))
        if (!byLayer.count(layer))
            emit parcelsSelected(layer, {});
    m_selectedLayers = now;
    for (const auto& [layer, fids] : byLayer)
        emit parcelsSelected(layer, fids);
}

void ResultsDock::selectParcels(const QString& layer, const QList<qint64>& fids) {
    const analysis::Table* table = m_parcels->m_model->table();
    if (!table)
        return;
    const ParcelKeys keys = parcelKeys(*table);
    if (keys.fidColumn < 0)
        return;
    const std::set<qint64> wanted(fids.begin(), fids.end());
    QItemSelectionModel* selection = m_parcels->m_view->selectionModel();
    const ResultFilterModel* proxy = m_parcels->m_proxy;
    QItemSelection select, deselect;
    int first = -1;
    const int lastColumn = m_parcels->m_model->columnCount() - 1;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const int r = proxy->index(row, 0).data(ResultTableModel::TableRowRole).toInt();
        if (keys.layerOf(*table, std::size_t(r)) != layer)
            continue;
        const bool want = wanted.count(table->value(std::size_t(r), keys.fidColumn).toLongLong()) > 0;
        const QModelIndex a = proxy->index(row, 0), b = proxy->index(row, lastColumn);
        if (want) {
            select.select(a, b);
            if (first < 0)
                first = row;
        } else if (selection->isRowSelected(row, {})) {
            deselect.select(a, b);
        }
    }
    m_updating = true;
    selection->select(deselect, QItemSelectionModel::Deselect);
    selection->select(select, QItemSelectionModel::Select);
    m_updating = false;
    m_selectedLayers.removeAll(layer);
    if (!fids.isEmpty())
        m_selectedLayers << layer;
    if (first >= 0)
        m_parcels->m_view->scrollTo(proxy->index(first, 0));
}

} // namespace tanhui::gui
