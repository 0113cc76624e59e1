/*! async playground: the one-line embed (CONTRACT.md section 4).
 *
 *   <script src="https://where.it/lives/embed.js" defer></script>
 *   <async-playground example="semaphore" tasks="6" limit="2"></async-playground>
 *
 * Every attribute is a URL key of the app (example, a lesson's parameters,
 * code, speed, theme, autorun, predict, ...), except `title` (the frame's
 * name for screen readers) and `height` (its first height, before the app
 * says how tall it is), and id, class, style, hidden, slot, lang, dir,
 * tabindex, aria-*, data-* and on*. The element makes a lazily loaded
 * iframe of the app (embed=1) from the address this script came from,
 * sizes it to its content, and re-dispatches each message of its app as a
 * DOM event `playground-<type>` (`playground-ready`, `playground-resize`,
 * `playground-run-started`, `playground-run-finished`, ...) with the
 * message as `detail`; the events bubble.
 *
 * Methods: run(), stop(), setParams({key: value}) post the app's messages to
 * this element's own frame (held until the frame says `ready`). Changing
 * an attribute later updates the frame: `example`, `code` and `theme` (and
 * removing one) reload it, any other key goes as set-params. `frame` is the
 * iframe. Whatever is inside the element shows where this script did not
 * run (a link to the lesson is a good fallback). No dependencies.
 */
(() => {
  'use strict';
  if (!window.customElements || customElements.get('async-playground')) return;
  const me = document.currentScript
    || [...document.scripts].reverse().find((s) => /\/embed\.js(\?|#|$)/.test(s.src));
  const APP = new URL('./', (me && me.src) || location.href);
  const SOURCE = 'async-playground';
  const NOT_KEYS = /^(id|class|style|title|height|hidden|slot|lang|dir|tabindex|is|part|aria-.*|data-.*|on.*)$/;
  const RELOAD = new Set(['example', 'code', 'theme']);
  const live = new Set();

  // One listener for all: a message belongs to the element whose frame sent it.
  addEventListener('message', (e) => {
    const m = e.data;
    if (!m || typeof m !== 'object' || m.source !== SOURCE || typeof m.type !== 'string'
      || !/^[a-z][a-z0-9-]{0,40}$/.test(m.type) || e.origin !== APP.origin) return;
    for (const el of live) {
      if (el.frame && e.source === el.frame.contentWindow) { el._got(m); return; }
    }
  });

  class AsyncPlayground extends HTMLElement {
    connectedCallback() {
      live.add(this);
      if (this.frame) return;
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<style>:host{display:block}iframe{display:block;width:100%;border:0;'
        + 'max-width:100%;transition:height .15s}</style>';
      const f = document.createElement('iframe');
      f.setAttribute('loading', 'lazy');
      f.setAttribute('allow', 'clipboard-write');
      this.frame = f;
      this._queue = [];
      this._ready = false;
      this._title();
      this._load();
      const h = parseInt(this.getAttribute('height'), 10);
      f.style.height = `${h > 0 ? h : 680}px`;
      root.append(f);
      // Attributes changed later: set-params, or a reload (batched per mutation record list).
      this._changed = new Set();
      new MutationObserver((list) => {
        for (const r of list) this._changed.add(r.attributeName);
        this._apply();
      }).observe(this, { attributes: true });
    }

    disconnectedCallback() { live.delete(this); this._ready = false; }

    /** Starts a run (stopping a live one). */
    run() { this._post({ type: 'run' }); }

    /** Stops the live run. */
    stop() { this._post({ type: 'stop' }); }

    /** Sets URL keys ({tasks: 6, mode: 'gather'}), validated like the URL. */
    setParams(params) { this._post({ type: 'set-params', params: { ...params } }); }

    _keys() {
      const q = new URLSearchParams();
      for (const a of this.attributes) if (!NOT_KEYS.test(a.name)) q.set(a.name, a.value);
      q.set('embed', '1');
      return q;
    }

    _title() {
      const t = this.getAttribute('title') || `async playground: ${this.getAttribute('example') || 'lesson'}`;
      this.frame.setAttribute('title', t);
    }

    _load() {
      this._ready = false;
      this.frame.src = `${APP.href}?${this._keys()}`;
    }

    _apply() {
      const names = [...this._changed];
      this._changed.clear();
      if (!names.length || !this.frame) return;
      if (names.includes('title') || names.includes('example')) this._title();
      const keys = names.filter((n) => !NOT_KEYS.test(n));
      if (!keys.length) return;
      if (keys.some((n) => RELOAD.has(n) || !this.hasAttribute(n))) { this._load(); return; }
      const params = {};
      for (const n of keys) params[n] = this.getAttribute(n);
      this.setParams(params);
    }

    _post(msg) {
      const m = { source: SOURCE, ...msg };
      if (this._ready && this.frame.contentWindow) this.frame.contentWindow.postMessage(m, APP.origin);
      else if (this._queue) this._queue.push(m);
    }

    _got(m) {
      if (m.type === 'resize' && Number.isFinite(m.height) && m.height > 0) {
        this.frame.style.height = `${Math.min(Math.ceil(m.height), 100000)}px`;
      }
      if (m.type === 'ready') {
        this._ready = true;
        for (const q of this._queue.splice(0)) this._post(q);
      }
      this.dispatchEvent(new CustomEvent(`playground-${m.type}`, { detail: m, bubbles: true, composed: true }));
    }
  }

  customElements.define('async-playground', AsyncPlayground);
})();
