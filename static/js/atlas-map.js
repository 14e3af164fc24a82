/* The atlas map: the search's organisations over the vendored outlines of the Netherlands and
 * Germany, clustered at low zoom. No tile server: the outlines are the only base layer, so the map
 * works offline. The list beside the map is rendered by the server and works without this script.
 */
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("atlas-map");
    if (!element || typeof window.L === "undefined") {
      return;
    }
    var L = window.L;
    element.classList.add("atlas-map-active");
    var map = L.map(element, {
      zoomSnap: 0.5,
      minZoom: 5,
      maxZoom: 13,
      attributionControl: true,
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    map.fitBounds([[50.3, 3.4], [53.7, 10.0]]);

    fetch(element.dataset.outlinesUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (outlines) {
        L.geoJSON(outlines, {
          interactive: false,
          style: { color: "#53606b", weight: 1.2, fillColor: "#eef2f5", fillOpacity: 1 },
        }).addTo(map).bringToBack();
      })
      .catch(function () { /* the points are still useful without the outlines */ });

    fetch(element.dataset.pointsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) { showPoints(L, map, element, data); })
      .catch(function () { element.classList.add("atlas-map-failed"); });
  }

  function popup(point, anonymousText) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.label;
    box.appendChild(link);
    var kind = document.createElement("div");
    kind.textContent = point.anonymous ? point.kind + " · " + anonymousText : point.kind;
    box.appendChild(kind);
    return box;
  }

  function showPoints(L, map, element, data) {
    var clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
    var bounds = [];
    data.points.forEach(function (point) {
      var marker = L.circleMarker([point.lat, point.lon], {
        radius: 6,
        weight: 1,
        color: "#ffffff",
        fillColor: point.anonymous ? "#8a5a00" : "#0b5cad",
        fillOpacity: 0.9,
      });
      marker.bindPopup(popup(point, element.dataset.anonymousText || ""));
      // Leaflet puts a string tooltip in as HTML; a text node keeps a name from becoming markup.
      var tooltip = document.createElement("span");
      tooltip.textContent = point.label;
      marker.bindTooltip(tooltip);
      clusters.addLayer(marker);
      bounds.push([point.lat, point.lon]);
    });
    map.addLayer(clusters);
    if (bounds.length > 1) {
      map.fitBounds(bounds, { padding: [20, 20], maxZoom: 10 });
    } else if (bounds.length === 1) {
      map.setView(bounds[0], 9);
    }
    if (data.truncated) {
      var note = document.createElement("p");
      note.className = "small atlas-map-note";
      note.textContent = (element.dataset.moreText || "").replace("%(limit)s", String(data.limit));
      element.parentNode.insertBefore(note, element.nextSibling);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
