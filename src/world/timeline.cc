#include "world/timeline.h"

#include <algorithm>
#include <cassert>

namespace oversight {

Timeline::Timeline(PlaceId place) {
  stays_[0] = Stay{place, 0, kMinutesPerDay};
  size_ = 1;
}

void Timeline::Set(PlaceId place, Minute from, Minute to) {
  from = std::max<Minute>(from, 0);
  to = std::min<Minute>(to, kMinutesPerDay);
  if (from >= to) return;
  std::array<Stay, kMaxStays + 2> out;
  size_t n = 0;
  auto push = [&](Stay stay) {
    if (stay.from >= stay.to) return;
    if (n > 0 && out[n - 1].place == stay.place && out[n - 1].to == stay.from) {
      out[n - 1].to = stay.to;
      return;
    }
    out[n++] = stay;
  };
  bool inserted = false;
  for (size_t i = 0; i < size_; ++i) {
    const Stay& s = stays_[i];
    if (s.to <= from || s.from >= to) {
      if (!inserted && s.from >= to) {
        push(Stay{place, from, to});
        inserted = true;
      }
      push(s);
      continue;
    }
    push(Stay{s.place, s.from, from});  // the part before the new stay
    if (!inserted) {
      push(Stay{place, from, to});
      inserted = true;
    }
    push(Stay{s.place, to, s.to});  // the part after
  }
  if (!inserted) push(Stay{place, from, to});
  // A day has few stays; more than kMaxStays means a caller inserted absurdly many.
  assert(n <= kMaxStays);
  size_ = std::min(n, kMaxStays);
  std::copy_n(out.begin(), size_, stays_.begin());
}

PlaceId Timeline::PlaceAt(Minute t) const {
  for (size_t i = 0; i < size_; ++i) {
    if (stays_[i].from <= t && t < stays_[i].to) return stays_[i].place;
  }
  return PlaceId();
}

}  // namespace oversight
