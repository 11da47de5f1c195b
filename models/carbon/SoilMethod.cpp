// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/SoilMethod.h"

#include "gis/ParcelReader.h"
#include "gis/TableWriter.h"
#include "models/carbon/Valuation.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonSoil {
    Q_DECLARE_TR_FUNCTIONS(CarbonSoil)
};

QString norm(const QString& text) {
    QString n = text.simplified().toLower();
    n.replace(QLatin1Char('_'), QLatin1Char(' '));
    n.replace(QLatin1Char('-'), QLatin1Char(' '));
    return n;
}

struct LandUseAlias {
    const char* text;
    SoilLandUse level;
};
// carbon-methods.md §3.7 "Mapping Chinese practices": 水田 → paddy; 旱地 → long-term cultivated;
// orchards and tree crops → perennial. Crop names of the sample and common South-China crops.
constexpr LandUseAlias kLandUses[] = {
    { "水田", SoilLandUse::Paddy },
    { "水稻", SoilLandUse::Paddy },
    { "稻", SoilLandUse::Paddy },
    { "早稻", SoilLandUse::Paddy },
    { "晚稻", SoilLandUse::Paddy },
    { "rice", SoilLandUse::Paddy },
    { "paddy", SoilLandUse::Paddy },
    { "paddy rice", SoilLandUse::Paddy },
    { "旱地", SoilLandUse::LongTermCultivated },
    { "蔬菜", SoilLandUse::LongTermCultivated },
    { "甘蔗", SoilLandUse::LongTermCultivated },
    { "花生", SoilLandUse::LongTermCultivated },
    { "玉米", SoilLandUse::LongTermCultivated },
    { "大豆", SoilLandUse::LongTermCultivated },
    { "甘薯", SoilLandUse::LongTermCultivated },
    { "番薯", SoilLandUse::LongTermCultivated },
    { "木薯", SoilLandUse::LongTermCultivated },
    { "薯类", SoilLandUse::LongTermCultivated },
    { "油菜", SoilLandUse::LongTermCultivated },
    { "dry land", SoilLandUse::LongTermCultivated },
    { "dry cropland", SoilLandUse::LongTermCultivated },
    { "vegetables", SoilLandUse::LongTermCultivated },
    { "sugarcane", SoilLandUse::LongTermCultivated },
    { "peanut", SoilLandUse::LongTermCultivated },
    { "maize", SoilLandUse::LongTermCultivated },
    { "corn", SoilLandUse::LongTermCultivated },
    { "soybean", SoilLandUse::LongTermCultivated },
    { "sweet potato", SoilLandUse::LongTermCultivated },
    { "cassava", SoilLandUse::LongTermCultivated },
    { "rapeseed", SoilLandUse::LongTermCultivated },
    { "long term cultivated", SoilLandUse::LongTermCultivated },
    { "园地", SoilLandUse::Perennial },
    { "果园", SoilLandUse::Perennial },
    { "荔枝", SoilLandUse::Perennial },
    { "龙眼", SoilLandUse::Perennial },
    { "香蕉", SoilLandUse::Perennial },
    { "柑橘", SoilLandUse::Perennial },
    { "茶", SoilLandUse::Perennial },
    { "茶园", SoilLandUse::Perennial },
    { "orchard", SoilLandUse::Perennial },
    { "lychee", SoilLandUse::Perennial },
    { "litchi", SoilLandUse::Perennial },
    { "longan", SoilLandUse::Perennial },
    { "banana", SoilLandUse::Perennial },
    { "citrus", SoilLandUse::Perennial },
    { "tea", SoilLandUse::Perennial },
    { "perennial", SoilLandUse::Perennial },
    { "休耕", SoilLandUse::SetAside },
    { "撂荒", SoilLandUse::SetAside },
    { "fallow", SoilLandUse::SetAside },
    { "set aside", SoilLandUse::SetAside },
};

enum class Word { Straw, Removed, GreenManure, Manure, NoTill, Reduced, Full, Ignore };
struct PracticeWord {
    const char* text;
    Word word;
};
// §3.7: 秸秆还田 → medium; burning or removal → low; + 绿肥 → high without manure; 有机肥/粪肥 on top →
// high with manure; 免耕 → no-till; 少耕 → reduced tillage. Connectors are ignored.
constexpr PracticeWord kPracticeWords[] = {
    { "秸秆还田", Word::Straw },
    { "秸秆覆盖", Word::Straw },
    { "straw return", Word::Straw },
    { "residue return", Word::Straw },
    { "秸秆焚烧", Word::Removed },
    { "焚烧", Word::Removed },
    { "秸秆移除", Word::Removed },
    { "移除", Word::Removed },
    { "burning", Word::Removed },
    { "removal", Word::Removed },
    { "conventional", Word::Removed },
    { "常规", Word::Removed },
    { "none", Word::Removed },
    { "无", Word::Removed },
    { "绿肥", Word::GreenManure },
    { "覆盖作物", Word::GreenManure },
    { "green manure", Word::GreenManure },
    { "cover crop", Word::GreenManure },
    { "施用有机肥", Word::Manure },
    { "有机肥", Word::Manure },
    { "粪肥", Word::Manure },
    { "农家肥", Word::Manure },
    { "manure", Word::Manure },
    { "organic fertiliser", Word::Manure },
    { "organic fertilizer", Word::Manure },
    { "免耕", Word::NoTill },
    { "no till", Word::NoTill },
    { "少耕", Word::Reduced },
    { "reduced tillage", Word::Reduced },
    { "常规耕作", Word::Full },
    { "翻耕", Word::Full },
    { "full tillage", Word::Full },
    { "加", Word::Ignore },
    { "和", Word::Ignore },
    { "and", Word::Ignore },
    { "with", Word::Ignore },
};

