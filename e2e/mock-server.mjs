// The mock API over real HTTP on loopback, for browser tests that cannot use
// the service worker: same handler as sw.js, with CORS so a page on another
// origin may call it. Prints its base URL on stdout, then serves until killed.
//   node e2e/mock-server.mjs [port]
import http from 'node:http';
import { answer } from '../mock-api/handler.mjs';

export function startMockServer(port = 0) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
      if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
      if (url.pathname.startsWith('/no-cors/')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{}'); return; }
      const path = url.pathname.replace(/^\/(mock-api\/)?/, '');
      const a = answer(path, url.searchParams);
      const timer = setTimeout(() => {
        res.writeHead(a.status, a.statusText, { 'content-type': a.contentType, 'cache-control': 'no-store', ...cors });
        res.end(a.body);
      }, a.delay);
      res.on('close', () => clearTimeout(timer));
    });
    server.listen(port, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}/mock-api/` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { base } = await startMockServer(Number(process.argv[2] ?? 0));
  console.log(base);
}
