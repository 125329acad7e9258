#include "world/ties.h"

#include <gtest/gtest.h>

#include <set>

#include "scenario/loader.h"
#include "world/world.h"

namespace oversight {
namespace {

class TiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    WorldOptions options = DefaultScenario().world;
    options.persons = 100000;
    world_ = new World(options, 23);
  }
  static void TearDownTestSuite() { delete world_; }
  static const Population& pop() { return world_->population(); }
  static const Ties& ties() { return world_->ties(); }
  static World* world_;
};
World* TiesTest::world_ = nullptr;

TEST_F(TiesTest, KinTiesGoBothWaysBetweenFamilyHeads) {
  size_t kin = 0;
  for (uint32_t p = 0; p < pop().size(); ++p) {
    const auto contacts = ties().contacts(PersonId(p));
    const auto kinds = ties().kinds(PersonId(p));
    for (size_t k = 0; k < contacts.size(); ++k) {
      if (kinds[k] != TieKind::kKin) continue;
      ++kin;
      const PersonId other = contacts[k];
      EXPECT_EQ(pop().household_first[pop().household[other.index()].index()], other);
      const auto back = ties().contacts(other);
      EXPECT_NE(std::find(back.begin(), back.end(), PersonId(p)), back.end());
    }
  }
  EXPECT_GT(kin, pop().household_count());
}

TEST_F(TiesTest, FriendsAreMostlyLocalAndCoworkersShareTheWorkplace) {
  size_t friends = 0, local = 0, coworkers = 0;
  for (uint32_t p = 0; p < pop().size(); ++p) {
    const PersonId id(p);
    const auto contacts = ties().contacts(id);
    const auto kinds = ties().kinds(id);
    for (size_t k = 0; k < contacts.size(); ++k) {
      EXPECT_NE(contacts[k], id) << "nobody is their own contact";
      if (kinds[k] == TieKind::kFriend) {
        EXPECT_GE(pop().age[p], 12);
        ++friends;
        local += pop().district(contacts[k]) == pop().district(id) ? 1u : 0u;
      } else if (kinds[k] == TieKind::kCoworker) {
        ++coworkers;
        EXPECT_EQ(pop().day_place[contacts[k].index()], pop().day_place[p]);
      }
    }
  }
  // 80% drawn locally, plus the non-local draws that land in the same district by chance.
  const double local_share = static_cast<double>(local) / static_cast<double>(friends);
  EXPECT_GT(local_share, 0.8);
  EXPECT_LT(local_share, 0.9);
  EXPECT_GT(coworkers, 0u);
}

TEST_F(TiesTest, GrievanceGroupsHoldTruePetitionersOfOneDistrict) {
  std::vector<std::set<uint32_t>> districts(ties().grievance_group_count());
  std::vector<size_t> sizes(ties().grievance_group_count(), 0);
  for (uint32_t p = 0; p < pop().size(); ++p) {
    const uint32_t group = ties().grievance_group(PersonId(p));
    const bool petitioner = Has(pop().true_traits[p], Trait::kPetitioner);
    EXPECT_EQ(group != Ties::kNoGroup, petitioner);
    if (group == Ties::kNoGroup) continue;
    districts[group].insert(pop().district(PersonId(p)).value);
    ++sizes[group];
  }
  ASSERT_GT(sizes.size(), 10u);
  for (size_t g = 0; g < sizes.size(); ++g) {
    EXPECT_EQ(districts[g].size(), 1u);
    EXPECT_LE(sizes[g], 8u);
  }
}

}  // namespace
}  // namespace oversight
