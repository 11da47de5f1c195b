// SPDX-License-Identifier: GPL-3.0-or-later
// Remote-sensing regression carbon method: carbon-methods.md §6.1 (forms, bias correction, saturation),
// §3.5 (R by AGB class, design note 9), §3.6 (CF), §3.2 (stock difference), §7 (parcel aggregation).
#include "models/carbon/RegressionMethod.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "gis/TableWriter.h"
#include "models/Dates.h"
#include "models/carbon/Valuation.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>

namespace tanhui::models::carbon {

namespace {

struct CarbonRegression {
    Q_DECLARE_TR_FUNCTIONS(CarbonRegression)
};

const double kNaN = std::numeric_limits<double>::quiet_NaN();

params::Issue makeIssue(params::Issue::Severity severity,
                        const QString& file,
                        int row,
                        const QString& column,
                        const QString& message) {
    params::Issue i;
    i.severity = severity;
    i.file = file;
    i.row = row;
    i.column = column;
    i.message = message;
    return i;
}
params::Issue error(const QString& file, int row, const QString& column, const QString& message) {
    return makeIssue(params::Issue::Severity::Error, file, row, column, message);
}
params::Issue warning(const QString& file, int row, const QString& column, const QString& message) {
    return makeIssue(params::Issue::Severity::Warning, file, row, column, message);
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString bandLabel(const ViInput& v) {
    return v.band > 1 ? CarbonRegression::tr("%1 band %2").arg(qs(v.path)).arg(v.band) : qs(v.path);
}

QString flaggedList(const RegressionRun& run) {
    QStringList out;
    for (const RegressionCoefficients& c : run.used)
        if (c.flagged())
            out << QStringLiteral("%1:%2").arg(c.code).arg(c.declaredTag.isEmpty() ? params::tagName(c.tag)
                                                                                   : c.declaredTag.toLower());
    return out.join(QLatin1Char(' '));
}

QVariant nanToNull(double v) {
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

} // namespace

const char* agbFormName(AgbForm form) {
    switch (form) {
        case AgbForm::Linear:
            return "linear";
        case AgbForm::Power:
            return "power";
        case AgbForm::Exponential:
            return "exponential";
        case AgbForm::Logarithmic:
            return "logarithmic";
    }
    return "";
}

std::optional<AgbForm> parseAgbForm(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (AgbForm f : { AgbForm::Linear, AgbForm::Power, AgbForm::Exponential, AgbForm::Logarithmic })
        if (t == QLatin1String(agbFormName(f)))
            return f;
    if (t == QLatin1String("log"))
        return AgbForm::Logarithmic;
    return std::nullopt;
}

const params::ParameterSpec& rHysteresisParameter() {
    static const params::ParameterSpec spec = [] {
        params::ParameterSpec s;
        s.id = "r-hysteresis";
        s.label = QT_TRANSLATE_NOOP("Parameters", "hysteresis of the R class rule");
        s.unit = "t d.m./ha";
        s.min = 0;
        s.max = 100;
        s.defaultValue = kDefaultRHysteresisTDmPerHa;
        s.source = "docs/remote-sensing-carbon.md design note 9 (R of IPCC 2019 Table 4.4 by AGB class)";
        s.tag = params::Tag::Example;
        return s;
    }();
    return spec;
}

bool isLogFittedForm(AgbForm form) {
    return form == AgbForm::Power || form == AgbForm::Exponential;
}

const params::TableSpec& regressionCoefficientsSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "rs_coefficients";
        s.keyColumn = "lucode";
        s.integerKey = true;
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "land-cover code");
        s.values = {
            { "a", QT_TRANSLATE_NOOP("Parameters", "regression coefficient a"), "t d.m./ha" },
            { "b", QT_TRANSLATE_NOOP("Parameters", "regression coefficient b"), "per VI unit" },
            { "bias_sigma2",
              QT_TRANSLATE_NOOP("Parameters", "residual variance of the log model (Baskerville)"),
              "ln²",
              0,
              5,
              false,
              false },
            { "smearing",
              QT_TRANSLATE_NOOP("Parameters", "Duan smearing factor"),
              "ratio",
              0.5,
              5,
              false,
              false },
            { "agb_cap",
              QT_TRANSLATE_NOOP("Parameters", "AGB cap (training maximum)"),
              "t d.m./ha",
              1,
              kMaxAgbCapTDmPerHa },
            { "r_low",
              QT_TRANSLATE_NOOP("Parameters", "root-to-shoot ratio, AGB ≤ 125 t/ha"),
              "ratio",
              0,
              2 },
            { "r_high",
              QT_TRANSLATE_NOOP("Parameters", "root-to-shoot ratio, AGB > 125 t/ha"),
              "ratio",
              0,
              2 },
            { "cf",
              QT_TRANSLATE_NOOP("Parameters", "carbon fraction of dry matter"),
              "t C/t d.m.",
              0.3,
              0.6 },
        };
        // ab_corr: optional correlation of the a and b estimates (Monte Carlo, docs/uncertainty.md).
        s.textColumns = { "form", "forest_type", "name_zh", "tag", "ab_corr" };
        // Optional uncertainty columns (a_sd, b_sd, a_dist, …, u_pct, dist, u_source;
        // docs/uncertainty.md): read only when a project run asks for Monte Carlo bounds.
        uncertainty::addUncertaintyColumns(s);
        s.defaultPath = "";
        return s;
    }();
    return spec;
}

QString regressionTemplateCsv() {
    // The §6.1 curve is [example]: it only shows the shape of an NDVI model and must be replaced by a
    // model fitted to local plots (NFCI or own plots) for each forest type and sensor.
    const QString src = QStringLiteral(
      "\"a,b,form: carbon-methods.md §6.1 illustrative curve AGB = 10·e^(3.5·NDVI) [example], NOT a "
      "calibrated model; agb_cap: illustrative; r_low/r_high: IPCC 2019 Refinement Vol. 4 Ch. 4 "
      "Table 4.4, subtropical humid forest, Asia (carbon-methods.md §3.5) [verified]; cf: IPCC 2006 "
      "Table 4.3 default 0.47 (§3.6) [unconfirmed]\"");
    QString out = QStringLiteral(
      "lucode,forest_type,name_zh,form,a,b,bias_sigma2,smearing,agb_cap,r_low,r_high,cf,source,tag\n");
    const char* rows[][2] = { { "11", "evergreen_broadleaf,常绿阔叶林" },
                              { "12", "coniferous,针叶林" },
                              { "13", "eucalyptus,桉树人工林" },
                              { "14", "shrubland,灌木林" } };
    for (const auto& r : rows)
        out += QString::fromLatin1(r[0]) + QLatin1Char(',') + QString::fromUtf8(r[1]) +
               QStringLiteral(",exponential,10,3.5,,,200,0.230,0.246,0.47,") + src +
               QStringLiteral(",example\n");
    return out;
}

double RegressionCoefficients::biasFactor() const {
    if (biasSigma2)
        return std::exp(*biasSigma2 / 2.0); // Baskerville (§6.1)
    if (smearing)
        return *smearing; // Duan
    return 1.0;
}

bool RegressionCoefficients::flagged() const {
    if (params::isFlagged(tag))
        return true;
    const std::optional<params::Tag> declared = params::parseTag(declaredTag);
    return declared && params::isFlagged(*declared);
}

