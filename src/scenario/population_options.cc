// The built-in population tables. Sources and reasoning for each number are in
// docs/SCENARIOS.md ("Built-in population tables"); most are stated assumptions, a few are
// rounded from China's 2020 census and official reports, none is a measurement of any
// real city.
#include "scenario/population_options.h"

namespace oversight {

namespace {

Condition Ages(int min, int max) {
  Condition c;
  c.age_min = static_cast<uint8_t>(min);
  c.age_max = static_cast<uint8_t>(max);
  return c;
}

Condition HasTrait(Trait t) {
  Condition c;
  c.traits_all = Bit(t);
  return c;
}

RoleShares Roles(std::initializer_list<std::pair<Role, double>> shares) {
  RoleShares out{};
  for (const auto& [role, share] : shares) out[static_cast<size_t>(role)] = share;
  return out;
}

void SetTrait(PopulationOptions* o, Trait t, double prevalence, double recorded_if_true,
              double recorded_if_false, std::vector<ConditionalRow<double>> given = {}) {
  TraitOptions& trait = o->traits[static_cast<size_t>(t)];
  trait.prevalence = prevalence;
  trait.recorded_if_true = recorded_if_true;
  trait.recorded_if_false = recorded_if_false;
  trait.given = std::move(given);
}

}  // namespace

PopulationOptions PopulationOptions::Defaults() {
  PopulationOptions o;
  using R = Role;
  o.roles = {
      {Ages(0, 5), Roles({{R::kChild, 1.0}})},
      {Ages(6, 15), Roles({{R::kStudent, 1.0}})},
      {Ages(16, 17), Roles({{R::kStudent, 0.85}, {R::kIdleYouth, 0.15}})},
      {Ages(18, 22), Roles({{R::kStudent, 0.40},
                            {R::kWorker, 0.35},
                            {R::kMigrantWorker, 0.08},
                            {R::kIdleYouth, 0.15},
                            {R::kAtHome, 0.02}})},
      {Ages(23, 59), Roles({{R::kWorker, 0.73}, {R::kMigrantWorker, 0.10}, {R::kAtHome, 0.17}})},
      {Ages(60, 255), Roles({{R::kRetiree, 1.0}})},
  };
  o.default_roles = Roles({{R::kWorker, 0.8}, {R::kAtHome, 0.2}});

  auto in_role = [](Role r) {
    Condition c;
    c.role = r;
    return c;
  };
  o.status = {
      {in_role(R::kMigrantWorker), {0.70, 0.28, 0.02}},
      {in_role(R::kIdleYouth), {0.60, 0.38, 0.02}},
      {in_role(R::kRetiree), {0.40, 0.50, 0.10}},
  };
  o.default_status = {0.25, 0.58, 0.17};

  o.foreign = {{Ages(0, 17), ForeignShares{0.0005, 0.0}}};
  o.default_foreign = ForeignShares{0.002, 0.55};

  Condition young_men = Ages(18, 45);
  young_men.sex = Sex::kMale;
  Condition men = Ages(18, 60);
  men.sex = Sex::kMale;
  Condition low_status;
  low_status.status = Status::kLow;
  Condition senior_high_status = Ages(30, 65);
  senior_high_status.status = Status::kHigh;

  SetTrait(&o, Trait::kMentalIllness, 0.005, 0.80, 0.0005);
  SetTrait(&o, Trait::kDrugUse, 0.004, 0.45, 0.001, {{young_men, 0.008}});
  SetTrait(&o, Trait::kHiv, 0.0008, 0.80, 0.0, {{HasTrait(Trait::kDrugUse), 0.03}});
  SetTrait(&o, Trait::kCriminalRecord, 0.02, 0.95, 0.002,
           {{HasTrait(Trait::kDrugUse), 0.30}, {men, 0.035}});
  SetTrait(&o, Trait::kFugitive, 0.0003, 0.90, 0.0002, {{HasTrait(Trait::kCriminalRecord), 0.01}});
  SetTrait(&o, Trait::kPetitioner, 0.008, 0.85, 0.001, {{low_status, 0.015}});
  SetTrait(&o, Trait::kGreatTragedy, 0.01, 0.50, 0.002, {{HasTrait(Trait::kPetitioner), 0.30}});
  SetTrait(&o, Trait::kProtestHistory, 0.005, 0.70, 0.002, {{HasTrait(Trait::kPetitioner), 0.35}});
  SetTrait(&o, Trait::kOfficial, 0.001, 1.0, 0.0, {{senior_high_status, 0.08}});

  auto set_intent = [&](Intent i, double prevalence, double act_rate,
                        std::vector<ConditionalRow<double>> given) {
    IntentOptions& intent = o.intents[static_cast<size_t>(i)];
    intent.prevalence = prevalence;
    intent.act_rate = act_rate;
    intent.given = std::move(given);
  };
  Condition idle = Ages(16, 30);
  idle.role = Role::kIdleYouth;
  Condition recruiter_age = Ages(25, 60);
  recruiter_age.sex = Sex::kMale;
  Condition foreign_no_permit = Ages(18, 255);
  foreign_no_permit.foreign = true;
  Condition children = Ages(0, 15);
  set_intent(Intent::kPickpocket, 0.0002, 0.3,
             {{children, 0.0}, {HasTrait(Trait::kCriminalRecord), 0.01}, {idle, 0.003}});
  set_intent(Intent::kDrugDealer, 0.0001, 0.1,
             {{children, 0.0}, {HasTrait(Trait::kDrugUse), 0.05}});
  set_intent(Intent::kPyramidRecruiter, 0.0, 0.3, {{recruiter_age, 0.001}});
  set_intent(Intent::kShamMarriage, 0.003, 0.0, {});
  set_intent(Intent::kIllegalWorker, 0.0, 1.0, {{foreign_no_permit, 0.5}});
  return o;
}

}  // namespace oversight
