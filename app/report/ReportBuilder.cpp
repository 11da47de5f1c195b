// SPDX-License-Identifier: GPL-3.0-or-later
// The valuation report's model (issue 14, "Valuation report"; gep-methods.md §9): every number comes
// from the runs' result sets (models/analysis/ResultSet.h), every file from their provenance.
#include "app/report/Report.h"
#include "app/report/ReportCharts.h"
#include "app/report/ReportMaps.h"
#include "app/report/ResultChartData.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "models/carbon/Valuation.h"
#include "models/params/Parameter.h"
#include "models/project/Project.h"
#include "render/ColorRamp.h"
#include "render/ProjectMaps.h"
#include "render/QgisStyle.h"
#include "render/RasterStyle.h"
#include "render/VectorStyle.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QRegularExpression>
#include <QTranslator>

#include <functional>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>

namespace tanhui::report {

namespace analysis = models::analysis;
namespace params = models::params;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Translation context of the report's strings.
struct ReportText {
    Q_DECLARE_TR_FUNCTIONS(ReportText)
};

/// @brief Makes tr() answer in the report's language while the report is built, whatever the
/// application's language: Chinese through the embedded tanhui_zh_CN.qm, English as the source texts.
class LanguageScope {
public:
    explicit LanguageScope(const QString& language) {
        if (language.startsWith(QLatin1String("zh"))) {
            auto zh = std::make_unique<QTranslator>();
            if (zh->load(QStringLiteral(":/i18n/tanhui_zh_CN.qm"))) {
                m_translator = std::move(zh);
            }
        } else {
            m_translator = std::make_unique<SourceText>();
        }
        if (m_translator) {
            QCoreApplication::installTranslator(m_translator.get());
        }
    }
    ~LanguageScope() {
        if (m_translator) {
            QCoreApplication::removeTranslator(m_translator.get());
        }
    }
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

private:
    /// Answers every lookup with the English source text (so an installed Chinese UI translation does
    /// not leak into an English report).
    class SourceText : public QTranslator {
    public:
        QString translate(const char*, const char* sourceText, const char*, int) const override {
            return QString::fromUtf8(sourceText);
        }
        bool isEmpty() const override { return false; }
    };
    std::unique_ptr<QTranslator> m_translator;
};

/// The method's formula in words, with the section of carbon-methods.md it implements.
QString methodFormula(const QString& method) {
    if (method == QLatin1String("pools")) {
        return ReportText::tr(
          "stock = area × (above-ground + below-ground + dead wood + litter + soil carbon "
          "density) of the parcel's land-cover class at each date (carbon-methods.md §1.2, "
          "§3.1, §3.5)");
    }
    if (method == QLatin1String("volume")) {
        return ReportText::tr(
          "biomass carbon = stand volume × wood density × BEF × (1 + root-to-shoot ratio) × "
          "carbon fraction, for the inventory year (carbon-methods.md §5.1, §5.2)");
    }
    if (method == QLatin1String("volume_gainloss")) {
        return ReportText::tr("the volume-based stock of the inventory year carried to every date with the "
                              "annual growth of the stand and losses (carbon-methods.md §5.1, §3.2)");
    }
    if (method == QLatin1String("gainloss")) {
        return ReportText::tr(
          "annual change = gains (biomass growth × area × carbon fraction) − losses (IPCC "
          "gain–loss method, carbon-methods.md §3.2, §3.5)");
    }
    if (method == QLatin1String("soil")) {
        return ReportText::tr(
          "soil organic carbon = SOC_REF × F_LU × F_MG × F_I, with the change spread over "
          "20 years (IPCC Eq. 2.25, carbon-methods.md §3.3, §3.7, §3.8)");
    }
    if (method == QLatin1String("bluecarbon")) {
        return ReportText::tr("coastal blue carbon: stocks, accumulation and emissions after disturbance by "
                              "transition (InVEST Coastal Blue Carbon, carbon-methods.md §2, §4)");
    }
    if (method == QLatin1String("regression")) {
        return ReportText::tr("above-ground biomass from a regression on NDVI, converted to carbon "
                              "(carbon-methods.md §6.1)");
    }
    return ReportText::tr("method %1 (docs/carbon-project.md)").arg(method);
}

QString tagName(const QString& tag) {
    const std::optional<params::Tag> parsed = params::parseTag(tag);
    return parsed ? params::tagLabel(*parsed) : tag;
}

/// A planted parcel's (or a plan table's) number in `column`; NaN when the table or column is missing.
double cellOf(const analysis::Table* t, std::size_t r, const QString& column) {
    return t && t->column(column) ? t->number(r, column) : kNaN;
}

/// A planted parcel's accounted part, the area its differences are of (results of plans before
/// accounted_share: the whole parcel).
double plantedHaOf(const analysis::Table* t, std::size_t r) {
    const double share = cellOf(t, r, QStringLiteral("accounted_share"));
    return cellOf(t, r, QStringLiteral("area_ha")) * (std::isfinite(share) ? share : 1.0);
}

/// The value of `key` in a plan run's plan_settings table; empty when absent.
QString settingOf(const analysis::Table* settings, const QString& key) {
    const long long r = settings ? settings->findRow(QStringLiteral("key"), key) : -1;
    return r < 0 ? QString() : settings->value(std::size_t(r), QStringLiteral("value")).toString();
}

/// One planted parcel's differences, plan minus baseline (the plan section's top parcels and map).
struct PlanDiff {
    QString layer, id, from, to;
    double areaHa = 0, carbonT = kNaN, carbonLo = kNaN, carbonHi = kNaN;
    double gep = kNaN, gepLo = kNaN, gepHi = kNaN;
};

/// The planted parcels of a plan run (plan_parcels), with their GEP differences when valued.
std::vector<PlanDiff> planDiffs(const analysis::Table* parcels, const analysis::Table* gepParcels) {
    std::map<std::pair<QString, QString>, PlanDiff> byParcel;
    for (std::size_t r = 0; parcels && r < parcels->rowCount(); ++r) {
        PlanDiff& d = byParcel[{ parcels->value(r, QStringLiteral("layer")).toString(),
                                 parcels->value(r, QStringLiteral("parcel_id")).toString() }];
        d.layer = parcels->value(r, QStringLiteral("layer")).toString();
        d.id = parcels->value(r, QStringLiteral("parcel_id")).toString();
        d.from = parcels->value(r, QStringLiteral("baseline_type")).toString();
        d.to = parcels->value(r, QStringLiteral("target_type")).toString();
        d.areaHa = plantedHaOf(parcels, r);
        d.carbonT = cellOf(parcels, r, QStringLiteral("diff_total_t"));
        d.carbonLo = cellOf(parcels, r, QStringLiteral("diff_total_t_p2_5"));
        d.carbonHi = cellOf(parcels, r, QStringLiteral("diff_total_t_p97_5"));
    }
    for (std::size_t r = 0; gepParcels && r < gepParcels->rowCount(); ++r) {
        const auto it = byParcel.find({ gepParcels->value(r, QStringLiteral("layer")).toString(),
                                        gepParcels->value(r, QStringLiteral("parcel_id")).toString() });
        if (it == byParcel.end()) {
            continue;
        }
        it->second.gep = cellOf(gepParcels, r, QStringLiteral("diff_gep_cny"));
        it->second.gepLo = cellOf(gepParcels, r, QStringLiteral("diff_gep_cny_p2_5"));
        it->second.gepHi = cellOf(gepParcels, r, QStringLiteral("diff_gep_cny_p97_5"));
    }
    std::vector<PlanDiff> all;
    for (const auto& entry : byParcel) {
        all.push_back(entry.second);
    }
    return all;
}

/// Builds the report (one instance per report).
class Builder {
public:
    explicit Builder(const ReportInputs& in)
      : m_in(in)
      , m_locale(in.language.startsWith(QLatin1String("zh"))
                   ? QLocale(QLocale::Chinese, QLocale::China)
                   : QLocale(QLocale::English, QLocale::UnitedKingdom)) {}

    tanhui::report::Report build(gis::Feedback* feedback);

private:
    // Numbers formatted for the language; NaN as a dash.
    QString num(double v, int decimals = 0) const {
        if (!std::isfinite(v)) {
            return QStringLiteral("–");
        }
        if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) {
            v = 0; // no "-0"
        }
        return m_locale.toString(v, 'f', decimals);
    }
    QString range(double lo, double hi, int decimals = 0) const {
        if (!std::isfinite(lo) || !std::isfinite(hi)) {
            return QStringLiteral("–");
        }
        return QStringLiteral("%1 – %2").arg(num(lo, decimals), num(hi, decimals));
    }
    bool zh() const { return m_in.language.startsWith(QLatin1String("zh")); }
    /// A GEP ecosystem in the report's language. GEP names its ecosystems by the English land-cover
    /// names of gep/ecosystem_params.csv; the project's class of that name gives the user's own names,
    /// else the shipped names' translations (context "GepEcosystem").
    QString gepEcosystemName(const QString& key) const {
        if (m_hasProject) {
            for (const models::ProjectClass& c : m_project.classes) {
                if (c.nameEn.compare(key, Qt::CaseInsensitive) == 0) {
                    const QString name = zh() ? c.nameZh : c.nameEn;
                    if (!name.isEmpty()) {
                        return name;
                    }
                }
            }
        }
        return shippedGepEcosystemName(key, zh());
    }
    /// CNY in the report's money unit (亿元 in Chinese, million CNY in English).
    double money(double cny) const { return zh() ? cny / 1e8 : cny / 1e6; }
    QString moneyUnit() const {
        return zh() ? ReportText::tr("100 million CNY") : ReportText::tr("million CNY");
    }
    QString moneyText(double cny) const { return num(money(cny), 2) + QLatin1Char(' ') + moneyUnit(); }

    double summaryValue(const QString& quantity) const { return carbonSummaryValue(m_in.carbon, quantity); }

