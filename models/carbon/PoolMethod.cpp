// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/PoolMethod.h"

#include "models/Parallel.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonPools {
    Q_DECLARE_TR_FUNCTIONS(CarbonPools)
};

constexpr std::int64_t kNodata = std::numeric_limits<std::int64_t>::min();
constexpr double kDensityNodata = -1.0; // InVEST's _CARBON_NODATA (carbon-methods.md §1.2)

std::int64_t codeOf(double v) {
    return std::int64_t(std::llround(v));
}

/// @brief Cell counts of Byte land-cover rasters on one grid: per date and value, and per date pair
/// and value pair (key = value₁ × 256 + value₂), as whole numbers.
struct ByteCounts {
    std::vector<std::array<std::uint64_t, 256>> date;
    std::vector<std::vector<std::uint64_t>> pair; ///< 65,536 per pair
};

/// @brief Counts the cells of every value of each raster and of every value pair of each pair of
/// rasters (`pairs`: indices into `paths`), reading every cell once. Strips of whole block rows are
/// dealt to `threads` workers (each with its own datasets and counts), and the counts are then
/// added up: whole numbers, so the totals are exact and the same for any thread count or order.
/// Per pair the counts go into four interleaved tables (cell k into table k mod 4), so that a run of
/// equal values does not chain every cell through a store and a reload of the same counter. A date
/// in some pair gets its counts from that pair's table (a marginal); only a date in no pair (a
/// single date) is counted on its own. Throws GisError, CancelledError.
ByteCounts countByteRasters(const std::vector<std::string>& paths,
                            const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                            const gis::Grid& grid,
                            int blockHeight,
                            std::size_t memoryBudgetBytes,
                            int threads,
                            gis::Feedback* feedback) {
    const std::size_t nd = paths.size(), np = pairs.size();
    // Strips of whole block rows (at least 256 rows), so that no block is inflated by two workers,
    // unless the strips of all workers would not fit half the memory budget.
    const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
    const int requested = std::max(1, threads > 0 ? threads : hw);
    const int blockRows = std::clamp(blockHeight, 1, std::max(grid.rows, 1));
    int stripRows = blockRows * std::max(1, 256 / blockRows);
    const std::size_t rowBytes = std::size_t(std::max(grid.cols, 1)) * nd * std::size_t(requested);
    const int fitRows = int(std::clamp<std::size_t>(memoryBudgetBytes / 2 / rowBytes, 1, 1u << 30));
    if (stripRows > fitRows)
        stripRows = fitRows >= blockRows ? fitRows / blockRows * blockRows : fitRows;
    const int strips = (grid.rows + stripRows - 1) / stripRows;
    // Each worker has four 65,536-entry tables per pair (2 MB): at most a quarter of the budget.
    const std::size_t tableBytes = std::max<std::size_t>(1, np) * 4 * 65536 * sizeof(std::uint64_t);
    const int fitWorkers = int(std::clamp<std::size_t>(memoryBudgetBytes / 4 / tableBytes, 1, 1024));
    const int workers = std::clamp(std::min(requested, fitWorkers), 1, std::max(1, strips));
    // A date's counts come from the first pair holding it, when there is one.
    std::vector<std::pair<std::size_t, int>> marginalOf(nd, { std::size_t(-1), 0 });
    for (std::size_t p = np; p-- > 0;) {
        marginalOf[pairs[p].second] = { p, 2 };
        marginalOf[pairs[p].first] = { p, 1 };
    }

    struct Worker {
        std::vector<std::array<std::uint64_t, 256>> date;
        std::vector<std::vector<std::uint64_t>> pair; // 4 × 65,536 per pair
    };
    std::vector<Worker> partial(static_cast<std::size_t>(workers));
    std::atomic<int> done{ 0 };
    std::atomic<bool> failed{ false };
    std::exception_ptr error;
    std::mutex errorMutex;
    auto run = [&](int id) {
        try {
            Worker& out = partial[std::size_t(id)];
            out.date.assign(nd, {});
            out.pair.assign(np, std::vector<std::uint64_t>(4 * 65536, 0));
            std::vector<std::unique_ptr<gis::RasterDataset>> rasters;
            for (const std::string& path : paths)
                rasters.push_back(std::make_unique<gis::RasterDataset>(path));
            std::vector<std::vector<std::uint8_t>> bytes(nd);
            // Strips dealt round-robin (all strips cost about the same), so every worker takes part.
            for (int strip = id; strip < strips; strip += workers) {
                if (failed.load(std::memory_order_relaxed))
                    return;
                if (feedback)
                    feedback->throwIfCancelled();
                const int row0 = strip * stripRows;
                const gis::Window w{ row0, 0, std::min(stripRows, grid.rows - row0), grid.cols };
                for (std::size_t d = 0; d < nd; ++d)
                    if (!rasters[d]->readByteWindow(1, w, bytes[d]))
                        throw gis::GisError(
                          gis::GisError::Kind::Io, "Reading \"" + paths[d] + "\" as bytes failed.", paths[d]);
                const std::size_t n = std::size_t(w.cellCount());
                for (std::size_t p = 0; p < np; ++p) {
                    const std::uint8_t* a = bytes[pairs[p].first].data();
                    const std::uint8_t* b = bytes[pairs[p].second].data();
                    std::uint64_t* t = out.pair[p].data();
                    std::size_t k = 0;
                    for (; k + 4 <= n; k += 4) {
                        ++t[unsigned(a[k]) << 8 | b[k]];
                        ++t[65536 + (unsigned(a[k + 1]) << 8 | b[k + 1])];
                        ++t[2 * 65536 + (unsigned(a[k + 2]) << 8 | b[k + 2])];
                        ++t[3 * 65536 + (unsigned(a[k + 3]) << 8 | b[k + 3])];
                    }
                    for (; k < n; ++k)
                        ++t[unsigned(a[k]) << 8 | b[k]];
                }
                for (std::size_t d = 0; d < nd; ++d) {
                    if (marginalOf[d].second != 0)
                        continue;
                    std::array<std::uint64_t, 256>& t = out.date[d];
                    for (std::size_t k = 0; k < n; ++k)
                        ++t[bytes[d][k]];
                }
                const int finished = done.fetch_add(1) + 1;
                if (feedback && id == 0)
                    feedback->setProgress(100.0 * finished / strips, "carbon per cell");
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(errorMutex);
            if (!error)
                error = std::current_exception();
            failed.store(true);
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < workers; ++t)
        pool.emplace_back(run, t);
    run(0);
    for (std::thread& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);

    ByteCounts counts;
    counts.date.assign(nd, {});
    counts.pair.assign(np, std::vector<std::uint64_t>(65536, 0));
    for (const Worker& w : partial) {
        for (std::size_t p = 0; p < np; ++p)
            for (std::size_t key = 0; key < 65536; ++key)
                counts.pair[p][key] += w.pair[p][key] + w.pair[p][65536 + key] + w.pair[p][2 * 65536 + key] +
                                       w.pair[p][3 * 65536 + key];
        for (std::size_t d = 0; d < nd; ++d)
            for (std::size_t v = 0; v < 256; ++v)
                counts.date[d][v] += w.date[d][v];
    }
    for (std::size_t d = 0; d < nd; ++d) {
        const auto [p, side] = marginalOf[d];
        if (side == 0)
            continue;
        for (std::size_t key = 0; key < 65536; ++key)
            counts.date[d][side == 1 ? key >> 8 : key & 255] += counts.pair[p][key];
    }
    return counts;
}

QString fileName(const std::string& path) {
    return QString::fromStdString(path);
}

} // namespace

const char* poolName(int pool) {
    static const char* names[kPoolCount] = { "c_above", "c_below", "c_soil", "c_dead" };
    return names[pool];
}

const params::TableSpec& carbonPoolsSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "carbon_pools";
        s.keyColumn = "lucode";
        s.integerKey = true;
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "land-cover code");
        // carbon-methods.md §1.1: t C/ha, elemental carbon; no upper bound in InVEST. 5,000 t C/ha is
        // far above any measured stock (mangroves: Asia mean 1,049, §4) and catches unit mistakes.
        const char* unit = "t C/ha";
        s.values = {
            { "c_above", QT_TRANSLATE_NOOP("Parameters", "above-ground carbon stock"), unit, 0, 5000 },
            { "c_below", QT_TRANSLATE_NOOP("Parameters", "below-ground carbon stock"), unit, 0, 5000 },
            { "c_soil", QT_TRANSLATE_NOOP("Parameters", "soil organic carbon stock"), unit, 0, 5000 },
            { "c_dead", QT_TRANSLATE_NOOP("Parameters", "dead wood and litter carbon stock"), unit, 0, 5000 }
        };
        s.textColumns = { "lulc_name", "name_zh" };
        // Optional uncertainty columns (c_above_u_pct, c_above_dist, …, u_pct, dist, u_source).
        uncertainty::addUncertaintyColumns(s);
        s.defaultPath = "carbon/carbon_pools.csv";
        return s;
    }();
    return spec;
}

