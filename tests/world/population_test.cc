// The realised population matches the scenario's tables within statistical tolerance.
#include <gtest/gtest.h>

#include <cmath>

#include "scenario/loader.h"
#include "world/world.h"

namespace oversight {
namespace {

// |observed - expected| within 5 standard errors of a proportion over n draws.
void ExpectShare(uint64_t hits, uint64_t n, double expected, const std::string& what) {
  ASSERT_GT(n, 0u) << what;
  const double observed = static_cast<double>(hits) / static_cast<double>(n);
  const double se = std::sqrt(expected * (1 - expected) / static_cast<double>(n));
  EXPECT_NEAR(observed, expected, 5 * se + 1e-9) << what << ": " << hits << " of " << n;
}

class PopulationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    options_ = new WorldOptions(DefaultScenario().world);
    options_->persons = 300000;
    world_ = new World(*options_, 17);
  }
  static void TearDownTestSuite() {
    delete world_;
    delete options_;
  }
  static const Population& pop() { return world_->population(); }

  static WorldOptions* options_;
  static World* world_;
};
WorldOptions* PopulationTest::options_ = nullptr;
World* PopulationTest::world_ = nullptr;

TEST_F(PopulationTest, SharedHousingHoldsMigrantWorkersOfWorkingAge) {
  uint64_t shared = 0;
  for (size_t h = 0; h < pop().household_count(); ++h) {
    if (pop().household_kind[h] != HouseholdKind::kShared) continue;
    ++shared;
    const PersonId first = pop().household_first[h];
    for (uint32_t k = 0; k < pop().household_size[h]; ++k) {
      const size_t i = first.index() + k;
      EXPECT_EQ(pop().role[i], Role::kMigrantWorker);
      EXPECT_GE(pop().age[i], 18);
      EXPECT_LE(pop().age[i], 50);
    }
  }
  ExpectShare(shared, pop().household_count(), options_->population.households.shared_share,
              "shared households");
}

TEST_F(PopulationTest, CouplesAreOfOppositeSexAndChildrenYoungerThanParents) {
  for (size_t h = 0; h < pop().household_count(); ++h) {
    const PersonId head = pop().household_first[h];
    if (pop().household_couple[h] != 0) {
      const PersonId spouse = pop().spouse(head);
      ASSERT_TRUE(spouse.valid());
      EXPECT_EQ(pop().spouse(spouse), head);
      EXPECT_NE(pop().sex[head.index()], pop().sex[spouse.index()]);
    }
    for (uint32_t k = 0; k < pop().household_size[h]; ++k) {
      const size_t i = head.index() + k;
      if (pop().age[i] < 18) {
        EXPECT_GE(pop().age[head.index()] - pop().age[i], 18);
      }
    }
  }
}

TEST_F(PopulationTest, RolesFollowTheAgeTable) {
  uint64_t adults_23_59 = 0, workers = 0, migrants = 0;
  for (size_t i = 0; i < pop().size(); ++i) {
    const int age = pop().age[i];
    // Illegal workers work whatever their age says.
    if (Has(pop().intents[i], Intent::kIllegalWorker)) continue;
    if (age <= 5) {
      EXPECT_EQ(pop().role[i], Role::kChild);
    }
    if (age >= 6 && age <= 15) {
      EXPECT_EQ(pop().role[i], Role::kStudent);
    }
    if (age >= 60 && pop().household_kind[pop().household[i].index()] == HouseholdKind::kFamily) {
      EXPECT_EQ(pop().role[i], Role::kRetiree);
    }
    if (age >= 23 && age <= 59 &&
        pop().household_kind[pop().household[i].index()] == HouseholdKind::kFamily) {
      ++adults_23_59;
      workers += pop().role[i] == Role::kWorker ? 1u : 0u;
      migrants += pop().role[i] == Role::kMigrantWorker ? 1u : 0u;
    }
  }
  ExpectShare(workers, adults_23_59, 0.73, "workers among family adults 23-59");
  ExpectShare(migrants, adults_23_59, 0.10, "migrant workers among family adults 23-59");
}

