// The report page in a real browser: runs `oversight run` on a small city, opens the
// report.html it wrote from disk in headless Chromium with every network request refused,
// and checks that the page reads (headings, captioned tables) and that every chart drew
// (an SVG in each chart box) without a console error. Saves a screenshot of the page.
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
const page_path = path.join(out, 'report.html');
const size = statSync(page_path).size;
check(size < 5 * 1024 * 1024, `report.html is ${size} bytes, over 5 MB`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--no-first-run'],
});
try {
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
  await page.goto('file://' + page_path);

  const charts = await page.$$eval('.chart', (boxes) => boxes.map((box) => box.id));
  const specs = await page.evaluate(
      () => Object.keys(JSON.parse(document.getElementById('charts').textContent)));
  check(charts.length >= 8, `only ${charts.length} charts on the page`);
  check(JSON.stringify(charts.slice().sort()) === JSON.stringify(specs.slice().sort()),
        `chart boxes ${charts} do not match the specifications ${specs}`);
  for (const id of charts) {
    try {
      await page.waitForSelector(`#${id} svg`, { timeout: 10000 });
      const marks = await page.$$eval(`#${id} svg .mark-rect path, #${id} svg .mark-line path, ` +
                                      `#${id} svg .mark-symbol path, #${id} svg .mark-text text`,
                                      (nodes) => nodes.length);
      check(marks > 0, `chart ${id} drew no marks`);
    } catch (error) {
      failures.push(`chart ${id} did not render: ${error.message}`);
    }
    const label = await page.getAttribute(`#${id}`, 'aria-label');
    check(label && label.length > 20, `chart ${id} has no text alternative`);
  }
  const h2 = await page.$$eval('h2', (nodes) => nodes.map((node) => node.textContent));
  check(h2.length >= 9, `only ${h2.length} sections: ${h2}`);
  const tables = await page.$$eval('table', (nodes) => nodes.map((node) => !!node.querySelector('caption')));
  check(tables.length >= 8 && tables.every(Boolean), 'a table lacks a caption');
  const text = await page.textContent('body');
  for (const phrase of ['What the audit found', 'concerned people with no harmful intent',
                        'within band', 'The operators', 'Methods and limits', 'synthetic']) {
    check(text.includes(phrase), `the page does not say "${phrase}"`);
  }
  check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
  check(requests.length === 0, `the page asked the network for: ${requests.join(', ')}`);
  await page.screenshot({ path: path.join(workDir, 'report.png'), fullPage: true });
} finally {
  await browser.close();
}

if (failures.length > 0) {
  for (const failure of failures) console.error('FAIL: ' + failure);
  process.exit(1);
}
console.log(`report.html (${size} bytes) rendered in Chromium; screenshot in ${workDir}/report.png`);
