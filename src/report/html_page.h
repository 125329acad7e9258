// An HTML page with Vega-Lite charts, self-contained: the text is added as HTML, each
// chart as a Vega-Lite specification with its data inline, and Finish() inlines the chart
// libraries (web_assets.h) and the script that draws every chart when the page loads, so
// the page needs no network. Pages: report.html (report_html.h) and the place models'
// reports. Every chart can be saved as SVG or PNG from its menu; a print stylesheet lays
// the page out on A4.
// Thread-safety: an object per thread.
#pragma once

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace oversight {

// `text` with &, <, >, " and ' replaced by their character references.
std::string EscapeHtml(std::string_view text);

class HtmlPage {
 public:
  using Json = nlohmann::ordered_json;

  void Add(std::string_view text) { html_ += text; }
  template <typename... Args>
  void Addf(fmt::format_string<Args...> format, Args&&... args) {
    html_ += fmt::format(format, std::forward<Args>(args)...);
  }

  // A chart: `spec` is a Vega-Lite specification; `alt` says in words what it shows (the
  // chart's text alternative); `caption` (HTML) is printed under it.
  void Chart(const std::string& id, Json spec, std::string_view alt, std::string_view caption);

  // The footer every page ends with: who made it, the chart libraries inlined (so the page
  // works offline) and how to save a chart.
  void Footer();

  // The whole page, titled `title`: the text added so far, the libraries and the charts.
  std::string Finish(std::string_view title) const;

 private:
  std::string html_;
  Json charts_ = Json::object();
};

}  // namespace oversight