const params::TableSpec& speciesParamsSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "species_params_cn";
        s.keyColumn = "species_group";
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "species group");
        s.values = {
            { "wd", QT_TRANSLATE_NOOP("Parameters", "basic wood density"), "t/m³", 0.05, 1.5 },
            { "bef", QT_TRANSLATE_NOOP("Parameters", "biomass expansion factor"), "ratio", 1, 5 },
            { "r", QT_TRANSLATE_NOOP("Parameters", "root-to-shoot ratio"), "ratio", 0, 2 },
            { "cf",
              QT_TRANSLATE_NOOP("Parameters", "carbon fraction of dry matter"),
              "t C/t d.m.",
              0.3,
              0.6 },
            { "fang_a",
              QT_TRANSLATE_NOOP("Parameters", "Fang continuous BEF slope a"),
              "t/m³",
              0,
              5,
              false,
              false },
            { "fang_b",
              QT_TRANSLATE_NOOP("Parameters", "Fang continuous BEF intercept b"),
              "t/ha",
              -100,
              200,
              false,
              false },
        };
        s.textColumns = { "name_zh", "name_latin" };
        // Optional uncertainty columns (wd_u_pct, wd_dist, …, u_pct, dist, u_source).
        uncertainty::addUncertaintyColumns(s);
        s.defaultPath = "carbon/species_params_cn.csv";
        return s;
    }();
    return spec;
}

PoolLookup::PoolLookup(const params::ParameterTable& table) {
    for (const params::TableRow& row : table.rows()) {
        PoolClass c;
        c.code = row.key.toLongLong();
        for (int p = 0; p < kPoolCount; ++p) {
            const int col = table.columnIndex(QString::fromLatin1(poolName(p)));
            c.density[std::size_t(p)] = col >= 0 ? row.values[std::size_t(col)].value_or(0.0) : 0.0;
        }
        const auto name = row.text.find(QStringLiteral("lulc_name"));
        const auto zh = row.text.find(QStringLiteral("name_zh"));
        c.name = name != row.text.end() ? name->second : QString();
        if (zh != row.text.end() && !zh->second.isEmpty())
            c.name = c.name.isEmpty() ? zh->second : c.name + QStringLiteral(" ") + zh->second;
        c.tag = row.tag;
        c.source = row.source;
        c.file = row.file;
        c.line = row.line;
        m_classes[c.code] = c;
    }
    for (auto& [code, c] : m_classes) {
        c.index = int(m_codes.size());
        m_codes.push_back(code);
    }
}

double transitionValue(const PoolLookup& pools, std::int64_t code1, std::int64_t code2) {
    const PoolClass* a = pools.find(code1);
    const PoolClass* b = pools.find(code2);
    if (!a || !b)
        return -1.0;
    return double(a->index) * double(pools.codes().size()) + double(b->index);
}

bool decodeTransition(const PoolLookup& pools, double value, std::int64_t& code1, std::int64_t& code2) {
    const double n = double(pools.codes().size());
    if (!(value >= 0) || value >= n * n || value != std::floor(value))
        return false;
    const auto i1 = std::size_t(std::floor(value / n));
    const auto i2 = std::size_t(value - double(i1) * n);
    code1 = pools.codes()[i1];
    code2 = pools.codes()[i2];
    return true;
}

const PoolClass* PoolLookup::find(std::int64_t code) const& {
    const auto it = m_classes.find(code);
    return it == m_classes.end() ? nullptr : &it->second;
}

std::vector<PoolClass> PoolRunResult::flaggedClasses() const {
    std::vector<PoolClass> out;
    for (const PoolClass& c : classesUsed)
        if (params::isFlagged(c.tag))
            out.push_back(c);
    return out;
}

