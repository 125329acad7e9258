#include "report/html_page.h"

#include "report/web_assets.h"

namespace oversight {

namespace {

constexpr std::string_view kStyle = R"css(
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 70rem; margin: 0 auto;
       padding: 0 1rem 4rem; }
h1 { font-size: 1.8rem; margin-top: 2rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
nav ul { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; padding: 0; }
.notice { background: #f3f3f3; border-left: 4px solid #555; padding: .6rem 1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
.nd { color: #555; font-size: .85em; white-space: nowrap; }
td.text { text-align: left; }
.verdict { font-weight: 600; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.rules { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr));
         gap: 1rem; }
.rule { border: 1px solid #ccc; padding: .2rem 1rem 1rem; min-width: 0; overflow-wrap: anywhere; }
.rule .nd { white-space: normal; }
.rule dl { display: grid; grid-template-columns: auto auto; gap: .1rem 1rem; margin: 0; }
.rule dt { color: #444; } .rule dd { margin: 0; text-align: right; }
figure { margin: 1.5rem 0; } figcaption { color: #444; font-size: .9rem; max-width: 50rem; }
.chart { min-height: 2rem; max-width: 100%; }
.chart svg { max-width: 100%; height: auto; }
.guide dt { font-weight: 600; margin-top: .5rem; } .guide dd { margin-left: 1.5rem; }
.worse { color: #8a1c1c; } .better { color: #1c5a8a; }
footer { margin-top: 3rem; border-top: 1px solid #ccc; color: #444; font-size: .9rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  nav, .vega-embed details, .vega-actions { display: none; }
  h2 { break-before: auto; break-after: avoid; }
  h3, caption { break-after: avoid; }
  .rule, figure, tr, .notice { break-inside: avoid; page-break-inside: avoid; }
  .rules { grid-template-columns: 1fr 1fr; }
  .scroll { overflow: visible; }
  table { font-size: 9pt; }
  a { color: inherit; text-decoration: none; }
}
)css";

// Text inside <script> may not contain "</script"; "<\/script" means the same in
// JavaScript strings and regular expressions and in JSON. (The libraries contain none.)
std::string ScriptSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '<' && i + 7 < text.size() && text[i + 1] == '/' &&
        (text.substr(i + 2, 6) == "script" || text.substr(i + 2, 6) == "SCRIPT")) {
      out += '\\';
    }
  }
  return out;
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void HtmlPage::Chart(const std::string& id, Json spec, std::string_view alt,
                     std::string_view caption) {
  spec["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json";
  // Text large enough to read on paper, where an A4 page shrinks a chart by about a third.
  spec["config"] = {{"axis", {{"labelFontSize", 12}, {"titleFontSize", 13}}},
                    {"legend", {{"labelFontSize", 12}, {"titleFontSize", 13}}},
                    {"text", {{"fontSize", 12}}}};
  spec["description"] = alt;  // vega-embed makes it the chart box's aria-label
  if (!spec.contains("width")) spec["width"] = "container";
  charts_[id] = std::move(spec);
  Addf(
      "<figure><div id=\"{0}\" class=\"chart\"></div>"
      "<figcaption>{1}</figcaption></figure>\n",
      id, caption);
}

void HtmlPage::Footer() {
  size_t count = 0;
  const WebAsset* assets = WebAssets(&count);
  std::string names;
  for (size_t i = 0; i < count; ++i) {
    names += fmt::format("{}{}", i == 0 ? "" : ", ", assets[i].name);
  }
  Addf(
      "<footer><p>Made by Oversight (Apache-2.0). Charts drawn by {} (BSD-3-Clause), "
      "inlined in this page: it needs no network. Each chart's menu (&hellip;) saves it as "
      "SVG or PNG.</p></footer>\n",
      names);
}

std::string HtmlPage::Finish(std::string_view title) const {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      EscapeHtml(title), kStyle);
  // Wide tables scroll sideways on narrow screens instead of overflowing the page.
  for (size_t at = 0; at < html_.size();) {
    const size_t open = html_.find("<table>", at);
    const size_t close = html_.find("</table>", open == std::string::npos ? at : open);
    if (open == std::string::npos || close == std::string::npos) {
      out.append(html_, at, std::string::npos);
      break;
    }
    out.append(html_, at, open - at);
    out += "<div class=\"scroll\">";
    out.append(html_, open, close + 8 - open);
    out += "</div>";
    at = close + 8;
  }
  size_t count = 0;
  const WebAsset* assets = WebAssets(&count);
  for (size_t i = 0; i < count; ++i) {
    out += fmt::format("<script>/* {} */\n", assets[i].name);
    out += ScriptSafe(assets[i].content);
    out += "\n</script>\n";
  }
  out += "<script type=\"application/json\" id=\"charts\">";
  out += ScriptSafe(charts_.dump());
  out += "</script>\n<script>\n";
  out += R"js(
const charts = JSON.parse(document.getElementById('charts').textContent);
for (const [id, spec] of Object.entries(charts)) {
  const actions = {export: {svg: true, png: true}, source: false, compiled: false, editor: false};
  vegaEmbed('#' + id, spec, {actions, renderer: 'svg'}).catch((error) => {
    document.getElementById(id).textContent = 'This chart could not be drawn: ' + error;
    console.error(error);
  });
}
)js";
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace oversight
