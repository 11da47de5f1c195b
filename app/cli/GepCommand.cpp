// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/GepCommand.h"

#include "app/cli/CliCommon.h"
#include "app/cli/NumericOptions.h"
#include "gis/Errors.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "gis/StagedOutput.h"
#include "gis/TableWriter.h"
#include "gis/VectorLayer.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/ProjectLedger.h"
#include "models/gep/GepTables.h"
#include "models/gep/Plausibility.h"
#include "models/params/ParameterTable.h"
#include "models/project/Project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <future>
#include <thread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace tanhui::cli {

namespace {

struct GepCommand {
    Q_DECLARE_TR_FUNCTIONS(GepCommand)
};

namespace gep = models::gep;
namespace params = models::params;
namespace carbon = models::carbon;

/// Appends a value to a table row.
std::vector<QVariant>& operator<<(std::vector<QVariant>& row, const QVariant& value) {
    row.push_back(value);
    return row;
}

QString helpText() {
    return GepCommand::tr(
      "Gross ecosystem product (GEP) per parcel (gep-methods.md): physical quantity, value (CNY), price and\n"
      "source for every indicator of the accounting profile; GEP = material + regulating + cultural.\n"
      "\n"
      "Inputs come from the project: parcel layers (forest sub-compartments, farmland plots, wetland units,\n"
      "restoration plots), districts, and the rasters with roles precipitation, evapotranspiration, "
      "rusle_r,\n"
      "rusle_k, rusle_c, dem and landcover. Ecosystem type = the parcel's majority land-cover class at the\n"
      "latest date (coefficients from gep/ecosystem_params.csv). Soil retention R·K·LS·(1 − C·P) is "
      "computed\n"
      "per pixel (LS from the DEM, see docs/gep.md; P = 1) and averaged per parcel with the exact zonal\n"
      "engine. Carbon sequestration is the carbon result's per-parcel change of the interval ending at the\n"
      "accounting year (the latest land-cover date), per year, never re-derived. Indicators without inputs "
      "are skipped and listed with the reason.\n"
      "\n"
      "Outputs in --out DIR: indicators.csv (parcel × indicator: quantity, unit, value, price, price unit,\n"
      "price year, source, tag, flags), parcels_<layer>.gpkg (one row per parcel with geometry and one "
      "value\n"
      "column per indicator), totals.csv (by service, category, ecosystem type and district, with shares),\n"
      "skipped.csv (layer, ecosystem, indicator, reason, parcels), prices_used.csv, and with --scenario: "
      "scenario_diff.csv.\n"
      "\n"
      "Example:\n"
      "  tanhui-cli gep --project sample/project.tanhui.json --out gep_out --ac-days 120");
}

void printIssues(const params::Issues& issues) {
    for (const params::Issue& i : issues) {
        if (i.isError())
            printError(i.toString());
        else
            printWarning(i.toString());
    }
}

struct Settings {
    QString profileId;
    QString priceSet;
    QString pricesFile;
    QString deflatorsFile;
    int priceYear = 0;
    std::optional<bool> copVariant;
    std::optional<double> acDays;
    double slopeLengthM = 22.13;
    QStringList layerIds;
    QString outDir;
    std::map<QString, QString> carbonTables; ///< --carbon LAYER=FILE: `tanhui-cli carbon` parcels.csv
    QString carbonResults; ///< --carbon-results: parcels.csv of `tanhui-cli carbon --project` (or empty)
};

/// @brief A carbon table read record by record (params::CsvReader: only the fields GEP uses are
/// decoded), with its header. Throws GisError naming the file when it cannot be read or is empty.
struct CarbonCsv {
    explicit CarbonCsv(const QString& path)
      : path(path)
      , reader(readAllOf(path)) {
        if (!reader.next())
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                GepCommand::tr("the carbon table %1 is empty").arg(path).toStdString());
        header = reader.fields();
    }

    /// The next record; at the end, an unclosed quote is an error naming the file.
    bool next() {
        if (reader.next())
            return true;
        if (reader.unterminatedQuote())
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("the carbon table %1 has a quoted field that is not closed (missing '\"')")
                .arg(path)
                .toStdString());
        return false;
    }

    static QByteArray readAllOf(const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            throw gis::GisError(gis::GisError::Kind::Open,
                                GepCommand::tr("cannot open the carbon table %1").arg(path).toStdString(),
                                path.toStdString());
        return f.readAll();
    }

    QString path;
    params::CsvReader reader;
    QStringList header;
};

/// The carbon change of one parcel, as the carbon engine gave it.
struct CarbonEntry {
    std::optional<double> tcPerYr; ///< carbon fixed per year, t C/a (positive = sink)
    QString years;                 ///< "2015-2024": the span it was taken from
    QString reason;                ///< why there is no value (empty when there is one)
    QString method;    ///< the carbon method of the row (empty when the table has no method column)
    bool flux = false; ///< the change is a flux (gain-loss), not a stock difference
    /// The vegetation / soil split of tcPerYr (gep::splitCarbonChange, gep-methods.md §4.9): only the
    /// vegetation part releases O2. Unset vegetation = the row has soil carbon only.
    std::optional<double> vegetationTcPerYr, soilTcPerYr;
};

/// @brief Per-row carbon flow (t C/a) of the accounting year from a `tanhui-cli carbon` parcels.csv
/// (models/carbon/CarbonTables.h, docs/carbon-project.md, docs/gep.md "Carbon sequestration"): GEP values
/// the flow of the accounting year (gep-methods.md §4.8), so the change is taken from the interval ending at
/// the accounting year, the narrowest such interval (2021–2024 before 2015–2024), else the narrowest interval
/// containing it; never the first → last mean of a longer record. Units come from the column names:
/// change_t_per_yr_<y1>_<y2> (t C/yr), else change_t_<y1>_<y2> (t C) / (y2 − y1); the change_tco2e_*
/// columns are never taken as t C. A row without a change for such an interval (e.g. the volume method's
/// single inventory date) gets a reason instead of a value. Throws GisError naming the file, row and column
/// of a non-number, or the file when it has no change column.
class CarbonColumns {
public:
    CarbonColumns(const QStringList& header, const QString& path, int accountingYear)
      : m_path(path)
      , m_year(accountingYear) {
        const QRegularExpression perYr(QStringLiteral("^change_t_per_yr_(\\d{4})_(\\d{4})$"));
        const QRegularExpression total(QStringLiteral("^change_t_(\\d{4})_(\\d{4})$"));
        for (int c = 0; c < header.size(); ++c) {
            for (int pass = 0; pass < 2; ++pass) {
                const auto m = (pass == 0 ? perYr : total).match(header[c]);
                if (!m.hasMatch())
                    continue;
                const int y1 = m.captured(1).toInt(), y2 = m.captured(2).toInt();
                m_cols.push_back(
                  { c,
                    y1,
                    y2,
                    pass == 0,
                    header[c],
                    int(header.indexOf(QStringLiteral("change_basis_%1_%2").arg(y1).arg(y2))) });
            }
        }
        // Only intervals ending at or containing the accounting year; those ending at it first, then the
        // narrowest (the accounting year's own interval, not a first → last mean); per-year before total
        // for the same span.
        std::erase_if(m_cols, [&](const Col& c) { return !(c.y1 < m_year && m_year <= c.y2); });
        std::stable_sort(m_cols.begin(), m_cols.end(), [&](const Col& a, const Col& b) {
            if ((a.y2 == m_year) != (b.y2 == m_year))
                return a.y2 == m_year;
            if (a.y2 - a.y1 != b.y2 - b.y1)
                return a.y2 - a.y1 < b.y2 - b.y1;
            if (a.y2 != b.y2)
                return a.y2 < b.y2;
            return a.perYear > b.perYear;
        });
        // Pool stocks <pool>_t_<year> (docs/carbon-project.md): the vegetation / soil split of a change.
        const QRegularExpression pool(QStringLiteral("^(c_[a-z]+)_t_(\\d{4})$"));
        for (int c = 0; c < header.size(); ++c)
            if (const auto m = pool.match(header[c]);
                m.hasMatch() && m.captured(1) != QLatin1String("c_total"))
                m_pools.push_back({ c, m.captured(2).toInt(), m.captured(1) });
        const bool anyChange = std::any_of(header.cbegin(), header.cend(), [](const QString& h) {
            return h.startsWith(QLatin1String("change_t_")) && !h.startsWith(QLatin1String("change_tco2e"));
        });
        m_notComputed = int(header.indexOf(QStringLiteral("not_computed")));
        m_method = int(header.indexOf(QStringLiteral("method")));
        if (!anyChange)
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("the carbon table %1 has no column change_t_per_yr_<y1>_<y2> (t C/yr) or "
                             "change_t_<y1>_<y2> (t C); write it with tanhui-cli carbon")
                .arg(path)
                .toStdString());
        if (m_cols.empty())
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("the carbon table %1 has no change for an interval ending at or containing the "
                             "accounting year %2; run tanhui-cli carbon with %2 among its years")
                .arg(path)
                .arg(accountingYear)
                .toStdString());
    }

    CarbonEntry entry(const params::CsvReader& row) const {
        CarbonEntry e;
        for (const Col& c : m_cols) {
            const QString v = row.field(c.index).trimmed();
            if (v.isEmpty() || c.y2 <= c.y1)
                continue;
            bool ok = false;
            const double x = v.toDouble(&ok);
            if (!ok)
                throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                    GepCommand::tr("%1, row %2, column %3: '%4' is not a number")
                                      .arg(m_path)
                                      .arg(row.line())
                                      .arg(c.name, v)
                                      .toStdString());
            e.tcPerYr = c.perYear ? x : x / (c.y2 - c.y1);
            e.years = QStringLiteral("%1-%2").arg(c.y1).arg(c.y2);
            e.method = row.field(m_method).trimmed();
            e.flux = row.field(c.basis).trimmed() == QLatin1String("flux");
            std::vector<gep::PoolChange> pools;
            for (const PoolCol& p1 : m_pools) {
                if (p1.year != c.y1)
                    continue;
                for (const PoolCol& p2 : m_pools) {
                    if (p2.year != c.y2 || p2.pool != p1.pool)
                        continue;
                    bool ok1 = false, ok2 = false;
                    const double a = row.field(p1.index).trimmed().toDouble(&ok1);
                    const double b = row.field(p2.index).trimmed().toDouble(&ok2);
                    if (ok1 && ok2)
                        pools.push_back({ p1.pool, (b - a) / (c.y2 - c.y1) });
                }
            }
            const gep::CarbonSplit split = gep::splitCarbonChange(*e.tcPerYr, pools, e.method);
            e.vegetationTcPerYr = split.vegetationTcPerYr;
            e.soilTcPerYr = split.soilTcPerYr;
            return e;
        }
        const QString nc = row.field(m_notComputed).trimmed();
        e.method = row.field(m_method).trimmed();
        e.reason = !nc.isEmpty() ? GepCommand::tr("the carbon engine did not compute the parcel: %1").arg(nc)
                                 : GepCommand::tr("the carbon engine gives no change for the parcel in an "
                                                  "interval ending at or containing the accounting year %1 "
                                                  "(method %2)")
                                     .arg(m_year)
                                     .arg(m_method >= 0 ? row.field(m_method) : QStringLiteral("?"));
        return e;
    }

private:
    struct Col {
        int index;
        int y1, y2;
        bool perYear;
        QString name;
        int basis; ///< column change_basis_<y1>_<y2> (-1 when absent)
    };
    struct PoolCol {
        int index;
        int year;
        QString pool;
    };
    QString m_path;
    int m_year = 0; ///< the accounting year
    std::vector<Col> m_cols;
    std::vector<PoolCol> m_pools;
    int m_notComputed = -1, m_method = -1;
};

/// @brief `--carbon LAYER=FILE`: the per-parcel table of `tanhui-cli carbon --parcels`, by the layer's id
/// field (or `id`).
std::map<QString, CarbonEntry> readCarbonTable(const QString& path,
                                               const QString& idField,
                                               int accountingYear) {
    CarbonCsv t(path);
    const CarbonColumns cols(t.header, path, accountingYear);
    int idCol = int(t.header.indexOf(idField));
    if (idCol < 0)
        idCol = int(t.header.indexOf(QStringLiteral("id")));
    if (idCol < 0)
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            GepCommand::tr("the carbon table %1 needs the id column '%2' or 'id'")
                              .arg(path, idField)
                              .toStdString());
    std::map<QString, CarbonEntry> out;
    while (t.next())
        out[t.reader.field(idCol)] = cols.entry(t.reader);
    return out;
}

