import { serve, launch, openPage } from './harness.mjs';
import fs from 'node:fs';
const [,, dist, query, secs] = process.argv;
const srv = await serve(dist);
const browser = await launch();
try {
  const { page } = await openPage(browser, `${srv.base}?${query}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(Number(secs) * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const dt = profile.timeDeltas; const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; self.set(k, (self.get(k) ?? 0) + t); }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('total ms', (total / 1000).toFixed(0));
  [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, t]) => console.log((t / 1000).toFixed(1).padStart(8), k.slice(0, 140)));
  // inclusive by our crate's top frames
  const incl = new Map();
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const [id, t] of counts) { let cur = id; const seen = new Set(); while (cur !== undefined) { const n = byId.get(cur); const k = n.callFrame.functionName; if (k && /async_playground/.test(k) && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } cur = parent.get(cur); } }
  console.log('--- inclusive (async_playground frames)');
  [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, t]) => console.log((t / 1000).toFixed(1).padStart(8), k.slice(0, 160)));
} finally { await browser.close(); await srv.close(); }
