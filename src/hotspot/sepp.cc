// Derivation of the carried sums: for bin b and its event days t_1 < t_2 < ... with counts
// c_k, let A_k = sum_{j<k} c_j exp(-omega (t_k - t_j)) and B_k = sum_{j<k} c_j (t_k - t_j)
// exp(-omega (t_k - t_j)). With d = t_{k+1} - t_k and e = exp(-omega d):
//   A_{k+1} = e (A_k + c_k)        B_{k+1} = e (B_k + d (A_k + c_k)).
// The intensity at t_k is lambda_k = mu_b + theta omega A_k. An incident on day t_k is
// background with probability mu_b / lambda_k; the expected number of triggering pairs it
// belongs to is theta omega A_k / lambda_k, and their summed lags theta omega B_k /
// lambda_k. The M step: mu_b = (background incidents of b) / window, theta = (triggered
// incidents) / (all incidents), omega = (triggered incidents) / (summed lags).
#include "hotspot/sepp.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace oversight {

namespace {

constexpr double kNoTriggering = 1e-12;
constexpr double kOmegaMatters = 1e-6;

struct EStep {
  std::vector<double> background;  // per bin: expected background incidents
  double triggered = 0;            // expected triggered incidents, all bins
  double lags = 0;                 // expected summed lags of the triggered ones
};

// exp(-omega d) for d = 0 .. days: the lags are whole days, so one table serves a pass.
std::vector<double> DecayTable(double omega, int32_t days) {
  std::vector<double> table(static_cast<size_t>(days) + 1);
  for (size_t d = 0; d < table.size(); ++d) table[d] = std::exp(-omega * static_cast<double>(d));
  return table;
}

EStep Expect(std::span<const BinHistory> bins, const SeppFit& fit, int32_t window_days) {
  EStep e;
  e.background.assign(bins.size(), 0.0);
  const double theta_omega = fit.theta * fit.omega;
  const std::vector<double> decays = DecayTable(fit.omega, window_days);
  for (size_t b = 0; b < bins.size(); ++b) {
    const BinHistory& h = bins[b];
    const double mu = fit.mu[b];
    double a = 0, bsum = 0;
    for (size_t k = 0; k < h.days.size(); ++k) {
      if (k > 0) {
        const int32_t lag = h.days[k] - h.days[k - 1];
        const double d = lag;
        const double decay = decays[static_cast<size_t>(lag)];
        const double previous = a + h.counts[k - 1];
        bsum = decay * (bsum + d * previous);
        a = decay * previous;
      }
      const double lambda = mu + theta_omega * a;
      if (lambda <= 0) continue;  // a bin with no background and nothing before: unreachable
      const double c = h.counts[k];
      e.background[b] += c * mu / lambda;
      e.triggered += c * theta_omega * a / lambda;
      e.lags += c * theta_omega * bsum / lambda;
    }
  }
  return e;
}

// Near theta = 0 omega hardly matters to the fit and wanders: it is not waited for.
bool AllSettled(const SeppOptions& o, const SeppFit& next, const SeppFit& fit, double mu_change,
                double mu_sum) {
  return std::abs(next.theta - fit.theta) <= o.tolerance &&
         (next.theta < kOmegaMatters ||
          std::abs(next.omega - fit.omega) <= o.tolerance * fit.omega) &&
         mu_change <= o.tolerance * std::max(mu_sum, 1e-12);
}

bool AnySettled(const SeppOptions& o, const SeppFit& next, const SeppFit& fit, double mu_change) {
  return std::abs(next.omega - fit.omega) <= o.any_omega_tolerance ||
         std::abs(next.theta - fit.theta) <= o.any_theta_tolerance ||
         mu_change <= o.any_mu_tolerance;
}

}  // namespace

void HistoriesFromDaily(std::span<const int32_t> daily, size_t bins, int32_t from, int32_t length,
                        std::vector<BinHistory>* out) {
  out->resize(bins);
  for (BinHistory& h : *out) {
    h.days.clear();
    h.counts.clear();
  }
  for (int32_t d = 0; d < length; ++d) {
    const std::span<const int32_t> row = daily.subspan(static_cast<size_t>(from + d) * bins, bins);
    for (size_t b = 0; b < bins; ++b) {
      if (row[b] == 0) continue;
      (*out)[b].days.push_back(d);
      (*out)[b].counts.push_back(row[b]);
    }
  }
}