QString rowList(const std::vector<int>& rows) {
    QStringList parts;
    for (std::size_t i = 0; i < rows.size() && i < 10; ++i)
        parts << QString::number(rows[i]);
    QString text = parts.join(QStringLiteral(", "));
    if (rows.size() > 10)
        text += CarbonSoil::tr(", … (%1 in all)").arg(rows.size());
    return text;
}

/// A year attribute: nullopt for null/empty; NaN for a value that is not a whole number.
std::optional<double> yearOf(const QVariant& v) {
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    const QString text = v.toString().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (!ok || !std::isfinite(d) || d != std::floor(d))
        return std::numeric_limits<double>::quiet_NaN();
    return d;
}

/// The practice as understood from a record (validated records only).
struct ResolvedPlot {
    std::optional<SoilLandUse> landUse;
    SoilPracticeText practice;
    std::optional<double> changeYear;
};

ResolvedPlot resolve(const SoilRecord& r, const SoilFields& fields) {
    ResolvedPlot p;
    p.landUse = parseSoilLandUse(r.crop);
    if (!fields.practice.isEmpty())
        p.practice = parseSoilPractice(r.practice);
    if (!fields.strawYear.isEmpty() && yearOf(r.strawYear))
        p.practice.straw = true;
    if (!fields.organic.isEmpty() && parseYesNo(r.organic).value_or(false))
        p.practice.manure = true;
    // The change year: the practice-year field, else the straw-return start year.
    if (!fields.practiceYear.isEmpty())
        p.changeYear = yearOf(r.practiceYear);
    if (!p.changeYear && !fields.strawYear.isEmpty())
        p.changeYear = yearOf(r.strawYear);
    return p;
}

SoilPractice afterPractice(SoilLandUse landUse, const SoilPracticeText& t) {
    SoilPractice p;
    p.landUse = landUse;
    p.tillage = t.tillage.value_or(SoilTillage::Full);
    p.input = soilInputLevel(t);
    return p;
}

SoilPractice beforePractice(const SoilPractice& after, SoilBefore before) {
    SoilPractice p;
    p.landUse = before == SoilBefore::Native ? SoilLandUse::Native : after.landUse;
    p.tillage = SoilTillage::Full;
    p.input = before == SoilBefore::MediumInput ? SoilInput::Medium : SoilInput::Low;
    return p;
}

} // namespace

const params::TableSpec& socRefSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "soc_ref";
        s.keyColumn = "climate_zone";
        s.extraKeyColumns = { "soil_class" };
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "climate zone and soil class");
        // §3.8: 34–130 t C/ha in the rows given; 1,000 t C/ha catches unit mistakes (kg/m², g/kg).
        s.values = { { "soc_ref",
                       QT_TRANSLATE_NOOP("Parameters", "reference soil organic carbon stock, 0–30 cm"),
                       "t C/ha",
                       0,
                       1000 } };
        // Optional uncertainty columns (soc_ref_u_pct, soc_ref_dist, …, u_source; docs/uncertainty.md).
        uncertainty::addUncertaintyColumns(s);
        s.defaultPath = "carbon/soc_ref.csv";
        return s;
    }();
    return spec;
}

const params::TableSpec& soilFactorsSpec() {
    static const params::TableSpec spec = [] {
        params::TableSpec s;
        s.id = "soil_factors";
        s.keyColumn = "climate_zone";
        s.extraKeyColumns = { "factor", "level" };
        s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "climate zone, factor and level");
        s.values = { { "value", QT_TRANSLATE_NOOP("Parameters", "stock-change factor"), "ratio", 0, 3 } };
        // Optional uncertainty columns of the factor (value_u_pct, value_dist, …, u_source); D is exact.
        uncertainty::addUncertaintyColumns(s);
        s.values.push_back({ "d_years",
                             QT_TRANSLATE_NOOP("Parameters", "time dependence of the factor (D)"),
                             "year",
                             1,
                             200,
                             false,
                             false });
        s.defaultPath = "carbon/soil_factors.csv";
        return s;
    }();
    return spec;
}

