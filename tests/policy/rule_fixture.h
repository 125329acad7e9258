// A hand-made city and population for the rule operator tests, with rules written in the
// scenario grammar (so each test also goes through the loader's compile step).
//
// Places: a school at (0, 0); workplaces 100 m and 1 km from it; hotels A (500, 500),
// B (600, 500) and C (2500, 2500); a park, a station, a bar, a language school, a
// residential compound with everyone's home, another compound, the capital and out of town.
// Persons 0-9, each in their own household except 6 and 7 (a married couple):
//   0-3 drug use on file; 4 and 5 petitioners (5 also an official: red-listed);
//   even persons male; 8 a foreign national without a work permit.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "policy/rule_engine.h"
#include "scenario/loader.h"

namespace oversight {

class RuleFixture : public ::testing::Test {
 protected:
  static constexpr std::string_view kLists = R"(
[scenario]
name = "rules"
persons = 10

[[lists]]
name = "drug"
recorded_traits = ["drug_use"]

[[lists]]
name = "petitioners"
recorded_traits = ["petitioner"]

[[lists]]
name = "men"
sex = "male"

[[lists]]
name = "no_permit"
foreign_national = true
work_permit = false

[red_list]
recorded_traits = ["official"]
)";

  void SetUp() override {
    city_.LayOutDistricts({"A"}, 3000);
    const DistrictId a(0);
    school_ = city_.AddPlace(PlaceType::kSchool, a, 0, 0);
    near_work_ = city_.AddPlace(PlaceType::kWorkplace, a, 100, 0);
    far_work_ = city_.AddPlace(PlaceType::kWorkplace, a, 1000, 0);
    hotel_a_ = city_.AddPlace(PlaceType::kHotel, a, 500, 500);
    hotel_b_ = city_.AddPlace(PlaceType::kHotel, a, 600, 500);
    hotel_c_ = city_.AddPlace(PlaceType::kHotel, a, 2500, 2500);
    park_ = city_.AddPlace(PlaceType::kPark, a, 1500, 1500);
    station_ = city_.AddPlace(PlaceType::kTrainStation, a, 2000, 2000);
    bar_ = city_.AddPlace(PlaceType::kBar, a, 2000, 0);
    language_school_ = city_.AddPlace(PlaceType::kLanguageSchool, a, 2000, 1000);
    compound_ = city_.AddPlace(PlaceType::kResidentialCompound, a, 1000, 2000);
    other_compound_ = city_.AddPlace(PlaceType::kResidentialCompound, a, 2900, 2900);
    capital_ = city_.AddPlace(PlaceType::kCapital, DistrictId(), -1e5, 0);
    elsewhere_ = city_.AddPlace(PlaceType::kOutOfTown, DistrictId(), 1e5, 0);
    for (uint32_t p = 0; p < 10; ++p) {
      const bool spouse = p == 7;  // shares household 6
      if (!spouse) {
        const PlaceId home = city_.AddPlace(PlaceType::kHome, a, 1000 + p, 2000, compound_);
        homes_.push_back(home);
        pop_.household_home.push_back(home);
        pop_.household_district.push_back(a);
        pop_.household_first.push_back(PersonId(p));
        pop_.household_couple.push_back(p == 6 ? 1 : 0);
      }
      pop_.household.push_back(HouseholdId(static_cast<uint32_t>(pop_.household_home.size() - 1)));
      pop_.group.push_back(GroupId(0));
      pop_.sex.push_back(p % 2 == 0 ? Sex::kMale : Sex::kFemale);
      pop_.flags.push_back(p == 8 ? kForeignFlag : 0);
      TraitBits bits = p < 4 ? Bit(Trait::kDrugUse) : TraitBits{0};
      if (p == 4 || p == 5) bits = Bit(Trait::kPetitioner);
      if (p == 5) bits = static_cast<TraitBits>(bits | Bit(Trait::kOfficial));
      pop_.recorded_traits.push_back(bits);
      pop_.recorded_personality.push_back(0);
      pop_.status.push_back(Status::kMiddle);
      pop_.true_traits.push_back(bits);
      pop_.intents.push_back(0);
    }
  }

  // Loads the fixture's lists plus `rules` (scenario text); fails the test on any error.
  PolicyOptions Policy(std::string_view rules) {
    absl::StatusOr<Scenario> s =
        LoadScenarioText(std::string(kLists) + std::string(rules), "rules.toml");
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? s->policy : PolicyOptions{};
  }

  // One day of input.
  struct Input {
    Input() = default;
    Input(std::vector<Observation> o) : observations(std::move(o)) {}  // NOLINT: implicit
    std::vector<Observation> observations;
    BlockRecords records;
    BlockRecords next_block;  // records of the next block of persons (the sensors write per block)
  };

  // Runs `rules` over `days` (day d = days[d]) and returns every alert, by day.
  std::vector<Alert> Run(std::string_view rules, std::vector<Input> days) {
    engine_ = std::make_unique<RuleEngine>(Policy(rules), RecordsView(city_, pop_), calendar_, 1);
    std::vector<Alert> all;
    for (size_t d = 0; d < days.size(); ++d) {
      std::sort(days[d].observations.begin(), days[d].observations.end(), ObservationBefore);
      DayRecords records(days[d].records);
      records.Add(days[d].next_block);
      const std::vector<Alert>& alerts =
          engine_->Evaluate(static_cast<Day>(d), days[d].observations, records);
      all.insert(all.end(), alerts.begin(), alerts.end());
    }
    return all;
  }
  std::vector<Alert> RunDay(std::string_view rules, Input day) {
    return Run(rules, {std::move(day)});
  }

  static Observation Seen(Minute t, PlaceId place, uint32_t person) {
    return Observation{t, place, PersonId(person), ObservationKind::kSighting};
  }
  Observation Ticket(Minute t, uint32_t person, bool to_capital) const {
    return Observation{t, station_, PersonId(person), ObservationKind::kTicket,
                       to_capital ? kTicketToCapital : kTicketElsewhere};
  }
  static LocationRecord Located(uint32_t person, PlaceId place, Minute enter, Minute leave) {
    return LocationRecord{PersonId(person), place, enter, leave};
  }
  static std::vector<uint32_t> Persons(const std::vector<Alert>& alerts) {
    std::vector<uint32_t> out;
    for (const Alert& a : alerts) out.push_back(a.person.value);
    return out;
  }

  City city_;
  Population pop_;
  CalendarOptions calendar_;
  std::unique_ptr<RuleEngine> engine_;
  std::vector<PlaceId> homes_;  // homes_[h]: household h's home
  PlaceId school_, near_work_, far_work_, hotel_a_, hotel_b_, hotel_c_, park_, station_, bar_,
      language_school_, compound_, other_compound_, capital_, elsewhere_;
};

}  // namespace oversight
