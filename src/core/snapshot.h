// Writing and reading a stage's state in a checkpoint, with cereal's portable binary
// archives (little-endian on every machine; sizes as 64-bit counts).
//
// cereal already knows the standard containers included here; this header adds the
// project's ids and Abseil's hash containers. Hash containers are written in key order, so
// a checkpoint's bytes do not depend on the process's hash seed (two runs that stop after
// the same day write the same file), and are read back into an empty container.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/set.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/utility.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/snapshot_fwd.h"

namespace oversight {

template <class Archive, typename Tag>
void serialize(Archive& archive, Id<Tag>& id) {
  archive(id.value);
}

// Reading: a per-person or per-place array must have the size the rebuilt stage has (a
// checkpoint of another city would otherwise index out of bounds). Throws cereal::Exception,
// which the checkpoint reader reports.
inline void ExpectSize(size_t read, size_t expected, const char* what) {
  if (read != expected) {
    throw cereal::Exception(std::string("the checkpoint's ") + what + " has " +
                            std::to_string(read) + " entries, the scenario's " +
                            std::to_string(expected));
  }
}

}  // namespace oversight

namespace cereal {

template <class Archive, class K, class V, class H, class E, class A>
void save(Archive& archive, const absl::flat_hash_map<K, V, H, E, A>& map) {
  std::vector<const typename absl::flat_hash_map<K, V, H, E, A>::value_type*> entries;
  entries.reserve(map.size());
  for (const auto& entry : map) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  archive(make_size_tag(static_cast<size_type>(entries.size())));
  for (const auto* entry : entries) archive(entry->first, entry->second);
}

template <class Archive, class K, class V, class H, class E, class A>
void load(Archive& archive, absl::flat_hash_map<K, V, H, E, A>& map) {
  size_type size = 0;
  archive(make_size_tag(size));
  map.clear();
  for (size_type i = 0; i < size; ++i) {
    K key{};
    V value{};
    archive(key, value);
    map.emplace(std::move(key), std::move(value));
  }
}

template <class Archive, class K, class H, class E, class A>
void save(Archive& archive, const absl::flat_hash_set<K, H, E, A>& set) {
  std::vector<K> keys(set.begin(), set.end());
  std::sort(keys.begin(), keys.end());
  archive(keys);
}

template <class Archive, class K, class H, class E, class A>
void load(Archive& archive, absl::flat_hash_set<K, H, E, A>& set) {
  std::vector<K> keys;
  archive(keys);
  set.clear();
  set.insert(keys.begin(), keys.end());
}

}  // namespace cereal
