// Design: the checksum is computed while the archive streams out (a stream buffer that
// hashes on its way to the file) and checked by one sequential pass before anything is
// parsed, so a damaged or truncated file is refused before it can allocate or index by a
// corrupted size. cereal reports what it cannot read by throwing; the exceptions stop at
// this file's functions and become a Status.
#include "sim/checkpoint.h"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <exception>
#include <string>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/snapshot.h"
#include "core/version.h"

namespace oversight {

namespace {

constexpr std::string_view kMagic = "oversight checkpoint";
// 2: the pair rule's sums by household; 3: audit marks in bits; 4: the learned score's
// counts count by count.
constexpr uint32_t kFormat = 4;
constexpr size_t kChecksumBytes = 8;

// An XXH3-64 hash of bytes given in pieces.
class Hash64 {
 public:
  Hash64() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
  ~Hash64() { XXH3_freeState(state_); }
  Hash64(const Hash64&) = delete;
  Hash64& operator=(const Hash64&) = delete;

  void Update(const void* data, size_t size) { XXH3_64bits_update(state_, data, size); }
  void Update(std::string_view text) { Update(text.data(), text.size()); }
  uint64_t Digest() const { return XXH3_64bits_digest(state_); }

 private:
  XXH3_state_t* state_;
};

// Hashes everything written through it on its way to `sink`.
class HashingBuffer : public std::streambuf {
 public:
  explicit HashingBuffer(std::ostream* sink) : sink_(sink) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }

  // Passes on what is buffered; returns the hash of everything written.
  uint64_t Finish() {
    Drain();
    return hash_.Digest();
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!Drain()) return traits_type::eof();
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
    return ch;
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    const auto size = static_cast<size_t>(pptr() - pbase());
    hash_.Update(pbase(), size);
    sink_->write(pbase(), static_cast<std::streamsize>(size));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return static_cast<bool>(*sink_);
  }

  std::ostream* sink_;
  Hash64 hash_;
  std::array<char, 1 << 16> buffer_{};
};

// The XXH3-64 of the first `size` bytes of `in` (from its start).
uint64_t HashPrefix(std::istream& in, uint64_t size) {
  Hash64 hash;
  std::vector<char> chunk(1 << 20);
  while (size > 0 && in) {
    const auto want = static_cast<std::streamsize>(std::min<uint64_t>(size, chunk.size()));
    in.read(chunk.data(), want);
    const auto got = static_cast<size_t>(in.gcount());
    hash.Update(chunk.data(), got);
    size -= got;
  }
  return hash.Digest();
}

void EncodeLittleEndian(uint64_t value, std::array<unsigned char, kChecksumBytes>* bytes) {
  for (size_t i = 0; i < kChecksumBytes; ++i)
    (*bytes)[i] = static_cast<unsigned char>(value >> (8 * i));
}

uint64_t DecodeLittleEndian(const std::array<unsigned char, kChecksumBytes>& bytes) {
  uint64_t value = 0;
  for (size_t i = 0; i < kChecksumBytes; ++i) value |= static_cast<uint64_t>(bytes[i]) << (8 * i);
  return value;
}

}  // namespace

uint64_t CheckpointFingerprint(std::string_view scenario_text, const Scenario& scenario,
                               int replicates) {
  const std::string overrides =
      fmt::format("\nseed={} days={} persons={} twin={} replicates={}", scenario.seed,
                  scenario.days, scenario.world.persons, scenario.audit.twin, replicates);
  Hash64 hash;
  hash.Update(scenario_text);
  hash.Update(overrides);
  return hash.Digest();
}