double agbModel(AgbForm form, double a, double b, double vi) {
    switch (form) {
        case AgbForm::Linear:
            return a + b * vi;
        case AgbForm::Power:
            return vi > 0 ? a * std::pow(vi, b) : 0.0;
        case AgbForm::Exponential:
            return a * std::exp(b * vi);
        case AgbForm::Logarithmic:
            return vi > 0 ? a + b * std::log(vi) : 0.0;
    }
    return 0.0;
}

double predictAgb(const RegressionCoefficients& c, double vi) {
    const double agb = agbModel(c.form, c.a, c.b, vi) * c.biasFactor();
    if (!(agb > 0))
        return 0.0;
    return std::min(agb, c.agbCap);
}

double encodeViKey(std::int64_t code, double vi) {
    return double(code) * 4.0 + 2.0 + vi;
}

void decodeViKey(double key, std::int64_t& code, double& vi) {
    // key − 4·code − 2 = VI ∈ [−1, 1]: code = round((key − 2) / 4).
    code = std::llround((key - 2.0) / 4.0);
    vi = key - double(code) * 4.0 - 2.0;
}

double carbonDensity(double agb, double r, double cf) {
    return (agb + agb * r) * cf;
}

RegressionLookup::RegressionLookup(std::vector<RegressionCoefficients> rows)
  : m_rows(std::move(rows)) {
    std::sort(m_rows.begin(), m_rows.end(), [](const auto& x, const auto& y) { return x.code < y.code; });
}

const RegressionCoefficients* RegressionLookup::find(std::int64_t code) const& {
    auto it = std::lower_bound(m_rows.begin(),
                               m_rows.end(),
                               code,
                               [](const RegressionCoefficients& r, std::int64_t c) { return r.code < c; });
    return it != m_rows.end() && it->code == code ? &*it : nullptr;
}

LoadedRegression loadRegressionCoefficients(const QString& path) {
    LoadedRegression out;
    const params::TableSpec& spec = regressionCoefficientsSpec();
    params::LoadedTable loaded = params::loadTable(spec, path, params::Provenance::UserSupplied);
    out.issues = loaded.issues;
    if (params::hasErrors(out.issues))
        return out;
    out.table = loaded.table;
    std::vector<RegressionCoefficients> rows;
    const QString allowed = QStringLiteral("linear, power, exponential, logarithmic");
    for (const params::TableRow& row : loaded.table.rows()) {
        RegressionCoefficients c;
        c.code = row.key.toLongLong();
        c.file = row.file;
        c.line = row.line;
        c.tag = row.tag;
        c.source = row.source;
        auto text = [&](const char* name) {
            const auto it = row.text.find(QString::fromLatin1(name));
            return it == row.text.end() ? QString() : it->second;
        };
        c.forestType = text("forest_type");
        c.declaredTag = text("tag");
        const QString formText = text("form");
        const std::optional<AgbForm> form = parseAgbForm(formText);
        if (formText.isEmpty()) {
            out.issues.push_back(
              error(path,
                    row.line,
                    QStringLiteral("form"),
                    CarbonRegression::tr("the form is missing; use one of: %1").arg(allowed)));
            continue;
        }
        if (!form) {
            out.issues.push_back(
              error(path,
                    row.line,
                    QStringLiteral("form"),
                    CarbonRegression::tr("unknown form '%1'; use one of: %2").arg(formText, allowed)));
            continue;
        }
        c.form = *form;
        auto value = [&](const char* name) {
            return row.values[std::size_t(loaded.table.columnIndex(QString::fromLatin1(name)))];
        };
        c.a = *value("a");
        c.b = *value("b");
        c.biasSigma2 = value("bias_sigma2");
        c.smearing = value("smearing");
        c.agbCap = *value("agb_cap");
        c.rLow = *value("r_low");
        c.rHigh = *value("r_high");
        c.cf = *value("cf");
        if (c.biasSigma2 && c.smearing)
            out.issues.push_back(
              error(path,
                    row.line,
                    QStringLiteral("smearing"),
                    CarbonRegression::tr("give either bias_sigma2 (Baskerville) or smearing "
                                         "(Duan), not both")));
        if ((c.biasSigma2 || c.smearing) && !isLogFittedForm(c.form))
            out.issues.push_back(
              error(path,
                    row.line,
                    c.biasSigma2 ? QStringLiteral("bias_sigma2") : QStringLiteral("smearing"),
                    CarbonRegression::tr("a log-model bias correction applies only to the "
                                         "power and exponential forms (fitted on ln AGB), "
                                         "not to the %1 form; leave the cell empty")
                      .arg(QString::fromLatin1(agbFormName(c.form)))));
        if (c.smearing && *c.smearing < 1.0)
            out.issues.push_back(warning(path,
                                         row.line,
                                         QStringLiteral("smearing"),
                                         CarbonRegression::tr("a smearing factor below 1 lowers every "
                                                              "prediction; Duan's factor is a mean of "
                                                              "e^residual and is normally ≥ 1")));
        if (c.form == AgbForm::Exponential || c.form == AgbForm::Power) {
            if (!(c.a > 0))
                out.issues.push_back(error(path,
                                           row.line,
                                           QStringLiteral("a"),
                                           CarbonRegression::tr("a must be positive for the %1 form (it "
                                                                "is e^intercept of the log model)")
                                             .arg(QString::fromLatin1(agbFormName(c.form)))));
        }
        const std::optional<params::Tag> declared = params::parseTag(c.declaredTag);
        if (declared && *declared == params::Tag::Example)
            out.issues.push_back(
              warning(path,
                      row.line,
                      QStringLiteral("tag"),
                      CarbonRegression::tr("this row is tagged example (e.g. the "
                                           "illustrative curve of carbon-methods.md §6.1): "
                                           "it is not a calibrated model and results "
                                           "using it are illustrative only")));
        rows.push_back(std::move(c));
    }
    out.lookup = RegressionLookup(std::move(rows));
    return out;
}

const char* rClassName(RClass c) {
    return c == RClass::High ? "gt125" : "le125";
}

RClass nextRClass(std::optional<RClass> previous, double meanAgb, double hysteresis) {
    if (std::isnan(meanAgb))
        return previous.value_or(RClass::Low);
    if (!previous)
        return meanAgb > kRClassThresholdTDmPerHa ? RClass::High : RClass::Low;
    if (*previous == RClass::Low)
        return meanAgb > kRClassThresholdTDmPerHa + hysteresis ? RClass::High : RClass::Low;
    return meanAgb <= kRClassThresholdTDmPerHa - hysteresis ? RClass::Low : RClass::High;
}

std::vector<RClass> rClassTrajectory(const std::vector<double>& meanAgb, double hysteresis) {
    std::vector<RClass> out;
    std::optional<RClass> previous;
    for (double m : meanAgb) {
        const RClass c = nextRClass(previous, m, hysteresis);
        out.push_back(c);
        if (!std::isnan(m) || previous)
            previous = c;
    }
    return out;
}