namespace {

/// The issue of validatePoolInputs() for the codes of `path` missing from the pools table.
params::Issue missingCodesIssue(const QString& poolsFile,
                                const std::string& path,
                                const QStringList& missing) {
    return { params::Issue::Severity::Error,
             poolsFile,
             0,
             QStringLiteral("lucode"),
             CarbonPools::tr("%1 land-cover code(s) present in %2 but missing from the pools table: %3")
               .arg(missing.size())
               .arg(fileName(path), missing.join(QStringLiteral(", "))) };
}

/// validatePoolInputs(); with `scanCodes` false only the checks that need no cell (years, bands,
/// types, grids, CRS): the code scan is then left to a run that collects unknown codes.
params::Issues checkPoolInputs(const std::vector<LulcInput>& inputs,
                               const PoolLookup& pools,
                               const QString& poolsFile,
                               gis::Feedback* feedback,
                               bool scanCodes) {
    using params::Issue;
    params::Issues issues;
    auto error = [&](const std::string& file, const QString& column, const QString& message) {
        issues.push_back({ Issue::Severity::Error, fileName(file), 0, column, message });
    };
    if (inputs.empty()) {
        issues.push_back(
          { Issue::Severity::Error, {}, 0, {}, CarbonPools::tr("no land-cover raster was given") });
        return issues;
    }
    std::vector<int> years;
    QStringList labels;
    for (const LulcInput& in : inputs) {
        years.push_back(in.year);
        labels << fileName(in.path);
    }
    const params::Issues order = params::checkYearsAscending(years, labels);
    issues.insert(issues.end(), order.begin(), order.end());

    std::optional<gis::RasterInfo> first;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const LulcInput& in = inputs[i];
        gis::RasterDataset ds(in.path); // throws GisError(Open) naming the file
        const gis::RasterInfo& info = ds.info();
        bool usable = true;
        if (info.bands.size() != 1) {
            error(in.path,
                  {},
                  CarbonPools::tr("a land-cover raster must have exactly one band, this one has %1")
                    .arg(info.bands.size()));
            usable = false;
        }
        if (!info.bands.empty() && !info.bands.front().isInteger) {
            error(
              in.path,
              {},
              CarbonPools::tr("a land-cover raster must hold whole-number class codes; its data type is %1")
                .arg(QString::fromStdString(info.bands.front().dataType)));
            usable = false;
        }
        // Cell areas need a CRS: a grid without one (or with a local/undefined one) is never taken
        // for metres silently.
        if (!info.crs.isValid()) {
            error(
              in.path,
              {},
              CarbonPools::tr("the raster has no usable coordinate reference system%1, so its cell "
                              "areas are unknown; assign the right one (e.g. gdal_edit.py -a_srs "
                              "EPSG:4547 %2)")
                .arg(info.crsProblem.empty()
                       ? QString()
                       : QStringLiteral(" (") + QString::fromStdString(info.crsProblem) + QLatin1Char(')'),
                     fileName(in.path)));
            usable = false;
        } else if (!info.crs.isGeographic() && info.crs.linearUnitMetres() <= 0) {
            error(in.path,
                  {},
                  CarbonPools::tr("the raster's CRS has no linear unit; cell areas cannot be computed"));
            usable = false;
        }
        if (!first) {
            first = info;
        } else if (!info.grid.sameAs(first->grid)) {
            error(in.path,
                  {},
                  CarbonPools::tr(
                    "the raster is not on the same grid as %1 (InVEST requires the same pixel size and "
                    "dimensions; align the rasters first): %2 vs %3")
                    .arg(fileName(inputs.front().path),
                         QString::fromStdString(info.grid.signature()),
                         QString::fromStdString(first->grid.signature())));
            usable = false;
        } else if (info.crs.isValid() && first->crs.isValid() && !info.crs.isSame(first->crs)) {
            error(
              in.path,
              {},
              CarbonPools::tr("the raster's CRS differs from that of %1").arg(fileName(inputs.front().path)));
            usable = false;
        }
        if (!usable || !scanCodes)
            continue;

        // Scan the codes present (valid cells only) and list every code missing from the table.
        const gis::Grid& grid = info.grid;
        const int rowsPerStrip = gis::stripRows(grid, 64u << 20, 9);
        std::set<std::int64_t> codes;
        std::vector<double> values;
        std::vector<unsigned char> valid;
        for (int row0 = 0; row0 < grid.rows; row0 += rowsPerStrip) {
            if (feedback) {
                feedback->throwIfCancelled();
                feedback->setProgress(100.0 * (double(i) + double(row0) / grid.rows) / double(inputs.size()),
                                      "checking land-cover codes");
            }
            const gis::Window w{ row0, 0, std::min(rowsPerStrip, grid.rows - row0), grid.cols };
            ds.read(1, w, values, valid);
            std::int64_t last = kNodata;
            for (std::size_t k = 0; k < values.size(); ++k) {
                if (!valid[k])
                    continue;
                const std::int64_t c = codeOf(values[k]);
                if (c != last) {
                    codes.insert(c);
                    last = c;
                }
            }
        }
        QStringList missing;
        for (std::int64_t c : codes)
            if (!pools.find(c))
                missing << QString::number(c);
        if (!missing.isEmpty())
            issues.push_back(missingCodesIssue(poolsFile, in.path, missing));
    }
    return issues;
}

/// runPoolRasters(); with `missingCodes`, land-cover codes missing from the pools table are collected
/// there (per input, ascending) instead of raising an error, and the result is then meaningless.
PoolRunResult runPoolRastersImpl(const std::vector<LulcInput>& inputs,
                                 const PoolLookup& pools,
                                 const PoolRunOptions& options,
                                 std::vector<std::set<std::int64_t>>* missingCodes);

} // namespace

params::Issues validatePoolInputs(const std::vector<LulcInput>& inputs,
                                  const PoolLookup& pools,
                                  const QString& poolsFile,
                                  gis::Feedback* feedback) {
    return checkPoolInputs(inputs, pools, poolsFile, feedback, true);
}

PoolCheckedRun validateAndRunPoolRasters(const std::vector<LulcInput>& inputs,
                                         const PoolLookup& pools,
                                         const QString& poolsFile,
                                         const PoolRunOptions& options) {
    PoolCheckedRun out;
    const bool writesRasters =
      !options.outDir.empty() &&
      (options.writeDensityRasters || options.writeChangeRasters || options.writeTransitionRasters);
    if (writesRasters) {
        // Rasters are written only from valid inputs: validate first, as validatePoolInputs().
        out.issues = validatePoolInputs(inputs, pools, poolsFile, options.feedback);
        if (!params::hasErrors(out.issues))
            out.run = runPoolRasters(inputs, pools, options);
        return out;
    }
    out.issues = checkPoolInputs(inputs, pools, poolsFile, options.feedback, false);
    if (params::hasErrors(out.issues)) {
        // No run: list every problem, the missing codes of the usable rasters included.
        out.issues = validatePoolInputs(inputs, pools, poolsFile, options.feedback);
        return out;
    }
    // One read of each raster: the run's pass collects the codes missing from the table (the same
    // issues as validatePoolInputs()'s scan) and its totals are kept only when none is missing.
    std::vector<std::set<std::int64_t>> missing(inputs.size());
    PoolRunResult run = runPoolRastersImpl(inputs, pools, options, &missing);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        QStringList codes;
        for (std::int64_t c : missing[i])
            codes << QString::number(c);
        if (!codes.isEmpty())
            out.issues.push_back(missingCodesIssue(poolsFile, inputs[i].path, codes));
    }
    if (!params::hasErrors(out.issues))
        out.run = std::move(run);
    return out;
}