const char* soilLevelName(SoilLandUse v) {
    switch (v) {
        case SoilLandUse::Native:
            return "native";
        case SoilLandUse::LongTermCultivated:
            return "long_term_cultivated";
        case SoilLandUse::Paddy:
            return "paddy_rice";
        case SoilLandUse::Perennial:
            return "perennial";
        case SoilLandUse::SetAside:
            return "set_aside";
    }
    return "";
}

const char* soilLevelName(SoilTillage v) {
    switch (v) {
        case SoilTillage::Full:
            return "full_tillage";
        case SoilTillage::Reduced:
            return "reduced_tillage";
        case SoilTillage::NoTill:
            return "no_till";
    }
    return "";
}

const char* soilLevelName(SoilInput v) {
    switch (v) {
        case SoilInput::Low:
            return "low";
        case SoilInput::Medium:
            return "medium";
        case SoilInput::HighWithoutManure:
            return "high_without_manure";
        case SoilInput::HighWithManure:
            return "high_with_manure";
    }
    return "";
}

SoilTables::SoilTables(params::ParameterTable socRef, params::ParameterTable factors)
  : m_socRef(std::move(socRef))
  , m_factors(std::move(factors)) {}

std::optional<SoilEquilibrium> SoilTables::equilibrium(const QString& climateZone,
                                                       const QString& soilClass,
                                                       const SoilPractice& practice,
                                                       params::Issues* issues) const {
    SoilEquilibrium eq;
    bool complete = true;
    auto missing = [&](const params::ParameterTable& table, const QString& key) {
        complete = false;
        if (!issues)
            return;
        const QString file =
          table.rows().empty() ? QString::fromLatin1(table.spec().defaultPath) : table.rows().front().file;
        issues->push_back({ params::Issue::Severity::Error,
                            file,
                            0,
                            QString::fromLatin1(table.spec().keyColumn),
                            CarbonSoil::tr("the table has no row %1 (%2); add it or choose another climate "
                                           "zone / soil class")
                              .arg(key, QCoreApplication::translate("Parameters", table.spec().keyLabel)) });
    };
    const QString refKey = params::compositeKey({ climateZone, soilClass });
    if (const params::TableRow* row = m_socRef.find(refKey)) {
        eq.socRef = row->values[0].value_or(0);
        eq.rows.push_back(row);
    } else {
        missing(m_socRef, refKey);
    }
    if (practice.landUse != SoilLandUse::Native) {
        double d = 0;
        auto factor = [&](const char* name, const char* level, double& out) {
            const QString key =
              params::compositeKey({ climateZone, QString::fromLatin1(name), QString::fromLatin1(level) });
            const params::TableRow* row = m_factors.find(key);
            if (!row) {
                missing(m_factors, key);
                return;
            }
            out = row->values[0].value_or(1);
            d = std::max(d, row->values[1].value_or(kSoilDefaultDYears));
            eq.rows.push_back(row);
        };
        factor("lu", soilLevelName(practice.landUse), eq.fLu);
        factor("mg", soilLevelName(practice.tillage), eq.fMg);
        factor("i", soilLevelName(practice.input), eq.fI);
        if (d > 0)
            eq.dYears = d;
    }
    if (!complete)
        return std::nullopt;
    return eq;
}

QStringList SoilTables::socRefKeys() const {
    QStringList keys;
    for (const params::TableRow& r : m_socRef.rows())
        keys << r.key;
    return keys;
}

SoilTables loadDefaultSoilTables(params::Issues& issues) {
    params::LoadedTable ref = params::loadDefaultTable(socRefSpec());
    params::LoadedTable fac = params::loadDefaultTable(soilFactorsSpec());
    issues.insert(issues.end(), ref.issues.begin(), ref.issues.end());
    issues.insert(issues.end(), fac.issues.begin(), fac.issues.end());
    return SoilTables(std::move(ref.table), std::move(fac.table));
}

double socAt(double socStart, double socEqNew, double changeYear, double year, double dYears) {
    // carbon-methods.md §3.3: linear approach to the new equilibrium over D years, then constant; before
    // the change the stock stays at SOC(t0). With T > D the rate over T is (SOC_0 − SOC_(0−T)) / T,
    // which never exceeds the factor dynamics (ΔSOC / D per year).
    const double f = std::clamp((year - changeYear) / dYears, 0.0, 1.0);
    return socStart + (socEqNew - socStart) * f;
}

std::optional<SoilLandUse> parseSoilLandUse(const QString& text) {
    const QString n = norm(text);
    if (n.isEmpty())
        return std::nullopt;
    for (const LandUseAlias& a : kLandUses)
        if (n == norm(QString::fromUtf8(a.text)))
            return a.level;
    for (SoilLandUse v : { SoilLandUse::LongTermCultivated,
                           SoilLandUse::Paddy,
                           SoilLandUse::Perennial,
                           SoilLandUse::SetAside })
        if (n == norm(QString::fromLatin1(soilLevelName(v))))
            return v;
    return std::nullopt;
}

