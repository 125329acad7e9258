// The analytic long-run share of Ensign et al.'s urn (polya_urn.h): region A's share x* at
// which the urn's expected daily additions are split x* : 1 - x*, the fixed point the
// simulated share approaches.
//
// Each day's expected additions are linear in A's share x on [0, 1/2] and on [1/2, 1] (the
// correction's acceptance probability p_other / max(p_A, p_B) changes form at 1/2), so on
// each half the fixed point solves a quadratic; without the correction, with update matrix
// [[a, b], [c, d]] (row A: what A and B gain when A is patrolled), it is Ensign et al.'s
//   (c + d - a - b) x^2 + (a - 2c - d) x + c = 0.
// The limit is the stable root (the expected drift changes from up to down through it).
// Decay scales both regions' balls alike and is left out; its floor of one ball is not.
//
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <optional>

#include "hotspot/polya_urn.h"

namespace oversight {

// The real roots in [lo, hi] of q2 x^2 + q1 x + q0 = 0 (of the line when q2 is zero).
std::array<std::optional<double>, 2> QuadraticRoots(double q2, double q1, double q0, double lo,
                                                    double hi);

// A's expected additions minus x times all expected additions, on a day A's share is x:
// positive where the share tends to grow.
double UrnDrift(const UrnOptions& options, double x);

// The analytic limit of A's share, or nullopt when the drift vanishes everywhere (a = d,
// b = c = 0 without the correction: the limit is then random, Beta(nA/a, nB/a)).
std::optional<double> UrnLimit(const UrnOptions& options);

}  // namespace oversight
