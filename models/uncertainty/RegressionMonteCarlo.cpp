// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/RegressionMonteCarlo.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

namespace tanhui::models::uncertainty {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Translation context of this file's user-facing strings.
struct RegressionMonteCarlo {
    Q_DECLARE_TR_FUNCTIONS(RegressionMonteCarlo)
};

/// The column of index `c` for a row (the bias column is the one the row has).
QString columnOf(int c, const carbon::RegressionCoefficients& row) {
    switch (c) {
        case 0:
            return QStringLiteral("a");
        case 1:
            return QStringLiteral("b");
        case 2:
            return row.smearing ? QStringLiteral("smearing") : QStringLiteral("bias_sigma2");
        case 3:
            return QStringLiteral("r_low");
        case 4:
            return QStringLiteral("r_high");
        default:
            return QStringLiteral("cf");
    }
}

/// The coefficients of a row with iteration i's draws.
carbon::RegressionCoefficients drawn(const carbon::RegressionCoefficients& c,
                                     bool hasBias,
                                     const DrawMatrix& draws,
                                     const std::vector<double>& correlatedB,
                                     std::size_t row,
                                     int i) {
    carbon::RegressionCoefficients d = c;
    auto x = [&](int col) { return draws.row(row * kRegressionUncertainColumns + std::size_t(col))[i]; };
    d.a = x(0);
    d.b = correlatedB.empty() ? x(1) : correlatedB[std::size_t(i)];
    if (hasBias) {
        if (c.smearing)
            d.smearing = std::max(0.0, x(2));
        else
            d.biasSigma2 = std::max(0.0, x(2));
    }
    d.rLow = std::max(0.0, x(3));
    d.rHigh = std::max(0.0, x(4));
    d.cf = std::max(0.0, x(5));
    return d;
}

/// Per year of a unit: the carbon (t C) with the given coefficients (per row in lookup order).
void evaluate(const RegressionUnit& u,
              const std::vector<std::int64_t>& codes,
              const carbon::RegressionCoefficients* coeffs,
              std::vector<double>& carbon,
              std::vector<double>& means,
              std::vector<double>& low,
              std::vector<double>& high,
              std::vector<carbon::RClass>* rClasses = nullptr) {
    const std::size_t ny = u.years.size();
    means.assign(ny, kNaN);
    low.assign(ny, 0.0);
    high.assign(ny, 0.0);
    for (std::size_t y = 0; y < ny; ++y) {
        const RegressionUnitYear& yr = u.years[y];
        double agbT = 0;
        std::size_t row = 0;
        for (const carbon::RegressionParcelYear::ViBin& b : yr.bins) {
            // Bins are ascending by code: advance the row index.
            while (row < codes.size() && codes[row] < b.code)
                ++row;
            if (row >= codes.size() || codes[row] != b.code)
                throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                    "regression Monte Carlo: no coefficient row for code " +
                                      std::to_string(b.code));
            const carbon::RegressionCoefficients& c = coeffs[row];
            const double agb = carbon::predictAgb(c, b.vi);
            agbT += b.areaHa * agb;
            low[y] += b.areaHa * carbon::carbonDensity(agb, c.rLow, c.cf);
            high[y] += b.areaHa * carbon::carbonDensity(agb, c.rHigh, c.cf);
        }
        if (yr.forestAreaHa > 0)
            means[y] = agbT / yr.forestAreaHa;
    }
    const std::vector<carbon::RClass> classes = carbon::rClassTrajectory(means, u.hysteresis);
    if (rClasses)
        *rClasses = classes;
    carbon.assign(ny, 0.0);
    for (std::size_t y = 0; y < ny; ++y)
        if (u.years[y].present)
            carbon[y] = classes[y] == carbon::RClass::High ? high[y] : low[y];
}