QStringList acceptedSoilLandUses() {
    QStringList out;
    for (const LandUseAlias& a : kLandUses)
        out << QString::fromUtf8(a.text) + QStringLiteral(" → ") +
                 QString::fromLatin1(soilLevelName(a.level));
    return out;
}

SoilPracticeText parseSoilPractice(const QString& text) {
    SoilPracticeText p;
    QString rest = norm(text);
    // Level names of the table set a level directly (checked first: "high_with_manure" contains "manure").
    for (SoilInput v :
         { SoilInput::HighWithoutManure, SoilInput::HighWithManure, SoilInput::Medium, SoilInput::Low }) {
        const QString name = norm(QString::fromLatin1(soilLevelName(v)));
        if (rest.contains(name) && (v != SoilInput::Low || rest == name)) {
            if (p.input && *p.input != v)
                p.contradictory = true;
            p.input = v;
            rest.replace(name, QStringLiteral(" "));
        }
    }
    for (SoilTillage v : { SoilTillage::Full, SoilTillage::Reduced, SoilTillage::NoTill }) {
        const QString name = norm(QString::fromLatin1(soilLevelName(v)));
        if (rest.contains(name)) {
            if (p.tillage && *p.tillage != v)
                p.contradictory = true;
            p.tillage = v;
            rest.replace(name, QStringLiteral(" "));
        }
    }
    // Longest words first, so that 秸秆焚烧 is not read as 焚烧 leaving 秸秆, and 常规耕作 before 常规.
    std::vector<const PracticeWord*> words;
    for (const PracticeWord& w : kPracticeWords)
        words.push_back(&w);
    std::stable_sort(words.begin(), words.end(), [](const PracticeWord* a, const PracticeWord* b) {
        return QString::fromUtf8(a->text).size() > QString::fromUtf8(b->text).size();
    });
    for (const PracticeWord* w : words) {
        const QString t = norm(QString::fromUtf8(w->text));
        // Latin words must stand alone (so "and" does not match inside "land"); Chinese words anywhere.
        const bool latin = t.front().unicode() < 0x80;
        bool found = false;
        if (latin) {
            const QRegularExpression re(QStringLiteral("(^|[^a-z])") + QRegularExpression::escape(t) +
                                        QStringLiteral("($|[^a-z])"));
            while (true) {
                const QRegularExpressionMatch m = re.match(rest);
                if (!m.hasMatch())
                    break;
                found = true;
                rest.replace(m.capturedStart(0), m.capturedLength(0), QStringLiteral(" "));
            }
        } else if (rest.contains(t)) {
            found = true;
            rest.replace(t, QStringLiteral(" "));
        }
        if (!found)
            continue;
        auto setTillage = [&](SoilTillage v) {
            if (p.tillage && *p.tillage != v)
                p.contradictory = true;
            p.tillage = v;
        };
        switch (w->word) {
            case Word::Straw:
                p.straw = true;
                break;
            case Word::Removed:
                p.removed = true;
                break;
            case Word::GreenManure:
                p.greenManure = true;
                break;
            case Word::Manure:
                p.manure = true;
                break;
            case Word::NoTill:
                setTillage(SoilTillage::NoTill);
                break;
            case Word::Reduced:
                setTillage(SoilTillage::Reduced);
                break;
            case Word::Full:
                setTillage(SoilTillage::Full);
                break;
            case Word::Ignore:
                break;
        }
    }
    if (p.straw && p.removed)
        p.contradictory = true;
    static const QRegularExpression separators(QStringLiteral("[\\s+,，、;；/|&]+"));
    rest.replace(separators, QStringLiteral(" "));
    p.unknown = rest.trimmed();
    return p;
}

QStringList acceptedSoilPractices() {
    QStringList out;
    for (const PracticeWord& w : kPracticeWords)
        if (w.word != Word::Ignore)
            out << QString::fromUtf8(w.text);
    for (SoilInput v :
         { SoilInput::Low, SoilInput::Medium, SoilInput::HighWithoutManure, SoilInput::HighWithManure })
        out << QString::fromLatin1(soilLevelName(v));
    for (SoilTillage v : { SoilTillage::Full, SoilTillage::Reduced, SoilTillage::NoTill })
        out << QString::fromLatin1(soilLevelName(v));
    return out;
}

SoilInput soilInputLevel(const SoilPracticeText& p) {
    if (p.input)
        return *p.input;
    // 2006 Table 5.5 definitions (carbon-methods.md §3.7).
    const bool highResidue = p.straw && p.greenManure;
    if (p.manure && (p.straw || p.greenManure))
        return SoilInput::HighWithManure; // high residue inputs plus regular manure
    if (highResidue)
        return SoilInput::HighWithoutManure; // extra residue inputs: green manure / cover crop
    if (p.straw || p.manure || p.greenManure)
        return SoilInput::Medium; // all residues returned, or removed but with added organic matter
    return SoilInput::Low;        // residues removed or burned, no amendment
}