std::vector<ViInput> viStackBands(const std::string& path, params::Issues& issues) {
    std::vector<ViInput> out;
    const gis::RasterDataset ds(path);
    for (const gis::BandInfo& b : ds.info().bands) {
        QString date;
        if (const auto it = b.metadata.find("DATE"); it != b.metadata.end())
            date = qs(it->second);
        std::optional<int> year = leadingYear(date);
        if (!year)
            year = leadingYear(qs(b.description));
        if (!year) {
            issues.push_back(error(qs(path),
                                   0,
                                   QStringLiteral("band %1").arg(b.index),
                                   CarbonRegression::tr("band %1 has no DATE metadata (YYYY-MM-DD) and no "
                                                        "description starting with a year; give the years "
                                                        "with --vi FILE@YEAR per file instead")
                                     .arg(b.index)));
            continue;
        }
        out.push_back({ path, b.index, *year });
    }
    return out;
}

int landCoverIndexFor(const std::vector<LulcInput>& lulc, int year) {
    int best = -1;
    for (std::size_t i = 0; i < lulc.size(); ++i)
        if (lulc[i].year <= year && (best < 0 || lulc[i].year > lulc[std::size_t(best)].year))
            best = int(i);
    return best;
}

std::vector<std::int64_t> defaultForestCodes() {
    return { 11, 12, 13, 14 };
}

params::Issues validateRegressionInputs(const RegressionInputs& inputs,
                                        const RegressionLookup& coefficients,
                                        const QString& coefficientsFile,
                                        gis::Feedback* feedback) {
    params::Issues issues;
    if (inputs.vi.empty()) {
        issues.push_back(
          error({}, 0, QStringLiteral("--vi"), CarbonRegression::tr("no vegetation-index raster was given")));
        return issues;
    }
    if (inputs.lulc.empty()) {
        issues.push_back(
          error({}, 0, QStringLiteral("--lulc"), CarbonRegression::tr("no land-cover raster was given")));
        return issues;
    }
    // Years.
    std::map<int, QString> viYears;
    for (const ViInput& v : inputs.vi) {
        const auto [it, fresh] = viYears.emplace(v.year, bandLabel(v));
        if (!fresh)
            issues.push_back(error(qs(v.path),
                                   0,
                                   QStringLiteral("--vi"),
                                   CarbonRegression::tr("year %1 is given twice (%2 and %3); give one "
                                                        "vegetation-index band per year")
                                     .arg(v.year)
                                     .arg(it->second, bandLabel(v))));
    }
    std::set<int> lcYears;
    for (const LulcInput& l : inputs.lulc)
        if (!lcYears.insert(l.year).second)
            issues.push_back(error(qs(l.path),
                                   0,
                                   QStringLiteral("--lulc"),
                                   CarbonRegression::tr("land-cover year %1 is given twice").arg(l.year)));
    QStringList uncovered;
    for (const auto& [year, label] : viYears)
        if (landCoverIndexFor(inputs.lulc, year) < 0)
            uncovered << QString::number(year);
    if (!uncovered.isEmpty())
        issues.push_back(error({},
                               0,
                               QStringLiteral("--lulc"),
                               CarbonRegression::tr("vegetation-index years %1 are earlier than every "
                                                    "land-cover date (the earliest is %2); each year uses "
                                                    "the nearest earlier or equal land-cover date, so add "
                                                    "a land-cover raster for %3 or earlier")
                                 .arg(uncovered.join(QStringLiteral(", ")))
                                 .arg(*lcYears.begin())
                                 .arg(uncovered.front())));

    // Grids: every raster on the grid and CRS of the first VI band (§7.4: no resampling here).
    std::map<std::string, std::unique_ptr<gis::RasterDataset>> open;
    auto dataset = [&](const std::string& path) -> gis::RasterDataset& {
        auto& p = open[path];
        if (!p)
            p = std::make_unique<gis::RasterDataset>(path);
        return *p;
    };
    const gis::RasterInfo& ref = dataset(inputs.vi.front().path).info();
    if (!ref.crs.isValid())
        issues.push_back(error(qs(ref.path),
                               0,
                               {},
                               CarbonRegression::tr("the raster has no coordinate reference system; assign "
                                                    "one (e.g. gdal_edit.py -a_srs EPSG:4547)")));
    auto checkGrid = [&](const std::string& path) {
        const gis::RasterInfo& info = dataset(path).info();
        if (!info.grid.sameAs(ref.grid) ||
            !(info.crs.isValid() && ref.crs.isValid() && info.crs.isSame(ref.crs)))
            issues.push_back(
              error(qs(path),
                    0,
                    {},
                    CarbonRegression::tr("the grid or CRS differs from %1 (%2 vs %3); every "
                                         "vegetation-index and land-cover raster must share "
                                         "one grid: align them first (nearest neighbour for "
                                         "land cover, average for the index)")
                      .arg(qs(ref.path), qs(info.grid.signature()), qs(ref.grid.signature()))));
    };
    std::map<std::string, int> bandsUsed; // per file: how many years read it (a stack: one per band)
    for (const ViInput& v : inputs.vi)
        ++bandsUsed[v.path];
    for (const ViInput& v : inputs.vi) {
        checkGrid(v.path);
        if (v.band < 1 || v.band > dataset(v.path).bandCount())
            issues.push_back(
              error(qs(v.path), 0, {}, CarbonRegression::tr("band %1 does not exist").arg(v.band)));
        // A one-year file of a series with several bands: which band is the index is a guess.
        else if (bandsUsed[v.path] == 1 && dataset(v.path).bandCount() > 1)
            issues.push_back(error(qs(v.path),
                                   0,
                                   {},
                                   CarbonRegression::tr("the raster of %1 has %2 bands, but a one-year "
                                                        "vegetation index must have one: give a one-band "
                                                        "file per year (e.g. gdal_translate -b 1), or one "
                                                        "multi-band file with --vi-stack")
                                     .arg(v.year)
                                     .arg(dataset(v.path).bandCount())));
    }
    for (const LulcInput& l : inputs.lulc) {
        checkGrid(l.path);
        if (!dataset(l.path).info().bands.front().isInteger)
            issues.push_back(error(qs(l.path),
                                   0,
                                   {},
                                   CarbonRegression::tr("land cover must be an integer raster of class "
                                                        "codes, not %1")
                                     .arg(qs(dataset(l.path).info().bands.front().dataType))));
    }
    // Value checks need readable rasters on one grid; year problems do not stop them.
    for (const params::Issue& i : issues)
        if (i.isError() && i.column != QLatin1String("--vi") && i.column != QLatin1String("--lulc"))
            return issues;

    // Values: VI range and forest codes without coefficients, one read of every raster.
    const gis::Grid& grid = ref.grid;
    const int rowsPerStrip = gis::stripRows(grid, 64u << 20, 9);
    const std::set<std::int64_t> forest(inputs.forestCodes.begin(), inputs.forestCodes.end());
    const double totalSteps = double(inputs.vi.size() + inputs.lulc.size()) * grid.rows;
    double step = 0;
    std::vector<double> values;
    std::vector<unsigned char> valid;
    for (const ViInput& v : inputs.vi) {
        gis::RasterDataset& ds = dataset(v.path);
        double lo = HUGE_VAL, hi = -HUGE_VAL;
        double outside = 0;
        for (int row0 = 0; row0 < grid.rows; row0 += rowsPerStrip) {
            if (feedback) {
                feedback->throwIfCancelled();
                feedback->setProgress(100.0 * (step + row0) / totalSteps, "checking inputs");
            }
            const gis::Window w{ row0, 0, std::min(rowsPerStrip, grid.rows - row0), grid.cols };
            ds.read(v.band, w, values, valid);
            for (std::size_t k = 0; k < values.size(); ++k)
                if (valid[k]) {
                    lo = std::min(lo, values[k]);
                    hi = std::max(hi, values[k]);
                    if (values[k] < -1.0 || values[k] > 1.0)
                        outside += 1;
                }
        }
        step += grid.rows;
        if (outside > 0) {
            QString msg =
              CarbonRegression::tr("%1 cell(s) lie outside the index range [−1, 1] (values %2 to %3)")
                .arg(outside, 0, 'f', 0)
                .arg(lo, 0, 'g', 6)
                .arg(hi, 0, 'g', 6);
            if (hi > 1.5 && hi <= 10000.0 && lo >= -10000.0)
                msg += CarbonRegression::tr(": the index is probably scaled by 10,000 (MODIS, Landsat "
                                            "collection products); divide by 10,000 first");
            else
                msg +=
                  CarbonRegression::tr(": is this a vegetation index (NDVI, EVI)? Check the band and its "
                                       "nodata value");
            issues.push_back(error(bandLabel(v), 0, {}, msg));
        }
    }
    std::map<std::int64_t, QStringList> missing; // forest code → rasters
    for (const LulcInput& l : inputs.lulc) {
        gis::RasterDataset& ds = dataset(l.path);
        std::set<std::int64_t> codes;
        for (int row0 = 0; row0 < grid.rows; row0 += rowsPerStrip) {
            if (feedback) {
                feedback->throwIfCancelled();
                feedback->setProgress(100.0 * (step + row0) / totalSteps, "checking inputs");
            }
            const gis::Window w{ row0, 0, std::min(rowsPerStrip, grid.rows - row0), grid.cols };
            ds.read(1, w, values, valid);
            std::int64_t last = std::numeric_limits<std::int64_t>::min();
            for (std::size_t k = 0; k < values.size(); ++k)
                if (valid[k]) {
                    const std::int64_t c = std::llround(values[k]);
                    if (c != last) {
                        codes.insert(c);
                        last = c;
                    }
                }
        }
        step += grid.rows;
        for (std::int64_t c : codes)
            if (forest.count(c) && !coefficients.find(c))
                missing[c] << qs(l.path);
    }
    if (!missing.empty()) {
        QStringList parts;
        for (const auto& [code, files] : missing)
            parts << CarbonRegression::tr("%1 (in %2)").arg(code).arg(files.join(QStringLiteral(", ")));
        issues.push_back(error(coefficientsFile,
                               0,
                               QStringLiteral("lucode"),
                               CarbonRegression::tr("forest land-cover codes without a coefficient row: %1; "
                                                    "add a row for each (or leave the class out of "
                                                    "--forest-classes)")
                                 .arg(parts.join(QStringLiteral("; ")))));
    }
    for (const RegressionCoefficients& c : coefficients.rows())
        if (!forest.count(c.code))
            issues.push_back(warning(coefficientsFile,
                                     c.line,
                                     QStringLiteral("lucode"),
                                     CarbonRegression::tr("code %1 is not a forest class (--forest-classes); "
                                                          "the row is not used")
                                       .arg(c.code)));
    return issues;
}

