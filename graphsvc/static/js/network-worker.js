/* Lays the network out off the page's main thread, so a municipality of several hundred nodes
   never freezes the page; the page then places every node at once.
   - Compound nodes (grouped by district or working group) and views that keep the positions of
     a saved view use fcose, the force-directed layout made for compound graphs, which also
     holds given nodes in place (fixedNodeConstraint) and fits the new ones around them.
   - A flat view uses Cytoscape's own cose with a fast cooling schedule: measured side by side
     it needed a third to a half of fcose's time (docs/performance.md), and the flat view is
     the one that must open within the speed target. */
/* global cytoscape, cytoscapeFcose */
importScripts("../vendor/cytoscape.min.js", "../vendor/layout-base.js", "../vendor/cose-base.js",
  "../vendor/cytoscape-fcose.js");
cytoscape.use(cytoscapeFcose);

/* An offer sits close to its provider and members close to their group; the many edges to a
   topic or district hub are long and loose, so the hubs do not pull everything into one knot. */
var LENGTHS = { provided_by: 45, member_of: 90, organised_by: 90, cooperates_with: 90, located_in: 160, serves: 200, covers: 200 };
var STRENGTH = { provided_by: 0.6, member_of: 0.4, organised_by: 0.4, cooperates_with: 0.4, located_in: 0.15, serves: 0.08, covers: 0.08 };

function fcoseOptions(cy, fixed) {
  var options = {
    name: "fcose", quality: "default", animate: false, fit: false, randomize: true,
    nodeRepulsion: function () { return 12000; },
    idealEdgeLength: function (e) { return LENGTHS[e.data("type")] || 80; },
    edgeElasticity: function (e) { return STRENGTH[e.data("type")] || 0.3; },
    nestingFactor: 0.1, gravity: 0.25, gravityRangeCompound: 1.5, numIter: 2500,
    tile: true, packComponents: false, nodeSeparation: 60
  };
  var fixedIds = Object.keys(fixed || {}).filter(function (id) {
    var n = cy.getElementById(id);
    return n.nonempty() && n.isChildless();
  });
  if (!fixedIds.length) { return options; }
  fixedIds.forEach(function (id) { cy.getElementById(id).position(fixed[id]); });
  /* New nodes start beside their placed neighbours (or anywhere in the picture), each a
     little apart, so the incremental layout has no two nodes on one point to untangle. */
  var xs = fixedIds.map(function (id) { return fixed[id].x; });
  var ys = fixedIds.map(function (id) { return fixed[id].y; });
  var box = { x1: Math.min.apply(null, xs), x2: Math.max.apply(null, xs), y1: Math.min.apply(null, ys), y2: Math.max.apply(null, ys) };
  cy.nodes().filter(function (n) { return n.isChildless() && !fixed[n.id()]; }).forEach(function (n) {
    var near = n.neighborhood().nodes().filter(function (m) { return fixed[m.id()]; });
    var x, y;
    if (near.nonempty()) {
      x = near.map(function (m) { return fixed[m.id()].x; }).reduce(function (a, b) { return a + b; }, 0) / near.length;
      y = near.map(function (m) { return fixed[m.id()].y; }).reduce(function (a, b) { return a + b; }, 0) / near.length;
    } else {
      x = box.x1 + Math.random() * (box.x2 - box.x1 + 1);
      y = box.y1 + Math.random() * (box.y2 - box.y1 + 1);
    }
    n.position({ x: x + (Math.random() - 0.5) * 80, y: y + (Math.random() - 0.5) * 80 });
  });
  options.randomize = false;
  options.fixedNodeConstraint = fixedIds.map(function (id) { return { nodeId: id, position: fixed[id] }; });
  return options;
}

/* Cytoscape's cose cools from 1000 to 1 degree: 0.95 per step is about 135 steps, 0.93 about
   95; a large graph takes the quicker schedule, as each step costs the square of its nodes. */
function coseOptions(size) {
  return { name: "cose", animate: false, fit: false, randomize: true, numIter: 1000,
    coolingFactor: size > 300 ? 0.93 : 0.95,
    nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 40; } };
}

self.onmessage = function (event) {
  var started = performance.now();
  var job = event.data || {};
  if (job.warm) { self.postMessage({ warm: true }); return; }
  try {
    var cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } },
        { selector: ":parent", style: { "padding": 12 } }],
      elements: job.elements
    });
    var compound = cy.nodes(":parent").nonempty();
    var hasFixed = job.fixed && Object.keys(job.fixed).length;
    cy.layout(compound || hasFixed ? fcoseOptions(cy, job.fixed) : coseOptions(cy.nodes().length)).run();
    var positions = {};
    cy.nodes().forEach(function (n) {
      if (n.isChildless()) { var p = n.position(); positions[n.id()] = { x: p.x, y: p.y }; }
    });
    self.postMessage({ id: job.id, positions: positions, ms: performance.now() - started, name: compound || hasFixed ? "fcose" : "cose" });
  } catch (error) {
    self.postMessage({ id: job.id, error: String(error) });
  }
};