std::optional<bool> parseYesNo(const QVariant& value) {
    if (!value.isValid() || value.isNull())
        return false;
    const QString t = value.toString().trimmed().toLower();
    static const QStringList yes = { QStringLiteral("是"),  QStringLiteral("有"), QStringLiteral("施用"),
                                     QStringLiteral("yes"), QStringLiteral("y"),  QStringLiteral("true"),
                                     QStringLiteral("1") };
    static const QStringList no = { QStringLiteral("否"),     QStringLiteral("无"),
                                    QStringLiteral("未施用"), QStringLiteral("no"),
                                    QStringLiteral("n"),      QStringLiteral("false"),
                                    QStringLiteral("0"),      QString() };
    if (yes.contains(t))
        return true;
    if (no.contains(t))
        return false;
    return std::nullopt;
}

LayerFieldValues readLayerFields(const std::string& path,
                                 const gis::VectorOpenOptions& open,
                                 const QStringList& fields) {
    LayerFieldValues out;
    gis::VectorLayer layer(path, open);
    const QString file = QString::fromStdString(path);
    QStringList names;
    for (const gis::FieldInfo& f : layer.info().fields)
        names << f.name;
    std::vector<int> index;
    for (const QString& name : fields) {
        if (name.isEmpty())
            continue;
        const int i = layer.fieldIndex(name);
        if (i < 0)
            out.issues.push_back({ params::Issue::Severity::Error,
                                   file,
                                   0,
                                   name,
                                   CarbonSoil::tr("the layer has no field '%1'; its fields are: %2")
                                     .arg(name, names.join(QStringLiteral(", "))) });
        out.fields << name;
        index.push_back(i);
    }
    if (params::hasErrors(out.issues))
        return out;
    gis::Feature f;
    int row = 0;
    layer.resetReading();
    while (layer.next(f)) {
        ++row;
        out.rowOfFid[f.fid] = row;
        std::vector<QVariant> values;
        values.reserve(index.size());
        for (int i : index)
            values.push_back(f.attributes[std::size_t(i)]);
        out.byFid[f.fid] = std::move(values);
    }
    return out;
}

std::vector<SoilRecord> joinSoilRecords(const gis::ParcelSet& parcels,
                                        const LayerFieldValues& values,
                                        const SoilFields& fields) {
    auto pos = [&](const QString& name) { return name.isEmpty() ? -1 : int(values.fields.indexOf(name)); };
    const int crop = pos(fields.crop), practice = pos(fields.practice), py = pos(fields.practiceYear),
              sy = pos(fields.strawYear), org = pos(fields.organic);
    std::vector<SoilRecord> records;
    records.reserve(parcels.parcels.size());
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
        const gis::Parcel& p = parcels.parcels[i];
        SoilRecord r;
        r.fid = p.fid;
        const auto row = values.rowOfFid.find(p.fid);
        r.row = row == values.rowOfFid.end() ? int(i) + 1 : row->second;
        r.id = p.id.toString();
        r.areaHa = p.ellipsoidalAreaM2 / 10000.0;
        const auto v = values.byFid.find(p.fid);
        if (v != values.byFid.end()) {
            auto at = [&](int k) { return k >= 0 ? v->second[std::size_t(k)] : QVariant(); };
            r.crop = at(crop).isNull() ? QString() : at(crop).toString().trimmed();
            r.practice = at(practice).isNull() ? QString() : at(practice).toString().trimmed();
            r.practiceYear = at(py);
            r.strawYear = at(sy);
            r.organic = at(org);
        }
        records.push_back(r);
    }
    return records;
}

const char* soilBeforeName(SoilBefore b) {
    switch (b) {
        case SoilBefore::LowInput:
            return "low";
        case SoilBefore::MediumInput:
            return "medium";
        case SoilBefore::Native:
            return "native";
    }
    return "";
}

std::optional<SoilBefore> parseSoilBefore(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (SoilBefore b : { SoilBefore::LowInput, SoilBefore::MediumInput, SoilBefore::Native })
        if (t == QLatin1String(soilBeforeName(b)))
            return b;
    return std::nullopt;
}