    void addHeading(ReportSection& s, const QString& text) {
        ReportBlock b;
        b.kind = ReportBlock::Kind::Heading;
        b.text = text;
        s.blocks.push_back(std::move(b));
    }
    void addParagraph(ReportSection& s, const QString& text) {
        ReportBlock b;
        b.kind = ReportBlock::Kind::Paragraph;
        b.text = text;
        s.blocks.push_back(std::move(b));
    }
    void addBullets(ReportSection& s, const QStringList& items) {
        if (items.isEmpty()) {
            return;
        }
        ReportBlock b;
        b.kind = ReportBlock::Kind::Bullets;
        b.items = items;
        s.blocks.push_back(std::move(b));
    }
    void addTable(ReportSection& s, ReportTable t) {
        if (t.widths.size() != std::size_t(t.header.size())) {
            t.widths.assign(std::size_t(t.header.size()), 1.0 / std::max<qsizetype>(1, t.header.size()));
        }
        if (t.numeric.size() != std::size_t(t.header.size())) {
            t.numeric.resize(std::size_t(t.header.size()), false);
        }
        ReportBlock b;
        b.kind = ReportBlock::Kind::Table;
        b.table = std::move(t);
        s.blocks.push_back(std::move(b));
    }
    void addFigure(ReportSection& s, ReportFigure f) {
        if (f.image.isNull()) {
            return;
        }
        ReportBlock b;
        b.kind = ReportBlock::Kind::Figure;
        b.figure = std::move(f);
        s.blocks.push_back(std::move(b));
    }
    QString figureCaption(const QString& text) {
        return ReportText::tr("Figure %1. %2").arg(++m_figures).arg(text);
    }
    QString tableCaption(const QString& text) {
        return ReportText::tr("Table %1. %2").arg(++m_tables).arg(text);
    }

    std::vector<int> carbonYears() const;
    ReportTable totalsTable(const analysis::Table& t,
                            const QString& keyColumn,
                            const QString& keyTitle,
                            QString (*name)(const QString&));

    ReportSection summarySection();
    ReportSection dataSection();
    ReportSection methodsSection();
    ReportSection carbonResultsSection();
    ReportSection gepSection();
    ReportSection planSection();
    void addPlanGep(ReportSection& s, const QString& horizon);
    void addPlanTopParcels(ReportSection& s, const std::vector<PlanDiff>& all, bool byGep);
    void addPlanMap(ReportSection& s, const std::vector<PlanDiff>& all, bool byGep, const QString& horizon);
    ReportSection mapsSection(gis::Feedback* feedback);
    ReportSection appendixSection();

    void addInputs(ReportSection& s);
    void addPoolTotals(ReportSection& s);
    void addLedgerBullets(QStringList& items, const analysis::ResultSet& rs, const QString& runName);

    /// A file of a run's `files` list (relative to its folder) as an absolute path; empty when the run
    /// lists no file of that name.
    static QString runFile(const analysis::ResultSet& rs, const QString& dir, const QString& name) {
        for (const QString& f : rs.files) {
            if (QFileInfo(f).fileName() == name) {
                return QFileInfo(f).isAbsolute() ? f : QDir(dir).absoluteFilePath(f);
            }
        }
        // A table's GeoPackage (writeResultSet writes <table>.gpkg beside its CSV).
        const QString beside = QDir(dir).absoluteFilePath(name);
        return QFileInfo::exists(beside) ? beside : QString();
    }
    /// The carbon run's parcels.gpkg, loaded once (maps and the top parcels); null when absent.
    std::shared_ptr<const render::VectorSource> parcelSource();
    gis::Crs mapCrs() const {
        return gis::Crs::fromUserInput(m_hasProject && !m_project.crs.isEmpty() ? m_project.crs.toStdString()
                                                                                : std::string("EPSG:4547"));
    }

    const ReportInputs& m_in;
    QLocale m_locale;
    std::shared_ptr<const render::VectorSource> m_parcels;
    bool m_parcelsTried = false;
    QStringList m_problems; ///< layers that could not be drawn
    models::Project m_project;
    bool m_hasProject = false;
    int m_figures = 0, m_tables = 0;
};

std::vector<int> Builder::carbonYears() const {
    return report::carbonYears(m_in.carbon);
}

/// Totals by type, district or method: parcels, area, the stocks of the first and last dates, the
/// change between them in t C and t CO2e and its 95 % range.
ReportTable Builder::totalsTable(const analysis::Table& t,
                                 const QString& keyColumn,
                                 const QString& keyTitle,
                                 QString (*name)(const QString&)) {
    const std::vector<int> years = carbonYears();
    ReportTable out;
    out.header << keyTitle << ReportText::tr("Parcels") << ReportText::tr("Area (ha)");
    const QString a = years.empty() ? QString() : QString::number(years.front());
    const QString b = years.empty() ? QString() : QString::number(years.back());
    out.header << ReportText::tr("Stock %1 (t C)").arg(a) << ReportText::tr("Stock %1 (t C)").arg(b)
               << ReportText::tr("Change %1–%2 (t C)").arg(a, b) << ReportText::tr("Change (t CO2e)")
               << ReportText::tr("95 % range of change (t C)");
    out.numeric = { false, true, true, true, true, true, true, true };
    out.widths = { 0.17, 0.08, 0.11, 0.12, 0.12, 0.12, 0.12, 0.16 };
    const QString interval = a + QLatin1Char('_') + b;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        const QString key = t.value(r, keyColumn).toString();
        QStringList row;
        row << (key == QLatin1String("all") ? ReportText::tr("All")
                : name                      ? name(key)
                                            : key)
            << num(t.number(r, QStringLiteral("parcels"))) << num(t.number(r, QStringLiteral("area_ha")), 1)
            << num(t.number(r, QStringLiteral("c_total_t_") + a))
            << num(t.number(r, QStringLiteral("c_total_t_") + b))
            << num(t.number(r, QStringLiteral("change_t_") + interval))
            << num(t.number(r, QStringLiteral("change_tco2e_") + interval))
            << range(t.number(r, QStringLiteral("change_t_") + interval + QStringLiteral("_p2_5")),
                     t.number(r, QStringLiteral("change_t_") + interval + QStringLiteral("_p97_5")));
        if (key == QLatin1String("all")) {
            out.emphasisRows.push_back(int(out.rows.size()));
        }
        out.rows.push_back(row);
    }
    return out;
}

void Builder::addLedgerBullets(QStringList& items, const analysis::ResultSet& rs, const QString& runName) {
    const analysis::Table* ledger = rs.table(QStringLiteral("ledger_check"));
    if (!ledger) {
        items << ReportText::tr("%1: the result set has no ledger check.").arg(runName);
        return;
    }
    std::size_t passed = 0;
    QStringList failed;
    for (std::size_t r = 0; r < ledger->rowCount(); ++r) {
        if (ledger->number(r, QStringLiteral("passed")) == 1) {
            ++passed;
        } else {
            failed << ReportText::tr("%1 %2 %3: expected %4, found %5 %6")
                        .arg(ledger->value(r, QStringLiteral("check")).toString(),
                             ledger->value(r, QStringLiteral("subject")).toString(),
                             ledger->value(r, QStringLiteral("quantity")).toString(),
                             num(ledger->number(r, QStringLiteral("expected")), 3),
                             num(ledger->number(r, QStringLiteral("actual")), 3),
                             ledger->value(r, QStringLiteral("unit")).toString());
        }
    }
    if (failed.isEmpty()) {
        items << ReportText::tr(
                   "%1 ledger check: passed (%2 of %3 checks: union area, stock changes, sums of "
                   "parcels).")
                   .arg(runName)
                   .arg(passed)
                   .arg(ledger->rowCount());
    } else {
        items << ReportText::tr("%1 ledger check: FAILED (%2 of %3 checks failed): %4")
                   .arg(runName)
                   .arg(failed.size())
                   .arg(ledger->rowCount())
                   .arg(failed.mid(0, 10).join(QStringLiteral("; ")));
    }
}

std::shared_ptr<const render::VectorSource> Builder::parcelSource() {
    if (!m_parcelsTried) {
        m_parcelsTried = true;
        const QString path = runFile(m_in.carbon, m_in.carbonDir, QStringLiteral("parcels.gpkg"));
        if (!path.isEmpty()) {
            try {
                m_parcels = render::VectorSource::load(path.toStdString(), {}, mapCrs());
            } catch (const gis::GisError& e) {
                m_problems << QString::fromStdString(e.what());
            }
        }
    }
    return m_parcels;
}