/// @brief `--carbon-results DIR`: the parcels.csv of `tanhui-cli carbon --project`, by layer id and
/// source_fid (the feature id in the layer). When the file has a `primary` column (several methods per
/// ecosystem type, docs/carbon-project.md), the parcel's primary row gives the change; when that method
/// has none (e.g. the volume method's single inventory date), another row of the parcel does: the first
/// whose change is a flux (the gain-loss method: growth minus losses, the counterpart of the NEP that GEP's
/// 固碳 values, gep-methods.md §4.8), else the first with any change (in the order of the carbon section's
/// methods); CarbonEntry::method says which.
std::map<std::pair<QString, qint64>, CarbonEntry> readCarbonResults(const QString& path, int accountingYear) {
    CarbonCsv t(path);
    const CarbonColumns cols(t.header, path, accountingYear);
    const int layerCol = int(t.header.indexOf(QStringLiteral("layer")));
    const int fidCol = int(t.header.indexOf(QStringLiteral("source_fid")));
    const int primaryCol = int(t.header.indexOf(QStringLiteral("primary")));
    if (layerCol < 0 || fidCol < 0)
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            GepCommand::tr("the carbon results %1 need the columns layer and source_fid "
                                           "(written by tanhui-cli carbon --project)")
                              .arg(path)
                              .toStdString());
    std::map<std::pair<QString, qint64>, CarbonEntry> out;
    std::map<std::pair<QString, qint64>, CarbonEntry> fallback; // first other row with a change
    while (t.next()) {
        bool primary = true;
        if (primaryCol >= 0) {
            const QString p = t.reader.field(primaryCol).trimmed().toLower();
            primary = p == QLatin1String("1") || p == QLatin1String("true") || p == QLatin1String("yes");
        }
        bool ok = false;
        const qint64 fid = t.reader.field(fidCol).toLongLong(&ok);
        if (!ok)
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                GepCommand::tr("%1, row %2, column source_fid: '%3' is not a feature id")
                                  .arg(path)
                                  .arg(t.reader.line())
                                  .arg(t.reader.field(fidCol))
                                  .toStdString());
        const std::pair<QString, qint64> key{ t.reader.field(layerCol), fid };
        CarbonEntry e = cols.entry(t.reader);
        if (primary)
            out[key] = std::move(e);
        else if (e.tcPerYr) {
            const auto it = fallback.find(key);
            if (it == fallback.end())
                fallback[key] = std::move(e);
            else if (e.flux && !it->second.flux)
                it->second = std::move(e);
        }
    }
    for (auto& [key, e] : out)
        if (!e.tcPerYr) {
            const auto it = fallback.find(key);
            if (it != fallback.end())
                e = it->second;
        }
    return out;
}

/// Everything loaded once: prices, profile, coefficients, constants.
struct Model {
    gep::PriceSet prices;
    /// The prices before the price-year adjustment (gep-methods.md §5.3: the report shows the value at
    /// current prices and at the base-year prices); empty when no adjustment ran.
    std::optional<gep::PriceSet> basePrices;
    gep::Profile profile;
    std::map<QString, gep::EcosystemParams> ecosystems;
    gep::Constants constants;
    params::ParameterTable parcelInputs;    ///< --parcel-inputs: key "<layer>:<parcel id>"
    std::vector<params::TableRow> products; ///< --products
};

/// `--parcel-inputs`: per-parcel attributes that no raster gives (gep-methods.md §4.5, §4.12, §4.13).
const params::TableSpec& parcelInputSpec() {
    static const params::TableSpec spec{
        "gep_parcel_inputs",
        "parcel",
        {},
        false,
        QT_TRANSLATE_NOOP("Parameters", "parcel (<layer>:<id>)"),
        { { "visits", QT_TRANSLATE_NOOP("Parameters", "visits per year"), "visit/a", 0, 1e10, false, false },
          { "spend_per_visit_cny",
            QT_TRANSLATE_NOOP("Parameters", "travel cost per visit"),
            "CNY/visit",
            0,
            1e7,
            false,
            false },
          { "shoreline_m",
            QT_TRANSLATE_NOOP("Parameters", "protected shoreline"),
            "m",
            0,
            1e7,
            false,
            false },
          { "reservoir_capacity_m3",
            QT_TRANSLATE_NOOP("Parameters", "reservoir total capacity"),
            "m3",
            0,
            1e12,
            false,
            false } },
        {},
        "",
    };
    return spec;
}

/// `--products`: material products per land-cover class (§4.1): yield per ha and the price key.
const params::TableSpec& productSpec() {
    static const params::TableSpec spec{
        "gep_products",
        "product",
        {},
        false,
        QT_TRANSLATE_NOOP("Parameters", "product"),
        { { "lucode", QT_TRANSLATE_NOOP("Parameters", "land-cover code"), "code", 0, 1e9 },
          { "yield_t_per_ha", QT_TRANSLATE_NOOP("Parameters", "yield"), "t/ha/a", 0, 1e6 } },
        { "price_key" },
        "",
    };
    return spec;
}

/// One evaluated parcel.
struct ParcelRow {
    QString layer;
    QString id;
    QString ecosystemKey;
    QString ecosystemName;
    QString ecosystemSource; ///< "type_field" (the layer's mapped ecosystem_type) or "landcover_majority"
    QString ecosystemType;   ///< the mapped type of the layer's ecosystem_type field (empty without one)
    QString carbonSource;    ///< "carbon_results", "carbon_table" or "pool_method"
    QString carbonYears;     ///< the span of the carbon change, e.g. "2015-2024"
    QString carbonNote;      ///< why the carbon engine gave no change (empty otherwise)
    QString district;
    double areaHa = 0;
    /// The part of the parcel GEP totals count (0–1): the parcel minus the parcels of layers of higher
    /// precedence (carbon.precedence; the carbon run's ledger, docs/carbon-project.md).
    double accountedShare = 1.0;
    std::optional<double> carbonFluxTC; ///< the carbon flux (t C/a) the parcel's GEP used
    QStringList flags;
    std::vector<gep::IndicatorResult> results;
    std::vector<gep::IndicatorResult> baseResults; ///< at the base-year prices (only with --price-year)
    std::vector<unsigned char> wkb;
    double etMm = std::nan("");                   ///< parcel mean annual ET (NaN: none)
    double potentialErosionTPerHa = std::nan(""); ///< parcel mean R·K·LS (NaN: none)
    double slopeCappedShare = 0;                  ///< share of the parcel's cells with a capped slope
};

struct RunResult {
    std::map<QString, double> seconds; ///< wall time per stage (soil_retention_raster, carbon_rasters, ...)
    std::int64_t slopeCappedCells = 0; ///< DEM cells whose slope exceeded gep::LsFactor's cap
    /// Parcels per plausibility flag (implausible_potential_erosion, ls_slope_capped,
    /// water_conservation_low_et).
    std::map<QString, int> plausibilityCounts;
    std::vector<ParcelRow> rows;
    std::map<QString, gis::Crs> layerCrs;
    QStringList notes;
    std::optional<carbon::ProjectLedger> ledger; ///< overlaps of the parcel layers
};

// ---- LS and soil retention raster (gep-methods.md §4.3) ------------------------------------------

/// Writes soil_retention_t_ha.tif (band 1: R·K·LS·(1 − C), t/ha/a; band 2: LS; band 3: potential erosion
/// R·K·LS, t/ha/a; band 4: 1 where the slope exceeded the validity cap of gep::LsFactor, else 0) on the DEM
/// grid. The R, K and C rasters must share the DEM's grid. Slope by Horn's 3 × 3 method (edges
/// replicated). `cappedCells` receives the number of cells whose slope was capped.
std::string writeSoilRetention(const std::string& dem,
                               const std::string& r,
                               const std::string& k,
                               const std::string& c,
                               double slopeLengthM,
                               const QString& outDir,
                               gis::Feedback* feedback,
                               std::int64_t* cappedCells) {
    gis::RasterDataset d(dem), rr(r), kk(k), cc(c);
    const gis::Grid& g = d.info().grid;
    for (const gis::RasterDataset* o : { &rr, &kk, &cc })
        if (!o->info().grid.sameAs(g))
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("raster %1 is not on the grid of the DEM %2; resample the RUSLE "
                             "factors to the DEM grid (same origin, cell size and size)")
                .arg(QString::fromStdString(o->path()), QString::fromStdString(dem))
                .toStdString());
    gis::RasterSpec spec;
    spec.grid = g;
    spec.crs = d.info().crs;
    spec.type = gis::RasterSpec::Type::Float32;
    spec.bands = 4;
    spec.nodata = -1;
    spec.bandDescriptions = { "soil_retention_t_ha", "ls", "potential_erosion_t_ha", "slope_capped" };
    spec.overviews = false;
    spec.deflateLevel = 1; // an intermediate product: fast compression
    const std::string path = QDir(outDir).filePath(QStringLiteral("soil_retention_t_ha.tif")).toStdString();
    gis::RasterWriter writer(path, spec);
    const int band = 256;
    // One band of rows with its inputs (the DEM with a one-row halo above and below).
    struct Rows {
        int row0 = 0, rows = 0, h0 = 0, h1 = 0;
        std::vector<double> z, rv, kv, cv;
        std::vector<unsigned char> zok, rok, kok, cok;
    };
    // The four inputs are read concurrently (each dataset has its own handle), and the next band is
    // read while the current one is compressed and written: decompression and compression run on
    // different cores. Exceptions (a corrupt block) reach the caller through the futures.
    auto readRows = [&](Rows& in, int row0) {
        in.row0 = row0;
        in.rows = std::min(band, g.rows - row0);
        in.h0 = std::max(0, row0 - 1);
        in.h1 = std::min(g.rows, row0 + in.rows + 1);
        const gis::Window w{ row0, 0, in.rows, g.cols };
        auto fz = std::async(std::launch::async, [&] {
            d.read(1, { in.h0, 0, in.h1 - in.h0, g.cols }, in.z, in.zok);
        });
        auto fr = std::async(std::launch::async, [&] { rr.read(1, w, in.rv, in.rok); });
        auto fk = std::async(std::launch::async, [&] { kk.read(1, w, in.kv, in.kok); });
        cc.read(1, w, in.cv, in.cok);
        fz.get();
        fr.get();
        fk.get();
    };
    std::vector<float> outSr, outLs, outPot, outCap;
    const double dx = g.cellWidth, dy = g.cellHeight;
    const gep::LsFactor lsOf(slopeLengthM);
    std::atomic<std::int64_t> capped{ 0 };
    Rows cur, next;
    readRows(cur, 0);
    for (int row0 = 0; row0 < g.rows; row0 += band) {
        if (feedback) {
            feedback->throwIfCancelled();
            feedback->setProgress(100.0 * row0 / g.rows, "LS");
        }
        const int rows = cur.rows, h0 = cur.h0, h1 = cur.h1;
        const std::vector<double>& z = cur.z;
        const std::vector<unsigned char>& zok = cur.zok;
        outSr.assign(std::size_t(rows) * g.cols, -1.0f);
        outLs.assign(std::size_t(rows) * g.cols, -1.0f);
        outPot.assign(std::size_t(rows) * g.cols, -1.0f);
        outCap.assign(std::size_t(rows) * g.cols, -1.0f);
        auto zAt = [&](int row, int col) {
            row = std::clamp(row, h0, h1 - 1);
            col = std::clamp(col, 0, g.cols - 1);
            return z[std::size_t(row - h0) * g.cols + col];
        };
        // Rows are independent (each cell a pure function of its neighbourhood): split them over the
        // cores; the output does not depend on the split.
        auto computeRows = [&](int iBegin, int iEnd) {
            std::int64_t cappedHere = 0;
            for (int i = iBegin; i < iEnd; ++i) {
                const int row = row0 + i;
                for (int col = 0; col < g.cols; ++col) {
                    const std::size_t o = std::size_t(i) * g.cols + col;
                    if (!zok[std::size_t(row - h0) * g.cols + col] || !cur.rok[o] || !cur.kok[o] ||
                        !cur.cok[o])
                        continue;
                    const double a = zAt(row - 1, col - 1), b = zAt(row - 1, col), c3 = zAt(row - 1, col + 1);
                    const double dd = zAt(row, col - 1), f = zAt(row, col + 1);
                    const double gg = zAt(row + 1, col - 1), hh = zAt(row + 1, col),
                                 ii = zAt(row + 1, col + 1);
                    const double dzdx = ((c3 + 2 * f + ii) - (a + 2 * dd + gg)) / (8 * dx);
                    const double dzdy = ((gg + 2 * hh + ii) - (a + 2 * b + c3)) / (8 * dy);
                    bool over = false;
                    const double ls = std::max(0.0, lsOf(std::sqrt(dzdx * dzdx + dzdy * dzdy), &over));
                    const double potential = cur.rv[o] * cur.kv[o] * ls;
                    const double cFactor = std::clamp(cur.cv[o], 0.0, 1.0);
                    outLs[o] = float(ls);
                    outSr[o] = float(potential - potential * cFactor * 1.0); // support practice P = 1
                    outPot[o] = float(potential);
                    outCap[o] = over ? 1.0f : 0.0f;
                    cappedHere += over ? 1 : 0;
                }
            }
            capped += cappedHere;
        };
        const int workers = std::clamp(int(std::thread::hardware_concurrency()), 1, rows);
        std::vector<std::thread> pool;
        for (int t = 1; t < workers; ++t)
            pool.emplace_back(computeRows, rows * t / workers, rows * (t + 1) / workers);
        computeRows(0, rows / workers);
        for (std::thread& t : pool)
            t.join();
        std::future<void> prefetch;
        if (row0 + band < g.rows)
            prefetch = std::async(std::launch::async, [&] { readRows(next, row0 + band); });
        writer.writeRows(1, row0, rows, outSr.data());
        writer.writeRows(2, row0, rows, outLs.data());
        writer.writeRows(3, row0, rows, outPot.data());
        writer.writeRows(4, row0, rows, outCap.data());
        writer.flush();
        if (prefetch.valid()) {
            prefetch.get();
            std::swap(cur, next);
        }
    }
    writer.commit(feedback);
    if (cappedCells)
        *cappedCells = capped;
    return path;
}

