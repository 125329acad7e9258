#include "hotspot/reporting_world.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/count_draws.h"
#include "core/rng.h"

namespace oversight {

namespace {

constexpr double kDaysPerSemester = 182.5;

// Which cell a point of the km frame falls in: cell (x, y) covers (x - 1, x] x (y - 1, y].
class CellGrid {
 public:
  explicit CellGrid(const std::vector<ReportingCell>& cells) {
    for (const ReportingCell& c : cells) {
      x0_ = std::min(x0_, c.x);
      x1_ = std::max(x1_, c.x);
      y0_ = std::min(y0_, c.y);
      y1_ = std::max(y1_, c.y);
    }
    index_.assign(Width() * static_cast<size_t>(std::max(0, y1_ - y0_ + 1)), -1);
    for (size_t i = 0; i < cells.size(); ++i)
      index_[Slot(cells[i].x, cells[i].y)] = static_cast<int32_t>(i);
  }

  // The cell index, or -1 off the city.
  int32_t At(int32_t x, int32_t y) const {
    if (x < x0_ || x > x1_ || y < y0_ || y > y1_) return -1;
    return index_[Slot(x, y)];
  }
  int32_t Of(double x, double y) const {
    return At(static_cast<int32_t>(std::ceil(x)), static_cast<int32_t>(std::ceil(y)));
  }

 private:
  size_t Width() const { return static_cast<size_t>(std::max(0, x1_ - x0_ + 1)); }
  size_t Slot(int32_t x, int32_t y) const {
    return static_cast<size_t>(y - y0_) * Width() + static_cast<size_t>(x - x0_);
  }
  int32_t x0_ = INT32_MAX, x1_ = INT32_MIN, y0_ = INT32_MAX, y1_ = INT32_MIN;
  std::vector<int32_t> index_;
};

struct Event {
  int32_t day = 0;
  int32_t cell = 0;
  double x = 0, y = 0;
};

// What thinning needs of an event once its aftershocks are drawn.
struct Placed {
  int32_t day = 0;
  int32_t cell = 0;
};

// Adds to `mass` (per cell, one day) the expected aftershocks of an event at (x, y) that
// land in each cell of its 3 x 3 neighbourhood (an aftershock_sd of a tenth of a cell puts
// all but a negligible share there).
void AddAftershockMass(const ReportingScenarioOptions& o, const CellGrid& grid, const Event& e,
                       double* mass) {
  const auto cx = static_cast<int32_t>(std::ceil(e.x));
  const auto cy = static_cast<int32_t>(std::ceil(e.y));
  double px[3], py[3];
  for (int32_t i = 0; i < 3; ++i) {
    px[i] = NormalMassInUnit(e.x, o.aftershock_sd, cx - 1 + i);
    py[i] = NormalMassInUnit(e.y, o.aftershock_sd, cy - 1 + i);
  }
  for (int32_t i = 0; i < 3; ++i) {
    for (int32_t j = 0; j < 3; ++j) {
      const int32_t cell = grid.At(cx - 1 + i, cy - 1 + j);
      if (cell >= 0) mass[cell] += o.theta * px[i] * py[j];
    }
  }
}

// The superset process: every event, in the order drawn (background day by day, each
// followed by its aftershocks, depth first). Adds each event's expected aftershocks to
// `mass` (`[day * cells + cell]`).
std::vector<Placed> Superset(const ReportingScenarioOptions& o, const CellGrid& grid, Rng& rng,
                             int32_t span, std::vector<double>* mass) {
  std::vector<Placed> events;
  std::vector<Event> pending;
  const size_t cells = o.cells.size();
  const double per_bump = o.background_rate / static_cast<double>(o.bumps.size());
  for (int32_t day = 0; day < span; ++day) {
    for (const auto& [cx, cy] : o.bumps) {
      const int64_t n = PoissonCount(rng.Uniform(), per_bump);
      for (int64_t i = 0; i < n; ++i) {
        const double x = cx + o.bump_sd * rng.Normal();
        const double y = cy + o.bump_sd * rng.Normal();
        const int32_t cell = grid.Of(x, y);
        if (cell >= 0) pending.push_back({day, cell, x, y});
      }
      while (!pending.empty()) {
        const Event e = pending.back();
        pending.pop_back();
        events.push_back({e.day, e.cell});
        AddAftershockMass(o, grid, e, &(*mass)[static_cast<size_t>(e.day) * cells]);
        const int64_t children = PoissonCount(rng.Uniform(), o.theta);
        for (int64_t k = 0; k < children; ++k) {
          const double x = e.x + o.aftershock_sd * rng.Normal();
          const double y = e.y + o.aftershock_sd * rng.Normal();
          const double wait = -std::log(1.0 - rng.Uniform()) / o.omega;
          const int64_t at = e.day + std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait)));
          const int32_t cell = grid.Of(x, y);
          if (at < span && cell >= 0) pending.push_back({static_cast<int32_t>(at), cell, x, y});
        }
      }
    }
  }
  return events;
}