ReportSection Builder::summarySection() {
    ReportSection s;
    s.id = QStringLiteral("summary");
    s.title = ReportText::tr("Summary");
    const std::vector<int> years = carbonYears();
    const QString projectName = m_hasProject ? m_project.name : QFileInfo(m_in.carbonDir).fileName();
    const double area = summaryValue(QStringLiteral("area_ha"));
    const double parcels = summaryValue(QStringLiteral("parcels"));
    if (!years.empty()) {
        addParagraph(s,
                     ReportText::tr("This report presents the carbon account of the project “%1” for %2–%3, "
                                    "computed by Tanhui from %4 parcels covering %5 ha (each piece of ground "
                                    "counted once where parcel layers overlap).")
                       .arg(projectName)
                       .arg(years.front())
                       .arg(years.back())
                       .arg(num(parcels))
                       .arg(num(area, 1)));
    }
    ReportTable t;
    t.caption = tableCaption(ReportText::tr("Key figures"));
    t.header << ReportText::tr("Quantity") << ReportText::tr("Value") << ReportText::tr("Unit")
             << ReportText::tr("95 % range");
    t.numeric = { false, true, false, true };
    t.widths = { 0.40, 0.2, 0.14, 0.26 };
    t.rows.push_back(
      { ReportText::tr("Parcels"), num(parcels), ReportText::tr("count"), QStringLiteral("–") });
    t.rows.push_back(
      { ReportText::tr("Accounted area"), num(area, 1), QStringLiteral("ha"), QStringLiteral("–") });
    for (const int y : years) {
        const QString q = QStringLiteral("c_total_t_%1").arg(y);
        t.rows.push_back(
          { ReportText::tr("Carbon stock %1").arg(y),
            num(summaryValue(q)),
            QStringLiteral("t C"),
            range(summaryValue(q + QStringLiteral("_p2_5")), summaryValue(q + QStringLiteral("_p97_5"))) });
    }
    if (years.size() >= 2) {
        const QString iv = QStringLiteral("%1_%2").arg(years.front()).arg(years.back());
        const double change = summaryValue(QStringLiteral("change_t_") + iv);
        const double lo = summaryValue(QStringLiteral("change_t_") + iv + QStringLiteral("_p2_5"));
        const double hi = summaryValue(QStringLiteral("change_t_") + iv + QStringLiteral("_p97_5"));
        const double span = years.back() - years.front();
        t.rows.push_back({ ReportText::tr("Stock change %1–%2").arg(years.front()).arg(years.back()),
                           num(change),
                           QStringLiteral("t C"),
                           range(lo, hi) });
        // The same draws in other units: × 44/12 (molar masses, exact) and ÷ the years.
        t.rows.push_back({ ReportText::tr("Stock change %1–%2 as CO2").arg(years.front()).arg(years.back()),
                           num(summaryValue(QStringLiteral("change_tco2e_") + iv)),
                           QStringLiteral("t CO2e"),
                           range(lo * models::carbon::kCo2PerC, hi * models::carbon::kCo2PerC) });
        t.rows.push_back({ ReportText::tr("Mean annual change"),
                           num(change / span),
                           QStringLiteral("t C/a"),
                           range(lo / span, hi / span) });
        t.emphasisRows.push_back(int(t.rows.size()) - 3);
    }
    const double npv = summaryValue(QStringLiteral("npv_%1_%2")
                                      .arg(years.empty() ? 0 : years.front())
                                      .arg(years.empty() ? 0 : years.back()));
    if (std::isfinite(npv)) {
        t.rows.push_back({ ReportText::tr("Net present value of the change"),
                           num(npv),
                           ReportText::tr("currency units"),
                           QStringLiteral("–") });
    }
    if (m_in.gep) {
        const analysis::Table* totals = m_in.gep->table(QStringLiteral("totals"));
        const long long r = totals ? totals->findRow(QStringLiteral("group"), QStringLiteral("total")) : -1;
        if (r >= 0) {
            t.rows.push_back({ ReportText::tr("Gross ecosystem product (GEP)"),
                               num(money(totals->number(std::size_t(r), QStringLiteral("value_cny"))), 2),
                               moneyUnit(),
                               QStringLiteral("–") });
            t.emphasisRows.push_back(int(t.rows.size()) - 1);
        }
    }
    addTable(s, t);

    // Key changes: the largest gains and losses by ecosystem type.
    addHeading(s, ReportText::tr("Key changes"));
    QStringList changes;
    const analysis::Table* byType = m_in.carbon.table(QStringLiteral("totals_by_ecosystem_type"));
    if (byType && years.size() >= 2) {
        const QString column = QStringLiteral("change_t_%1_%2").arg(years.front()).arg(years.back());
        std::vector<std::pair<double, QString>> v;
        for (std::size_t r = 0; r < byType->rowCount(); ++r) {
            const QString key = byType->value(r, QStringLiteral("ecosystem_type")).toString();
            const double c = byType->number(r, column);
            if (key != QLatin1String("all") && std::isfinite(c)) {
                v.emplace_back(c, key);
            }
        }
        std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        for (std::size_t i = 0; i < v.size() && i < 3 && v[i].first > 0; ++i) {
            changes << ReportText::tr("%1 gained %2 t C (%3 t CO2e) from %4 to %5.")
                         .arg(
                           typeName(v[i].second), num(v[i].first), num(v[i].first * models::carbon::kCo2PerC))
                         .arg(years.front())
                         .arg(years.back());
        }
        for (std::size_t i = v.size(); i-- > 0 && i + 3 >= v.size();) {
            if (v[i].first < 0) {
                changes << ReportText::tr("%1 lost %2 t C from %3 to %4.")
                             .arg(typeName(v[i].second), num(-v[i].first))
                             .arg(years.front())
                             .arg(years.back());
            }
        }
    }
    addBullets(s, changes);

    addHeading(s, ReportText::tr("Checks and flags"));
    QStringList checks;
    addLedgerBullets(checks, m_in.carbon, ReportText::tr("Carbon"));
    if (m_in.gep) {
        addLedgerBullets(checks, *m_in.gep, ReportText::tr("GEP"));
    }
    std::size_t flaggedRows = 0;
    for (const analysis::ParameterRecord& p : m_in.carbon.provenance.parameters) {
        flaggedRows += p.flagged ? 1 : 0;
    }
    const double flaggedParcels = summaryValue(QStringLiteral("parcels_with_flagged_parameters"));
    if (flaggedRows > 0 || flaggedParcels > 0) {
        checks << ReportText::tr(
                    "%1 of %2 parameter rows used are not verified (secondary, unconfirmed or example "
                    "values); %3 parcels use at least one of them. Confirm them before the figures "
                    "are used for a decision (section 3).")
                    .arg(flaggedRows)
                    .arg(m_in.carbon.provenance.parameters.size())
                    .arg(num(flaggedParcels));
    }
    std::size_t warnings = 0;
    for (const analysis::Message& m : m_in.carbon.messages) {
        warnings += m.level != analysis::Message::Level::Info ? 1 : 0;
    }
    if (warnings > 0) {
        checks
          << ReportText::tr("The carbon run reported %1 warnings (listed in the appendix).").arg(warnings);
    }
    const double iterations = summaryValue(QStringLiteral("mc_iterations"));
    if (std::isfinite(iterations)) {
        checks << ReportText::tr(
                    "95 % ranges: 2.5th and 97.5th percentiles of %1 Monte Carlo iterations (seed %2); "
                    "a dash where no parameter the value depends on carries an uncertainty.")
                    .arg(num(iterations))
                    .arg(num(summaryValue(QStringLiteral("mc_seed"))));
    }
    addBullets(s, checks);
    return s;
}

void Builder::addInputs(ReportSection& s) {
    std::vector<const analysis::InputRecord*> inputs;
    std::set<QString> seen;
    auto collect = [&](const analysis::ResultSet& rs) {
        for (const analysis::InputRecord& in : rs.provenance.inputs) {
            if (seen.insert(in.role + QLatin1Char('|') + in.path).second) {
                inputs.push_back(&in);
            }
        }
    };
    collect(m_in.carbon);
    if (m_in.gep) {
        collect(*m_in.gep);
    }
    if (m_in.plan) {
        collect(*m_in.plan);
    }
    ReportTable t;
    t.caption = tableCaption(ReportText::tr("Input data"));
    t.header << ReportText::tr("Role") << ReportText::tr("Layer or file") << ReportText::tr("CRS")
             << ReportText::tr("Resolution") << ReportText::tr("Dates") << ReportText::tr("Size");
    t.widths = { 0.17, 0.20, 0.25, 0.12, 0.10, 0.16 };
    for (const analysis::InputRecord* in : inputs) {
        QString size = in->details;
        if (in->features >= 0) {
            size = ReportText::tr("%1 features").arg(num(double(in->features)));
        }
        t.rows.push_back({ in->role,
                           in->id.isEmpty() ? QFileInfo(in->path).fileName() : in->id,
                           in->crs.isEmpty() ? QStringLiteral("–") : in->crs,
                           in->resolution.isEmpty() ? QStringLiteral("–") : in->resolution,
                           in->dates.isEmpty() ? QStringLiteral("–") : in->dates,
                           size.isEmpty() ? QStringLiteral("–") : size });
    }
    addTable(s, t);

    ReportTable h;
    h.caption = tableCaption(ReportText::tr("Files read and their SHA-256"));
    h.header << ReportText::tr("File") << ReportText::tr("Bytes") << QStringLiteral("SHA-256");
    h.numeric = { false, true, false };
    h.widths = { 0.27, 0.11, 0.62 };
    h.monospace = true;
    for (const analysis::InputRecord* in : inputs) {
        for (const analysis::InputFile& f : in->files) {
            h.rows.push_back({ QFileInfo(f.path).fileName(), num(double(f.bytes)), f.sha256 });
        }
    }
    h.note =
      ReportText::tr("Folders of the files: see the appendix. A file whose hash differs is not the file "
                     "these results were computed from.");
    addTable(s, h);
}

ReportSection Builder::dataSection() {
    ReportSection s;
    s.id = QStringLiteral("data");
    s.title = ReportText::tr("Study area and data");
    if (m_hasProject) {
        addParagraph(
          s,
          ReportText::tr("Project: %1. Coordinate reference system: %2.").arg(m_project.name, m_project.crs));
        if (!m_project.description.isEmpty()) {
            addParagraph(s, m_project.description);
        }
    }
    const analysis::Table* byType = m_in.carbon.table(QStringLiteral("totals_by_ecosystem_type"));
    const std::vector<int> years = carbonYears();
    if (byType && !years.empty()) {
        ReportTable t;
        t.caption = tableCaption(ReportText::tr("Ecosystem extent by date (ha)"));
        t.header << ReportText::tr("Ecosystem type");
        for (const int y : years) {
            t.header << QString::number(y);
        }
        t.header << ReportText::tr("Share %1 (%)").arg(years.back());
        t.numeric.assign(std::size_t(t.header.size()), true);
        t.numeric[0] = false;
        t.widths.assign(std::size_t(t.header.size()), 0.7 / double(years.size() + 1));
        t.widths[0] = 0.3;
        const long long allRow = byType->findRow(QStringLiteral("ecosystem_type"), QStringLiteral("all"));
        const QString lastArea = QStringLiteral("area_ha_%1").arg(years.back());
        const double total = allRow >= 0 ? byType->number(std::size_t(allRow), lastArea) : kNaN;
        for (std::size_t r = 0; r < byType->rowCount(); ++r) {
            const QString key = byType->value(r, QStringLiteral("ecosystem_type")).toString();
            QStringList row{ typeName(key) };
            for (const int y : years) {
                row << num(byType->number(r, QStringLiteral("area_ha_%1").arg(y)), 1);
            }
            row << num(100.0 * byType->number(r, lastArea) / total, 1);
            if (key == QLatin1String("all")) {
                t.emphasisRows.push_back(int(t.rows.size()));
            }
            t.rows.push_back(row);
        }
        t.note =
          ReportText::tr("Area whose carbon stock is counted at each date, after overlaps between layers are "
                         "removed; a parcel's type may change between dates.");
        addTable(s, t);
    }
    addHeading(s, ReportText::tr("Data"));
    addInputs(s);
    return s;
}

