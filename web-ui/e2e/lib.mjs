// Helpers for the browser suite: the machine's Chromium driven by playwright-core, sign-in through Keycloak's
// own login page, screenshots of every main page under the artifacts folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, devices } from 'playwright-core';
import { foreignWords } from './latin.mjs';

export const BASE_URL = (process.env.M4S_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const ARTIFACTS = process.env.M4S_E2E_ARTIFACTS ?? new URL('../target/e2e', import.meta.url).pathname;
export const PASSWORD = process.env.M4S_DEMO_PASSWORD ?? 'demo1234';
const CHROMIUM = process.env.M4S_CHROMIUM ?? '/usr/bin/chromium';
// generous: the suite shares a small CI machine with the whole stack and other builds
const TIMEOUT = Number(process.env.M4S_E2E_TIMEOUT_MS ?? 90000);

mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // the suite may run as root (CI containers), where Chromium's sandbox cannot start
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser context (no cookies, no session) in Chinese, desktop or phone sized. */
export async function newPage(browser, { phone = false, name } = {}) {
  const context = await browser.newContext({
    ...(phone ? devices['Pixel 7'] : { viewport: { width: 1366, height: 900 } }),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  trackRequests(page);
  page.on('pageerror', (error) => console.error(`[${name ?? 'page'}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${name ?? 'page'}] console: ${message.text()}`);
  });
  return page;
}

const inFlight = new WeakMap();

/** Keeps the page's requests that have not answered yet, with when they left, for {@link unanswered}. */
function trackRequests(page) {
  const open = new Map();
  inFlight.set(page, open);
  page.on('request', (request) => open.set(request, Date.now()));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => {
    open.delete(request);
    console.error(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
}

/** The page's requests still waiting for an answer, oldest first, e.g. "GET /api/stores/x/me (95 s)". */
export function unanswered(page) {
  const open = inFlight.get(page);
  if (!open) return [];
  const now = Date.now();
  return [...open.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([request, since]) => `${request.method()} ${request.url()} (${Math.round((now - since) / 1000)} s)`);
}

/**
 * Fills Keycloak's login form (the page the app sent the browser to) and waits until the app is back. A sign-in that
 * has not come back within a minute is reported (where the page is, what it says) and tried once more from a fresh
 * load of the sign-in page: on a loaded machine the page once sat blank after the click until the step timed out.
 * When the first click did sign in meanwhile, the fresh load goes straight back to the app, which ends the sign-in.
 */
export async function keycloakLogin(page, username, password = PASSWORD) {
  const back = (url) => url.href.startsWith(BASE_URL);
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      // the first click may have signed in after all: Keycloak then sends the reloaded sign-in page straight back
      const where = await Promise.race([
        page.waitForSelector('#username').then(() => 'form', () => 'neither'),
        page.waitForURL(back).then(() => 'back', () => 'neither'),
      ]);
      if (where === 'back') return;
      if (where === 'neither') throw new Error(`sign-in of ${username}: neither the sign-in form nor the app at ${page.url()}`);
    }
    await page.waitForSelector('#username');
    await page.fill('#username', username);
    await page.fill('#password', password);
    const click = page.click('#kc-login').catch((error) => error);
    try {
      await page.waitForURL(back, attempt === 1 ? { timeout: 60_000 } : {});
      await click;
      return;
    } catch (error) {
      await click;
      if (attempt > 1 || back(new URL(page.url()))) throw error;
      const text = await page.locator('body').innerText({ timeout: 5_000 }).catch(() => '(unreadable)');
      console.error(`sign-in of ${username} not back after 60 s, at ${page.url()}, page text: ${text.slice(0, 300)}; once more`);
      await page.goto(page.url());
    }
  }
}

/**
 * Saves a picture of the whole page; a page in Chinese is also read for English words (its visible text and its
 * inputs' placeholders, see latin.mjs), which fail the step. `M4S_E2E_LATIN=report` only lists them.
 */
export async function screenshot(page, name) {
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
  await chineseOnly(page, name);
}

/** Fails when the page, shown in Chinese, has Latin words that are neither codes nor allowed names. */
export async function chineseOnly(page, name) {
  const { lang, text } = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    text: [document.body.innerText,
      ...[...document.querySelectorAll('input[placeholder], textarea[placeholder]')].map((e) => e.placeholder)].join('\n'),
  }));
  if (!lang.toLowerCase().startsWith('zh')) return;
  const words = foreignWords(text);
  if (words.length === 0) return;
  const message = `English inside the Chinese page ${name} (${page.url()}): ${words.join(', ')}`;
  if (process.env.M4S_E2E_LATIN === 'report') console.log(`  ${message}`);
  else throw new Error(message);
}

