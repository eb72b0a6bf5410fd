/**
 * The page scripts, as plain ES5 text inlined into the pages (no external assets; the web UI
 * allows them by nonce, report.html by its own CSP). They only ever set textContent, so no
 * article text can become markup.
 */

/**
 * The evidence viewer: a tap or click (or Enter) on anything with data-article shows that
 * article's text with the sentence highlighted and the exact span marked. Beside the content on
 * wide screens; a bottom sheet below 800 px. Links keep a real href (the article page, or the
 * article's row in report.html) so they still lead somewhere without the script.
 */
export const VIEWER_SCRIPT = `
(function(){
  var texts = {};
  function load(){ var el = document.getElementById('article-texts'); try { texts = JSON.parse(el ? el.textContent : '{}'); } catch(e) { texts = {}; } }
  load();
  document.addEventListener('triangulate:updated', load);
  var viewer = document.getElementById('viewer');
  var body = viewer ? viewer.querySelector('.vbody') : null;
  function close(){ if(!viewer) return; viewer.classList.remove('open'); document.body.classList.remove('sheet-open'); }
  function span(cls, text){ var s = document.createElement(cls === 'mark' ? 'mark' : 'span'); if(cls !== 'mark') s.className = cls; s.textContent = text; return s; }
  function show(id, start, end, s0, s1){
    var a = texts[id]; if(!a || !body) return false;
    body.textContent = '';
    var h = document.createElement('h3'); h.textContent = a.title + ' (' + (a.outlet || 'outlet unknown') + ')'; body.appendChild(h);
    if(a.href){ var link = document.createElement('a'); link.href = a.href; link.textContent = 'open the article'; body.appendChild(link); }
    var t = a.text, n = t.length;
    start = Math.max(0, Math.min(start, n)); end = Math.max(start, Math.min(end, n));
    var from = isNaN(s0) ? start : Math.max(0, Math.min(s0, start)), to = isNaN(s1) ? end : Math.min(n, Math.max(s1, end));
    var p = document.createElement('div'); p.className = 'vtext';
    p.appendChild(document.createTextNode(t.slice(0, from)));
    p.appendChild(span('sent', t.slice(from, start)));
    var m = span('mark', t.slice(start, end)); p.appendChild(m);
    p.appendChild(span('sent', t.slice(end, to)));
    p.appendChild(document.createTextNode(t.slice(to)));
    body.appendChild(p);
    viewer.classList.add('open'); document.body.classList.add('sheet-open');
    // scroll the viewer only (not the page) so the sentence sits in its middle
    var top = m.getBoundingClientRect().top - viewer.getBoundingClientRect().top + viewer.scrollTop;
    viewer.scrollTop = Math.max(0, top - viewer.clientHeight / 3);
    return true;
  }
  function activate(el, e){
    var ok = show(el.getAttribute('data-article'), +el.getAttribute('data-start'), +el.getAttribute('data-end'), parseInt(el.getAttribute('data-sstart'), 10), parseInt(el.getAttribute('data-send'), 10));
    if(ok && e) e.preventDefault();
  }
  document.addEventListener('click', function(e){
    if(e.target && e.target.id === 'viewer-close'){ close(); return; }
    var el = e.target && e.target.closest ? e.target.closest('[data-article]') : null;
    if(el) activate(el, e);
  });
  document.addEventListener('keydown', function(e){
    if(e.key === 'Escape') close();
    if(e.key !== 'Enter' && e.key !== ' ') return;
    var el = e.target && e.target.closest ? e.target.closest('[data-article]') : null;
    if(el && el.tagName !== 'A') activate(el, e);
  });
})();
`;

/** Re-fetches the live part of the page when the server announces a change (SSE), without reloading. */
export const LIVE_SCRIPT = `
(function(){
  var target = document.getElementById('live-target');
  if(!target || !window.EventSource) return;
  var storyId = target.getAttribute('data-story');
  var status = document.getElementById('live-status');
  var timer = null;
  function refresh(){
    timer = null;
    var url = location.pathname + (location.search ? location.search + '&' : '?') + 'fragment=1';
    fetch(url, {credentials:'same-origin'}).then(function(r){ return r.ok ? r.text() : null; }).then(function(html){
      if(html === null) return;
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.getElementById('live-target');
      if(!fresh) return;
      target.replaceChildren.apply(target, Array.prototype.slice.call(fresh.childNodes).map(function(n){ return document.importNode(n, true); }));
      target.setAttribute('data-version', String((+target.getAttribute('data-version') || 0) + 1));
      if(status) status.textContent = 'updated ' + new Date().toLocaleTimeString();
      document.dispatchEvent(new Event('triangulate:updated'));
    }).catch(function(){});
  }
  function schedule(){ if(!timer) timer = setTimeout(refresh, 250); }
  var es = new EventSource('/api/events');
  ['story','report','story-removed'].forEach(function(type){
    es.addEventListener(type, function(e){
      var d = {}; try { d = JSON.parse(e.data); } catch(err) {}
      if(storyId && d.storyId !== storyId) return;
      if(storyId && type === 'story-removed'){ if(status) status.textContent = 'this story was removed or merged'; return; }
      schedule();
    });
  });
  es.onopen = function(){ if(status && !status.textContent) status.textContent = 'live'; };
})();
`;

/** The article page's layer toggles. */
export const ARTICLE_SCRIPT = `
(function(){
  document.querySelectorAll('.legend input[data-layer]').forEach(function(box){
    box.addEventListener('change', function(){ document.body.classList.toggle('hide-' + box.getAttribute('data-layer'), !box.checked); });
  });
})();
`;