ReportSection Builder::methodsSection() {
    ReportSection s;
    s.id = QStringLiteral("methods");
    s.title = ReportText::tr("Methods and parameters");
    addParagraph(
      s,
      ReportText::tr("Each parcel's carbon is computed by the methods the project assigns to its "
                     "ecosystem type; the first method of a type gives its totals. Stocks are in "
                     "tonnes of carbon (t C); a change in t CO2e is the change in t C × 44/12 "
                     "(carbon-methods.md §0). Where parcel layers overlap, the ground counts once, "
                     "for the layer of highest precedence."));
    QStringList formulas;
    const analysis::Table* byMethod = m_in.carbon.table(QStringLiteral("totals_by_method"));
    if (byMethod) {
        for (std::size_t r = 0; r < byMethod->rowCount(); ++r) {
            const QString m = byMethod->value(r, QStringLiteral("method")).toString();
            if (m == QLatin1String("all")) {
                continue;
            }
            formulas << ReportText::tr("%1 (%2 parcels, %3 ha): %4")
                          .arg(methodName(m),
                               num(byMethod->number(r, QStringLiteral("parcels"))),
                               num(byMethod->number(r, QStringLiteral("area_ha")), 1),
                               methodFormula(m));
        }
    }
    formulas << ReportText::tr("Stock change between two dates: stock(t2) − stock(t1) (stock-difference, "
                               "carbon-methods.md §3.2); transfers between ecosystem types are shown in the "
                               "ledger check.");
    if (std::isfinite(summaryValue(QStringLiteral("valuation_constant")))) {
        formulas << ReportText::tr(
          "Value: net present value of the change at the project's price, discount rate "
          "and price change (InVEST valuation, carbon-methods.md §1.3).");
    }
    if (std::isfinite(summaryValue(QStringLiteral("mc_iterations")))) {
        formulas << ReportText::tr(
          "Uncertainty: Monte Carlo propagation of the parameters' uncertainties, one draw "
          "per parameter per iteration shared by all parcels (IPCC Approach 2, "
          "carbon-methods.md §6.2).");
    }
    addBullets(s, formulas);

    addHeading(s, ReportText::tr("Parameter rows used"));
    ReportTable t;
    t.caption = tableCaption(ReportText::tr("Parameter rows used by the carbon run"));
    t.header << ReportText::tr("Table, row") << ReportText::tr("Key") << ReportText::tr("Values")
             << ReportText::tr("Evidence") << ReportText::tr("Source") << ReportText::tr("Flag")
             << ReportText::tr("Parcels");
    t.numeric = { false, false, false, false, false, false, true };
    t.widths = { 0.12, 0.08, 0.29, 0.08, 0.29, 0.08, 0.06 };
    std::size_t flagged = 0;
    for (const analysis::ParameterRecord& p : m_in.carbon.provenance.parameters) {
        flagged += p.flagged ? 1 : 0;
        t.rows.push_back({ QStringLiteral("%1:%2").arg(QFileInfo(p.file).fileName()).arg(p.row),
                           p.key,
                           p.values.isEmpty() ? QStringLiteral("–") : p.values,
                           tagName(p.tag),
                           p.source.isEmpty() ? QStringLiteral("–") : p.source,
                           p.flagged ? ReportText::tr("to confirm") : QString(),
                           p.uses > 0 ? num(double(p.uses)) : QStringLiteral("–") });
    }
    t.note =
      ReportText::tr("%1 of %2 rows are flagged: secondary, unconfirmed or example values that must be "
                     "confirmed before the results are used.")
        .arg(flagged)
        .arg(t.rows.size());
    addTable(s, t);
    return s;
}

ReportSection Builder::carbonResultsSection() {
    ReportSection s;
    s.id = QStringLiteral("carbon");
    s.title = ReportText::tr("Carbon results");
    const std::vector<int> years = carbonYears();
    const analysis::Table* byType = m_in.carbon.table(QStringLiteral("totals_by_ecosystem_type"));
    if (byType) {
        ReportTable t =
          totalsTable(*byType, QStringLiteral("ecosystem_type"), ReportText::tr("Ecosystem type"), &typeName);
        t.caption = tableCaption(ReportText::tr("Carbon by ecosystem type"));
        addTable(s, t);
    }
    const analysis::Table* byDistrict = m_in.carbon.table(QStringLiteral("totals_by_district"));
    if (byDistrict && !byDistrict->columns.empty()) {
        const QString key = byDistrict->columns.front().name;
        ReportTable t = totalsTable(*byDistrict, key, ReportText::tr("District"), nullptr);
        t.caption = tableCaption(ReportText::tr("Carbon by district"));
        addTable(s, t);
    }
    const analysis::Table* byMethod = m_in.carbon.table(QStringLiteral("totals_by_method"));
    if (byMethod) {
        ReportTable t =
          totalsTable(*byMethod, QStringLiteral("method"), ReportText::tr("Method"), &methodName);
        t.caption =
          tableCaption(ReportText::tr("Carbon by method (a parcel counts once per method that computes it)"));
        addTable(s, t);
    }
    if (!byType || years.empty()) {
        return s;
    }
    // Stock per date, stacked by ecosystem type, with the total's 95 % range.
    if (m_in.charts) {
        ChartSpec c = stockByTypeChart(m_in.carbon);
        c.locale = m_locale;
        addFigure(
          s,
          renderChart(c,
                      figureCaption(ReportText::tr("Carbon stock per date by ecosystem type; the bar on "
                                                   "a total is its 95 % range where computed."))));
    }
    addPoolTotals(s);
    if (years.size() >= 2) {
        const QString iv = QStringLiteral("%1_%2").arg(years.front()).arg(years.back());
        ChartSpec c = changeByTypeChart(m_in.carbon, /*co2e*/ false);
        c.locale = m_locale;
        addFigure(
          s,
          renderChart(c,
                      figureCaption(ReportText::tr("Stock change by ecosystem type, with the 95 % range "
                                                   "where computed."))));

        // Top parcels by change (primary rows), from the table in memory or else the run's parcels.gpkg.
        const analysis::Table* parcels = m_in.carbon.table(QStringLiteral("parcels"));
        std::function<QVariant(std::size_t, const QString&)> cell;
        std::size_t count = 0;
        std::shared_ptr<const render::VectorSource> src;
        if (parcels && !parcels->rows.empty()) {
            count = parcels->rowCount();
            cell = [parcels](std::size_t r, const QString& c) { return parcels->value(r, c); };
        } else if ((src = parcelSource())) {
            count = src->size();
            cell = [src](std::size_t r, const QString& c) {
                const int f = src->fieldIndex(c);
                return f < 0 ? QVariant() : src->attribute(r, f);
            };
        }
        struct Top {
            double change;
            std::size_t row;
        };
        std::vector<Top> top;
        const QString changeColumn = QStringLiteral("change_t_") + iv;
        for (std::size_t r = 0; r < count; ++r) {
            const QVariant primary = cell(r, QStringLiteral("primary"));
            if (!primary.isNull() && primary.toInt() != 1) {
                continue;
            }
            const QVariant v = cell(r, changeColumn);
            if (!v.isNull()) {
                top.push_back({ v.toDouble(), r });
            }
        }
        const std::size_t n = std::min<std::size_t>(10, top.size());
        std::partial_sort(top.begin(), top.begin() + long(n), top.end(), [](const Top& x, const Top& y) {
            return x.change > y.change;
        });
        top.resize(n);
        if (!top.empty()) {
            ReportTable t;
            t.caption = tableCaption(ReportText::tr("The %1 parcels with the largest stock gain %2–%3")
                                       .arg(n)
                                       .arg(years.front())
                                       .arg(years.back()));
            t.header << ReportText::tr("Layer") << ReportText::tr("Parcel")
                     << ReportText::tr("Ecosystem type") << ReportText::tr("District")
                     << ReportText::tr("Method") << ReportText::tr("Area (ha)")
                     << ReportText::tr("Change (t C)") << ReportText::tr("Change (t C/ha)");
            t.numeric = { false, false, false, false, false, true, true, true };
            t.widths = { 0.13, 0.1, 0.12, 0.1, 0.19, 0.11, 0.13, 0.12 };
            ChartSpec c2;
            c2.locale = m_locale;
            c2.title = ReportText::tr("The %1 parcels with the largest stock gain %2–%3")
                         .arg(n)
                         .arg(years.front())
                         .arg(years.back());
            c2.valueAxisTitle = QStringLiteral("t C");
            c2.thousandsAxisTitle = ReportText::tr("thousand t C");
            c2.horizontal = true;
            ChartSpec::Series bars{ ReportText::tr("Change"), QColor(QStringLiteral("#00796b")), {} };
            for (auto it = top.rbegin(); it != top.rend(); ++it) {
                c2.categories << cell(it->row, QStringLiteral("id")).toString();
                bars.values.push_back(it->change);
            }
            c2.series.push_back(bars);
            c2.heightMm = 20 + 6 * double(n);
            for (const Top& x : top) {
                const double a = cell(x.row, QStringLiteral("area_ha")).toDouble();
                t.rows.push_back({ cell(x.row, QStringLiteral("layer")).toString(),
                                   cell(x.row, QStringLiteral("id")).toString(),
                                   typeName(cell(x.row, QStringLiteral("ecosystem_type")).toString()),
                                   cell(x.row, QStringLiteral("district")).toString(),
                                   methodName(cell(x.row, QStringLiteral("method")).toString()),
                                   num(a, 2),
                                   num(x.change, 1),
                                   num(x.change / a, 2) });
            }
            if (m_in.charts) {
                addFigure(
                  s, renderChart(c2, figureCaption(ReportText::tr("Parcels with the largest stock gain."))));
            }
            addTable(s, t);
        }
    }
    return s;
}

