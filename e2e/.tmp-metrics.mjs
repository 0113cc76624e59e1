import { serve, launch, openPage } from './harness.mjs';
const [,, dist, query, secs] = process.argv;
const srv = await serve(dist);
const browser = await launch();
try {
  const { page } = await openPage(browser, `${srv.base}?${query}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const get = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(m => [m.name, m.value]));
  const a = await get();
  await page.waitForTimeout(Number(secs) * 1000);
  const b = await get();
  for (const k of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount', 'Nodes', 'JSHeapUsedSize'])
    console.log(k.padEnd(22), (b[k] - (k === 'Nodes' || k === 'JSHeapUsedSize' ? 0 : a[k])).toFixed(3));
  console.log('state', await page.getAttribute('[data-testid=playground]', 'data-run-state'), 'finished', await page.getAttribute('[data-testid=stat-progress]', 'data-value'));
} finally { await browser.close(); await srv.close(); }