params::Issues validateSoilRecords(const std::vector<SoilRecord>& records,
                                   const SoilFields& fields,
                                   const SoilTables& tables,
                                   const SoilSettings& settings,
                                   const QString& file) {
    params::Issues issues;
    auto error = [&](int row, const QString& column, const QString& message) {
        issues.push_back({ params::Issue::Severity::Error, file, row, column, message });
    };
    // Distinct unknown values per field with their rows (one issue per field).
    struct Unknown {
        std::map<QString, std::vector<int>> rows;
        std::vector<QString> order;
        void add(const QString& v, int row) {
            auto [it, inserted] = rows.try_emplace(v);
            if (inserted)
                order.push_back(v);
            it->second.push_back(row);
        }
    };
    Unknown crops, practices, organics;
    std::vector<int> contradictory, noYear;
    std::vector<SoilPractice> used;
    auto use = [&](const SoilPractice& p) {
        if (std::find(used.begin(), used.end(), p) == used.end())
            used.push_back(p);
    };
    for (const SoilRecord& r : records) {
        const ResolvedPlot p = resolve(r, fields);
        if (!p.landUse)
            crops.add(r.crop, r.row);
        if (!fields.practice.isEmpty()) {
            const SoilPracticeText t = parseSoilPractice(r.practice);
            if (!t.unknown.isEmpty())
                practices.add(r.practice, r.row);
            else if (t.contradictory)
                contradictory.push_back(r.row);
        }
        if (!fields.organic.isEmpty() && !parseYesNo(r.organic))
            organics.add(r.organic.toString().trimmed(), r.row);
        const QString feature = CarbonSoil::tr("feature %1 (id %2)").arg(r.fid).arg(r.id);
        for (const auto& [name, value] : { std::pair{ fields.practiceYear, r.practiceYear },
                                           std::pair{ fields.strawYear, r.strawYear } }) {
            if (name.isEmpty())
                continue;
            const std::optional<double> y = yearOf(value);
            if (!y)
                continue;
            if (std::isnan(*y))
                error(r.row,
                      name,
                      CarbonSoil::tr("%1: the year '%2' is not a whole number")
                        .arg(feature, value.toString().trimmed()));
            else if (*y < kSoilEarliestPracticeYear)
                error(r.row,
                      name,
                      CarbonSoil::tr("%1: the practice start year %2 is before %3; check the field")
                        .arg(feature)
                        .arg(*y)
                        .arg(kSoilEarliestPracticeYear));
            else if (settings.currentYear > 0 && *y > settings.currentYear)
                error(r.row,
                      name,
                      CarbonSoil::tr("%1: the practice start year %2 is in the future (after %3)")
                        .arg(feature)
                        .arg(*y)
                        .arg(settings.currentYear));
        }
        if (!p.landUse)
            continue;
        const SoilPractice after = afterPractice(*p.landUse, p.practice);
        const SoilPractice before = beforePractice(after, settings.before);
        use(after);
        if (p.changeYear && !std::isnan(*p.changeYear))
            use(before);
        else if (!p.changeYear && !(after == before) && settings.before != SoilBefore::Native)
            noYear.push_back(r.row);
    }
    auto listUnknown =
      [&](const Unknown& u, const QString& column, const QString& what, const QStringList& accepted) {
          if (u.order.empty())
              return;
          QStringList listed;
          std::size_t n = 0;
          for (const QString& v : u.order) {
              const std::vector<int>& rows = u.rows.at(v);
              n += rows.size();
              listed << CarbonSoil::tr("'%1' (rows %2)")
                          .arg(v.isEmpty() ? CarbonSoil::tr("(empty)") : v, rowList(rows));
          }
          error(u.rows.at(u.order.front()).front(),
                column,
                CarbonSoil::tr("unknown %1 in %2 feature(s): %3; accepted: %4")
                  .arg(what)
                  .arg(n)
                  .arg(listed.join(QStringLiteral(", ")), accepted.join(QStringLiteral(", "))));
      };
    listUnknown(crops, fields.crop, CarbonSoil::tr("crop or land use"), acceptedSoilLandUses());
    listUnknown(practices, fields.practice, CarbonSoil::tr("practice"), acceptedSoilPractices());
    listUnknown(organics,
                fields.organic,
                CarbonSoil::tr("organic-fertiliser value"),
                { QStringLiteral("是"),
                  QStringLiteral("否"),
                  QStringLiteral("yes"),
                  QStringLiteral("no"),
                  QStringLiteral("1"),
                  QStringLiteral("0") });
    if (!contradictory.empty())
        error(
          contradictory.front(),
          fields.practice,
          CarbonSoil::tr("contradictory practices (e.g. straw return and burning, or two tillage levels) in "
                         "%1 feature(s): rows %2")
            .arg(contradictory.size())
            .arg(rowList(contradictory)));
    // Every table row the plots need, each missing key named once.
    params::Issues missing;
    for (const SoilPractice& p : used)
        tables.equilibrium(settings.climateZone, settings.soilClass, p, &missing);
    if (used.empty())
        tables.equilibrium(settings.climateZone, settings.soilClass, SoilPractice{}, &missing);
    std::set<QString> seen;
    for (const params::Issue& i : missing)
        if (seen.insert(i.message).second)
            issues.push_back(i);
    if (!noYear.empty())
        issues.push_back(
          { params::Issue::Severity::Warning,
            file,
            noYear.front(),
            fields.practiceYear.isEmpty() ? fields.strawYear : fields.practiceYear,
            CarbonSoil::tr(
              "%1 feature(s) have a practice other than the 'before' state (%2 input, full tillage) "
              "but no start year; their practice is taken as established (SOC at equilibrium, "
              "no change): rows %3")
              .arg(noYear.size())
              .arg(QString::fromLatin1(soilBeforeName(settings.before)), rowList(noYear)) });
    return issues;
}