/// Stock by pool per date (issue 14): the run's totals_by_pool as a table and stacked bars, with the
/// total's 95 % range where the run computed it.
void Builder::addPoolTotals(ReportSection& s) {
    const analysis::Table* byPool = m_in.carbon.table(QStringLiteral("totals_by_pool"));
    if (!byPool || byPool->rowCount() == 0) {
        return;
    }
    // The chart's series are the table's pools (ResultChartData.h), one value per date.
    ChartSpec c = stockByPoolChart(m_in.carbon);
    c.locale = m_locale;
    ReportTable t;
    t.caption = tableCaption(ReportText::tr("Carbon stock by pool per date (t C)"));
    t.header << ReportText::tr("Date");
    for (const ChartSpec::Series& p : c.series) {
        t.header << p.name;
    }
    t.header << ReportText::tr("Total");
    t.numeric.assign(std::size_t(t.header.size()), true);
    t.numeric.front() = false;
    t.widths.assign(std::size_t(t.header.size()), 0.88 / double(t.header.size() - 1));
    t.widths.front() = 0.12;
    for (std::size_t r = 0; r < byPool->rowCount() && int(r) < c.categories.size(); ++r) {
        QStringList row{ c.categories[int(r)] };
        for (const ChartSpec::Series& p : c.series) {
            row << num(p.values[r]);
        }
        row << num(byPool->number(r, QStringLiteral("c_total_t")));
        t.rows.push_back(row);
    }
    t.note = ReportText::tr("Accounted parts of the primary results, as in the other totals; the pools add "
                            "up to the stock of each date (ledger check).");
    if (m_in.charts) {
        addFigure(
          s,
          renderChart(c,
                      figureCaption(ReportText::tr("Carbon stock per date by pool; the bar on a total "
                                                   "is its 95 % range where computed."))));
    }
    addTable(s, t);
}

ReportSection Builder::gepSection() {
    ReportSection s;
    s.id = QStringLiteral("gep");
    s.title = ReportText::tr("Gross ecosystem product (GEP)");
    const analysis::ResultSet& g = *m_in.gep;
    const analysis::Table* settings = g.table(QStringLiteral("run_settings"));
    auto setting = [&](const QString& key) {
        const long long r = settings ? settings->findRow(QStringLiteral("key"), key) : -1;
        return r < 0 ? QString() : settings->value(std::size_t(r), QStringLiteral("value")).toString();
    };
    const QString profile = setting(QStringLiteral("profile"));
    const QString priceYear = setting(QStringLiteral("price_year"));
    const QString index = setting(QStringLiteral("price_index"));
    addParagraph(
      s,
      ReportText::tr("GEP is the value of the final ecosystem services of the year: physical quantity × "
                     "unit price per indicator (gep-methods.md §2, §4). Accounting profile: %1; price "
                     "set: %2; prices of %3; price index: %4 (gep-methods.md §5.3). Values in %5.")
        .arg(profile.isEmpty() ? QStringLiteral("–") : profile,
             setting(QStringLiteral("price_set")).isEmpty() ? QStringLiteral("–")
                                                            : setting(QStringLiteral("price_set")),
             priceYear.isEmpty() ? QStringLiteral("–") : priceYear,
             index.isEmpty() ? QStringLiteral("–") : index,
             moneyUnit()));
    const analysis::Table* totals = g.table(QStringLiteral("totals"));
    if (totals) {
        auto groupTable = [&](const QString& group,
                              const QString& caption,
                              const QString& keyTitle,
                              QString (*name)(const QString&)) {
            ReportTable t;
            t.caption = tableCaption(caption);
            t.header << keyTitle << ReportText::tr("Value (%1)").arg(moneyUnit())
                     << ReportText::tr("Share (%)");
            t.numeric = { false, true, true };
            t.widths = { 0.5, 0.3, 0.2 };
            for (std::size_t r = 0; r < totals->rowCount(); ++r) {
                const QString grp = totals->value(r, QStringLiteral("group")).toString();
                if (grp != group && !(group == QLatin1String("service") &&
                                      (grp == QLatin1String("category") || grp == QLatin1String("total") ||
                                       grp == QLatin1String("emission")))) {
                    continue;
                }
                const QString key = totals->value(r, QStringLiteral("key")).toString();
                if (grp == QLatin1String("total") || grp == QLatin1String("category")) {
                    t.emphasisRows.push_back(int(t.rows.size()));
                }
                t.rows.push_back({ name                                  ? name(key)
                                   : group == QLatin1String("ecosystem") ? gepEcosystemName(key)
                                                                         : key,
                                   num(money(totals->number(r, QStringLiteral("value_cny"))), 2),
                                   num(totals->number(r, QStringLiteral("share_pct")), 1) });
            }
            addTable(s, t);
        };
        groupTable(QStringLiteral("service"),
                   ReportText::tr("GEP by service"),
                   ReportText::tr("Service"),
                   &serviceName);
        if (m_in.charts) {
            GepChartOptions options;
            options.chinese = zh();
            options.scale = { zh() ? 1e8 : 1e6, moneyUnit() };
            ChartSpec c = gepByServiceChart(g, /*stacked*/ false, options);
            c.locale = m_locale;
            c.valueAxisTitle = moneyUnit();
            addFigure(s,
                      renderChart(c, figureCaption(ReportText::tr("GEP by service (%1).").arg(moneyUnit()))));
        }
        groupTable(QStringLiteral("ecosystem"),
                   ReportText::tr("GEP by ecosystem"),
                   ReportText::tr("Ecosystem"),
                   nullptr);
        groupTable(
          QStringLiteral("district"), ReportText::tr("GEP by district"), ReportText::tr("District"), nullptr);
    }
    const analysis::Table* prices = g.table(QStringLiteral("prices_used"));
    if (prices) {
        ReportTable t;
        t.caption = tableCaption(ReportText::tr("Prices used"));
        t.header << ReportText::tr("Price") << ReportText::tr("Value") << ReportText::tr("Unit")
                 << ReportText::tr("Price year") << ReportText::tr("Source") << ReportText::tr("Evidence")
                 << ReportText::tr("Flag");
        t.numeric = { false, true, false, true, false, false, false };
        t.widths = { 0.16, 0.09, 0.11, 0.08, 0.37, 0.1, 0.09 };
        for (std::size_t r = 0; r < prices->rowCount(); ++r) {
            const QString tag = prices->value(r, QStringLiteral("tag")).toString();
            const bool flag = tag != QLatin1String("verified") && tag != QLatin1String("user");
            t.rows.push_back({ prices->value(r, QStringLiteral("key")).toString(),
                               m_locale.toString(prices->number(r, QStringLiteral("value")), 'g', 6),
                               prices->value(r, QStringLiteral("unit")).toString(),
                               prices->value(r, QStringLiteral("price_year")).toString(),
                               prices->value(r, QStringLiteral("source")).toString(),
                               tagName(tag),
                               flag ? ReportText::tr("to confirm") : QString() });
        }
        addTable(s, t);
    }
    return s;
}

namespace {

/// Loads a polygon layer for a map, or null (the problem goes to `problems`).
std::shared_ptr<const render::VectorSource> loadVector(const QString& path,
                                                       const gis::Crs& crs,
                                                       QStringList& problems) {
    try {
        return render::VectorSource::load(path.toStdString(), {}, crs);
    } catch (const gis::GisError& e) {
        problems << QString::fromStdString(e.what());
        return nullptr;
    }
}

/// A graduated layer of `field`: the style the result GeoPackages carry for QGIS
/// (render::resultLayerStyle: natural breaks, the carbon or the diverging ramp), so the report's maps
/// and the layers a user opens agree.
render::MapLayer graduatedLayer(const std::shared_ptr<const render::VectorSource>& source,
                                const QString& field,
                                bool change,
                                int decimals) {
    render::MapLayer layer;
    layer.id = field;
    layer.vector = source;
    std::vector<double> values;
    const int f = source->fieldIndex(field);
    for (std::size_t i = 0; f >= 0 && i < source->size(); ++i) {
        const QVariant& v = source->attribute(i, f);
        if (!v.isNull()) {
            values.push_back(v.toDouble());
        }
    }
    layer.vectorStyle = render::resultLayerStyle(field, values, change, 5, decimals);
    return layer;
}

} // namespace

ReportSection Builder::planSection() {
    ReportSection s;
    s.id = QStringLiteral("plan");
    s.title = ReportText::tr("Restoration plan against the baseline");
    const analysis::ResultSet& plan = *m_in.plan;
    const analysis::Table* settings = plan.table(QStringLiteral("plan_settings"));
    const analysis::Table* parcels = plan.table(QStringLiteral("plan_parcels"));
    const analysis::Table* totals = plan.table(QStringLiteral("plan_totals"));
    const analysis::Table* gepParcels = plan.table(QStringLiteral("plan_gep_parcels"));
    const QString horizon = settingOf(settings, QStringLiteral("horizon_year"));
    const QString description = settingOf(settings, QStringLiteral("description"));
    addParagraph(
      s,
      ReportText::tr("Plan %1%2: its parcels take the target ecosystem type from the start year "
                     "on and are compared with the baseline in %3 (tanhui-cli plan, run folder %4; "
                     "docs/carbon-project.md \"Restoration plans\"). Every difference below is plan "
                     "minus baseline, read from the plan run's tables.")
        .arg(settingOf(settings, QStringLiteral("plan")),
             description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description),
             horizon,
             QDir::toNativeSeparators(m_in.planDir)));
    addParagraph(s,
                 ReportText::tr("Baseline after the last carbon date (%1): each parcel keeps its stock up to "
                                "the horizon; a planted parcel keeps that stock and adds the planting's "
                                "accrual (mangrove: carbon-methods.md §4 restoration; forest types: a young "
                                "planting, §3.2).")
                   .arg(settingOf(settings, QStringLiteral("last_carbon_year"))));

    // Carbon by pool and in total, with the bounds of the per-iteration sums.
    if (totals) {
        ReportTable t;
        t.caption = tableCaption(
          ReportText::tr("Carbon difference in %1 by pool, plan minus baseline (t C; 95 % range)")
            .arg(horizon));
        t.header << ReportText::tr("Pool") << ReportText::tr("Difference (t C)")
                 << ReportText::tr("Difference (t CO2e)") << ReportText::tr("95 % range (t C)")
                 << ReportText::tr("Parcels") << ReportText::tr("Area (ha)");
        t.numeric = { false, true, true, true, true, true };
        t.widths = { 0.22, 0.16, 0.16, 0.22, 0.1, 0.14 };
        for (std::size_t r = 0; r < totals->rowCount(); ++r) {
            const QString q = totals->value(r, QStringLiteral("quantity")).toString();
            const bool total = q == QLatin1String("total");
            if (total) {
                t.emphasisRows.push_back(int(t.rows.size()));
            }
            t.rows.push_back({ total ? ReportText::tr("Total") : poolName(q),
                               num(cellOf(totals, r, QStringLiteral("diff_t"))),
                               num(cellOf(totals, r, QStringLiteral("diff_co2e_t"))),
                               range(cellOf(totals, r, QStringLiteral("diff_p2_5_t")),
                                     cellOf(totals, r, QStringLiteral("diff_p97_5_t"))),
                               num(cellOf(totals, r, QStringLiteral("parcels"))),
                               num(cellOf(totals, r, QStringLiteral("area_ha")), 1) });
        }
        t.note = ReportText::tr("The total's range: percentiles of the per-iteration sums of the parcels' "
                                "differences; the pools have no range of their own.");
        addTable(s, t);
    }
    // Carbon by change of type (baseline type → target type).
    if (parcels && parcels->rowCount() > 0) {
        struct Group {
            int parcels = 0;
            double areaHa = 0, diffT = 0;
        };
        std::map<std::pair<QString, QString>, Group> groups;
        for (std::size_t r = 0; r < parcels->rowCount(); ++r) {
            Group& g = groups[{ parcels->value(r, QStringLiteral("baseline_type")).toString(),
                                parcels->value(r, QStringLiteral("target_type")).toString() }];
            ++g.parcels;
            g.areaHa += plantedHaOf(parcels, r);
            g.diffT += cellOf(parcels, r, QStringLiteral("diff_total_t"));
        }
        ReportTable t;
        t.caption = tableCaption(
          ReportText::tr("Carbon difference in %1 by change of ecosystem type (t C)").arg(horizon));
        t.header << ReportText::tr("Baseline type") << ReportText::tr("Target type")
                 << ReportText::tr("Parcels") << ReportText::tr("Area (ha)")
                 << ReportText::tr("Difference (t C)");
        t.numeric = { false, false, true, true, true };
        t.widths = { 0.26, 0.26, 0.12, 0.16, 0.2 };
        for (const auto& [key, g] : groups) {
            t.rows.push_back({ key.first.isEmpty() ? QStringLiteral("–") : typeName(key.first),
                               typeName(key.second),
                               QString::number(g.parcels),
                               num(g.areaHa, 1),
                               num(g.diffT) });
        }
        addTable(s, t);
    }

    addPlanGep(s, horizon);

    // The parcels with the largest difference (GEP when valued, else carbon), and the map of it.
    const std::vector<PlanDiff> all = planDiffs(parcels, gepParcels);
    const bool byGep = gepParcels != nullptr;
    addPlanTopParcels(s, all, byGep);
    addPlanMap(s, all, byGep, horizon);
    return s;
}