TEST_F(PopulationTest, MigrantWorkersAreMoreOftenOfLowStatus) {
  uint64_t migrants = 0, migrants_low = 0, workers = 0, workers_low = 0;
  for (size_t i = 0; i < pop().size(); ++i) {
    const bool low = pop().status[i] == Status::kLow;
    if (pop().role[i] == Role::kMigrantWorker) {
      ++migrants;
      migrants_low += low ? 1u : 0u;
    } else if (pop().role[i] == Role::kWorker) {
      ++workers;
      workers_low += low ? 1u : 0u;
    }
  }
  ExpectShare(migrants_low, migrants, 0.70, "low status among migrant workers");
  ExpectShare(workers_low, workers, 0.25, "low status among workers");
}

TEST_F(PopulationTest, TraitsFollowTheirConditionalTables) {
  uint64_t drug = 0, drug_hiv = 0, petitioners = 0, tragedy = 0, protest = 0, rest = 0,
           rest_protest = 0;
  for (size_t i = 0; i < pop().size(); ++i) {
    const TraitBits t = pop().true_traits[i];
    if (Has(t, Trait::kDrugUse)) {
      ++drug;
      drug_hiv += Has(t, Trait::kHiv) ? 1u : 0u;
    }
    if (Has(t, Trait::kPetitioner)) {
      ++petitioners;
      tragedy += Has(t, Trait::kGreatTragedy) ? 1u : 0u;
      protest += Has(t, Trait::kProtestHistory) ? 1u : 0u;
    } else {
      ++rest;
      rest_protest += Has(t, Trait::kProtestHistory) ? 1u : 0u;
    }
  }
  ExpectShare(drug_hiv, drug, 0.03, "HIV among drug users");
  ExpectShare(tragedy, petitioners, 0.30, "great tragedy among petitioners");
  ExpectShare(protest, petitioners, 0.35, "protest history among petitioners");
  ExpectShare(rest_protest, rest, 0.005, "protest history among others");
}

TEST_F(PopulationTest, RecordsFollowTheTruthScaledByGroupBias) {
  // Criminal record: recorded_if_true 0.95 (capped at 1 by bias 2), recorded_if_false 0.002.
  const TraitOptions& trait =
      options_->population.traits[static_cast<size_t>(Trait::kCriminalRecord)];
  uint64_t truth[2] = {0, 0}, on_file_true[2] = {0, 0}, innocent[2] = {0, 0},
           on_file_false[2] = {0, 0};
  for (size_t i = 0; i < pop().size(); ++i) {
    const size_t g = pop().group[i].index();
    const bool has = Has(pop().true_traits[i], Trait::kCriminalRecord);
    const bool record = Has(pop().recorded_traits[i], Trait::kCriminalRecord);
    (has ? truth[g] : innocent[g])++;
    (has ? on_file_true[g] : on_file_false[g]) += record ? 1u : 0u;
  }
  ExpectShare(on_file_true[0], truth[0], trait.recorded_if_true, "majority true cases on file");
  EXPECT_EQ(on_file_true[1], truth[1]) << "bias 2 caps the minority's recording at 1";
  ExpectShare(on_file_false[0], innocent[0], trait.recorded_if_false, "majority false records");
  ExpectShare(on_file_false[1], innocent[1], 2 * trait.recorded_if_false, "minority false records");
}

TEST_F(PopulationTest, ForeignNationalsAreAdultsMostly) {
  uint64_t adults = 0, foreign_adults = 0, permits = 0;
  for (size_t i = 0; i < pop().size(); ++i) {
    const PersonId id(static_cast<uint32_t>(i));
    if (pop().age[i] < 18) continue;
    ++adults;
    if (pop().foreign(id)) {
      ++foreign_adults;
      permits += pop().work_permit(id) ? 1u : 0u;
    } else {
      EXPECT_FALSE(pop().work_permit(id));
    }
  }
  ExpectShare(foreign_adults, adults, 0.002, "foreign adults");
  ExpectShare(permits, foreign_adults, 0.55, "work permits among foreign adults");
}

TEST_F(PopulationTest, HomesLieInCompoundsOfTheirDistrict) {
  const City& city = world_->city();
  const size_t compounds = city.PlacesOfType(PlaceType::kResidentialCompound).size();
  const size_t households = pop().household_count();
  const auto per = static_cast<size_t>(options_->households_per_compound);
  // Every district's last compound may be partly filled.
  EXPECT_GE(compounds, households / per);
  EXPECT_LE(compounds, households / per + options_->districts.size());
  for (size_t h = 0; h < households; ++h) {
    EXPECT_EQ(city.place(pop().household_home[h]).district, pop().household_district[h]);
  }
}

}  // namespace
}  // namespace oversight
