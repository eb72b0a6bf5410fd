/**
 * The add page's script: posts each file (and the pasted text) to /api/articles with
 * XMLHttpRequest (which reports upload progress), lists each file's outcome, and reports errors
 * (nothing to add, 401, network, failed documents) as errors. When outlet, date or URL are given,
 * a text or HTML document is sent as a JSON record carrying them.
 */
export const ADD_SCRIPT = `
(function(){
  var form = document.getElementById('add-form');
  var out = document.getElementById('results');
  var affected = document.getElementById('affected');
  var status = document.getElementById('add-status');
  var bar = document.getElementById('upload-progress');
  var tokenInput = document.getElementById('token');
  if(tokenInput){ tokenInput.value = sessionStorage.getItem('triangulate-token') || ''; }
  var watched = {};
  function el(tag, text, cls){ var e = document.createElement(tag); if(text != null) e.textContent = text; if(cls) e.className = cls; return e; }
  function plural(n, one, many){ return n + ' ' + (n === 1 ? one : (many || one + 's')); }
  function mb(n){ return (n / 1048576).toFixed(n < 10485760 ? 1 : 0) + ' MB'; }
  function typeFor(name){
    var n = (name || '').toLowerCase();
    if(/\\.html?$/.test(n)) return 'html';
    if(/\\.(jsonl|ndjson)$/.test(n)) return 'jsonl';
    if(/\\.json$/.test(n)) return 'json';
    if(/\\.(xml|rss|atom)$/.test(n)) return 'feed';
    if(/\\.(txt|text|md)$/.test(n)) return 'text';
    return '';
  }
  function setStatus(text, state){ status.textContent = text; status.setAttribute('data-state', state); status.className = state === 'error' ? 'err' : state === 'done' ? 'ok' : 'meta'; }
  function metaFields(){
    var m = {};
    ['outlet','published','url'].forEach(function(k){ var v = document.getElementById('meta-' + k).value.trim(); if(v) m[k] = v; });
    return m;
  }
  function post(body, source, format, onProgress){
    return new Promise(function(resolve){
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/articles?source=' + encodeURIComponent(source) + (format ? '&format=' + encodeURIComponent(format) : ''));
      xhr.setRequestHeader('Content-Type', format === 'json' ? 'application/json' : 'application/octet-stream');
      var tok = tokenInput ? tokenInput.value.trim() : '';
      if(tok){ xhr.setRequestHeader('Authorization', 'Bearer ' + tok); sessionStorage.setItem('triangulate-token', tok); }
      xhr.upload.onprogress = function(e){ if(e.lengthComputable) onProgress(e.loaded); };
      xhr.onload = function(){
        var j = null; try { j = JSON.parse(xhr.responseText); } catch(err) {}
        resolve({ok: xhr.status >= 200 && xhr.status < 300 && !!j, status: xhr.status, body: j || {error: {message: 'unreadable response'}}});
      };
      xhr.onerror = function(){ resolve({ok: false, status: 0, body: {error: {message: 'network error: the server could not be reached'}}}); };
      xhr.send(body);
    });
  }
  function refreshStory(id){
    fetch('/api/stories/' + encodeURIComponent(id)).then(function(r){ return r.ok ? r.json() : null; }).then(function(s){
      var li = watched[id]; if(!li) return;
      li.textContent = '';
      if(!s){ li.appendChild(el('span', 'story ' + id + ' was removed or merged', 'muted')); return; }
      var a = el('a', s.title || '(untitled)'); a.href = '/stories/' + encodeURIComponent(id); li.appendChild(a);
      var cc = s.crossCheck;
      var conflicts = cc && cc.conflicts ? cc.conflicts.filter(function(c){ return c.severity !== 'minor'; }).length : null;
      li.appendChild(el('span', ' · ' + plural(s.articleCount, 'article') + ' · ' + plural(s.outlets.length, 'outlet') + (conflicts === null ? '' : ' · ' + plural(conflicts, 'conflict')), 'meta story-stats'));
      li.setAttribute('data-articles', String(s.articleCount));
    }).catch(function(){});
  }
  function watch(id){
    if(!watched[id]){ var li = el('li'); li.setAttribute('data-story', id); li.textContent = id; affected.appendChild(li); watched[id] = li; }
    refreshStory(id);
  }
  if(window.EventSource){
    var es = new EventSource('/api/events');
    ['story','report','story-removed'].forEach(function(t){ es.addEventListener(t, function(e){ try { var d = JSON.parse(e.data); if(watched[d.storyId]) refreshStory(d.storyId); } catch(err) {} }); });
  }
  var problems = 0;
  function report(source, res){
    var li = el('li', null, 'file');
    li.appendChild(el('strong', source));
    if(!res.ok){
      problems++;
      var msg = (res.body && res.body.error && res.body.error.message) || 'error';
      var why = res.status === 401 ? 'not added: the server needs a valid token (' + msg + ')' : 'not added: ' + (res.status ? res.status + ' ' : '') + msg;
      li.appendChild(el('span', ' ' + why, 'err')); li.className = 'file outcome-error err';
      out.appendChild(li); return;
    }
    var outcomes = res.body.outcomes || [];
    var c = res.body.counts || {};
    li.appendChild(el('span', ' ' + [plural(outcomes.length, 'document'), (c['new'] || 0) + ' new', (c.known || 0) + ' already known', (c.failed || 0) + ' failed'].join(', '), c.failed ? 'err' : 'meta'));
    var ul = el('ul');
    outcomes.forEach(function(o){
      if(o.status === 'failed') problems++;
      var item = el('li', null, 'outcome-' + o.status + (o.status === 'failed' ? ' err' : ''));
      item.appendChild(el('span', o.source + ': ' + o.status + (o.reason ? ' (' + o.reason + ')' : '')));
      if(o.docId && o.status !== 'failed'){ item.appendChild(document.createTextNode(' · ')); var a = el('a', 'article'); a.href = '/articles/' + encodeURIComponent(o.docId); item.appendChild(a); }
      ul.appendChild(item);
      if(o.storyId) watch(o.storyId);
    });
    li.appendChild(ul);
    out.appendChild(li);
  }
  form.addEventListener('submit', function(e){
    e.preventDefault();
    var files = Array.prototype.slice.call(document.getElementById('files').files || []);
    var text = document.getElementById('paste').value;
    var fmt = document.getElementById('format').value;
    var name = document.getElementById('source').value.trim() || 'pasted';
    var meta = metaFields();
    var hasMeta = Object.keys(meta).length > 0;
    if(!files.length && !text.trim()){ setStatus('Nothing to add: choose files or paste an article.', 'error'); return; }
    var jobs = files.map(function(f){ return {name: f.name, size: f.size, fmt: fmt || typeFor(f.name), read: function(){ return f.arrayBuffer(); }, readText: function(){ return f.text(); }}; });
    if(text.trim()) jobs.push({name: name, size: new Blob([text]).size, fmt: fmt, read: function(){ return Promise.resolve(new Blob([text])); }, readText: function(){ return Promise.resolve(text); }});
    var total = jobs.reduce(function(t, j){ return t + j.size; }, 0), sent = 0;
    var button = form.querySelector('button[type=submit]');
    button.disabled = true; problems = 0; out.textContent = '';
    bar.max = Math.max(1, total); bar.value = 0; bar.hidden = total < 262144;
    var chain = Promise.resolve();
    jobs.forEach(function(j, i){
      chain = chain.then(function(){
        setStatus('adding ' + (i + 1) + ' of ' + plural(jobs.length, 'document source') + (total >= 262144 ? ' · ' + mb(sent) + ' of ' + mb(total) : '') + '…', 'busy');
        // metadata fields apply to text and HTML (not to JSON or feeds, which carry their own)
        if(hasMeta && (j.fmt === 'text' || j.fmt === 'html' || j.fmt === '')){
          return j.readText().then(function(t){
            var rec = {id: j.name};
            if(j.fmt === 'html' || /^\\s*</.test(t)) rec.html = t;
            else { var m = /^\\s*([^\\n]+)\\n([\\s\\S]*)$/.exec(t); if(m && m[2].trim()){ rec.title = m[1].trim(); rec.text = m[2]; } else rec.text = t; } // plain text: the headline is the first line
            for(var k in meta) rec[k] = meta[k];
            return post(JSON.stringify(rec), j.name, 'json', function(n){ bar.value = sent + n; });
          });
        }
        return j.read().then(function(body){ return post(body, j.name, j.fmt, function(n){ bar.value = sent + n; }); });
      }).then(function(res){ sent += j.size; bar.value = sent; report(j.name, res); });
    });
    chain.catch(function(err){ problems++; out.appendChild(el('li', 'error: ' + err, 'err')); }).then(function(){
      button.disabled = false; bar.hidden = true;
      if(problems) setStatus('finished with ' + plural(problems, 'error'), 'error');
      else { setStatus('done', 'done'); document.getElementById('paste').value = ''; document.getElementById('files').value = ''; }
    });
  });
})();
`;