RegressionRun writeRegressionRasters(const RegressionInputs& inputs,
                                     const RegressionLookup& coefficients,
                                     const RegressionRunOptions& options) {
    if (inputs.vi.empty() || inputs.lulc.empty())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            "The regression method needs vegetation-index and land-cover rasters.");
    if (options.outDir.empty())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            "No output folder for the regression rasters.");
    RegressionRun run;
    std::vector<ViInput> vi = inputs.vi;
    std::stable_sort(
      vi.begin(), vi.end(), [](const ViInput& x, const ViInput& y) { return x.year < y.year; });
    std::map<std::string, std::unique_ptr<gis::RasterDataset>> open;
    auto dataset = [&](const std::string& path) -> gis::RasterDataset& {
        auto& p = open[path];
        if (!p)
            p = std::make_unique<gis::RasterDataset>(path);
        return *p;
    };
    const gis::RasterInfo& ref = dataset(vi.front().path).info();
    run.grid = ref.grid;
    run.crs = ref.crs;
    const gis::Grid& grid = run.grid;
    const std::vector<double> rowArea = gis::rowCellAreasM2(grid, run.crs);
    const std::set<std::int64_t> forest(inputs.forestCodes.begin(), inputs.forestCodes.end());

    const QDir dir(qs(options.outDir));
    gis::RasterSpec spec;
    spec.grid = grid;
    spec.crs = run.crs;
    spec.type = gis::RasterSpec::Type::Float32;
    spec.bands = kRegressionBands;
    spec.nodata = kRegressionNodata;
    spec.bandDescriptions = { "agb",    "c_density_r_le125", "c_density_r_gt125", "nonforest",
                              "vi_gap", "vi_filled" };
    spec.bandMetadata = { { { "UNIT", "t d.m./ha" } },
                          { { "UNIT", "t C/ha" } },
                          { { "UNIT", "t C/ha" } },
                          { { "UNIT", "1 = non-forest" } },
                          { { "UNIT", "1 = forest with nodata VI" } },
                          { { "UNIT", "1 = forest with an interpolated VI" } } };
    std::vector<std::unique_ptr<gis::RasterWriter>> writers, keyWriters;
    run.viBinWidth = options.viBinWidth;
    if (options.writeViKeyRasters)
        for (const ViInput& v : vi) {
            gis::RasterSpec k;
            k.grid = grid;
            k.crs = run.crs;
            k.type = gis::RasterSpec::Type::Float64;
            k.bands = 1;
            k.nodata = kRegressionNodata;
            k.bandDescriptions = { "vi_key" };
            k.metadata = { { "YEAR", std::to_string(v.year) },
                           { "CONTENT", "forest code x 4 + 2 + VI (Monte Carlo VI bins)" } };
            run.viKeyRasters.push_back(
              dir.filePath(QStringLiteral("rs_vi_key_%1.tif").arg(v.year)).toStdString());
            keyWriters.push_back(std::make_unique<gis::RasterWriter>(run.viKeyRasters.back(), k));
        }
    std::set<std::int64_t> usedCodes;
    for (const ViInput& v : vi) {
        RegressionYear y;
        y.year = v.year;
        const int li = landCoverIndexFor(inputs.lulc, v.year);
        if (li < 0)
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "No land-cover date at or before " + std::to_string(v.year) +
                                  " (validate the inputs first).");
        y.lulcYear = inputs.lulc[std::size_t(li)].year;
        y.raster = dir.filePath(QStringLiteral("rs_carbon_%1.tif").arg(v.year)).toStdString();
        gis::RasterSpec s = spec;
        s.metadata = { { "YEAR", std::to_string(v.year) },
                       { "LULC_YEAR", std::to_string(y.lulcYear) },
                       { "METHOD", "remote-sensing regression, carbon-methods.md §6.1" } };
        s.cloudOptimized = true; // density rasters as Cloud-Optimised GeoTIFF (issue 14)
        writers.push_back(std::make_unique<gis::RasterWriter>(y.raster, s));
        run.years.push_back(y);
    }

    const std::size_t ny = vi.size();
    // The change of a pair is taken over the cells valid on both dates (rs_common_<y1>_<y2>.tif).
    std::vector<int> yearList;
    for (const ViInput& v : vi)
        yearList.push_back(v.year);
    run.pairs = regressionPairs(yearList);
    run.interpolateGaps = options.interpolateGaps;
    std::vector<std::unique_ptr<gis::RasterWriter>> commonWriters;
    for (const auto& [y1, y2] : run.pairs) {
        gis::RasterSpec k = spec;
        k.bands = 4;
        k.bandDescriptions = {
            "c_density_r_le125_y1", "c_density_r_gt125_y1", "c_density_r_le125_y2", "c_density_r_gt125_y2"
        };
        k.bandMetadata = { { { "UNIT", "t C/ha" } },
                           { { "UNIT", "t C/ha" } },
                           { { "UNIT", "t C/ha" } },
                           { { "UNIT", "t C/ha" } } };
        k.metadata = { { "YEARS", std::to_string(y1) + "-" + std::to_string(y2) },
                       { "CONTENT", "carbon densities on forest cells valid on both dates" } };
        run.commonRasters.push_back(
          dir.filePath(QStringLiteral("rs_common_%1_%2.tif").arg(y1).arg(y2)).toStdString());
        commonWriters.push_back(std::make_unique<gis::RasterWriter>(run.commonRasters.back(), k));
    }
    std::map<int, std::size_t> yearIndex;
    for (std::size_t yi = 0; yi < ny; ++yi)
        yearIndex[vi[yi].year] = yi;
    const std::size_t perCell = ny * (8 + 1 + 8 + 1 + 1 + 16) + 6 * 8 + 8 + 4 * 8;
    const int rowsPerStrip = gis::stripRows(grid, options.memoryBudgetBytes / 2, perCell);
    std::vector<std::vector<double>> viAll(ny), lcAll(ny), densLow(ny), densHigh(ny);
    std::vector<std::vector<unsigned char>> viValidAll(ny), lcValidAll(ny), filled(ny);
    std::vector<std::vector<double>> out(kRegressionBands), common(4);
    std::vector<double> keys;
    for (int row0 = 0; row0 < grid.rows; row0 += rowsPerStrip) {
        const gis::Window w{ row0, 0, std::min(rowsPerStrip, grid.rows - row0), grid.cols };
        const std::size_t n = std::size_t(w.cellCount());
        for (auto& o : out)
            o.resize(n);
        keys.assign(keyWriters.empty() ? 0 : n, kRegressionNodata);
        for (std::size_t yi = 0; yi < ny; ++yi) {
            dataset(vi[yi].path).read(vi[yi].band, w, viAll[yi], viValidAll[yi]);
            const int li = landCoverIndexFor(inputs.lulc, vi[yi].year);
            dataset(inputs.lulc[std::size_t(li)].path).read(1, w, lcAll[yi], lcValidAll[yi]);
            for (std::size_t k = 0; k < n; ++k)
                if (viValidAll[yi][k] && std::isnan(viAll[yi][k]))
                    viValidAll[yi][k] = 0;
            filled[yi].assign(n, 0);
        }
        if (options.interpolateGaps && ny > 2)
            // Linear in time between the nearest valid years on both sides (no extrapolation).
            for (std::size_t k = 0; k < n; ++k)
                for (std::size_t yi = 1; yi + 1 < ny; ++yi) {
                    if (viValidAll[yi][k])
                        continue;
                    std::size_t a = yi, b = yi;
                    while (a > 0 && !viValidAll[a - 1][k])
                        --a;
                    while (b + 1 < ny && !viValidAll[b + 1][k])
                        ++b;
                    if (a == 0 || b + 1 == ny)
                        continue;
                    const std::size_t y0 = a - 1, y1 = b + 1;
                    const double t = double(vi[yi].year - vi[y0].year) / double(vi[y1].year - vi[y0].year);
                    viAll[yi][k] = viAll[y0][k] + (viAll[y1][k] - viAll[y0][k]) * t;
                    filled[yi][k] = 1;
                }
        for (std::size_t yi = 0; yi < ny; ++yi) {
            if (options.feedback) {
                options.feedback->throwIfCancelled();
                options.feedback->setProgress(100.0 * (double(row0) * double(ny) + double(yi) * w.rows) /
                                                (double(grid.rows) * double(ny)),
                                              "biomass and carbon per cell");
            }
            RegressionYear& year = run.years[yi];
            const std::vector<double>& viValues = viAll[yi];
            const std::vector<unsigned char>& viValid = viValidAll[yi];
            const std::vector<double>& lcValues = lcAll[yi];
            const std::vector<unsigned char>& lcValid = lcValidAll[yi];
            densLow[yi].assign(n, kRegressionNodata);
            densHigh[yi].assign(n, kRegressionNodata);
            std::fill(keys.begin(), keys.end(), kRegressionNodata);
            std::int64_t lastCode = std::numeric_limits<std::int64_t>::min();
            const RegressionCoefficients* c = nullptr;
            bool isForest = false;
            for (std::size_t k = 0; k < n; ++k) {
                const double area = rowArea[std::size_t(row0) + k / std::size_t(w.cols)] / 10000.0;
                if (!lcValid[k]) {
                    for (auto& o : out)
                        o[k] = kRegressionNodata;
                    year.lulcNodataAreaHa += area;
                    continue;
                }
                const std::int64_t code = std::llround(lcValues[k]);
                if (code != lastCode) {
                    lastCode = code;
                    isForest = forest.count(code) != 0;
                    c = isForest ? coefficients.find(code) : nullptr;
                    if (isForest && !c)
                        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                            "Forest code " + std::to_string(code) +
                                              " has no coefficient row (validate the inputs first).");
                    if (c)
                        usedCodes.insert(code);
                }
                if (!isForest) {
                    out[0][k] = out[1][k] = out[2][k] = kRegressionNodata;
                    out[3][k] = 1;
                    out[4][k] = out[5][k] = 0;
                    year.nonforestAreaHa += area;
                    continue;
                }
                out[3][k] = 0;
                if (!viValid[k] && !filled[yi][k]) {
                    // Cloud gap: excluded and reported, never zero.
                    out[0][k] = out[1][k] = out[2][k] = kRegressionNodata;
                    out[4][k] = 1;
                    out[5][k] = 0;
                    year.viGapAreaHa += area;
                    continue;
                }
                out[4][k] = 0;
                out[5][k] = filled[yi][k] ? 1 : 0;
                if (filled[yi][k])
                    year.viFilledAreaHa += area;
                if (!keys.empty())
                    keys[k] = encodeViKey(code, viValues[k]);
                const double agb = predictAgb(*c, viValues[k]);
                out[0][k] = agb;
                out[1][k] = densLow[yi][k] = carbonDensity(agb, c->rLow, c->cf);
                out[2][k] = densHigh[yi][k] = carbonDensity(agb, c->rHigh, c->cf);
                year.forestAreaHa += area;
                year.agbT += agb * area;
            }
            for (int b = 0; b < kRegressionBands; ++b)
                writers[yi]->writeRows(b + 1, w.row0, w.rows, out[std::size_t(b)].data());
            writers[yi]->flush();
            if (!keyWriters.empty()) {
                keyWriters[yi]->writeRows(1, w.row0, w.rows, keys.data());
                keyWriters[yi]->flush();
            }
        }
        for (std::size_t p = 0; p < run.pairs.size(); ++p) {
            const std::size_t a = yearIndex.at(run.pairs[p].first), b = yearIndex.at(run.pairs[p].second);
            for (auto& o : common)
                o.assign(n, kRegressionNodata);
            for (std::size_t k = 0; k < n; ++k)
                if (densLow[a][k] != kRegressionNodata && densLow[b][k] != kRegressionNodata) {
                    common[0][k] = densLow[a][k];
                    common[1][k] = densHigh[a][k];
                    common[2][k] = densLow[b][k];
                    common[3][k] = densHigh[b][k];
                }
            for (int band = 0; band < 4; ++band)
                commonWriters[p]->writeRows(band + 1, w.row0, w.rows, common[std::size_t(band)].data());
            commonWriters[p]->flush();
        }
    }
    for (auto& wr : commonWriters)
        wr->commit(options.feedback);
    for (auto& wr : writers)
        wr->commit(options.feedback);
    for (auto& wr : keyWriters)
        wr->commit(options.feedback);
    for (std::int64_t code : usedCodes)
        run.used.push_back(*coefficients.find(code));
    if (options.feedback)
        options.feedback->setProgress(100.0, "biomass and carbon per cell");
    return run;
}

