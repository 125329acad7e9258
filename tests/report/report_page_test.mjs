// The report pages in a real browser: runs `oversight run` on a small city (with two
// replicates), on tianjin-petitioners (where every rule's precision is 0%), on the
// runaway-feedback urn, on the predict-and-serve forecast and on victim-reporting, opens each
// report.html from disk in headless Chromium with every network request refused, and checks
// that the page reads (headings, captioned tables), that every chart drew marks or a
// labelled zero, and that there is no console error. On the city pages it also checks the
// layout as a reader meets it: no element wider than the viewport at 1400 px and 414 px, no
// internal metric key in the visible text, and, printed to A4, no card or chart that could
// be split across a page break. Saves a screenshot of each page.
//
// Usage: node report_page_test.mjs OVERSIGHT_BINARY WEB_DIR WORK_DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [binary, webDir, workDir] = process.argv.slice(2);
if (!workDir) {
  console.error('usage: node report_page_test.mjs OVERSIGHT_BINARY WEB_DIR WORK_DIR');
  process.exit(2);
}
const require = createRequire(path.join(webDir, 'package.json'));
const { chromium } = require('playwright-core');

const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const out = path.join(workDir, 'run');
execFileSync(binary, ['run', '--persons', '20000', '--days', '7', '--replicates', '2', '--quiet',
                      '--out', out],
             { stdio: ['ignore', 'ignore', 'inherit'] });
const city_page = path.join(out, 'report.html');
const tianjin_out = path.join(workDir, 'tianjin');
execFileSync(binary, ['run', path.join(webDir, '..', 'scenarios', 'tianjin-petitioners.toml'),
                      '--persons', '20000', '--days', '7', '--quiet', '--out', tianjin_out],
             { stdio: ['ignore', 'ignore', 'inherit'] });
const urn_out = path.join(workDir, 'urn');
execFileSync(binary, ['run', path.join(webDir, '..', 'scenarios', 'runaway-feedback.toml'),
                      '--days', '300', '--quiet', '--out', urn_out],
             { stdio: ['ignore', 'ignore', 'inherit'] });
const reporting_out = path.join(workDir, 'reporting');
execFileSync(binary, ['run', path.join(webDir, '..', 'scenarios', 'victim-reporting.toml'),
                      '--days', '20', '--quiet', '--out', reporting_out],
             { stdio: ['ignore', 'ignore', 'inherit'] });
const predpol_out = path.join(workDir, 'predpol');
execFileSync(binary, ['run', path.join(webDir, '..', 'scenarios', 'predict-and-serve.toml'),
                      '--days', '60', '--quiet', '--out', predpol_out],
             { stdio: ['ignore', 'ignore', 'inherit'] });

// Opens `file` and checks it; `min_charts` charts at least, `min_sections` sections, and
// each of `phrases` in the text.
async function checkPage(browser, file, { min_charts, min_sections, phrases, screenshot,
                                         layout = false }) {
  const size = statSync(file).size;
  check(size < 5 * 1024 * 1024, `${file} is ${size} bytes, over 5 MB`);
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto('file://' + file);

  const charts = await page.$$eval('.chart', (boxes) => boxes.map((box) => box.id));
  const specs = await page.evaluate(
      () => Object.keys(JSON.parse(document.getElementById('charts').textContent)));
  check(charts.length >= min_charts, `only ${charts.length} charts in ${file}`);
  check(JSON.stringify(charts.slice().sort()) === JSON.stringify(specs.slice().sort()),
        `chart boxes ${charts} do not match the specifications ${specs}`);
  for (const id of charts) {
    try {
      await page.waitForSelector(`#${id} svg`, { timeout: 10000 });
      // Marks a reader can see (a bar of length 0 has no area), or a text mark reading 0.
      const drawn = await page.$eval(`#${id} svg`, (svg) => {
        const seen = (node, area) => {
          const box = node.getBBox();
          return area ? box.width > 0 && box.height > 0 : box.width > 0 || box.height > 0;
        };
        const visible = [...svg.querySelectorAll('.mark-rect path, .mark-area path')]
                            .some((node) => seen(node, true)) ||
                        [...svg.querySelectorAll('.mark-line path, .mark-symbol path, ' +
                                                 '.mark-rule line')]
                            .some((node) => seen(node, false));
        const zero = [...svg.querySelectorAll('.mark-text text')]
                         .some((node) => /^0(\.0+)?%?$/.test(node.textContent.trim()));
        return { visible, zero };
      });
      check(drawn.visible || drawn.zero, `chart ${id} in ${file} shows no marks and no labelled zero`);
      const actions = await page.$$(`#${id} .vega-actions a`);
      check(actions.length >= 2, `chart ${id} in ${file} cannot be saved as SVG or PNG`);
    } catch (error) {
      failures.push(`chart ${id} did not render: ${error.message}`);
    }
    // vega-embed labels the chart box, or with its actions menu the view inside it.
    const label = await page.$eval(`#${id}`, (box) => box.getAttribute('aria-label') ||
        box.querySelector('[aria-label]')?.getAttribute('aria-label'));
    check(label && label.length > 20, `chart ${id} has no text alternative`);
  }
  const h2 = await page.$$eval('h2', (nodes) => nodes.map((node) => node.textContent));
  check(h2.length >= min_sections, `only ${h2.length} sections in ${file}: ${h2}`);
  const tables = await page.$$eval('table', (nodes) => nodes.map((node) => !!node.querySelector('caption')));
  check(tables.length >= 1 && tables.every(Boolean), `a table in ${file} lacks a caption`);
  const text = await page.textContent('body');
  for (const phrase of phrases) {
    check(text.includes(phrase), `${file} does not say "${phrase}"`);
  }
  check(text.includes('Oversight (Apache-2.0)'), `${file} has no footer`);
  if (layout) await checkLayout(page, file, screenshot);
  check(errors.length === 0, `console errors in ${file}: ${errors.join(' | ')}`);
  check(requests.length === 0, `${file} asked the network for: ${requests.join(', ')}`);
  await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
  return size;
}

