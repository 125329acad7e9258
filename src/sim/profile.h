// Wall-clock time spent in each phase of the day loop.
//
// For the user's information and benchmarks only; never written into report.json (which
// must not depend on the machine or the thread count).
#pragma once

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oversight {

// kWorld is the day step with the sensors' work on each block of persons (they run fused,
// Simulation::Step); kSense is the merging and sorting of the day's observations and records.
enum class Phase { kBuild, kWorld, kSense, kPolicy, kRespond, kAudit, kTwin, kReport };
inline constexpr size_t kPhaseCount = 8;
inline constexpr std::array<std::string_view, kPhaseCount> kPhaseNames = {
    "build", "world+sense", "sort", "policy", "respond", "audit", "twin", "report"};

class Profile {
 public:
  void Add(Phase phase, double seconds) { seconds_[static_cast<size_t>(phase)] += seconds; }
  double seconds(Phase phase) const { return seconds_[static_cast<size_t>(phase)]; }
  double total() const;
  // "build 0.12 s, world 1.30 s, ..."
  std::string ToString() const;

  // One rule's share of the policy phase: its time summed over threads (rules run in
  // parallel) and the bytes of state it holds at the end of the run.
  struct RuleCost {
    std::string id;
    double seconds = 0.0;
    size_t state_bytes = 0;
    size_t state_keys = 0;  // for the rules that keep keyed state (0 for the others)
  };
  // The policy phase rule by rule, slowest first.
  void SetRules(std::vector<RuleCost> rules) { rules_ = std::move(rules); }
  const std::vector<RuleCost>& rules() const { return rules_; }
  // "companions 1.20 s, learned 0.50 s, ..." (empty without rules).
  std::string RulesToString() const;
  // "companions 120.3 MiB (1,234,567 keys), learned 40.0 MiB, ...", largest first (empty
  // without rules).
  std::string RuleStateToString() const;

 private:
  std::array<double, kPhaseCount> seconds_{};
  std::vector<RuleCost> rules_;
};

// Adds the time from construction to destruction to one phase of a profile.
class ScopedPhase {
 public:
  ScopedPhase(Profile* profile, Phase phase)
      : profile_(profile), phase_(phase), start_(std::chrono::steady_clock::now()) {}
  ~ScopedPhase() {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    profile_->Add(phase_, elapsed.count());
  }
  ScopedPhase(const ScopedPhase&) = delete;
  ScopedPhase& operator=(const ScopedPhase&) = delete;

 private:
  Profile* profile_;
  Phase phase_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace oversight