PoolRunResult runPoolRasters(const std::vector<LulcInput>& inputs,
                             const PoolLookup& pools,
                             const PoolRunOptions& options) {
    return runPoolRastersImpl(inputs, pools, options, nullptr);
}

namespace {

PoolRunResult runPoolRastersImpl(const std::vector<LulcInput>& inputs,
                                 const PoolLookup& pools,
                                 const PoolRunOptions& options,
                                 std::vector<std::set<std::int64_t>>* missingCodes) {
    PoolRunResult result;
    if (inputs.empty())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument, "No land-cover raster was given.");
    std::vector<gis::RasterDataset> rasters;
    for (const LulcInput& in : inputs)
        rasters.emplace_back(in.path);
    const gis::RasterInfo& info0 = rasters.front().info();
    result.grid = info0.grid;
    result.crs = info0.crs;
    result.trueRowAreas = info0.crs.isValid() && info0.crs.isGeographic();
    const gis::Grid& grid = result.grid;
    const std::vector<double> rowArea = gis::rowCellAreasM2(grid, result.crs);
    const std::size_t nd = inputs.size();

    // Pairs: consecutive dates, plus first → last when there are more than two dates.
    for (std::size_t i = 1; i < nd; ++i)
        result.pairs.push_back(
          { int(i - 1), int(i), inputs[i - 1].year, inputs[i].year, 0, 0, 0, {}, {}, {}, {} });
    if (nd > 2)
        result.pairs.push_back(
          { 0, int(nd - 1), inputs.front().year, inputs.back().year, 0, 0, 0, {}, {}, {}, {} });

    // Writers (atomic: temporaries renamed at the end).
    std::vector<std::unique_ptr<gis::RasterWriter>> densityWriters, changeWriters, transitionWriters;
    if (!options.outDir.empty()) {
        const QDir dir(QString::fromStdString(options.outDir));
        gis::RasterSpec density;
        density.grid = grid;
        density.crs = result.crs;
        density.type = gis::RasterSpec::Type::Float32;
        density.bands = 5;
        density.nodata = kDensityNodata;
        density.bandDescriptions = { "c_above", "c_below", "c_soil", "c_dead", "c_total" };
        density.metadata = { { "UNIT", "t C/ha" } };
        density.cloudOptimized = true; // density and change as Cloud-Optimised GeoTIFF (issue 14)
        if (options.writeDensityRasters)
            for (const LulcInput& in : inputs)
                densityWriters.push_back(std::make_unique<gis::RasterWriter>(
                  dir.filePath(QStringLiteral("c_density_%1.tif").arg(in.year)).toStdString(), density));
        gis::RasterSpec change = density;
        change.type = gis::RasterSpec::Type::Float64;
        change.bands = 1;
        change.nodata = std::numeric_limits<double>::quiet_NaN();
        change.bandDescriptions = { "c_change" };
        change.metadata = { { "UNIT", "t C/ha" } };
        for (PairTotals& p : result.pairs) {
            if (!options.writeChangeRasters)
                break;
            p.changeRaster =
              dir.filePath(QStringLiteral("c_change_%1_%2.tif").arg(p.year1).arg(p.year2)).toStdString();
            changeWriters.push_back(std::make_unique<gis::RasterWriter>(p.changeRaster, change));
        }
        if (options.writeTransitionRasters) {
            const double n = double(pools.codes().size());
            gis::RasterSpec transition = change;
            transition.cloudOptimized = false; // a class raster: plain tiled GeoTIFF
            transition.type = n * n <= 255.0       ? gis::RasterSpec::Type::Byte
                              : n * n < 16777216.0 ? gis::RasterSpec::Type::Float32
                                                   : gis::RasterSpec::Type::Float64;
            transition.nodata = transition.type == gis::RasterSpec::Type::Byte ? 255.0 : -1.0;
            transition.bandDescriptions = { "c_transition" };
            transition.metadata = { { "ENCODING",
                                      "index(class y1) * n + index(class y2), ascending lucode" } };
            for (PairTotals& p : result.pairs) {
                p.transitionRaster =
                  dir.filePath(QStringLiteral("c_transition_%1_%2.tif").arg(p.year1).arg(p.year2))
                    .toStdString();
                transitionWriters.push_back(
                  std::make_unique<gis::RasterWriter>(p.transitionRaster, transition));
            }
        }
    }

    // Class histograms: cells and area per code (per date) and per code pair (per date pair).
    struct Tally {
        double cells = 0, areaM2 = 0;
    };
    std::vector<std::map<std::int64_t, Tally>> dateTally(nd);
    std::vector<std::map<std::pair<std::int64_t, std::int64_t>, Tally>> pairTally(result.pairs.size());

    const std::size_t bytesPerCell = nd * (8 + 1 + 8) + 5 * 8 + result.pairs.size() * 8;
    const int rowsPerStrip = gis::stripRows(grid, options.memoryBudgetBytes / 2, bytesPerCell);
    std::vector<std::vector<double>> values(nd);
    std::vector<std::vector<unsigned char>> valid(nd);
    std::vector<std::vector<const PoolClass*>> cls(nd);
    std::vector<double> bandBuffer, changeBuffer;
    std::vector<std::uint8_t> byteBuffer;

