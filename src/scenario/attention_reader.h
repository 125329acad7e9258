// Reads the `[attention]` section of an attention-allocation scenario
// (`[scenario] model = "attention"`) into Scenario::attention (attention_options.h),
// reporting every problem with its position. Thread-safety: one load at a time per context.
#pragma once

#include "scenario/section_reader.h"

namespace oversight {

void ReadAttention(SectionContext& ctx);

}  // namespace oversight
