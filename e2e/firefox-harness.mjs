// Firefox for the end-to-end core: Debian's firefox-esr driven by
// puppeteer-core over WebDriver BiDi (nothing downloaded; FIREFOX=path to
// use another build). The helpers mirror harness.mjs's for Chromium, on
// Puppeteer's API.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { SHOTS } from './harness.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const haveFirefox = () => fs.existsSync(FIREFOX);

export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // No update checks, telemetry or first-run pages in a test profile.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
}

/** A fresh page (its own browser context) that records uncaught errors and console errors. */
export async function ffPage(browser, url, { width = 1280, height = 900, init } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (init) await page.evaluateOnNewDocument(init);
  if (url) {
    await page.goto(url);
    await page.waitForSelector('[data-testid=playground]');
  }
  return { page, context, errors };
}

export async function ffRunState(page, states, timeout = 20000) {
  const wanted = Array.isArray(states) ? states : [states];
  await page.waitForFunction(
    (w) => w.includes(document.querySelector('[data-testid=playground]')?.dataset.runState),
    { timeout }, wanted,
  );
}

export function ffTasks(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-task]')].map((e) => ({
    name: e.dataset.taskName, state: e.dataset.state,
    start: Number(e.dataset.startMs), end: e.dataset.endMs === undefined ? null : Number(e.dataset.endMs),
  })));
}

export const ffAttr = (page, sel, name) => page.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [sel, name]);

export async function ffShot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `firefox-${name}.png`) });
}