bool hasRegressionStock(const RegressionParcelYear& y) {
    if (y.forestAreaHa + y.nonforestAreaHa <= 0)
        return false;
    return !(y.viGapAreaHa > 0 && y.validForestShare() < kMinValidForestShare);
}

std::vector<std::pair<int, int>> regressionPairs(const std::vector<int>& years) {
    std::vector<std::pair<int, int>> out;
    for (std::size_t i = 1; i < years.size(); ++i)
        out.push_back({ years[i - 1], years[i] });
    if (years.size() > 2)
        out.push_back({ years.front(), years.back() });
    return out;
}

std::vector<RegressionChange> trajectoryChanges(const std::vector<RegressionParcelYear>& years) {
    std::vector<RegressionChange> out;
    auto change = [&](const RegressionParcelYear& a, const RegressionParcelYear& b) {
        RegressionChange c;
        c.year1 = a.year;
        c.year2 = b.year;
        c.changeT = b.carbonT - a.carbonT;
        c.changeCo2eT = c.changeT * kCo2PerC;
        const double dt = double(b.year - a.year);
        c.rateTPerYr = c.changeT / dt; // §3.2 Eq. 2.5
        c.rateCo2eTPerYr = c.changeCo2eT / dt;
        c.densityChange = b.carbonTPerHa - a.carbonTPerHa;
        const double base = std::max(a.forestAreaHa + a.viGapAreaHa, b.forestAreaHa + b.viGapAreaHa);
        c.gapsDiffer = base > 0 && std::fabs(a.viGapAreaHa - b.viGapAreaHa) > 0.01 * base;
        return c;
    };
    for (std::size_t i = 1; i < years.size(); ++i)
        out.push_back(change(years[i - 1], years[i]));
    if (years.size() > 2)
        out.push_back(change(years.front(), years.back()));
    return out;
}

