// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/UncertainParameters.h"

#include <QCoreApplication>

#include <cmath>
#include <deque>
#include <mutex>

namespace tanhui::models::uncertainty {

namespace {

/// Translation context of this file's user-facing strings.
struct Uncertainty {
    Q_DECLARE_TR_FUNCTIONS(Uncertainty)
};

/// Stable storage for the generated column names (TableSpec holds const char*).
const char* intern(const std::string& name) {
    static std::mutex mutex;
    static std::deque<std::string> names;
    const std::lock_guard<std::mutex> lock(mutex);
    for (const std::string& n : names)
        if (n == name)
            return n.c_str();
    names.push_back(name);
    return names.back().c_str();
}

/// carbon-methods.md §6.2 item 1: a "±90 %" default (normal, SD ≈ 0.9 × mean / 1.96) for a Tier 1 value
/// given without an uncertainty; the kinds whose references give none take it (docs/uncertainty.md).
constexpr double kDefaultConventionUPct = 90.0;

const char* const kSuffixes[] = { "_dist", "_u_pct", "_sd", "_min", "_max" };

bool isOneOf(const QString& s, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (s.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

ParameterKind kindOf(std::string_view tableId, const QString& column, const QString& rowKey, double value) {
    ParameterKind k;
    const ValueRange nonNegative = ValueRange::nonNegative();
    k.range = nonNegative;
    const QString table = QString::fromUtf8(tableId.data(), qsizetype(tableId.size()));
    // Carbon fraction, every table (§3.6: 2006 Table 4.3, 0.47 with range 0.44–0.49, i.e. ±0.03 around
    // 0.47 = ±6.4 %); a fraction: drawn within [0, 1].
    if (column.compare(QLatin1String("cf"), Qt::CaseInsensitive) == 0) {
        k.name = QStringLiteral("carbon fraction");
        k.uPct = 6.4;
        k.range = ValueRange::fraction();
        k.source = QStringLiteral("carbon-methods.md §3.6 (2006 Table 4.3: 0.47, range 0.44–0.49 → ±6.4 %); "
                                  "fraction in [0, 1]");
        return k;
    }
    // Root:shoot ratio (§3.5 Table 4.4: subtropical humid forest, Asia, "±90 % (default)").
    if (isOneOf(column, { "r", "r_low", "r_high" })) {
        k.name = QStringLiteral("root:shoot ratio");
        k.uPct = 90;
        k.source = QStringLiteral("carbon-methods.md §3.5 Table 4.4 (subtropical humid forest, Asia: R ±90 % "
                                  "default); ≥ 0");
        return k;
    }
    if (table == QLatin1String("species_params_cn")) {
        if (column == QLatin1String("wd")) {
            // §5.2 gives the national WD without an uncertainty (§11 item 2) and no IPCC error range for
            // it was found: the reference's convention for a value without one, §6.2 item 1 "±90 %".
            k.name = QStringLiteral("wood density");
            k.uPct = kDefaultConventionUPct;
            k.source = QStringLiteral("carbon-methods.md §6.2 item 1 (±90 % convention for a value without "
                                      "an uncertainty): §5.2 gives WD without one (§11 item 2); ≥ 0");
            return k;
        }
        if (column == QLatin1String("bef")) {
            // §5.2 gives BEF without an uncertainty (§11 item 2; §3.6 does not transcribe Table 4.5's BCEF
            // ranges): §6.2 item 1 "±90 %". BEF = total above-ground biomass / stem biomass ≥ 1 (§5.1).
            k.name = QStringLiteral("biomass expansion factor");
            k.uPct = kDefaultConventionUPct;
            k.range = { 1.0, std::numeric_limits<double>::infinity() };
            k.source = QStringLiteral("carbon-methods.md §6.2 item 1 (±90 % convention for a value without "
                                      "an uncertainty): §5.2 gives BEF without one (§11 item 2); ≥ 1 by "
                                      "definition (§5.1)");
            return k;
        }
        k.range = ValueRange::any(); // Fang's a and b: regression coefficients, the run-wide default
        return k;
    }
    if (table == QLatin1String("carbon_pools")) {
        // Tier 1 class densities: §3.5 Tables 4.7/4.8 (SD ≈ half the mean, i.e. U ≈ 97 %; Table 4.8
        // "±90 %"), §6.2 item 1 "±90 %" convention for Tier 1 values without their own range.
        k.name = QStringLiteral("Tier 1 pool density");
        k.uPct = 90;
        k.source = QStringLiteral("carbon-methods.md §3.5 Tables 4.7/4.8 and §6.2 item 1 (Tier 1 densities "
                                  "±90 %); ≥ 0");
        return k;
    }
    if (table == QLatin1String("soc_ref")) {
        k.name = QStringLiteral("reference soil carbon stock");
        k.uPct = 90;
        k.source = QStringLiteral("carbon-methods.md §3.8 (Table 2.3 transcribed without its range) and "
                                  "§6.2 item 1 (±90 % Tier 1 convention); ≥ 0");
        return k;
    }
    if (table == QLatin1String("soil_factors") && column == QLatin1String("value")) {
        // Table 5.5: the reference levels (full tillage, medium input, perennial / native, and the
        // forest factors of §3.3) equal 1 by definition: exact. The other levels keep their side of 1,
        // so a level's effect never changes sign (drawn jointly per factor, jointStreamOf()).
        const QStringList parts = rowKey.split(QLatin1Char('|'));
        const QString factor = parts.size() > 1 ? parts[1].toUpper() : QString();
        k.name = QStringLiteral("soil stock-change factor");
        if (value == 1.0) {
            k.constant = true;
            k.source = QStringLiteral("carbon-methods.md §3.3, §3.7: reference level, 1 by definition");
            return k;
        }
        // §3.7 transcribes Table 5.5 without its error column (§11 item 1) and the error ranges were
        // not found in a citable copy: §6.2 item 1 "±90 %" for every level other than the reference.
        k.uPct = kDefaultConventionUPct;
        k.range =
          value < 1.0 ? ValueRange::fraction() : ValueRange{ 1.0, std::numeric_limits<double>::infinity() };
        k.source =
          QStringLiteral("carbon-methods.md §6.2 item 1 (±90 % convention for a value without an "
                         "uncertainty): §3.7 transcribes Table 5.5 (F_%1) without its error column (§11 "
                         "item 1); kept %2 1, its reference level")
            .arg(factor)
            .arg(value < 1.0 ? QStringLiteral("≤") : QStringLiteral("≥"));
        return k;
    }
    if (table == QLatin1String("growth_rates") && column == QLatin1String("g_w")) {
        // §3.5 Tables 4.9/4.10: rows without an SD carry "±90 %" in Table 4.9.
        k.name = QStringLiteral("growth rate");
        k.uPct = 90;
        k.source = QStringLiteral("carbon-methods.md §3.5 Table 4.9 (±90 % where no SD is given); ≥ 0");
        return k;
    }
    if (table == QLatin1String("mangrove_ws")) {
        if (isOneOf(column, { "agb", "soc", "g_w" })) {
            k.name = QStringLiteral("Tier 1 stock or growth");
            k.uPct = 90;
            k.source = QStringLiteral("carbon-methods.md §4 and §6.2 item 1 (±90 % Tier 1 convention); ≥ 0");
        } else if (column == QLatin1String("ef_re"))
            k.range = ValueRange::any();
        return k;
    }
    if (table == QLatin1String("cbc_biophysical")) {
        if (column.endsWith(QLatin1String("-disturb"))) {
            // §2.5 UG Table 1 gives the shares without a range; 0 and 1 (none, all) are definitional.
            k.name = QStringLiteral("disturbance share");
            k.range = ValueRange::fraction();
            if (value == 0.0 || value == 1.0) {
                k.constant = true;
                k.source = QStringLiteral("carbon-methods.md §2.5: a share of 0 or 1 is definitional");
                return k;
            }
            // §2.5 (InVEST UG Table 1) gives the shares without a range: §6.2 item 1 "±90 %".
            k.uPct = kDefaultConventionUPct;
            k.source =
              QStringLiteral("carbon-methods.md §6.2 item 1 (±90 % convention for a value without an "
                             "uncertainty): §2.5 gives the shares without a range; in [0, 1]");
        } else if (column.endsWith(QLatin1String("-initial"))) {
            k.name = QStringLiteral("Tier 1 stock");
            k.uPct = 90;
            k.source = QStringLiteral("carbon-methods.md §4 and §6.2 item 1 (±90 % Tier 1 convention); ≥ 0");
        }
        return k;
    }
    if (table == QLatin1String("rs_coefficients") && isOneOf(column, { "a", "b" }))
        k.range = ValueRange::any();
    return k;
}

std::string jointStreamOf(std::string_view tableId, const QString& rowKey, const QString& column) {
    if (tableId == "soil_factors" && column == QLatin1String("value")) {
        // The tillage (MG) and input (I) levels are ordered scales of one practice: drawn jointly. Land
        // uses (LU: cultivated, paddy, set-aside) are different systems: independent.
        const QStringList parts = rowKey.split(QLatin1Char('|'));
        const QString factor = parts.value(1).toUpper();
        if (parts.size() == 3 && (factor == QLatin1String("MG") || factor == QLatin1String("I")))
            return "soil_factors/" + (parts[0] + QLatin1Char('|') + parts[1]).toLower().toStdString() +
                   "/joint";
    }
    return {};
}

const params::ParameterSpec& defaultUncertaintyParameter() {
    static const params::ParameterSpec spec = [] {
        params::ParameterSpec s;
        s.id = "default-uncertainty";
        s.label = QT_TRANSLATE_NOOP("Parameters", "run-wide default uncertainty (95 % half-width)");
        s.unit = "%";
        s.min = 0;
        s.max = 1000;
        s.percent = true;
        s.source = "docs/uncertainty.md (IPCC 2006 Vol. 1 Ch. 3: U as the 95 % half-width in percent)";
        s.tag = params::Tag::User;
        return s;
    }();
    return spec;
}

void addUncertaintyColumns(params::TableSpec& spec) {
    auto add = [&](const std::string& name) {
        // A value column of that name (e.g. growth_rates' numeric g_w_sd) is read as such.
        for (const params::ColumnSpec& c : spec.values)
            if (name == c.name)
                return;
        for (const char* t : spec.textColumns)
            if (name == t)
                return;
        spec.textColumns.push_back(intern(name));
    };
    for (const params::ColumnSpec& c : spec.values)
        for (const char* s : kSuffixes)
            add(std::string(c.name) + s);
    for (const char* s : { "dist", "u_pct", "u_source" })
        add(s);
}

UncertainValue readUncertainty(const params::ParameterTable& table,
                               const params::TableRow& row,
                               const QString& column,
                               const UncertaintyDefaults& defaults,
                               params::Issues& issues) {
    UncertainValue out;
    const params::TableSpec& spec = table.spec();
    out.id = std::string(spec.id) + "/" + row.key.toStdString() + "/" + column.toStdString();
    const int index = table.columnIndex(column);
    const double value = index >= 0 ? row.values[std::size_t(index)].value_or(0.0) : 0.0;
    const bool nonNegative = index >= 0 && spec.values[std::size_t(index)].min >= 0;
    const ParameterKind kind0 = kindOf(spec.id, column, row.key, value);
    // The kind's valid range (fractions in [0, 1], BEF ≥ 1, …) where it is narrower than "≥ 0".
    const ValueRange range = kind0.range.bounded() || !nonNegative ? kind0.range : ValueRange::nonNegative();
    const bool ownRange = !(range.lo == 0 && !std::isfinite(range.hi)) && range.bounded();
    auto fromU = [&](double v, double pct) {
        return ownRange ? fromPercent(v, pct, range) : fromPercent(v, pct, nonNegative);
    };
    out.stream = jointStreamOf(spec.id, row.key, column);
    out.dist = Distribution::fixed(value);
    out.provenance = Uncertainty::tr("none given (treated as exact)");

    auto text = [&](const QString& name) -> QString {
        const auto it = row.text.find(name.toLower());
        return it == row.text.end() ? QString() : it->second.trimmed();
    };
    // The column-specific text, else the row-wide one (for dist and u_pct).
    QString usedColumn;
    auto pick = [&](const QString& suffix, const QString& rowWide) {
        QString v = text(column + suffix);
        usedColumn = column + suffix;
        if (v.isEmpty() && !rowWide.isEmpty()) {
            v = text(rowWide);
            usedColumn = rowWide;
        }
        return v;
    };
    auto issue = [&](const QString& col, const QString& message) {
        issues.push_back({ params::Issue::Severity::Error, row.file, row.line, col, message });
    };
    bool bad = false;
    auto number = [&](const QString& suffix, const QString& rowWide, std::optional<double>& v) {
        // X_sd (etc.) declared as a numeric value column of the table (growth_rates' g_w_sd).
        if (const int numeric = table.columnIndex(column + suffix); numeric >= 0) {
            usedColumn = column + suffix;
            v = row.values[std::size_t(numeric)];
            return;
        }
        const QString t = pick(suffix, rowWide);
        if (t.isEmpty())
            return;
        bool ok = false;
        const double x = t.toDouble(&ok);
        if (!ok || !std::isfinite(x)) {
            issue(usedColumn, Uncertainty::tr("'%1' is not a number").arg(t));
            bad = true;
            return;
        }
        v = x;
    };
    const QString kindText = pick(QStringLiteral("_dist"), QStringLiteral("dist"));
    const QString kindColumn = usedColumn;
    std::optional<double> uPct, sd, lo, hi;
    number(QStringLiteral("_u_pct"), QStringLiteral("u_pct"), uPct);
    const QString uColumn = usedColumn;
    number(QStringLiteral("_sd"), {}, sd);
    const QString sdColumn = usedColumn;
    number(QStringLiteral("_min"), {}, lo);
    number(QStringLiteral("_max"), {}, hi);
    if (uPct && *uPct < 0) {
        issue(uColumn, Uncertainty::tr("the uncertainty must be ≥ 0 %, not %1").arg(*uPct));
        bad = true;
    } else if (uPct && *uPct > 0 && *uPct < 1)
        // A percent written as a fraction (0.3 for ±30 %): accepted as written, but said.
        issues.push_back(
          { params::Issue::Severity::Warning,
            row.file,
            row.line,
            uColumn,
            Uncertainty::tr("the uncertainty is %1 %; percentages are written as percent (30 means "
                            "±30 %), so %1 looks like a fraction (did you mean %2?)")
              .arg(*uPct)
              .arg(*uPct * 100) });
    if (sd && *sd < 0) {
        issue(sdColumn, Uncertainty::tr("the standard deviation must be ≥ 0, not %1").arg(*sd));
        bad = true;
    }
    Distribution::Kind kind = Distribution::Kind::Fixed;
    const bool hasKind = !kindText.isEmpty();
    if (hasKind && !parseKind(kindText.toStdString(), kind)) {
        issue(kindColumn,
              Uncertainty::tr("unknown distribution '%1'; use normal, truncnormal, lognormal, triangular, "
                              "uniform or fixed")
                .arg(kindText));
        bad = true;
    }
    if (bad)
        return out;

    const bool anyTable = hasKind || uPct || sd || lo || hi;
    if (!anyTable) {
        if (defaults.uPct && kind0.constant) {
            // Definitional constants carry no uncertainty (docs/uncertainty.md).
            out.origin = UncertainValue::Origin::Constant;
            out.provenance = Uncertainty::tr("definitional constant (exact): %1").arg(kind0.source);
        } else if (defaults.uPct && defaults.byKind && kind0.uPct) {
            out.dist = fromU(value, *kind0.uPct);
            out.provenance = Uncertainty::tr("default for the kind '%1': %2").arg(kind0.name, kind0.source);
            out.origin = UncertainValue::Origin::RunDefault;
        } else if (defaults.uPct) {
            out.dist = fromU(value, *defaults.uPct);
            out.provenance = defaults.provenance;
            out.origin = UncertainValue::Origin::RunDefault;
        }
        return out;
    }
    out.origin = UncertainValue::Origin::Table;
    out.provenance = Uncertainty::tr("%1, row %2").arg(row.file).arg(row.line);
    const QString source = text(QStringLiteral("u_source"));
    if (!source.isEmpty())
        out.provenance += QStringLiteral(": ") + source;
    const double sdValue = sd ? *sd : uPct ? *uPct / 100.0 * std::fabs(value) / 1.96 : -1.0;
    using K = Distribution::Kind;
    if (!hasKind) {
        if (lo || hi) {
            issue(column + QStringLiteral("_dist"),
                  Uncertainty::tr("bounds are given without a distribution: set %1 to triangular or uniform")
                    .arg(column + QStringLiteral("_dist")));
            out.origin = UncertainValue::Origin::None;
            return out;
        }
        // A U or an SD alone: the rule of fromPercent() (a zero value with an SD: normal around 0,
        // truncated at 0 for non-negative columns).
        if (value != 0)
            out.dist = fromU(value, sdValue * 1.96 / std::fabs(value) * 100.0);
        else
            out.dist =
              nonNegative ? Distribution::truncatedNormal(0, sdValue) : Distribution::normal(0, sdValue);
        return out;
    }
    switch (kind) {
        case K::Fixed:
            out.dist = Distribution::fixed(value);
            break;
        case K::Normal:
        case K::TruncatedNormal:
        case K::Lognormal:
            if (sdValue < 0) {
                issue(column + QStringLiteral("_sd"),
                      Uncertainty::tr("a %1 distribution needs %2 or %3")
                        .arg(kindText, column + QStringLiteral("_sd"), column + QStringLiteral("_u_pct")));
                out.origin = UncertainValue::Origin::None;
                return out;
            }
            if (kind == K::Lognormal && value <= 0 && sdValue > 0) {
                issue(column,
                      Uncertainty::tr("a lognormal distribution needs a positive value, not %1").arg(value));
                out.origin = UncertainValue::Origin::None;
                return out;
            }
            out.dist = kind == K::Normal ? Distribution::normal(value, sdValue)
                       : kind == K::TruncatedNormal
                         ? (ownRange ? Distribution::truncatedNormal(value, sdValue, range.lo, range.hi)
                                     : Distribution::truncatedNormal(value, sdValue))
                         : Distribution::lognormal(value, sdValue);
            break;
        case K::Triangular:
        case K::Uniform:
            if (!lo || !hi) {
                issue(column + (lo ? QStringLiteral("_max") : QStringLiteral("_min")),
                      Uncertainty::tr("a %1 distribution needs %2 and %3")
                        .arg(kindText, column + QStringLiteral("_min"), column + QStringLiteral("_max")));
                out.origin = UncertainValue::Origin::None;
                return out;
            }
            if (!(*lo <= value && value <= *hi)) {
                issue(column + QStringLiteral("_min"),
                      Uncertainty::tr("the value %1 must lie within [%2, %3]").arg(value).arg(*lo).arg(*hi));
                out.origin = UncertainValue::Origin::None;
                return out;
            }
            if (nonNegative && *lo < 0) {
                issue(
                  column + QStringLiteral("_min"),
                  Uncertainty::tr("the lower bound %1 is negative but %2 cannot be").arg(*lo).arg(column));
                out.origin = UncertainValue::Origin::None;
                return out;
            }
            out.dist = kind == K::Triangular ? Distribution::triangular(*lo, value, *hi)
                                             : Distribution::uniform(*lo, *hi, value);
            break;
    }
    return out;
}

QString describe(const Distribution& d) {
    using K = Distribution::Kind;
    const QString name = QString::fromLatin1(kindName(d.kind));
    switch (d.kind) {
        case K::Fixed:
            return QStringLiteral("fixed(%1)").arg(d.value, 0, 'g', 10);
        case K::TruncatedNormal:
            if (d.min != 0 || std::isfinite(d.max))
                return QStringLiteral("truncnormal(mean %1, sd %2, within [%3, %4])")
                  .arg(d.value, 0, 'g', 10)
                  .arg(d.sd, 0, 'g', 10)
                  .arg(d.min, 0, 'g', 10)
                  .arg(std::isfinite(d.max) ? QString::number(d.max, 'g', 10) : QStringLiteral("inf"));
            [[fallthrough]];
        case K::Normal:
        case K::Lognormal:
            return QStringLiteral("%1(mean %2, sd %3)")
              .arg(name)
              .arg(d.value, 0, 'g', 10)
              .arg(d.sd, 0, 'g', 10);
        case K::Triangular:
            return QStringLiteral("triangular(min %1, mode %2, max %3)")
              .arg(d.min, 0, 'g', 10)
              .arg(d.value, 0, 'g', 10)
              .arg(d.max, 0, 'g', 10);
        case K::Uniform:
            return QStringLiteral("uniform(min %1, max %2)").arg(d.min, 0, 'g', 10).arg(d.max, 0, 'g', 10);
    }
    return name;
}

DrawMatrix drawsOf(const std::vector<const UncertainValue*>& values, std::uint64_t seed, int iterations) {
    std::vector<Distribution> dists;
    std::vector<std::uint64_t> keys;
    dists.reserve(values.size());
    keys.reserve(values.size());
    for (const UncertainValue* v : values) {
        dists.push_back(v->dist);
        keys.push_back(parameterKey(v->stream.empty() ? v->id : v->stream));
    }
    return DrawMatrix(dists, keys, seed, iterations);
}

} // namespace tanhui::models::uncertainty