/// The plan section's GEP by service (plan against baseline, with the bounds of the carbon-dependent
/// services and the total), its chart and the project totals; nothing without a GEP valuation.
void Builder::addPlanGep(ReportSection& s, const QString& horizon) {
    const analysis::ResultSet& plan = *m_in.plan;
    const analysis::Table* settings = plan.table(QStringLiteral("plan_settings"));
    const analysis::Table* gepServices = plan.table(QStringLiteral("plan_gep_services"));
    if (!gepServices) {
        return;
    }
    ReportTable t;
    t.caption = tableCaption(
      ReportText::tr("GEP of the planted parcels by service: plan against baseline (%1 per year; 95 % range)")
        .arg(moneyUnit()));
    t.header << ReportText::tr("Service") << ReportText::tr("Baseline") << ReportText::tr("Plan")
             << ReportText::tr("Difference") << ReportText::tr("95 % range");
    t.numeric = { false, true, true, true, true };
    t.widths = { 0.3, 0.15, 0.15, 0.15, 0.25 };
    for (std::size_t r = 0; r < gepServices->rowCount(); ++r) {
        const QString key = gepServices->value(r, QStringLiteral("service")).toString();
        const double diff = cellOf(gepServices, r, QStringLiteral("diff_cny"));
        const bool total = key == QLatin1String("total");
        const bool emission = key == QLatin1String("carbon_emission");
        if (!total && !emission && diff == 0) {
            continue; // services the plan does not change
        }
        if (total) {
            t.emphasisRows.push_back(int(t.rows.size()));
        }
        const QString name = total      ? ReportText::tr("GEP total")
                             : emission ? ReportText::tr("Net carbon source (next to GEP, not in it)")
                                        : serviceName(key);
        t.rows.push_back({ name,
                           num(money(cellOf(gepServices, r, QStringLiteral("baseline_cny"))), 4),
                           num(money(cellOf(gepServices, r, QStringLiteral("plan_cny"))), 4),
                           num(money(diff), 4),
                           range(money(cellOf(gepServices, r, QStringLiteral("diff_p2_5_cny"))),
                                 money(cellOf(gepServices, r, QStringLiteral("diff_p97_5_cny"))),
                                 4) });
    }
    t.note =
      ReportText::tr(
        "GEP of the accounting year %1 (the baseline GEP run's year, its rasters, prices and profile) "
        "with the plan's ecosystem types and the baseline's carbon flux plus the planting's mean accrual "
        "to %2. Ranges: the accrual's Monte Carlo draws valued again, differences summed per iteration; "
        "services that do not depend on the accrual have none.")
        .arg(settingOf(settings, QStringLiteral("gep_accounting_year")), horizon);
    addTable(s, t);
    // The chart the app's Result Charts draw (report::planGepChart), in the report's money unit.
    GepChartOptions options;
    options.chinese = zh();
    options.scale = { zh() ? 1e8 : 1e6, moneyUnit() };
    ChartSpec c = planGepChart(plan, options);
    c.locale = m_locale;
    if (m_in.charts && !c.categories.isEmpty()) {
        addFigure(s,
                  renderChart(c,
                              figureCaption(ReportText::tr("GEP difference by service, plan minus baseline "
                                                           "(%1 per year).")
                                              .arg(moneyUnit()))));
    }
    const QString baseTotal = settingOf(settings, QStringLiteral("gep_baseline_total"));
    const QString planTotal = settingOf(settings, QStringLiteral("gep_plan_total"));
    if (!baseTotal.isEmpty() && !planTotal.isEmpty()) {
        addParagraph(s,
                     ReportText::tr("GEP of the whole project: baseline %1, with the plan %2.")
                       .arg(moneyText(baseTotal.toDouble()), moneyText(planTotal.toDouble())));
    }
}

/// The plan section's table of the ten planted parcels with the largest difference (GEP when valued,
/// else carbon).
void Builder::addPlanTopParcels(ReportSection& s, const std::vector<PlanDiff>& all, bool byGep) {
    auto key = [byGep](const PlanDiff& d) {
        const double v = byGep ? d.gep : d.carbonT;
        return std::isfinite(v) ? v : 0.0;
    };
    const double parcelScale = zh() ? 1e4 : 1e3; // 万元 / thousand CNY
    const QString parcelUnit = zh() ? ReportText::tr("10,000 CNY") : ReportText::tr("thousand CNY");
    std::vector<PlanDiff> top = all;
    const std::size_t n = std::min<std::size_t>(10, top.size());
    std::partial_sort(
      top.begin(), top.begin() + long(n), top.end(), [&](const PlanDiff& a, const PlanDiff& b) {
          return std::abs(key(a)) > std::abs(key(b));
      });
    top.resize(n);
    if (!top.empty()) {
        ReportTable t;
        t.caption = tableCaption(
          byGep
            ? ReportText::tr("The %1 parcels with the largest GEP difference (carbon in t C; GEP in %2 per "
                             "year)")
                .arg(n)
                .arg(parcelUnit)
            : ReportText::tr("The %1 parcels with the largest carbon difference (t C)").arg(n));
        t.header << ReportText::tr("Parcel") << ReportText::tr("Change") << ReportText::tr("Area (ha)")
                 << ReportText::tr("Carbon") << ReportText::tr("95 % range");
        t.numeric = { false, false, true, true, true };
        if (byGep) {
            t.header << ReportText::tr("GEP") << ReportText::tr("95 % range");
            t.numeric.push_back(true);
            t.numeric.push_back(true);
            t.widths = { 0.12, 0.24, 0.08, 0.1, 0.16, 0.1, 0.2 };
        } else {
            t.widths = { 0.16, 0.32, 0.12, 0.16, 0.24 };
        }
        for (const PlanDiff& d : top) {
            QStringList row{ d.id,
                             QStringLiteral("%1 → %2").arg(
                               d.from.isEmpty() ? QStringLiteral("–") : typeName(d.from), typeName(d.to)),
                             num(d.areaHa, 1),
                             num(d.carbonT),
                             range(d.carbonLo, d.carbonHi) };
            if (byGep) {
                row << num(d.gep / parcelScale, 2) << range(d.gepLo / parcelScale, d.gepHi / parcelScale, 2);
            }
            t.rows.push_back(row);
        }
        addTable(s, t);
    }
}