/**
 * Runs the named steps in order; on the first failure saves a screenshot and the page's text, then rethrows.
 * `at`: the page, or a function giving the page the steps are on now (a suite that moves between logins).
 */
export async function steps(at, suite, list) {
  for (const [name, run] of list) {
    console.log(`${suite}: ${name}`);
    try {
      await run();
    } catch (error) {
      const page = typeof at === 'function' ? at() : at;
      const text = await page.locator('body').innerText().catch(() => '');
      await page.screenshot({ path: join(ARTIFACTS, `FAILED-${suite}.png`), fullPage: true }).catch(() => undefined);
      console.error(`${suite}: step "${name}" failed at ${page.url()}\n--- page text ---\n${text.slice(0, 2000)}\n---`);
      const waiting = unanswered(page);
      if (waiting.length > 0) console.error(`${suite}: requests without an answer:\n  ${waiting.join('\n  ')}`);
      throw error;
    }
  }
}

/**
 * Waits until the list shows exactly one row and it contains `text`, with no request in flight: after a search the old
 * rows stay on screen under a loading mask until the answer arrives, and a click in between is lost.
 */
export async function onlyRow(page, text) {
  await page.waitForFunction((t) => {
    const rows = [...document.querySelectorAll('tbody tr.ant-table-row')];
    return !document.querySelector('.ant-spin-spinning') && rows.length === 1 && rows[0].textContent.includes(t);
  }, text);
}

export function expectTrue(condition, message) {
  if (!condition) throw new Error(message);
}

/** A value no earlier run used, for codes, names, phones. */
export function unique(digits = 6) {
  return String(Date.now() % 10 ** digits).padStart(digits, '0');
}

/**
 * Picks an option of an Ant Design select and waits until the page shows the choice took effect (`chosen` turns
 * true in the page). A click that lands while the drop-down is still opening is sometimes not taken on a busy
 * machine; then the drop-down is closed and the choice made again (at most three times).
 */
export async function pickOption(page, select, option, chosen, arg) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await option.click();
    try {
      await page.waitForFunction(chosen, arg, { timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`  (the choice was not taken, attempt ${attempt}; again)`);
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Picks the option showing `text` of a form's select found by its label, and waits until the select shows it (see
 * {@link pickOption}); `option` locates the option when its text alone is ambiguous.
 */
export async function pickFormOption(page, scope, label, text, option = page.locator('.ant-select-item-option', { hasText: text })) {
  const select = scope.getByLabel(label);
  const id = await select.getAttribute('id');
  await pickOption(page, select, option,
    ([selectId, shown]) => document.getElementById(selectId)?.closest('.ant-select')?.textContent?.includes(shown) ?? false,
    [id, text]);
}

/**
 * The rows of the first sheet of an .xlsx file as arrays of cell texts (inline strings, shared strings and numbers as
 * written): enough to check an export without a spreadsheet library. An .xlsx is a zip of XML parts; the zip's
 * central directory says where each part is and whether it is deflated.
 */
export async function readXlsxRows(path) {
  const { readFile } = await import('node:fs/promises');
  const { inflateRawSync } = await import('node:zlib');
  const zip = await readFile(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const parts = new Map();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    parts.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + skip;
  }
  const text = (xml) => [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]).join('')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => text(m[1]));
  const sheet = parts.get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error(`${path} has no first sheet; parts: ${[...parts.keys()].join(', ')}`);
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1].matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map(([, attributes, body = '']) => {
      if (/t="s"/.test(attributes)) return shared[Number(/<v>([^<]*)<\/v>/.exec(body)?.[1])] ?? '';
      if (/t="inlineStr"/.test(attributes)) return text(body);
      return /<v>([^<]*)<\/v>/.exec(body)?.[1] ?? '';
    }));
}
