/* Runs the force-directed (cose) layout off the page's main thread, so a municipality of a
   few hundred nodes never freezes the page; the page then places the nodes at once. */
/* global cytoscape */
importScripts("../vendor/cytoscape.min.js");

self.onmessage = function (event) {
  var started = performance.now();
  try {
    var cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
      elements: event.data.elements
    });
    var options = Object.assign({}, event.data.options, { name: "cose", animate: false, fit: false });
    cy.layout(options).run();
    var positions = {};
    cy.nodes().forEach(function (n) { positions[n.id()] = n.position(); });
    self.postMessage({ positions: positions, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
