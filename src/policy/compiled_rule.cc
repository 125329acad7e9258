#include "policy/compiled_rule.h"

namespace oversight {

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  switch (rule.op) {
    case RuleOperator::kFilter:
      return CompileFilterRule(rule, context);
    case RuleOperator::kTogether:
      return CompileTogetherRule(rule, context);
    case RuleOperator::kCount:
      return CompileCountRule(rule, context);
    case RuleOperator::kNorm:
      return CompileNormRule(rule, context);
    case RuleOperator::kDwell:
      return CompileDwellRule(rule, context);
    case RuleOperator::kPair:
      return CompilePairRule(rule, context);
    case RuleOperator::kCompanions:
      return CompileCompanionsRule(rule, context);
    case RuleOperator::kSequence:
      return CompileSequenceRule(rule, context);
    case RuleOperator::kWeightedScore:
      return CompileWeightedScore(rule, context);
    case RuleOperator::kLearnedScore:
      return CompileLearnedScore(rule, context);
  }
  return CompileFilterRule(rule, context);
}

}  // namespace oversight
