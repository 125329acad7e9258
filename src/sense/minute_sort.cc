#include "sense/minute_sort.h"

#include <algorithm>
#include <utility>

namespace oversight {

// A minute's observations arrive in person order (blocks in order, each in person order),
// so a stable sort on the place alone (a radix sort, a byte of the place id a pass) leaves
// them in (place, person) order; an insertion sort with the whole order then only has to
// swap what the rest of it (kind, detail) decides, and makes the result ObservationBefore's
// whatever the input: the comparison sort it replaces was the sort phase's largest part.
void SortMinuteOfObservations(std::span<Observation> minute, std::vector<Observation>* scratch) {
  const size_t n = minute.size();
  if (n > 32) {
    uint32_t widest = 0;
    for (const Observation& o : minute) widest |= o.place.value;
    scratch->resize(n);
    Observation* from = minute.data();
    Observation* to = scratch->data();
    for (uint32_t shift = 0; shift < 32 && (widest >> shift) != 0; shift += 8) {
      size_t starts[257] = {};
      for (size_t i = 0; i < n; ++i) ++starts[(from[i].place.value >> shift & 0xFFu) + 1];
      for (size_t d = 0; d < 256; ++d) starts[d + 1] += starts[d];
      for (size_t i = 0; i < n; ++i) to[starts[from[i].place.value >> shift & 0xFFu]++] = from[i];
      std::swap(from, to);
    }
    if (from != minute.data()) std::copy(from, from + n, minute.data());
  }
  for (size_t i = 1; i < n; ++i) {
    if (!ObservationBefore(minute[i], minute[i - 1])) continue;
    const Observation moving = minute[i];
    size_t j = i;
    for (; j > 0 && ObservationBefore(moving, minute[j - 1]); --j) minute[j] = minute[j - 1];
    minute[j] = moving;
  }
}

}  // namespace oversight
