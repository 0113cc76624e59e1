// scratch (perf engineer): screenshots for a visual check; not a test.
import { serve, launch, openPage, waitForRunState } from './harness.mjs';
const [,, dist, query, out, wait] = process.argv;
const srv = await serve(dist);
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, `${srv.base}?${query}`, { width: 1280, height: 1000 });
  await waitForRunState(page, ['finished', 'stopped', 'deadlock'], 60000).catch((e) => console.log('wait:', e.message));
  await page.waitForTimeout(Number(wait ?? 300));
  const el = await page.$('[data-testid=timeline]');
  if (el) await el.screenshot({ path: out }); else await page.screenshot({ path: out, fullPage: true });
  console.log('tasks', await page.$$eval('[data-task]', (l) => l.length), 'state', await page.getAttribute('[data-testid=playground]', 'data-run-state'));
  console.log('loop', await page.$eval('[data-testid=loop-lane]', (e) => JSON.stringify(e.dataset)).catch(() => 'none'));
  console.log('errors', JSON.stringify(errors));
} finally { await browser.close(); await srv.close(); }
