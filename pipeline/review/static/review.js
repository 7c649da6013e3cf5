// The review app's page script. It never writes HTML: every text is set with textContent,
// so article text and field values cannot become markup. Verdicts go to /api/verdicts as
// JSON with the session token; nothing else writes.
(function () {
  "use strict";
  var TOKEN = document.querySelector("meta[name=zhfacts-token]").content;
  var state = { page: 0, pages: 0, docs: [], doc: null, facts: [], selected: -1, vocab: null, editing: null };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function say(message, isError) {
    $("status").textContent = message || "";
    $("status").className = isError ? "error" : "";
  }
  // Requests in flight, on <body data-pending>: a test (or a person's script) waits for 0.
  var pending = 0;
  function inFlight(delta) { pending += delta; document.body.setAttribute("data-pending", String(pending)); }
  function api(path, body) {
    inFlight(1);
    var options = body === undefined ? {} : {
      method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-Zhfacts-Token": TOKEN }
    };
    return fetch(path, options).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data.error || ("HTTP " + r.status)); }
        return data;
      });
    }).finally(function () { inFlight(-1); });
  }
  function filters() {
    return { kind: $("f-kind").value, show: $("f-show").value, district: $("f-district").value.trim(),
             metric_key: $("f-metric").value, doc: $("f-doc").value.trim() };
  }

  // -- progress and documents -------------------------------------------------------------------
  function showProgress(progress) {
    var kind = $("f-kind").value, p = progress[kind] || { facts: 0, reviewed: 0, stale: 0 };
    $("progress").textContent = kind + ": " + p.reviewed + " of " + p.facts + " reviewed" +
      (p.stale ? " · " + p.stale + " stale" : "");
  }
  function loadProgress() { return api("/api/progress").then(showProgress); }

  function loadDocuments(page, pick) {
    var f = filters(), query = new URLSearchParams({ page: String(page) });
    Object.keys(f).forEach(function (k) { if (f[k]) { query.set(k, f[k]); } });
    return api("/api/documents?" + query.toString()).then(function (data) {
      state.page = data.page; state.pages = data.pages; state.docs = data.documents;
      renderDocuments(data.total);
      if (pick === "last" && state.docs.length) { return openDocument(state.docs[state.docs.length - 1].sha256); }
      if (pick && state.docs.length) { return openDocument(state.docs[0].sha256); }
    });
  }
  function renderDocuments(total) {
    var list = $("doc-list");
    list.replaceChildren();
    state.docs.forEach(function (d) {
      var li = el("li", state.doc && state.doc.sha256 === d.sha256 ? "current" : "");
      li.setAttribute("data-sha", d.sha256);
      li.appendChild(el("span", "name", d.doc_id));
      li.appendChild(el("span", "count" + (d.n_reviewed === d.n_facts ? " done" : ""), d.n_reviewed + "/" + d.n_facts));
      li.addEventListener("click", function () { openDocument(d.sha256); });
      list.appendChild(li);
    });
    $("doc-count").textContent = "(" + total + ")";
    $("page-info").textContent = state.pages ? (state.page + 1) + " / " + state.pages : "-";
  }
  function stepDocument(delta) {
    var at = state.docs.findIndex(function (d) { return state.doc && d.sha256 === state.doc.sha256; });
    var next = at + delta;
    if (next >= 0 && next < state.docs.length) { return openDocument(state.docs[next].sha256); }
    if (next >= state.docs.length && state.page + 1 < state.pages) { return loadDocuments(state.page + 1, "first"); }
    if (next < 0 && state.page > 0) { return loadDocuments(state.page - 1, "last"); }
  }

  // -- one document -------------------------------------------------------------------------------
  var opening = 0;  // only the document asked for last is shown
  function openDocument(sha) {
    var ticket = ++opening;
    return api("/api/documents/" + encodeURIComponent(sha)).then(function (doc) {
      if (ticket !== opening) { return; }
      say("");
      state.doc = doc; state.editing = null; $("editor").hidden = true;
      state.facts = doc.facts;
      $("doc-title").textContent = doc.doc_id;
      $("doc-meta").textContent = "batch " + doc.batch_id + " · pub_date " + (doc.pub_date || "-") + " · " +
        (doc.path || "") + " · sha256 " + doc.sha256.slice(0, 12);
      renderDocuments(Number($("doc-count").textContent.replace(/[()]/g, "")) || state.docs.length);
      state.selected = -1;
      render();
      selectFact(firstOpen(0, 1));
    });
  }
  function kindFacts() {
    var kind = $("f-kind").value;
    return state.facts.filter(function (f) { return f.kind === kind; });
  }
  function firstOpen(from, step) {
    var facts = kindFacts();
    for (var i = from; i >= 0 && i < facts.length; i += step) {
      if (facts[i].review === "unreviewed" || facts[i].review === "stale") { return i; }
    }
    return facts.length ? Math.min(Math.max(from, 0), facts.length - 1) : -1;
  }

  function render() { renderText(); renderFacts(); }

  function renderText() {
    var box = $("doc-text"), raw = state.doc && state.doc.raw ? Array.from(state.doc.raw) : [];
    var facts = kindFacts(), cuts = new Set([0, raw.length]);
    box.className = "doc-text k-" + $("f-kind").value;
    facts.forEach(function (f) { cuts.add(Math.max(0, f.start)); cuts.add(Math.min(raw.length, f.end)); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    box.replaceChildren();
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1], over = [];
      facts.forEach(function (f, n) { if (f.start <= a && f.end >= b) { over.push(n); } });
      var seg = el("span", "seg", raw.slice(a, b).join(""));
      seg.setAttribute("data-s", String(a));
      if (over.length) {
        seg.classList.add("hl");
        if (over.every(function (n) { return facts[n].review === "rejected"; })) { seg.classList.add("rejected"); }
        seg.setAttribute("data-f", over.join(" "));
        seg.title = over.map(function (n) { return reading(facts[n]); }).join("\n");
        seg.addEventListener("click", function (e) {
          selectFact(Number(e.currentTarget.getAttribute("data-f").split(" ")[0]));
        });
      }
      box.appendChild(seg);
    }
  }

  function number(v) { return typeof v === "number" ? v.toLocaleString("en") : v; }
  function reading(f) {
    var x = f.fields, known = function (v) { return v !== null && v !== undefined; };
    var amount = known(x.value) ? number(x.value)
      : (known(x.value_min) || known(x.value_max) ? number(x.value_min) + "–" + number(x.value_max) : "");
    if (f.kind === "claims") {
      return [x.district, x.metric_key || x.metric, amount + " " + (x.unit || ""), x.period || "no period",
              x.modality].filter(Boolean).join(" · ");
    }
    if (f.kind === "quantities") { return [amount + " " + (x.unit || ""), x.period].filter(Boolean).join(" · "); }
    if (f.kind === "times") { return x.normalized || "-"; }
    return [x.canonical, x.type || x.level, x.adcode].filter(Boolean).join(" · ");
  }

  function renderFacts() {
    var list = $("fact-list"), facts = kindFacts();
    list.replaceChildren();
    facts.forEach(function (f, n) {
      var li = el("li", "fact k-" + f.kind + " rv-" + f.review + (n === state.selected ? " sel" : ""));
      li.setAttribute("data-n", String(n));
      var head = el("div", "head");
      head.appendChild(el("span", "text", f.text));
      head.appendChild(el("span", "badge " + f.review, f.review));
      li.appendChild(head);
      li.appendChild(el("div", "reading", reading(f)));
      var actions = el("div", "actions");
      [["accept", "a"], ["reject", "r"], ["edit", "e"]].forEach(function (pair) {
        var b = el("button", "act-" + pair[0], pair[0] + " (" + pair[1] + ")");
        b.type = "button";
        b.addEventListener("click", function (e) { e.stopPropagation(); selectFact(n); act(pair[0]); });
        actions.appendChild(b);
      });
      li.appendChild(actions);
      li.addEventListener("click", function () { selectFact(n); });
      list.appendChild(li);
    });
    var done = facts.filter(function (f) { return f.review !== "unreviewed" && f.review !== "stale"; }).length;
    $("fact-count").textContent = "(" + done + " of " + facts.length + " reviewed)";
  }

  function selectFact(n) {
    var facts = kindFacts();
    if (n < 0 || n >= facts.length) { state.selected = -1; return; }
    state.selected = n;
    document.querySelectorAll(".fact.sel, .seg.sel").forEach(function (e) { e.classList.remove("sel"); });
    var li = document.querySelector('.fact[data-n="' + n + '"]');
    if (li) { li.classList.add("sel"); li.scrollIntoView({ block: "nearest" }); }
    var first = null;
    document.querySelectorAll(".seg[data-f]").forEach(function (s) {
      if (s.getAttribute("data-f").split(" ").indexOf(String(n)) >= 0) { s.classList.add("sel"); first = first || s; }
    });
    if (first) { first.scrollIntoView({ block: "nearest" }); }
  }

  // -- verdicts ---------------------------------------------------------------------------------------
  // The page's copy of the fact is found again by its key: the document may have been
  // reloaded while the verdict was on its way.
  function send(verdict) {
    say("saving...");
    return api("/api/verdicts", verdict).then(function (data) {
      if (state.doc && state.doc.sha256 === verdict.sha256) {
        var at = state.facts.findIndex(function (f) {
          return f.kind === verdict.kind && f.start === verdict.start && f.end === verdict.end;
        });
        if (at >= 0 && data.fact) { state.facts[at] = data.fact; }
        else if (at >= 0) { state.facts.splice(at, 1); }
        else if (data.fact) {
          state.facts.push(data.fact);
          state.facts.sort(function (a, b) { return a.start - b.start || a.end - b.end; });
        }
      }
      showProgress(data.progress);
      say("saved: " + verdict.decision + " (review " + data.review_id + ")");
      var n = state.selected;
      render();
      selectFact(firstOpen(Math.max(n, 0), 1));
      refreshDocumentCounts();
    }).catch(function (e) { say(e.message, true); });
  }
  function refreshDocumentCounts() { return loadDocuments(state.page); }
  function keyOf(fact) {
    return { sha256: state.doc.sha256, kind: fact.kind, start: fact.start, end: fact.end };
  }
  function act(what) {
    var fact = kindFacts()[state.selected];
    if (!fact) { say("no fact selected", true); return; }
    if (what === "edit") { openEditor(fact, null); return; }
    var verdict = keyOf(fact);
    verdict.decision = what;
    send(verdict);
  }

  // -- the editor: correct a fact, or add a missing one -----------------------------------------------
  function openEditor(fact, span) {
    var kind = fact ? fact.kind : $("f-kind").value, form = $("editor"), grid = el("div", "grid");
    var fields = state.vocab.editable[kind];
    state.editing = { fact: fact, span: span, kind: kind };
    form.replaceChildren();
    form.appendChild(el("div", "card-title", fact ? "correct: " + fact.text : "add a missing " + kind + " fact: " +
      Array.from(state.doc.raw).slice(span[0], span[1]).join("")));
    fields.forEach(function (name) {
      var value = fact ? fact.fields[name] : null, input;
      if (name === "metric_key") {
        input = el("select"); input.appendChild(el("option", null, ""));
        state.vocab.metric_keys.forEach(function (k) { input.appendChild(el("option", null, k)); });
      } else if (state.vocab.choices[name]) {
        input = el("select"); input.appendChild(el("option", null, ""));
        state.vocab.choices[name].forEach(function (k) { input.appendChild(el("option", null, k)); });
      } else {
        input = el("input");
        if (name === "district") { input.setAttribute("list", "districts"); }
      }
      input.name = name; input.id = "edit-" + name;
      var shown = value === null || value === undefined ? "" : String(value);
      if (input.tagName === "SELECT" && !Array.from(input.options).some(function (o) { return o.value === shown; })) {
        input.appendChild(el("option", null, shown));  // a value from an older vocabulary stays as it is
      }
      input.value = shown;
      var label = el("label", null, name); label.htmlFor = input.id;
      grid.appendChild(label); grid.appendChild(input);
    });
    form.appendChild(grid);
    var note = el("input"); note.name = "note"; note.id = "edit-note"; note.placeholder = "note (optional)";
    var noteLabel = el("label", null, "note"); noteLabel.htmlFor = note.id;
    grid.appendChild(noteLabel); grid.appendChild(note);
    var buttons = el("div", "buttons"), save = el("button", null, "save (Enter)"), cancel = el("button", null, "cancel (Esc)");
    save.type = "submit"; cancel.type = "button";
    cancel.addEventListener("click", closeEditor);
    buttons.appendChild(save); buttons.appendChild(cancel);
    form.appendChild(buttons);
    form.hidden = false;
    var first = form.querySelector("input, select");
    if (first) { first.focus(); }
  }
  function closeEditor() { state.editing = null; $("editor").hidden = true; }
  $("editor").addEventListener("submit", function (e) {
    e.preventDefault();
    var ed = state.editing, fields = {}, note = $("edit-note").value;
    if (!ed) { return; }
    state.vocab.editable[ed.kind].forEach(function (name) {
      var input = $("edit-" + name), before = ed.fact ? ed.fact.fields[name] : null;
      var now = input.value.trim(), was = before === null || before === undefined ? "" : String(before);
      if (!ed.fact ? now !== "" : now !== was) { fields[name] = now === "" ? null : now; }
    });
    var verdict = ed.fact ? keyOf(ed.fact) : { sha256: state.doc.sha256, kind: ed.kind, start: ed.span[0], end: ed.span[1] };
    verdict.decision = ed.fact ? "correct" : "add";
    verdict.fields = fields;
    if (note) { verdict.note = note; }
    closeEditor();
    send(verdict);
  });

  // The selection's offsets in code points of the raw text (Python's str indices).
  function pointOffset(node, offset) {
    if (node.nodeType !== 3) {
      var child = node.childNodes[offset] || node.lastChild;
      var seg = child && (child.nodeType === 1 ? child : child.parentElement).closest("[data-s]");
      if (!seg) { return null; }
      return Number(seg.getAttribute("data-s")) + (node.childNodes[offset] ? 0 : Array.from(seg.textContent).length);
    }
    var host = node.parentElement.closest("[data-s]");
    return host ? Number(host.getAttribute("data-s")) + Array.from(node.data.slice(0, offset)).length : null;
  }
  function selectedSpan() {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    if (!$("doc-text").contains(range.commonAncestorContainer)) { return null; }
    var a = pointOffset(range.startContainer, range.startOffset), b = pointOffset(range.endContainer, range.endOffset);
    return a === null || b === null || b <= a ? null : [a, b];
  }
  function addMissing() {
    var span = selectedSpan();
    if (!span) { say("select the characters of the missing fact in the text first", true); return; }
    openEditor(null, span);
  }

  // -- keys and filters ------------------------------------------------------------------------------
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { closeEditor(); return; }
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var handled = true;
    switch (e.key) {
      case "j": selectFact(Math.min(state.selected + 1, kindFacts().length - 1)); break;
      case "k": selectFact(Math.max(state.selected - 1, 0)); break;
      case "a": act("accept"); break;
      case "r": act("reject"); break;
      case "e": act("edit"); break;
      case "m": addMissing(); break;
      case "n": stepDocument(1); break;
      case "p": stepDocument(-1); break;
      default: handled = false;
    }
    if (handled) { e.preventDefault(); }
  });
  ["f-kind", "f-show", "f-metric"].forEach(function (id) {
    $(id).addEventListener("change", function () { loadProgress(); loadDocuments(0, true); });
  });
  ["f-district", "f-doc"].forEach(function (id) {
    $(id).addEventListener("change", function () { loadDocuments(0, true); });
  });
  $("prev-page").addEventListener("click", function () { if (state.page > 0) { loadDocuments(state.page - 1, true); } });
  $("next-page").addEventListener("click", function () {
    if (state.page + 1 < state.pages) { loadDocuments(state.page + 1, true); }
  });

  api("/api/vocabulary").then(function (vocab) {
    state.vocab = vocab;
    var list = $("districts");
    vocab.districts.forEach(function (d) {
      var o = el("option"); o.value = d[0]; o.label = d[2] + " " + d[1]; list.appendChild(o);
    });
    vocab.metric_keys.forEach(function (k) { $("f-metric").appendChild(el("option", null, k)); });
    return Promise.all([loadProgress(), loadDocuments(0, true)]);
  }).catch(function (e) { say(e.message, true); });
}());
