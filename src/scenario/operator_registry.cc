// Design: the registry is a function-local static vector filled by the operators' static
// registrars, so it exists before the first registrar runs whatever the order of static
// initialisation across files. Lookups sort by precedence once per registration; with a
// dozen operators a linear scan is cheaper than any index. A central list of operators was
// rejected: a new operator would then touch a file other than its own.
#include "scenario/operator_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "scenario/table_reader.h"

namespace oversight {

namespace {

std::vector<const OperatorSpec*>& MutableOperators() {
  static std::vector<const OperatorSpec*> operators;
  return operators;
}

}  // namespace

const std::vector<const OperatorSpec*>& Operators() { return MutableOperators(); }

const OperatorSpec* FindOperator(std::string_view name) {
  for (const OperatorSpec* spec : Operators()) {
    if (spec->name == name) return spec;
  }
  return nullptr;
}

const OperatorSpec* SelectOperator(const RuleShape& shape) {
  for (const OperatorSpec* spec : Operators()) {
    if (!spec->is_score && spec->selects != nullptr && spec->selects(shape)) return spec;
  }
  return nullptr;
}

OperatorRegistrar::OperatorRegistrar(const OperatorSpec& spec) : spec_(spec) {
  std::vector<const OperatorSpec*>& operators = MutableOperators();
  for (const OperatorSpec* other : operators) {
    const bool clash = other->name == spec.name ||
                       (!spec.is_score && !other->is_score && other->precedence == spec.precedence);
    if (clash) {
      // Two operators with one name or one precedence: a build bug, caught by every test.
      std::fprintf(stderr, "rule operator '%.*s' clashes with '%.*s'\n",
                   static_cast<int>(spec.name.size()), spec.name.data(),
                   static_cast<int>(other->name.size()), other->name.data());
      std::abort();
    }
  }
  operators.push_back(&spec_);
  std::stable_sort(
      operators.begin(), operators.end(),
      [](const OperatorSpec* a, const OperatorSpec* b) { return a->precedence > b->precedence; });
}

void RuleReadContext::Fail(std::string_view section, const std::string& why) {
  reader_.Error(section, fmt::format("rule '{}' cannot be compiled: {}", rule_.id, why));
}

void RuleReadContext::RequireWhat(EvidenceSet allowed, std::string_view why) {
  if (allowed.Contains(rule_.what)) return;
  std::string names;
  for (size_t e = 0; e < kEvidenceCount; ++e) {
    if (!allowed.Contains(static_cast<Evidence>(e))) continue;
    names += fmt::format("{}\"{}\"", names.empty() ? "" : " or ", kEvidenceNames[e]);
  }
  Fail("what", fmt::format("{} needs what = {}, not \"{}\"", why, names,
                           kEvidenceNames[static_cast<size_t>(rule_.what)]));
}

std::string_view RuleOptions::OperatorName() const {
  assert(op != nullptr && "the loader chooses every rule's operator");
  return op->name;
}

bool RuleOptions::IsScore() const { return op != nullptr && op->is_score; }

}  // namespace oversight
