/**
 * The report page's inline style sheet and script. The script is plain ES2017 that runs from
 * `file://` without any fetch: it reads the embedded report data, builds a lower-case search
 * text per host and guest, and filters with one listener on the search box (debounced; rows
 * are only touched when their visibility changes). Hosts whose name matches show all their
 * guests; otherwise only matching guests are shown and their host's guest table is opened.
 * Every term of the query must match. When done it marks the page ready (`data-ready` on
 * `<html>`), which tests and benchmarks wait for.
 */

export const PAGE_STYLE = `
:root{--fg:#1b1b1b;--muted:#555;--line:#c8c8c8;--dom0:#6b6b6b;--guests:#2f6db3;--over:#b3261e;--ok:#1e7b34;--warn:#8a5a00;--bg2:#f4f5f7}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 auto;max-width:1280px;padding:0 1rem 3rem}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.5rem 0;z-index:1}
h1{font-size:1.5rem;margin:.25rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:0}
.summary{margin:.25rem 0;color:var(--muted)}
.search{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.search input{font:inherit;padding:.3rem .5rem;width:min(32rem,100%)}
#search-status{color:var(--muted)}
.host{border:1px solid var(--line);border-radius:6px;margin:.75rem 0;padding:.6rem .8rem;content-visibility:auto;contain-intrinsic-size:auto 9rem}
.host-head{display:grid;grid-template-columns:minmax(14rem,1.2fr) 1fr 1fr;gap:.4rem 1.2rem;align-items:start}
.facts{color:var(--muted);font-size:.9em}
.usage .label{font-size:.9em}
.bar{display:flex;height:.9rem;width:100%;background:var(--bg2);border:1px solid #999;border-radius:3px;overflow:hidden;margin:.15rem 0}
.bar .dom0{background:var(--dom0)}
.bar .guests{background:var(--guests)}
.bar.over .guests{background:var(--over)}
.over-note{color:var(--over);font-weight:600}
.bridges,.diags{margin:.4rem 0 0;padding-left:1.2rem}
.diags li{margin:.1rem 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sev-error{color:var(--over)}
.sev-warning{color:var(--warn)}
.sev-info{color:var(--muted)}
.badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.85em;border:1px solid currentColor}
.st-deployed{color:var(--ok)}
.st-pending{color:var(--warn)}
.st-unknown{color:var(--muted)}
details{margin-top:.5rem}
summary{cursor:pointer;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{text-align:left;padding:.2rem .45rem;border-bottom:1px solid #e2e2e2;vertical-align:top}
th{background:var(--bg2);font-weight:600}
tbody th{background:none}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.msg{white-space:pre-wrap}
.loc{font-family:ui-monospace,monospace;font-size:.9em}
[hidden]{display:none!important}
@media (max-width:760px){.host-head{grid-template-columns:1fr}}
`;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var input = document.getElementById('search');
  var status = document.getElementById('search-status');
  var sections = document.querySelectorAll('section.host');
  function lower(parts) { return parts.join(' ').toLowerCase(); }
  function guestText(g) {
    var addresses = g.vifs.map(function (v) { return [v.mac || '', v.ip || ''].join(' '); });
    return lower([g.fqdn, g.object, g.type, g.bootMode, g.install.state, g.bridges.join(' '), g.services.join(' ')].concat(addresses));
  }
  function machineText(m) { return lower([m.fqdn, m.object, m.services.join(' '), m.install.state]); }
  function hostText(h) {
    return lower([h.fqdn, h.object].concat(h.bridges.map(function (b) { return b.name; }), h.storage.map(function (p) { return p.name; })));
  }
  var hosts = data.hosts.map(function (h, i) {
    var el = sections[i];
    return { el: el, text: hostText(h), guests: h.guests.map(guestText), rows: null, details: el.querySelector('details') };
  });
  function rowsOf(table) { return table ? table.querySelectorAll('tbody tr') : []; }
  var unplaced = { texts: data.unplaced.map(guestText), rows: rowsOf(document.getElementById('unplaced-table')), el: document.getElementById('unplaced') };
  var plain = { texts: data.plain.map(machineText), rows: rowsOf(document.getElementById('plain-table')), el: document.getElementById('plain') };
  function matches(text, terms) {
    for (var i = 0; i < terms.length; i++) if (text.indexOf(terms[i]) < 0) return false;
    return true;
  }
  function show(el, visible) { if (el && el.hidden === visible) el.hidden = !visible; }
  function filterHost(h, terms) {
    var all = terms.length === 0 || matches(h.text, terms);
    if (!h.rows) h.rows = rowsOf(h.el.querySelector('table'));
    var shown = 0;
    for (var i = 0; i < h.guests.length; i++) {
      var hit = all || matches(h.text + ' ' + h.guests[i], terms);
      show(h.rows[i], hit);
      if (hit) shown++;
    }
    show(h.el, all || shown > 0);
    if (h.details) {
      if (terms.length > 0 && !all && shown > 0) h.details.open = true;
      else h.details.open = h.details.hasAttribute('data-open');
    }
    return { host: all || shown > 0, guests: shown };
  }
  function filterList(list, terms) {
    var shown = 0;
    for (var i = 0; i < list.texts.length; i++) {
      var hit = terms.length === 0 || matches(list.texts[i], terms);
      show(list.rows[i], hit);
      if (hit) shown++;
    }
    show(list.el, terms.length === 0 || shown > 0);
    return shown;
  }
  function apply() {
    var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shownHosts = 0, shownGuests = 0;
    for (var i = 0; i < hosts.length; i++) {
      var r = filterHost(hosts[i], terms);
      if (r.host) shownHosts++;
      shownGuests += r.guests;
    }
    shownGuests += filterList(unplaced, terms);
    var shownPlain = filterList(plain, terms);
    status.textContent = terms.length === 0 ? '' :
      shownHosts + ' of ' + hosts.length + ' hosts, ' + shownGuests + ' of ' + data.summary.guests + ' guests, ' +
      shownPlain + ' of ' + data.plain.length + ' other machines match';
  }
  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  input.form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); apply(); });
  if (input.value) apply();
  document.documentElement.setAttribute('data-ready', '');
})();
`;
