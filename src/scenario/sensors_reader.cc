// What the apparatus senses: [cameras], face [recognition] and the [records] it obtains.
#include <fmt/format.h>

#include "core/vocabulary.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadCameras(SectionContext& ctx) {
  SenseOptions& sense = ctx.scenario.sense;
  sense.district_camera_multiplier.assign(ctx.district_names.size(), 1.0);
  const toml::table* table = ctx.root.Table("cameras");
  if (table == nullptr) return;
  TableReader r(*table, "[cameras]", ctx.diagnostics);
  r.NumberMap("share", PlaceTypeNames(), "place type", 0.0, 1.0,
              [&](size_t i, double v) { sense.camera_share[i] = v; });
  r.NumberMap("district_multiplier", ctx.district_names, "district", 0.0, 1000.0,
              [&](size_t i, double v) { sense.district_camera_multiplier[i] = v; });
  r.NumberMap("near", PlaceTypeNames(), "place type", 0.0, 10000.0,
              [&](size_t i, double v) { sense.camera_near_m[i] = v; });
  r.ChoiceArray("homes_of_recorded", ToStrings(kTraitNames), "trait", [&](size_t i) {
    sense.camera_homes_of = static_cast<TraitBits>(sense.camera_homes_of | (1u << i));
  });
  r.Finish();
}

void ReadRecognition(SectionContext& ctx) {
  SenseOptions& sense = ctx.scenario.sense;
  sense.hit_rate.assign(ctx.group_names.size(), 0.90);
  sense.false_match_rate.assign(ctx.group_names.size(), 0.001);
  const toml::table* table = ctx.root.Table("recognition");
  if (table == nullptr) return;
  TableReader r(*table, "[recognition]", ctx.diagnostics);
  r.NumberMap("hit_rate", ctx.group_names, "group", 0.0, 1.0,
              [&](size_t i, double v) { sense.hit_rate[i] = v; });
  r.NumberMap("false_match_rate", ctx.group_names, "group", 0.0, 1.0,
              [&](size_t i, double v) { sense.false_match_rate[i] = v; });
  for (size_t i = 0; i < ctx.group_names.size(); ++i) {
    if (sense.hit_rate[i] + sense.false_match_rate[i] > 1.0 + 1e-9) {
      r.Error("false_match_rate",
              fmt::format("for group '{}', hit_rate + false_match_rate must be at most 1, got {}",
                          ctx.group_names[i], sense.hit_rate[i] + sense.false_match_rate[i]));
    }
  }
  r.Probability("ticket_id_check_rate", &sense.ticket_id_check_rate);
  r.Finish();
}

void ReadRecords(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("records");
  if (table == nullptr) return;
  TableReader r(*table, "[records]", ctx.diagnostics);
  SenseOptions& sense = ctx.scenario.sense;
  r.Probability("call_record_rate", &sense.call_record_rate);
  r.Probability("dark_record_rate", &sense.dark_record_rate);
  r.Probability("payment_record_rate", &sense.payment_record_rate);
  r.Probability("hotel_registration_rate", &sense.hotel_registration_rate);
  r.Probability("plate_read_rate", &sense.plate_read_rate);
  r.Probability("plate_misread_rate", &sense.plate_misread_rate);
  r.Probability("meter_record_rate", &sense.meter_record_rate);
  r.Probability("location_record_rate", &sense.location_record_rate);
  r.Finish();
}

}  // namespace oversight