    // A code missing from the table maps to a placeholder class (std::map: stable addresses), so the
    // pass goes on; such codes are then reported (missingCodes) or raise an error after the strip.
    std::map<std::int64_t, PoolClass> unknown;
    bool sawUnknown = false;
    auto classOf = [&](std::int64_t code) -> const PoolClass* {
        if (const PoolClass* pc = pools.find(code))
            return pc;
        PoolClass& placeholder = unknown[code];
        placeholder.code = code;
        placeholder.index = -1;
        return &placeholder;
    };
    // Byte rasters whose invalid cells are marked by nodata: read as bytes, classes from a 256-entry
    // table (nullptr: nodata) instead of per-cell conversion and lookup.
    std::vector<std::array<const PoolClass*, 256>> byteClasses(nd);
    std::vector<unsigned char> byteInput(nd, 0);
    for (std::size_t d = 0; d < nd; ++d) {
        const gis::BandInfo& band = rasters[d].info().bands.front();
        std::vector<unsigned char> probe;
        if (band.dataType != "Byte" || !rasters[d].readByteWindow(1, gis::Window{ 0, 0, 1, 1 }, probe))
            continue;
        byteInput[d] = 1;
        for (int v = 0; v < 256; ++v)
            byteClasses[d][std::size_t(v)] = band.nodata && *band.nodata == double(v) ? nullptr : classOf(v);
    }
    // Only totals wanted and every raster Byte: histograms straight from the bytes, per value (date)
    // and per value pair (date pair), the same runs and sums as the per-class path below (a value is
    // one code, or nodata), without the per-cell class arrays.
    const bool bytesOnly =
      densityWriters.empty() && changeWriters.empty() && transitionWriters.empty() &&
      std::all_of(byteInput.begin(), byteInput.end(), [](unsigned char b) { return b != 0; });
    std::vector<std::array<Tally, 256>> byteTally(bytesOnly ? nd : 0);
    std::vector<std::vector<Tally>> bytePairTally(bytesOnly ? result.pairs.size() : 0,
                                                  std::vector<Tally>(bytesOnly ? 65536 : 0));
    std::vector<int> byteNodata(nd, -1);
    for (std::size_t d = 0; d < nd; ++d)
        if (const std::optional<double> v = rasters[d].info().bands.front().nodata;
            v && *v >= 0 && *v <= 255 && *v == std::floor(*v))
            byteNodata[d] = int(*v);
    std::vector<std::vector<std::uint8_t>> bytes(bytesOnly ? nd : 0);
    auto byteKey = [&](std::size_t d, int v) { return v == byteNodata[d] ? kNodata : std::int64_t(v); };

