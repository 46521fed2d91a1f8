// The demo host's live log of the widget's events (no inline script: the
// page's CSP has no 'unsafe-inline').
['ready', 'step', 'completed', 'height', 'failed'].forEach(function (type) {
  document.addEventListener('cek:' + type, function (e) {
    var li = document.createElement('li');
    li.textContent = e.target.id + ' · cek:' + type + ' · ' + JSON.stringify(e.detail);
    document.getElementById('log').appendChild(li);
    window.cekEvents = window.cekEvents || [];
    window.cekEvents.push({ widget: e.target.id, type: type, detail: e.detail });
  });
});
