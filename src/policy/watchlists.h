// Watchlists ("key persons"): who the authorities keep an eye on.
//
// Membership is decided from recorded traits only (RecordsView), so a person whose
// history is on file by mistake is listed, and one whose true history is not on file is
// not. Nobody is told. Thread-safety: immutable after construction.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "scenario/policy_options.h"
#include "world/records_view.h"

namespace oversight {

class Watchlists {
 public:
  // REQUIRES: options.lists.size() <= kMaxLists.
  Watchlists(const PolicyOptions& options, const RecordsView& records);

  bool Contains(ListId list, PersonId person) const {
    return (membership_[person.index()] >> list.value & 1u) != 0;
  }
  bool OnAny(PersonId person) const { return membership_[person.index()] != 0; }
  // Number of persons on each list.
  const std::vector<size_t>& sizes() const { return sizes_; }

 private:
  std::vector<uint32_t> membership_;  // per person: bit l = on list l
  std::vector<size_t> sizes_;
};

}  // namespace oversight