/// Approach 1 U (fraction) of a unit's stock in year `y` with the central R class `rClass` (see
/// sampleRegressionUnits()); NaN where it does not apply.
double approach1Linear(const RegressionUncertaintyModel& model,
                       const std::vector<carbon::RegressionCoefficients>& rows,
                       const RegressionUnitYear& year,
                       carbon::RClass rClass) {
    if (!year.present || year.bins.empty())
        return kNaN;
    std::vector<double> x, u;
    std::size_t row = 0;
    for (std::size_t k = 0; k < year.bins.size();) {
        const std::int64_t code = year.bins[k].code;
        while (row < rows.size() && rows[row].code < code)
            ++row;
        if (row >= rows.size() || rows[row].code != code)
            return kNaN;
        const carbon::RegressionCoefficients& c = rows[row];
        if (c.form != carbon::AgbForm::Linear)
            return kNaN;
        double area = 0, areaVi = 0;
        for (; k < year.bins.size() && year.bins[k].code == code; ++k) {
            const double agb = carbon::agbModel(c.form, c.a, c.b, year.bins[k].vi);
            if (!(agb > 0) || agb > c.agbCap)
                return kNaN; // clamped or capped: not a sum of the coefficients
            area += year.bins[k].areaHa;
            areaVi += year.bins[k].areaHa * year.bins[k].vi;
        }
        const auto& v = model.values[row];
        const double inner[] = { c.a * area, c.b * areaVi };
        // Eq. 3.2 over a·A and b·S, with the covariance term of correlated estimates.
        const double ta = v[0].dist.u95() * inner[0], tb = v[1].dist.u95() * inner[1];
        const double innerU =
          std::sqrt(std::max(0.0, ta * ta + tb * tb + 2.0 * model.abCorr[row] * ta * tb)) /
          std::fabs(inner[0] + inner[1]);
        const bool high = rClass == carbon::RClass::High;
        const double r = high ? c.rHigh : c.rLow;
        const double parts[] = { innerU, uOnePlusR(v[high ? 4 : 3].dist.u95(), r), v[5].dist.u95() };
        x.push_back((1.0 + r) * c.cf * (inner[0] + inner[1]));
        u.push_back(approach1Product(parts));
    }
    return approach1Sum(x, u);
}

} // namespace

RegressionUncertaintyModel buildRegressionUncertainty(const params::ParameterTable& table,
                                                      const carbon::RegressionLookup& lookup,
                                                      const UncertaintyDefaults& defaults) {
    RegressionUncertaintyModel model;
    for (const carbon::RegressionCoefficients& c : lookup.rows()) {
        model.codes.push_back(c.code);
        const bool bias = c.biasSigma2.has_value() || c.smearing.has_value();
        model.hasBias.push_back(bias);
        const params::TableRow* row = table.find(QString::number(c.code));
        std::array<UncertainValue, kRegressionUncertainColumns> values;
        const double central[] = { c.a,    c.b,     c.smearing.value_or(c.biasSigma2.value_or(0.0)),
                                   c.rLow, c.rHigh, c.cf };
        for (int col = 0; col < kRegressionUncertainColumns; ++col) {
            const QString column = columnOf(col, c);
            UncertainValue& v = values[std::size_t(col)];
            if (row && (col != 2 || bias)) {
                v = readUncertainty(table, *row, column, defaults, model.issues);
            } else {
                v.id = "rs_coefficients/" + std::to_string(c.code) + "/" + column.toStdString();
                v.dist = Distribution::fixed(central[col]);
            }
            if ((col != 2 || bias) && v.dist.isFixed() && v.dist.value != 0 &&
                v.origin != UncertainValue::Origin::Constant)
                model.fixedIds.push_back(std::to_string(c.code) + "/" + column.toStdString());
        }
        model.values.push_back(std::move(values));
        double rho = 0;
        if (row) {
            const auto it = row->text.find(QStringLiteral("ab_corr"));
            const QString text = it == row->text.end() ? QString() : it->second.trimmed();
            if (!text.isEmpty()) {
                bool ok = false;
                rho = text.toDouble(&ok);
                if (!ok || !(rho >= -1 && rho <= 1)) {
                    model.issues.push_back(
                      { params::Issue::Severity::Error,
                        row->file,
                        row->line,
                        QStringLiteral("ab_corr"),
                        RegressionMonteCarlo::tr("ab_corr must be a correlation from -1 to 1 (of the "
                                                 "fitted a and b), not '%1'")
                          .arg(text) });
                    rho = 0;
                }
            }
        }
        model.abCorr.push_back(rho);
    }
    return model;
}

