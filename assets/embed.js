/*! Cek Siap Ekspor embed loader. Usage:
 *  <script src="https://HOST/embed.js" async></script>
 *  <div data-cek-siap-ekspor data-lang="id"></div>
 * Optional on the div: data-config="/path/to/config.json" (same origin as the
 * host page), or data-org-name, data-org-logo, data-whatsapp, data-email,
 * data-address, data-theme, data-title, data-scan="true" (camera for trainers).
 * Events on the div: cek:ready, cek:step, cek:completed, cek:height, cek:failed.
 * The div's data-cek-state says where it is (loading, ready, completed,
 * failed), so a listener added late checks the attribute first.
 * If the widget does not start (e.g. this site is not in the widget host's
 * frame-ancestors), a message with a link to the full page replaces it.
 * Messages go only to the widget's origin and are accepted only from it. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__cekSiapEkspor) return;
  window.__cekSiapEkspor = true;
  var base = new URL('.', script.src);
  var origin = base.origin;
  var widgets = {};
  var count = 0;
  var ATTRS = ['org-name', 'org-logo', 'whatsapp', 'email', 'address', 'theme'];
  // How long a widget may take to say `ready` once its frame is loading:
  // long enough for a slow phone on 3G, short enough that a visitor of a
  // refused frame (an empty box) is not left waiting.
  var START_MS = 15000;

  function send(w, type, body) {
    var msg = { source: 'cek-host', v: 1, widget: w.id, type: type };
    for (var k in body) msg[k] = body[k];
    w.frame.contentWindow.postMessage(msg, origin);
  }

  function configure(w) {
    var url = w.div.getAttribute('data-config');
    if (url) {
      // The host's own file: fetched here, on the host's origin, so the
      // widget itself never requests anything from another host.
      fetch(url, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (text) { send(w, 'config', { json: text }); },
          function (e) { send(w, 'config', { json: '', error: String(e) }); });
      return;
    }
    var attributes = {};
    var any = false;
    ATTRS.forEach(function (a) {
      var v = w.div.getAttribute('data-' + a);
      if (v !== null) { attributes[a] = v; any = true; }
    });
    if (any) send(w, 'config', { attributes: attributes });
  }

  function state(w, s) {
    w.state = s;
    w.div.setAttribute('data-cek-state', s);
  }

  // The frame is loading: at its load event, or when it comes into view
  // (loading="lazy" frames start only near the viewport, so the clock must
  // not start at insertion for a widget far down the page).
  function watchStart(w) {
    var start = function () {
      if (w.timer || w.state !== 'loading') return;
      w.timer = setTimeout(function () { fail(w); }, START_MS);
      if (w.seen) w.seen.disconnect();
    };
    w.frame.addEventListener('load', start);
    if (window.IntersectionObserver) {
      w.seen = new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting) start();
      });
      w.seen.observe(w.frame);
    } else {
      start();
    }
  }

  // No `ready` in time: say so in the page's language and link to the full
  // page instead of leaving a blank or grey box. The frame is only hidden:
  // if it starts after all (a very slow connection), it comes back.
  function fail(w) {
    if (w.state !== 'loading') return;
    state(w, 'failed');
    var en = w.lang === 'en';
    var box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('data-cek-message', '');
    // CSSOM, not a <style> element or attribute: allowed by a strict CSP.
    box.style.cssText = 'border:1px solid #767676;border-radius:8px;padding:16px;margin:8px 0;background:#fff;color:#1a1a1a;font:inherit;line-height:1.5';
    var p = document.createElement('p');
    p.style.margin = '0 0 8px';
    p.textContent = en ? 'The export readiness check could not be shown on this page.'
      : 'Penilaian kesiapan ekspor tidak dapat ditampilkan di halaman ini.';
    var a = document.createElement('a');
    a.href = new URL('index.html', base).href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.style.color = '#0b57d0';
    a.textContent = en ? 'Open Cek Siap Ekspor in a new tab' : 'Buka Cek Siap Ekspor di tab baru';
    box.appendChild(p);
    box.appendChild(a);
    w.frame.style.display = 'none';
    w.div.insertBefore(box, w.frame);
    w.message = box;
    console.warn('Cek Siap Ekspor: the widget did not start within ' + START_MS / 1000 + ' s. ' +
      'If this site (' + location.origin + ') is not in the frame-ancestors of the widget host (' + origin + '), ' +
      'the browser refuses to show it: add it to the Content-Security-Policy header the widget host sends (FRAME_ANCESTORS). ' +
      'Also check that this page\'s own CSP allows ' + origin + ' in frame-src. Visitors are shown a link to the full page instead.');
    w.div.dispatchEvent(new CustomEvent('cek:failed', { detail: { reason: 'timeout' }, bubbles: true }));
  }

  function mount(div) {
    if (div.getAttribute('data-cek-mounted')) return;
    div.setAttribute('data-cek-mounted', 'true');
    // A link the page put there for when this script never runs.
    var old = div.querySelectorAll('[data-cek-fallback]');
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    var id = 'w' + (++count);
    var lang = div.getAttribute('data-lang') === 'en' ? 'en' : 'id';
    var src = new URL('widget.html', base);
    src.searchParams.set('embed', id);
    src.searchParams.set('host', location.origin);
    src.searchParams.set('lang', lang);
    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = div.getAttribute('data-title') ||
      (lang === 'en' ? 'Export readiness check for small businesses' : 'Cek Siap Ekspor: penilaian kesiapan ekspor UMKM');
    frame.loading = 'lazy';
    // Scripts and storage for the widget; forms so Enter answers a question
    // (the widget's CSP has form-action 'none': nothing is ever submitted);
    // popups so WhatsApp and official links open in a new tab.
    var sandbox = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';
    // Lets a widget whose browser blocks its storage ask for access on the
    // owner's tap (Storage Access API); only where the browser knows it, as
    // an unknown token is reported as an error.
    if (frame.sandbox && frame.sandbox.supports && frame.sandbox.supports('allow-storage-access-by-user-activation')) {
      sandbox += ' allow-storage-access-by-user-activation';
    }
    frame.setAttribute('sandbox', sandbox);
    if (div.getAttribute('data-scan') === 'true') frame.setAttribute('allow', 'camera');
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;border:0;height:640px;overflow:hidden';
    div.appendChild(frame);
    var w = widgets[id] = { id: id, div: div, frame: frame, lang: lang };
    state(w, 'loading');
    watchStart(w);
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || d.source !== 'cek-siap-ekspor' || d.v !== 1) return;
    var w = widgets[d.widget];
    if (!w || e.source !== w.frame.contentWindow) return;
    if (d.type === 'ready') {
      clearTimeout(w.timer);
      if (w.seen) w.seen.disconnect();
      if (w.message) {
        w.div.removeChild(w.message);
        w.message = null;
        w.frame.style.display = 'block';
      }
      state(w, 'ready');
      configure(w);
    }
    if (d.type === 'completed') state(w, 'completed');
    if (d.type === 'height' && d.height > 0) w.frame.style.height = Math.ceil(d.height) + 'px';
    if (d.type === 'step' && w.div.getBoundingClientRect().top < 0) {
      var still = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;
      w.div.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    }
    var detail = {};
    for (var k in d) if (k !== 'source' && k !== 'v' && k !== 'widget' && k !== 'type') detail[k] = d[k];
    w.div.dispatchEvent(new CustomEvent('cek:' + d.type, { detail: detail, bubbles: true }));
  });

  function scan() {
    var divs = document.querySelectorAll('[data-cek-siap-ekspor]');
    for (var i = 0; i < divs.length; i++) mount(divs[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
