/* NUTS-3 maps of the programme area: each <div class="network-map" data-values-url="..."
 * data-regions-url="..."> (templates/network/_map.html) draws the regions' GeoJSON with the vendored
 * Leaflet, shaded by the values at data-values-url. No tile layer: the regions on a plain background
 * are the whole map, so it works offline. Texts come from data-* attributes, translated by the
 * template; the table in the partial has the same figures without this script.
 */
(function () {
  "use strict";

  // ColorBrewer's five-class "Blues", light (low) to dark (high).
  var SEQUENTIAL = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
  var CATEGORICAL = ["#e69f00", "#56b4e9", "#009e73", "#0072b2", "#d55e00", "#cc79a7", "#f0e442", "#999999"];
  var SUPPRESSED = "#b9b9b9";
  var COLOUR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;

  function start() {
    var maps = document.querySelectorAll(".network-map[data-values-url][data-regions-url]");
    for (var i = 0; i < maps.length; i++) {
      setUp(maps[i]);
    }
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(
      function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }
    );
  }

  function text(element, name) {
    return element.getAttribute("data-text-" + name) || "";
  }

  function setUp(element) {
    if (element.getAttribute("data-network-ready") || typeof window.L === "undefined") {
      return;
    }
    element.setAttribute("data-network-ready", "1");
    Promise.all([getJson(element.getAttribute("data-regions-url")), getJson(element.getAttribute("data-values-url"))])
      .then(function (loaded) { draw(element, loaded[0], loaded[1] || {}); })
      .catch(function () {
        var box = sibling(element, ".network-note");
        if (box) {
          box.textContent = text(element, "failed");
          box.hidden = false;
        }
      });
  }

  function sibling(element, selector) {
    var figure = element.closest("figure");
    return figure ? figure.querySelector(selector) : null;
  }

  function numberFormat(format) {
    var lang = document.documentElement.lang || undefined;
    if (format === "percent") { return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }); }
    if (format === "integer") { return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }); }
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  }

  // How to colour a region's entry, and the legend's classes: numbers on five equal steps of the
  // scale, or the listed categories.
  function classify(values) {
    if (Array.isArray(values.categories)) {
      var byCode = {};
      var classes = values.categories.map(function (category, i) {
        var colour = COLOUR.test(category.color || "") ? category.color : CATEGORICAL[i % CATEGORICAL.length];
        byCode[category.code] = colour;
        return { colour: colour, label: String(category.label == null ? category.code : category.label) };
      });
      return {
        classes: classes,
        colour: function (entry) {
          return entry.category == null ? null : byCode[entry.category] || CATEGORICAL[CATEGORICAL.length - 1];
        },
      };
    }
    var scale = values.scale || {};
    var numbers = Object.keys(values.values || {})
      .map(function (code) { return values.values[code] && values.values[code].value; })
      .filter(function (v) { return typeof v === "number" && isFinite(v); });
    var low = typeof scale.min === "number" ? scale.min : Math.min.apply(null, numbers.concat([0]));
    var high = typeof scale.max === "number" ? scale.max : Math.max.apply(null, numbers.concat([low]));
    var steps = SEQUENTIAL.length;
    var format = numberFormat(scale.format);
    var size = (high - low) / steps;
    var legend = SEQUENTIAL.map(function (colour, i) {
      var from = low + i * size;
      var to = i === steps - 1 ? high : low + (i + 1) * size;
      return { colour: colour, label: format.format(from) + "\u2013" + format.format(to) };
    });
    return {
      classes: high > low ? legend : [{ colour: SEQUENTIAL[2], label: format.format(low) }],
      colour: function (entry) {
        if (typeof entry.value !== "number" || !isFinite(entry.value)) { return null; }
        if (!(high > low)) { return SEQUENTIAL[2]; }
        var index = Math.floor((entry.value - low) / size);
        return SEQUENTIAL[Math.min(Math.max(index, 0), steps - 1)];
      },
    };
  }

  // The region's name and what it shows; `hidden`: the server left out a group too small to show.
  function tooltip(element, name, entry, hidden) {
    var box = document.createElement("div");
    var title = document.createElement("div");
    title.className = "network-tooltip-name";
    title.textContent = name;
    box.appendChild(title);
    var line = document.createElement("div");
    box.appendChild(line);
    if (!entry) {
      line.textContent = text(element, "no-data");
      return box;
    }
    line.textContent = hidden ? text(element, "suppressed") : String(entry.label == null ? "" : entry.label);
    if (!hidden && typeof entry.n === "number") {
      var count = document.createElement("div");
      count.textContent = text(element, "n").replace("%(n)s", entry.n.toLocaleString(document.documentElement.lang || undefined));
      box.appendChild(count);
    }
    return box;
  }

  function legendItem(list, colour, label, extraClass) {
    var item = document.createElement("li");
    var swatch = document.createElement("span");
    swatch.className = "network-swatch" + (extraClass ? " " + extraClass : "");
    swatch.setAttribute("aria-hidden", "true");
    if (colour) { swatch.style.backgroundColor = colour; }
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(label));
    list.appendChild(item);
  }

  function highlight(region) {
    region.setStyle({ weight: 3, color: "#1b2631" });
    region.bringToFront();
  }

  function draw(element, regions, values) {
    var L = window.L;
    var entries = values.values || {};
    var scheme = classify(values);
    var seen = { suppressed: false, noData: false };
    element.classList.add("is-active");
    while (element.firstChild) { element.removeChild(element.firstChild); }
    var map = L.map(element, {
      zoomSnap: 0.25,
      minZoom: 5,
      maxZoom: 11,
      scrollWheelZoom: false,
      attributionControl: false,
      zoomControl: false,
    });
    // Leaflet's own button titles are English; the template's are translated.
    L.control.zoom({ zoomInTitle: text(element, "zoom-in"), zoomOutTitle: text(element, "zoom-out") }).addTo(map);

    function style(feature) {
      var entry = entries[feature.properties.code];
      var colour = entry ? scheme.colour(entry) : undefined;
      if (!entry) {
        seen.noData = true;
        // No fill: the plain background shows through, inside a dotted outline.
        return { color: "#4a5866", weight: 1, dashArray: "1 3", fillOpacity: 0 };
      }
      if (colour === null) {
        seen.suppressed = true;
        return { color: "#4a5866", weight: 1, dashArray: "3 3", fillColor: SUPPRESSED, fillOpacity: 1 };
      }
      return { color: "#ffffff", weight: 1, fillColor: colour, fillOpacity: 1 };
    }

    var layer = L.geoJSON(regions, {
      style: style,
      onEachFeature: function (feature, region) {
        var name = String(feature.properties.name || feature.properties.code);
        var entry = entries[feature.properties.code];
        var content = tooltip(element, name, entry, Boolean(entry) && scheme.colour(entry) === null);
        region.bindTooltip(content, { direction: "top", sticky: false, opacity: 1 });
        region.on("add", function () {
          var path = region.getElement();
          if (!path) { return; }
          // Each region is reachable with Tab; Leaflet opens its tooltip on focus.
          path.setAttribute("tabindex", "0");
          path.setAttribute("role", "img");
          path.setAttribute("aria-label", content.textContent ? labelText(content) : name);
          path.addEventListener("focus", function () { highlight(region); });
          path.addEventListener("blur", function () { layer.resetStyle(region); });
        });
        region.on("mouseover", function () { highlight(region); });
        region.on("mouseout", function () { layer.resetStyle(region); });
      },
    }).addTo(map);

    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [8, 8] });
      map.setMaxBounds(bounds.pad(0.6));
    }
    if (typeof window.ResizeObserver === "function") {
      new window.ResizeObserver(function () { map.invalidateSize(); }).observe(element);
    }

    var legend = sibling(element, ".network-map-legend");
    if (legend) {
      if (values.legend_title) {
        var heading = document.createElement("p");
        heading.className = "network-map-legend-title";
        heading.textContent = String(values.legend_title);
        legend.appendChild(heading);
      }
      var list = document.createElement("ul");
      scheme.classes.forEach(function (item) { legendItem(list, item.colour, item.label); });
      if (seen.suppressed) { legendItem(list, null, text(element, "suppressed"), "network-swatch-suppressed"); }
      if (seen.noData) { legendItem(list, null, text(element, "no-data"), "network-swatch-no-data"); }
      legend.appendChild(list);
      legend.hidden = false;
    }
  }

  // The tooltip's lines as one accessible name: "Twente: 40 %, Organisations: 23".
  function labelText(content) {
    var parts = [];
    for (var i = 0; i < content.childNodes.length; i++) {
      var line = content.childNodes[i].textContent;
      if (line) { parts.push(line); }
    }
    return parts.length > 1 ? parts[0] + ": " + parts.slice(1).join(", ") : parts.join("");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