std::vector<RegressionParcel> runRegressionParcels(const gis::ParcelSet& parcels,
                                                   const RegressionRun& run,
                                                   double hysteresis,
                                                   const gis::ZonalOptions& zonal) {
    std::vector<gis::ZonalBand> bands;
    for (const RegressionYear& y : run.years)
        for (int b = 1; b <= kRegressionBands; ++b)
            bands.push_back({ y.raster,
                              b,
                              "rs_" + std::to_string(y.year) + "_b" + std::to_string(b),
                              "Float32",
                              false,
                              0 });
    // The VI keys (Monte Carlo) in the same call: coverage once per parcel. Class statistics are
    // per run, so the other bands get them too (unused).
    const std::size_t key0 = bands.size();
    for (std::size_t yi = 0; yi < run.viKeyRasters.size(); ++yi)
        bands.push_back(
          { run.viKeyRasters[yi], 1, "rs_key_" + std::to_string(run.years[yi].year), "Float64", false, 0 });
    // The densities on the cells valid on both dates of each pair (the change's cells).
    const std::size_t common0 = bands.size();
    for (std::size_t pi = 0; pi < run.commonRasters.size(); ++pi)
        for (int b = 1; b <= 4; ++b)
            bands.push_back({ run.commonRasters[pi],
                              b,
                              "rs_common_" + std::to_string(pi) + "_b" + std::to_string(b),
                              "Float32",
                              false,
                              0 });
    gis::ZonalOptions options = zonal;
    options.stats = gis::Stat::Count | gis::Stat::Sum | gis::Stat::Mean;
    if (!run.viKeyRasters.empty())
        options.stats = options.stats | gis::Stat::Area;
    const gis::ZonalResult zr = gis::runZonal(parcels, bands, options);

    std::vector<RegressionParcel> out(parcels.parcels.size());
    for (std::size_t p = 0; p < out.size(); ++p) {
        RegressionParcel& rp = out[p];
        std::vector<double> means;
        for (std::size_t yi = 0; yi < run.years.size(); ++yi) {
            const auto stat = [&](int band) -> const gis::ZonalStats& {
                return zr.stats[p][yi * std::size_t(kRegressionBands) + std::size_t(band - 1)];
            };
            RegressionParcelYear y;
            y.year = run.years[yi].year;
            y.forestAreaHa = stat(BandAgb).validAreaM2 / 10000.0;
            y.meanAgb = stat(BandAgb).count > 0 ? stat(BandAgb).mean : kNaN;
            // Indicator bands: the mean is the share of the land-cover-valid area.
            const gis::ZonalStats& nf = stat(BandNonforest);
            y.nonforestAreaHa = nf.count > 0 ? nf.mean * nf.validAreaM2 / 10000.0 : 0.0;
            y.lulcNodataAreaHa = nf.nodataAreaM2 / 10000.0;
            const gis::ZonalStats& gap = stat(BandViGap);
            y.viGapAreaHa = gap.count > 0 ? gap.mean * gap.validAreaM2 / 10000.0 : 0.0;
            const gis::ZonalStats& fill = stat(BandViFilled);
            y.viFilledAreaHa = fill.count > 0 ? fill.mean * fill.validAreaM2 / 10000.0 : 0.0;
            if (!run.viKeyRasters.empty()) {
                // Per (code, bin): Σ area and Σ area × VI over the exact per-value areas.
                std::map<std::pair<std::int64_t, std::int64_t>, std::pair<double, double>> bins;
                for (const gis::ClassTotal& ct : zr.stats[p][key0 + yi].classes) {
                    std::int64_t code = 0;
                    double vi = 0;
                    decodeViKey(ct.value, code, vi);
                    const double ha = ct.areaM2 / 10000.0;
                    auto& b = bins[{ code, std::int64_t(std::floor((vi + 1.0) / run.viBinWidth)) }];
                    b.first += ha;
                    b.second += ha * vi;
                }
                for (const auto& [key, b] : bins)
                    if (b.first > 0)
                        y.viBins.push_back({ key.first, b.first, b.second / b.first });
            }
            means.push_back(y.meanAgb);
            rp.years.push_back(y);
        }
        const std::vector<RClass> classes = rClassTrajectory(means, hysteresis);
        for (std::size_t yi = 0; yi < rp.years.size(); ++yi) {
            RegressionParcelYear& y = rp.years[yi];
            y.rClass = classes[yi];
            const gis::ZonalStats& c =
              zr.stats[p][yi * std::size_t(kRegressionBands) +
                          std::size_t((y.rClass == RClass::High ? BandCHigh : BandCLow) - 1)];
            // Σ coverage × true area × density = mean × valid true area (§7.2).
            y.carbonT = c.count > 0 ? c.mean * c.validAreaM2 / 10000.0 : 0.0;
            y.carbonTPerHa = y.forestAreaHa > 0 ? y.carbonT / y.forestAreaHa : kNaN;
        }
        rp.changes = trajectoryChanges(rp.years);
        // Changes over the cells valid on both dates (a gap on either date leaves the cell out).
        for (RegressionChange& c : rp.changes) {
            const auto it = std::find(run.pairs.begin(), run.pairs.end(), std::make_pair(c.year1, c.year2));
            if (it == run.pairs.end())
                continue;
            const std::size_t pi = std::size_t(it - run.pairs.begin());
            std::size_t i1 = 0, i2 = 0;
            for (std::size_t yi = 0; yi < rp.years.size(); ++yi) {
                if (rp.years[yi].year == c.year1)
                    i1 = yi;
                if (rp.years[yi].year == c.year2)
                    i2 = yi;
            }
            const auto total = [&](int band) {
                const gis::ZonalStats& st = zr.stats[p][common0 + pi * 4 + std::size_t(band)];
                return st.count > 0 ? st.mean * st.validAreaM2 / 10000.0 : 0.0;
            };
            const double c1 = total(rp.years[i1].rClass == RClass::High ? 1 : 0);
            const double c2 = total(rp.years[i2].rClass == RClass::High ? 3 : 2);
            c.commonAreaHa = zr.stats[p][common0 + pi * 4].validAreaM2 / 10000.0;
            c.changeT = c2 - c1;
            c.changeCo2eT = c.changeT * kCo2PerC;
            const double dt = double(c.year2 - c.year1);
            c.rateTPerYr = c.changeT / dt;
            c.rateCo2eTPerYr = c.changeCo2eT / dt;
            c.densityChange = c.commonAreaHa > 0 ? c.changeT / c.commonAreaHa : kNaN;
        }
    }
    return out;
}