// ---- districts ------------------------------------------------------------------------------------

bool insideRing(const gis::Ring& ring, double x, double y) {
    bool in = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        if (((ring.y(i) > y) != (ring.y(j) > y)) &&
            (x < (ring.x(j) - ring.x(i)) * (y - ring.y(i)) / (ring.y(j) - ring.y(i)) + ring.x(i)))
            in = !in;
    }
    return in;
}

bool insidePolygon(const gis::MultiPolygon& mp, double x, double y) {
    for (const gis::Polygon& p : mp.parts) {
        if (p.rings.empty() || !insideRing(p.rings[0], x, y))
            continue;
        bool hole = false;
        for (std::size_t r = 1; r < p.rings.size(); ++r)
            hole = hole || insideRing(p.rings[r], x, y);
        if (!hole)
            return true;
    }
    return false;
}

/// Area-weighted centroid of the largest part's exterior ring.
std::pair<double, double> centroid(const gis::MultiPolygon& mp) {
    double best = -1, cx = 0, cy = 0;
    for (const gis::Polygon& p : mp.parts) {
        if (p.rings.empty())
            continue;
        const gis::Ring& r = p.rings[0];
        double a = 0, x = 0, y = 0;
        for (std::size_t i = 0, n = r.size(); i < n; ++i) {
            const std::size_t j = (i + 1) % n;
            const double cr = r.x(i) * r.y(j) - r.x(j) * r.y(i);
            a += cr;
            x += (r.x(i) + r.x(j)) * cr;
            y += (r.y(i) + r.y(j)) * cr;
        }
        if (std::fabs(a) > best && a != 0) {
            best = std::fabs(a);
            cx = x / (3 * a);
            cy = y / (3 * a);
        }
    }
    return { cx, cy };
}

// ---- the run ------------------------------------------------------------------------------------

const models::ProjectLayer* rasterRole(const models::Project& project, const char* role) {
    const auto layers = project.layersWithRole(QString::fromLatin1(role));
    const models::ProjectLayer* best = nullptr;
    for (const models::ProjectLayer* l : layers)
        if (!best || l->year > best->year)
            best = l;
    return best;
}

gis::ParcelSet readLayer(const models::Project& project,
                         const models::ProjectLayer& layer,
                         gis::Feedback* fb) {
    gis::ParcelReadOptions ro;
    ro.idField = layer.fields.value(QStringLiteral("id"), layer.idField);
    ro.open.encodingOverride = layer.encoding.toStdString();
    const QString path = project.resolve(layer.path);
    gis::ParcelSet set = gis::readParcels(path.toStdString(), ro, fb);
    reportParcelNotes(path, set);
    return set;
}

bool isParcelLayer(const models::ProjectLayer& layer, const Settings& s) {
    static const char* kParcelRoles[] = {
        "forest_subcompartments", "farmland_plots", "wetland_units", "restoration_plots"
    };
    bool parcelRole = false;
    for (const char* r : kParcelRoles)
        parcelRole = parcelRole || layer.role == QLatin1String(r);
    return parcelRole && (s.layerIds.isEmpty() || s.layerIds.contains(layer.id));
}

/// Adds an indicator flag (and the same row flag) to every result with `key` of the row.
void flagIndicator(ParcelRow& row, const char* key, const QString& flag, std::map<QString, int>& counts) {
    bool any = false;
    for (std::vector<gep::IndicatorResult>* results : { &row.results, &row.baseResults })
        for (gep::IndicatorResult& r : *results)
            if (r.key == QLatin1String(key) && !r.skipped) {
                r.flags << flag;
                any = true;
            }
    if (any) {
        row.flags << flag;
        counts[flag]++;
    }
}

/// Plausibility flags of soil retention and water conservation (docs/gep.md "Plausibility"): potential
/// erosion above gep::kImplausiblePotentialErosionTPerHa, cells with the RUSLE slope capped
/// (gep::LsFactor), and water conservation of a parcel whose ET is far below its ecosystem's median ET
/// (gep::lowEtWithinEcosystem).
void flagPlausibility(RunResult& run) {
    std::vector<QString> eco;
    std::vector<double> et;
    for (const ParcelRow& row : run.rows) {
        eco.push_back(row.ecosystemKey);
        et.push_back(row.etMm);
    }
    const std::vector<bool> lowEt = gep::lowEtWithinEcosystem(eco, et);
    for (std::size_t i = 0; i < run.rows.size(); ++i) {
        ParcelRow& row = run.rows[i];
        if (row.potentialErosionTPerHa > gep::kImplausiblePotentialErosionTPerHa)
            flagIndicator(
              row, "soil_retention", QStringLiteral("implausible_potential_erosion"), run.plausibilityCounts);
        if (row.slopeCappedShare > 0)
            flagIndicator(row, "soil_retention", QStringLiteral("ls_slope_capped"), run.plausibilityCounts);
        if (lowEt[i])
            flagIndicator(
              row, "water_conservation", QStringLiteral("water_conservation_low_et"), run.plausibilityCounts);
    }
}

