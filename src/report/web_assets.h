// The chart libraries inlined into report.html: Vega, Vega-Lite and vega-embed (npm,
// pinned in web/package-lock.json, BSD-3-Clause), compiled into the binary so that a
// report opens offline and the program needs no files beside itself.
#pragma once

#include <string_view>

namespace oversight {

struct WebAsset {
  std::string_view name;     // e.g. "vega 6.4.0"
  std::string_view content;  // the minified UMD build
};

// In the order a page must load them: vega, vega-lite, vega-embed.
const WebAsset* WebAssets(size_t* count);

}  // namespace oversight
