/* The network explorer: every view (filtered network, ego network, path, centrality, coverage
   map, comparison of two days) goes through one function, showView, which fetches the view,
   lays it out off the main thread, draws it in one step, fits it and says what it shows; a
   later request always wins over an earlier one still under way.
   Everything the page needs comes from data-* attributes of #network (no inline script). */
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box || typeof cytoscape === "undefined") { return; }
  var D = box.dataset;
  var T = JSON.parse(D.texts || "{}");
  var COLOURS = JSON.parse(D.colours || "{}");
  var SHAPES = JSON.parse(D.shapes || "{}");
  var CHANGE = JSON.parse(D.changeColours || "{}");
  var LANG = document.documentElement.lang || "de";
  var READ_ONLY = D.readOnly === "true";
  var SIZES = { actor: 16, offer: 10, working_group: 20, district: 24, topic: 18 };
  /* Force layouts pack nodes for their own sizes; spreading the result keeps the nodes small
     beside the gaps between them once the picture is fitted to the screen. */
  var SPREAD = 1.6;
  var TYPE_ORDER = ["actor", "offer", "working_group", "district", "topic"];
  var TYPE_NAMES = {};
  document.querySelectorAll("#legend li").forEach(function (li, i) { if (TYPE_ORDER[i]) { TYPE_NAMES[TYPE_ORDER[i]] = li.textContent.trim(); } });

  var statusLine = document.getElementById("network-status");
  var details = document.getElementById("details");
  var answer = document.getElementById("answer");
  var info = document.getElementById("info");
  var stage = document.getElementById("stage");
  var panel = document.getElementById("side-panel");
  var tableView = document.getElementById("table-view");
  var body = document.body;

  var ctx = { filters: JSON.parse(D.filters || "{}"), asOf: D.asOf, groupBy: D.groupBy || "" };
  var current = null;   /* {kind, params, view} of what is drawn */
  var base = null;      /* the filtered view with its positions, for "back to the whole view" */
  var presenting = false;
  var ticket = 0;

  /* Main-thread stalls, for the speed test and docs/performance.md. */
  window.networkLongTasks = [];
  if (window.PerformanceObserver) {
    try {
      new PerformanceObserver(function (list) {
        list.getEntries().forEach(function (e) { window.networkLongTasks.push({ start: e.startTime, duration: e.duration }); });
      }).observe({ type: "longtask", buffered: true });
    } catch (e) { /* long tasks are not observable in this browser */ }
  }

  function say(text) { statusLine.textContent = text; }
  function fill(template, values) {
    return String(template || "").replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; });
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }
  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      (Array.isArray(v) ? v : [v]).forEach(function (item) {
        if (item !== undefined && item !== null && item !== "") { parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(item)); }
      });
    });
    return parts.join("&");
  }
  function dayText(iso) {
    if (!iso) { return ""; }
    try {
      return new Intl.DateTimeFormat(LANG, { day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(iso + "T12:00:00"));
    } catch (e) { return iso; }
  }
  function filterParams() {
    var out = {};
    Object.keys(ctx.filters).forEach(function (k) { if (ctx.filters[k] && ctx.filters[k].length) { out[k] = ctx.filters[k]; } });
    return out;
  }
  function filterSummary() {
    var parts = [];
    document.querySelectorAll("#filter-form select[multiple]").forEach(function (select) {
      var chosen = Array.prototype.filter.call(select.options, function (o) { return o.selected; }).map(function (o) { return o.textContent; });
      if (chosen.length) { parts.push(document.querySelector("label[for='" + select.id + "']").textContent + ": " + chosen.join(", ")); }
    });
    return parts.join("; ");
  }

  /* --- drawing --------------------------------------------------------------------------- */

  /* Width of the white outline around a label, in model units like every Cytoscape style. */
  var OUTLINE = { normal: 2, present: 4 };

  var cy = cytoscape({
    container: box,
    minZoom: 0.03,
    maxZoom: 6,
    autoungrabify: READ_ONLY,
    style: [
      { selector: "node", style: {
        "background-color": "#777", "shape": "ellipse",
        "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": "data(fs)", "text-valign": "bottom", "text-margin-y": 2,
        "color": "#111820", "text-outline-color": "#fff", "text-outline-width": OUTLINE.normal, "text-outline-opacity": 1,
        "min-zoomed-font-size": 5 } }
    ].concat(Object.keys(COLOURS).map(function (type) {
      /* Plain selector styles (no style functions): Cytoscape can cache them, which keeps the
         first render of a few hundred nodes short. */
      return { selector: "node[type = '" + type + "']", style: { "background-color": COLOURS[type], "shape": SHAPES[type] || "ellipse" } };
    })).concat([
      { selector: "node.nolabel", style: { "label": "" } },
      { selector: "node[type = 'compound']", style: {
        "shape": "round-rectangle", "background-color": "#f1f4f7", "background-opacity": 1,
        "border-width": 1.5, "border-color": "#8a96a3", "padding": 14,
        "label": "data(label)", "text-valign": "top", "text-halign": "center", "text-margin-y": -4,
        "font-size": "data(fs)", "font-weight": "bold", "color": "#2b3540" } },
      { selector: "edge", style: {
        "width": 1, "line-color": "#b4bfca", "curve-style": "haystack", "haystack-radius": 0, "opacity": 0.85 } },
      { selector: "edge[type = 'cooperates_with']", style: { "line-color": COLOURS.actor, "line-style": "dashed", "curve-style": "straight" } },
      { selector: "edge[type = 'member_of'], edge[type = 'organised_by']", style: { "line-color": "#6fae84" } },
      /* Presentation mode: a thick white halo around every label and darker, wider edges,
         before the marks below so a change or a search hit still shows. */
      { selector: "node.present", style: { "text-outline-width": OUTLINE.present } },
      { selector: "edge.present", style: { "width": 1.8, "line-color": "#7d8a97", "opacity": 1 } },
      { selector: "edge.present[type = 'cooperates_with']", style: { "line-color": COLOURS.actor } },
      { selector: "edge[type = 'coverage']", style: {
        "curve-style": "straight", "line-color": "#4f7fae", "width": "data(weight)", "opacity": 0.7,
        "label": "data(count)", "font-size": "data(fs)", "text-background-color": "#fff",
        "text-background-opacity": 1, "text-background-padding": 2, "color": "#111820" } },
      { selector: "node.change-new", style: { "border-width": 5, "border-color": CHANGE["new"] || "#0a7d2c", "border-style": "solid" } },
      { selector: "node.change-ended", style: { "border-width": 4, "border-color": CHANGE.ended || "#b00020", "border-style": "dashed", "background-opacity": 0.45 } },
      { selector: "edge.change-new", style: { "line-color": CHANGE["new"] || "#0a7d2c", "width": 3, "opacity": 1, "curve-style": "straight" } },
      { selector: "edge.change-ended", style: { "line-color": CHANGE.ended || "#b00020", "width": 3, "line-style": "dashed", "opacity": 1, "curve-style": "straight" } },
      { selector: "node.center", style: { "border-width": 5, "border-color": "#111820" } },
      { selector: ".faded", style: { "opacity": 0.12 } },
      { selector: "node.hit", style: { "border-width": 6, "border-color": "#f0b400", "z-index": 10, "label": "data(label)" } },
      { selector: "edge.hit", style: { "width": 4, "line-color": "#111820", "opacity": 1, "z-index": 10, "curve-style": "straight" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#005a8c" } }
    ])
  });
  window.networkCy = cy;

  /* Importance of a node in the view: its links, or its centrality score where the view has one. */
  function importance(view) {
    var degree = {};
    view.nodes.forEach(function (n) { degree[n.id] = 0; });
    view.edges.forEach(function (e) {
      if (e.source in degree) { degree[e.source] += 1; }
      if (e.target in degree) { degree[e.target] += 1; }
    });
    var max = 1;
    Object.keys(degree).forEach(function (k) { max = Math.max(max, degree[k]); });
    var topScore = view.nodes.reduce(function (m, n) { return Math.max(m, n.score || 0); }, 0) || 1;
    var out = {};
    view.nodes.forEach(function (n) {
      var imp = Math.log(1 + degree[n.id]) / Math.log(1 + max);
      if (n.score !== undefined) { imp = Math.max(imp * 0.3, Math.sqrt(n.score / topScore)); }
      out[n.id] = { imp: imp, degree: degree[n.id] };
    });
    return out;
  }

  function labelPx(imp) { return presenting ? 16 + 16 * imp : 9 + 8 * imp; }

  /* Width of a label at font size 1, measured as Cytoscape draws it (its default font). */
  var measure = document.createElement("canvas").getContext("2d");
  var widths = {};
  function textWidth(text) {
    if (!(text in widths)) {
      measure.font = "100px Helvetica Neue, Helvetica, sans-serif";
      widths[text] = measure.measureText(text).width / 100;
    }
    return widths[text];
  }

  /* Labels by importance and zoom: a label is shown unless it would overlap the label of a
     more important node; font sizes hold their size on the screen, so zooming in makes room
     and shows more labels. Runs on model coordinates, before a frame is drawn. */
  function cullLabels(zoom) {
    zoom = zoom || cy.zoom() || 1;
    var nodes = cy.nodes().filter(function (n) { return n.data("type") !== "compound"; }).toArray();
    nodes.sort(function (a, b) {
      var pa = (a.hasClass("center") || a.data("change") ? 2 : 0) + a.data("imp");
      var pb = (b.hasClass("center") || b.data("change") ? 2 : 0) + b.data("imp");
      return pb - pa;
    });
    var cell = 80 / zoom;
    var grid = {};
    var boxes = [];
    var hide = [], show = [];
    /* The box Cytoscape gives a label (its boundingBox with labels), in model units: the text
       one font size high, 2 below the node (text-margin-y), widened on every side by the
       outline and Cytoscape's own 2 units of margin; plus a pixel of air, and 6 % on the
       width because measured and drawn text differ by a little. The outline is a model
       length, so at a zoom above 1 it covers more pixels than its number. */
    var pad = (presenting ? OUTLINE.present : OUTLINE.normal) + 2 + 1 / zoom;
    nodes.forEach(function (n) {
      var fs = labelPx(n.data("imp")) / zoom;
      var p = n.position();
      var w = textWidth(String(n.data("label") || "")) * fs * 1.06 + 2 * pad, h = fs + 2 * pad;
      var top = p.y + n.data("size") / 2 + 2 - pad;
      var b = { x1: p.x - w / 2, x2: p.x + w / 2, y1: top, y2: top + h };
      var clash = false;
      var keys = [];
      for (var gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell) && !clash; gx++) {
        for (var gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell) && !clash; gy++) {
          var key = gx + "," + gy;
          keys.push(key);
          (grid[key] || []).forEach(function (i) {
            var o = boxes[i];
            if (b.x1 < o.x2 && b.x2 > o.x1 && b.y1 < o.y2 && b.y2 > o.y1) { clash = true; }
          });
        }
      }
      n.data("fs", fs);
      if (clash) { hide.push(n); return; }
      boxes.push(b);
      keys.forEach(function (key) { (grid[key] = grid[key] || []).push(boxes.length - 1); });
      show.push(n);
    });
    cy.nodes("[type = 'compound']").forEach(function (n) { n.data("fs", (presenting ? 22 : 13) / zoom); });
    cy.edges("[type = 'coverage']").forEach(function (e) { e.data("fs", (presenting ? 20 : 12) / zoom); });
    show.forEach(function (n) { n.removeClass("nolabel"); });
    hide.forEach(function (n) { n.addClass("nolabel"); });
    cullLabels.zoom = zoom;
  }

  /* The viewport that fits these positions into the stage, found from the positions alone,
     before anything is drawn (Cytoscape's own fit measures every element with its label). */
  function viewportFor(positions, ids, margin) {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    ids.forEach(function (id) {
      var p = positions[id];
      if (!p) { return; }
      x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y);
    });
    if (!isFinite(x1)) { return { zoom: 1, pan: { x: box.clientWidth / 2, y: box.clientHeight / 2 } }; }
    var pad = fitPadding() + 24;
    var w = Math.max(box.clientWidth - 2 * pad, 50), h = Math.max(box.clientHeight - 2 * pad, 50);
    var zoom = Math.min(Math.max(Math.min(w / (x2 - x1 + 2 * margin), h / (y2 - y1 + 2 * margin)), cy.minZoom()), 3.5);
    return { zoom: zoom, pan: { x: box.clientWidth / 2 - zoom * (x1 + x2) / 2, y: box.clientHeight / 2 - zoom * (y1 + y2) / 2 } };
  }
  function fitPadding() {
    var legend = document.getElementById("legend");
    return Math.max(presenting ? 50 : 30, (legend ? legend.offsetHeight : 0) + 12);
  }
  function fit(animate) {
    var eles = cy.elements();
    if (eles.empty()) { return; }
    if (animate) { cy.animate({ fit: { eles: eles, padding: fitPadding() } }, { duration: 250 }); } else { cy.fit(eles, fitPadding()); }
  }

  /* No two nodes on one point: a node that lands on another is moved a little aside. */
  function spread(positions) {
    var taken = {};
    Object.keys(positions).forEach(function (id) {
      var p = positions[id];
      var k = 0;
      var key = Math.round(p.x) + "," + Math.round(p.y);
      while (taken[key]) {
        k += 1;
        p = { x: positions[id].x + 12 * Math.cos(k * 2.4) * Math.sqrt(k), y: positions[id].y + 12 * Math.sin(k * 2.4) * Math.sqrt(k) };
        key = Math.round(p.x) + "," + Math.round(p.y);
      }
      taken[key] = true;
      positions[id] = p;
    });
    return positions;
  }

  function elementsOf(view, positions, zoom) {
    var weights = importance(view);
    var maxCount = view.edges.reduce(function (m, e) { return Math.max(m, e.count || 0); }, 1);
    var out = (view.compounds || []).map(function (c) {
      return { group: "nodes", data: { id: c.id, type: "compound", label: c.label, name: c.label, fs: 13 / zoom, imp: 1, size: 10 } };
    });
    view.nodes.forEach(function (n) {
      var w = weights[n.id];
      var text = String(n.label || "");
      var data = Object.assign({}, n, {
        name: text,
        label: text.length > 32 ? text.slice(0, 31) + "…" : text,
        imp: w.imp,
        degree: w.degree,
        size: (SIZES[n.type] || 18) * (0.75 + 0.9 * w.imp),
        fs: labelPx(w.imp) / zoom
      });
      var classes = (n.change ? "change-" + n.change : "") + (presenting ? " present" : "");
      out.push({ group: "nodes", data: data, position: positions[n.id] ? { x: positions[n.id].x, y: positions[n.id].y } : undefined, classes: classes });
    });
    view.edges.forEach(function (e) {
      var data = Object.assign({}, e);
      if (e.type === "coverage") { data.weight = 2 + 10 * (e.count / maxCount); data.fs = 12 / zoom; }
      out.push({ group: "edges", data: data, classes: (e.change ? "change-" + e.change : "") + (presenting ? " present" : "") });
    });
    return out;
  }

  /* --- layout off the main thread -------------------------------------------------------- */

  var worker = null, jobs = {}, jobCount = 0;
  function startWorker() {
    if (worker || !window.Worker || !D.workerUrl) { return worker; }
    try {
      worker = new Worker(D.workerUrl);
      worker.onmessage = function (event) {
        var job = jobs[event.data.id];
        if (!job) { return; }
        delete jobs[event.data.id];
        if (event.data.error) { job.reject(new Error(event.data.error)); } else { job.resolve(event.data); }
      };
      worker.onerror = function () {
        Object.keys(jobs).forEach(function (id) { jobs[id].reject(new Error("worker")); delete jobs[id]; });
        worker = null;
      };
      worker.postMessage({ warm: true });
    } catch (e) { worker = null; }
    return worker;
  }

  function layoutInWorker(view, given) {
    var w = startWorker();
    var fixed = given ? scaled(given, 1 / SPREAD) : null;
    var elements = (view.compounds || []).map(function (c) { return { group: "nodes", data: { id: c.id } }; });
    view.nodes.forEach(function (n) {
      var data = { id: n.id, size: SIZES[n.type] || 18 };
      if (n.parent) { data.parent = n.parent; }
      elements.push({ group: "nodes", data: data });
    });
    view.edges.forEach(function (e) { elements.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target, type: e.type } }); });
    if (!w) { return layoutHere(elements, fixed).then(function (p) { return scaled(p, SPREAD); }); }
    return new Promise(function (resolve, reject) {
      jobCount += 1;
      jobs[jobCount] = { resolve: resolve, reject: reject };
      w.postMessage({ id: jobCount, elements: elements, fixed: fixed || null });
    }).then(function (result) {
      body.dataset.workerMs = String(Math.round(result.ms));
      body.dataset.layoutName = result.name;
      return scaled(result.positions, SPREAD);
    }, function () { return layoutHere(elements, fixed).then(function (p) { return scaled(p, SPREAD); }); });
  }

  function scaled(positions, factor) {
    var out = {};
    Object.keys(positions).forEach(function (id) { out[id] = { x: positions[id].x * factor, y: positions[id].y * factor }; });
    return out;
  }

  /* Without a worker: Cytoscape's own force layout in a hidden instance. */
  function layoutHere(elements, fixed) {
    var scratch = cytoscape({ headless: true, styleEnabled: true, elements: elements,
      style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }] });
    scratch.layout({ name: "cose", animate: false, randomize: true, numIter: 600 }).run();
    var positions = {};
    scratch.nodes().forEach(function (n) { if (n.isChildless()) { positions[n.id()] = fixed && fixed[n.id()] ? fixed[n.id()] : n.position(); } });
    scratch.destroy();
    return Promise.resolve(positions);
  }

  /* Paths read from left to right: one column per step, the paths one below the other. */
  function pathPositions(view) {
    var column = {}, rows = {};
    (view.paths || []).forEach(function (path) {
      path.forEach(function (n, i) { if (!(n.id in column)) { column[n.id] = i; } });
    });
    var positions = {};
    Object.keys(column).forEach(function (id) {
      var c = column[id];
      rows[c] = (rows[c] || 0) + 1;
    });
    var seen = {};
    Object.keys(column).forEach(function (id) {
      var c = column[id];
      seen[c] = (seen[c] || 0) + 1;
      positions[id] = { x: c * 260, y: (seen[c] - (rows[c] + 1) / 2) * 110 };
    });
    return positions;
  }

  /* The coverage map: topics on the left, districts on the right. */
  function coveragePositions(view) {
    var positions = {}, t = 0, d = 0;
    var topics = view.nodes.filter(function (n) { return n.type === "topic"; }).length;
    var districts = view.nodes.filter(function (n) { return n.type === "district"; }).length;
    view.nodes.forEach(function (n) {
      if (n.type === "topic") { positions[n.id] = { x: 0, y: (t++ - topics / 2) * 60 }; }
      else { positions[n.id] = { x: 700, y: (d++ - districts / 2) * (topics * 60 / Math.max(districts, 1)) }; }
    });
    return positions;
  }

  function place(kind, view, opts) {
    var ids = view.nodes.map(function (n) { return n.id; });
    if (kind === "path") { return Promise.resolve(pathPositions(view)); }
    if (kind === "coverage") { return Promise.resolve(coveragePositions(view)); }
    var fixed = opts.fixed || null;
    if (fixed && ids.every(function (id) { return fixed[id]; }) && !(view.compounds || []).length) {
      var all = {};
      ids.forEach(function (id) { all[id] = { x: fixed[id].x, y: fixed[id].y }; });
      return Promise.resolve(all);
    }
    var key = fixed ? null : layoutKey(kind, view);
    var known = key && remembered(key);
    if (known) { return Promise.resolve(known); }
    say(T.laying_out);
    return layoutInWorker(view, fixed).then(function (positions) {
      if (fixed) { return positions; }
      positions = toStage(positions);
      remember(key, positions);
      return positions;
    });
  }

  /* The same view keeps the same picture for the rest of the browser session: a layout is
     remembered by the view's nodes and edges, so going back to a filter seen before is
     instant and the meeting sees the picture it saw. */
  function layoutKey(kind, view) {
    var text = kind + "|" + (view.compounds || []).map(function (c) { return c.id; }).join(",") + "|" +
      view.nodes.map(function (n) { return n.id + (n.parent ? ">" + n.parent : ""); }).join(",") + "|" +
      view.edges.map(function (e) { return e.id; }).join(",");
    var hash = 2166136261;
    for (var i = 0; i < text.length; i++) { hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0; }
    return "graphsvc.layout." + hash.toString(36) + "." + text.length + "." + box.clientWidth + "x" + box.clientHeight;
  }
  function remembered(key) {
    try { return JSON.parse(window.sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function remember(key, positions) {
    try { window.sessionStorage.setItem(key, JSON.stringify(positions)); } catch (e) { /* storage full or off: lay out again next time */ }
  }

  /* A force layout comes out round; a projector is wide. Stretch the picture towards the
     stage's proportions (at most 1.8 times), so the nodes use the whole width. */
  function toStage(positions) {
    var ids = Object.keys(positions);
    if (ids.length < 3) { return positions; }
    var xs = ids.map(function (id) { return positions[id].x; }), ys = ids.map(function (id) { return positions[id].y; });
    var w = Math.max.apply(null, xs) - Math.min.apply(null, xs) + 1, h = Math.max.apply(null, ys) - Math.min.apply(null, ys) + 1;
    var want = Math.max(box.clientWidth, 1) / Math.max(box.clientHeight, 1);
    var sx = Math.min(Math.max(want / (w / h), 1), 1.8), sy = Math.min(Math.max((w / h) / want, 1), 1.8);
    var out = {};
    ids.forEach(function (id) { out[id] = { x: positions[id].x * sx, y: positions[id].y * sy }; });
    return out;
  }

  /* --- one way to change the view -------------------------------------------------------- */

  function showView(kind, params, opts) {
    opts = opts || {};
    var mine = ++ticket;
    body.dataset.networkReady = "false";
    body.dataset.view = kind;
    var started = performance.now();
    say(T.loading);
    var load = opts.view ? Promise.resolve(opts.view) : getJSON(D.viewUrl + "?" + query(Object.assign({ kind: kind }, params)));
    return load.then(function (view) {
      if (mine !== ticket) { return null; }
      body.dataset.loadedAt = String(Math.round(performance.now()));
      return place(kind, view, opts).then(function (positions) {
        if (mine !== ticket) { return null; }
        body.dataset.placedAt = String(Math.round(performance.now()));
        draw(kind, params, view, spread(positions), opts);
        body.dataset.layoutMs = String(Math.round(performance.now() - started));
        return view;
      });
    }).catch(function () {
      if (mine === ticket) { say(T.failed); body.dataset.networkReady = "error"; }
    });
  }

  function draw(kind, params, view, positions, opts) {
    var began = performance.now();
    /* A zoom still animating (a search, a fit) would carry the new picture off the stage. */
    cy.stop(true, false);
    clearMarks();
    /* The answer opens or closes the panel beside the graph: the stage has its final size
       before the picture is fitted into it. */
    answerFor(kind, view, params);
    cy.resize();
    var ids = view.nodes.map(function (n) { return n.id; });
    var viewport = viewportFor(positions, ids, (view.compounds || []).length ? 60 : 40);
    cy.batch(function () {
      cy.elements().remove();
      cy.add(elementsOf(view, positions, viewport.zoom));
      if (opts.center) { cy.getElementById(opts.center).addClass("center"); }
      cy.viewport(viewport);
      cullLabels(viewport.zoom);
    });
    body.dataset.drawMs = String(Math.round(performance.now() - began));
    current = { kind: kind, params: params, view: view };
    if (kind === "graph") { base = { params: params, view: view, positions: positionsNow(true) }; }
    var drawnNodes = cy.nodes("[type != 'compound']").length;
    if (kind === "changes") {
      var marked = view.nodes.concat(view.edges);
      say(fill(T.shown_changes, {
        nodes: view.nodes.length, edges: view.edges.length,
        "new": marked.filter(function (x) { return x.change === "new"; }).length,
        ended: marked.filter(function (x) { return x.change === "ended"; }).length
      }));
    } else {
      say(fill(T.shown, { nodes: view.nodes.length, edges: view.edges.length }));
    }
    document.querySelectorAll(".change-key").forEach(function (li) { li.hidden = kind !== "changes"; });
    body.dataset.drawnNodes = String(drawnNodes);
    refreshSearch();
    if (!tableView.hidden) { fillTable(); }
    cy.one("render", function () {
      if (!body.dataset.firstRenderAt) { body.dataset.firstRenderAt = String(Math.round(performance.now())); }
      body.dataset.readyAt = String(Math.round(performance.now()));
      body.dataset.networkReady = "true";
    });
    cy.forceRender();
  }

  /* Where the nodes are: exact for going back to a view, to two decimals for saving one. */
  function positionsNow(exact) {
    var out = {};
    cy.nodes("[type != 'compound']").forEach(function (n) {
      var p = n.position();
      out[n.id()] = exact ? { x: p.x, y: p.y } : { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 };
    });
    return out;
  }

  var zoomTimer = null;
  cy.on("zoom", function () {
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(function () {
      var last = cullLabels.zoom || 1, now = cy.zoom();
      if (Math.abs(Math.log(now / last)) > 0.18) { cy.batch(function () { cullLabels(now); }); }
    }, 160);
  });
  cy.on("dragfree", "node", function () { if (current && current.kind === "graph" && base) { base.positions = positionsNow(true); } });

  /* --- answers beside the graph ---------------------------------------------------------- */

  function openInfo() { if (info.hidden) { info.hidden = false; cy.resize(); } }
  function closeInfo() { if (!info.hidden) { info.hidden = true; cy.resize(); } }

  function answerFor(kind, view, params) {
    answer.textContent = "";
    if (kind === "graph") { if (!details.childNodes.length) { closeInfo(); } return; }
    details.textContent = "";
    if (kind === "ego") {
      var center = view.nodes.filter(function (n) { return n.id === "actor:" + view.center; })[0];
      answer.appendChild(el("h2", fill(T.ego_title, { name: center ? center.label : view.center, n: view.hops })));
    } else if (kind === "path") {
      var names = {};
      view.nodes.forEach(function (n) { names[n.ref] = n.label; });
      answer.appendChild(el("h2", fill(T.path_title, { a: names[view.source] || view.source, b: names[view.target] || view.target })));
      if (!view.paths.length) { answer.appendChild(el("p", T.no_path)); }
      else {
        answer.appendChild(el("p", fill(T.paths, { n: view.length })));
        var list = el("ol");
        list.id = "path-list";
        (view.stories || []).forEach(function (story, i) {
          var li = el("li");
          li.appendChild(el("strong", view.paths[i].map(function (p) { return p.label; }).join(" → ")));
          li.appendChild(el("p", story.headline));
          var steps = el("ol");
          steps.className = "path-steps";
          story.steps.forEach(function (s) { steps.appendChild(el("li", s)); });
          li.appendChild(steps);
          list.appendChild(li);
        });
        answer.appendChild(list);
      }
    } else if (kind === "centrality") {
      answer.appendChild(el("h2", T.brokers));
      var ol = el("ol");
      ol.id = "broker-list";
      view.brokers.slice(0, 10).forEach(function (r) {
        var li = el("li");
        li.appendChild(el("strong", r.label));
        li.appendChild(document.createTextNode(" – " + r.text));
        ol.appendChild(li);
      });
      answer.appendChild(ol);
      answer.appendChild(el("h3", T.isolates));
      var ul = el("ul");
      ul.id = "isolate-list";
      if (!view.isolates.length) { ul.appendChild(el("li", T.none)); }
      view.isolates.forEach(function (r) { ul.appendChild(el("li", r.label)); });
      answer.appendChild(ul);
    } else if (kind === "coverage") {
      answer.appendChild(el("h2", T.coverage_title));
      answer.appendChild(el("h3", T.gaps + " (" + view.gaps.length + ")"));
      var gaps = el("ul");
      gaps.id = "gap-list";
      view.gaps.forEach(function (g) { gaps.appendChild(el("li", g.topic + " · " + g.district)); });
      answer.appendChild(gaps);
    } else if (kind === "changes") {
      answer.appendChild(el("h2", fill(T.changes_title, { since: view.since_label, until: view.until_label })));
      var any = false;
      view.sections.forEach(function (section) {
        var h = el("h3", section.heading + " (" + section.items.length + ")");
        answer.appendChild(h);
        var items = el("ul");
        items.className = "changes " + section.change;
        items.dataset.kind = section.kind;
        items.dataset.change = section.change;
        if (!section.items.length) { items.appendChild(el("li", T.none)); }
        section.items.forEach(function (item) {
          any = true;
          var li = el("li", null, section.change);
          li.appendChild(document.createTextNode(item.label));
          if (item.day) { li.appendChild(el("span", " · " + item.day, "muted-day")); }
          items.appendChild(li);
        });
        answer.appendChild(items);
      });
      if (!any) { answer.insertBefore(el("p", T.no_changes), answer.children[1] || null); }
      var csv = el("a", T.changes_csv, "button secondary");
      csv.id = "export-changes-csv";
      csv.href = D.changesCsvUrl + "?" + query(Object.assign({ since: view.since, until: view.until }, filterParams()));
      answer.appendChild(el("p")).appendChild(csv);
    }
    openInfo();
  }

  /* --- details of a node ----------------------------------------------------------------- */

  function clearMarks() {
    cy.elements().removeClass("faded hit");
  }

  function showDetails(node) {
    var id = node.id();
    if (node.data("type") === "compound") { return; }
    getJSON(D.detailsUrl + "?" + query({ id: id, as_of: current && current.view.as_of || ctx.asOf })).then(function (d) {
      details.textContent = "";
      answer.textContent = "";
      details.appendChild(el("h2", d.name || d.id));
      details.appendChild(el("p", d.type_label, "note"));
      var dl = el("dl");
      function row(label, value) {
        if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) { return; }
        dl.appendChild(el("dt", label));
        if (Array.isArray(value)) {
          var dd = el("dd");
          var ul = el("ul");
          value.forEach(function (v) { ul.appendChild(el("li", v)); });
          dd.appendChild(ul);
          dl.appendChild(dd);
        } else { dl.appendChild(el("dd", value)); }
      }
      row(T.kind, d.kind_label);
      row(T.category, d.category_label);
      row(T.circle, d.circle_label);
      row(T.provider, d.provider);
      row(T.since, d.since_label);
      if (d.type === "offer") { row(T.valid, (d.valid_from_label || "") + " – " + (d.valid_until_label || T.until_open)); }
      row(T.aim, d.aim);
      row(T.address, d.address);
      row(T.phone, d.phone);
      row(T.email, d.email);
      row(T.website, d.website);
      row(T.hours, d.hours);
      row(T.topics, d.topic_names);
      row(T.offers, d.offers);
      row(T.groups, d.working_groups);
      row(T.members, d.member_names);
      details.appendChild(dl);
      if (d.description) { details.appendChild(el("p", d.description)); }
      if (d.type === "actor") {
        var buttons = el("p", null, "buttons");
        [1, 2, 3].forEach(function (hops) {
          var b = el("button", T.ego_button + " · " + hops);
          b.type = "button";
          b.id = "ego-" + hops;
          b.className = "secondary";
          b.addEventListener("click", function () {
            document.getElementById("ego-actor").value = d.id;
            document.getElementById("ego-hops").value = String(hops);
            showEgo();
          });
          buttons.appendChild(b);
        });
        details.appendChild(buttons);
      }
      openInfo();
    }).catch(function () { details.textContent = T.failed; openInfo(); });
  }

  /* --- the questions --------------------------------------------------------------------- */

  function showGraph(fixed) {
    var params = Object.assign({ as_of: ctx.asOf, group_by: ctx.groupBy }, filterParams());
    return showView("graph", params, { fixed: fixed });
  }
  function showEgo(event) {
    if (event) { event.preventDefault(); }
    var actor = document.getElementById("ego-actor").value;
    var hops = document.getElementById("ego-hops").value;
    return showView("ego", { actor: actor, hops: hops, as_of: ctx.asOf }, { center: "actor:" + actor });
  }
  function findPath(event) {
    if (event) { event.preventDefault(); }
    return showView("path", {
      source: document.getElementById("path-source").value,
      target: document.getElementById("path-target").value,
      as_of: ctx.asOf
    });
  }
  function brokers() { return showView("centrality", { as_of: ctx.asOf }); }
  function coverageMap() { return showView("coverage", Object.assign({ as_of: ctx.asOf }, filterParams())); }
  function compare(event) {
    if (event) { event.preventDefault(); }
    var since = document.getElementById("compare-since").value;
    var until = document.getElementById("compare-until").value || D.today;
    return showView("changes", Object.assign({ since: since, until: until }, filterParams()), { fixed: base ? base.positions : null });
  }
  function resetView() {
    if (base) {
      var snapshot = base;
      return showView("graph", snapshot.params, { view: snapshot.view, fixed: snapshot.positions });
    }
    return showGraph();
  }
  function applyFilters(event) {
    event.preventDefault();
    var form = document.getElementById("filter-form");
    var filters = {};
    document.querySelectorAll("#filter-form select[multiple]").forEach(function (select) {
      filters[select.name] = Array.prototype.filter.call(select.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    });
    ctx.filters = filters;
    ctx.asOf = form.elements.as_of.value || D.today;
    ctx.groupBy = form.elements.group_by.value;
    var q = query(Object.assign({ as_of: ctx.asOf === D.today ? "" : ctx.asOf, group_by: ctx.groupBy }, filterParams()));
    history.replaceState(null, "", D.pageUrl + (q ? "?" + q : ""));
    updateContext();
    return showGraph();
  }
  function updateContext() {
    var summary = filterSummary();
    document.getElementById("context-day").textContent = fill(T.as_of, { day: dayText(ctx.asOf) });
    document.getElementById("context-filters").textContent = summary ? fill(T.filters, { filters: summary }) : T.no_filters;
    ["gexf", "graphml", "csv"].forEach(function (fmt) {
      var link = document.getElementById("export-" + fmt);
      link.href = D.exportUrl.replace("FMT", fmt) + "?" + query(Object.assign({ as_of: ctx.asOf }, filterParams()));
    });
    var coverage = document.getElementById("coverage-link");
    coverage.href = coverage.href.split("?")[0] + "?" + query(filterParams());
  }

  function refreshSearch() {
    var list = document.getElementById("node-names");
    list.textContent = "";
    var seen = {};
    cy.nodes("[type != 'compound']").forEach(function (n) {
      var name = n.data("name");
      if (!seen[name]) { seen[name] = true; list.appendChild(el("option")).value = name; }
    });
  }

  function search() {
    var text = document.getElementById("node-search").value.trim().toLowerCase();
    clearMarks();
    if (!text) { return; }
    var hits = cy.nodes("[type != 'compound']").filter(function (n) { return String(n.data("name")).toLowerCase().indexOf(text) >= 0; });
    if (hits.empty()) { say(T.not_found); return; }
    cy.batch(function () {
      cy.elements().addClass("faded");
      hits.removeClass("faded").addClass("hit");
      hits.connectedEdges().removeClass("faded");
      hits.ancestors().removeClass("faded");
    });
    say(fill(T.found, { n: hits.length }));
    cy.animate({ fit: { eles: hits, padding: Math.max(80, fitPadding()) } }, { duration: 300 });
    if (hits.length === 1) { cy.elements().unselect(); hits.select(); showDetails(hits[0]); }
  }

  /* --- presentation mode ------------------------------------------------------------------ */

  var exitButton = null;
  function presentation() {
    presenting = !presenting;
    stage.classList.toggle("presenting", presenting);
    document.getElementById("present").setAttribute("aria-pressed", presenting ? "true" : "false");
    cy.batch(function () { cy.elements()[presenting ? "addClass" : "removeClass"]("present"); });
    if (presenting) {
      exitButton = el("button", T.end_presentation, "present-exit");
      exitButton.type = "button";
      exitButton.addEventListener("click", presentation);
      stage.appendChild(exitButton);
      if (stage.requestFullscreen) { stage.requestFullscreen().catch(function () {}); }
    } else {
      if (exitButton) { exitButton.remove(); exitButton = null; }
      if (document.fullscreenElement) { document.exitFullscreen().catch(function () {}); }
    }
    body.dataset.presenting = String(presenting);
    body.dataset.networkReady = "false";
    requestAnimationFrame(function () {
      cy.resize();
      fit(false);
      cy.batch(function () { cullLabels(cy.zoom()); });
      cy.one("render", function () { body.dataset.networkReady = "true"; });
      cy.forceRender();
    });
  }
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && presenting) { presentation(); }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && presenting) { presentation(); } });

  /* --- the text alternative: a table of what is shown ------------------------------------ */

  function fillTable() {
    tableView.textContent = "";
    var table = el("table");
    table.id = "network-table";
    table.appendChild(el("caption", T.table_caption + " – " + statusLine.textContent));
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    [T.col_name, T.col_type, T.col_links, T.col_neighbours, T.col_change].forEach(function (t) {
      var th = el("th", t);
      th.scope = "col";
      head.appendChild(th);
    });
    var rows = table.appendChild(el("tbody"));
    var nodes = cy.nodes("[type != 'compound']").toArray();
    nodes.sort(function (a, b) { return b.degree() - a.degree() || String(a.data("name")).localeCompare(String(b.data("name"))); });
    nodes.forEach(function (n) {
      var tr = rows.appendChild(el("tr"));
      var th = el("th");
      th.scope = "row";
      var button = el("button", n.data("name"), "link-like");
      button.type = "button";
      button.addEventListener("click", function () { showDetails(n); });
      th.appendChild(button);
      tr.appendChild(th);
      tr.appendChild(el("td", TYPE_NAMES[n.data("type")] || n.data("type")));
      tr.appendChild(el("td", String(n.degree()), "num"));
      var near = n.neighborhood("node").map(function (m) { return m.data("name"); });
      tr.appendChild(el("td", near.slice(0, 8).join(", ") + (near.length > 8 ? " …" : "")));
      tr.appendChild(el("td", n.data("change") ? T[n.data("change")] : ""));
    });
    tableView.appendChild(table);
  }
  function toggleTable() {
    var button = document.getElementById("table-toggle");
    var open = tableView.hidden;
    if (open) { fillTable(); }
    tableView.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? T.hide_table : T.show_table;
    if (open) { tableView.focus(); }
  }

  /* --- exports: PNG and SVG with title, day, filters and legend --------------------------- */

  function download(name, href) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function escapeXml(s) {
    return String(s).replace(/[<>&"']/g, function (c) {
      return { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" }[c];
    });
  }
  function headerLines() {
    var summary = filterSummary();
    var lines = [fill(T.as_of, { day: dayText(current && current.view.as_of || ctx.asOf) }), summary ? fill(T.filters, { filters: summary }) : T.no_filters];
    if (current && current.kind !== "graph") {
      var heading = answer.querySelector("h2");
      if (heading) { lines.unshift(heading.textContent); }
    }
    lines.push(statusLine.textContent);
    return lines;
  }
  function legendItems() {
    var items = TYPE_ORDER.map(function (t) { return { type: t, label: TYPE_NAMES[t] }; });
    if (current && current.kind === "changes") {
      items.push({ change: "new", label: T["new"] }, { change: "ended", label: T.ended });
    }
    return items;
  }

  function shapePath(ctx2, type, x, y, r) {
    ctx2.beginPath();
    if (type === "offer") { ctx2.rect(x - r, y - r * 0.8, 2 * r, 1.6 * r); }
    else if (type === "working_group") { for (var i = 0; i < 6; i++) { var a = i * Math.PI / 3; ctx2[i ? "lineTo" : "moveTo"](x + r * Math.cos(a), y + r * Math.sin(a)); } ctx2.closePath(); }
    else if (type === "district") { ctx2.moveTo(x, y - r); ctx2.lineTo(x + r, y); ctx2.lineTo(x, y + r); ctx2.lineTo(x - r, y); ctx2.closePath(); }
    else if (type === "topic") { ctx2.moveTo(x, y - r); ctx2.lineTo(x + r, y + r); ctx2.lineTo(x - r, y + r); ctx2.closePath(); }
    else { ctx2.arc(x, y, r, 0, 2 * Math.PI); }
  }

  /* A PNG at least twice the screen's width: the graph with a title block and a legend. */
  function png() {
    var width = 2 * Math.max(window.screen.width || 0, box.clientWidth, 960);
    var bb = cy.elements().boundingBox({ includeLabels: true });
    var scale = Math.min(width / Math.max(bb.w, 1), 12000 / Math.max(bb.h, 1));
    var graphUri = cy.png({ full: true, scale: scale, bg: "#ffffff" });
    return new Promise(function (resolve) {
      var img = new Image();
      img.onload = function () {
        var unit = width / 160;
        var head = Math.round(unit * 12), foot = Math.round(unit * 9);
        var canvas = document.createElement("canvas");
        canvas.width = width;
        canvas.height = head + img.height + foot;
        var c = canvas.getContext("2d");
        c.fillStyle = "#ffffff";
        c.fillRect(0, 0, canvas.width, canvas.height);
        c.fillStyle = "#111820";
        c.font = "bold " + Math.round(unit * 3.6) + "px sans-serif";
        c.fillText(D.title, unit * 3, unit * 4.5);
        c.font = Math.round(unit * 1.8) + "px sans-serif";
        headerLines().forEach(function (line, i) { c.fillText(line, unit * 3, unit * (7.3 + 2.2 * i)); });
        c.drawImage(img, Math.round((width - img.width) / 2), head);
        var x = unit * 3, y = head + img.height + unit * 4.5;
        c.font = "bold " + Math.round(unit * 2) + "px sans-serif";
        c.fillText(T.legend + ":", x, y + unit * 0.7);
        x += c.measureText(T.legend + ":").width + unit * 2;
        c.font = Math.round(unit * 2) + "px sans-serif";
        legendItems().forEach(function (item) {
          if (item.type) {
            c.fillStyle = COLOURS[item.type];
            shapePath(c, item.type, x + unit, y, unit);
            c.fill();
          } else {
            c.strokeStyle = CHANGE[item.change];
            c.lineWidth = unit * 0.5;
            c.setLineDash(item.change === "ended" ? [unit * 0.6, unit * 0.4] : []);
            shapePath(c, "actor", x + unit, y, unit);
            c.stroke();
            c.setLineDash([]);
          }
          c.fillStyle = "#111820";
          c.fillText(item.label, x + unit * 2.8, y + unit * 0.7);
          x += c.measureText(item.label).width + unit * 6;
        });
        resolve(canvas.toDataURL("image/png"));
      };
      img.src = graphUri;
    });
  }
  window.networkPng = png;

  function shapeSvg(type, x, y, r, attrs) {
    function poly(points) {
      return '<polygon points="' + points.map(function (p) { return (x + p[0] * r).toFixed(1) + "," + (y + p[1] * r).toFixed(1); }).join(" ") + '"' + attrs + "/>";
    }
    if (type === "offer") { return '<rect x="' + (x - r).toFixed(1) + '" y="' + (y - 0.8 * r).toFixed(1) + '" width="' + (2 * r).toFixed(1) + '" height="' + (1.6 * r).toFixed(1) + '" rx="' + (r / 3).toFixed(1) + '"' + attrs + "/>"; }
    if (type === "working_group") { return poly([[1, 0], [0.5, 0.87], [-0.5, 0.87], [-1, 0], [-0.5, -0.87], [0.5, -0.87]]); }
    if (type === "district") { return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]); }
    if (type === "topic") { return poly([[0, -1], [1, 1], [-1, 1]]); }
    return '<circle cx="' + x.toFixed(1) + '" cy="' + y.toFixed(1) + '" r="' + r.toFixed(1) + '"' + attrs + "/>";
  }

  /* An SVG of the view with the same title block and legend as the PNG. */
  function toSvg() {
    var bb = cy.elements().boundingBox({ includeLabels: true });
    var pad = 20, unit = Math.max(bb.w, 600) / 160;
    var head = unit * 12, foot = unit * 9;
    var x0 = bb.x1 - pad, y0 = bb.y1 - pad - head, w = bb.w + 2 * pad, h = bb.h + 2 * pad + head + foot;
    var parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [x0, y0, w, h].map(function (v) { return v.toFixed(1); }).join(" ") + '" width="' + Math.round(w) + '" height="' + Math.round(h) + '" font-family="sans-serif">'];
    parts.push("<title>" + escapeXml(D.title) + "</title>");
    parts.push('<rect x="' + x0.toFixed(1) + '" y="' + y0.toFixed(1) + '" width="' + w.toFixed(1) + '" height="' + h.toFixed(1) + '" fill="#fff"/>');
    parts.push('<g class="header"><text x="' + (x0 + pad) + '" y="' + (y0 + unit * 4.5) + '" font-size="' + (unit * 3.6).toFixed(1) + '" font-weight="bold" fill="#111820">' + escapeXml(D.title) + "</text>");
    headerLines().forEach(function (line, i) {
      parts.push('<text x="' + (x0 + pad) + '" y="' + (y0 + unit * (7.3 + 2.2 * i)).toFixed(1) + '" font-size="' + (unit * 1.8).toFixed(1) + '" fill="#111820">' + escapeXml(line) + "</text>");
    });
    parts.push("</g>");
    cy.nodes("[type = 'compound']").forEach(function (n) {
      var b = n.boundingBox({ includeLabels: false });
      parts.push('<g class="compound"><rect x="' + b.x1.toFixed(1) + '" y="' + b.y1.toFixed(1) + '" width="' + b.w.toFixed(1) + '" height="' + b.h.toFixed(1) + '" rx="8" fill="#f1f4f7" stroke="#8a96a3"/><text x="' + (b.x1 + b.w / 2).toFixed(1) + '" y="' + (b.y1 - 4).toFixed(1) + '" text-anchor="middle" font-size="13" font-weight="bold" fill="#2b3540">' + escapeXml(n.data("label")) + "</text></g>");
    });
    cy.edges().forEach(function (e) {
      var s = e.source().position(), t = e.target().position();
      var change = e.data("change");
      var colour = change ? CHANGE[change] : e.data("type") === "cooperates_with" ? COLOURS.actor : "#b4bfca";
      var dashed = change === "ended" || e.data("type") === "cooperates_with";
      parts.push('<line x1="' + s.x.toFixed(1) + '" y1="' + s.y.toFixed(1) + '" x2="' + t.x.toFixed(1) + '" y2="' + t.y.toFixed(1) + '" stroke="' + colour + '" stroke-width="' + (change ? 3 : 1) + '"' + (dashed ? ' stroke-dasharray="4 3"' : "") + "/>");
    });
    cy.nodes("[type != 'compound']").forEach(function (n) {
      var p = n.position(), r = n.data("size") / 2, change = n.data("change");
      var ring = change ? ' stroke="' + CHANGE[change] + '" stroke-width="4"' + (change === "ended" ? ' stroke-dasharray="4 3"' : "") : "";
      parts.push('<g class="' + escapeXml(n.data("type")) + '" data-id="' + escapeXml(n.id()) + '">' + shapeSvg(n.data("type"), p.x, p.y, r, ' fill="' + (COLOURS[n.data("type")] || "#777") + '"' + ring));
      if (!n.hasClass("nolabel")) {
        parts.push('<text x="' + p.x.toFixed(1) + '" y="' + (p.y + r + n.data("fs") + 2).toFixed(1) + '" font-size="' + n.data("fs").toFixed(1) + '" text-anchor="middle" fill="#111820" stroke="#fff" stroke-width="' + (n.data("fs") / 5).toFixed(1) + '" paint-order="stroke">' + escapeXml(n.data("label")) + "</text>");
      }
      parts.push("<title>" + escapeXml(n.data("name")) + "</title></g>");
    });
    var lx = x0 + pad, ly = y0 + h - foot + unit * 4.5;
    parts.push('<g class="legend"><text x="' + lx.toFixed(1) + '" y="' + (ly + unit * 0.7).toFixed(1) + '" font-size="' + (unit * 2).toFixed(1) + '" font-weight="bold" fill="#111820">' + escapeXml(T.legend) + ":</text>");
    lx += unit * 12;
    legendItems().forEach(function (item) {
      if (item.type) { parts.push(shapeSvg(item.type, lx + unit, ly, unit, ' fill="' + COLOURS[item.type] + '"')); }
      else { parts.push(shapeSvg("actor", lx + unit, ly, unit, ' fill="none" stroke="' + CHANGE[item.change] + '" stroke-width="' + (unit / 2).toFixed(1) + '"' + (item.change === "ended" ? ' stroke-dasharray="3 2"' : ""))); }
      parts.push('<text x="' + (lx + unit * 2.8).toFixed(1) + '" y="' + (ly + unit * 0.7).toFixed(1) + '" font-size="' + (unit * 2).toFixed(1) + '" fill="#111820">' + escapeXml(item.label) + "</text>");
      lx += unit * (4 + item.label.length * 1.2);
    });
    parts.push("</g></svg>");
    return parts.join("\n");
  }
  window.networkSvg = toSvg;

  /* --- wiring ----------------------------------------------------------------------------- */

  document.getElementById("panel-toggle").addEventListener("click", function (e) {
    var open = panel.hidden;
    panel.hidden = !open;
    e.currentTarget.setAttribute("aria-expanded", open ? "true" : "false");
    cy.resize();
    fit(true);
  });
  document.getElementById("info-close").addEventListener("click", function () { details.textContent = ""; closeInfo(); fit(true); });
  document.getElementById("fit").addEventListener("click", function () { fit(true); });
  document.getElementById("reset-view").addEventListener("click", resetView);
  document.getElementById("filter-form").addEventListener("submit", applyFilters);
  document.getElementById("ego-form").addEventListener("submit", showEgo);
  document.getElementById("path-form").addEventListener("submit", findPath);
  document.getElementById("brokers").addEventListener("click", brokers);
  document.getElementById("coverage-view").addEventListener("click", coverageMap);
  document.getElementById("compare-form").addEventListener("submit", compare);
  var snapshotChoice = document.getElementById("compare-snapshot");
  if (snapshotChoice) {
    snapshotChoice.addEventListener("change", function () { if (snapshotChoice.value) { document.getElementById("compare-since").value = snapshotChoice.value; } });
  }
  document.getElementById("present").addEventListener("click", presentation);
  document.getElementById("table-toggle").addEventListener("click", toggleTable);
  document.getElementById("search-button").addEventListener("click", search);
  document.getElementById("node-search").addEventListener("change", search);
  document.getElementById("node-search").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); search(); } });
  document.getElementById("export-png").addEventListener("click", function () {
    png().then(function (uri) { download("netzwerk.png", uri); });
  });
  document.getElementById("export-svg").addEventListener("click", function () {
    download("netzwerk.svg", URL.createObjectURL(new Blob([toSvg()], { type: "image/svg+xml" })));
  });
  var snapshotForm = document.getElementById("snapshot-form");
  if (snapshotForm) {
    snapshotForm.addEventListener("submit", function () {
      document.getElementById("snapshot-filters").value = JSON.stringify(filterParams());
      document.getElementById("snapshot-positions").value = JSON.stringify(base ? base.positions : positionsNow());
      document.getElementById("snapshot-layout").value = "preset";
      document.getElementById("snapshot-as_of").value = ctx.asOf;
      document.getElementById("snapshot-group_by").value = ctx.groupBy;
    });
  }
  document.getElementById("handout-form").addEventListener("submit", function () {
    var params = Object.assign({ kind: current ? current.kind : "graph" }, current ? current.params : {});
    document.getElementById("handout-title").value = D.title;
    document.getElementById("handout-view").value = JSON.stringify(params);
    document.getElementById("handout-positions").value = JSON.stringify(positionsNow());
  });
  cy.on("tap", "node", function (e) { showDetails(e.target); });
  cy.on("tap", function (e) { if (e.target === cy) { clearMarks(); } });
  window.addEventListener("resize", function () { cy.resize(); });

  /* --- the first picture ------------------------------------------------------------------ */

  startWorker();
  say(T.loading);
  var snapshotUrl = D.snapshotUrl;
  Promise.all([getJSON(D.graphUrl), snapshotUrl ? getJSON(snapshotUrl) : Promise.resolve(null)])
    .then(function (results) {
      var fixed = results[1] && Object.keys(results[1].positions || {}).length ? results[1].positions : null;
      var params = Object.assign({ as_of: ctx.asOf, group_by: ctx.groupBy }, filterParams());
      return showView("graph", params, { view: results[0], fixed: fixed });
    })
    .catch(function () { say(T.failed); });
})();