RunResult runProject(const models::Project& project,
                     const Model& model,
                     const Settings& s,
                     gis::Feedback* fb) {
    RunResult run;
    QElapsedTimer timer;
    timer.start();
    const QString derivedDir = QDir(s.outDir).filePath(QStringLiteral("derived"));
    QDir().mkpath(derivedDir);

    // Rasters.
    const models::ProjectLayer* pLayer = rasterRole(project, "precipitation");
    const models::ProjectLayer* etLayer = rasterRole(project, "evapotranspiration");
    const models::ProjectLayer* stormLayer = rasterRole(project, "precipitation_storm");
    const models::ProjectLayer* dem = rasterRole(project, "dem");
    const models::ProjectLayer* rf = rasterRole(project, "rusle_r");
    const models::ProjectLayer* kf = rasterRole(project, "rusle_k");
    const models::ProjectLayer* cf = rasterRole(project, "rusle_c");
    std::string soilPath;
    if (dem && rf && kf && cf) {
        timer.restart();
        soilPath = writeSoilRetention(project.resolve(dem->path).toStdString(),
                                      project.resolve(rf->path).toStdString(),
                                      project.resolve(kf->path).toStdString(),
                                      project.resolve(cf->path).toStdString(),
                                      s.slopeLengthM,
                                      derivedDir,
                                      fb,
                                      &run.slopeCappedCells);
        run.seconds[QStringLiteral("soil_retention_raster")] += timer.nsecsElapsed() * 1e-9;
    } else {
        run.notes << GepCommand::tr(
          "soil retention: the project lacks one of the rasters dem, rusle_r, rusle_k, rusle_c");
    }

    // Carbon engine (pool method) over the land-cover dates: per-parcel change of the interval ending at
    // the accounting year (the latest land-cover date; docs/gep.md "Carbon sequestration").
    std::vector<carbon::LulcInput> lulc;
    for (const models::ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
        lulc.push_back({ project.resolve(l->path).toStdString(), l->year });
    std::sort(lulc.begin(), lulc.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    if (lulc.size() < 2)
        throw gis::GisError(
          gis::GisError::Kind::InvalidArgument,
          GepCommand::tr("the project needs at least two dated land-cover rasters (role landcover) "
                         "for ecosystem types and carbon sequestration")
            .toStdString());
    const std::string latestLandcover = lulc.back().path;
    // The accounting year: the latest land-cover date. GEP values that year's flow (gep-methods.md §4.8),
    // so the pool method runs on the date before it and on it only (their change is what GEP needs), and
    // only for layers without a --carbon table or carbon results.
    const int accountingYear = lulc.back().year;
    lulc = { lulc[lulc.size() - 2], lulc.back() };
    // The carbon pools of the project's carbon section (parameters.pools) when it lists a copy.
    QString poolsPath = QStringLiteral(":/parameters/carbon/carbon_pools.csv");
    if (const models::ProjectParameterTable* t =
          project.parameterTable(project.carbon.parameters.value(QStringLiteral("pools"))))
        if (QFileInfo::exists(project.resolve(t->path)))
            poolsPath = project.resolve(t->path);
    params::LoadedTable pools =
      params::loadTable(carbon::carbonPoolsSpec(), poolsPath, params::Provenance::Required);
    if (params::hasErrors(pools.issues)) {
        printIssues(pools.issues);
        throw gis::GisError(
          gis::GisError::Kind::InvalidArgument,
          GepCommand::tr("the carbon pools table %1 cannot be used").arg(poolsPath).toStdString());
    }
    const carbon::PoolLookup lookup(pools.table);
    std::optional<carbon::PoolRunResult> poolRun;
    // Carbon results of `tanhui-cli carbon --project` (joined by layer + source_fid), used for every layer
    // they cover that has no --carbon table; the pool method runs only for the other layers.
    std::map<std::pair<QString, qint64>, CarbonEntry> carbonResults;
    std::set<QString> resultLayers;
    if (!s.carbonResults.isEmpty()) {
        carbonResults = readCarbonResults(s.carbonResults, accountingYear);
        for (const auto& [key, e] : carbonResults)
            resultLayers.insert(key.first);
    }
    bool needPool = false;
    for (const models::ProjectLayer& layer : project.layers)
        if (isParcelLayer(layer, s) && !s.carbonTables.count(layer.id) && !resultLayers.count(layer.id))
            needPool = true;
    if (needPool) {
        params::Issues poolIssues = carbon::validatePoolInputs(lulc, lookup, poolsPath, fb);
        if (params::hasErrors(poolIssues)) {
            printIssues(poolIssues);
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("the land-cover rasters cannot be used by the carbon pool method")
                .toStdString());
        }
        carbon::PoolRunOptions po;
        po.outDir = QDir(derivedDir).filePath(QStringLiteral("carbon")).toStdString();
        QDir().mkpath(QString::fromStdString(po.outDir));
        po.feedback = fb;
        timer.restart();
        poolRun = carbon::runPoolRasters(lulc, lookup, po);
        run.seconds[QStringLiteral("carbon_rasters")] += timer.nsecsElapsed() * 1e-9;
    }
    const double years = lulc.back().year - lulc.front().year;

    // Districts.
    std::vector<std::pair<QString, gis::MultiPolygon>> districts;
    if (const auto dl = project.layersWithRole(QStringLiteral("districts")); !dl.empty()) {
        gis::ParcelSet ds = readLayer(project, *dl.front(), fb);
        for (const gis::Parcel& p : ds.parcels)
            districts.push_back({ p.id.toString(), p.geometry });
    }

    // The parcel layers, read once, and their ledger: each piece of ground counts in the totals once,
    // for the layer of higher precedence (the carbon run's rule and function, docs/carbon-project.md).
    std::map<QString, gis::ParcelSet> parcelSets;
    {
        QStringList allParcelLayers;
        for (const models::ProjectLayer& layer : project.layers)
            if (layer.kind == QLatin1String("vector") && isParcelLayer(layer, Settings()))
                allParcelLayers << layer.id;
        params::Issues issues;
        carbon::validateLayerPrecedence(project, allParcelLayers, issues);
        if (!issues.empty())
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                issues.front().toString().toStdString());
        std::vector<std::pair<QString, const gis::ParcelSet*>> sets;
        for (const models::ProjectLayer& layer : project.layers)
            if (isParcelLayer(layer, s)) {
                printInfo(GepCommand::tr("layer %1").arg(layer.id));
                parcelSets[layer.id] = readLayer(project, layer, fb);
            }
        for (const models::ProjectLayer& layer : project.layers)
            if (parcelSets.count(layer.id))
                sets.push_back({ layer.id, &parcelSets.at(layer.id) });
        timer.restart();
        run.ledger = carbon::computeProjectLedger(project, sets, fb);
        run.seconds[QStringLiteral("overlaps")] += timer.nsecsElapsed() * 1e-9;
        const QString warning = carbon::overlapWarning(*run.ledger);
        if (!warning.isEmpty())
            run.notes << warning;
    }

    for (const models::ProjectLayer& layer : project.layers) {
        if (!isParcelLayer(layer, s))
            continue;
        const gis::ParcelSet& parcels = parcelSets.at(layer.id);
        const std::vector<double>& accountedHa = run.ledger->accountedHa.at(layer.id);
        run.layerCrs[layer.id] = parcels.crs;
        gis::ZonalOptions zo;
        zo.feedback = fb;
        std::vector<carbon::ParcelCarbon> pc;
        std::map<QString, CarbonEntry> carbonTable;
        const QString idField = layer.fields.value(QStringLiteral("id"), layer.idField);
        const bool fromTable = s.carbonTables.count(layer.id) > 0;
        const bool fromResults = !fromTable && resultLayers.count(layer.id) > 0;
        if (fromTable) {
            carbonTable = readCarbonTable(s.carbonTables.at(layer.id), idField, accountingYear);
            printInfo(GepCommand::tr("carbon source for layer %1: the carbon table %2 (--carbon)")
                        .arg(layer.id, s.carbonTables.at(layer.id)));
        } else if (fromResults) {
            printInfo(GepCommand::tr("carbon source for layer %1: the carbon engine's results %2")
                        .arg(layer.id, s.carbonResults));
        } else {
            printInfo(GepCommand::tr("carbon source for layer %1: no carbon result; the carbon pool method "
                                     "ran on the land cover %2 and %3")
                        .arg(layer.id)
                        .arg(lulc.front().year)
                        .arg(lulc.back().year));
            timer.restart();
            pc = carbon::runPoolParcels(parcels, lulc, lookup, *poolRun, zo);
            run.seconds[QStringLiteral("carbon_parcels")] += timer.nsecsElapsed() * 1e-9;
        }

        // One zonal pass over the continuous inputs (coverage once per grid).
        std::vector<gis::ZonalBand> bands;
        int iLc = -1, iP = -1, iEt = -1, iStorm = -1, iSr = -1, iPot = -1, iCap = -1;
        auto add = [&](const std::string& path, int& index, const char* prefix) {
            index = int(bands.size());
            gis::appendRasterBands(path, bands, prefix);
            bands.resize(std::size_t(index) + 1);
        };
        add(latestLandcover, iLc, "lc"); // Byte: majority from the histogram, no class statistics needed
        if (pLayer)
            add(project.resolve(pLayer->path).toStdString(), iP, "p");
        if (etLayer)
            add(project.resolve(etLayer->path).toStdString(), iEt, "et");
        if (stormLayer)
            add(project.resolve(stormLayer->path).toStdString(), iStorm, "storm");
        if (!soilPath.empty()) {
            // Bands 1 (soil retention), 3 (potential erosion) and 4 (slope capped); not 2 (LS).
            iSr = int(bands.size());
            gis::appendRasterBands(soilPath, bands, "sr");
            bands.erase(bands.begin() + iSr + 1);
            iPot = iSr + 1;
            iCap = iSr + 2;
            bands.resize(std::size_t(iCap) + 1);
        }
        gis::ZonalResult zr;
        if (!bands.empty()) {
            zo.stats = gis::Stat::Count | gis::Stat::Sum | gis::Stat::Mean | gis::Stat::Min;
            timer.restart();
            zr = gis::runZonal(parcels, bands, zo);
            run.seconds[QStringLiteral("zonal_inputs")] += timer.nsecsElapsed() * 1e-9;
        }
        // The accounting year's land use (carbon.land_use_change, docs/gep.md "Ecosystem type"): class
        // areas on the latest land cover, for the rules of the project's carbon section.
        const std::vector<models::ProjectLandUseChange>& landUseRules = project.carbon.landUseChange;
        gis::ZonalResult landUse;
        QString fixedType; // the carbon section's fixed type of the layer, if any
        if (!landUseRules.empty() && iLc >= 0) {
            gis::ZonalOptions lo;
            lo.stats = gis::Stat::Count | gis::Stat::Area;
            lo.feedback = fb;
            landUse = gis::runZonal(parcels, { bands[std::size_t(iLc)] }, lo);
            for (const models::ProjectCarbonLayer& cl : carbon::carbonLayers(project))
                if (cl.layer == layer.id)
                    fixedType = cl.ecosystemType;
        }
        // A raster that covers none of the layer's parcels is an error naming both.
        for (std::size_t b = 0; b < bands.size(); ++b) {
            bool any = false;
            for (std::size_t i = 0; i < parcels.parcels.size() && !any; ++i)
                any = zr.stats[i][b].count > 0;
            if (!any && !parcels.parcels.empty())
                throw gis::GisError(
                  gis::GisError::Kind::InvalidArgument,
                  GepCommand::tr("raster %1 does not cover any parcel of layer %2 (%3); check the "
                                 "raster's extent and CRS against the parcels")
                    .arg(QString::fromStdString(bands[b].path), layer.id, project.resolve(layer.path))
                    .toStdString());
        }
        for (int idx : { iP, iEt, iStorm }) {
            if (idx < 0)
                continue;
            for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
                const double mn = zr.stats[i][std::size_t(idx)].min;
                if (mn < 0)
                    throw gis::GisError(
                      gis::GisError::Kind::InvalidArgument,
                      GepCommand::tr("raster %1 has negative values (min %2 mm) under parcel %3 of "
                                     "layer %4; precipitation and evapotranspiration must be ≥ 0 mm/a "
                                     "(set negative cells to nodata or fix the product)")
                        .arg(QString::fromStdString(bands[std::size_t(idx)].path))
                        .arg(mn)
                        .arg(parcels.parcels[i].id.toString(), layer.id)
                        .toStdString());
            }
        }
        const double cellAreaM2 = zr.grids.empty() ? 0 : zr.grids.front().cellArea();

        // Ecosystem type from the layer's mapped type field (fields.ecosystem_type, values mapped through
        // the layer's value mapping "ecosystem_type:<value>"), by feature id.
        std::map<std::int64_t, QString> typeOf;
        const QString typeField = layer.fields.value(QStringLiteral("ecosystem_type"));
        if (!typeField.isEmpty()) {
            gis::VectorOpenOptions open;
            open.encodingOverride = layer.encoding.toStdString();
            gis::VectorLayer vl(project.resolve(layer.path).toStdString(), open);
            const int fi = vl.fieldIndex(typeField);
            if (fi < 0)
                throw gis::GisError(
                  gis::GisError::Kind::InvalidArgument,
                  GepCommand::tr("layer %1 (%2) maps ecosystem_type to the field '%3', which the "
                                 "file does not have; fix the project's field mapping")
                    .arg(layer.id, project.resolve(layer.path), typeField)
                    .toStdString());
            gis::Feature f;
            vl.resetReading();
            while (vl.next(f)) {
                const QVariant& v = f.attributes[std::size_t(fi)];
                const QString raw = v.isNull() ? QString() : v.toString().trimmed();
                typeOf[f.fid] = layer.values.value(QStringLiteral("ecosystem_type:") + raw, raw);
            }
        }

        for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
            const gis::Parcel& parcel = parcels.parcels[i];
            ParcelRow row;
            row.layer = layer.id;
            row.id = parcel.id.toString();
            row.areaHa = parcel.ellipsoidalAreaM2 / 1e4;
            if (row.areaHa > 0)
                row.accountedShare = std::clamp(accountedHa[i] / row.areaHa, 0.0, 1.0);
            row.wkb = parcel.wkb;
            const double majority = zr.stats[i][std::size_t(iLc)].majority;
            const auto typeIt = typeOf.find(parcel.fid);
            const QString typeKey =
              typeIt == typeOf.end() ? QString() : gep::ecosystemKeyForType(model.ecosystems, typeIt->second);
            row.ecosystemType = typeIt == typeOf.end() ? QString() : typeIt->second;
            // A parcel whose land cover in the accounting year meets a land-use change rule takes the
            // rule's type (built-up plots are not valued as farmland or marsh).
            std::optional<std::size_t> landUseRule;
            QString landUseKey;
            if (!landUse.stats.empty()) {
                landUseRule =
                  carbon::landUseRuleAt(landUseRules,
                                        row.ecosystemType.isEmpty() ? fixedType : row.ecosystemType,
                                        landUse.stats[i][0]);
                if (landUseRule)
                    landUseKey = gep::ecosystemKeyForType(model.ecosystems, landUseRules[*landUseRule].type);
            }
            if (landUseRule && !landUseKey.isEmpty()) {
                row.ecosystemType = landUseRules[*landUseRule].type;
                row.ecosystemKey = landUseKey;
                row.ecosystemSource = QStringLiteral("land_use_change");
            } else if (!typeKey.isEmpty()) {
                row.ecosystemKey = typeKey;
                row.ecosystemSource = QStringLiteral("type_field");
            } else {
                if (!std::isnan(majority))
                    row.ecosystemKey = QString::number(qint64(majority));
                row.ecosystemSource = QStringLiteral("landcover_majority");
                if (typeIt != typeOf.end())
                    row.flags << QStringLiteral("type_not_in_ecosystem_table");
            }
            const auto eco = model.ecosystems.find(row.ecosystemKey);
            gep::EcosystemParams ecoParams;
            if (eco == model.ecosystems.end()) {
                ecoParams.key = row.ecosystemKey;
                ecoParams.name = row.ecosystemKey.isEmpty() ? GepCommand::tr("(no land cover)")
                                                            : GepCommand::tr("code %1").arg(row.ecosystemKey);
                row.flags << QStringLiteral("ecosystem_unknown");
            } else {
                ecoParams = eco->second;
            }
            row.ecosystemName = ecoParams.name;
            const auto [cx, cy] = centroid(parcel.geometry);
            for (const auto& [name, geom] : districts)
                if (insidePolygon(geom, cx, cy))
                    row.district = name;

            gep::ParcelInput in;
            in.id = row.id;
            in.area = { parcel.ellipsoidalAreaM2, gep::Unit::SquareMetre };
            auto mean = [&](int idx) -> std::optional<double> {
                if (idx < 0 || zr.stats[i][std::size_t(idx)].count <= 0)
                    return std::nullopt;
                return zr.stats[i][std::size_t(idx)].mean;
            };
            in.precipitationMm = mean(iP);
            in.etMm = mean(iEt);
            in.stormPrecipitationMm = mean(iStorm);
            in.soilRetentionTPerHa = mean(iSr);
            row.etMm = in.etMm.value_or(std::nan(""));
            row.potentialErosionTPerHa = mean(iPot).value_or(std::nan(""));
            row.slopeCappedShare = mean(iCap).value_or(0.0);
            if (in.etMm) {
                in.etHotMmPerDay = *in.etMm / 365.0; // [design] annual mean daily ET stands in for ET_hot
                in.etHotNote = QStringLiteral("et_hot_from_annual_mean");
            }
            if (!pc.empty()) {
                row.carbonSource = QStringLiteral("pool_method");
                row.carbonYears = QStringLiteral("%1-%2").arg(lulc.front().year).arg(lulc.back().year);
                if (pc[i].dates.back().validAreaHa > 0 && years > 0) {
                    // the accounting interval (the last two land-cover dates), t C/a, split into vegetation
                    // and soil (§4.9)
                    std::vector<gep::PoolChange> pools;
                    for (int p = 0; p < carbon::kPoolCount; ++p)
                        pools.push_back({ QString::fromLatin1(carbon::poolName(p)),
                                          (pc[i].dates.back().poolT[std::size_t(p)] -
                                           pc[i].dates.front().poolT[std::size_t(p)]) /
                                            years });
                    const gep::CarbonSplit split =
                      gep::splitCarbonChange(pc[i].changeT.front() / years, pools, QStringLiteral("pools"));
                    in.carbonFixedTC = split.vegetationTcPerYr;
                    in.carbonBurialTC = split.soilTcPerYr;
                }
            } else {
                row.carbonSource =
                  fromTable ? QStringLiteral("carbon_table") : QStringLiteral("carbon_results");
                const CarbonEntry* c = nullptr;
                if (fromTable) {
                    if (auto it = carbonTable.find(row.id); it != carbonTable.end())
                        c = &it->second;
                } else if (auto it = carbonResults.find({ layer.id, qint64(parcel.fid) });
                           it != carbonResults.end()) {
                    c = &it->second;
                }
                if (!c) {
                    row.flags << QStringLiteral("not_in_carbon_table");
                } else if (c->tcPerYr) {
                    in.carbonFixedTC = c->vegetationTcPerYr;
                    in.carbonBurialTC = c->soilTcPerYr;
                    row.carbonYears = c->years;
                    if (!c->method.isEmpty())
                        row.carbonNote = GepCommand::tr("carbon method %1").arg(c->method);
                } else {
                    row.flags << QStringLiteral("no_carbon_change");
                    row.carbonNote = c->reason;
                }
            }
            for (const gis::ZonalStats& zs : zr.stats.empty() ? std::vector<gis::ZonalStats>{} : zr.stats[i])
                if (zs.nodataCells > 0 || zs.validAreaM2 < 0.99 * parcel.ellipsoidalAreaM2) {
                    row.flags << QStringLiteral("partial_coverage");
                    break;
                }
            if (cellAreaM2 > 0 && parcel.ellipsoidalAreaM2 < 25 * cellAreaM2)
                row.flags << QStringLiteral("low_coverage"); // §10.2: fewer than ~25 input pixels
            for (const QString& f : std::as_const(row.flags))
                (void)f;
            const QString inputKey = layer.id + QLatin1Char(':') + row.id;
            if (const params::TableRow* extra = model.parcelInputs.find(inputKey)) {
                in.visits = extra->values[0];
                in.spendPerVisitYuan = extra->values[1];
                in.shorelineM = extra->values[2];
                in.reservoirCapacityM3 = extra->values[3];
            }
            for (const params::TableRow& prod : model.products) {
                if (QString::number(qint64(prod.values[0].value_or(-1))) != row.ecosystemKey)
                    continue;
                const auto pk = prod.text.find(QStringLiteral("price_key"));
                in.products.push_back({ prod.key,
                                        { prod.values[1].value_or(0) * row.areaHa, gep::Unit::Tonne },
                                        pk == prod.text.end() ? prod.key : pk->second });
            }
            // The flux GEP values: vegetation and soil (a soil-only result, e.g. cropland soil carbon, has
            // no vegetation part but is carbon sequestration all the same, gep-methods.md §4.8).
            if (in.carbonFixedTC || in.carbonBurialTC)
                row.carbonFluxTC = in.carbonFixedTC.value_or(0.0) + in.carbonBurialTC.value_or(0.0);
            gep::Constants k = model.constants;
            row.results = gep::evaluateParcel(in, ecoParams, k, model.prices, model.profile);
            if (model.basePrices)
                row.baseResults = gep::evaluateParcel(in, ecoParams, k, *model.basePrices, model.profile);
            run.rows.push_back(std::move(row));
        }
    }
    flagPlausibility(run);
    return run;
}

