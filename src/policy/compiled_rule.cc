#include "policy/compiled_rule.h"

#include <cassert>

#include "scenario/operator_registry.h"

namespace oversight {

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  assert(rule.op != nullptr && rule.op->compile != nullptr &&
         "the loader gives every rule a registered operator");
  return rule.op->compile(rule, context);
}

}  // namespace oversight
