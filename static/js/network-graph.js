/* Collaboration network graphs: each <div class="network-graph" data-graph-url="..."> (templates/
 * network/_graph.html) is drawn with the vendored Cytoscape from the JSON at its data-graph-url.
 * Every text shown comes from the element's data-* attributes, translated by the template; the tables
 * in the partial carry the same data without this script.
 */
(function () {
  "use strict";

  // Cytoscape adds an inline <style> with this id unless an element with the id exists; the
  // Content-Security-Policy refuses inline styles, and network.css carries that one rule instead.
  var CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";
  // Names always shown: the centre of an ego network, or else this many of the best-connected.
  var LABELLED_NODES = 6;

  function start() {
    var graphs = document.querySelectorAll(".network-graph[data-graph-url]");
    for (var i = 0; i < graphs.length; i++) {
      setUp(graphs[i]);
    }
  }

  function setUp(element) {
    // The partial may be included more than once on a page, and so may this script.
    if (element.getAttribute("data-network-ready") || typeof window.cytoscape !== "function") {
      return;
    }
    element.setAttribute("data-network-ready", "1");
    fetch(element.getAttribute("data-graph-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) { draw(element, data); })
      .catch(function () { note(element, text(element, "failed")); });
  }

  function text(element, name) {
    return element.getAttribute("data-text-" + name) || "";
  }

  // The translated label of a kind or phase code ("pre_cooperation" -> data-phase-pre-cooperation).
  function term(element, prefix, code) {
    if (!code) { return ""; }
    return element.getAttribute("data-" + prefix + "-" + String(code).replace(/_/g, "-")) || String(code);
  }

  function note(element, message) {
    var box = element.querySelector(".network-note");
    if (box && message) {
      box.textContent = message;
      box.hidden = false;
    }
  }

  function countryClass(country) {
    return country === "NL" ? "nl" : country === "DE" ? "de" : "other";
  }

  function countryName(element, country) {
    if (country === "NL") { return text(element, "netherlands"); }
    if (country === "DE") { return text(element, "germany"); }
    return country || "";
  }

  // Only links into this site: a "url" from the data never becomes a javascript: or foreign link.
  function safeUrl(url) {
    if (!url) { return null; }
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.origin === window.location.origin ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function colours(element) {
    var style = window.getComputedStyle(element);
    var read = function (name, fallback) { return style.getPropertyValue(name).trim() || fallback; };
    return {
      nl: read("--network-nl", "#c45a00"),
      de: read("--network-de", "#1f5fa8"),
      other: read("--network-other", "#6b6b6b"),
      cross: read("--network-cross", "#8e2c8e"),
      within: read("--network-within", "#7d8894"),
      ego: read("--network-ego", "#1b2631"),
      focus: read("--network-focus", "#d35400"),
    };
  }

  function range(values) {
    var low = Infinity;
    var high = -Infinity;
    values.forEach(function (v) {
      if (typeof v === "number" && isFinite(v)) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    });
    return low === Infinity ? [0, 0] : [low, high];
  }

  // A size or width for `value` on [low, high], mapped onto [from, to] by the square root, so that
  // one organisation with many partners does not shrink all the others to dots.
  function scale(value, low, high, from, to) {
    if (!(high > low) || typeof value !== "number") { return (from + to) / 2; }
    var root = function (v) { return Math.sqrt(Math.max(v, 0)); };
    var share = (root(Math.min(Math.max(value, low), high)) - root(low)) / (root(high) - root(low));
    return from + share * (to - from);
  }

  function byImportance(a, b) {
    if (Boolean(a.ego) !== Boolean(b.ego)) { return a.ego ? -1 : 1; }
    if ((b.degree || 0) !== (a.degree || 0)) { return (b.degree || 0) - (a.degree || 0); }
    return String(a.label).localeCompare(String(b.label));
  }

  function elements(data) {
    var nodes = (data.nodes || []).filter(function (n) { return n && n.id != null; });
    var known = {};
    nodes.forEach(function (n) { known[n.id] = true; });
    var edges = (data.edges || []).filter(function (e) { return e && known[e.source] && known[e.target]; });
    var degrees = range(nodes.map(function (n) { return n.degree; }));
    // The rings of the concentric layout go by the others' degrees: the centre's own would flatten them.
    var ringDegrees = range(nodes.filter(function (n) { return !n.ego; }).map(function (n) { return n.degree; }));
    var weights = range(edges.map(function (e) { return e.weight; }));
    var ordered = nodes.slice().sort(byImportance);
    var labelled = {};
    var egos = ordered.filter(function (n) { return n.ego; });
    (egos.length ? egos : ordered.slice(0, LABELLED_NODES)).forEach(function (n) { labelled[n.id] = true; });
    var items = [];
    ordered.forEach(function (n) {
      var classes = [countryClass(n.country)];
      if (n.ego) { classes.push("ego"); }
      if (labelled[n.id]) { classes.push("labelled"); }
      items.push({
        group: "nodes",
        data: {
          id: String(n.id),
          label: String(n.label == null ? n.id : n.label),
          size: scale(n.degree, degrees[0], degrees[1], 18, 54),
          raw: n,
        },
        classes: classes.join(" "),
      });
    });
    edges.forEach(function (e, i) {
      items.push({
        group: "edges",
        data: {
          id: "edge-" + i,
          source: String(e.source),
          target: String(e.target),
          width: scale(e.weight, weights[0], weights[1], 1.5, 8),
        },
        classes: e.cross_border ? "cross" : "within",
      });
    });
    return { items: items, order: ordered.map(function (n) { return String(n.id); }), rings: ringDegrees };
  }

  function stylesheet(c) {
    return [
      {
        selector: "node",
        style: {
          width: "data(size)",
          height: "data(size)",
          "background-color": c.other,
          "border-width": 1,
          "border-color": "#ffffff",
          label: "data(label)",
          "font-size": 11,
          color: "#1b2631",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": "120px",
          "text-outline-color": "#ffffff",
          "text-outline-width": 2,
          // The others' names appear once the graph is zoomed in far enough to read them apart.
          "min-zoomed-font-size": 18,
        },
      },
      { selector: "node.nl", style: { "background-color": c.nl, shape: "ellipse" } },
      { selector: "node.de", style: { "background-color": c.de, shape: "round-rectangle" } },
      { selector: "node.other", style: { "background-color": c.other, shape: "diamond" } },
      {
        // The best-connected names and the chosen one stay readable at every zoom.
        selector: "node.labelled, node.focused",
        style: {
          "min-zoomed-font-size": 0,
          "font-size": function (node) { return 12 / node.cy().zoom(); },
          "text-max-width": function (node) { return Math.round(140 / node.cy().zoom()) + "px"; },
          "text-outline-width": function (node) { return 2 / node.cy().zoom(); },
          "text-margin-y": function (node) { return 3 / node.cy().zoom(); },
        },
      },
      // Outlines of a constant width on screen, whatever the zoom, like the names above.
      {
        selector: "node.ego",
        style: {
          "border-width": function (node) { return 3 / node.cy().zoom(); },
          "border-color": c.ego,
          "font-weight": "bold",
        },
      },
      {
        selector: "node.focused",
        style: {
          "border-width": function (node) { return 4 / node.cy().zoom(); },
          "border-color": c.focus,
          "z-index": 10,
          "font-weight": "bold",
        },
      },
      {
        selector: "edge",
        style: { width: "data(width)", "curve-style": "straight", opacity: 0.85 },
      },
      { selector: "edge.cross", style: { "line-color": c.cross, "line-style": "solid", "z-index": 2 } },
      {
        selector: "edge.within",
        style: { "line-color": c.within, "line-style": "dashed", "line-dash-pattern": [6, 4], "z-index": 1 },
      },
      { selector: ".faded", style: { opacity: 0.2 } },
    ];
  }

  function layout(element, built, hasEgo) {
    var nodeCount = built.order.length;
    var wanted = element.getAttribute("data-layout");
    var name = wanted === "cose" || wanted === "concentric" ? wanted : hasEgo ? "concentric" : "cose";
    if (name === "concentric") {
      var high = built.rings[1];
      var width = Math.max(1, (built.rings[1] - built.rings[0]) / 4);
      return {
        name: "concentric",
        animate: false,
        padding: 24,
        minNodeSpacing: 12,
        // The centre alone in the middle, the others on about four rings by their number of partners.
        concentric: function (node) {
          return node.hasClass("ego") ? high + 2 * width : node.data("raw").degree || 0;
        },
        levelWidth: function () { return width; },
      };
    }
    return {
      name: "cose",
      animate: false,
      padding: 24,
      randomize: true,
      nodeRepulsion: function () { return nodeCount > 150 ? 12000 : 6000; },
      idealEdgeLength: function () { return 70; },
      componentSpacing: 60,
    };
  }

  function figures(element, node) {
    var box = document.createDocumentFragment();
    var name = document.createElement("p");
    name.className = "network-panel-name";
    name.textContent = node.label == null ? String(node.id) : String(node.label);
    box.appendChild(name);
    var list = document.createElement("dl");
    list.className = "network-panel-facts";
    var add = function (label, value) {
      if (value === "" || value == null) { return; }
      var dt = document.createElement("dt");
      dt.textContent = label;
      var dd = document.createElement("dd");
      dd.textContent = String(value);
      list.appendChild(dt);
      list.appendChild(dd);
    };
    add(text(element, "country"), countryName(element, node.country));
    add(text(element, "kind"), term(element, "kind", node.kind));
    add(text(element, "phase"), term(element, "phase", node.phase));
    add(text(element, "degree"), typeof node.degree === "number" ? node.degree.toLocaleString(document.documentElement.lang || undefined) : "");
    box.appendChild(list);
    if (node.ego) {
      var centre = document.createElement("p");
      centre.className = "network-panel-link";
      centre.textContent = text(element, "centre");
      box.appendChild(centre);
    }
    var url = node.ego ? null : safeUrl(node.url);
    if (url) {
      var paragraph = document.createElement("p");
      paragraph.className = "network-panel-link";
      var link = document.createElement("a");
      link.href = url;
      link.textContent = text(element, "ego-link").replace("%(name)s", name.textContent);
      paragraph.appendChild(link);
      box.appendChild(paragraph);
    }
    return box;
  }

  function draw(element, data) {
    var canvas = element.querySelector(".network-graph-canvas");
    var panel = element.querySelector(".network-graph-panel");
    if (!canvas || !panel) { return; }
    var built = elements(data || {});
    if (!built.order.length) {
      note(element, text(element, "empty"));
      return;
    }
    if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
      var mark = document.createElement("meta");
      mark.id = CYTOSCAPE_STYLESHEET_ID;
      document.head.appendChild(mark);
    }
    while (canvas.firstChild) { canvas.removeChild(canvas.firstChild); }
    canvas.classList.add("is-active");

    var hasEgo = built.items.some(function (item) { return item.group === "nodes" && item.data.raw.ego; });
    var cy = window.cytoscape({
      container: canvas,
      elements: built.items,
      style: stylesheet(colours(element)),
      layout: layout(element, built, hasEgo),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
    });

    var figure = element.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    var hint = element.querySelector(".network-graph-hint");
    canvas.tabIndex = 0;
    canvas.setAttribute("role", "application");
    if (caption && caption.id) { canvas.setAttribute("aria-labelledby", caption.id); }
    if (hint && hint.id) { canvas.setAttribute("aria-describedby", hint.id); }

    var current = -1;
    function show(index) {
      cy.elements().removeClass("focused faded");
      if (index < 0) {
        current = -1;
        panel.textContent = "";
        return;
      }
      current = index;
      var node = cy.getElementById(built.order[index]);
      var neighbourhood = node.closedNeighborhood();
      cy.elements().not(neighbourhood).addClass("faded");
      node.addClass("focused");
      panel.textContent = "";
      panel.appendChild(figures(element, node.data("raw")));
      var box = node.renderedBoundingBox();
      if (box.x2 < 0 || box.y2 < 0 || box.x1 > cy.width() || box.y1 > cy.height()) {
        cy.center(node);
      }
    }

    // The names' sizes depend on the zoom (see stylesheet): recompute them after the layout's fit and
    // after each zoom, once per frame.
    cy.nodes(".labelled, .ego").updateStyle();
    var restyling = false;
    cy.on("zoom", function () {
      if (restyling) { return; }
      restyling = true;
      window.requestAnimationFrame(function () {
        restyling = false;
        cy.nodes(".labelled, .focused, .ego").updateStyle();
      });
    });

    cy.on("tap", "node", function (event) {
      show(built.order.indexOf(event.target.id()));
    });
    cy.on("tap", function (event) {
      if (event.target === cy) { show(-1); }
    });
    // The page scrolls under the mouse wheel until the graph is in use (focused) or Ctrl is held,
    // so that scrolling past the graph does not zoom it.
    element.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey && document.activeElement !== canvas) {
        event.stopPropagation();
      }
    }, true);
    // Cytoscape takes the focus away from everything on a press; it comes back to the graph after.
    canvas.addEventListener("pointerup", function () { canvas.focus({ preventScroll: true }); });

    canvas.addEventListener("keydown", function (event) {
      var last = built.order.length - 1;
      var next = null;
      switch (event.key) {
        case "ArrowRight":
        case "ArrowDown":
          next = current < last ? current + 1 : 0;
          break;
        case "ArrowLeft":
        case "ArrowUp":
          next = current > 0 ? current - 1 : last;
          break;
        case "Home":
          next = 0;
          break;
        case "End":
          next = last;
          break;
        case "Escape":
          next = -1;
          break;
        case "+":
        case "=":
          zoom(cy, 1.25);
          break;
        case "-":
          zoom(cy, 0.8);
          break;
        case "Enter":
          var link = panel.querySelector("a[href]");
          if (link) { window.location.assign(link.href); }
          break;
        default:
          return;
      }
      event.preventDefault();
      if (next !== null) { show(next); }
    });

    var controls = element.querySelector(".network-graph-controls");
    if (controls) {
      controls.hidden = false;
      controls.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-action]");
        if (!button) { return; }
        var action = button.getAttribute("data-action");
        var last = built.order.length - 1;
        if (action === "next") { show(current < last ? current + 1 : 0); }
        if (action === "previous") { show(current > 0 ? current - 1 : last); }
        if (action === "zoom-in") { zoom(cy, 1.25); }
        if (action === "zoom-out") { zoom(cy, 0.8); }
        if (action === "fit") { cy.fit(undefined, 24); }
      });
    }
    var legend = element.querySelector(".network-legend");
    if (legend) {
      legend.hidden = false;
      var egoItem = legend.querySelector('[data-legend="ego"]');
      if (egoItem) { egoItem.hidden = !hasEgo; }
    }
    if (hint) { hint.hidden = false; }
    if (data.truncated) { note(element, text(element, "truncated")); }
  }

  function zoom(cy, factor) {
    cy.zoom({
      level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor)),
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
