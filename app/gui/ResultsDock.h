// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/ResultLayer.h"
#include "models/analysis/ResultSet.h"
#include "models/project/Project.h"

#include <QDateTime>
#include <QDockWidget>
#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTableWidget;
class QToolButton;

namespace tanhui::gui {

class ResultFilterModel;
class ResultTableModel;
class ResultTablePanel;

/// @brief The Results dock (issue 13, "Results"): a carbon project run's, a GEP run's and a restoration
/// plan run's result sets, read from their folders (resultset.json) or given in memory.
/// - Parcels: every row of the carbon "parcels" table or a GEP parcels_<layer> / indicators table,
///   headed "name (unit)" (the column's description as tooltip), sortable, filtered by a text in one
///   column or any text column ("> 100" compares numbers); its selection follows the map and the map
///   follows it (parcelsSelected / selectParcels, by project layer id and source FID).
/// - Totals: by ecosystem type, district, method and pool (carbon) and by service, ecosystem, district
///   and category (GEP), values with their 95 % bounds as "value [low–high]".
/// - Ledger check: every check of both runs, a failed one painted red and counted above the table.
/// - Provenance: inputs with SHA-256, parameters used with source and evidence tag, settings.
class ResultsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ResultsDock(QWidget* parent = nullptr);
    ~ResultsDock() override;

    /// A result set loaded in the dock, with the folder it was read from (empty: given in memory).
    struct Run {
        std::shared_ptr<const models::analysis::ResultSet> results;
        QString folder;     ///< absolute
        QDateTime finished; ///< UTC (the provenance's, or the project's record)
    };

    /// Reads the result folder `dir` (analysis::readResultSet) and shows it as the current carbon or GEP
    /// run (by its analysis). False with `error` (translated, naming the folder) when it cannot be read.
    bool openFolder(const QString& dir, QString* error = nullptr);
    /// Shows a run's result set held in memory, written to `folder` (listed in the project's results like
    /// an opened folder): no reading. Lazy tables are read into rows here unless the caller did so
    /// (analysis::materialiseTables, e.g. on the job's worker thread).
    void showRun(std::shared_ptr<const models::analysis::ResultSet> results, const QString& folder);
    /// Shows result sets held in memory (copied; lazy tables are read once); null leaves that side empty.
    void setResults(const models::analysis::ResultSet* carbon, const models::analysis::ResultSet* gep);
    /// Forgets every run and lists the project's saved results (its "results" section), reading each
    /// folder; returns one translated line per folder that is missing or unreadable (never throws).
    QStringList setProject(const models::Project& project);
    /// The loaded runs that have a folder, as the project's "results" section holds them, the folders
    /// relative to `projectDir`.
    std::vector<models::ProjectResult> projectResults(const QString& projectDir) const;

    const std::vector<Run>& runs() const { return m_runs; }
    /// The shown carbon and GEP runs (null when none).
    const models::analysis::ResultSet* carbon() const;
    const models::analysis::ResultSet* gep() const;
    /// The same, shared (for the Result Charts dock).
    std::shared_ptr<const models::analysis::ResultSet> shownCarbon() const;
    std::shared_ptr<const models::analysis::ResultSet> shownGep() const;
    /// The shown restoration plan run (analysis "restoration_plan"; null when none).
    std::shared_ptr<const models::analysis::ResultSet> shownPlan() const;

    // The widgets, for tests and screenshots.
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* parcelView() const;
    ResultTableModel* parcelModel() const;
    ResultFilterModel* parcelFilter() const;
    /// Shows the parcel table `name` ("parcels", "parcels_xiaoban", "indicators"); false when none.
    bool showParcelTable(const QString& name);
    /// Filters the parcel table: `text` in column `column` (result column name; empty: any text column).
    void setParcelFilter(const QString& column, const QString& text);
    QTableView* totalsView() const;
    ResultTableModel* totalsModel() const;
    /// Shows totals `key`: a carbon table name ("totals_by_ecosystem_type") or "gep:<group>"
    /// ("gep:service", "gep:ecosystem", "gep:district"); false when none.
    bool showTotals(const QString& key);
    QTableView* ledgerView() const;
    ResultTableModel* ledgerModel() const;
    /// The line above the ledger table ("All 258 checks passed" or the failures, in red).
    QLabel* ledgerSummary() const { return m_ledgerSummary; }
    /// Failed checks of the shown runs.
    int failedChecks() const { return m_failed; }
    QTableWidget* inputsTable() const { return m_inputs; }
    QTableWidget* parametersTable() const { return m_parameters; }
    QTableWidget* settingsTable() const { return m_settings; }

public slots:
    /// Shows a map selection: selects the rows of parcels `fids` of project layer `layer` (rows of other
    /// layers stay selected) without emitting parcelsSelected.
    void selectParcels(const QString& layer, const QList<qint64>& fids);

signals:
    /// The carbon or GEP run shown changed (a run opened, another chosen, the project's results read).
    void shownRunsChanged();
    /// The user selected parcel rows: for each project layer, the source FIDs selected now (an empty
    /// list when no row of that layer is selected any more).
    void parcelsSelected(const QString& layer, const QList<qint64>& fids);
    /// "Add to map": the result GeoPackage and what to draw (loadResultLayer).
    void resultLayerRequested(const QString& gpkg, tanhui::gui::ResultQuantity quantity);

private:
    void addRun(Run run);
    void rebuild();
    void fillProvenance();
    void onParcelSelection();
    void updateLedger();
    QString runLabel(const Run& run) const;

    std::vector<Run> m_runs;
    /// The shown run of each kind (carbon, GEP, restoration plan, zonal statistics): indices into m_runs,
    /// −1 for none.
    int m_carbon = -1, m_gep = -1, m_plan = -1, m_zonal = -1;
    int& shownSlot(const models::analysis::ResultSet& rs);
    QComboBox* m_runCombo = nullptr;
    QLabel* m_problems = nullptr;
    QTabWidget* m_tabs = nullptr;
    ResultTablePanel* m_parcels = nullptr;
    ResultTablePanel* m_totals = nullptr;
    ResultTablePanel* m_ledger = nullptr;
    QToolButton* m_addToMap = nullptr;
    QLabel* m_ledgerSummary = nullptr;
    QComboBox* m_provenanceRun = nullptr;
    QLabel* m_provenanceSummary = nullptr;
    QTableWidget* m_inputs = nullptr;
    QTableWidget* m_parameters = nullptr;
    QTableWidget* m_settings = nullptr;
    int m_failed = 0;
    bool m_updating = false;
    QStringList m_selectedLayers; ///< layers with rows selected at the last emission
};

} // namespace tanhui::gui