    // Projected grids: every cell has the same area, and a class's area is its cell count × that area
    // (areaHa() below), so whole-number counts are all that is needed: the same cells as the runs
    // of the strip loop below (there: whole numbers summed in double, exact), counted on all cores.
    const bool countOnly = bytesOnly && !result.trueRowAreas;
    if (countOnly) {
        std::vector<std::string> paths;
        for (const LulcInput& in : inputs)
            paths.push_back(in.path);
        std::vector<std::pair<std::size_t, std::size_t>> pairIndex;
        for (const PairTotals& pt : result.pairs)
            pairIndex.emplace_back(std::size_t(pt.index1), std::size_t(pt.index2));
        const ByteCounts counts = countByteRasters(paths,
                                                   pairIndex,
                                                   grid,
                                                   info0.bands.front().blockHeight,
                                                   options.memoryBudgetBytes,
                                                   options.threads,
                                                   options.feedback);
        for (std::size_t d = 0; d < nd; ++d)
            for (int v = 0; v < 256; ++v) {
                const std::uint64_t cells = counts.date[d][std::size_t(v)];
                if (cells == 0)
                    continue;
                byteTally[d][std::size_t(v)] = { double(cells), double(cells) * rowArea.front() };
                if (v == byteNodata[d] || pools.find(v))
                    continue;
                sawUnknown = true;
                if (!missingCodes)
                    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                        "Land-cover code " + std::to_string(v) + " of \"" + inputs[d].path +
                                          "\" is missing from the pools table (validate the inputs first).",
                                        inputs[d].path);
                (*missingCodes)[d].insert(v);
            }
        for (std::size_t p = 0; p < result.pairs.size(); ++p)
            for (std::size_t key = 0; key < 65536; ++key)
                if (const std::uint64_t cells = counts.pair[p][key]; cells > 0)
                    bytePairTally[p][key] = { double(cells), double(cells) * rowArea.front() };
    }

    for (int row0 = 0; row0 < grid.rows && !countOnly; row0 += rowsPerStrip) {
        if (options.feedback) {
            options.feedback->throwIfCancelled();
            options.feedback->setProgress(100.0 * row0 / grid.rows, "carbon per cell");
        }
        const gis::Window w{ row0, 0, std::min(rowsPerStrip, grid.rows - row0), grid.cols };
        const std::size_t n = std::size_t(w.cellCount());
        if (bytesOnly) {
            for (std::size_t d = 0; d < nd; ++d) {
                if (!rasters[d].readByteWindow(1, w, bytes[d]))
                    throw gis::GisError(gis::GisError::Kind::Io,
                                        "Reading \"" + inputs[d].path + "\" as bytes failed.",
                                        inputs[d].path);
                std::array<Tally, 256>& tally = byteTally[d];
                for (int r = 0; r < w.rows; ++r) {
                    const double area = rowArea[std::size_t(row0 + r)];
                    const std::uint8_t* v = bytes[d].data() + std::size_t(r) * std::size_t(w.cols);
                    std::uint8_t cur = v[0];
                    double run = 0;
                    for (int c = 0; c < w.cols; ++c) {
                        if (v[c] != cur) {
                            tally[cur].cells += run;
                            tally[cur].areaM2 += run * area;
                            cur = v[c];
                            run = 0;
                        }
                        run += 1;
                    }
                    tally[cur].cells += run;
                    tally[cur].areaM2 += run * area;
                }
                for (int v = 0; v < 256; ++v) {
                    if (tally[std::size_t(v)].cells == 0 || v == byteNodata[d] || pools.find(v))
                        continue;
                    sawUnknown = true;
                    if (!missingCodes)
                        throw gis::GisError(
                          gis::GisError::Kind::InvalidArgument,
                          "Land-cover code " + std::to_string(v) + " of \"" + inputs[d].path +
                            "\" is missing from the pools table (validate the inputs first).",
                          inputs[d].path);
                    (*missingCodes)[d].insert(v);
                }
            }
            for (std::size_t p = 0; p < result.pairs.size() && !sawUnknown; ++p) {
                const std::vector<std::uint8_t>& a = bytes[std::size_t(result.pairs[p].index1)];
                const std::vector<std::uint8_t>& b = bytes[std::size_t(result.pairs[p].index2)];
                std::vector<Tally>& tally = bytePairTally[p];
                for (int r = 0; r < w.rows; ++r) {
                    const double area = rowArea[std::size_t(row0 + r)];
                    const std::size_t base = std::size_t(r) * std::size_t(w.cols);
                    unsigned cur = unsigned(a[base]) << 8 | b[base];
                    double run = 0;
                    for (int c = 0; c < w.cols; ++c) {
                        const unsigned key =
                          unsigned(a[base + std::size_t(c)]) << 8 | b[base + std::size_t(c)];
                        if (key != cur) {
                            tally[cur].cells += run;
                            tally[cur].areaM2 += run * area;
                            cur = key;
                            run = 0;
                        }
                        run += 1;
                    }
                    tally[cur].cells += run;
                    tally[cur].areaM2 += run * area;
                }
            }
            continue;
        }
        for (std::size_t d = 0; d < nd; ++d) {
            cls[d].resize(n);
            if (byteInput[d] && rasters[d].readByteWindow(1, w, byteBuffer)) {
                const std::array<const PoolClass*, 256>& table = byteClasses[d];
                for (std::size_t k = 0; k < n; ++k)
                    cls[d][k] = table[byteBuffer[k]];
            } else {
                rasters[d].read(1, w, values[d], valid[d]);
                std::int64_t last = kNodata;
                const PoolClass* lastClass = nullptr;
                for (std::size_t k = 0; k < n; ++k) {
                    if (!valid[d][k]) {
                        cls[d][k] = nullptr;
                        continue;
                    }
                    const std::int64_t c = codeOf(values[d][k]);
                    if (c != last) {
                        last = c;
                        lastClass = classOf(c);
                    }
                    cls[d][k] = lastClass;
                }
            }
            // Histogram per row (runs of equal codes), then the row's cell area.
            for (int r = 0; r < w.rows; ++r) {
                const double area = rowArea[std::size_t(row0 + r)];
                const std::size_t base = std::size_t(r) * std::size_t(w.cols);
                std::int64_t cur = cls[d][base] ? cls[d][base]->code : kNodata;
                double run = 0;
                auto flush = [&] {
                    if (run > 0) {
                        Tally& t = dateTally[d][cur];
                        t.cells += run;
                        t.areaM2 += run * area;
                    }
                };
                for (int c = 0; c < w.cols; ++c) {
                    const PoolClass* pc = cls[d][base + std::size_t(c)];
                    const std::int64_t code = pc ? pc->code : kNodata;
                    if (code != cur) {
                        flush();
                        cur = code;
                        run = 0;
                    }
                    run += 1;
                }
                flush();
            }
            if (!densityWriters.empty()) {
                bandBuffer.resize(n);
                for (int b = 0; b < 5; ++b) {
                    for (std::size_t k = 0; k < n; ++k) {
                        const PoolClass* pc = cls[d][k];
                        bandBuffer[k] = !pc     ? kDensityNodata
                                        : b < 4 ? pc->density[std::size_t(b)]
                                                : pc->total();
                    }
                    densityWriters[d]->writeRows(b + 1, w.row0, w.rows, bandBuffer.data());
                }
            }
        }
        // Codes missing from the table seen so far (the tallies hold every code present).
        for (std::size_t d = 0; d < nd; ++d)
            for (const auto& [code, tally] : dateTally[d]) {
                if (code == kNodata || pools.find(code))
                    continue;
                sawUnknown = true;
                if (!missingCodes)
                    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                        "Land-cover code " + std::to_string(code) + " of \"" +
                                          inputs[d].path +
                                          "\" is missing from the pools table (validate the inputs first).",
                                        inputs[d].path);
                (*missingCodes)[d].insert(code);
            }
        if (sawUnknown)
            continue; // the run is invalid: only the codes are still wanted
        for (std::size_t p = 0; p < result.pairs.size(); ++p) {
            const auto& a = cls[std::size_t(result.pairs[p].index1)];
            const auto& b = cls[std::size_t(result.pairs[p].index2)];
            for (int r = 0; r < w.rows; ++r) {
                const double area = rowArea[std::size_t(row0 + r)];
                const std::size_t base = std::size_t(r) * std::size_t(w.cols);
                std::pair<std::int64_t, std::int64_t> cur{ kNodata, kNodata };
                double run = 0;
                for (int c = 0; c < w.cols; ++c) {
                    const std::size_t k = base + std::size_t(c);
                    const std::pair<std::int64_t, std::int64_t> key{ a[k] ? a[k]->code : kNodata,
                                                                     b[k] ? b[k]->code : kNodata };
                    if (key != cur) {
                        if (run > 0) {
                            Tally& t = pairTally[p][cur];
                            t.cells += run;
                            t.areaM2 += run * area;
                        }
                        cur = key;
                        run = 0;
                    }
                    run += 1;
                }
                if (run > 0) {
                    Tally& t = pairTally[p][cur];
                    t.cells += run;
                    t.areaM2 += run * area;
                }
            }
            if (!changeWriters.empty()) {
                changeBuffer.resize(n);
                for (std::size_t k = 0; k < n; ++k)
                    changeBuffer[k] =
                      a[k] && b[k] ? b[k]->total() - a[k]->total() : std::numeric_limits<double>::quiet_NaN();
                changeWriters[p]->writeRows(1, w.row0, w.rows, changeBuffer.data());
            }
            if (!transitionWriters.empty()) {
                const double nClasses = double(pools.codes().size());
                if (nClasses * nClasses <= 255.0) {
                    byteBuffer.resize(n);
                    for (std::size_t k = 0; k < n; ++k)
                        byteBuffer[k] = a[k] && b[k] ? std::uint8_t(a[k]->index * int(nClasses) + b[k]->index)
                                                     : std::uint8_t(255);
                    transitionWriters[p]->writeRows(1, w.row0, w.rows, byteBuffer.data());
                } else {
                    changeBuffer.resize(n);
                    for (std::size_t k = 0; k < n; ++k)
                        changeBuffer[k] =
                          a[k] && b[k] ? double(a[k]->index) * nClasses + double(b[k]->index) : -1.0;
                    transitionWriters[p]->writeRows(1, w.row0, w.rows, changeBuffer.data());
                }
            }
        }
    }

    // The byte histograms as the per-code ones (ascending value = ascending code; nodata first).
    for (std::size_t d = 0; d < byteTally.size(); ++d)
        for (int v = 0; v < 256; ++v)
            if (byteTally[d][std::size_t(v)].cells > 0)
                dateTally[d][byteKey(d, v)] = byteTally[d][std::size_t(v)];
    for (std::size_t p = 0; p < bytePairTally.size(); ++p) {
        const std::size_t d1 = std::size_t(result.pairs[p].index1), d2 = std::size_t(result.pairs[p].index2);
        for (unsigned key = 0; key < 65536; ++key)
            if (bytePairTally[p][key].cells > 0)
                pairTally[p][{ byteKey(d1, int(key >> 8)), byteKey(d2, int(key & 255)) }] =
                  bytePairTally[p][key];
    }
    if (sawUnknown)
        return result; // codes missing from the table: the caller reports them

    // Totals from the histograms, in ascending code order (deterministic), in double (§1.4).
    // Projected grids: cells × the constant cell area, so each class area is exact to one rounding.
    const bool constantArea = !result.trueRowAreas;
    auto areaHa = [&](const Tally& t) {
        return (constantArea ? t.cells * rowArea.front() : t.areaM2) / 10000.0;
    };
    std::set<std::int64_t> used;
    for (std::size_t d = 0; d < nd; ++d) {
        DateTotals dt;
        dt.year = inputs[d].year;
        for (const auto& [code, tally] : dateTally[d]) {
            const double ha = areaHa(tally);
            if (code == kNodata) {
                dt.nodataAreaHa += ha;
                continue;
            }
            const PoolClass* pc = pools.find(code);
            used.insert(code);
            dt.classAreaHa[code] = ha;
            dt.validAreaHa += ha;
            for (int p = 0; p < kPoolCount; ++p)
                dt.poolT[std::size_t(p)] += ha * pc->density[std::size_t(p)];
            dt.totalT += ha * pc->total();
        }
        if (!densityWriters.empty())
            dt.densityRaster = QDir(QString::fromStdString(options.outDir))
                                 .filePath(QStringLiteral("c_density_%1.tif").arg(dt.year))
                                 .toStdString();
        result.dates.push_back(std::move(dt));
    }
    for (std::size_t p = 0; p < result.pairs.size(); ++p) {
        PairTotals& pt = result.pairs[p];
        for (const auto& [key, tally] : pairTally[p]) {
            if (key.first == kNodata || key.second == kNodata)
                continue;
            const double ha = areaHa(tally);
            pt.bothValidAreaHa += ha;
            pt.transitionAreaHa[key] += ha;
            pt.changeT += ha * (pools.find(key.second)->total() - pools.find(key.first)->total());
        }
        pt.stockDifferenceT =
          result.dates[std::size_t(pt.index2)].totalT - result.dates[std::size_t(pt.index1)].totalT;
    }
    if (options.valuation && nd >= 2) {
        ValuationInput v = *options.valuation;
        v.baseYear = inputs.front().year;
        v.altYear = inputs.back().year;
        result.valuationConstant = valuationConstant(v);
        for (PairTotals& pt : result.pairs)
            if (pt.index1 == 0 && pt.index2 == int(nd - 1))
                pt.npv = pt.changeT * *result.valuationConstant;
    }
    for (std::int64_t code : used)
        result.classesUsed.push_back(*pools.find(code));

    for (auto& wr : densityWriters)
        wr->commit(options.feedback);
    for (auto& wr : changeWriters)
        wr->commit(options.feedback);
    for (auto& wr : transitionWriters)
        wr->commit(options.feedback);
    if (options.feedback)
        options.feedback->setProgress(100.0, "carbon per cell");
    return result;
}

} // namespace