SeppFit FitSepp(std::span<const BinHistory> bins, int32_t window_days, const SeppOptions& options,
                const SeppFit* start) {
  SeppFit fit;
  if (start != nullptr && start->mu.size() == bins.size() && start->omega > 0) {
    fit.mu = start->mu;
    fit.theta = start->theta;
    fit.omega = start->omega;
  } else {
    fit.mu.assign(bins.size(), 1.0);
    fit.theta = 1.0;
    fit.omega = 1.0;
  }
  double total = 0;
  for (const BinHistory& h : bins) total += std::accumulate(h.counts.begin(), h.counts.end(), 0.0);
  if (total == 0) {
    std::fill(fit.mu.begin(), fit.mu.end(), 0.0);
    fit.theta = 0;
    fit.converged = true;
    return fit;
  }
  const double window = window_days;
  for (fit.iterations = 1; fit.iterations <= options.max_iterations; ++fit.iterations) {
    // A bin whose mu reached zero keeps a small floor so that its first incident, which has
    // nothing before it, still has an intensity.
    for (double& mu : fit.mu) mu = std::max(mu, 1e-12);
    const EStep e = Expect(bins, fit, window_days);
    SeppFit next;
    next.mu.resize(bins.size());
    if (options.background_shape.size() == bins.size()) {
      const double bar = std::accumulate(e.background.begin(), e.background.end(), 0.0) / window;
      for (size_t b = 0; b < bins.size(); ++b) next.mu[b] = bar * options.background_shape[b];
    } else {
      for (size_t b = 0; b < bins.size(); ++b) next.mu[b] = e.background[b] / window;
    }
    next.theta = e.triggered / total;
    // The boundary: EM approaches theta = 0 geometrically, never reaching it; below
    // kNoTriggering it is zero (and no denormal slows the passes).
    if (next.theta < kNoTriggering) next.theta = 0;
    // Without triggering the decay is not identified: keep the last one.
    next.omega =
        next.theta > 0 && e.lags > 0 ? std::clamp(e.triggered / e.lags, 1e-6, 1e3) : fit.omega;
    double mu_change = 0, mu_sum = 0;
    for (size_t b = 0; b < bins.size(); ++b) {
      mu_change += std::abs(next.mu[b] - fit.mu[b]);
      mu_sum += next.mu[b];
    }
    const bool done = options.stop == SeppStop::kAny
                          ? AnySettled(options, next, fit, mu_change)
                          : AllSettled(options, next, fit, mu_change, mu_sum);
    fit.mu = std::move(next.mu);
    fit.theta = next.theta;
    fit.omega = next.omega;
    if (done) {
      fit.converged = true;
      break;
    }
  }
  fit.iterations = std::min(fit.iterations, options.max_iterations);
  return fit;
}

std::vector<double> SeppIntensity(std::span<const BinHistory> bins, const SeppFit& fit,
                                  int32_t day) {
  std::vector<double> out(bins.size());
  const double theta_omega = fit.theta * fit.omega;
  for (size_t b = 0; b < bins.size(); ++b) {
    double excitation = 0;
    const BinHistory& h = bins[b];
    for (size_t k = 0; k < h.days.size(); ++k) {
      excitation += h.counts[k] * std::exp(-fit.omega * (day - h.days[k]));
    }
    out[b] = fit.mu[b] + theta_omega * excitation;
  }
  return out;
}

std::vector<int32_t> TopIndices(std::span<const double> values, int32_t k) {
  std::vector<int32_t> order;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] > 0) order.push_back(static_cast<int32_t>(i));
  }
  const auto n = std::min<size_t>(order.size(), static_cast<size_t>(std::max(k, 0)));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](int32_t a, int32_t b) {
                      const double va = values[static_cast<size_t>(a)];
                      const double vb = values[static_cast<size_t>(b)];
                      return va != vb ? va > vb : a < b;
                    });
  order.resize(n);
  return order;
}

}  // namespace oversight
