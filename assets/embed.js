/*! Cek Siap Ekspor embed loader. Usage:
 *  <script src="https://HOST/embed.js" async></script>
 *  <div data-cek-siap-ekspor data-lang="id"></div>
 * Optional on the div: data-config="/path/to/config.json" (same origin as the
 * host page), or data-org-name, data-org-logo, data-whatsapp, data-email,
 * data-address, data-theme, data-title, data-scan="true" (camera for trainers).
 * Events on the div: cek:ready, cek:step, cek:completed, cek:height.
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

  function mount(div) {
    if (div.getAttribute('data-cek-mounted')) return;
    div.setAttribute('data-cek-mounted', 'true');
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
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
    if (div.getAttribute('data-scan') === 'true') frame.setAttribute('allow', 'camera');
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;border:0;height:640px;overflow:hidden';
    div.appendChild(frame);
    widgets[id] = { id: id, div: div, frame: frame };
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || d.source !== 'cek-siap-ekspor' || d.v !== 1) return;
    var w = widgets[d.widget];
    if (!w || e.source !== w.frame.contentWindow) return;
    if (d.type === 'ready') configure(w);
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
