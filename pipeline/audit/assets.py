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
.filters, .pager { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
.pager { gap: 8px; font-size: 13px; }
#claims-where { min-width: 16em; text-align: center; font-variant-numeric: tabular-nums; }
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

  // -- the claims table: sorted, filtered and shown a page at a time ---------------------------
  // Every row is kept in memory, out of the document; only the current page's rows are in it,
  // so a run of 10,000 claims lays out, and a sort or a keystroke in the filter redraws, one page.
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
  var claims = document.getElementById("claims-table");
  if (claims) {
    var body = claims.tBodies[0];
    var all = Array.prototype.slice.call(body.rows).map(function (row) {
      row.hidden = false;
      return {row: row, district: row.getAttribute("data-district"), metric: row.getAttribute("data-metric"),
              text: row.textContent.toLowerCase(), keys: {}};
    });
    var order = all.slice(), shown = all, page = 0;
    var size = Number(claims.getAttribute("data-page-size")) || 100;
    var byDistrict = document.getElementById("filter-district");
    var byMetric = document.getElementById("filter-metric");
    var byText = document.getElementById("filter-text");
    var count = document.getElementById("claims-count");
    var where = document.getElementById("claims-where");
    var buttons = {first: document.getElementById("claims-first"), prev: document.getElementById("claims-prev"),
                   next: document.getElementById("claims-next"), last: document.getElementById("claims-last")};
    var sizes = document.getElementById("claims-size");
    var pages = function () { return Math.max(1, Math.ceil(shown.length / size)); };
    var render = function () {
      page = Math.min(Math.max(page, 0), pages() - 1);
      var from = page * size, to = Math.min(from + size, shown.length), rows = document.createDocumentFragment();
      shown.slice(from, to).forEach(function (c) { rows.appendChild(c.row); });
      body.replaceChildren(rows);
      count.textContent = shown.length + " of " + all.length + " claims";
      where.textContent = shown.length ? "rows " + (from + 1) + "–" + to + " of " + shown.length + " · page "
        + (page + 1) + " of " + pages() : "no rows";
      buttons.first.disabled = buttons.prev.disabled = page === 0;
      buttons.next.disabled = buttons.last.disabled = page >= pages() - 1;
    };
    var applyFilters = function () {
      var d = byDistrict.value, m = byMetric.value, t = byText.value.trim().toLowerCase();
      shown = order.filter(function (c) {
        return (!d || c.district === d) && (!m || c.metric === m) && (!t || c.text.indexOf(t) >= 0);
      });
      page = 0;
      render();
    };
    var heads = Array.prototype.slice.call(claims.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.getAttribute("data-type") === "num";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (c) {
          if (!(col in c.keys)) { c.keys[col] = sortKey(c.row.cells[col], numeric); }
          return c.keys[col];
        };
        order.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = compare(x, y, numeric);
          return numeric && (x === null || y === null) ? c : (ascending ? c : -c);
        });
        applyFilters();
      });
    });
    [byDistrict, byMetric].forEach(function (s) { s.addEventListener("change", applyFilters); });
    byText.addEventListener("input", applyFilters);
    buttons.first.addEventListener("click", function () { page = 0; render(); });
    buttons.prev.addEventListener("click", function () { page -= 1; render(); });
    buttons.next.addEventListener("click", function () { page += 1; render(); });
    buttons.last.addEventListener("click", function () { page = pages() - 1; render(); });
    sizes.addEventListener("change", function () {
      var first = page * size;
      size = Number(sizes.value) || size;
      page = Math.floor(first / size);
      render();
    });
    applyFilters();
  }
}());
"""