// ---- outputs ------------------------------------------------------------------------------------

QString tagText(params::Tag t) {
    return params::tagName(t);
}

void writeOutputs(const RunResult& run, const Model& model, const Settings& s) {
    const QDir out(s.outDir);
    // indicators.csv (long), written on another core while the GeoPackages are written here (different
    // files; the rows are only read). An exception reaches the caller through the future.
    using C = gis::TableColumn;
    auto indicators = std::async(std::launch::async, [&] {
        struct Line {
            const ParcelRow* row;
            const gep::IndicatorResult* r;
        };
        std::vector<Line> lines;
        for (const ParcelRow& row : run.rows)
            for (const gep::IndicatorResult& r : row.results)
                if (!r.skipped)
                    lines.push_back({ &row, &r });
        const std::vector<C> cols = {
            { "layer", C::Type::String },        { "parcel_id", C::Type::String },
            { "ecosystem", C::Type::String },    { "district", C::Type::String },
            { "indicator", C::Type::String },    { "name_zh", C::Type::String },
            { "category", C::Type::String },     { "component", C::Type::String },
            { "quantity", C::Type::Real },       { "unit", C::Type::String },
            { "value_cny", C::Type::Real },      { "price", C::Type::Real },
            { "price_unit", C::Type::String },   { "price_year", C::Type::Integer },
            { "price_source", C::Type::String }, { "price_tag", C::Type::String },
            { "flags", C::Type::String },        { "value_base_cny", C::Type::Real },
        };
        // one line per component, plus the indicator total line (component "total")
        struct Out {
            const ParcelRow* row;
            const gep::IndicatorResult* r;
            int part; // -1: total
        };
        std::vector<Out> outs;
        for (const Line& l : lines) {
            outs.push_back({ l.row, l.r, -1 });
            for (std::size_t p = 0; p < l.r->parts.size(); ++p)
                outs.push_back({ l.row, l.r, int(p) });
            if (l.r->emission)
                outs.push_back({ l.row, l.r, -2 }); // the emission line (not part of GEP)
        }
        gis::writeTable(out.filePath(QStringLiteral("indicators.csv")).toStdString(),
                        cols,
                        outs.size(),
                        [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                            const Out& o = outs[i];
                            // The same indicator at the base-year prices (same position: same inputs).
                            const gep::IndicatorResult* base = nullptr;
                            if (!o.row->baseResults.empty())
                                base = &o.row->baseResults[std::size_t(o.r - o.row->results.data())];
                            const gep::IndicatorSpec* spec = gep::findIndicator(o.r->key);
                            v = { o.row->layer,
                                  o.row->id,
                                  o.row->ecosystemName,
                                  o.row->district,
                                  o.r->key,
                                  QString::fromUtf8(spec->nameZh),
                                  gep::categoryName(o.r->category) };
                            if (o.part == -2) {
                                // A net carbon source: t CO2 emitted and its value at the carbon price,
                                // reported next to GEP, never subtracted inside it.
                                const gep::Price& price = o.r->parts.front().price;
                                v << QStringLiteral("emission") << o.r->emission->value
                                  << gep::unitSymbol(o.r->emission->unit) << o.r->emissionYuan
                                  << price.yuanPerUnit << price.unitText()
                                  << (price.priceYear > 0 ? QVariant(price.priceYear) : QVariant())
                                  << price.source << tagText(price.tag)
                                  << QStringLiteral("net_carbon_source;emission_not_in_gep")
                                  << (base && base->emission ? QVariant(base->emissionYuan) : QVariant());
                            } else if (o.part < 0) {
                                v << QStringLiteral("total") << o.r->quantity.value
                                  << gep::unitSymbol(o.r->quantity.unit) << o.r->valueYuan << QVariant()
                                  << QString() << QVariant() << QString() << QString()
                                  << (o.r->flags + o.row->flags).join(QLatin1Char(';'))
                                  << (base ? QVariant(base->valueYuan) : QVariant());
                            } else {
                                const gep::Component& c = o.r->parts[std::size_t(o.part)];
                                v << c.label << c.quantity.value << gep::unitSymbol(c.quantity.unit)
                                  << c.valueYuan << c.price.yuanPerUnit << c.price.unitText()
                                  << (c.price.priceYear > 0 ? QVariant(c.price.priceYear) : QVariant())
                                  << (c.price.note.isEmpty() ? c.price.source
                                                             : c.price.source + QStringLiteral(" (") +
                                                                 c.price.note + QLatin1Char(')'))
                                  << tagText(c.price.tag) << QString()
                                  << (base && std::size_t(o.part) < base->parts.size()
                                        ? QVariant(base->parts[std::size_t(o.part)].valueYuan)
                                        : QVariant());
                            }
                        });
    });
    // skipped.csv: one row per layer, ecosystem, indicator and reason with the number of parcels (the
    // per-parcel detail is in parcels_<layer>.gpkg, where a skipped indicator is null).
    std::map<std::tuple<QString, QString, QString, QString>, int> skipped;
    for (const ParcelRow& row : run.rows)
        for (const gep::IndicatorResult& r : row.results)
            if (r.skipped)
                skipped[{ row.layer, row.ecosystemName, r.key, r.reason }]++;
    const std::vector<std::pair<std::tuple<QString, QString, QString, QString>, int>> skippedRows(
      skipped.begin(), skipped.end());
    gis::writeTable(out.filePath(QStringLiteral("skipped.csv")).toStdString(),
                    { { "layer", C::Type::String },
                      { "ecosystem", C::Type::String },
                      { "indicator", C::Type::String },
                      { "reason", C::Type::String },
                      { "parcels", C::Type::Integer } },
                    skippedRows.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        const auto& [k, n] = skippedRows[i];
                        v = { std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), n };
                    });
    // parcels_<layer>.gpkg (wide)
    std::map<QString, std::vector<const ParcelRow*>> byLayer;
    for (const ParcelRow& row : run.rows)
        byLayer[row.layer].push_back(&row);
    std::vector<C> wide = { { "parcel_id", C::Type::String },      { "ecosystem_code", C::Type::String },
                            { "ecosystem", C::Type::String },      { "ecosystem_source", C::Type::String },
                            { "ecosystem_type", C::Type::String }, { "district", C::Type::String },
                            { "area_ha", C::Type::Real },          { "accounted_share", C::Type::Real },
                            { "carbon_source", C::Type::String },  { "carbon_years", C::Type::String },
                            { "carbon_note", C::Type::String } };
    std::vector<QString> keys;
    for (const gep::IndicatorSpec& spec : gep::indicatorRegistry())
        if (model.profile.enabled(QString::fromLatin1(spec.key))) {
            keys.push_back(QString::fromLatin1(spec.key));
            wide.push_back({ std::string(spec.key) + "_qty", C::Type::Real });
            wide.push_back({ std::string(spec.key) + "_cny", C::Type::Real });
        }
    for (const char* n : { "material_cny", "regulating_cny", "cultural_cny", "gep_cny", "gep_cny_per_ha" })
        wide.push_back({ n, C::Type::Real });
    // A net carbon source: an emission next to GEP (not in gep_cny), t CO2e and CNY at the carbon price.
    for (const char* n :
         { "carbon_emission_tco2e", "carbon_emission_cny", "potential_erosion_t_ha", "slope_capped_pct" })
        wide.push_back({ n, C::Type::Real });
    wide.push_back({ "flags", C::Type::String });
    for (const auto& entry : byLayer) {
        // (Not a structured binding: clang 14 cannot capture bindings in the lambda below.)
        const auto& layer = entry.first;
        const auto& rows = entry.second;
        gis::writeTable(
          out.filePath(QStringLiteral("parcels_%1.gpkg").arg(layer)).toStdString(),
          wide,
          rows.size(),
          [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
              const ParcelRow& r = *rows[i];
              v = { r.id,        r.ecosystemKey, r.ecosystemName,  r.ecosystemSource, r.ecosystemType,
                    r.district,  r.areaHa,       r.accountedShare, r.carbonSource,    r.carbonYears,
                    r.carbonNote };
              for (const QString& key : keys) {
                  const gep::IndicatorResult* found = nullptr;
                  for (const gep::IndicatorResult& x : r.results)
                      if (x.key == key)
                          found = &x;
                  if (!found || found->skipped)
                      v << QVariant() << QVariant(); // skipped: null, never 0
                  else
                      v << found->quantity.value << found->valueYuan;
              }
              const double gepTotal = gep::totalValue(r.results);
              v << gep::totalValue(r.results, gep::Category::Material)
                << gep::totalValue(r.results, gep::Category::Regulating)
                << gep::totalValue(r.results, gep::Category::Cultural) << gepTotal
                << (r.areaHa > 0 ? gepTotal / r.areaHa : 0.0);
              const gep::IndicatorResult* emission = nullptr;
              for (const gep::IndicatorResult& x : r.results)
                  if (x.emission)
                      emission = &x;
              v << (emission ? QVariant(emission->emission->value) : QVariant(0.0))
                << (emission ? QVariant(emission->emissionYuan) : QVariant(0.0))
                << (std::isnan(r.potentialErosionTPerHa) ? QVariant() : QVariant(r.potentialErosionTPerHa))
                << r.slopeCappedShare * 100.0 << r.flags.join(QLatin1Char(';'));
              wkb = r.wkb;
          },
          true,
          run.layerCrs.at(layer));
    }
    // prices_used.csv: with a price-year adjustment, the base price and the index rows used (with tags).
    std::vector<const gep::Price*> prices;
    for (const auto& [key, p] : model.prices.all())
        prices.push_back(&p);
    gis::writeTable(out.filePath(QStringLiteral("prices_used.csv")).toStdString(),
                    { { "key", C::Type::String },
                      { "value", C::Type::Real },
                      { "unit", C::Type::String },
                      { "price_year", C::Type::Integer },
                      { "source", C::Type::String },
                      { "tag", C::Type::String },
                      { "note", C::Type::String },
                      { "base_value", C::Type::Real },
                      { "base_year", C::Type::Integer },
                      { "index_series", C::Type::String },
                      { "index_rows", C::Type::String } },
                    prices.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        const gep::Price& p = *prices[i];
                        v = { p.key,    p.yuanPerUnit,  p.unitText(), p.priceYear,
                              p.source, tagText(p.tag), p.note };
                        const gep::Price* base = model.basePrices ? model.basePrices->find(p.key) : nullptr;
                        v << (base ? QVariant(base->yuanPerUnit) : QVariant())
                          << (base ? QVariant(base->priceYear) : QVariant()) << p.indexSeries << p.indexRows;
                    });
    indicators.get();
}

/// Totals by a grouping function, with shares of the grand total.
struct Totals {
    std::map<QString, double> byService, byCategory, byEcosystem, byDistrict;
    std::map<QString, double> areaByEcosystem;
    double total = 0;
    std::map<QString, double> baseByService, baseByCategory, baseByEcosystem, baseByDistrict;
    double baseTotal = 0;
    bool hasBase = false; ///< a price-year adjustment ran: base-year values are known
    /// Net carbon sources: emission next to GEP (not in `total`), t CO2 and CNY (base-year CNY).
    double emissionTco2 = 0, emissionYuan = 0, baseEmissionYuan = 0;
    int emissionParcels = 0;
};

/// @brief What defines the account, named in every output (run_settings.csv, totals.csv, the summary).
struct AccountSettings {
    QString profile;        ///< e.g. "NDRC2022"
    QString profileTag;     ///< e.g. "unconfirmed"
    QString priceSet;       ///< e.g. "P0_RCEES2010"
    QString priceYears;     ///< the price years of the prices used, e.g. "2010" or "2024"
    QString baseYears;      ///< with a price-year adjustment: the base years, else empty
    QString priceIndex;     ///< "none" or the index table (and fallback series)
    QString climateVariant; ///< "s1" or "cop"
    QString climateVariantText;
    QString acDays;      ///< D, or empty
    QString slopeLength; ///< λ used, m
    QString origin;      ///< where the settings came from (project gep section, flags)
};