double rasterCoverageFraction(const gis::Parcel& parcel, const RegressionParcel& result) {
    if (result.years.empty() || !(parcel.ellipsoidalAreaM2 > 0))
        return kNaN;
    const RegressionParcelYear& y = result.years.front();
    const double covered = y.forestAreaHa + y.viGapAreaHa + y.nonforestAreaHa + y.lulcNodataAreaHa;
    return covered / (parcel.ellipsoidalAreaM2 / 10000.0);
}

void writeRegressionTrajectory(const std::string& path,
                               const gis::ParcelSet& parcels,
                               const QString& idField,
                               const RegressionRun& run,
                               const std::vector<RegressionParcel>& results) {
    using T = gis::TableColumn::Type;
    std::vector<gis::TableColumn> cols = { { "fid", T::Integer } };
    if (!idField.isEmpty())
        cols.push_back({ idField.toStdString(), T::String });
    for (const char* name : { "year", "lulc_year" })
        cols.push_back({ name, T::Integer });
    for (const char* name : { "forest_area_ha",
                              "vi_gap_area_ha",
                              "nonforest_area_ha",
                              "lulc_nodata_area_ha",
                              "mean_agb_t_dm_per_ha" })
        cols.push_back({ name, T::Real });
    cols.push_back({ "r_class", T::String });
    for (const char* name :
         { "carbon_t", "carbon_t_per_ha", "co2e_t", "change_t", "change_co2e_t", "rate_t_per_yr" })
        cols.push_back({ name, T::Real });
    cols.push_back({ "gaps_differ", T::Integer });
    cols.push_back({ "flagged_parameters", T::String });
    const std::size_t ny = run.years.size();
    const QString flagged = flaggedList(run);
    gis::writeTable(path,
                    cols,
                    parcels.parcels.size() * ny,
                    [&](std::size_t row, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        const std::size_t p = row / ny, yi = row % ny;
                        const gis::Parcel& parcel = parcels.parcels[p];
                        const RegressionParcelYear& y = results[p].years[yi];
                        std::size_t k = 0;
                        v[k++] = qint64(parcel.fid);
                        if (!idField.isEmpty())
                            v[k++] = parcel.id.toString();
                        v[k++] = y.year;
                        v[k++] = run.years[yi].lulcYear;
                        v[k++] = y.forestAreaHa;
                        v[k++] = y.viGapAreaHa;
                        v[k++] = y.nonforestAreaHa;
                        v[k++] = y.lulcNodataAreaHa;
                        v[k++] = nanToNull(y.meanAgb);
                        v[k++] = QString::fromLatin1(rClassName(y.rClass));
                        v[k++] = y.carbonT;
                        v[k++] = nanToNull(y.carbonTPerHa);
                        v[k++] = y.co2eT();
                        if (yi == 0) {
                            for (int i = 0; i < 4; ++i)
                                v[k++] = QVariant();
                        } else {
                            const RegressionChange& c = results[p].changes[yi - 1];
                            v[k++] = c.changeT;
                            v[k++] = c.changeCo2eT;
                            v[k++] = c.rateTPerYr;
                            v[k++] = c.gapsDiffer ? 1 : 0;
                        }
                        v[k++] = flagged;
                    });
}

void writeRegressionParcels(const std::string& path,
                            const gis::ParcelSet& parcels,
                            const QString& idField,
                            const RegressionRun& run,
                            const std::vector<RegressionParcel>& results) {
    using T = gis::TableColumn::Type;
    std::vector<gis::TableColumn> cols = { { "fid", T::Integer } };
    if (!idField.isEmpty())
        cols.push_back({ idField.toStdString(), T::String });
    cols.push_back({ "area_ha", T::Real });
    for (const RegressionYear& y : run.years) {
        const std::string s = std::to_string(y.year);
        cols.push_back({ "carbon_" + s + "_t", T::Real });
        cols.push_back({ "carbon_" + s + "_t_per_ha", T::Real });
        cols.push_back({ "mean_agb_" + s + "_t_dm_per_ha", T::Real });
        cols.push_back({ "forest_area_" + s + "_ha", T::Real });
        cols.push_back({ "vi_gap_area_" + s + "_ha", T::Real });
    }
    const bool change = run.years.size() >= 2;
    if (change) {
        for (const char* name : { "change_t", "change_co2e_t", "rate_t_per_yr", "rate_co2e_t_per_yr" })
            cols.push_back({ name, T::Real });
        cols.push_back({ "gaps_differ", T::Integer });
    }
    cols.push_back({ "raster_coverage_fraction", T::Real });
    cols.push_back({ "flagged_parameters", T::String });
    cols.push_back({ "geometry_repaired", T::Integer });
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    const QString flagged = flaggedList(run);
    gis::writeTable(
      path,
      cols,
      parcels.parcels.size(),
      [&](std::size_t p, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          const gis::Parcel& parcel = parcels.parcels[p];
          const RegressionParcel& r = results[p];
          std::size_t k = 0;
          v[k++] = qint64(parcel.fid);
          if (!idField.isEmpty())
              v[k++] = parcel.id.toString();
          v[k++] = parcel.ellipsoidalAreaM2 / 10000.0;
          for (const RegressionParcelYear& y : r.years) {
              v[k++] = y.carbonT;
              v[k++] = nanToNull(y.carbonTPerHa);
              v[k++] = nanToNull(y.meanAgb);
              v[k++] = y.forestAreaHa;
              v[k++] = y.viGapAreaHa;
          }
          if (change) {
              const RegressionChange& c = r.changes.back(); // first → last
              v[k++] = c.changeT;
              v[k++] = c.changeCo2eT;
              v[k++] = c.rateTPerYr;
              v[k++] = c.rateCo2eTPerYr;
              v[k++] = c.gapsDiffer ? 1 : 0;
          }
          v[k++] = nanToNull(rasterCoverageFraction(parcel, r));
          v[k++] = flagged;
          v[k++] = parcel.repaired ? 1 : 0;
          if (gpkg)
              wkb = parcel.wkb;
      },
      gpkg,
      parcels.crs);
}

