// The archive types of checkpoints (sim/checkpoint.h), declared for headers: a stage that
// carries state from one day to the next declares `Save(SnapshotWriter&) const` and
// `Load(SnapshotReader&)` with these, and includes core/snapshot.h in its source file only.
#pragma once

namespace cereal {
class PortableBinaryOutputArchive;
class PortableBinaryInputArchive;
}  // namespace cereal

namespace oversight {

using SnapshotWriter = cereal::PortableBinaryOutputArchive;
using SnapshotReader = cereal::PortableBinaryInputArchive;

}  // namespace oversight
