// Design: the minified builds are embedded with the assembler's .incbin (GCC and Clang on
// ELF), which copies the files byte for byte at compile time. Rejected: generating a C++
// array from CMake (file(READ ... HEX) on 830 KB is slow at configure time and the source
// is six times larger) and reading the files at run time (the binary would need them
// beside it, and a moved binary would write pages without charts).
#include "report/web_assets.h"

#include <array>

// clang-format off
#define OVERSIGHT_EMBED(symbol, path)                   \
  __asm__(".section .rodata\n"                          \
          ".global " #symbol "_begin\n"                 \
          #symbol "_begin:\n"                           \
          ".incbin \"" path "\"\n"                      \
          ".global " #symbol "_end\n"                   \
          #symbol "_end:\n"                             \
          ".previous\n")
// clang-format on

OVERSIGHT_EMBED(oversight_vega_js, OVERSIGHT_VEGA_JS);
OVERSIGHT_EMBED(oversight_vega_lite_js, OVERSIGHT_VEGA_LITE_JS);
OVERSIGHT_EMBED(oversight_vega_embed_js, OVERSIGHT_VEGA_EMBED_JS);

extern "C" {
extern const char oversight_vega_js_begin[], oversight_vega_js_end[];
extern const char oversight_vega_lite_js_begin[], oversight_vega_lite_js_end[];
extern const char oversight_vega_embed_js_begin[], oversight_vega_embed_js_end[];
}

namespace oversight {

namespace {

std::string_view Span(const char* begin, const char* end) {
  return {begin, static_cast<size_t>(end - begin)};
}

}  // namespace

const WebAsset* WebAssets(size_t* count) {
  static const std::array<WebAsset, 3> kAssets = {{
      {"vega " OVERSIGHT_VEGA_VERSION, Span(oversight_vega_js_begin, oversight_vega_js_end)},
      {"vega-lite " OVERSIGHT_VEGA_LITE_VERSION,
       Span(oversight_vega_lite_js_begin, oversight_vega_lite_js_end)},
      {"vega-embed " OVERSIGHT_VEGA_EMBED_VERSION,
       Span(oversight_vega_embed_js_begin, oversight_vega_embed_js_end)},
  }};
  *count = kAssets.size();
  return kAssets.data();
}

}  // namespace oversight
