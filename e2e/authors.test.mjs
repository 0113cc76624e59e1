// The course authors' page (docs/authors.md): every snippet in it, taken
// from the markdown itself (never a copy), is put into a course page served
// from another loopback origin than the app, opened in Chromium, and the
// playground in it runs a lesson: Run pressed inside the frame, then
// data-run-state="finished" there.
//
// MkDocs and Sphinx pages are real sites built by the tools (the venv of
// scripts/setup-docs.sh); Canvas, Moodle, Open edX and WordPress snippets go
// into a page's body as those editors insert them; Quarto's `{=html}` block
// goes in as the raw HTML Quarto writes; the MyST `{iframe}` directive and
// the notebook's IFrame(...) are rendered as the iframes they make (see the
// authors' page, "How these were tried"). The one-line embed snippets load
// the build's embed.js from the app's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch, DIST, shot } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const VENV = path.join(root, 'target', 'docs-venv', 'bin');
const PLACEHOLDER = 'https://HOST/PATH/';

/** Every `<!-- snippet: NAME -->` and the fenced block right after it. */
export function snippets(markdown) {
  const out = new Map();
  const re = /<!-- snippet: ([\w-]+) -->\n(`{3,})(\w*)\n([\s\S]*?)\n\2\n/g;
  for (const m of markdown.matchAll(re)) out.set(m[1], { lang: m[3], text: m[4] });
  return out;
}

const markdown = fs.readFileSync(path.join(root, 'docs', 'authors.md'), 'utf8');
const SNIPPETS = snippets(markdown);

let app;
let course;
let browser;
let work;

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="icon" href="data:,"></head><body><h1>${title}</h1><p>A course page.</p>\n${body}\n</body></html>\n`;

/** The HTML a snippet puts into a page, for the platforms that insert it as is. */
function fragment(name, text) {
  if (name.startsWith('quarto-')) {
    const m = text.match(/^```\{=html\}\n([\s\S]*)\n```$/);
    assert.ok(m, `${name} is a {=html} block`);
    return m[1];
  }
  if (name === 'myst-iframe') {
    // What the directive renders: an iframe of that URL at that width.
    const m = text.match(/^:::\{iframe\} (\S+)\n:width: (\S+)\n/);
    assert.ok(m, 'the MyST iframe directive has a URL and a width');
    const src = m[1].replaceAll('&', '&amp;');
    return `<figure><iframe src="${src}" width="${m[2]}" height="640" style="border: 0"></iframe></figure>`;
  }
  if (name === 'notebook-iframe') {
    // IPython 9's IFrame(...)._repr_html_(), as a notebook displays it.
    const m = text.match(/IFrame\("([^"]+)", width="([^"]+)", height=(\d+)\)/);
    assert.ok(m, 'the notebook snippet calls IFrame(src, width=..., height=...)');
    const src = m[1].replaceAll('&', '&amp;');
    return `<iframe width="${m[2]}" height="${m[3]}" src="${src}" frameborder="0" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  }
  return text;
}

function mkdocsSite(name, text) {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'mkdocs.yml'), `site_name: ${name}\nuse_directory_urls: false\n# The theme loads highlight.js from a CDN, out of reach here.\ntheme:\n  name: mkdocs\n  highlightjs: false\n`);
  fs.writeFileSync(path.join(dir, 'docs', 'index.md'), `# A course page\n\nThe lesson:\n\n${text}\n\nAfter the lesson.\n`);
  execFileSync(path.join(VENV, 'mkdocs'), ['build', '--quiet', '--site-dir', path.join(work, 'site', name)], { cwd: dir });
  return `${name}/index.html`;
}

function sphinxSite(name, text) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'conf.py'), `project = "${name}"\n`);
  fs.writeFileSync(path.join(dir, 'index.rst'), `A course page\n=============\n\nThe lesson:\n\n${text}\n\nAfter the lesson.\n`);
  execFileSync(path.join(VENV, 'sphinx-build'), ['-b', 'html', '-q', '-W', dir, path.join(work, 'site', name)]);
  return `${name}/index.html`;
}

/** Builds the course page of snippet `name`; its path under the course site. */
function build(name, text) {
  if (name.startsWith('mkdocs-')) return mkdocsSite(name, text);
  if (name.startsWith('sphinx-')) return sphinxSite(name, text);
  const file = `${name}.html`;
  fs.writeFileSync(path.join(work, 'site', file), page(name, fragment(name, text)));
  return file;
}

before(async () => {
  assert.ok(fs.existsSync(path.join(VENV, 'mkdocs')) && fs.existsSync(path.join(VENV, 'sphinx-build')),
    'the docs tools are installed (bash scripts/setup-docs.sh)');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'authors-'));
  fs.mkdirSync(path.join(work, 'site'));
  app = await serve(DIST, '/courses/async/');
  course = await serve(path.join(work, 'site'), '/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await course?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the authors page has a snippet for every platform, iframe and one-line embed', () => {
  for (const p of ['canvas', 'moodle', 'openedx', 'wordpress', 'myst', 'sphinx', 'mkdocs', 'quarto', 'notebook']) {
    assert.ok([...SNIPPETS.keys()].some((k) => k.startsWith(`${p}-`)), `a snippet for ${p}`);
  }
  for (const p of ['moodle', 'openedx', 'wordpress', 'sphinx', 'mkdocs', 'quarto']) {
    const s = SNIPPETS.get(`${p}-embed`);
    assert.ok(s, `${p} has the one-line embed`);
    assert.ok(s.text.includes(`<script src="${PLACEHOLDER}embed.js"></script><async-playground example="semaphore" tasks="6"></async-playground>`), p);
  }
  for (const [name, s] of SNIPPETS) assert.ok(s.text.includes(PLACEHOLDER), `${name} points at ${PLACEHOLDER}`);
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.match(readme, /\]\(docs\/authors\.md\)/, 'the README links the authors page');
});

for (const [name, snippet] of SNIPPETS) {
  const embed = name.endsWith('-embed');
  test(`${name}: the course page loads and the playground in it runs a lesson`, async () => {
    if (embed) assert.ok(fs.existsSync(path.join(DIST, 'embed.js')), 'embed.js is in the build');
    const text = snippet.text.replaceAll(PLACEHOLDER, app.base);
    const file = build(name, text);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    try {
      const url = `${course.base}${file}`;
      await tab.goto(url);
      assert.notEqual(new URL(url).origin, new URL(app.base).origin, 'the course page is on another origin');
      const iframe = tab.locator('iframe').first();
      await iframe.waitFor({ state: 'attached', timeout: 15000 });
      await iframe.scrollIntoViewIfNeeded();
      const handle = await iframe.elementHandle();
      const frame = await handle.contentFrame();
      assert.ok(frame, `${name}: the iframe has a frame`);
      await frame.waitForSelector('[data-testid=playground][data-example=semaphore]', { timeout: 20000 });
      assert.ok(frame.url().startsWith(app.base), `${name}: the frame is the app (${frame.url()})`);
      assert.equal(await frame.locator('[data-testid=playground]').getAttribute('data-run-state'), 'idle');
      await frame.click('[data-testid=run]');
      await frame.waitForSelector('[data-testid=playground][data-run-state=finished]', { timeout: 30000 });
      const lanes = await frame.locator('[data-task]').count();
      assert.ok(lanes >= 6, `${name}: six downloads ran (${lanes} lanes)`);
      if (name === 'mkdocs-embed' || name === 'sphinx-iframe') await shot(tab, `authors-${name}`);
      assert.deepEqual(errors, [], `${name}: no errors on the course page`);
    } finally {
      await context.close();
    }
  });
}
