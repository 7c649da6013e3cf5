"""The report's inline style sheet and script. Both are constants: the report's Content
Security Policy allows exactly these two by hash, so nothing else can run or style the page.

The script never writes HTML: it reads the records from a JSON block and builds the side
panel with textContent, so article text cannot become markup on the client either.
"""

# Each kind is a layer: a coloured bar under the text at its own depth, so nested and
# overlapping spans of different kinds stay visible (displacy's span style).
CSS = """
:root { --q: #e9a800; --t: #8e6cc0; --p: #1f9e89; --o: #3a6fd8; --c: #d7263d; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif;
  color: #1d1d1f; }
header { padding: 12px 20px; background: #f4f4f6; border-bottom: 1px solid #ddd; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header .meta { color: #555; font-size: 13px; }
nav a { margin-right: 14px; }
.layout { display: flex; align-items: flex-start; }
main { flex: 1; min-width: 0; padding: 0 20px 40px; }
aside#panel { position: sticky; top: 0; width: 340px; height: 100vh; overflow: auto; padding: 12px;
  border-left: 1px solid #ddd; background: #fafafa; font-size: 13px; }
aside#panel h2 { font-size: 15px; margin: 0 0 8px; }
.card { border: 1px solid #ddd; border-left: 5px solid #999; background: #fff; padding: 6px 8px; margin-bottom: 8px;
  cursor: pointer; }
.card.k-quantities { border-left-color: var(--q); } .card.k-times { border-left-color: var(--t); }
.card.k-places { border-left-color: var(--p); } .card.k-organizations { border-left-color: var(--o); }
.card.k-claims { border-left-color: var(--c); }
.card-title { font-weight: 600; margin-bottom: 4px; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 8px; margin: 0; }
.card dt { color: #666; } .card dd { margin: 0; word-break: break-word; }
.legend label { margin-right: 12px; white-space: nowrap; }
.swatch { display: inline-block; width: 18px; height: 4px; vertical-align: middle; margin-right: 4px; }
.sw-quantities { background: var(--q); } .sw-times { background: var(--t); } .sw-places { background: var(--p); }
.sw-organizations { background: var(--o); } .sw-claims { background: var(--c); }
section.doc { border-top: 2px solid #ccc; margin-top: 24px; }
.doc-text { white-space: pre-wrap; line-height: 2.9; font-size: 16px; max-width: 60em; }
.seg { cursor: pointer; }
.anchor { scroll-margin-top: 30vh; }
.seg:hover, .seg.sel { background: #fff2b3; }
.L { border-bottom: 3px solid transparent; }
.L-quantities { padding-bottom: 2px; border-bottom-color: var(--q); }
.L-times { padding-bottom: 6px; border-bottom-color: var(--t); }
.L-places { padding-bottom: 10px; border-bottom-color: var(--p); }
.L-organizations { padding-bottom: 14px; border-bottom-color: var(--o); }
.L-claims { padding-bottom: 18px; border-bottom-color: var(--c); }
body.hide-quantities .L-quantities, body.hide-times .L-times, body.hide-places .L-places,
body.hide-organizations .L-organizations, body.hide-claims .L-claims { border-bottom-color: transparent; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f2; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th[aria-sort=ascending] button::after { content: " \\25B2"; }
th[aria-sort=descending] button::after { content: " \\25BC"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.value, td.unit, td.doc { white-space: nowrap; }
td.period, td.text { max-width: 8em; overflow-wrap: anywhere; }
td.metric { min-width: 12em; max-width: 24em; }
td.rule { min-width: 7em; overflow-wrap: anywhere; font-size: 12px; }  /* claims.speaker.district: wraps, never cut */
td.attribution { max-width: 9em; }
.scroll { overflow-x: auto; max-width: 100%; }
.filters { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
.muted { color: #777; font-size: 12px; }
.status-error { color: #b00020; font-weight: 600; }
.conflict { border: 1px solid #e7b0b6; background: #fff7f8; padding: 6px 10px; margin: 10px 0; }
.conflict h3 { margin: 0; font-size: 15px; }
"""

JS = """
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("zh-data").textContent);
  var RECORDS = DATA.records;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function indexesOf(node) {
    return (node.getAttribute("data-r") || "").split(" ").filter(Boolean).map(Number);
  }

  // -- side panel: every record under the clicked point --------------------------------------
  var panelBody = document.getElementById("panel-body");
  function mark(index) {
    document.querySelectorAll(".seg.sel").forEach(function (s) { s.classList.remove("sel"); });
    document.querySelectorAll(".seg").forEach(function (s) {
      if (indexesOf(s).indexOf(index) >= 0) { s.classList.add("sel"); }
    });
  }
  function showRecords(indexes) {
    panelBody.replaceChildren();
    indexes.forEach(function (i) {
      var r = RECORDS[i];
      if (!r) { return; }
      var card = el("div", "card k-" + r.table);
      card.setAttribute("data-r", String(i));
      card.appendChild(el("div", "card-title", r.heading));
      var dl = el("dl");
      r.details.forEach(function (pair) {
        dl.appendChild(el("dt", null, pair[0]));
        dl.appendChild(el("dd", null, pair[1]));
      });
      card.appendChild(dl);
      card.addEventListener("click", function () { mark(i); });
      panelBody.appendChild(card);
    });
    if (indexes.length) { mark(indexes[0]); }
  }
  document.querySelectorAll(".seg").forEach(function (seg) {
    seg.addEventListener("click", function () { showRecords(indexesOf(seg)); });
  });
  document.querySelectorAll("a.goto").forEach(function (a) {
    a.addEventListener("click", function () { showRecords(indexesOf(a)); });
  });
  var target = /^#r([0-9]+)$/.exec(window.location.hash);
  if (target) { showRecords([Number(target[1])]); }

  // -- layers on and off ----------------------------------------------------------------------
  document.querySelectorAll("input.layer").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.value, !box.checked);
    });
  });

  // -- sortable tables --------------------------------------------------------------------------
  function sortKey(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (!numeric) { return raw; }
    var n = parseFloat(raw);
    return isNaN(n) ? null : n;
  }
  function compare(x, y, numeric) {
    if (numeric) {
      if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
      return x - y;
    }
    return x.localeCompare(y, "zh");
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.getAttribute("data-type") === "num";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[col], numeric), y = sortKey(b.cells[col], numeric);
          var missing = numeric && (x === null || y === null);
          var c = compare(x, y, numeric);
          return missing ? c : (ascending ? c : -c);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // -- claim filters --------------------------------------------------------------------------
  var claims = document.getElementById("claims-table");
  if (claims) {
    var byDistrict = document.getElementById("filter-district");
    var byMetric = document.getElementById("filter-metric");
    var byText = document.getElementById("filter-text");
    var count = document.getElementById("claims-count");
    var applyFilters = function () {
      var d = byDistrict.value, m = byMetric.value, t = byText.value.trim().toLowerCase(), shown = 0;
      var rows = Array.prototype.slice.call(claims.tBodies[0].rows);
      rows.forEach(function (row) {
        var ok = (!d || row.getAttribute("data-district") === d) && (!m || row.getAttribute("data-metric") === m)
          && (!t || row.textContent.toLowerCase().indexOf(t) >= 0);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " claims";
    };
    [byDistrict, byMetric].forEach(function (s) { s.addEventListener("change", applyFilters); });
    byText.addEventListener("input", applyFilters);
    applyFilters();
  }
}());
"""