/// Totals over the parcels' accounted parts: each value × the parcel's accountedShare, as the carbon
/// totals (docs/carbon-project.md, "Overlapping layers"; docs/gep.md).
Totals totalsOf(const RunResult& run) {
    Totals t;
    for (const ParcelRow& row : run.rows) {
        const double share = row.accountedShare;
        t.areaByEcosystem[row.ecosystemName] += row.areaHa * share;
        for (const gep::IndicatorResult& r : row.results) {
            if (r.skipped)
                continue;
            const double v = r.valueYuan * share;
            t.byService[r.key] += v;
            t.byCategory[gep::categoryName(r.category)] += v;
            t.byEcosystem[row.ecosystemName] += v;
            t.byDistrict[row.district.isEmpty() ? QStringLiteral("(none)") : row.district] += v;
            t.total += v;
            if (r.emission) {
                t.emissionTco2 += r.emission->value * share;
                t.emissionYuan += r.emissionYuan * share;
                t.emissionParcels++;
            }
        }
        for (const gep::IndicatorResult& r : row.baseResults) {
            if (r.skipped)
                continue;
            const double v = r.valueYuan * share;
            t.hasBase = true;
            t.baseByService[r.key] += v;
            t.baseByCategory[gep::categoryName(r.category)] += v;
            t.baseByEcosystem[row.ecosystemName] += v;
            t.baseByDistrict[row.district.isEmpty() ? QStringLiteral("(none)") : row.district] += v;
            t.baseTotal += v;
            if (r.emission)
                t.baseEmissionYuan += r.emissionYuan * share;
        }
    }
    return t;
}

/// The GEP side of the ledger check (docs/carbon-project.md, "Ledger check"): the accounted area of
/// the rows = the union of the parcel layers, and GEP's carbon sequestration (t CO2/a) = the carbon
/// flux the parcels used × 44/12, both over accounted parts.
carbon::LedgerCheck gepLedgerCheck(const RunResult& run) {
    carbon::LedgerCheck check;
    double areaHa = 0, fluxTCo2 = 0, gepTCo2 = 0;
    for (const ParcelRow& row : run.rows) {
        areaHa += row.areaHa * row.accountedShare;
        if (row.carbonFluxTC)
            fluxTCo2 += *row.carbonFluxTC * 44.0 / 12.0 * row.accountedShare;
        for (const gep::IndicatorResult& r : row.results)
            if (r.key == QLatin1String("carbon_sequestration") && !r.skipped) {
                // A net source is valued 0 with its loss as an emission beside GEP (docs/gep.md): the
                // net flux is the sequestration minus the emission.
                gepTCo2 += r.quantity.value * row.accountedShare;
                if (r.emission)
                    gepTCo2 -= r.emission->value * row.accountedShare;
            }
    }
    if (run.ledger)
        check.add({ QStringLiteral("union_area"),
                    QStringLiteral("totals.csv"),
                    QStringLiteral("all"),
                    QString(),
                    QStringLiteral("area_ha"),
                    run.ledger->unionHa,
                    areaHa,
                    QStringLiteral("ha") });
    check.add({ QStringLiteral("gep_carbon"),
                QStringLiteral("totals.csv"),
                QStringLiteral("carbon_sequestration"),
                QString(),
                QStringLiteral("quantity_tco2_per_yr"),
                fluxTCo2,
                gepTCo2,
                QStringLiteral("t CO2/a") });
    return check;
}

void writeTotals(const Totals& t, const AccountSettings& a, const QString& path) {
    struct Line {
        QString group, key;
        double value, base;
        std::optional<double> quantity;
        QString unit;
        bool share = true;
    };
    std::vector<Line> lines;
    auto at = [](const std::map<QString, double>& m, const QString& k) {
        const auto it = m.find(k);
        return it == m.end() ? 0.0 : it->second;
    };
    for (const auto& [k, v] : t.byCategory)
        lines.push_back(
          { QStringLiteral("category"), k, v, at(t.baseByCategory, k), std::nullopt, QString(), true });
    for (const auto& [k, v] : t.byService)
        lines.push_back(
          { QStringLiteral("service"), k, v, at(t.baseByService, k), std::nullopt, QString(), true });
    for (const auto& [k, v] : t.byEcosystem)
        lines.push_back(
          { QStringLiteral("ecosystem"), k, v, at(t.baseByEcosystem, k), std::nullopt, QString(), true });
    for (const auto& [k, v] : t.byDistrict)
        lines.push_back(
          { QStringLiteral("district"), k, v, at(t.baseByDistrict, k), std::nullopt, QString(), true });
    // A net carbon source is an emission next to GEP (its own line, t CO2e and CNY), never inside it.
    lines.push_back({ QStringLiteral("emission"),
                      QStringLiteral("carbon_emission"),
                      t.emissionYuan,
                      t.baseEmissionYuan,
                      t.emissionTco2,
                      QStringLiteral("t CO2e"),
                      false });
    lines.push_back({ QStringLiteral("total"),
                      QStringLiteral("gep"),
                      t.total,
                      t.baseTotal,
                      std::nullopt,
                      QString(),
                      true });
    using C = gis::TableColumn;
    gis::writeTable(path.toStdString(),
                    { { "group", C::Type::String },
                      { "key", C::Type::String },
                      { "value_cny", C::Type::Real },
                      { "share_pct", C::Type::Real },
                      { "value_base_cny", C::Type::Real },
                      { "quantity", C::Type::Real },
                      { "unit", C::Type::String },
                      { "profile", C::Type::String },
                      { "price_year", C::Type::String },
                      { "price_index", C::Type::String },
                      { "climate_variant", C::Type::String } },
                    lines.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        const Line& l = lines[i];
                        v = { l.group,
                              l.key,
                              l.value,
                              !l.share ? QVariant()
                                       : QVariant(t.total != 0 ? l.value / t.total * 100.0 : 0.0),
                              t.hasBase ? QVariant(l.base) : QVariant(),
                              l.quantity ? QVariant(*l.quantity) : QVariant(),
                              l.unit,
                              a.profile,
                              a.priceYears,
                              a.priceIndex,
                              a.climateVariant };
                    });
}

/// run_settings.csv: the settings that define the account (key, value, note).
void writeRunSettings(const AccountSettings& a, const QString& path) {
    const std::vector<std::tuple<QString, QString, QString>> rows = {
        { QStringLiteral("profile"),
          a.profile,
          GepCommand::tr("accounting profile (gep/profiles.csv), tag %1").arg(a.profileTag) },
        { QStringLiteral("price_set"),
          a.priceSet,
          GepCommand::tr("price table (prices_used.csv lists every price)") },
        { QStringLiteral("price_year"),
          a.priceYears,
          GepCommand::tr("price year of the values (value_cny)") },
        { QStringLiteral("base_price_year"),
          a.baseYears,
          GepCommand::tr("base year of value_base_cny (empty: no adjustment)") },
        { QStringLiteral("price_index"),
          a.priceIndex,
          GepCommand::tr("price index used for the price-year adjustment (gep-methods.md §5.3)") },
        { QStringLiteral("climate_variant"), a.climateVariant, a.climateVariantText },
        { QStringLiteral("ac_days"),
          a.acDays,
          GepCommand::tr("days with air conditioning D (gep-methods.md §4.10)") },
        { QStringLiteral("slope_length_m"),
          a.slopeLength,
          GepCommand::tr("RUSLE slope length used (at most %1 m)").arg(gep::LsFactor::kMaxSlopeLengthM) },
        { QStringLiteral("ls_slope_cap_pct"),
          QString::number(gep::LsFactor::kMaxGradient * 100),
          GepCommand::tr("steeper cells use the S factor of this slope (Liu, Nearing & Risse 1994)") },
        { QStringLiteral("settings_origin"),
          a.origin,
          GepCommand::tr("the project's gep section, overridden by command-line flags") },
    };
    using C = gis::TableColumn;
    gis::writeTable(path.toStdString(),
                    { { "key", C::Type::String }, { "value", C::Type::String }, { "note", C::Type::String } },
                    rows.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v = { std::get<0>(rows[i]), std::get<1>(rows[i]), std::get<2>(rows[i]) };
                    });
}

/// The carbon project's default output (docs/carbon-project.md: carbon/ next to the project file), when
/// it exists.
QString defaultCarbonResults(const models::Project& project) {
    const QString path = QDir(project.baseDir()).filePath(QStringLiteral("carbon/parcels.csv"));
    return QFileInfo::exists(path) ? path : QString();
}

} // namespace

int runGepCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption projectOpt(QStringLiteral("project"),
                                        GepCommand::tr("Project file (project.tanhui.json)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption outOpt(
      QStringLiteral("out"), GepCommand::tr("Output folder."), QStringLiteral("DIR"));
    const QCommandLineOption profileOpt(
      QStringLiteral("profile"),
      GepCommand::tr("Accounting profile: RCEES_LEGACY or NDRC2022 (default: the project's gep.profile, "
                     "else RCEES_LEGACY)."),
      QStringLiteral("NAME"));
    const QCommandLineOption priceSetOpt(
      QStringLiteral("price-set"),
      GepCommand::tr("Price set: P0_RCEES2010 (default, or the project's gep.price_set), LYT1721_2008, or "
                     "P0_CPI2020 / P0_CPI2024 (P0 adjusted by the shipped CPI table at run time, flagged "
                     "unconfirmed)."),
      QStringLiteral("ID"));
    const QCommandLineOption pricesOpt(
      QStringLiteral("prices"),
      GepCommand::tr("User price CSV over the price set (key, value, unit, basis, "
                     "price_year, source; every row needs a source)."),
      QStringLiteral("CSV"));
    const QCommandLineOption deflOpt(
      QStringLiteral("deflators"),
      GepCommand::tr("Price index table for --price-year (year; cpi, construction, market as "
                     "levels or cpi_yoy, construction_yoy, market_yoy with previous year = 100; source, "
                     "tag). Default: the shipped NBS CPI table gep/price_index.csv (unconfirmed)."),
      QStringLiteral("CSV"));
    const QCommandLineOption yearOpt(
      QStringLiteral("price-year"),
      GepCommand::tr("Adjust every price to this year with the price index (§5.3); outputs give "
                     "the value at this year's prices and at the base-year prices."),
      QStringLiteral("YEAR"));
    const QCommandLineOption fallbackOpt(
      QStringLiteral("index-fallback"),
      GepCommand::tr("Index series for prices whose series (e.g. construction, market) the index "
                     "table lacks, e.g. cpi; such prices are flagged unconfirmed. Without it a "
                     "missing series is an error."),
      QStringLiteral("SERIES"));
    const QCommandLineOption climateOpt(
      QStringLiteral("climate-variant"),
      GepCommand::tr("Water-surface climate regulation (gep-methods.md §4.10): s1 (S1's form, cooling not "
                     "÷ COP) or cop (cooling ÷ COP, later specifications). Default: the project's "
                     "gep.climate_variant, else the profile's."),
      QStringLiteral("s1|cop"));
    const QCommandLineOption daysOpt(
      QStringLiteral("ac-days"),
      GepCommand::tr("Days with air conditioning D (no default; climate regulation is "
                     "skipped without it)."),
      QStringLiteral("N"));
    const QCommandLineOption slopeOpt(
      QStringLiteral("slope-length"),
      GepCommand::tr("Uniform slope length λ for the RUSLE L factor, m (default 22.13: "
                     "L = 1; at most 122 m are used, InVEST's L_max)."),
      QStringLiteral("M"));
    const QCommandLineOption layersOpt(
      QStringLiteral("layers"),
      GepCommand::tr("Comma-separated parcel layer ids (default: all parcel layers)."),
      QStringLiteral("IDS"));
    const QCommandLineOption scenarioOpt(
      QStringLiteral("scenario"),
      GepCommand::tr("A scenario project (e.g. a restoration plan): its GEP minus the "
                     "baseline's, per parcel and in total."),
      QStringLiteral("FILE"));
    const QCommandLineOption inputsOpt(
      QStringLiteral("parcel-inputs"),
      GepCommand::tr("Per-parcel attributes CSV: parcel (<layer>:<id>), visits, "
                     "spend_per_visit_cny, shoreline_m, reservoir_capacity_m3, source."),
      QStringLiteral("CSV"));
    const QCommandLineOption productsOpt(
      QStringLiteral("products"),
      GepCommand::tr("Material products CSV: product, lucode, yield_t_per_ha, price_key "
                     "(a key of the price table, per t), source."),
      QStringLiteral("CSV"));
    const QCommandLineOption seawallCostOpt(
      QStringLiteral("seawall-cost"),
      GepCommand::tr("Sea-wall construction cost, CNY per m (no verified default)."),
      QStringLiteral("CNY"));
    const QCommandLineOption seawallLifeOpt(QStringLiteral("seawall-life"),
                                            GepCommand::tr("Sea-wall design life, years."),
                                            QStringLiteral("YEARS"));
    const QCommandLineOption carbonOpt(
      QStringLiteral("carbon"),
      GepCommand::tr(
        "Carbon result of a parcel layer: LAYER=parcels.csv written by tanhui-cli carbon --parcels "
        "(repeatable). Without it the pool method runs on the last two land-cover dates (the interval "
        "ending at the accounting year)."),
      QStringLiteral("LAYER=CSV"));
    const QCommandLineOption carbonResultsOpt(
      QStringLiteral("carbon-results"),
      GepCommand::tr(
        "Folder with the parcels.csv of tanhui-cli carbon --project (default: the carbon "
        "project's output folder carbon/ next to the project file, when it exists); joined by "
        "layer and source_fid. Layers it lacks use --carbon or the pool method; 'none' ignores it."),
      QStringLiteral("DIR"));
    const QCommandLineOption ecoOpt(
      QStringLiteral("ecosystems"),
      GepCommand::tr(
        "Ecosystem coefficients CSV whose rows replace the default rows with the same lucode (e.g. "
        "water-purification capacities cod_kg_ha, nh3n_kg_ha, tp_kg_ha, which have no default)."),
      QStringLiteral("CSV"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"), GepCommand::tr("No progress bar."));
    parser.addOptions({ projectOpt,     outOpt,         profileOpt,       priceSetOpt, pricesOpt, deflOpt,
                        yearOpt,        fallbackOpt,    climateOpt,       daysOpt,     slopeOpt,  layersOpt,
                        scenarioOpt,    carbonOpt,      carbonResultsOpt, ecoOpt,      inputsOpt, productsOpt,
                        seawallCostOpt, seawallLifeOpt, quietOpt });
    if (auto rc = parseCommandLine(parser, arguments, QStringLiteral("gep"), { projectOpt, outOpt }))
        return *rc;

    Settings s;
    s.outDir = parser.value(outOpt);
    if (!prepareOutputFolder(s.outDir))
        return ExitUsage;
    if (parser.isSet(layersOpt))
        s.layerIds = parser.value(layersOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    // The numeric settings given as flags, checked against their declarations (gep::runParameters()),
    // every problem at once, before the project is read.
    double slopeLength = gep::runParameter("slope-length").defaultValue.value_or(22.13);
    double acDays = 0, seawallCost = 0, seawallLife = 0, priceYear = 0;
    if (!readNumericOptions(parser,
                            { { slopeOpt, gep::runParameter("slope-length"), slopeLength },
                              { daysOpt, gep::runParameter("ac-days"), acDays },
                              { seawallCostOpt, gep::runParameter("seawall-cost"), seawallCost },
                              { seawallLifeOpt, gep::runParameter("seawall-life"), seawallLife },
                              { yearOpt, gep::runParameter("price-year"), priceYear } }))
        return ExitUsage;
    for (const QString& v : parser.values(carbonOpt)) {
        const int eq = v.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            printError(
              GepCommand::tr("--carbon must be LAYER=FILE (e.g. xiaoban=carbon_out/parcels.csv), not '%1'")
                .arg(v));
            return ExitUsage;
        }
        s.carbonTables[v.left(eq)] = v.mid(eq + 1);
    }
    if (parser.isSet(climateOpt) && !gep::climateVariantFromId(parser.value(climateOpt))) {
        printError(
          GepCommand::tr("--climate-variant must be s1 or cop, not '%1'").arg(parser.value(climateOpt)));
        return ExitUsage;
    }

    // The project (its parameter tables are used when it lists them; its gep section gives the account's
    // settings, which command-line flags override; the loader has checked the section's values).
    models::Project project;
    try {
        project = models::Project::load(parser.value(projectOpt));
    } catch (const gis::GisError& e) {
        printError(QString::fromUtf8(e.what()));
        return ExitFailure;
    }
    const models::ProjectGep& pg = project.gep;
    QStringList fromProject, fromFlags;
    auto origin = [&](const QCommandLineOption& o, bool inProject, const char* key) {
        if (parser.isSet(o))
            fromFlags << QLatin1String("--") + o.names().front();
        else if (inProject)
            fromProject << QLatin1String("gep.") + QLatin1String(key);
    };
    origin(profileOpt, !pg.profile.isEmpty(), "profile");
    origin(priceSetOpt, !pg.priceSet.isEmpty(), "price_set");
    origin(yearOpt, pg.priceYear.has_value(), "price_year");
    origin(deflOpt, !pg.deflators.isEmpty(), "deflators");
    origin(fallbackOpt, !pg.indexFallback.isEmpty(), "index_fallback");
    origin(climateOpt, !pg.climateVariant.isEmpty(), "climate_variant");
    origin(daysOpt, pg.acDays.has_value(), "ac_days");
    origin(slopeOpt, pg.slopeLengthM.has_value(), "slope_length_m");
    origin(seawallCostOpt, pg.seawallCostYuanPerM.has_value(), "seawall_cost_cny_per_m");
    origin(seawallLifeOpt, pg.seawallLifeYears.has_value(), "seawall_life_years");
    s.profileId = parser.isSet(profileOpt) ? parser.value(profileOpt)
                  : !pg.profile.isEmpty()  ? pg.profile
                                           : QStringLiteral("RCEES_LEGACY");
    // A flag wins; else the project's value; else the default.
    auto fromSection = [&](const QCommandLineOption& o, const std::optional<double>& v, double& value) {
        if (!parser.isSet(o) && v)
            value = *v;
        return parser.isSet(o) || v.has_value();
    };
    fromSection(slopeOpt, pg.slopeLengthM, slopeLength);
    const bool hasAcDays = fromSection(daysOpt, pg.acDays, acDays);
    const bool hasSeawallCost = fromSection(seawallCostOpt, pg.seawallCostYuanPerM, seawallCost);
    const bool hasSeawallLife = fromSection(seawallLifeOpt, pg.seawallLifeYears, seawallLife);
    const bool hasPriceYear =
      fromSection(yearOpt, pg.priceYear ? std::optional<double>(*pg.priceYear) : std::nullopt, priceYear);
    s.slopeLengthM = slopeLength;
    if (hasAcDays)
        s.acDays = acDays;
    if (parser.isSet(climateOpt) || !pg.climateVariant.isEmpty())
        s.copVariant =
          gep::climateVariantFromId(parser.isSet(climateOpt) ? parser.value(climateOpt)
                                                             : pg.climateVariant) == gep::ClimateVariant::Cop;
    const bool hasDeflators = parser.isSet(deflOpt) || !pg.deflators.isEmpty();
    const QString deflatorsFile = parser.isSet(deflOpt)     ? parser.value(deflOpt)
                                  : !pg.deflators.isEmpty() ? project.resolve(pg.deflators)
                                                            : QString();
    const QString indexFallback = parser.isSet(fallbackOpt) ? parser.value(fallbackOpt) : pg.indexFallback;
    if (hasDeflators && !hasPriceYear) {
        printError(GepCommand::tr("--deflators needs --price-year (gep-methods.md §5.3)"));
        return ExitUsage;
    }
    // Tables: the project's copy when the project lists it (Project::parameters, e.g. "gep/profiles"),
    // else the embedded default.
    QStringList tableOrigins;
    auto tablePath = [&](const QString& name, const QString& embedded) {
        if (const models::ProjectParameterTable* t = project.parameterTable(name)) {
            const QString path = project.resolve(t->path);
            if (QFileInfo::exists(path)) {
                tableOrigins << GepCommand::tr("%1 from the project (%2)").arg(name, path);
                return path;
            }
            printWarning(GepCommand::tr("the project lists the table %1 at %2, which does not exist; the "
                                        "embedded default is used")
                           .arg(name, path));
        }
        tableOrigins << GepCommand::tr("%1 embedded default").arg(name);
        return embedded;
    };
    Model model;
    params::Issues issues;
    const QString priceSet = parser.isSet(priceSetOpt) ? parser.value(priceSetOpt)
                             : !pg.priceSet.isEmpty()  ? pg.priceSet
                                                       : QStringLiteral("P0_RCEES2010");
    if (!gep::priceProfileIds().contains(priceSet)) {
        printError(GepCommand::tr("unknown --price-set '%1'; known: %2")
                     .arg(priceSet, gep::priceProfileIds().join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const QString priceFile =
      tablePath(QStringLiteral("gep/") + QFileInfo(gep::priceProfilePath(priceSet)).baseName(),
                gep::priceProfilePath(priceSet));
    params::LoadedTable priceTable =
      params::loadTable(gep::priceTableSpec(), priceFile, params::Provenance::Required);
    issues.insert(issues.end(), priceTable.issues.begin(), priceTable.issues.end());
    model.prices = gep::pricesFromTable(priceTable.table, issues);
    model.prices.file = priceFile;
    if (parser.isSet(pricesOpt)) {
        const params::Issues pi = gep::overridePrices(model.prices, parser.value(pricesOpt));
        issues.insert(issues.end(), pi.begin(), pi.end());
    }
    params::LoadedTable profiles = params::loadTable(
      gep::profileTableSpec(),
      tablePath(QStringLiteral("gep/profiles"), QStringLiteral(":/parameters/gep/profiles.csv")),
      params::Provenance::Required);
    issues.insert(issues.end(), profiles.issues.begin(), profiles.issues.end());
    std::optional<gep::Profile> profile = gep::profileFromTable(profiles.table, s.profileId, issues);
    params::LoadedTable ecoTable =
      params::loadTable(gep::ecosystemTableSpec(),
                        tablePath(QStringLiteral("gep/ecosystem_params"),
                                  QStringLiteral(":/parameters/gep/ecosystem_params.csv")),
                        params::Provenance::Required);
    issues.insert(issues.end(), ecoTable.issues.begin(), ecoTable.issues.end());
    params::LoadedTable constTable = params::loadTable(
      gep::constantsTableSpec(),
      tablePath(QStringLiteral("gep/constants"), QStringLiteral(":/parameters/gep/constants.csv")),
      params::Provenance::Required);
    issues.insert(issues.end(), constTable.issues.begin(), constTable.issues.end());
    model.constants = gep::constantsFromTable(constTable.table, issues);
    model.constants.acDays = s.acDays;
    if (hasSeawallCost)
        model.constants.seawallYuanPerM = seawallCost;
    if (hasSeawallLife)
        model.constants.seawallLifeYears = seawallLife;
    if (parser.isSet(inputsOpt)) {
        params::LoadedTable t =
          params::loadTable(parcelInputSpec(), parser.value(inputsOpt), params::Provenance::UserSupplied);
        issues.insert(issues.end(), t.issues.begin(), t.issues.end());
        model.parcelInputs = t.table;
    }
    if (parser.isSet(productsOpt)) {
        params::LoadedTable t =
          params::loadTable(productSpec(), parser.value(productsOpt), params::Provenance::UserSupplied);
        issues.insert(issues.end(), t.issues.begin(), t.issues.end());
        model.products = t.table.rows();
        for (const params::TableRow& r : model.products) {
            const auto pk = r.text.find(QStringLiteral("price_key"));
            const QString key = pk == r.text.end() || pk->second.isEmpty() ? r.key : pk->second;
            if (!model.prices.find(key))
                issues.push_back(
                  { params::Issue::Severity::Error,
                    r.file,
                    r.line,
                    QStringLiteral("price_key"),
                    GepCommand::tr("no price '%1' in the price table; add it with --prices (value, unit, "
                                   "basis t, price_year, source)")
                      .arg(key) });
        }
    }
    if (parser.isSet(ecoOpt)) {
        // User rows replace the default rows with the same land-cover code (tag "user").
        params::LoadedTable user = params::loadTable(
          gep::ecosystemTableSpec(), parser.value(ecoOpt), params::Provenance::UserSupplied);
        issues.insert(issues.end(), user.issues.begin(), user.issues.end());
        ecoTable.table = params::overrideTable(ecoTable.table, user.table);
    }
    model.ecosystems = gep::ecosystemsFromTable(ecoTable.table);
    // Price-year adjustment (§5.3): --price-year with the shipped CPI table or --deflators, or a derived
    // price set (P0_CPI2020, P0_CPI2024: every price by CPI, generated from the same shipped table).
    int targetYear = gep::derivedPriceYear(priceSet);
    const bool derivedSet = targetYear > 0;
    if (hasPriceYear)
        targetYear = int(priceYear);
    QString indexUsed;
    if (targetYear > 0 && !params::hasErrors(issues)) {
        const QString indexFile =
          hasDeflators ? deflatorsFile : tablePath(QStringLiteral("gep/price_index"), gep::priceIndexPath());
        params::LoadedTable defl =
          params::loadTable(gep::deflatorTableSpec(),
                            indexFile,
                            hasDeflators ? params::Provenance::UserSupplied : params::Provenance::Required);
        issues.insert(issues.end(), defl.issues.begin(), defl.issues.end());
        if (!params::hasErrors(defl.issues)) {
            const QString fallback =
              derivedSet && indexFallback.isEmpty() ? QStringLiteral("cpi") : indexFallback;
            indexUsed = fallback.isEmpty()
                          ? indexFile
                          : GepCommand::tr("%1 (series the table lacks: %2)").arg(indexFile, fallback);
            try {
                gep::PriceSet adjusted;
                adjusted.file = model.prices.file;
                for (const auto& [key, p] : model.prices.all())
                    adjusted.put(gep::adjustPriceYear(p, targetYear, defl.table, fallback, derivedSet));
                model.basePrices = model.prices;
                model.prices = adjusted;
                model.prices.file += GepCommand::tr(" adjusted to %1 by %2").arg(targetYear).arg(indexFile);
            } catch (const gep::UnitError& e) {
                printError(QString::fromUtf8(e.what()));
                return ExitFailure;
            }
        }
    }
    printIssues(issues);
    if (params::hasErrors(issues) || !profile)
        return ExitFailure;
    model.profile = *profile;
    if (s.copVariant)
        model.profile.waterCopDividesCooling = *s.copVariant;
    if (params::isFlagged(model.profile.tag))
        printWarning(GepCommand::tr("profile %1 is tagged %2: %3")
                       .arg(model.profile.id, params::tagName(model.profile.tag), model.profile.source));
    // What defines the account, named in every output.
    AccountSettings account;
    {
        auto yearsOf = [](const gep::PriceSet& prices) {
            std::set<int> years;
            for (const auto& [key, p] : prices.all())
                if (p.priceYear > 0)
                    years.insert(p.priceYear);
            QStringList out;
            for (int y : years)
                out << QString::number(y);
            return out.join(QLatin1Char(';'));
        };
        account.profile = model.profile.id;
        account.profileTag = params::tagName(model.profile.tag);
        account.priceSet = priceSet;
        account.priceYears = yearsOf(model.prices);
        account.baseYears = model.basePrices ? yearsOf(*model.basePrices) : QString();
        account.priceIndex = indexUsed.isEmpty() ? QStringLiteral("none") : indexUsed;
        account.climateVariant = gep::climateVariantId(model.profile.climateVariant());
        account.climateVariantText = gep::climateVariantDescription(model.profile.climateVariant());
        account.acDays = s.acDays ? QString::number(*s.acDays) : QString();
        const gep::LsFactor ls(s.slopeLengthM);
        account.slopeLength = QString::number(ls.slopeLengthM());
        if (ls.slopeLengthCapped())
            printWarning(
              GepCommand::tr("slope length %1 m is beyond the RUSLE L factor's range; %2 m (InVEST's "
                             "L_max, gep-methods.md §7.2) is used")
                .arg(s.slopeLengthM)
                .arg(gep::LsFactor::kMaxSlopeLengthM));
        QStringList o;
        if (!fromProject.isEmpty())
            o << GepCommand::tr("project: %1").arg(fromProject.join(QStringLiteral(", ")));
        if (!fromFlags.isEmpty())
            o << GepCommand::tr("flags: %1").arg(fromFlags.join(QStringLiteral(", ")));
        account.origin = o.isEmpty() ? GepCommand::tr("defaults") : o.join(QStringLiteral("; "));
    }

    auto feedback = makeTerminalFeedback(parser.isSet(quietOpt));
    try {
        // Outputs appear in --out only when complete (gis::StagedOutput).
        gis::StagedOutput staged(s.outDir);
        s.outDir = staged.path();
        printInfo(GepCommand::tr("parameter tables: %1").arg(tableOrigins.join(QStringLiteral("; "))));
        const QStringList problems = project.validate();
        if (!problems.isEmpty()) {
            for (const QString& p : problems)
                printError(p);
            return ExitFailure;
        }
        if (parser.value(carbonResultsOpt) == QLatin1String("none")) {
            s.carbonResults.clear();
        } else if (parser.isSet(carbonResultsOpt)) {
            s.carbonResults = QDir(parser.value(carbonResultsOpt)).filePath(QStringLiteral("parcels.csv"));
            if (!QFileInfo::exists(s.carbonResults)) {
                printError(
                  GepCommand::tr("--carbon-results: %1 not found; run tanhui-cli carbon --project %2 "
                                 "--out %3 first")
                    .arg(s.carbonResults, parser.value(projectOpt), parser.value(carbonResultsOpt)));
                return ExitFailure;
            }
        } else {
            s.carbonResults = defaultCarbonResults(project);
        }
        // The rows (316,681 parcels × ~10 indicators on the city sample: ~2.7 s of frees) are kept until
        // the process exits.
        const RunResult& run = keepUntilExit(runProject(project, model, s, feedback.get()));
        finishProgressLine();
        for (const QString& n : run.notes)
            printWarning(n);
        QElapsedTimer writeTimer;
        writeTimer.start();
        writeOutputs(run, model, s);
        const Totals totals = totalsOf(run);
        writeTotals(totals, account, QDir(s.outDir).filePath(QStringLiteral("totals.csv")));
        writeRunSettings(account, QDir(s.outDir).filePath(QStringLiteral("run_settings.csv")));
        const carbon::LedgerCheck check = gepLedgerCheck(run);
        if (run.ledger)
            carbon::writeOverlaps(QDir(s.outDir).filePath(QStringLiteral("overlaps.csv")).toStdString(),
                                  *run.ledger);
        carbon::writeLedgerCheck(QDir(s.outDir).filePath(QStringLiteral("ledger_check.csv")).toStdString(),
                                 check);

        // Summary.
        QStringList timing;
        for (const auto& [stage, sec] : run.seconds)
            timing << QStringLiteral("%1 %2 s").arg(stage).arg(sec, 0, 'f', 1);
        timing << QStringLiteral("outputs %1 s").arg(writeTimer.nsecsElapsed() * 1e-9, 0, 'f', 1);
        printInfo(GepCommand::tr("timing: %1").arg(timing.join(QStringLiteral(", "))));
        std::map<QString, int> parcelsByGroup;
        for (const ParcelRow& r : run.rows)
            parcelsByGroup[r.layer]++;
        printInfo(GepCommand::tr("profile %1, prices %2 (price years and sources in prices_used.csv)")
                    .arg(model.profile.id, model.prices.file));
        printInfo(GepCommand::tr("account: profile %1 (%2), price set %3, price year %4, price index %5, "
                                 "climate-regulation variant %6 (run_settings.csv; settings from %7)")
                    .arg(account.profile,
                         account.profileTag,
                         account.priceSet,
                         account.priceYears,
                         account.priceIndex,
                         account.climateVariant,
                         account.origin));
        for (const auto& [layer, n] : parcelsByGroup)
            printInfo(GepCommand::tr("%1: %2 parcels").arg(layer).arg(n));
        printInfo(GepCommand::tr("GEP %1 CNY/a (%2 亿元)")
                    .arg(totals.total, 0, 'f', 2)
                    .arg(totals.total / 1e8, 0, 'f', 4));
        if (totals.emissionParcels > 0)
            printWarning(GepCommand::tr("carbon emission (net carbon source, not in GEP): %1 t CO2e/a, %2 "
                                        "CNY/a at the carbon price, on %3 parcels (totals.csv emission, "
                                        "carbon_emission_* in parcels_<layer>.gpkg)")
                           .arg(totals.emissionTco2, 0, 'f', 2)
                           .arg(totals.emissionYuan, 0, 'f', 2)
                           .arg(totals.emissionParcels));
        if (model.basePrices) {
            std::set<int> baseYears;
            for (const auto& [key, p] : model.basePrices->all())
                baseYears.insert(p.priceYear);
            QStringList years;
            for (int y : baseYears)
                years << QString::number(y);
            printInfo(GepCommand::tr("  at current prices of %1: %2 CNY/a; at the base-year prices (%3): %4 "
                                     "CNY/a (value_base_cny in indicators.csv and totals.csv)")
                        .arg(targetYear)
                        .arg(totals.total, 0, 'f', 2)
                        .arg(years.join(QStringLiteral(", ")))
                        .arg(totals.baseTotal, 0, 'f', 2));
        }
        for (const auto& [key, v] : totals.byService) {
            const gep::IndicatorSpec* spec = gep::findIndicator(key);
            printInfo(GepCommand::tr("  %1: %2 CNY/a, %3 %")
                        .arg(spec->displayName())
                        .arg(v, 0, 'f', 2)
                        .arg(totals.total != 0 ? v / totals.total * 100 : 0.0, 0, 'f', 2));
        }
        for (const auto& [eco, v] : totals.byEcosystem) {
            const double ha = totals.areaByEcosystem.at(eco);
            printInfo(GepCommand::tr("  ecosystem %1: %2 ha, %3 CNY/ha/a")
                        .arg(eco)
                        .arg(ha, 0, 'f', 1)
                        .arg(ha > 0 ? v / ha : 0.0, 0, 'f', 0));
        }
        if (auto it = totals.byService.find(QStringLiteral("climate_regulation"));
            it != totals.byService.end() && totals.total > 0)
            printWarning(
              GepCommand::tr("climate regulation is %1 % of GEP: it dominates the total and depends on the "
                             "air-conditioning days D, on ET and on the water-surface variant (%2); report "
                             "it separately (gep-methods.md §4.10, §10.2)")
                .arg(it->second / totals.total * 100, 0, 'f', 1)
                .arg(account.climateVariantText));
        if (run.slopeCappedCells > 0)
            printWarning(
              GepCommand::tr("soil retention: %1 DEM cells are steeper than %2 % and use the S factor "
                             "of %2 % (validity of the steep-slope equation, Liu, Nearing & Risse "
                             "1994); %3 parcels flagged ls_slope_capped")
                .arg(run.slopeCappedCells)
                .arg(gep::LsFactor::kMaxGradient * 100)
                .arg(run.plausibilityCounts.count(QStringLiteral("ls_slope_capped"))
                       ? run.plausibilityCounts.at(QStringLiteral("ls_slope_capped"))
                       : 0));
        if (auto it = run.plausibilityCounts.find(QStringLiteral("implausible_potential_erosion"));
            it != run.plausibilityCounts.end())
            printWarning(
              GepCommand::tr("soil retention: %1 parcels have a potential erosion R·K·LS above %2 "
                             "t/ha/a, implausible (flag implausible_potential_erosion; check the R, "
                             "K and DEM rasters)")
                .arg(it->second)
                .arg(gep::kImplausiblePotentialErosionTPerHa));
        if (auto it = run.plausibilityCounts.find(QStringLiteral("water_conservation_low_et"));
            it != run.plausibilityCounts.end())
            printWarning(GepCommand::tr("water conservation: %1 parcels have an ET below %2 % of their "
                                        "ecosystem's median, so the water balance credits missing "
                                        "transpiration (flag water_conservation_low_et; check the ecosystem "
                                        "type, e.g. a clear-cut)")
                           .arg(it->second)
                           .arg(gep::kLowEtShareOfMedian * 100));
        std::map<QString, std::pair<int, QStringList>> skippedCount;
        for (const ParcelRow& r : run.rows)
            for (const gep::IndicatorResult& x : r.results)
                if (x.skipped) {
                    auto& entry = skippedCount[x.key];
                    entry.first++;
                    if (!entry.second.contains(x.reason))
                        entry.second << x.reason;
                }
        for (const auto& [key, entry] : skippedCount) {
            QStringList reasons = entry.second.mid(0, 3);
            if (entry.second.size() > 3)
                reasons << GepCommand::tr("%1 more reasons").arg(entry.second.size() - 3);
            printWarning(GepCommand::tr("skipped %1 on %2 parcels (see skipped.csv): %3")
                           .arg(key)
                           .arg(entry.first)
                           .arg(reasons.join(QStringLiteral("; "))));
        }

        if (parser.isSet(scenarioOpt)) {
            const models::Project scenario = models::Project::load(parser.value(scenarioOpt));
            Settings ss = s;
            if (!parser.isSet(carbonResultsOpt))
                ss.carbonResults = defaultCarbonResults(scenario);
            ss.outDir = QDir(s.outDir).filePath(QStringLiteral("scenario"));
            QDir().mkpath(ss.outDir);
            const RunResult srun = runProject(scenario, model, ss, feedback.get());
            finishProgressLine();
            writeOutputs(srun, model, ss);
            const Totals st = totalsOf(srun);
            writeTotals(st, account, QDir(ss.outDir).filePath(QStringLiteral("totals.csv")));
            std::map<std::pair<QString, QString>, std::pair<double, double>> diff;
            for (const ParcelRow& r : run.rows)
                diff[{ r.layer, r.id }].first = gep::totalValue(r.results);
            for (const ParcelRow& r : srun.rows)
                diff[{ r.layer, r.id }].second = gep::totalValue(r.results);
            std::vector<std::pair<std::pair<QString, QString>, std::pair<double, double>>> lines(diff.begin(),
                                                                                                 diff.end());
            using C = gis::TableColumn;
            gis::writeTable(QDir(s.outDir).filePath(QStringLiteral("scenario_diff.csv")).toStdString(),
                            { { "layer", C::Type::String },
                              { "parcel_id", C::Type::String },
                              { "baseline_gep_cny", C::Type::Real },
                              { "scenario_gep_cny", C::Type::Real },
                              { "difference_cny", C::Type::Real } },
                            lines.size(),
                            [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                                v = { lines[i].first.first,
                                      lines[i].first.second,
                                      lines[i].second.first,
                                      lines[i].second.second,
                                      lines[i].second.second - lines[i].second.first };
                            });
            printInfo(GepCommand::tr("scenario GEP %1 CNY/a, difference %2 CNY/a")
                        .arg(st.total, 0, 'f', 2)
                        .arg(st.total - totals.total, 0, 'f', 2));
        }
        staged.commit();
        // The ledger check: a failed check is an error (docs/carbon-project.md, "Ledger check").
        for (const carbon::LedgerCheckRow& row : check.rows)
            if (!row.passed)
                printError(row.message());
        const QString checkFile = QDir(parser.value(outOpt)).filePath(QStringLiteral("ledger_check.csv"));
        if (!check.passed()) {
            printError(GepCommand::tr("the ledger check failed: %1 of %2 check(s); each is listed in %3")
                         .arg(check.failures())
                         .arg(check.rows.size())
                         .arg(checkFile));
            return ExitFailure;
        }
        printInfo(
          GepCommand::tr("ledger check: all %1 check(s) passed (%2)").arg(check.rows.size()).arg(checkFile));
    } catch (const gep::UnitError& e) {
        finishProgressLine();
        printError(QString::fromUtf8(e.what()));
        return ExitFailure;
    } catch (...) {
        finishProgressLine();
        return reportFailure(outputsUnchangedMessage(parser.value(outOpt)));
    }
    return ExitOk;
}

} // namespace tanhui::cli
