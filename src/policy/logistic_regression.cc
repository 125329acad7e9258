#include "policy/logistic_regression.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <span>

#include "core/snapshot.h"

namespace oversight {

namespace {

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Solves a x = b for a symmetric positive definite `a` (n x n, row-major) by Cholesky.
std::vector<double> Solve(std::vector<double> a, std::vector<double> b, size_t n) {
  for (size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
    d = std::sqrt(std::max(d, 1e-12));
    a[j * n + j] = d;
    for (size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / d;
    }
  }
  for (size_t i = 0; i < n; ++i) {  // L z = b
    for (size_t k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) {  // L^T x = z
    for (size_t k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  return b;
}

// The Newton step's sums run over the rows in row order for every entry of the hessian
// and the gradient, as in the textbook loop (h[i][j] += (w * z[i]) * z[j], g[i] += r * z[i]),
// so that a fit is the same bits whatever the split of work. The speed comes from doing many
// entries at once instead: a tile is kTileRows rows of the hessian by kLanes columns, its
// sums held in vector registers while a block of training rows streams past. Threads take
// whole tiles, never rows of one sum.
constexpr size_t kLanes = 8;       // columns per tile (one AVX-512 vector of doubles)
constexpr size_t kTileRows = 4;    // hessian rows per tile
constexpr size_t kRowBlock = 512;  // training rows per pass over the tiles (fits in L2)
using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));

size_t RoundUp(size_t x, size_t to) { return (x + to - 1) / to * to; }

// A tile's first hessian row and first column; first_row == n marks the gradient's tiles.
struct Tile {
  size_t first_row, first_column;
};

// The tiles covering the lower triangle of an n x n hessian, then the gradient.
std::vector<Tile> TilesOf(size_t n) {
  std::vector<Tile> tiles;
  for (size_t i = 0; i < n; i += kTileRows) {
    const size_t last = std::min(i + kTileRows, n) - 1;
    for (size_t j = 0; j <= last; j += kLanes) tiles.push_back(Tile{i, j});
  }
  for (size_t j = 0; j < n; j += kLanes) tiles.push_back(Tile{n, j});
  return tiles;
}

// Unaligned vector loads and stores (through pointers: a 64-byte vector passed by value
// would take a different calling convention in each clone below).
void Load(Lanes* v, const double* p) { std::memcpy(v, p, sizeof *v); }
void Store(double* p, const Lanes* v) { std::memcpy(p, v, sizeof *v); }

#if defined(__x86_64__) && defined(__GNUC__)
// One copy per vector width, chosen when the program loads (the same bits from each).
#define OVERSIGHT_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define OVERSIGHT_VECTOR_CLONES
#endif

// Adds rows [first, end) of `z` (standardised rows, `stride` apart, zero past n) to the
// tiles: `hessian` is RoundUp(n, kTileRows) rows `stride` apart, `gradient` is `stride` long.
// `scaled` has room for kRowBlock rows: it holds each row times its weight (w * z[i]).
OVERSIGHT_VECTOR_CLONES void AccumulateTiles(const double* z, const double* weight,
                                             const double* residual, size_t first, size_t end,
                                             size_t n, size_t stride, std::span<const Tile> tiles,
                                             double* scaled, double* hessian, double* gradient) {
  for (size_t r = first; r < end; ++r) {
    for (size_t i = 0; i < stride; i += kLanes) {
      Lanes v;
      Load(&v, z + r * stride + i);
      v *= weight[r];
      Store(scaled + (r - first) * stride + i, &v);
    }
  }
  for (const Tile& tile : tiles) {
    const size_t j = tile.first_column;
    Lanes zj;
    if (tile.first_row == n) {
      Lanes g;
      Load(&g, gradient + j);
      for (size_t r = first; r < end; ++r) {
        Load(&zj, z + r * stride + j);
        g += zj * residual[r];
      }
      Store(gradient + j, &g);
      continue;
    }
    double* h = hessian + tile.first_row * stride + j;
    Lanes h0, h1, h2, h3;
    Load(&h0, h);
    Load(&h1, h + stride);
    Load(&h2, h + 2 * stride);
    Load(&h3, h + 3 * stride);
    for (size_t r = first; r < end; ++r) {
      const double* s = scaled + (r - first) * stride + tile.first_row;
      Load(&zj, z + r * stride + j);
      h0 += zj * s[0];
      h1 += zj * s[1];
      h2 += zj * s[2];
      h3 += zj * s[3];
    }
    Store(h, &h0);
    Store(h + stride, &h1);
    Store(h + 2 * stride, &h2);
    Store(h + 3 * stride, &h3);
  }
}
static_assert(kTileRows == 4, "AccumulateTiles holds four hessian rows");

}  // namespace

// Each feature's mean and standard deviation over the rows (a constant feature keeps a
// scale of 1, so it stays at 0 after centring).
void LogisticRegression::Standardise(const std::vector<float>& x, size_t rows) {
  const size_t width = width_;
  mean_.assign(width, 0.0);
  scale_.assign(width, 1.0);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < width; ++f) mean_[f] += x[r * width + f];
  }
  for (double& m : mean_) m /= static_cast<double>(std::max<size_t>(rows, 1));
  std::vector<double> var(width, 0.0);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < width; ++f) {
      const double d = x[r * width + f] - mean_[f];
      var[f] += d * d;
    }
  }
  for (size_t f = 0; f < width; ++f) {
    const double sd = std::sqrt(var[f] / static_cast<double>(std::max<size_t>(rows, 1)));
    scale_[f] = sd > 1e-9 ? sd : 1.0;  // a constant feature stays at 0 after centring
  }
}