// The rates of audit/group_rates.h under their internal names: none may reach the reader.
const kMetricKeys = [
  'population_share', 'alert_share', 'listed_share', 'flagged_share', 'innocents_flagged_share',
  'false_alarm_share', 'contacts_per_innocent', 'list_days_per_person', 'held_days_per_person',
  'patrol_exposure_per_person', 'lawful_stopped_share', 'harmful_acts_stopped_share',
  'lawful_lost_share', 'harmful_prevented_share', 'false_positive_rate',
];

// The elements wider than the viewport, outside a box that scrolls sideways on its own.
function overflowing() {
  const width = document.documentElement.clientWidth;
  const scrolls = (node) => {
    for (let up = node.parentElement; up; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true;
    }
    return false;
  };
  const wide = [...document.querySelectorAll('body *')].filter((node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && !scrolls(node);
  });
  return { page: document.documentElement.scrollWidth, width,
           wide: wide.slice(0, 5).map((node) => `${node.tagName}.${node.className}`) };
}

// The layout checks of a city page: widths at two viewports, the visible text, print.
async function checkLayout(page, file, screenshot) {
  for (const width of [1400, 414]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);  // vega-embed redraws 'container'-wide charts on resize
    const o = await page.evaluate(overflowing);
    check(o.page <= o.width && o.wide.length === 0,
          `${file} at ${width} px is ${o.page} px wide; too wide: ${o.wide.join(', ')}`);
    await page.screenshot({ path: screenshot.replace('.png', `-${width}.png`), fullPage: true });
  }
  const visible = await page.evaluate(() => document.body.innerText);
  for (const key of kMetricKeys) {
    check(!visible.includes(key), `${file} shows the internal metric key "${key}"`);
  }
  const replicate_key = visible.match(/\b(all|group|rule)\.[a-z0-9_.]+_[a-z_]+/);
  check(!replicate_key, `${file} shows the replicate metric "${replicate_key && replicate_key[0]}"`);
  // A4 at 96 px/inch with 15 mm margins: 680 x 1009 px of content. A card or chart that
  // the print stylesheet keeps whole (break-inside: avoid) and that fits in a page's
  // height is never cut by a page break.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 680, height: 1009 });
  await page.waitForTimeout(300);
  const split = await page.$$eval('.rule, figure', (nodes) => nodes.flatMap((node) => {
    const style = getComputedStyle(node);
    const kept = style.breakInside === 'avoid' || style.pageBreakInside === 'avoid';
    const height = node.getBoundingClientRect().height;
    return kept && height <= 1009 ? [] : [`${node.tagName}#${node.id || node.className} ` +
                                          `(${Math.round(height)} px, ${style.breakInside})`];
  }));
  check(split.length === 0, `${file} printed: these may split across a page: ${split.join(', ')}`);
  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm' } });
  check(pdf.length > 1000, `${file} did not print`);
  await page.emulateMedia({ media: 'screen' });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--no-first-run'],
});
let size = 0;
try {
  size = await checkPage(browser, city_page, {
    min_charts: 8,
    min_sections: 9,
    phrases: ['What the audit found', 'concerned people with no harmful intent', 'within band',
              'The operators', 'Methods and limits', 'synthetic',
              'Which metric answers which question', 'worse for the group when',
              'Across 2 replicates', 'share of innocent members flagged at least once'],
    screenshot: path.join(workDir, 'report.png'),
    layout: true,
  });
  await checkPage(browser, path.join(tianjin_out, 'report.html'), {
    min_charts: 8,
    min_sections: 9,
    phrases: ['What the audit found', 'Every rule that fired had a precision of 0%'],
    screenshot: path.join(workDir, 'tianjin.png'),
    layout: true,
  });
  await checkPage(browser, path.join(urn_out, 'report.html'), {
    min_charts: 1,
    min_sections: 3,
    phrases: ['What the runs found', 'Without the correction', 'With the correction'],
    screenshot: path.join(workDir, 'urn.png'),
  });
  await checkPage(browser, path.join(predpol_out, 'report.html'), {
    min_charts: 2,
    min_sections: 4,
    phrases: ['What the forecast did', 'Without feedback', 'With feedback', 'hit rate'],
    screenshot: path.join(workDir, 'predpol.png'),
  });
  await checkPage(browser, path.join(reporting_out, 'report.html'), {
    min_charts: 2,
    min_sections: 4,
    phrases: ['What the forecasts did', 'Where the hotspots moved', 'reporting rate'],
    screenshot: path.join(workDir, 'reporting.png'),
  });
} finally {
  await browser.close();
}

if (failures.length > 0) {
  for (const failure of failures) console.error('FAIL: ' + failure);
  process.exit(1);
}
console.log(`report.html (${size} bytes), the urn, predpol and reporting pages rendered in Chromium; screenshots in ` +
            `${workDir}`);
