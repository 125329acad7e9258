// A self-exciting point process over grid bins, as PredPol's published model (Mohler et
// al., "Randomized controlled field trials of predictive policing", JASA 2015) and Lum and
// Isaac's reimplementation of it: each bin has its own background rate mu_b, and every
// recorded incident raises its bin's rate for the days after by theta * omega *
// exp(-omega * days since). Incidents are dated to the day; an incident excites only later
// days.
//
// Fitting is by expectation-maximisation on one window of daily counts (the E step shares
// each incident between background and the earlier incidents of its bin; the M step sets
// mu_b, theta and omega from the shares). With an exponential kernel the sums over earlier
// incidents are carried from day to day (A and B below), so an iteration costs one pass
// over the bin-days that have incidents, not a pass over pairs.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace oversight {

// One bin's incidents in a window: days (from the window's first day, 0-based, ascending,
// distinct) and the count on each.
struct BinHistory {
  std::vector<int32_t> days;
  std::vector<int32_t> counts;
};

// Fills `out` (one history per bin) from daily counts laid out day by day, `bins` per day
// (`daily[day * bins + bin]`), over days [from, from + length); day 0 of the histories is
// `from`. Reuses the vectors' memory.
void HistoriesFromDaily(std::span<const int32_t> daily, size_t bins, int32_t from, int32_t length,
                        std::vector<BinHistory>* out);

struct SeppFit {
  std::vector<double> mu;  // background rate per bin, per day
  double theta = 0;        // expected incidents each incident triggers
  double omega = 0;        // decay of the triggering, per day
  int32_t iterations = 0;
  bool converged = false;
};

// When EM stops. kAll: every parameter has settled (the maximum-likelihood fit). kAny: the
// rule of Lum and Isaac's code (HRDAG's predpol.py), which stops as soon as ONE of
// |change of omega| <= 1e-5, |change of theta| <= 1e-5 or the summed |change of mu| <= 1e-4
// holds, leaving the others where that iteration put them.
enum class SeppStop : uint8_t { kAll, kAny };

struct SeppOptions {
  int32_t max_iterations = 1000;
  SeppStop stop = SeppStop::kAll;
  // kAll: on theta, on omega (relative; not once theta < 1e-6, where omega hardly changes
  // the fit) and on the sum of mu (relative). Theta below 1e-12 is 0: EM approaches that
  // boundary geometrically and would never stop.
  double tolerance = 1e-5;
  // kAny: the authors' absolute tolerances.
  double any_omega_tolerance = 1e-5;
  double any_theta_tolerance = 1e-5;
  double any_mu_tolerance = 1e-4;
  // Empty: each bin its own background mu_b. Otherwise one broad background shared by the
  // bins in these proportions (one per bin, summing to 1): mu_b = mu_bar x shape_b, and EM
  // fits mu_bar alone (Akpinar et al.'s model, hotspot/reporting_forecast.h).
  std::vector<double> background_shape;
};

// Fits the model to `bins` over a window of `window_days` days. `start`, when it has one
// mu per bin, is where the iterations begin; otherwise mu = 1, theta = 1, omega = 1. (A warm
// start from yesterday's fit is a trap: once theta reaches 0, EM keeps it there.)
SeppFit FitSepp(std::span<const BinHistory> bins, int32_t window_days, const SeppOptions& options,
                const SeppFit* start = nullptr);

// Each bin's conditional intensity on `day` (0-based from the window's first day; after
// every recorded day): mu_b + theta * omega * sum of exp(-omega * (day - t)) over its
// incidents.
std::vector<double> SeppIntensity(std::span<const BinHistory> bins, const SeppFit& fit,
                                  int32_t day);

// The indices of the `k` largest positive values, largest first; ties go to the lower
// index (so the choice never depends on anything but the values).
std::vector<int32_t> TopIndices(std::span<const double> values, int32_t k);

}  // namespace oversight