bool pairBandsAvailable(const std::vector<LulcInput>& inputs, const PoolLookup& pools) {
    const std::size_t n = pools.codes().size();
    if (n == 0 || n * n > 255)
        return false;
    for (const LulcInput& in : inputs) {
        gis::RasterDataset ds(in.path);
        const gis::RasterInfo& info = ds.info();
        if (info.bands.size() != 1 || info.bands.front().dataType != "Byte" || info.grid.rows < 1 ||
            info.grid.cols < 1)
            return false;
        std::vector<unsigned char> cell;
        if (!ds.readByteWindow(1, gis::Window{ 0, 0, 1, 1 }, cell)) // masks other than nodata
            return false;
    }
    return true;
}

std::vector<ParcelCarbon> runPoolParcels(const gis::ParcelSet& parcels,
                                         const std::vector<LulcInput>& inputs,
                                         const PoolLookup& pools,
                                         const PoolRunResult& run,
                                         const gis::ZonalOptions& zonal) {
    return runPoolParcels(parcels, inputs, pools, run, zonal, PoolParcelOptions{});
}

std::vector<ParcelCarbon> runPoolParcels(const gis::ParcelSet& parcels,
                                         const std::vector<LulcInput>& inputs,
                                         const PoolLookup& pools,
                                         const PoolRunResult& run,
                                         const gis::ZonalOptions& zonal,
                                         const PoolParcelOptions& parcelOptions) {
    std::vector<gis::ZonalBand> bands;
    for (const LulcInput& in : inputs)
        gis::appendRasterBands(in.path, bands, "lulc_" + std::to_string(in.year));
    // With transition rasters (written for uncertainty), per-parcel change comes from the transition
    // areas and the change rasters are not read again (a Byte transition band is much cheaper in the
    // zonal pass than a Float64 change band). Asked for, or without change rasters, the transitions
    // come from derived pair bands when the run wrote no transition rasters: the zonal engine combines
    // the two land-cover windows it reads anyway (nothing is written or read back).
    bool haveTransitionRasters = !run.pairs.empty(), haveChangeRasters = true;
    for (const PairTotals& p : run.pairs) {
        haveTransitionRasters = haveTransitionRasters && !p.transitionRaster.empty();
        haveChangeRasters = haveChangeRasters && !p.changeRaster.empty();
    }
    const bool derivedPairs = !run.pairs.empty() && !haveTransitionRasters &&
                              (parcelOptions.transitions || !haveChangeRasters) &&
                              pairBandsAvailable(inputs, pools);
    const bool useTransitions = haveTransitionRasters || derivedPairs;
    std::vector<std::size_t> changeBand(run.pairs.size(), std::size_t(-1));
    for (std::size_t q = 0; q < run.pairs.size() && !useTransitions; ++q) {
        const PairTotals& p = run.pairs[q];
        if (p.changeRaster.empty())
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "Per-parcel change needs the change rasters: run the pool method with an "
                                "output folder.");
        changeBand[q] = bands.size();
        gis::appendRasterBands(
          p.changeRaster, bands, "change_" + std::to_string(p.year1) + "_" + std::to_string(p.year2));
    }
    std::vector<std::size_t> transitionBand(run.pairs.size(), std::size_t(-1));
    std::vector<gis::ZonalPairBand> pairBands;
    for (std::size_t p = 0; p < run.pairs.size(); ++p) {
        const PairTotals& pt = run.pairs[p];
        if (derivedPairs) {
            // The transition raster's encoding (transitionValue()): i1 × n + i2, nodata 255.
            const std::size_t i1 = std::size_t(pt.index1), i2 = std::size_t(pt.index2);
            gis::ZonalPairBand& pairBand = pairBands.emplace_back();
            gis::ZonalPairBand* pair = &pairBand;
            pair->band = bands.size();
            pair->first = i1;
            pair->second = i2;
            pair->lutFirst.fill(255);
            pair->lutSecond.fill(255);
            const int n = int(pools.codes().size());
            for (const auto& [code, c] : pools.classes())
                if (code >= 0 && code <= 255) {
                    pair->lutFirst[std::size_t(code)] = std::uint8_t(c.index * n);
                    pair->lutSecond[std::size_t(code)] = std::uint8_t(c.index);
                }
            for (const auto& [lut, input] :
                 { std::pair{ &pair->lutFirst, i1 }, std::pair{ &pair->lutSecond, i2 } }) {
                const std::optional<double> nd =
                  gis::RasterDataset(inputs[input].path).info().bands.front().nodata;
                if (nd && *nd >= 0 && *nd <= 255 && *nd == std::floor(*nd))
                    (*lut)[std::size_t(*nd)] = 255;
            }
            transitionBand[p] = bands.size();
            gis::ZonalBand band = bands[i1];
            band.prefix = "transition_" + std::to_string(pt.year1) + "_" + std::to_string(pt.year2);
            bands.push_back(std::move(band));
            continue;
        }
        if (pt.transitionRaster.empty())
            continue;
        transitionBand[p] = bands.size();
        gis::appendRasterBands(pt.transitionRaster,
                               bands,
                               "transition_" + std::to_string(pt.year1) + "_" + std::to_string(pt.year2));
    }
    gis::ZonalOptions options = zonal;
    options.stats = gis::Stat::Count | gis::Stat::Majority | gis::Stat::Area;
    options.pairBands.insert(options.pairBands.end(), pairBands.begin(), pairBands.end());
    const std::size_t nd = inputs.size();
    // Handed to the caller one by one (onParcel), none is held here.
    const bool handOff = bool(parcelOptions.onParcel) && !parcelOptions.zonalOut;
    std::vector<ParcelCarbon> out(handOff ? 0 : parcels.parcels.size());
    // Each parcel from its own statistics only (`stats`, its statistics on every band), by one
    // thread, so the results are the same for any thread count.
    const auto computeParcel = [&](ParcelCarbon& pc, const std::vector<gis::ZonalStats>& stats) {
        std::vector<std::int64_t> flagged, used;
        for (std::size_t d = 0; d < nd; ++d) {
            const gis::ZonalStats& s = stats[d];
            ParcelDate pd;
            pd.majorityClass = s.majority;
            pd.nodataAreaHa = s.nodataAreaM2 / 10000.0;
            for (const gis::ClassTotal& ct : s.classes) {
                const PoolClass* c = pools.find(codeOf(ct.value));
                if (!c)
                    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                        "Land-cover code " + std::to_string(codeOf(ct.value)) +
                                          " is missing from the pools table.");
                const double ha = ct.areaM2 / 10000.0;
                pd.validAreaHa += ha;
                if (parcelOptions.classAreas)
                    pd.classAreaHa[c->code] += ha;
                for (int p = 0; p < kPoolCount; ++p)
                    pd.poolT[std::size_t(p)] += ha * c->density[std::size_t(p)];
                pd.totalT += ha * c->total();
                used.push_back(c->code);
                if (params::isFlagged(c->tag))
                    flagged.push_back(c->code);
            }
            pc.dates.push_back(std::move(pd));
        }
        for (std::size_t p = 0; p < run.pairs.size() && transitionBand[0] != std::size_t(-1); ++p) {
            std::map<std::pair<std::int64_t, std::int64_t>, double> areas;
            for (const gis::ClassTotal& ct : stats[transitionBand[p]].classes) {
                std::int64_t c1 = 0, c2 = 0;
                if (!decodeTransition(pools, ct.value, c1, c2))
                    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                        "Unexpected value " + std::to_string(ct.value) +
                                          " in the transition band " + bands[transitionBand[p]].prefix +
                                          " (\"" + bands[transitionBand[p]].path + "\").");
                areas[{ c1, c2 }] += ct.areaM2 / 10000.0;
            }
            pc.transitionAreaHa.push_back(std::move(areas));
        }
        for (std::size_t p = 0; p < run.pairs.size(); ++p) {
            double change = 0;
            if (useTransitions) {
                // Σ over (class y1, class y2) of area × (density₂ − density₁): the same quantity as the
                // change raster's Σ value × area (it may differ in the last digits: other grouping).
                for (const auto& [codes, ha] : pc.transitionAreaHa[p])
                    change += ha * (pools.find(codes.second)->total() - pools.find(codes.first)->total());
            } else {
                for (const gis::ClassTotal& ct : stats[changeBand[p]].classes)
                    change += ct.value * ct.areaM2 / 10000.0;
            }
            pc.changeT.push_back(change);
            pc.stockDifferenceT.push_back(pc.dates[std::size_t(run.pairs[p].index2)].totalT -
                                          pc.dates[std::size_t(run.pairs[p].index1)].totalT);
        }
        for (std::vector<std::int64_t>* codes : { &flagged, &used }) {
            std::sort(codes->begin(), codes->end());
            codes->erase(std::unique(codes->begin(), codes->end()), codes->end());
        }
        pc.flaggedCodes = std::move(flagged);
        pc.usedCodes = std::move(used);
    };
    const auto finishParcel = [&](std::size_t i, const std::vector<gis::ZonalStats>& stats) {
        if (!handOff) {
            computeParcel(out[i], stats);
            return;
        }
        ParcelCarbon pc;
        computeParcel(pc, stats);
        parcelOptions.onParcel(i, std::move(pc));
    };
    if (parcelOptions.zonalOut) { // the caller keeps the statistics
        gis::ZonalResult zr = gis::runZonal(parcels, bands, options);
        forEachIndex(out.size(), zonal.threads, 256, [&](std::size_t i) { finishParcel(i, zr.stats[i]); });
        *parcelOptions.zonalOut = std::move(zr);
        return out;
    }
    // Otherwise each parcel as soon as its statistics are complete, which are then freed by the
    // thread that computed them: the results take their place instead of adding to them (1,000,000
    // parcels: about 0.5 GB of statistics never held at once; docs/benchmark.md, "Memory and
    // scaling").
    options.onParcelFinished = [&](std::size_t i, std::vector<gis::ZonalStats>& stats) {
        finishParcel(i, stats);
        std::vector<gis::ZonalStats>().swap(stats);
    };
    if (gis::ParcelSet* release = parcelOptions.releaseGeometry) {
        if (release != &parcels || !handOff)
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              "internal error: releaseGeometry must be the parcel set itself, with onParcel");
        gis::runZonalReleasingGeometry(*release, bands, options);
    } else {
        gis::runZonal(parcels, bands, options);
    }
    return out;
}

} // namespace tanhui::models::carbon
