// Shared helpers for the end-to-end tests: a static server for dist/ on a
// free loopback port (optionally under a sub-path), and Debian's Chromium
// driven by playwright-core (never a downloaded browser).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.resolve(here, '..', 'dist');
export const SHOTS = path.resolve(here, 'artifacts');

/**
 * Every lesson's id, in catalog order, read from the lesson folders
 * (`src/lessons/<folder>/mod.rs`: its `id` and `order`), so a new lesson is
 * covered by the tests that go through all of them without editing them.
 */
export const LESSON_IDS = (() => {
  const root = path.resolve(here, '..', 'src', 'lessons');
  const found = [];
  for (const dir of fs.readdirSync(root, { withFileTypes: true })) {
    const file = path.join(root, dir.name, 'mod.rs');
    if (!dir.isDirectory() || !fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const lesson = text.slice(text.indexOf('pub static LESSON'));
    const id = /\bid: "([^"]+)"/.exec(lesson);
    const order = /\border: (\d+)/.exec(lesson);
    if (id && order) found.push([Number(order[1]), id[1]]);
  }
  if (found.length === 0) throw new Error(`no lessons found under ${root}`);
  return found.sort((a, b) => a[0] - b[0]).map(([, id]) => id);
})();
fs.mkdirSync(SHOTS, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** Serves `dir` at `prefix` (e.g. '/' or '/courses/async/') on 127.0.0.1:<free port>.
 * `cors: true` answers as many static hosts do, with Access-Control-Allow-Origin: *
 * (what a sandboxed, opaque-origin frame needs to load the app's module and wasm). */
export function serve(dir = DIST, prefix = '/', { cors = false } = {}) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end('not here'); return; }
      let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      const file = path.resolve(dir, rel);
      if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
      fs.readFile(file, (err, body) => {
        if (err) { res.writeHead(404); res.end('not found'); return; }
        const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
        if (cors) headers['access-control-allow-origin'] = '*';
        res.writeHead(200, headers);
        res.end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, base: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** A page that records console errors and uncaught exceptions. */
export async function openPage(browser, url, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-testid=playground]');
  return { page, context, errors };
}

export async function runState(page) {
  return page.getAttribute('[data-testid=playground]', 'data-run-state');
}

export async function waitForRunState(page, states, timeout = 15000) {
  const wanted = Array.isArray(states) ? states : [states];
  await page.waitForFunction(
    (w) => w.includes(document.querySelector('[data-testid=playground]')?.dataset.runState),
    wanted, { timeout },
  );
}

export async function tasks(page) {
  return page.$$eval('[data-task]', (els) => els.map((e) => ({
    name: e.dataset.taskName, state: e.dataset.state,
    start: Number(e.dataset.startMs), end: e.dataset.endMs === undefined ? null : Number(e.dataset.endMs),
  })));
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
