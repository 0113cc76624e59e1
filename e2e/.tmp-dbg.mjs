import { serve, launch, openPage, waitForRunState, tasks } from './harness.mjs';
const [,, dist, query] = process.argv;
const srv = await serve(dist);
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, `${srv.base}?${query}`);
  for (let i = 0; i < 6; i++) { await page.waitForTimeout(200); console.log(JSON.stringify((await tasks(page)).map(t => t.state)), await page.getAttribute('[data-testid=stat-progress]', 'data-value'), await page.getAttribute('[data-testid=loop-lane]', 'data-heartbeats'), await page.$$eval('[data-testid=console] > *', l => l.length)); }
  console.log('errors', JSON.stringify(errors));
} finally { await browser.close(); await srv.close(); }