std::vector<UnitSamples> sampleRegressionUnits(const RegressionUncertaintyModel& model,
                                               const carbon::RegressionLookup& lookup,
                                               const std::vector<RegressionUnit>& units,
                                               const MonteCarloOptions& options) {
    const int n = std::max(1, options.iterations);
    const std::vector<carbon::RegressionCoefficients>& rows = lookup.rows();
    if (rows.size() != model.codes.size())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            "regression Monte Carlo: the model does not match the coefficient table");
    const DrawMatrix draws = drawsOfRows(model.values, options.seed, n);
    // b of rows with ab_corr: a Gaussian copula on a's and b's own uniform numbers.
    std::vector<std::vector<double>> correlatedB(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double rho = r < model.abCorr.size() ? model.abCorr[r] : 0.0;
        const UncertainValue& a = model.values[r][0];
        const UncertainValue& b = model.values[r][1];
        if (rho == 0 || a.dist.isFixed() || b.dist.isFixed())
            continue;
        const std::uint64_t ka = parameterKey(a.id), kb = parameterKey(b.id);
        const double s = std::sqrt(std::max(0.0, 1.0 - rho * rho));
        correlatedB[r].resize(std::size_t(n));
        for (int i = 0; i < n; ++i) {
            const double za = normalQuantile(uniform01(options.seed, ka, std::uint64_t(i)));
            const double zb = normalQuantile(uniform01(options.seed, kb, std::uint64_t(i)));
            const double u = std::clamp(normalCdf(rho * za + s * zb), 0x1p-60, 1.0 - 0x1p-53);
            correlatedB[r][std::size_t(i)] = b.dist.quantile(u);
        }
    }
    // The drawn rows of every iteration: [iteration][row].
    std::vector<carbon::RegressionCoefficients> coeffs(std::size_t(n) * rows.size());
    for (int i = 0; i < n; ++i)
        for (std::size_t r = 0; r < rows.size(); ++r)
            coeffs[std::size_t(i) * rows.size() + r] =
              drawn(rows[r], model.hasBias[r], draws, correlatedB[r], r, i);

    std::vector<UnitSamples> out(units.size());
    std::atomic<std::size_t> next{ 0 }, done{ 0 };
    std::atomic<bool> stop{ false };
    std::exception_ptr error;
    std::mutex mutex;
    auto worker = [&](bool main) {
        std::vector<double> carbon, means, low, high;
        try {
            for (;;) {
                const std::size_t u = next++;
                if (u >= units.size() || stop)
                    return;
                const RegressionUnit& unit = units[u];
                const std::size_t ny = unit.years.size();
                UnitSamples& us = out[u];
                us.stocks.resize(ny);
                for (QuantitySamples& q : us.stocks)
                    q.samples.resize(std::size_t(n));
                std::vector<carbon::RClass> classes;
                evaluate(unit, model.codes, rows.data(), carbon, means, low, high, &classes);
                for (std::size_t y = 0; y < ny; ++y) {
                    us.stocks[y].central = carbon[y];
                    us.stocks[y].u95 = approach1Linear(model, rows, unit.years[y], classes[y]);
                }
                for (int i = 0; i < n; ++i) {
                    evaluate(unit,
                             model.codes,
                             coeffs.data() + std::size_t(i) * rows.size(),
                             carbon,
                             means,
                             low,
                             high);
                    for (std::size_t y = 0; y < ny; ++y)
                        us.stocks[y].samples[std::size_t(i)] = carbon[y];
                }
                // Changes: consecutive, then first → last (as trajectoryChanges()).
                std::vector<std::pair<std::size_t, std::size_t>> pairs;
                for (std::size_t y = 1; y < ny; ++y)
                    pairs.emplace_back(y - 1, y);
                if (ny > 2)
                    pairs.emplace_back(0, ny - 1);
                for (const auto& [a, b] : pairs) {
                    QuantitySamples c;
                    c.u95 = kNaN;
                    c.samples.assign(std::size_t(n), 0.0);
                    if (unit.years[a].present && unit.years[b].present) {
                        c.central = us.stocks[b].central - us.stocks[a].central;
                        c.u95 = approach1Difference(
                          us.stocks[a].central, us.stocks[a].u95, us.stocks[b].central, us.stocks[b].u95);
                        for (std::size_t i = 0; i < std::size_t(n); ++i)
                            c.samples[i] = us.stocks[b].samples[i] - us.stocks[a].samples[i];
                    }
                    us.changes.push_back(std::move(c));
                }
                const std::size_t d = ++done;
                if (main && options.feedback) {
                    options.feedback->throwIfCancelled();
                    options.feedback->setProgress(100.0 * double(d) / double(units.size()), "Monte Carlo");
                }
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(mutex);
            if (!error)
                error = std::current_exception();
            stop = true;
        }
    };
    const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = int(std::clamp<std::size_t>(
      std::size_t(options.threads > 0 ? options.threads : hw), 1, std::max<std::size_t>(1, units.size())));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker, false);
    worker(true);
    for (std::thread& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
    return out;
}

} // namespace tanhui::models::uncertainty
