/* The explorer's one script. The layout is drawn in Python; this only switches attributes and classes.
   Every text from the files is inserted with textContent, never as markup. */
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("din-data").textContent);
  const W = D.words;
  const nodes = D.nodes;
  const up = D.up;
  const down = {};
  for (const key of Object.keys(up)) {
    for (const target of up[key]) {
      (down[target] = down[target] || []).push(key);
    }
  }
  const FILTERS = ["programme", "level", "role", "phase", "owner", "area", "finding"];
  const views = new Map();
  for (const tpl of document.querySelectorAll("template[data-view]")) {
    views.set(tpl.getAttribute("data-view"), tpl);
  }
  const state = { view: null, node: null, one: false, fit: false, q: "", mode: "fade", f: {} };
  const decisions = new Map();
  const view = document.getElementById("view");
  const search = document.getElementById("search");
  let drawn = new Map();

  function word(code, n) {
    const text = Object.prototype.hasOwnProperty.call(W, code) ? W[code] : code.slice(code.lastIndexOf(".") + 1);
    return n === undefined ? text : text.replace("{n}", String(n));
  }

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (attrs) for (const name of Object.keys(attrs)) e.setAttribute(name, attrs[name]);
    return e;
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function programmeName(pid) {
    for (const p of D.programmes) if (p.id === pid) return p.name;
    return pid;
  }

  function kindWord(kind) {
    if (kind === "placeholder") return word("placeholder");
    return word(kind);
  }

  /* ---- traces: the same sets as din_graph.trace_up / trace_down ---- */

  function traceUp(start, one) {
    const seen = new Set();
    const stack = [start];
    while (stack.length) {
      const node = stack.pop();
      for (const next of up[node] || []) {
        if (next === start || seen.has(next)) continue;
        seen.add(next);
        if (!one) stack.push(next);
      }
    }
    return seen;
  }

  function servesWork(key, memo, path) {
    // True when key is an effort or placeholder, or something below it is (trace_down keeps only such paths).
    if (memo.has(key)) return memo.get(key);
    const kind = nodes[key] ? nodes[key].kind : "";
    let result = kind === "effort" || kind === "placeholder";
    if (!result) {
      path.add(key);
      for (const next of down[key] || []) {
        if (!path.has(next) && servesWork(next, memo, path)) result = true;
      }
      path.delete(key);
    }
    memo.set(key, result);
    return result;
  }

  function traceDown(start, one) {
    const memo = new Map();
    const seen = new Set();
    const stack = [start];
    while (stack.length) {
      const node = stack.pop();
      for (const next of down[node] || []) {
        if (next === start || seen.has(next)) continue;
        if (!servesWork(next, memo, new Set([start]))) continue;
        seen.add(next);
        if (!one) stack.push(next);
      }
    }
    return seen;
  }

  function trace(start, one) {
    const upSet = traceUp(start, one);
    const downSet = traceDown(start, one);
    const owners = new Set();
    for (const key of [start, ...downSet]) {
      if (D.owner[key]) owners.add(D.owner[key]);
    }
    return { up: upSet, down: downSet, owners: owners };
  }

  /* ---- views ---- */

  function indexDrawn() {
    drawn = new Map();
    for (const e of view.querySelectorAll("[data-node]")) {
      const key = e.getAttribute("data-node");
      if (!drawn.has(key)) drawn.set(key, []);
      drawn.get(key).push(e);
    }
  }

  const unpacked = new Map();
  let ready = Promise.resolve();
  let showing = 0;

  function unpack(tpl) {
    // A large portfolio's drawings are stored gzip-compressed; the browser inflates the one shown.
    const id = tpl.getAttribute("data-view");
    if (unpacked.has(id)) return Promise.resolve(unpacked.get(id));
    const bytes = Uint8Array.from(atob(tpl.content.textContent.trim()), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(function (text) {
      const svg = document.importNode(new DOMParser().parseFromString(text, "image/svg+xml").documentElement, true);
      unpacked.set(id, svg);
      return svg;
    });
  }

  function content(tpl) {
    if (!tpl) return Promise.resolve(el("p", word("explore.missing_drawing")));
    if (tpl.hasAttribute("data-packed")) return unpack(tpl).then((svg) => svg.cloneNode(true));
    return Promise.resolve(tpl.content.cloneNode(true));
  }

  function place(id, made) {
    view.replaceChildren(made);
    for (const b of document.querySelectorAll("#tabs button")) {
      if (b.dataset.view === id) b.setAttribute("aria-current", "page");
      else b.removeAttribute("aria-current");
    }
    indexDrawn();
    paint();
  }

  function showView(id) {
    if (!views.has(id)) id = firstView();
    state.view = id;
    const tpl = views.get(id);
    const mine = ++showing;
    if (tpl && !tpl.hasAttribute("data-packed")) {
      place(id, tpl.content.cloneNode(true));
      ready = Promise.resolve();
      return ready;
    }
    ready = content(tpl).then(function (made) {
      if (mine === showing) place(id, made);
    });
    return ready;
  }

  function firstView() {
    if (views.has("") && !D.large) return "";
    return D.programmes.length ? D.programmes[0].id : "";
  }

  function viewOf(key) {
    const node = nodes[key];
    if (!node) return state.view;
    if (drawn.has(key)) return state.view;
    return node.p;
  }

  /* ---- painting: selection, trace, filters, search marks ---- */

  function paint() {
    const t = state.node && nodes[state.node] ? trace(state.node, state.one) : null;
    if (view.classList.contains("tracing") !== Boolean(t)) view.classList.toggle("tracing", Boolean(t));
    if (view.classList.contains("fit") !== state.fit) view.classList.toggle("fit", state.fit);
    if (view.classList.contains("hiding") !== (state.mode === "hide")) view.classList.toggle("hiding", state.mode === "hide");
    const matches = state.q ? new Set(matchKeys(state.q)) : new Set();
    for (const [key, elements] of drawn) {
      let role = null;
      if (t) {
        if (key === state.node) role = "selected";
        else if (t.up.has(key)) role = "up";
        else if (t.down.has(key)) role = "down";
        else if (t.owners.has(key)) role = "owner";
      }
      const out = !passes(key);
      const related = role && role !== "selected" ? "true" : null;
      for (const e of elements) {
        // Only what changes is touched: every attribute write makes the browser restyle.
        setAttr(e, "aria-selected", role === "selected" ? "true" : null);
        setAttr(e, "data-related", related);
        setAttr(e, "data-trace", related ? role : null);
        setAttr(e, "data-match", matches.has(key) ? "true" : null);
        if (e.classList.contains("din-out") !== out) e.classList.toggle("din-out", out);
      }
    }
    details(t);
    writeHash();
  }

  function setAttr(e, name, value) {
    if (e.getAttribute(name) === value) return;
    if (value === null) e.removeAttribute(name);
    else e.setAttribute(name, value);
  }

  function passes(key) {
    const node = nodes[key];
    if (!node) return true;
    const f = state.f;
    const work = node.kind === "effort" || node.kind === "placeholder";
    if (f.programme && node.p !== f.programme) return false;
    if (f.level) {
      const level = node.kind === "placeholder" ? "effort" : node.kind;
      if (level !== f.level) return false;
    }
    if (f.finding && !(node.findings || []).some((x) => x.code === f.finding)) return false;
    if (!work) return true;
    if (f.role && node.role !== f.role) return false;
    if (f.phase && node.phase !== f.phase) return false;
    if (f.owner && node.owner_name !== f.owner) return false;
    if (f.area && !(node.area_lens || []).includes(f.area)) return false;
    return true;
  }

  /* ---- selection ---- */

  function select(key, scroll) {
    if (key && !nodes[key]) key = null;
    state.node = key;
    if (key) {
      const target = viewOf(key);
      const shown = target !== state.view ? showView(target) : (paint(), Promise.resolve());
      shown.then(function () {
        if (scroll && drawn.has(key)) drawn.get(key)[0].scrollIntoView({ block: "center", inline: "center" });
      });
    } else {
      paint();
    }
  }

  view.addEventListener("click", function (event) {
    const target = event.target.closest("[data-node]");
    if (event.target.closest("a")) event.preventDefault();
    if (!target) return;
    select(target.getAttribute("data-node") === state.node ? null : target.getAttribute("data-node"), false);
  });
  view.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    const target = event.target.closest("[data-node]");
    if (!target) return;
    event.preventDefault();
    select(target.getAttribute("data-node"), false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      state.node = null;
      paint();
    }
  });

  /* ---- details panel ---- */

  function nodeButton(key) {
    const node = nodes[key];
    const label = node ? node.id + "  " + node.title : key;
    // A span, not a <button>: a button's text wraps as a block and pushes the list bullet to its last line.
    const b = el("span", label, { role: "button", tabindex: "0", class: "jump" });
    b.addEventListener("click", function () {
      select(key, true);
    });
    b.addEventListener("keydown", function (event) {
      if (event.key === "Enter") select(key, true);
    });
    return b;
  }

  function field(dl, code, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", word("explore.field." + code)));
    if (value instanceof Node) {
      const dd = el("dd");
      dd.appendChild(value);
      dl.appendChild(dd);
    } else {
      dl.appendChild(el("dd", Array.isArray(value) ? value.join(", ") : value));
    }
  }

  function list(items, make) {
    const ul = el("ul");
    for (const item of items) {
      const li = el("li");
      const made = make(item);
      if (made instanceof Node) li.appendChild(made);
      else li.textContent = made;
      ul.appendChild(li);
    }
    return ul;
  }

  function indicatorText(i) {
    const parts = [i.name + (i.unit ? " (" + i.unit + ")" : "")];
    if (i.baseline) parts.push(word("baseline") + " " + i.baseline);
    if (i.targets.length) parts.push(word("target") + " " + i.targets.map((x) => x[0] + ": " + x[1]).join(", "));
    if (i.actuals.length) parts.push(word("actual") + " " + i.actuals.map((x) => x[0] + ": " + x[1]).join(", "));
    if (i.status) parts.push("● " + word("status." + i.status));
    return parts.join(" — ");
  }

  function details(t) {
    const body = document.getElementById("details-body");
    body.replaceChildren();
    const key = state.node;
    const node = key ? nodes[key] : null;
    if (!node) {
      body.appendChild(el("p", word("explore.nothing")));
      return;
    }
    body.appendChild(el("p", node.id + "  " + node.title, { class: "title" }));
    const dl = el("dl");
    field(dl, "level", kindWord(node.kind));
    field(dl, "programme", programmeName(node.p));
    field(dl, "description", node.description);
    field(dl, "criteria", node.criteria ? list(node.criteria, (c) => c) : null);
    if (node.role) field(dl, "role", word("role." + node.role));
    if (node.effort_kind) field(dl, "kind", word("kind." + node.effort_kind));
    if (node.phase) field(dl, "phase", word("phase." + node.phase));
    field(dl, "status", node.status);
    field(dl, "owner", node.owner_name);
    field(dl, "partners", node.partners);
    field(dl, "areas", node.areas);
    field(dl, "budget", (node.budget || []).map((x) => x[0] + ": € " + Number(x[1]).toLocaleString(D.lang)));
    field(dl, "hours", node.hours);
    field(dl, "planning", node.planning);
    field(dl, "indicators", node.indicators && node.indicators.length ? list(node.indicators, indicatorText) : null);
    if (node.progress) field(dl, "progress", "● " + word("status." + node.progress));
    field(dl, "findings", node.findings ? list(node.findings, (f) => f.message) : null);
    field(dl, "source", node.source);
    field(dl, "note", node.note);
    const partners = D.pairs.filter((p) => p.a === key || p.b === key);
    field(
      dl,
      "overlaps",
      partners.length
        ? list(partners, function (p) {
            const span = el("span");
            span.appendChild(nodeButton(p.a === key ? p.b : p.a));
            span.appendChild(el("div", evidenceText(p), { class: "why" }));
            return span;
          })
        : null
    );
    body.appendChild(dl);
    if (t) {
      for (const [code, set] of [["up", t.up], ["down", t.down], ["owner", t.owners]]) {
        if (!set.size) continue;
        body.appendChild(el("h3", word("explore.trace." + code)));
        body.appendChild(
          list([...set], function (k) {
            const span = el("span");
            span.appendChild(nodeButton(k));
            if (nodes[k] && nodes[k].p !== node.p) span.appendChild(el("em", " (" + word("explore.trace.elsewhere") + ": " + programmeName(nodes[k].p) + ")"));
            return span;
          })
        );
      }
    }
  }

  function evidenceText(p) {
    const parts = [];
    if (p.band) parts.push(word("overlap.band." + p.band));
    parts.push(p.score.toFixed(2));
    // The reason sentence already names every piece of evidence (words, subjects, owner,
    // area, ...): listing the evidence beside it said each thing twice.
    if (p.reason) parts.push(p.reason);
    else {
      for (const e of p.evidence) {
        if (e.shared.length) parts.push(word("overlap.signal." + e.signal) + ": " + e.shared.join(", "));
      }
    }
    return parts.join(" · ");
  }

  /* ---- search ---- */

  function matchKeys(query) {
    const q = fold(query).trim();
    if (!q) return [];
    const out = [];
    for (const key of Object.keys(nodes)) {
      const node = nodes[key];
      if (fold(node.title).includes(q) || fold(node.id) === q) out.push(key);
    }
    return out;
  }

  function runSearch() {
    state.q = search.value;
    const section = document.getElementById("results");
    const ol = document.getElementById("results-list");
    ol.replaceChildren();
    const keys = matchKeys(state.q);
    section.hidden = !state.q.trim();
    document.getElementById("results-head").textContent = keys.length
      ? word("explore.matches", keys.length)
      : word("explore.no_matches");
    for (const key of keys.slice(0, 200)) {
      const li = el("li");
      li.appendChild(nodeButton(key));
      li.appendChild(el("span", " — " + programmeName(nodes[key].p)));
      ol.appendChild(li);
    }
    paint();
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      const keys = matchKeys(search.value);
      if (keys.length) select(keys[0], true);
    }
  });

  /* ---- filters ---- */

  function filterOptions(name) {
    const seen = new Map();
    for (const key of Object.keys(nodes)) {
      const n = nodes[key];
      if (name === "programme") seen.set(n.p, programmeName(n.p));
      else if (name === "level") seen.set(n.kind === "placeholder" ? "effort" : n.kind, kindWord(n.kind === "placeholder" ? "effort" : n.kind));
      else if (name === "role" && n.role) seen.set(n.role, word("role." + n.role));
      else if (name === "phase" && n.phase) seen.set(n.phase, word("phase." + n.phase));
      else if (name === "owner" && n.owner_name) seen.set(n.owner_name, n.owner_name);
      else if (name === "area") for (const a of n.area_lens || []) seen.set(a, D.areas[a] || a);
      else if (name === "finding") for (const f of n.findings || []) seen.set(f.code, f.code);
    }
    return [...seen.entries()].sort((x, y) => (name === "level" ? 0 : x[1].localeCompare(y[1])));
  }

  function buildFilters() {
    const box = document.getElementById("filters");
    for (const name of FILTERS) {
      const options = filterOptions(name);
      if (options.length < 2 && name !== "finding") continue;
      const label = el("label", word("explore.filter." + name) + " ");
      const s = el("select", null, { "data-filter": name });
      s.appendChild(el("option", word("explore.all"), { value: "" }));
      for (const [value, text] of options) s.appendChild(el("option", text, { value: value }));
      s.addEventListener("change", function () {
        if (s.value) state.f[name] = s.value;
        else delete state.f[name];
        paint();
      });
      label.appendChild(s);
      box.appendChild(label);
    }
    const mode = el("select", null, { id: "mode" });
    mode.appendChild(el("option", word("explore.fade"), { value: "fade" }));
    mode.appendChild(el("option", word("explore.hide"), { value: "hide" }));
    mode.addEventListener("change", function () {
      state.mode = mode.value;
      paint();
    });
    box.appendChild(mode);
  }

  /* ---- the URL's hash holds the view ---- */

  let writing = false;
  function writeHash() {
    const params = new URLSearchParams();
    if (state.view !== null) params.set("v", state.view);
    if (state.node) params.set("n", state.node);
    if (state.one) params.set("one", "1");
    if (state.q) params.set("q", state.q);
    if (state.mode !== "fade") params.set("mode", state.mode);
    if (state.fit) params.set("fit", "1");
    for (const name of FILTERS) if (state.f[name]) params.set(name, state.f[name]);
    const hash = "#" + params.toString();
    if (location.hash === hash) return;
    writing = true;
    try {
      history.replaceState(null, "", hash);
    } catch (err) {
      location.hash = hash;
    }
    writing = false;
  }

  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.one = params.get("one") === "1";
    state.q = params.get("q") || "";
    state.mode = params.get("mode") === "hide" ? "hide" : "fade";
    state.fit = params.get("fit") === "1";
    document.getElementById("fit").checked = state.fit;
    state.f = {};
    for (const name of FILTERS) if (params.get(name)) state.f[name] = params.get(name);
    const node = params.get("n");
    state.node = node && nodes[node] ? node : null;
    document.getElementById("one").checked = state.one;
    document.getElementById("mode").value = state.mode;
    search.value = state.q;
    for (const s of document.querySelectorAll("select[data-filter]")) s.value = state.f[s.dataset.filter] || "";
    const v = params.get("v");
    const shown = showView(v !== null && views.has(v) ? v : state.node ? nodes[state.node].p : firstView());
    if (state.q) shown.then(runSearch);
  }
  window.addEventListener("hashchange", function () {
    if (!writing) readHash();
  });

  /* ---- overlap review ---- */

  function pairKey(a, b) {
    return a < b ? a + "\n" + b : b + "\n" + a;
  }

  function buildPairs() {
    const ol = document.getElementById("pairs");
    for (const entry of D.review) decisions.set(pairKey(entry.a, entry.b), entry);
    if (!D.pairs.length) ol.appendChild(el("li", word("explore.no_overlap")));
    for (const p of D.pairs) {
      const li = el("li", null, { "data-pair": pairKey(p.a, p.b) });
      const known = decisions.get(pairKey(p.a, p.b));
      if (p.review || known) li.setAttribute("data-decision", known ? known.decision : p.review);
      li.appendChild(el("div", "#" + p.rank + " · " + evidenceText(p), { class: "why" }));
      const side = el("div", null, { class: "side" });
      for (const key of [p.a, p.b]) {
        const cell = el("div");
        const b = nodeButton(key);
        b.classList.add("node");
        cell.appendChild(b);
        cell.appendChild(el("div", programmeName(nodes[key] ? nodes[key].p : key.split("/")[0]), { class: "why" }));
        side.appendChild(cell);
      }
      li.appendChild(side);
      for (const [decision, code] of [["confirmed", "explore.confirm"], ["dismissed", "explore.dismiss"], ["", "explore.undo"]]) {
        const b = el("button", word(code), { type: "button", "data-decide": decision });
        b.addEventListener("click", function () {
          decide(p.a, p.b, decision);
        });
        li.appendChild(b);
      }
      ol.appendChild(li);
    }
    if (D.more_pairs) document.getElementById("pairs-more").textContent = word("explore.more_pairs", D.more_pairs);
    const rel = document.getElementById("relations");
    if (!D.relations.length) document.getElementById("relations-head").hidden = true;
    for (const r of D.relations) {
      rel.appendChild(
        el("li", programmeName(r.programme) + " → " + (r.target ? programmeName(r.target) : r.named) + (r.topics.length ? " (" + r.topics.join(", ") + ")" : ""))
      );
    }
  }

  function decide(a, b, decision) {
    const key = pairKey(a, b);
    if (decision) decisions.set(key, { a: a, b: b, decision: decision, note: (decisions.get(key) || {}).note || "" });
    else decisions.delete(key);
    for (const li of document.querySelectorAll("#pairs li[data-pair]")) {
      if (li.getAttribute("data-pair") !== key) continue;
      if (decision) li.setAttribute("data-decision", decision);
      else li.removeAttribute("data-decision");
    }
  }

  function quoted(text) {
    // A JSON string is a YAML double-quoted scalar: every character survives as written.
    return JSON.stringify(String(text));
  }

  function reviewText() {
    const lines = ["# " + word("explore.review") + " — din explore; din overlap --review <dit bestand>", "pairs:"];
    const entries = [...decisions.values()].sort((x, y) => pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)));
    if (!entries.length) return lines[0] + "\npairs: []\n";
    for (const e of entries) {
      lines.push("  - a: " + quoted(e.a));
      lines.push("    b: " + quoted(e.b));
      lines.push("    decision: " + e.decision);
      if (e.note) lines.push("    note: " + quoted(e.note));
    }
    return lines.join("\n") + "\n";
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = el("a", null, { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  document.getElementById("download-review").addEventListener("click", function () {
    download("overlap-review.yaml", new Blob([reviewText()], { type: "text/yaml" }));
  });

  /* ---- saving and printing the view ---- */

  function currentSvg() {
    const svg = view.querySelector("svg");
    return svg ? new XMLSerializer().serializeToString(svg) : null;
  }
  function fileName(ext) {
    return (state.view || "portfolio").replace(/[^A-Za-z0-9_.-]+/g, "-") + ext;
  }
  document.getElementById("save-svg").addEventListener("click", function () {
    const text = currentSvg();
    if (text) download(fileName(".svg"), new Blob([text], { type: "image/svg+xml" }));
  });
  document.getElementById("save-png").addEventListener("click", function () {
    const svg = view.querySelector("svg");
    const text = currentSvg();
    if (!svg || !text) return;
    const box = svg.getBBox();
    const width = Math.ceil(svg.width.baseVal.value || box.width);
    const height = Math.ceil(svg.height.baseVal.value || box.height);
    const img = new Image();
    img.onload = function () {
      const canvas = el("canvas", null, { width: String(width * 2), height: String(height * 2) });
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) {
        if (blob) download(fileName(".png"), blob);
      });
    };
    img.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(text)));
  });
  document.getElementById("print").addEventListener("click", function () {
    window.print();
  });

  /* ---- start ---- */

  function buildTabs() {
    const tabs = document.getElementById("tabs");
    const entries = [];
    if (views.has("")) entries.push(["", word("explore.portfolio")]);
    for (const p of D.programmes) entries.push([p.id, p.name]);
    if (entries.length < 2) return;
    for (const [id, name] of entries) {
      const b = el("button", name, { type: "button", "data-view": id });
      b.addEventListener("click", function () {
        showView(id);
      });
      tabs.appendChild(b);
    }
  }

  function buildLegend() {
    const ul = document.getElementById("legend-list");
    for (const [cls, code] of [["sel", "explore.selected"], ["up", "explore.trace.up"], ["down", "explore.trace.down"], ["owner", "explore.trace.owner"], ["match", "explore.match"], ["faded", "explore.faded"]]) {
      const li = el("li");
      li.appendChild(el("span", null, { class: "chip " + cls }));
      li.appendChild(el("span", word(code)));
      ul.appendChild(li);
    }
    for (const [phase, colour] of Object.entries(D.phase_colours || {})) {
      const li = el("li");
      const chip = el("span", null, { class: "chip" });
      chip.style.background = colour;
      li.appendChild(chip);
      li.appendChild(el("span", word("explore.field.phase") + ": " + word("phase." + phase)));
      ul.appendChild(li);
    }
    for (const [role, colour] of Object.entries(D.role_colours || {})) {
      const li = el("li");
      const chip = el("span", null, { class: "chip" });
      chip.style.background = colour;
      li.appendChild(chip);
      li.appendChild(el("span", word("short." + role) + " = " + word("role." + role)));
      ul.appendChild(li);
    }
    for (const [mark, colour] of Object.entries(D.mark_colours || {})) {
      const li = el("li");
      const chip = el("span", null, { class: "chip" });
      chip.style.border = "3px solid " + colour;
      li.appendChild(chip);
      li.appendChild(el("span", word(mark + ".legend")));
      ul.appendChild(li);
    }
  }

  for (const e of document.querySelectorAll("[data-word]")) e.textContent = word(e.getAttribute("data-word"));
  document.getElementById("title").textContent = word("explore.title") + ": " + D.title;
  search.placeholder = word("explore.search");
  search.setAttribute("aria-label", word("explore.search"));
  if (D.large) {
    const notice = document.getElementById("notice");
    notice.textContent = word("explore.large", D.efforts);
    notice.hidden = false;
  }
  document.getElementById("one").addEventListener("change", function (event) {
    state.one = event.target.checked;
    paint();
  });
  document.getElementById("fit").addEventListener("change", function (event) {
    state.fit = event.target.checked;
    paint();
  });
  document.getElementById("clear").addEventListener("click", function () {
    state.node = null;
    paint();
  });
  buildTabs();
  buildFilters();
  buildLegend();
  buildPairs();
  readHash();
  window.dinExplorer = {
    reviewText: reviewText,
    decide: decide,
    select: select,
    trace: function (key, one) {
      const t = trace(key, Boolean(one));
      return { up: [...t.up], down: [...t.down], owners: [...t.owners] };
    },
    state: state,
    ready: function () {
      return ready;
    },
  };
})();