std::vector<SoilPlot> computeSoilPlots(const std::vector<SoilRecord>& records,
                                       const SoilFields& fields,
                                       const SoilTables& tables,
                                       const SoilSettings& settings) {
    std::vector<SoilPlot> out;
    out.reserve(records.size());
    const std::vector<int>& years = settings.years;
    for (const SoilRecord& r : records) {
        SoilPlot plot;
        const ResolvedPlot p = resolve(r, fields);
        plot.after = afterPractice(p.landUse.value_or(SoilLandUse::LongTermCultivated), p.practice);
        plot.before = beforePractice(plot.after, settings.before);
        const std::optional<SoilEquilibrium> eqAfter =
          tables.equilibrium(settings.climateZone, settings.soilClass, plot.after);
        std::vector<const params::TableRow*> rows;
        if (eqAfter) {
            plot.socEqPerHa = eqAfter->soc();
            plot.dYears = eqAfter->dYears;
            rows = eqAfter->rows;
        } else {
            plot.socEqPerHa = std::numeric_limits<double>::quiet_NaN();
        }
        plot.socStartPerHa = plot.socEqPerHa;
        if (p.changeYear && !std::isnan(*p.changeYear) && !(plot.before == plot.after)) {
            plot.changeYear = int(*p.changeYear);
            const std::optional<SoilEquilibrium> eqBefore =
              tables.equilibrium(settings.climateZone, settings.soilClass, plot.before);
            plot.socStartPerHa = eqBefore ? eqBefore->soc() : std::numeric_limits<double>::quiet_NaN();
            if (eqBefore)
                rows.insert(rows.end(), eqBefore->rows.begin(), eqBefore->rows.end());
        }
        auto soc = [&](double year) {
            return plot.changeYear
                     ? socAt(plot.socStartPerHa, plot.socEqPerHa, *plot.changeYear, year, plot.dYears)
                     : plot.socEqPerHa;
        };
        for (int y : years) {
            const double s = soc(y);
            plot.socPerHa.push_back(s);
            plot.socT.push_back(s * r.areaHa);
            // The change during year y (from the end of y − 1 to the end of y), t C/ha/yr.
            plot.fluxPerHaYr.push_back(s - soc(y - 1));
        }
        for (std::size_t k = 1; k < years.size(); ++k) {
            const double d = plot.socPerHa[k] - plot.socPerHa[k - 1];
            plot.intervalChangeT.push_back(d * r.areaHa);
            plot.intervalRatePerHaYr.push_back(d / double(years[k] - years[k - 1]));
        }
        std::set<QString> flagged;
        for (const params::TableRow* row : rows)
            if (params::isFlagged(row->tag))
                flagged.insert(QFileInfo(row->file).fileName() + QLatin1Char(':') + row->key +
                               QLatin1Char(':') + params::tagName(row->tag));
        plot.flaggedRows = QStringList(flagged.begin(), flagged.end());
        out.push_back(std::move(plot));
    }
    return out;
}

SoilTotals sumSoilPlots(const std::vector<SoilRecord>& records,
                        const std::vector<SoilPlot>& plots,
                        const SoilSettings& settings) {
    SoilTotals t;
    const std::size_t ny = settings.years.size();
    t.socT.assign(ny, 0.0);
    t.fluxT.assign(ny, 0.0);
    t.intervalChangeT.assign(ny > 0 ? ny - 1 : 0, 0.0);
    for (std::size_t i = 0; i < records.size() && i < plots.size(); ++i) {
        const SoilPlot& p = plots[i];
        for (std::size_t k = 0; k < ny; ++k) {
            t.socT[k] += p.socT[k];
            t.fluxT[k] += p.fluxPerHaYr[k] * records[i].areaHa;
        }
        for (std::size_t k = 0; k + 1 < ny; ++k)
            t.intervalChangeT[k] += p.intervalChangeT[k];
        t.areaHa += records[i].areaHa;
        if (p.changeYear)
            ++t.changedPlots;
        if (!p.flaggedRows.isEmpty())
            ++t.flaggedPlots;
    }
    t.plots = records.size();
    return t;
}

