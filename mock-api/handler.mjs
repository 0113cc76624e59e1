// The mock API that ships with the playground: an httpbin-like server that
// runs inside the page's service worker (sw.js) and, for tests, in node
// (e2e/mock-server.mjs). One handler for both, so they answer alike.
//
//   GET mock-api/get?id=3&delay=800&status=200   JSON {id, name, delay_ms} after `delay` ms
//   GET mock-api/flaky?id=3&fail_rate=30&seed=7  503 for a seeded share of ids, else as /get
//   GET mock-api/llm?id=3&delay=900&fail=0       JSON {id, completion} (fail=1: 500)
//   GET mock-api/html?delay=0                    an HTML body, for "not what was expected"
//
// `delay` is in real milliseconds (the app divides scenario time by its speed).

const MAX_DELAY_MS = 60_000;

function intParam(params, key, fallback, min, max) {
  const v = Number.parseInt(params.get(key) ?? '', 10);
  if (!Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, v));
}

// A small deterministic hash (FNV-1a), so a seed replays the same failures.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const REASONS = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/**
 * Answers a mock API request. `path` is the part after `mock-api/`.
 * Returns { delay, status, statusText, contentType, body }.
 */
export function answer(path, params) {
  const delay = intParam(params, 'delay', 0, 0, MAX_DELAY_MS);
  const id = intParam(params, 'id', 0, 0, 1_000_000);
  let status = intParam(params, 'status', 200, 200, 599);
  let body;
  let contentType = 'application/json';
  switch (path) {
    case 'get':
      body = { id, name: `user${id}`, delay_ms: delay };
      break;
    case 'flaky': {
      const rate = intParam(params, 'fail_rate', 30, 0, 100);
      const seed = params.get('seed') ?? '0';
      if (hash(`${seed}:${id}`) % 100 < rate) status = 503;
      body = status < 400 ? { id, name: `user${id}`, delay_ms: delay } : { error: 'flaky server said no' };
      break;
    }
    case 'llm': {
      if (params.get('fail') === '1') status = 500;
      const prompt = (params.get('prompt') ?? `prompt ${id}`).slice(0, 200);
      body = status < 400 ? { id, completion: `Answer to "${prompt}"`, delay_ms: delay } : { error: 'model overloaded' };
      break;
    }
    case 'html':
      contentType = 'text/html; charset=utf-8';
      body = '<!doctype html><title>Not JSON</title><p>This is a web page, not the JSON you asked for.</p>';
      break;
    default:
      status = 404;
      body = { error: `no mock endpoint "${path}"` };
  }
  if (status >= 400 && body && typeof body === 'object' && !('error' in body)) body = { error: REASONS[status] ?? 'error' };
  return {
    delay,
    status,
    statusText: REASONS[status] ?? '',
    contentType,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