absl::Status WriteCheckpoint(const std::filesystem::path& path, const CheckpointHeader& header,
                             const Simulation& simulation) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  std::error_code ignored;
  auto fail = [&](std::string_view why) {
    std::filesystem::remove(temporary, ignored);
    return absl::InternalError(
        fmt::format("cannot write the checkpoint '{}': {}", path.string(), why));
  };
  std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
  if (!file) return fail("cannot create the file");
  uint64_t checksum = 0;
  try {
    HashingBuffer buffer(&file);
    {
      std::ostream stream(&buffer);
      SnapshotWriter out(stream);
      out(std::string(kMagic), kFormat, std::string(kVersion), header.fingerprint, header.replicate,
          header.day, header.finished, header.first_facts);
      simulation.Save(out);
    }
    checksum = buffer.Finish();
  } catch (const std::exception& error) {
    return fail(error.what());
  }
  std::array<unsigned char, kChecksumBytes> bytes{};
  EncodeLittleEndian(checksum, &bytes);
  file.write(reinterpret_cast<const char*>(bytes.data()), kChecksumBytes);
  file.close();
  if (!file) return fail("the write failed (is the disk full?)");
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return fail(error.message());
  return absl::OkStatus();
}

struct CheckpointReader::Archive {
  explicit Archive(std::istream& stream) : in(stream) {}
  SnapshotReader in;
};

CheckpointReader::~CheckpointReader() = default;

absl::StatusOr<std::unique_ptr<CheckpointReader>> CheckpointReader::Open(
    const std::filesystem::path& path, uint64_t fingerprint) {
  const std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(fmt::format(
        "no checkpoint at '{}' to resume from (a run writes one with --checkpoint-every DAYS)",
        name));
  }
  std::unique_ptr<CheckpointReader> reader(new CheckpointReader());
  reader->path_ = path;
  reader->in_.open(path, std::ios::binary);
  const uint64_t size = std::filesystem::file_size(path, error);
  if (!reader->in_ || error) {
    return absl::NotFoundError(fmt::format("cannot read the checkpoint '{}'", name));
  }
  const auto damaged = [&](std::string_view why) {
    return absl::DataLossError(
        fmt::format("the checkpoint '{}' is damaged ({}); delete it and run again without --resume",
                    name, why));
  };
  if (size <= kChecksumBytes) return damaged("it is too short");
  reader->payload_end_ = size - kChecksumBytes;
  const uint64_t computed = HashPrefix(reader->in_, reader->payload_end_);
  std::array<unsigned char, kChecksumBytes> bytes{};
  reader->in_.read(reinterpret_cast<char*>(bytes.data()), kChecksumBytes);
  if (!reader->in_ || computed != DecodeLittleEndian(bytes)) {
    return damaged("its checksum does not match: it was cut short or changed");
  }
  reader->in_.seekg(0);
  std::string magic, version;
  uint32_t format = 0;
  uint64_t written_for = 0;
  CheckpointHeader& header = reader->header_;
  try {
    reader->archive_ = std::make_unique<Archive>(reader->in_);
    SnapshotReader& in = reader->archive_->in;
    in(magic);
    if (magic != kMagic) return damaged("it is not an Oversight checkpoint");
    in(format, version);
    if (format != kFormat || version != kVersion) {
      return absl::FailedPreconditionError(fmt::format(
          "the checkpoint '{}' was written by oversight {} (checkpoint format {}); this is "
          "oversight {} (format {}): run again without --resume",
          name, version, format, kVersion, kFormat));
    }
    in(written_for, header.replicate, header.day, header.finished, header.first_facts);
  } catch (const std::exception& what) {
    return damaged(what.what());
  }
  if (written_for != fingerprint) {
    return absl::FailedPreconditionError(fmt::format(
        "the checkpoint '{}' belongs to another run: the scenario file, --seed, --days, "
        "--persons, --no-twin or --replicates differ from the command that wrote it; resume "
        "with that command, or run again without --resume",
        name));
  }
  header.fingerprint = written_for;
  return reader;
}

absl::Status CheckpointReader::Restore(Simulation* simulation) {
  try {
    simulation->Load(archive_->in);
  } catch (const std::exception& what) {
    return absl::DataLossError(fmt::format("the checkpoint '{}' does not fit this scenario: {}",
                                           path_.string(), what.what()));
  }
  if (static_cast<uint64_t>(in_.tellg()) != payload_end_) {
    return absl::DataLossError(fmt::format(
        "the checkpoint '{}' holds more state than this scenario's stages read", path_.string()));
  }
  return absl::OkStatus();
}

}  // namespace oversight