void writeRegressionTotals(const std::string& path,
                           const RegressionRun& run,
                           const std::vector<RegressionParcel>& results) {
    struct Row {
        std::string quantity;
        double value;
        const char* unit;
    };
    std::vector<Row> rows;
    std::vector<RegressionParcelYear> sums(run.years.size());
    for (std::size_t yi = 0; yi < run.years.size(); ++yi) {
        sums[yi].year = run.years[yi].year;
        for (const RegressionParcel& p : results) {
            const RegressionParcelYear& y = p.years[yi];
            sums[yi].carbonT += y.carbonT;
            sums[yi].forestAreaHa += y.forestAreaHa;
            sums[yi].viGapAreaHa += y.viGapAreaHa;
            sums[yi].nonforestAreaHa += y.nonforestAreaHa;
        }
        sums[yi].carbonTPerHa = sums[yi].forestAreaHa > 0 ? sums[yi].carbonT / sums[yi].forestAreaHa : kNaN;
        const std::string s = std::to_string(run.years[yi].year);
        const RegressionYear& ry = run.years[yi];
        rows.push_back({ "parcels_carbon_" + s, sums[yi].carbonT, "t C" });
        rows.push_back({ "parcels_co2e_" + s, sums[yi].co2eT(), "t CO2e" });
        rows.push_back({ "parcels_forest_area_" + s, sums[yi].forestAreaHa, "ha" });
        rows.push_back({ "parcels_vi_gap_area_" + s, sums[yi].viGapAreaHa, "ha" });
        rows.push_back({ "parcels_nonforest_area_" + s, sums[yi].nonforestAreaHa, "ha" });
        rows.push_back({ "raster_forest_area_" + s, ry.forestAreaHa, "ha" });
        rows.push_back({ "raster_vi_gap_area_" + s, ry.viGapAreaHa, "ha" });
        rows.push_back({ "raster_nonforest_area_" + s, ry.nonforestAreaHa, "ha" });
        rows.push_back({ "raster_mean_agb_" + s, ry.meanAgb(), "t d.m./ha" });
    }
    // Σ of the parcels' changes, each over its forest cells valid on both dates (not the difference
    // of the stock sums, which would count cloud gaps as losses or gains).
    std::vector<RegressionChange> changes = trajectoryChanges(sums);
    for (RegressionChange& c : changes) {
        c.changeT = 0;
        for (const RegressionParcel& p : results)
            for (const RegressionChange& pc : p.changes)
                if (pc.year1 == c.year1 && pc.year2 == c.year2)
                    c.changeT += pc.changeT;
        c.changeCo2eT = c.changeT * kCo2PerC;
        c.rateTPerYr = c.changeT / double(c.year2 - c.year1);
    }
    for (const RegressionChange& c : changes) {
        const std::string s = std::to_string(c.year1) + "_" + std::to_string(c.year2);
        rows.push_back({ "parcels_change_" + s, c.changeT, "t C" });
        rows.push_back({ "parcels_change_co2e_" + s, c.changeCo2eT, "t CO2e" });
        rows.push_back({ "parcels_rate_" + s, c.rateTPerYr, "t C/yr" });
    }
    rows.push_back({ "parcels", double(results.size()), "count" });
    using T = gis::TableColumn::Type;
    gis::writeTable(path,
                    { { "quantity", T::String }, { "value", T::Real }, { "unit", T::String } },
                    rows.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v[0] = QString::fromStdString(rows[i].quantity);
                        v[1] = nanToNull(rows[i].value);
                        v[2] = QString::fromUtf8(rows[i].unit);
                    });
}

void writeRegressionParameters(const std::string& path, const RegressionRun& run, double hysteresis) {
    using T = gis::TableColumn::Type;
    const std::vector<gis::TableColumn> cols = {
        { "lucode", T::Integer },
        { "forest_type", T::String },
        { "form", T::String },
        { "a", T::Real },
        { "b", T::Real },
        { "bias_sigma2", T::Real },
        { "smearing", T::Real },
        { "bias_factor", T::Real },
        { "agb_cap_t_dm_per_ha", T::Real },
        { "r_le125", T::Real },
        { "r_gt125", T::Real },
        { "cf", T::Real },
        { "tag", T::String },
        { "source", T::String },
        { "file", T::String },
        { "line", T::Integer },
    };
    const std::size_t n = run.used.size();
    gis::writeTable(
      path, cols, n + 2, [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
          if (i >= n) {
              // Rule constants (no coefficient row): design note 9.
              const bool threshold = i == n;
              v[1] = threshold ? QStringLiteral("r_class_threshold_t_dm_per_ha")
                               : QStringLiteral("r_class_hysteresis_t_dm_per_ha");
              v[2] = QStringLiteral("rule");
              v[3] = threshold ? kRClassThresholdTDmPerHa : hysteresis;
              v[12] = threshold ? QStringLiteral("verified") : QStringLiteral("user");
              v[13] =
                threshold
                  ? QStringLiteral(
                      "IPCC 2019 Refinement Vol. 4 Ch. 4 Table 4.4 AGB classes (carbon-methods.md §3.5)")
                  : QStringLiteral(
                      "Tanhui rule, carbon-methods.md design note 9 (docs/remote-sensing-carbon.md)");
              return;
          }
          const RegressionCoefficients& c = run.used[i];
          v[0] = qint64(c.code);
          v[1] = c.forestType;
          v[2] = QString::fromLatin1(agbFormName(c.form));
          v[3] = c.a;
          v[4] = c.b;
          v[5] = c.biasSigma2 ? QVariant(*c.biasSigma2) : QVariant();
          v[6] = c.smearing ? QVariant(*c.smearing) : QVariant();
          v[7] = c.biasFactor();
          v[8] = c.agbCap;
          v[9] = c.rLow;
          v[10] = c.rHigh;
          v[11] = c.cf;
          v[12] = c.declaredTag.isEmpty() ? params::tagName(c.tag) : c.declaredTag.toLower();
          v[13] = c.source;
          v[14] = c.file;
          v[15] = c.line;
      });
}

} // namespace tanhui::models::carbon
