#include "scenario/rule_slots.h"

namespace oversight {

namespace {

constexpr uint32_t E(Evidence e) { return uint32_t{1} << static_cast<unsigned>(e); }
constexpr uint32_t kAllWhat = (uint32_t{1} << kEvidenceCount) - 1;
constexpr uint32_t kPlaced =
    E(Evidence::kSighting) | E(Evidence::kCheckIn) | E(Evidence::kLocation);

struct SlotInfo {
  std::string_view name;
  std::string_view section;
  uint32_t whats;  // the evidence the slot applies to
};

// In the order of Slot.
constexpr std::array<SlotInfo, kSlotCount> kSlots = {{
    {"where.at", "where", kPlaced},
    {"where.near", "where", kPlaced},
    {"where.within_m", "where", kPlaced},
    {"where.nearby_m", "where", kPlaced},
    {"where.away_from_home", "where", E(Evidence::kSighting) | E(Evidence::kLocation)},
    {"where.to", "where", E(Evidence::kTicket)},
    {"where.numbers", "where", E(Evidence::kCall)},
    {"when.hours", "when", kAllWhat & ~E(Evidence::kMeter)},
    {"when.days", "when", kAllWhat},
    {"how_often.at_least", "how_often", kAllWhat},
    {"how_often.within_days", "how_often", kAllWhat},
    {"how_often.new_after_days", "how_often", E(Evidence::kCall)},
    {"how_often.distinct_companions", "how_often", kAllWhat},
    {"how_often.dwell_minutes", "how_often", kAllWhat},
    {"how_often.total_minutes", "how_often", kAllWhat},
    {"how_often.times_norm", "how_often", kAllWhat},
    {"how_often.together_below", "how_often", kAllWhat},
    {"how_often.same_number", "how_often", E(Evidence::kCall)},
    {"with.at_least", "with", kAllWhat},
    {"with.within_minutes", "with", kAllWhat},
    {"with.who", "with", kAllWhat},
    {"with.spouse", "with", kAllWhat},
    {"then.what", "then", kAllWhat},
    {"then.to", "then", kAllWhat},
    {"then.within_hours", "then", kAllWhat},
}};

}  // namespace

std::string_view SlotName(Slot slot) { return kSlots[static_cast<size_t>(slot)].name; }
std::string_view SlotSection(Slot slot) { return kSlots[static_cast<size_t>(slot)].section; }
uint32_t SlotEvidenceBits(Slot slot) { return kSlots[static_cast<size_t>(slot)].whats; }

}  // namespace oversight
