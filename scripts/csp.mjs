// trunk post-build hook: fills the Content-Security-Policy of the built page
// with the hash of every inline <script> trunk wrote (its wasm loader, and
// in `trunk serve` its reload script), so the policy allows exactly those
// and no other inline script. Run by trunk with TRUNK_STAGING_DIR set; fails
// the build if the page has no policy to fill.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const PLACEHOLDER = "'inline-script-hashes'";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) { console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run by trunk)'); process.exit(1); }
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp.mjs: ${file} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
html = html.replace(PLACEHOLDER, [...new Set(hashes)].join(' ') || "'none'");
fs.writeFileSync(file, html);
console.log(`csp.mjs: ${hashes.length} inline script(s) hashed into the Content-Security-Policy`);
