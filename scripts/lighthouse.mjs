// Lighthouse (mobile, its defaults) on every page type of the storefront, RUNS times in a
// row, and one table of the scores. Run by scripts/lighthouse.sh, which installs Lighthouse
// and passes its settings in the environment:
//   SITE_URL, CHROME_PATH, LIGHTHOUSE_DIR, REPORT_DIR, PAGES (space-separated), RUNS
//
// Each page is measured in a fresh browser as a new shopper meets it (Lighthouse clears
// the origin's storage and the cache first), except the cart, which is measured with one
// line in it: the line is put in localStorage from /robots.txt (which loads nothing else)
// and the cache is cleared, so only the line differs from a first visit.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';

const env = process.env;
const site = env.SITE_URL;
const reports = env.REPORT_DIR;
const runs = Number.parseInt(env.RUNS, 10);
const pages = env.PAGES.split(/\s+/).filter(Boolean);
const modules = join(env.LIGHTHOUSE_DIR, 'node_modules');
const require = createRequire(join(modules, 'noop.js'));
const puppeteer = require('puppeteer-core');
const { default: lighthouse } = await import(pathToFileURL(join(modules, 'lighthouse', 'core', 'index.js')));

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CART_LINE = [{
  sku: 'LT-0001-WHITE-2T', slug: 'rainbow-stripe-tee', name: 'Rainbow Stripe Tee', size: '2T', colour: 'white',
  price: { amount: 1400, currency: 'GBP' }, quantity: 1,
}];

// The not-found page answers 404 on purpose (a 200 would be a soft 404 to search engines),
// and Chromium logs a document's own 404 status as a console error, which Lighthouse's
// best-practices audit "errors-in-console" counts against the page. On that page only, that
// one message is left out; every other console error still counts there, and every other
// page is measured with the audit as it is. (Lighthouse does not support auditing pages that
// answer 404 at all, its maintainers say: GoogleChrome/lighthouse#13486, #10493.)
const NOT_FOUND_PAGE = '/no-such-page/';
const NOT_FOUND_CONFIG = {
  extends: 'lighthouse:default',
  audits: [{
    path: 'errors-in-console',
    options: { ignoredPatterns: ['Failed to load resource: the server responded with a status of 404'] },
  }],
};

async function measure(path, run) {
  const browser = await puppeteer.launch({
    executablePath: env.CHROME_PATH,
    headless: 'new',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    const cart = path.startsWith('/cart/');
    if (cart) {
      await page.goto(`${site}/robots.txt`);
      await page.evaluate((line) => localStorage.setItem('lt.cart', JSON.stringify(line)), CART_LINE);
      const cdp = await page.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
    }
    const result = await lighthouse(`${site}${path}`, {
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      // The cart's line must survive; every other page starts from nothing.
      disableStorageReset: cart,
      // The not-found page is meant to answer 404.
      ignoreStatusCode: true,
    }, (path === NOT_FOUND_PAGE) ? NOT_FOUND_CONFIG : undefined, page);
    const name = (path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'home') + `-${run}.json`;
    writeFileSync(join(reports, name), result.report);
    return result.lhr;
  } finally {
    await browser.close();
  }
}

// Every page once, with its files and API calls, before anything is measured: a freshly
// started gateway compiles its code paths and compresses each file on first use, and
// Lighthouse reads the server's response times into its simulation. A shop that has
// served one visitor is what the scores are about, not the first request after a start.
async function warmUp() {
  const browser = await puppeteer.launch({
    executablePath: env.CHROME_PATH,
    headless: 'new',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    for (const path of pages) await page.goto(`${site}${path}`, { waitUntil: 'networkidle0' });
  } finally {
    await browser.close();
  }
}

mkdirSync(reports, { recursive: true });
const load = () => loadavg().map((value) => value.toFixed(2)).join(', ');
await warmUp();
console.log(`Lighthouse on ${site}, ${runs} run(s) of ${pages.length} pages, load average before: ${load()}`);
const results = new Map(pages.map((path) => [path, []]));
const errored = new Set();
for (let run = 1; run <= runs; run++) {
  for (const path of pages) {
    const lhr = await measure(path, run);
    if (lhr.runtimeError) console.error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const [id, audit] of Object.entries(lhr.audits)) {
      if (audit.scoreDisplayMode === 'error') errored.add(id);
    }
    results.get(path).push(lhr);
  }
}

const score = (lhr, category) => {
  const value = lhr.categories[category]?.score;
  return (value === null || value === undefined) ? 'error' : String(Math.round(value * 100));
};
const cls = (lhr) => {
  const audit = lhr.audits['cumulative-layout-shift'];
  return (audit && typeof audit.numericValue === 'number') ? audit.numericValue.toFixed(3) : 'error';
};
const cell = (values) => (new Set(values).size === 1 ? values[0] : values.join(', '));
console.log(`\n| page | performance | accessibility | best practices | SEO | CLS |`);
console.log(`| --- | --- | --- | --- | --- | --- |`);
for (const [path, lhrs] of results) {
  const columns = CATEGORIES.map((category) => cell(lhrs.map((lhr) => score(lhr, category))));
  console.log(`| \`${path}\` | ${columns.join(' | ')} | ${cell(lhrs.map(cls))} |`);
}
const first = results.get(pages[0])[0];
console.log(`\nLighthouse ${first.lighthouseVersion}, ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0]}, `
  + `${first.configSettings.formFactor}, throttling ${first.configSettings.throttlingMethod}; load average after: ${load()}`);
if (errored.size > 0) console.log(`Audits that errored (not scored): ${[...errored].sort().join(', ')}`);
console.log(`Reports: ${reports}/*.json (open in https://googlechrome.github.io/lighthouse/viewer/)`);