/// The plan section's map of every planted parcel's difference (GEP when valued, else carbon; red: loss,
/// green: gain), the other parcels grey.
void Builder::addPlanMap(ReportSection& s,
                         const std::vector<PlanDiff>& all,
                         bool byGep,
                         const QString& horizon) {
    if (!m_in.maps || !m_hasProject || all.empty()) {
        return;
    }
    auto key = [byGep](const PlanDiff& d) {
        const double v = byGep ? d.gep : d.carbonT;
        return std::isfinite(v) ? v : 0.0;
    };
    const double parcelScale = zh() ? 1e4 : 1e3; // 万元 / thousand CNY
    const QString parcelUnit = zh() ? ReportText::tr("10,000 CNY") : ReportText::tr("thousand CNY");
    const gis::Crs crs = mapCrs();
    QStringList problems;
    std::vector<double> values;
    for (const PlanDiff& d : all) {
        values.push_back(byGep ? key(d) / parcelScale : key(d));
    }
    const auto ranges = render::graduatedRanges(values,
                                                std::min<int>(6, int(values.size())),
                                                render::ClassMethod::Quantile,
                                                render::ColorRamp::named(QStringLiteral("diverging")),
                                                byGep ? 2 : 0,
                                                /*symmetricAroundZero*/ true);
    std::set<QString> layerIds;
    for (const PlanDiff& d : all) {
        layerIds.insert(d.layer);
    }
    std::vector<render::MapLayer> layers;
    for (const QString& id : layerIds) {
        const models::ProjectLayer* pl = m_project.layer(id);
        if (!pl || pl->idField.isEmpty()) {
            problems << ReportText::tr("%1 is not a parcel layer of the project with an id field").arg(id);
            continue;
        }
        auto src = loadVector(m_project.resolve(pl->path), crs, problems);
        if (!src) {
            continue;
        }
        // Each planted parcel gets the class colour of its difference (categories by the layer's id
        // field); the others are drawn grey.
        render::MapLayer layer;
        layer.id = id;
        layer.vector = src;
        layer.vectorStyle.kind = render::VectorStyle::Kind::Categorized;
        layer.vectorStyle.field = pl->idField;
        layer.vectorStyle.drawOthers = true;
        layer.vectorStyle.symbol.fill = QColor(235, 235, 235);
        layer.vectorStyle.symbol.stroke = QColor(150, 150, 150, 120);
        layer.vectorStyle.symbol.strokeWidthMm = 0.03;
        for (const PlanDiff& d : all) {
            if (d.layer != id) {
                continue;
            }
            const double v = byGep ? key(d) / parcelScale : key(d);
            for (std::size_t i = 0; i < ranges.size(); ++i) {
                if ((v > ranges[i].lower || i == 0) && (v <= ranges[i].upper || i + 1 == ranges.size())) {
                    render::VectorCategory cat;
                    cat.value = d.id;
                    cat.label = d.id;
                    cat.symbol = ranges[i].symbol;
                    cat.symbol.strokeWidthMm = 0.03;
                    cat.symbol.stroke = QColor(90, 90, 90, 120);
                    layer.vectorStyle.categories.push_back(cat);
                    break;
                }
            }
        }
        layers.push_back(std::move(layer));
    }
    if (!layers.empty()) {
        std::vector<render::LegendItem> legend;
        for (const render::VectorRange& r : ranges) {
            legend.push_back({ r.label, r.symbol.fill, r.symbol.stroke, false, {}, 0, 0 });
        }
        legend.push_back({ ReportText::tr("not in the plan"),
                           QColor(235, 235, 235),
                           QColor(150, 150, 150),
                           false,
                           {},
                           0,
                           0 });
        const QString unit = byGep ? ReportText::tr("%1/a").arg(parcelUnit) : ReportText::tr("t C");
        addFigure(
          s,
          renderMapFigure(
            { { byGep ? ReportText::tr("GEP difference, plan − baseline")
                      : ReportText::tr("Carbon difference, plan − baseline"),
                layers } },
            crs,
            ReportText::tr("Difference (%1)").arg(unit),
            legend,
            figureCaption(byGep ? ReportText::tr("GEP difference per parcel, plan minus baseline (%1 per "
                                                 "year; red: loss, green: gain).")
                                    .arg(parcelUnit)
                                : ReportText::tr("Carbon difference per parcel in %1, plan minus baseline "
                                                 "(t C; red: loss, green: gain).")
                                    .arg(horizon)),
            ReportText::tr("m")));
    }
    if (!problems.isEmpty()) {
        addParagraph(s, ReportText::tr("Not drawn: %1").arg(problems.join(QStringLiteral("; "))));
    }
}

ReportSection Builder::mapsSection(gis::Feedback* feedback) {
    ReportSection s;
    s.id = QStringLiteral("maps");
    s.title = ReportText::tr("Maps");
    if (!m_in.maps) {
        return s;
    }
    const gis::Crs crs = mapCrs();
    QStringList problems;
    // District outlines drawn over every map.
    std::vector<render::MapLayer> overlay;
    if (m_hasProject) {
        for (const models::ProjectLayer* l : m_project.layersWithRole(QStringLiteral("districts"))) {
            // The workspace's district style (outline, labels), read with the layer's encoding.
            try {
                render::MapLayer layer = render::projectLayoutLayer(m_project, *l, crs, m_in.language).map;
                layer.vectorStyle.labelSizePt = 7;
                overlay.push_back(std::move(layer));
            } catch (const gis::GisError& e) {
                problems << QString::fromStdString(e.what());
            }
        }
    }
    auto withOverlay = [&](std::vector<render::MapLayer> layers) {
        layers.insert(layers.end(), overlay.begin(), overlay.end());
        return layers;
    };
    const QString language = m_in.language;
    const QString metre = ReportText::tr("m");

    // Land cover per date.
    if (m_hasProject && !m_project.classes.empty()) {
        std::vector<MapPanel> panels;
        std::vector<const models::ProjectLayer*> dates =
          m_project.layersWithRole(QStringLiteral("landcover"));
        if (dates.size() > 4) {
            dates.erase(dates.begin() + 1, dates.end() - 3); // the first and the last three dates
        }
        for (const models::ProjectLayer* l : dates) {
            try {
                // The project's class colours and names (render::LayerStyler), as on the canvas.
                render::MapLayer layer = render::projectLayoutLayer(m_project, *l, crs, language).map;
                panels.push_back({ ReportText::tr("Land cover %1").arg(l->year), withOverlay({ layer }) });
            } catch (const gis::GisError& e) {
                problems << QString::fromStdString(e.what());
            }
        }
        if (!panels.empty()) {
            std::vector<render::LegendItem> legend;
            render::MapLayer first = panels.front().layers.front();
            legend = render::legendItems(first, language);
            addFigure(
              s,
              renderMapFigure(panels,
                              crs,
                              ReportText::tr("Land cover"),
                              legend,
                              figureCaption(ReportText::tr("Land cover per date (the project's land-cover "
                                                           "rasters) with district boundaries.")),
                              metre));
        }
    }
    if (feedback) {
        feedback->throwIfCancelled();
    }
    // Carbon density and change from the run's parcels GeoPackage.
    const std::vector<int> years = carbonYears();
    if (!years.empty()) {
        if (auto src = parcelSource()) {
            const QString densityField = QStringLiteral("c_total_t_per_ha_%1").arg(years.back());
            if (src->fieldIndex(densityField) >= 0) {
                render::MapLayer layer = graduatedLayer(src, densityField, false, 0);
                addFigure(
                  s,
                  renderMapFigure(
                    { { ReportText::tr("Carbon density %1").arg(years.back()), withOverlay({ layer }) } },
                    crs,
                    ReportText::tr("Carbon density (t C/ha)"),
                    render::legendItems(layer, language),
                    figureCaption(ReportText::tr("Carbon density of the parcels in %1 (t C/ha, "
                                                 "quantile classes).")
                                    .arg(years.back())),
                    metre));
            }
            if (years.size() >= 2) {
                const QString changeField =
                  QStringLiteral("change_t_per_yr_%1_%2").arg(years.front()).arg(years.back());
                if (src->fieldIndex(changeField) >= 0) {
                    render::MapLayer layer = graduatedLayer(src, changeField, true, 1);
                    addFigure(s,
                              renderMapFigure(
                                { { ReportText::tr("Stock change %1–%2").arg(years.front()).arg(years.back()),
                                    withOverlay({ layer }) } },
                                crs,
                                ReportText::tr("Change (t C/a per parcel)"),
                                render::legendItems(layer, language),
                                figureCaption(ReportText::tr("Mean annual stock change of the parcels "
                                                             "%1–%2 (t C/a; negative: loss).")
                                                .arg(years.front())
                                                .arg(years.back())),
                                metre));
                }
            }
        }
    }
    if (feedback) {
        feedback->throwIfCancelled();
    }
    // GEP per hectare from the GEP run's parcel GeoPackages.
    if (m_in.gep) {
        std::vector<std::shared_ptr<const render::VectorSource>> sources;
        std::vector<double> values;
        QStringList gpkgs; // the GEP run's parcel tables' GeoPackages
        for (const analysis::Table& t : m_in.gep->tables) {
            if (t.name.startsWith(QLatin1String("parcels_"))) {
                const QString f = runFile(*m_in.gep, m_in.gepDir, t.name + QStringLiteral(".gpkg"));
                if (!f.isEmpty()) {
                    gpkgs << f;
                }
            }
        }
        for (const QString& f : gpkgs) {
            if (auto src = loadVector(f, crs, problems)) {
                const int idx = src->fieldIndex(QStringLiteral("gep_cny_per_ha"));
                if (idx < 0) {
                    continue;
                }
                for (std::size_t i = 0; i < src->size(); ++i) {
                    if (!src->attribute(i, idx).isNull()) {
                        values.push_back(money(src->attribute(i, idx).toDouble()) * (zh() ? 1e4 : 1e3));
                    }
                }
                sources.push_back(src);
            }
        }
        if (!sources.empty()) {
            // Classes over every layer's values, in 万元/ha (zh) or thousand CNY/ha (en).
            const auto ranges = render::graduatedRanges(values,
                                                        6,
                                                        render::ClassMethod::Quantile,
                                                        render::ColorRamp::named(QStringLiteral("viridis")),
                                                        1);
            std::vector<render::MapLayer> layers;
            const double toField = zh() ? 1e4 : 1e3; // display unit → CNY
            for (const auto& src : sources) {
                render::MapLayer layer;
                layer.id = QString::fromStdString(src->path());
                layer.vector = src;
                layer.vectorStyle.kind = render::VectorStyle::Kind::Graduated;
                layer.vectorStyle.field = QStringLiteral("gep_cny_per_ha");
                layer.vectorStyle.ranges = ranges;
                for (render::VectorRange& r : layer.vectorStyle.ranges) {
                    r.lower *= toField;
                    r.upper *= toField;
                    r.symbol.strokeWidthMm = 0.03;
                    r.symbol.stroke = QColor(90, 90, 90, 120);
                }
                layers.push_back(layer);
            }
            std::vector<render::LegendItem> legend;
            for (const render::VectorRange& r : ranges) {
                legend.push_back({ r.label, r.symbol.fill, r.symbol.stroke, false, {}, 0, 0 });
            }
            const QString unit = zh() ? ReportText::tr("10,000 CNY/ha") : ReportText::tr("thousand CNY/ha");
            addFigure(
              s,
              renderMapFigure({ { ReportText::tr("GEP per hectare"), withOverlay(layers) } },
                              crs,
                              ReportText::tr("GEP (%1)").arg(unit),
                              legend,
                              figureCaption(ReportText::tr("GEP per hectare of the parcels (%1, quantile "
                                                           "classes).")
                                              .arg(unit)),
                              metre));
        }
    }
    if (!problems.isEmpty()) {
        addParagraph(s, ReportText::tr("Not drawn: %1").arg(problems.join(QStringLiteral("; "))));
    }
    return s;
}

