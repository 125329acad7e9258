#include "world/timeline.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace oversight {

void Timeline::Set(PlaceId place, Minute from, Minute to) {
  from = std::max<Minute>(from, 0);
  to = std::min<Minute>(to, kMinutesPerDay);
  if (from >= to) return;
  // The stays [first, last] overlap [from, to); they tile the day, so there is at least one.
  size_t first = 0;
  while (slots_[first].to <= from) ++first;
  size_t last = first;
  while (last + 1 < size_ && slots_[last + 1].from < to) ++last;

  // What replaces [begin, end): the part of `first` before `from`, the new stay, and the
  // part of `last` after `to`; a part at the new stay's place, or a neighbour at it when
  // no part is left, merges into the new stay.
  Slot added{place.value, from, to};
  Slot parts[3];
  size_t count = 0;
  size_t begin = first;
  size_t end = last + 1;
  const Slot before = slots_[first];
  if (before.from < from) {
    if (before.place == added.place) {
      added.from = before.from;
    } else {
      parts[count++] = Slot{before.place, before.from, from};
    }
  } else if (first > 0 && slots_[first - 1].place == added.place) {
    begin = first - 1;
    added.from = slots_[begin].from;
  }
  const Slot after = slots_[last];
  Slot tail{};
  bool has_tail = false;
  if (to < after.to) {
    if (after.place == added.place) {
      added.to = after.to;
    } else {
      tail = Slot{after.place, to, after.to};
      has_tail = true;
    }
  } else if (end < size_ && slots_[end].place == added.place) {
    added.to = slots_[end].to;
    ++end;
  }
  parts[count++] = added;
  if (has_tail) parts[count++] = tail;

  // Move the stays after the replaced ones into place, then write the parts.
  const size_t size = size_ - (end - begin) + count;
  std::memmove(&slots_[begin + count], &slots_[end], (size_ - end) * sizeof(Slot));
  std::copy_n(parts, count, &slots_[begin]);
  // A day has few stays; more than kMaxStays means a caller inserted absurdly many.
  assert(size <= kMaxStays);
  size_ = std::min(size, kMaxStays);
}

PlaceId Timeline::PlaceAt(Minute t) const {
  for (size_t i = 0; i < size_; ++i) {
    if (slots_[i].from <= t && t < slots_[i].to) return PlaceId(slots_[i].place);
  }
  return PlaceId();
}

}  // namespace oversight
