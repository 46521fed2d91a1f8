// When the app cannot start in this browser, say so at the top of the page
// and hide the buttons that need it (the static intro's "Mulai", ID/EN and
// the trainer link), instead of leaving buttons that do nothing. A classic
// script, so browsers too old for the app still run it. Without JavaScript,
// <noscript> and tanpa-js.css do the same.
(function () {
  function show() {
    var note = document.getElementById('perlu-browser');
    if (note) note.hidden = false;
    document.documentElement.className += ' tanpa-app';
  }
  // The loader (Trunk.toml's pattern_script) says when the app could not
  // start: its files did not load, or WebAssembly refused them.
  addEventListener('cek-gagal-mulai', show);
  if (typeof WebAssembly !== 'object' || !('noModule' in document.createElement('script'))) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
})();
