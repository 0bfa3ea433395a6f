/**
 * GET /docs: a self-contained page (no CDN, works offline) that fetches /v1/openapi.json and lists
 * every route with its parameters, request body, responses, and the schemas they use.
 */
export const docsPage = (): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>promptreel API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
main{max-width:980px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
.op{background:#fff;border:1px solid #e2e2e2;border-radius:8px;margin:12px 0;padding:12px 16px}
.op summary{cursor:pointer;font-weight:600}
.m{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font:12px/22px monospace;margin-right:8px;text-transform:uppercase}
.get{background:#2f7d32}.post{background:#1565c0}.delete{background:#c62828}.put,.patch{background:#8e24aa}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f3f3f3;padding:8px;border-radius:6px;overflow:auto;max-height:420px}
table{border-collapse:collapse;width:100%;margin:6px 0}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
.muted{color:#666}.lock{font-size:12px;color:#8a5a00}
</style></head><body><main>
<h1 id="title">promptreel API</h1><p id="desc" class="muted">Loading /v1/openapi.json…</p>
<div id="ops"></div><h2>Schemas</h2><div id="schemas"></div>
</main>
<script>
(function () {
  var esc = function (s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]; }); };
  var refName = function (r) { return r.split('/').pop(); };
  var typeOf = function (s) {
    if (!s) return '';
    if (s.$ref) return '<a href="#schema-' + esc(refName(s.$ref)) + '">' + esc(refName(s.$ref)) + '</a>';
    if (s.enum) return s.enum.map(function (e) { return '<code>' + esc(JSON.stringify(e)) + '</code>'; }).join(' | ');
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(typeOf).join(' | ');
    if (s.type === 'array') return typeOf(s.items) + '[]';
    return esc(Array.isArray(s.type) ? s.type.join(' | ') : (s.type || 'any')) + (s.format ? ' <span class="muted">(' + esc(s.format) + ')</span>' : '');
  };
  var props = function (s) {
    if (!s || !s.properties) return '<pre>' + esc(JSON.stringify(s, null, 2)) + '</pre>';
    var req = s.required || [];
    return '<table><tr><th>field</th><th>type</th><th>description</th></tr>' + Object.keys(s.properties).map(function (k) {
      var p = s.properties[k];
      return '<tr><td><code>' + esc(k) + '</code>' + (req.indexOf(k) >= 0 ? ' *' : '') + '</td><td>' + typeOf(p) + '</td><td>' + esc(p.description || '') + '</td></tr>';
    }).join('') + '</table>';
  };
  var content = function (c) {
    if (!c) return '';
    return Object.keys(c).map(function (t) { return '<div><code>' + esc(t) + '</code> ' + typeOf(c[t].schema) + '</div>'; }).join('');
  };
  fetch('/v1/openapi.json').then(function (r) { return r.json(); }).then(function (doc) {
    document.getElementById('title').textContent = doc.info.title + ' API (v' + doc.info.version + ')';
    document.getElementById('desc').textContent = doc.info.description || '';
    var html = '';
    var globalSec = doc.security || [];
    Object.keys(doc.paths).forEach(function (path) {
      var item = doc.paths[path];
      Object.keys(item).forEach(function (method) {
        var op = item[method];
        var sec = op.security || globalSec;
        html += '<details class="op"><summary><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code> — ' + esc(op.summary || '') +
          (sec.length ? ' <span class="lock">🔒 Bearer key</span>' : '') + '</summary>';
        if (op.description) html += '<p>' + esc(op.description) + '</p>';
        if (op.parameters && op.parameters.length) {
          html += '<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>' + op.parameters.map(function (p) {
            return '<tr><td><code>' + esc(p.name) + '</code>' + (p.required ? ' *' : '') + '</td><td>' + esc(p.in) + '</td><td>' + typeOf(p.schema) + '</td><td>' + esc(p.description || (p.schema && p.schema.description) || '') + '</td></tr>';
          }).join('') + '</table>';
        }
        if (op.requestBody) html += '<h4>Request body</h4>' + content(op.requestBody.content);
        html += '<h4>Responses</h4><table>' + Object.keys(op.responses || {}).map(function (code) {
          var r = op.responses[code];
          return '<tr><td><code>' + esc(code) + '</code></td><td>' + esc(r.description || '') + content(r.content) + '</td></tr>';
        }).join('') + '</table></details>';
      });
    });
    document.getElementById('ops').innerHTML = html;
    var schemas = (doc.components && doc.components.schemas) || {};
    document.getElementById('schemas').innerHTML = Object.keys(schemas).map(function (name) {
      var s = schemas[name];
      return '<details class="op" id="schema-' + esc(name) + '"><summary>' + esc(name) + '</summary>' + (s.description ? '<p>' + esc(s.description) + '</p>' : '') + props(s) + '</details>';
    }).join('');
    if (location.hash) { var el = document.getElementById(location.hash.slice(1)); if (el) { el.open = true; el.scrollIntoView(); } }
  }).catch(function (e) { document.getElementById('desc').textContent = 'Could not load /v1/openapi.json: ' + e; });
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#schema-"]');
    if (a) { var el = document.getElementById(a.getAttribute('href').slice(1)); if (el) el.open = true; }
  });
})();
</script></body></html>
`;
