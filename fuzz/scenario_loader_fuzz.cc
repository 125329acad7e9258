// libFuzzer target: the scenario loader (fuzz_bodies.h). Built by the fuzz preset.
#include "fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  oversight::FuzzScenarioLoader(data, size);
  return 0;
}