void writeSoilPlotTable(const std::string& path,
                        const gis::ParcelSet& parcels,
                        const QString& idField,
                        const std::vector<SoilRecord>& records,
                        const std::vector<SoilPlot>& plots,
                        const SoilSettings& settings) {
    using T = gis::TableColumn::Type;
    std::vector<gis::TableColumn> columns = {
        { "fid", T::Integer },
        { idField.isEmpty() ? std::string("id") : idField.toStdString(), T::String },
        { "crop", T::String },
        { "practice", T::String },
        { "land_use", T::String },
        { "tillage", T::String },
        { "input_before", T::String },
        { "input_after", T::String },
        { "change_year", T::Integer },
        { "climate_zone", T::String },
        { "soil_class", T::String },
        { "area_ha", T::Real },
        { "soc_start_t_per_ha", T::Real },
        { "soc_eq_t_per_ha", T::Real },
        { "d_years", T::Real },
    };
    const std::vector<int>& years = settings.years;
    for (int y : years) {
        const std::string s = std::to_string(y);
        columns.push_back({ "soc_t_per_ha_" + s, T::Real });
        columns.push_back({ "soc_t_" + s, T::Real });
        columns.push_back({ "flux_t_per_ha_yr_" + s, T::Real });
        columns.push_back({ "flux_co2e_t_per_ha_yr_" + s, T::Real });
    }
    for (std::size_t k = 1; k < years.size(); ++k) {
        const std::string s = QStringLiteral("%1_%2").arg(years[k - 1]).arg(years[k]).toStdString();
        columns.push_back({ "change_t_" + s, T::Real });
        columns.push_back({ "rate_t_per_ha_yr_" + s, T::Real });
        columns.push_back({ "co2e_removal_t_" + s, T::Real });
    }
    columns.push_back({ "flagged_parameters", T::String });
    columns.push_back({ "geometry_repaired", T::Integer });
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    gis::writeTable(
      path,
      columns,
      records.size(),
      [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
          const SoilRecord& r = records[i];
          const SoilPlot& p = plots[i];
          std::size_t k = 0;
          v[k++] = qint64(r.fid);
          v[k++] = r.id;
          v[k++] = r.crop;
          v[k++] = r.practice;
          v[k++] = QString::fromLatin1(soilLevelName(p.after.landUse));
          v[k++] = QString::fromLatin1(soilLevelName(p.after.tillage));
          v[k++] = p.changeYear ? QVariant(QString::fromLatin1(soilLevelName(p.before.input))) : QVariant();
          v[k++] = QString::fromLatin1(soilLevelName(p.after.input));
          v[k++] = p.changeYear ? QVariant(qint64(*p.changeYear)) : QVariant();
          v[k++] = settings.climateZone;
          v[k++] = settings.soilClass;
          v[k++] = r.areaHa;
          v[k++] = p.socStartPerHa;
          v[k++] = p.socEqPerHa;
          v[k++] = p.dYears;
          for (std::size_t y = 0; y < years.size(); ++y) {
              v[k++] = p.socPerHa[y];
              v[k++] = p.socT[y];
              v[k++] = p.fluxPerHaYr[y];
              v[k++] = p.fluxPerHaYr[y] * kCo2PerC; // removal positive (carbon-methods.md §0)
          }
          for (std::size_t y = 0; y + 1 < years.size(); ++y) {
              v[k++] = p.intervalChangeT[y];
              v[k++] = p.intervalRatePerHaYr[y];
              v[k++] = p.intervalChangeT[y] * kCo2PerC;
          }
          v[k++] = p.flaggedRows.join(QLatin1Char(';'));
          v[k++] = parcels.parcels[i].repaired ? 1 : 0;
          if (gpkg)
              wkb = parcels.parcels[i].wkb;
      },
      gpkg,
      parcels.crs);
}

void writeSoilTotalsTable(const std::string& path, const SoilTotals& totals, const SoilSettings& settings) {
    using T = gis::TableColumn::Type;
    struct Line {
        std::string quantity;
        double value;
        const char* unit;
    };
    std::vector<Line> lines;
    const std::vector<int>& years = settings.years;
    for (std::size_t k = 0; k < years.size(); ++k) {
        const std::string y = std::to_string(years[k]);
        lines.push_back({ "soc_" + y, totals.socT[k], "t C" });
        lines.push_back({ "flux_" + y, totals.fluxT[k], "t C/yr" });
        lines.push_back({ "flux_co2e_" + y, totals.fluxT[k] * kCo2PerC, "t CO2e/yr" });
    }
    for (std::size_t k = 0; k + 1 < years.size(); ++k) {
        const std::string s = QStringLiteral("%1_%2").arg(years[k]).arg(years[k + 1]).toStdString();
        lines.push_back({ "change_" + s, totals.intervalChangeT[k], "t C" });
        lines.push_back({ "co2e_removal_" + s, totals.intervalChangeT[k] * kCo2PerC, "t CO2e" });
    }
    lines.push_back({ "area", totals.areaHa, "ha" });
    lines.push_back({ "plots", double(totals.plots), "count" });
    lines.push_back({ "changed_plots", double(totals.changedPlots), "count" });
    lines.push_back({ "flagged_plots", double(totals.flaggedPlots), "count" });
    gis::writeTable(path,
                    { { "quantity", T::String }, { "value", T::Real }, { "unit", T::String } },
                    lines.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v[0] = QString::fromStdString(lines[i].quantity);
                        v[1] = lines[i].value;
                        v[2] = QString::fromLatin1(lines[i].unit);
                    });
}

} // namespace tanhui::models::carbon
