#include "scenario/rule_common.h"

namespace oversight {

bool ReadRuleId(TableReader& r, std::string_view expected, std::set<std::string>* ids,
                RuleOptions* rule) {
  if (r.Require("id", expected)) r.String("id", &rule->id);
  return rule->id.empty() || ids->insert(rule->id).second;
}

void ReadRuleWho(const SectionContext& ctx, TableReader& r, std::string_view expected,
                 RuleOptions* rule) {
  if (r.Require("who", expected)) ReadWho(ctx, r, "who", &rule->who);
}

void ReadFollowUp(const SectionContext& ctx, TableReader& r, RuleOptions* rule) {
  size_t category = static_cast<size_t>(rule->category);
  r.Choice("category", ToStrings(kCategoryNames), "category", &category);
  rule->category = static_cast<Category>(category);
  r.Int32("priority", 0, 9, &rule->priority);
  size_t response = static_cast<size_t>(rule->response);
  r.Choice("response", ToStrings(kResponseNames), "police response", &response);
  rule->response = static_cast<Response>(response);
  ReadListName(ctx, r, "response_list", &rule->response_list);
  if (rule->response == Response::kList && rule->response_list < 0 && !r.Has("response_list")) {
    r.Error("response", "response \"list\" needs response_list, the list to add the person to");
  }
  if (rule->response != Response::kList && r.Has("response_list")) {
    r.Error("response_list", "'response_list' applies only to response = \"list\"");
  }
}

}  // namespace oversight
