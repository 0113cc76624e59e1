import { serve, launch, openPage } from './harness.mjs';
const [,, dist, query, secs] = process.argv;
const srv = await serve(dist);
const browser = await launch();
try {
  const { page } = await openPage(browser, `${srv.base}?${query}`);
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink', transferMode: 'ReportEvents' });
  await page.waitForTimeout(Number(secs) * 1000);
  await cdp.send('Tracing.end'); await done;
  // main thread of renderer: find thread with most 'RunTask' durations
  const byThread = new Map();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask') byThread.set(e.tid, (byThread.get(e.tid) ?? 0) + e.dur);
  const main = [...byThread.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const sum = new Map();
  for (const e of events) if (e.tid === main && e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
  [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(7), k));
} finally { await browser.close(); await srv.close(); }
