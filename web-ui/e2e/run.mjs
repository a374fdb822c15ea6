#!/usr/bin/env node
// Runs one browser suite against a running M4S: node e2e/run.mjs campaign|checkout|console|group|mall|online-pay|owner|owner-signup
// M4S_BASE_URL (default http://localhost:8080), M4S_CHROMIUM (default /usr/bin/chromium), M4S_E2E_ARTIFACTS
// (screenshots; default target/e2e).
import * as campaignSuite from './campaign.mjs';
import * as checkoutSuite from './checkout.mjs';
import * as consoleSuite from './console.mjs';
import * as groupSuite from './group.mjs';
import { BASE_URL, launch } from './lib.mjs';
import * as mallSuite from './mall.mjs';
import * as onlinePaySuite from './online-pay.mjs';
import * as ownerSuite from './owner.mjs';

const SUITES = {
  campaign: (browser) => campaignSuite.run(browser),
  checkout: (browser) => checkoutSuite.run(browser),
  console: (browser) => consoleSuite.run(browser),
  group: (browser) => groupSuite.run(browser),
  mall: (browser) => mallSuite.run(browser),
  'online-pay': (browser) => onlinePaySuite.run(browser),
  owner: (browser) => ownerSuite.run(browser),
  'owner-signup': (browser) => ownerSuite.runSignUp(browser),
};

const names = process.argv.slice(2);
if (names.length === 0 || names.some((name) => !SUITES[name])) {
  console.error(`usage: node e2e/run.mjs ${Object.keys(SUITES).join('|')} ...`);
  process.exit(2);
}
console.log(`browser suite ${names.join(', ')} against ${BASE_URL}`);
const browser = await launch();
let failed = false;
try {
  for (const name of names) {
    try {
      await SUITES[name](browser);
      console.log(`${name}: passed`);
    } catch (error) {
      failed = true;
      console.error(`${name}: FAILED: ${error?.stack ?? error}`);
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