// Thins the superset to the full and reported data, district by district.
void Thin(const ReportingScenarioOptions& o, const std::vector<Placed>& events, Rng& rng,
          ReportingHistory* h) {
  const size_t districts = o.districts.size();
  h->superset_count.assign(districts, 0);
  for (const Placed& e : events)
    ++h->superset_count[static_cast<size_t>(o.cells[static_cast<size_t>(e.cell)].district)];
  const double semesters = h->span / kDaysPerSemester;
  h->target.assign(districts, 0.0);
  h->keep.assign(districts, 0.0);
  for (size_t d = 0; d < districts; ++d) {
    const ReportingDistrict& district = o.districts[d];
    h->target[d] =
        district.population / o.population_scale * district.victimization_rate * semesters;
    if (h->superset_count[d] > 0) {
      h->keep[d] = std::min(1.0, h->target[d] / static_cast<double>(h->superset_count[d]));
    }
  }
  h->full.assign(static_cast<size_t>(h->span) * h->cells, 0);
  h->reported.assign(h->full.size(), 0);
  h->full_count.assign(districts, 0);
  h->reported_count.assign(districts, 0);
  for (const Placed& e : events) {
    const auto d = static_cast<size_t>(o.cells[static_cast<size_t>(e.cell)].district);
    if (!rng.Bernoulli(h->keep[d])) continue;
    const size_t i = static_cast<size_t>(e.day) * h->cells + static_cast<size_t>(e.cell);
    ++h->full[i];
    ++h->full_count[d];
    if (rng.Bernoulli(o.districts[d].reporting_rate)) {
      ++h->reported[i];
      ++h->reported_count[d];
    }
  }
}

// The true intensity of the full data: keep_d x (background + expected aftershocks of the
// earlier superset events). With delays ceil(Exp(omega)), P(delay = k) = (1 - e) e^(k-1)
// for e = exp(-omega), so the aftershock part carries from day to day:
// T(t + 1) = e T(t) + (1 - e) M(t), M(t) the aftershocks expected from day t's events.
void TrueIntensity(const ReportingScenarioOptions& o, const std::vector<double>& mass,
                   ReportingHistory* h) {
  const double e = std::exp(-o.omega);
  std::vector<double> triggered(h->cells, 0.0);
  h->intensity.assign(static_cast<size_t>(h->span - h->first) * h->cells, 0.0);
  for (int32_t t = 0; t < h->span; ++t) {
    if (t >= h->first) {
      double* row = &h->intensity[static_cast<size_t>(t - h->first) * h->cells];
      for (size_t c = 0; c < h->cells; ++c) {
        const auto d = static_cast<size_t>(o.cells[c].district);
        row[c] = h->keep[d] * (h->background[c] + triggered[c]);
      }
    }
    const double* m = &mass[static_cast<size_t>(t) * h->cells];
    for (size_t c = 0; c < h->cells; ++c) triggered[c] = e * triggered[c] + (1 - e) * m[c];
  }
}

}  // namespace

double NormalMassInUnit(double centre, double sd, int32_t high) {
  const double s = sd * std::sqrt(2.0);
  return 0.5 * (std::erf((high - centre) / s) - std::erf((high - 1 - centre) / s));
}

ReportingHistory SimulateReportingHistory(const ReportingScenarioOptions& o, uint64_t seed,
                                          uint32_t run, int32_t span, int32_t first) {
  assert(first >= 0 && first <= span);
  ReportingHistory h;
  h.cells = o.cells.size();
  h.span = span;
  h.first = first;
  const CellGrid grid(o.cells);
  h.background.assign(h.cells, 0.0);
  const double per_bump = o.background_rate / static_cast<double>(o.bumps.size());
  for (size_t c = 0; c < h.cells; ++c) {
    for (const auto& [cx, cy] : o.bumps) {
      h.background[c] += per_bump * NormalMassInUnit(cx, o.bump_sd, o.cells[c].x) *
                         NormalMassInUnit(cy, o.bump_sd, o.cells[c].y);
    }
  }
  Rng rng(seed, Stream::kReporting, 0, static_cast<int32_t>(run));
  std::vector<double> mass(static_cast<size_t>(span) * h.cells, 0.0);
  const std::vector<Placed> events = Superset(o, grid, rng, span, &mass);
  Thin(o, events, rng, &h);
  TrueIntensity(o, mass, &h);
  return h;
}

}  // namespace oversight