ReportSection Builder::appendixSection() {
    ReportSection s;
    s.id = QStringLiteral("appendix");
    s.title = ReportText::tr("Appendix");
    addHeading(s, ReportText::tr("Per-parcel results"));
    const analysis::Table* parcels = m_in.carbon.table(QStringLiteral("parcels"));
    QStringList items;
    if (parcels) {
        items << ReportText::tr("Carbon: %1 rows × %2 columns in %3 (and parcels.gpkg with the geometries).")
                   .arg(num(double(parcels->rows.empty() ? parcels->lazyRowCount : parcels->rowCount())))
                   .arg(parcels->columns.size())
                   .arg(QDir::toNativeSeparators(m_in.carbonDir + QStringLiteral("/parcels.csv")));
    }
    if (m_in.gep) {
        for (const analysis::Table& t : m_in.gep->tables) {
            if (t.name.startsWith(QLatin1String("parcels_"))) {
                items << ReportText::tr("GEP: %1 rows in %2 (and its GeoPackage).")
                           .arg(num(double(t.rows.empty() ? t.lazyRowCount : t.rows.size())))
                           .arg(QDir::toNativeSeparators(
                             QDir(m_in.gepDir).absoluteFilePath(t.name + QStringLiteral(".csv"))));
            }
        }
    }
    addBullets(s, items);

    addHeading(s, ReportText::tr("Runs"));
    auto runTable = [&](const analysis::ResultSet& rs, const QString& name, const QString& dir) {
        const analysis::Provenance& p = rs.provenance;
        ReportTable t;
        t.caption = tableCaption(ReportText::tr("%1 run").arg(name));
        t.header << ReportText::tr("Item") << ReportText::tr("Value");
        t.widths = { 0.3, 0.7 };
        t.rows.push_back({ ReportText::tr("Software"), QStringLiteral("%1 %2").arg(p.software, p.version) });
        t.rows.push_back({ ReportText::tr("Analysis"), p.analysis });
        t.rows.push_back({ ReportText::tr("Project file"), QDir::toNativeSeparators(p.projectFile) });
        t.rows.push_back({ ReportText::tr("Result folder"), QDir::toNativeSeparators(dir) });
        t.rows.push_back({ ReportText::tr("Started (UTC)"), p.started.toUTC().toString(Qt::ISODate) });
        t.rows.push_back({ ReportText::tr("Finished (UTC)"), p.finished.toUTC().toString(Qt::ISODate) });
        if (p.started.isValid() && p.finished.isValid()) {
            t.rows.push_back(
              { ReportText::tr("Run time"),
                ReportText::tr("%1 s").arg(num(double(p.started.msecsTo(p.finished)) / 1000.0, 1)) });
        }
        t.rows.push_back({ ReportText::tr("Threads"), QString::number(p.threads) });
        addTable(s, t);
        if (!p.settings.empty()) {
            ReportTable st;
            st.caption = tableCaption(ReportText::tr("%1 settings").arg(name));
            st.header << ReportText::tr("Setting") << ReportText::tr("Value") << ReportText::tr("Unit")
                      << ReportText::tr("Source");
            st.widths = { 0.3, 0.35, 0.1, 0.25 };
            for (const analysis::Provenance::Setting& x : p.settings) {
                st.rows.push_back({ x.key, x.value, x.unit, x.source });
            }
            addTable(s, st);
        }
        if (!rs.messages.empty()) {
            ReportTable mt;
            mt.caption = tableCaption(ReportText::tr("%1 messages").arg(name));
            mt.header << ReportText::tr("Level") << ReportText::tr("Message") << ReportText::tr("Concerns");
            mt.widths = { 0.1, 0.65, 0.25 };
            const std::size_t limit = 200;
            for (std::size_t i = 0; i < rs.messages.size() && i < limit; ++i) {
                const analysis::Message& m = rs.messages[i];
                QStringList where;
                if (!m.file.isEmpty()) {
                    where << QFileInfo(m.file).fileName();
                }
                if (m.row > 0) {
                    where << ReportText::tr("row %1").arg(m.row);
                }
                if (!m.feature.isEmpty()) {
                    where << ReportText::tr("feature %1").arg(m.feature);
                }
                if (!m.field.isEmpty()) {
                    where << m.field;
                }
                const QString level = m.level == analysis::Message::Level::Error ? ReportText::tr("error")
                                      : m.level == analysis::Message::Level::Warning
                                        ? ReportText::tr("warning")
                                        : ReportText::tr("note");
                mt.rows.push_back({ level, m.text, where.join(QStringLiteral(", ")) });
            }
            if (rs.messages.size() > limit) {
                mt.note =
                  ReportText::tr("%1 more messages are in the result set's manifest (resultset.json).")
                    .arg(rs.messages.size() - limit);
            }
            addTable(s, mt);
        }
    };
    runTable(m_in.carbon, ReportText::tr("Carbon"), m_in.carbonDir);
    if (m_in.gep) {
        runTable(*m_in.gep, ReportText::tr("GEP"), m_in.gepDir);
    }
    if (m_in.plan) {
        runTable(*m_in.plan, ReportText::tr("Restoration plan"), m_in.planDir);
    }
    return s;
}

tanhui::report::Report Builder::build(gis::Feedback* feedback) {
    if (!m_in.projectFile.isEmpty()) {
        m_project = models::Project::load(m_in.projectFile);
        m_hasProject = true;
    }
    tanhui::report::Report r;
    r.language = m_in.language;
    const bool gep = m_in.gep.has_value();
    r.title = gep ? ReportText::tr("Carbon sink and ecosystem product value report")
                  : ReportText::tr("Carbon sink accounting report");
    const QString projectName = m_hasProject ? m_project.name : QFileInfo(m_in.carbonDir).fileName();
    r.subtitle = projectName;
    const std::vector<int> years = carbonYears();
    if (!years.empty()) {
        r.coverLines << ReportText::tr("Accounting period: %1–%2").arg(years.front()).arg(years.back());
    }
    r.coverLines << ReportText::tr("Carbon run finished: %1 UTC")
                      .arg(
                        m_in.carbon.provenance.finished.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    r.coverLines << ReportText::tr("Report generated: %1 UTC")
                      .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    r.coverLines << ReportText::tr("Software: %1 %2")
                      .arg(m_in.carbon.provenance.software, m_in.carbon.provenance.version);
    if (years.size() >= 2) {
        const QString iv = QStringLiteral("%1_%2").arg(years.front()).arg(years.back());
        r.coverFigures << ReportText::tr("Carbon stock %1: %2 t C")
                            .arg(years.back())
                            .arg(num(summaryValue(QStringLiteral("c_total_t_%1").arg(years.back()))));
        r.coverFigures << ReportText::tr("Change %1–%2: %3 t C (%4 t CO2e)")
                            .arg(years.front())
                            .arg(years.back())
                            .arg(num(summaryValue(QStringLiteral("change_t_") + iv)))
                            .arg(num(summaryValue(QStringLiteral("change_tco2e_") + iv)));
    }
    if (gep) {
        const analysis::Table* totals = m_in.gep->table(QStringLiteral("totals"));
        const long long row = totals ? totals->findRow(QStringLiteral("group"), QStringLiteral("total")) : -1;
        if (row >= 0) {
            r.coverFigures << ReportText::tr("GEP: %1").arg(
              moneyText(totals->number(std::size_t(row), QStringLiteral("value_cny"))));
        }
    }
    r.footer = QStringLiteral("%1 · %2").arg(projectName, r.title);
    r.contentsTitle = ReportText::tr("Contents");
    r.pageFormat = ReportText::tr("Page %1 of %2");

    auto step = [&](double pct, const char* status) {
        if (feedback) {
            feedback->throwIfCancelled();
            feedback->setProgress(pct, status);
        }
    };
    step(5, "summary");
    r.sections.push_back(summarySection());
    r.sections.push_back(dataSection());
    step(15, "methods");
    r.sections.push_back(methodsSection());
    step(25, "carbon results");
    r.sections.push_back(carbonResultsSection());
    if (gep) {
        step(40, "GEP");
        r.sections.push_back(gepSection());
    }
    if (m_in.plan) {
        step(45, "restoration plan");
        r.sections.push_back(planSection());
    }
    step(50, "maps");
    ReportSection maps = mapsSection(feedback);
    if (!maps.blocks.empty()) {
        r.sections.push_back(std::move(maps));
    }
    step(90, "appendix");
    r.sections.push_back(appendixSection());
    for (std::size_t i = 0; i < r.sections.size(); ++i) {
        r.sections[i].title = QStringLiteral("%1 %2").arg(i + 1).arg(r.sections[i].title);
    }
    return r;
}

} // namespace

QString reportFontFamily() {
    return QStringLiteral("Noto Sans CJK SC");
}

QStringList reportFontFamilies() {
    static const QStringList families = [] {
        QStringList out;
        const QStringList all = QFontDatabase::families();
        // DejaVu Sans Condensed (fonts-dejavu-extra) has about the width of Noto Sans CJK's Latin
        // glyphs, so the tables keep their layout; DejaVu Sans (fonts-dejavu-core) is wider.
        for (const char* latin : { "DejaVu Sans Condensed", "DejaVu Sans", "Noto Sans", "Liberation Sans" }) {
            if (all.contains(QLatin1String(latin))) {
                out << QString::fromLatin1(latin);
                break;
            }
        }
        out << reportFontFamily();
        return out;
    }();
    return families;
}

tanhui::report::Report buildReport(const ReportInputs& inputs, gis::Feedback* feedback) {
    if (inputs.carbon.analysis != QLatin1String("carbon_project")) {
        throw gis::GisError(
          gis::GisError::Kind::InvalidArgument,
          QStringLiteral("%1: the result set is of the analysis \"%2\", not a carbon project "
                         "run (run 'tanhui-cli carbon --project FILE --out DIR' and pass DIR)")
            .arg(inputs.carbonDir, inputs.carbon.analysis)
            .toStdString(),
          inputs.carbonDir.toStdString());
    }
    if (inputs.gep && inputs.gep->analysis != QLatin1String("gep")) {
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            QStringLiteral("%1: the result set is of the analysis \"%2\", not a GEP run")
                              .arg(inputs.gepDir, inputs.gep->analysis)
                              .toStdString(),
                            inputs.gepDir.toStdString());
    }
    LanguageScope scope(inputs.language);
    Builder builder(inputs);
    return builder.build(feedback);
}

} // namespace tanhui::report
