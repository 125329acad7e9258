// Design: membership is a 32-bit set per person, so a rule's "is this person listed?" is
// one load. Additions need each alerted person's recent alert days; only persons who have
// been alerted have an entry, trimmed to the longest window any list uses, so memory
// follows the number of alerted persons, not the population or the days. Removals draw
// from Stream::kLists keyed by (person, day), so who is taken off does not depend on the
// order of the scan.
#include "policy/watchlists.h"

#include <algorithm>
#include <cassert>
#include <map>

#include "core/rng.h"
#include "core/snapshot.h"

namespace oversight {

namespace {

// Whether the register and the records put `person` on `list` from the start: every
// predicate the list has holds (traits: any of them on file).
bool Fits(const ListOptions& list, const RecordsView& records, PersonId person, TraitBits on_file) {
  if (!list.HasPredicate()) return false;
  if (list.recorded_traits != 0 && (on_file & list.recorded_traits) == 0) return false;
  if (list.sex >= 0 && static_cast<int8_t>(records.sex(person)) != list.sex) return false;
  if (list.foreign >= 0 && records.foreign(person) != (list.foreign == 1)) return false;
  if (list.work_permit >= 0 && records.work_permit(person) != (list.work_permit == 1)) {
    return false;
  }
  return true;
}

}  // namespace

Watchlists::Watchlists(const PolicyOptions& options, const RecordsView& records, uint64_t seed)
    : lists_(options.lists), seed_(seed) {
  assert(options.lists.size() <= kMaxLists);  // the loader enforces it
  membership_.assign(records.person_count(), 0);
  exempt_.assign(records.person_count(), 0);
  sizes_.assign(lists_.size(), 0);
  added_.assign(lists_.size(), 0);
  removed_.assign(lists_.size(), 0);
  for (size_t p = 0; p < records.person_count(); ++p) {
    const TraitBits on_file = records.recorded_traits(PersonId(static_cast<uint32_t>(p)));
    if ((on_file & options.red_list_traits) != 0) {
      exempt_[p] = 1;
      ++exempt_count_;
    }
    const PersonId person(static_cast<uint32_t>(p));
    for (size_t l = 0; l < lists_.size(); ++l) {
      if (Fits(lists_[l], records, person, on_file)) {
        membership_[p] |= 1u << l;
        ++sizes_[l];
      }
    }
  }
  initial_sizes_ = sizes_;
  for (size_t l = 0; l < lists_.size(); ++l) {
    if (!lists_[l].IsLabel()) watch_mask_ |= 1u << l;
  }
  for (const ListOptions& list : lists_) {
    if (list.add_after_alerts <= 0) continue;
    history_days_ = std::max(history_days_, list.within_days);
    recent_kept_ = std::max(recent_kept_, list.add_after_alerts);
  }
}

void Watchlists::AddTo(size_t list, PersonId person) {
  uint32_t& bits = membership_[person.index()];
  if ((bits >> list & 1u) != 0) return;
  bits |= 1u << list;
  ++sizes_[list];
  ++added_[list];
}

uint32_t Watchlists::RecentSlotOf(uint32_t person) {
  const size_t words = static_cast<size_t>(recent_kept_) + 1;
  auto [it, fresh] = alerted_.try_emplace(person, 0);
  if (fresh) {
    if (!free_.empty()) {
      it->second = free_.back();
      free_.pop_back();
    } else {
      it->second = static_cast<uint32_t>(recent_.size() / words);
      recent_.resize(recent_.size() + words);
    }
    RecentAt(it->second)[0] = 0;
  }
  return it->second;
}

void Watchlists::Update(Day day, const std::vector<Alert>& alerts) {
  // Additions from alerts: today's all noted first, then each alerted person tested.
  if (history_days_ > 0) {
    const auto kept = recent_kept_;
    std::vector<uint32_t> slots;  // each alert's person's slot, looked up once
    slots.reserve(alerts.size());
    for (const Alert& alert : alerts) {
      slots.push_back(RecentSlotOf(alert.person.value));
      Day* recent = RecentAt(slots.back());
      Day& count = recent[0];
      if (count == kept) {
        std::copy(recent + 2, recent + 1 + kept, recent + 1);
        --count;
      }
      recent[1 + count++] = day;
    }
    for (size_t a = 0; a < alerts.size(); ++a) {
      const Alert& alert = alerts[a];
      const Day* recent = RecentAt(slots[a]);
      const Day count = recent[0];
      for (size_t l = 0; l < lists_.size(); ++l) {
        const ListOptions& list = lists_[l];
        const int32_t enough = list.add_after_alerts;
        if (enough <= 0 || count < enough) continue;
        if (recent[1 + count - enough] >= day - list.within_days + 1) AddTo(l, alert.person);
      }
    }
    if (day % 7 == 0) {
      absl::erase_if(alerted_, [&](const auto& entry) {
        const Day* recent = RecentAt(entry.second);
        if (recent[recent[0]] >= day - history_days_ + 1) return false;
        free_.push_back(entry.second);
        return true;
      });
    }
  }
  // Removals, rarely.
  for (size_t l = 0; l < lists_.size(); ++l) {
    const double rate = lists_[l].removal_rate;
    if (rate <= 0.0) continue;
    for (size_t p = 0; p < membership_.size(); ++p) {
      if ((membership_[p] >> l & 1u) == 0) continue;
      Rng rng(seed_, Stream::kLists, static_cast<uint32_t>(p), day);
      if (rng.UniformAt(static_cast<uint32_t>(l)) < rate) {
        membership_[p] &= ~(1u << l);
        --sizes_[l];
        ++removed_[l];
      }
    }
  }
}

// Checkpoints hold each alerted person's latest days in person order, whatever the slots.
void Watchlists::Save(SnapshotWriter& out) const {
  std::map<uint32_t, std::vector<Day>> alert_days;
  for (const auto& [person, slot] : alerted_) {
    const Day* recent = RecentAt(slot);
    alert_days[person].assign(recent + 1, recent + 1 + recent[0]);
  }
  out(membership_, sizes_, added_, removed_, alert_days);
}

void Watchlists::Load(SnapshotReader& in) {
  const size_t persons = membership_.size(), lists = sizes_.size();
  std::map<uint32_t, std::vector<Day>> alert_days;
  in(membership_, sizes_, added_, removed_, alert_days);
  ExpectSize(membership_.size(), persons, "list membership");
  alerted_.clear();
  recent_.clear();
  free_.clear();
  for (const auto& [person, days] : alert_days) {
    if (person >= persons || days.empty() || days.size() > static_cast<size_t>(recent_kept_)) {
      throw cereal::Exception("alert history of another population or other lists");
    }
    Day* recent = RecentAt(RecentSlotOf(person));
    recent[0] = static_cast<Day>(days.size());
    std::copy(days.begin(), days.end(), recent + 1);
  }
  ExpectSize(sizes_.size(), lists, "lists");
  ExpectSize(added_.size(), lists, "lists");
  ExpectSize(removed_.size(), lists, "lists");
}

}  // namespace oversight
