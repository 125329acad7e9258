// The report pages in a real browser: runs `oversight run` on a small city, on the
// runaway-feedback urn, on the predict-and-serve forecast and on victim-reporting, opens each report.html from disk in headless Chromium with every
// network request refused, and checks that the page reads (headings, captioned tables) and
// that every chart drew (an SVG with marks in each chart box) without a console error.
// Saves a screenshot of each page.
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
execFileSync(binary, ['run', '--persons', '20000', '--days', '7', '--quiet', '--out', out],
             { stdio: ['ignore', 'ignore', 'inherit'] });
const city_page = path.join(out, 'report.html');
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
async function checkPage(browser, file, { min_charts, min_sections, phrases, screenshot }) {
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
      const marks = await page.$$eval(`#${id} svg .mark-rect path, #${id} svg .mark-line path, ` +
                                      `#${id} svg .mark-area path, #${id} svg .mark-symbol path, ` +
                                      `#${id} svg .mark-text text`,
                                      (nodes) => nodes.length);
      check(marks > 0, `chart ${id} drew no marks`);
    } catch (error) {
      failures.push(`chart ${id} did not render: ${error.message}`);
    }
    const label = await page.getAttribute(`#${id}`, 'aria-label');
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
  check(errors.length === 0, `console errors in ${file}: ${errors.join(' | ')}`);
  check(requests.length === 0, `${file} asked the network for: ${requests.join(', ')}`);
  await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
  return size;
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
              'The operators', 'Methods and limits', 'synthetic'],
    screenshot: path.join(workDir, 'report.png'),
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
