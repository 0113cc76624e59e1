import { serve, launch, openPage } from './harness.mjs';
const [,, dist, query, secs, pat] = process.argv;
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
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const counts = new Map(); profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const stacks = new Map();
  for (const [id, t] of counts) {
    const n = byId.get(id); if (!new RegExp(pat).test(n.callFrame.functionName || '(' )) continue;
    let cur = parent.get(id); const chain = [];
    while (cur !== undefined && chain.length < 12) { const f = byId.get(cur).callFrame.functionName; if (f) chain.push(f.replace(/::h[0-9a-f]{16}/, '').slice(0, 110)); cur = parent.get(cur); }
    const k = chain.join('\n    <- '); stacks.set(k, (stacks.get(k) ?? 0) + t);
  }
  [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).forEach(([k, t]) => console.log((t / 1000).toFixed(1), '\n    <- ' + k));
} finally { await browser.close(); await srv.close(); }
