/* The network explorer page: Cytoscape graph, details, questions, snapshots, exports.
   Everything the page needs comes from data-* attributes of #network (no inline script). */
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box || typeof cytoscape === "undefined") { return; }
  var T = JSON.parse(box.dataset.texts || "{}");
  var filters = JSON.parse(box.dataset.filters || "{}");
  var statusLine = document.getElementById("network-status");
  var details = document.getElementById("details");
  var answer = document.getElementById("answer");
  var stage = document.getElementById("stage");
  var COLOURS = { actor: "#1f77b4", offer: "#ff7f0e", working_group: "#2ca02c", district: "#9467bd", topic: "#d62728" };
  var SHAPES = { actor: "ellipse", offer: "round-rectangle", working_group: "hexagon", district: "diamond", topic: "triangle" };
  var SIZES = { actor: 22, offer: 14, working_group: 26, district: 30, topic: 24 };
  var baseElements = [];
  var fullData = null;
  var expanded = {};
  var labelSize = 9;

  function say(text) { statusLine.textContent = text; }
  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; });
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
  /* Labels are shortened here: Cytoscape's own ellipsis measures text letter by letter,
     which made the first render of a municipality stall the page. */
  function nodeData(n) {
    var text = String(n.label || "");
    return Object.assign({ size: SIZES[n.type] || 18 }, n,
      { name: text, label: text.length > 32 ? text.slice(0, 31) + "…" : text });
  }
  function toElements(data) {
    var nodes = data.nodes.map(function (n) { return { group: "nodes", data: nodeData(n) }; });
    var edges = data.edges.map(function (e) { return { group: "edges", data: e }; });
    return nodes.concat(edges);
  }

  var cy = cytoscape({
    container: box,
    minZoom: 0.05,
    maxZoom: 5,
    style: [
      { selector: "node", style: {
        "background-color": "#777", "shape": "ellipse",
        "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": labelSize, "text-valign": "bottom", "text-margin-y": 2,
        "min-zoomed-font-size": 6, "color": "#1d2733" } },
    ].concat(Object.keys(COLOURS).map(function (type) {
      /* Plain selector styles (no style functions): Cytoscape can cache them, which keeps
         the first render of a few hundred nodes short. */
      return { selector: "node[type = '" + type + "']", style: { "background-color": COLOURS[type], "shape": SHAPES[type] } };
    })).concat([
      { selector: "edge", style: {
        "width": 1, "line-color": "#c3ccd5", "curve-style": "haystack", "opacity": 0.8 } },
      { selector: "edge[type = 'cooperates_with']", style: { "line-color": "#1f77b4", "line-style": "dashed" } },
      { selector: "edge[type = 'member_of'], edge[type = 'organised_by']", style: { "line-color": "#2ca02c" } },
      { selector: ".faded", style: { "opacity": 0.12 } },
      { selector: ".hit", style: { "border-width": 4, "border-color": "#111", "z-index": 10 } },
      { selector: "edge.hit", style: { "width": 4, "line-color": "#111", "opacity": 1, "z-index": 10 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#005a8c" } }
    ])
  });

  function layoutOptions(name, positions) {
    if (positions) {
      return { name: "preset", positions: function (n) { return positions[n.id()] || { x: 0, y: 0 }; }, fit: true, padding: 20 };
    }
    if (name === "concentric") {
      var order = { working_group: 5, actor: 4, topic: 3, district: 2, offer: 1 };
      return { name: "concentric", animate: false, fit: true, padding: 20, minNodeSpacing: 4,
        concentric: function (n) { return order[n.data("type")] || 0; }, levelWidth: function () { return 1; } };
    }
    /* Big graphs: animate, so cose runs a few iterations per frame and the page stays
       responsive, and cool faster (a meeting wants a readable picture, not the optimum). */
    var big = cy.nodes().length > 250;
    return { name: "cose", animate: big, refresh: 10, fit: true, padding: 20, randomize: true,
      numIter: big ? 600 : 1000, coolingFactor: big ? 0.95 : 0.99,
      nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 40; } };
  }

  /* A heartbeat measures the longest time the page could not react during a layout. */
  var beating = null, lastBeat = 0, longestGap = 0;
  function heartbeat(since) {
    clearInterval(beating);
    lastBeat = since;
    longestGap = 0;
    document.body.dataset.networkReady = "false";
    beating = setInterval(function () {
      var now = performance.now();
      longestGap = Math.max(longestGap, now - lastBeat);
      lastBeat = now;
    }, 20);
  }
  function stopHeartbeat() {
    clearInterval(beating);
    beating = null;
    return Math.max(longestGap, performance.now() - lastBeat);
  }

  /* Force-directed layout in a worker: the page stays responsive while it computes. */
  var worker = null;
  function coseInWorker(done, failed) {
    if (!window.Worker || !box.dataset.workerUrl) { failed(); return; }
    try {
      worker = worker || new Worker(box.dataset.workerUrl);
    } catch (e) { failed(); return; }
    var elements = cy.nodes().map(function (n) { return { group: "nodes", data: { id: n.id(), size: n.data("size") } }; })
      .concat(cy.edges().map(function (e) { return { group: "edges", data: { id: e.id(), source: e.data("source"), target: e.data("target") } }; }));
    worker.onmessage = function (event) {
      if (event.data.error) { failed(); } else { done(event.data.positions); }
    };
    worker.onerror = function () { failed(); };
    worker.postMessage({ elements: elements, options: {
      randomize: true, numIter: 1000, coolingFactor: 0.95, nodeRepulsion: 9000, idealEdgeLength: 40 } });
  }

  function runLayout(name, positions) {
    if (!positions && name === "cose" && cy.nodes().length > 150 && !runLayout.inWorker) {
      var begun = performance.now();
      say(T.loading);
      runLayout.inWorker = true;
      coseInWorker(function (computed) {
        runLayout.inWorker = false;
        runLayout(name, computed);
        document.body.dataset.layoutMs = String(Math.round(performance.now() - begun));
      }, function () {
        runLayout.inWorker = true;  /* worker unusable: animate cose on the page instead */
        runLayout(name);
        runLayout.inWorker = false;
      });
      heartbeat(begun);
      return;
    }
    var started = performance.now();
    if (!beating) { heartbeat(started); }
    document.body.dataset.networkReady = "false";
    var layout = cy.layout(layoutOptions(name, positions));
    layout.one("layoutstop", function () {
      var ms = Math.round(performance.now() - started);
      document.body.dataset.layoutMs = String(ms);
      document.body.dataset.longestBlockMs = String(Math.round(stopHeartbeat()));
      document.body.dataset.networkReady = "true";
      say(fill(T.shown || "", { nodes: cy.nodes().length, edges: cy.edges().length }));
    });
    var before = performance.now();
    layout.run();
    document.body.dataset.layoutRunMs = String(Math.round(performance.now() - before));
  }

  function show(data, positions) {
    cy.elements().remove();
    cy.add(toElements(data));
    expanded = {};
    refreshSearch();
    runLayout(document.getElementById("layout-choice").value, positions);
  }

  function refreshSearch() {
    var list = document.getElementById("node-names");
    list.textContent = "";
    cy.nodes().forEach(function (n) { list.appendChild(el("option")).value = n.data("name") || n.data("label"); });
  }

  function clearMarks() { cy.elements().removeClass("faded hit"); }

  function dl(pairs) {
    var d = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "" || (Array.isArray(p[1]) && !p[1].length)) { return; }
      d.appendChild(el("dt", p[0]));
      d.appendChild(el("dd", Array.isArray(p[1]) ? p[1].join(", ") : String(p[1])));
    });
    return d;
  }

  function showDetails(node) {
    var id = node.id();
    getJSON(box.dataset.detailsUrl + "?id=" + encodeURIComponent(id)).then(function (d) {
      details.textContent = "";
      details.appendChild(el("h2", d.name || node.data("label")));
      if (d.description) { details.appendChild(el("p", d.description)); }
      details.appendChild(dl([
        [T.kind, d.kind], [T.category, d.category], [T.circle, d.circle], [T.provider, d.provider],
        [T.topics, d.topic_names], [T.aim, d.aim], [T.members, d.member_names], [T.groups, d.working_groups],
        [T.offers, d.offers], [T.address, d.address], [T.phone, d.phone], [T.email, d.email], [T.hours, d.hours]
      ]));
      var buttons = el("p", null, "buttons");
      var toggle = el("button", expanded[id] ? T.collapse : T.expand, "secondary");
      toggle.type = "button";
      toggle.id = "expand-node";
      toggle.addEventListener("click", function () { toggleNeighbours(id); showDetails(cy.getElementById(id)); });
      buttons.appendChild(toggle);
      if (d.type === "actor") {
        [1, 2].forEach(function (hops) {
          var b = el("button", hops === 1 ? T.ego1 : T.ego2);
          b.type = "button";
          b.id = "ego-" + hops;
          b.addEventListener("click", function () {
            getJSON(box.dataset.egoUrl + "?actor=" + encodeURIComponent(node.data("ref")) + "&hops=" + hops).then(function (data) {
              show(data);
              cy.getElementById(id).addClass("hit");
            });
          });
          buttons.appendChild(b);
        });
      }
      details.appendChild(buttons);
    }).catch(function () { details.textContent = T.failed; });
  }

  function toggleNeighbours(id) {
    if (expanded[id]) {
      cy.remove(cy.collection(expanded[id].map(function (x) { return cy.getElementById(x); })).filter(function (n) {
        return n.isNode() && n.connectedEdges().length <= 1;
      }));
      delete expanded[id];
      return;
    }
    var load = fullData ? Promise.resolve(fullData) : getJSON(box.dataset.fullUrl).then(function (d) { fullData = d; return d; });
    load.then(function (data) {
      var center = cy.getElementById(id);
      var added = [];
      var near = {};
      data.edges.forEach(function (e) {
        if (e.source === id) { near[e.target] = true; }
        if (e.target === id) { near[e.source] = true; }
      });
      var pos = center.position();
      data.nodes.forEach(function (n) {
        if (near[n.id] && cy.getElementById(n.id).empty()) {
          cy.add({ group: "nodes", data: nodeData(n),
            position: { x: pos.x + (Math.random() - 0.5) * 160, y: pos.y + (Math.random() - 0.5) * 160 } });
          added.push(n.id);
        }
      });
      data.edges.forEach(function (e) {
        if (cy.getElementById(e.id).empty() && !cy.getElementById(e.source).empty() && !cy.getElementById(e.target).empty()) {
          cy.add({ group: "edges", data: e });
        }
      });
      expanded[id] = added;
      refreshSearch();
      showDetails(center);
    });
  }

  function brokers() {
    getJSON(box.dataset.centralityUrl).then(function (result) {
      clearMarks();
      var top = result.actors.reduce(function (m, r) { return Math.max(m, r.betweenness); }, 0) || 1;
      result.actors.forEach(function (r) {
        var n = cy.getElementById(r.node);
        if (!n.empty()) { n.data("size", 16 + 44 * (r.betweenness / top)); }
      });
      answer.textContent = "";
      answer.appendChild(el("h3", T.brokers));
      var ol = el("ol");
      ol.id = "broker-list";
      result.brokers.slice(0, 10).forEach(function (r) {
        ol.appendChild(el("li", r.label + " · " + T.betweenness + " " + r.betweenness.toFixed(3) + " · " + T.degree + " " + r.degree.toFixed(3)));
      });
      answer.appendChild(ol);
      answer.appendChild(el("h3", T.isolates));
      var ul = el("ul");
      ul.id = "isolate-list";
      if (!result.isolates.length) { ul.appendChild(el("li", T.none)); }
      result.isolates.forEach(function (r) { ul.appendChild(el("li", r.label)); });
      answer.appendChild(ul);
    }).catch(function () { answer.textContent = T.failed; });
  }

  function findPath(event) {
    event.preventDefault();
    var s = document.getElementById("path-source").value;
    var t = document.getElementById("path-target").value;
    getJSON(box.dataset.pathUrl + "?source=" + encodeURIComponent(s) + "&target=" + encodeURIComponent(t)).then(function (result) {
      clearMarks();
      answer.textContent = "";
      var list = el("ol");
      list.id = "path-list";
      if (!result.paths.length) {
        answer.appendChild(el("p", T.no_path));
        return;
      }
      answer.appendChild(el("h3", fill(T.paths, { n: result.length })));
      var ids = {};
      result.paths.forEach(function (path) {
        list.appendChild(el("li", path.map(function (p) { return p.label; }).join(" → ")));
        path.forEach(function (p) { ids[p.id] = true; });
      });
      answer.appendChild(list);
      cy.elements().addClass("faded");
      Object.keys(ids).forEach(function (id) { cy.getElementById(id).removeClass("faded").addClass("hit"); });
      result.edge_ids.forEach(function (id) { cy.getElementById(id).removeClass("faded").addClass("hit"); });
    }).catch(function () { answer.textContent = T.failed; });
  }

  function search() {
    var text = document.getElementById("node-search").value.trim().toLowerCase();
    if (!text) { clearMarks(); return; }
    var hits = cy.nodes().filter(function (n) { return String(n.data("name") || n.data("label")).toLowerCase().indexOf(text) >= 0; });
    clearMarks();
    if (hits.empty()) { say(T.not_found); return; }
    cy.elements().addClass("faded");
    hits.removeClass("faded").addClass("hit");
    hits.connectedEdges().removeClass("faded");
    cy.animate({ fit: { eles: hits, padding: 80 } }, { duration: 300 });
    if (hits.length === 1) { hits.select(); showDetails(hits[0]); }
  }

  function presentation() {
    var on = !stage.classList.contains("presenting");
    stage.classList.toggle("presenting", on);
    labelSize = on ? 20 : 9;
    cy.style().selector("node").style({ "font-size": labelSize }).update();
    if (on && stage.requestFullscreen) { stage.requestFullscreen().catch(function () {}); }
    if (!on && document.fullscreenElement) { document.exitFullscreen().catch(function () {}); }
    setTimeout(function () { cy.resize(); cy.fit(undefined, 30); }, 150);
  }
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && stage.classList.contains("presenting")) { presentation(); }
  });

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

  function shapeSvg(type, x, y, r, fillColour) {
    var f = ' fill="' + fillColour + '"';
    function poly(points) {
      return '<polygon points="' + points.map(function (p) { return (x + p[0] * r).toFixed(1) + "," + (y + p[1] * r).toFixed(1); }).join(" ") + '"' + f + "/>";
    }
    if (type === "offer") { return '<rect x="' + (x - r).toFixed(1) + '" y="' + (y - r).toFixed(1) + '" width="' + (2 * r).toFixed(1) + '" height="' + (2 * r).toFixed(1) + '" rx="' + (r / 3).toFixed(1) + '"' + f + "/>"; }
    if (type === "working_group") { return poly([[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]]); }
    if (type === "district") { return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]); }
    if (type === "topic") { return poly([[0, -1], [1, 1], [-1, 1]]); }
    return '<circle cx="' + x.toFixed(1) + '" cy="' + y.toFixed(1) + '" r="' + r.toFixed(1) + '"' + f + "/>";
  }

  /* Build an SVG of the current view from node positions and edges (no extra library). */
  function toSvg() {
    var bb = cy.elements().boundingBox();
    var pad = 20;
    var parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad].map(function (v) { return v.toFixed(1); }).join(" ") + '" width="' + Math.round(bb.w + 2 * pad) + '" height="' + Math.round(bb.h + 2 * pad) + '" font-family="sans-serif">'];
    parts.push('<rect x="' + (bb.x1 - pad) + '" y="' + (bb.y1 - pad) + '" width="' + (bb.w + 2 * pad) + '" height="' + (bb.h + 2 * pad) + '" fill="#fff"/>');
    cy.edges().forEach(function (e) {
      var s = e.source().position(), t = e.target().position();
      var colour = e.data("type") === "cooperates_with" ? "#1f77b4" : (e.data("type") === "member_of" || e.data("type") === "organised_by") ? "#2ca02c" : "#c3ccd5";
      parts.push('<line x1="' + s.x.toFixed(1) + '" y1="' + s.y.toFixed(1) + '" x2="' + t.x.toFixed(1) + '" y2="' + t.y.toFixed(1) + '" stroke="' + colour + '" stroke-width="1"' + (e.data("type") === "cooperates_with" ? ' stroke-dasharray="4 3"' : "") + "/>");
    });
    cy.nodes().forEach(function (n) {
      var p = n.position(), r = n.data("size") / 2;
      parts.push('<g class="' + escapeXml(n.data("type")) + '" data-id="' + escapeXml(n.id()) + '">' + shapeSvg(n.data("type"), p.x, p.y, r, COLOURS[n.data("type")] || "#777"));
      parts.push('<text x="' + p.x.toFixed(1) + '" y="' + (p.y + r + labelSize + 2).toFixed(1) + '" font-size="' + labelSize + '" text-anchor="middle" fill="#1d2733">' + escapeXml(n.data("label")) + "</text><title>" + escapeXml(n.data("name") || n.data("label")) + "</title></g>");
    });
    parts.push("</svg>");
    return parts.join("\n");
  }
  window.networkSvg = toSvg;

  function positions() {
    var out = {};
    cy.nodes().forEach(function (n) { var p = n.position(); out[n.id()] = { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 }; });
    return out;
  }

  document.getElementById("layout-choice").addEventListener("change", function (e) { runLayout(e.target.value); });
  document.getElementById("fit").addEventListener("click", function () { cy.fit(undefined, 20); });
  document.getElementById("reset-view").addEventListener("click", function () {
    clearMarks();
    cy.elements().remove();
    cy.add(baseElements);
    expanded = {};
    refreshSearch();
    cy.fit(undefined, 20);
  });
  document.getElementById("present").addEventListener("click", presentation);
  document.getElementById("brokers").addEventListener("click", brokers);
  document.getElementById("path-form").addEventListener("submit", findPath);
  document.getElementById("node-search").addEventListener("change", search);
  document.getElementById("node-search").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); search(); } });
  document.getElementById("export-png").addEventListener("click", function () {
    download("netzwerk.png", cy.png({ full: true, scale: 2, bg: "#ffffff" }));
  });
  document.getElementById("export-svg").addEventListener("click", function () {
    download("netzwerk.svg", URL.createObjectURL(new Blob([toSvg()], { type: "image/svg+xml" })));
  });
  document.getElementById("snapshot-form").addEventListener("submit", function () {
    document.getElementById("snapshot-filters").value = JSON.stringify(filters);
    document.getElementById("snapshot-positions").value = JSON.stringify(positions());
    document.getElementById("snapshot-layout").value = "preset";
  });
  cy.on("tap", "node", function (e) { showDetails(e.target); });
  cy.on("tap", function (e) { if (e.target === cy) { clearMarks(); } });

  say(T.loading);
  var snapshotUrl = box.dataset.snapshotUrl;
  Promise.all([getJSON(box.dataset.graphUrl), snapshotUrl ? getJSON(snapshotUrl) : Promise.resolve(null)])
    .then(function (results) {
      show(results[0], results[1] && Object.keys(results[1].positions || {}).length ? results[1].positions : null);
      baseElements = cy.elements().jsons();
    })
    .catch(function () { say(T.failed); });
})();
