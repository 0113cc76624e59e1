// Service worker: answers requests under ./mock-api/ with the bundled mock
// API, so the fetch lessons make real HTTP requests offline. Everything else
// goes to the network untouched.
import { answer } from './mock-api/handler.mjs';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const PREFIX = new URL('./mock-api/', self.registration.scope).pathname;

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(PREFIX)) return;
  const path = url.pathname.slice(PREFIX.length);
  if (path.endsWith('.mjs') || path.endsWith('.json')) return; // static files
  const a = answer(path, url.searchParams);
  event.respondWith(new Promise((resolve) => {
    const timer = setTimeout(() => resolve(new Response(a.body, {
      status: a.status,
      statusText: a.statusText,
      headers: { 'content-type': a.contentType, 'cache-control': 'no-store', 'x-mock-api': '1' },
    })), a.delay);
    event.request.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(Response.error());
    });
  }));
});
