#include "policy/watchlists.h"

#include <cassert>

namespace oversight {

Watchlists::Watchlists(const PolicyOptions& options, const RecordsView& records) {
  assert(options.lists.size() <= kMaxLists);  // the loader enforces it
  membership_.assign(records.person_count(), 0);
  sizes_.assign(options.lists.size(), 0);
  for (size_t p = 0; p < records.person_count(); ++p) {
    const TraitBits on_file = records.recorded_traits(PersonId(static_cast<uint32_t>(p)));
    for (size_t l = 0; l < options.lists.size(); ++l) {
      if ((on_file & options.lists[l].recorded_traits) != 0) {
        membership_[p] |= 1u << l;
        ++sizes_[l];
      }
    }
  }
}

}  // namespace oversight