int LogisticRegression::Fit(const std::vector<float>& x, const std::vector<uint8_t>& y,
                            size_t width, double ridge, int max_iterations) {
  assert(width > 0 && x.size() == y.size() * width);
  width_ = width;
  const size_t rows = y.size();
  Standardise(x, rows);
  const size_t n = width + 1;
  // The standardised rows, with the intercept's 1 first; they do not change between steps.
  const size_t stride = RoundUp(n, kLanes);
  std::vector<double> z(rows * stride, 0.0);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, rows, 1024), [&](const auto& range) {
    for (size_t r = range.begin(); r != range.end(); ++r) {
      z[r * stride] = 1.0;
      for (size_t f = 0; f < width; ++f) {
        z[r * stride + f + 1] = (x[r * width + f] - mean_[f]) / scale_[f];
      }
    }
  });
  const std::vector<Tile> tiles = TilesOf(n);
  // One run of tiles per thread: each task streams all the rows once (any split gives the
  // same bits).
  const auto threads = static_cast<size_t>(tbb::this_task_arena::max_concurrency());
  const size_t tiles_per_task = (tiles.size() + threads - 1) / threads;
  weights_.assign(n, 0.0);
  std::vector<double> weight(rows), residual(rows);
  std::vector<double> sums(RoundUp(n, kTileRows) * stride), gradient_sums(stride);
  std::vector<double> hessian(n * n), gradient(n);
  int iteration = 0;
  for (; iteration < max_iterations; ++iteration) {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, rows, 1024), [&](const auto& range) {
      for (size_t r = range.begin(); r != range.end(); ++r) {
        const double* zr = &z[r * stride];
        double dot = 0.0;
        for (size_t k = 0; k < n; ++k) dot += weights_[k] * zr[k];
        const double p = Sigmoid(dot);
        weight[r] = std::max(p * (1.0 - p), 1e-10);
        residual[r] = static_cast<double>(y[r]) - p;
      }
    });
    std::fill(sums.begin(), sums.end(), 0.0);
    std::fill(gradient_sums.begin(), gradient_sums.end(), 0.0);
    tbb::parallel_for(
        tbb::blocked_range<size_t>(0, tiles.size(), tiles_per_task), [&](const auto& range) {
          const std::span<const Tile> mine(tiles.data() + range.begin(), range.size());
          std::vector<double> scaled(kRowBlock * stride);
          for (size_t r = 0; r < rows; r += kRowBlock) {
            AccumulateTiles(z.data(), weight.data(), residual.data(), r,
                            std::min(rows, r + kRowBlock), n, stride, mine, scaled.data(),
                            sums.data(), gradient_sums.data());
          }
        });
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j <= i; ++j) hessian[i * n + j] = sums[i * stride + j];
      gradient[i] = gradient_sums[i];
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < i; ++j) hessian[j * n + i] = hessian[i * n + j];
      const double penalty = i == 0 ? 0.0 : ridge * static_cast<double>(rows);
      hessian[i * n + i] += penalty + 1e-9;
      gradient[i] -= penalty * weights_[i];
    }
    const std::vector<double> step = Solve(hessian, gradient, n);
    double largest = 0.0;
    for (size_t k = 0; k < n; ++k) {
      weights_[k] += step[k];
      largest = std::max(largest, std::abs(step[k]));
    }
    if (largest < 1e-8) {
      ++iteration;
      break;
    }
  }
  raw_ = Coefficients();
  return iteration;
}

double LogisticRegression::Predict(const float* row) const {
  return Finish(Partial(row, 0), row, 0);
}

double LogisticRegression::Partial(const float* row, size_t n) const {
  double dot = raw_[0];
  for (size_t f = 0; f < n; ++f) dot += raw_[f + 1] * row[f];
  return dot;
}

double LogisticRegression::Finish(double partial, const float* row, size_t n) const {
  double dot = partial;
  for (size_t f = n; f < width_; ++f) dot += raw_[f + 1] * row[f];
  return Sigmoid(dot);
}

std::vector<double> LogisticRegression::Coefficients() const {
  std::vector<double> out(width_ + 1);
  out[0] = weights_[0];
  for (size_t f = 0; f < width_; ++f) {
    out[f + 1] = weights_[f + 1] / scale_[f];
    out[0] -= weights_[f + 1] * mean_[f] / scale_[f];
  }
  return out;
}

void LogisticRegression::Save(SnapshotWriter& out) const {
  out(width_, mean_, scale_, weights_, raw_);
}

void LogisticRegression::Load(SnapshotReader& in) { in(width_, mean_, scale_, weights_, raw_); }

}  // namespace oversight
