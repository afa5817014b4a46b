// Country outlines (Natural Earth, from world-atlas TopoJSON) in a pane under the tiles, so
// the map reads with no tile server at all. Called by the page as
//   itinerary.drawOutlines(map, {data: topology})                     (a standalone file)
//   itinerary.drawOutlines(map, {coarse: url, fine: url, fineFrom: 4}) (the app)
// With URLs, the coarse outlines (110m, about 100 KB) are drawn first; the finer ones
// (50m) are fetched only once the map is zoomed in to `fineFrom`, where they show.
(function () {
  "use strict";
  var ns = (window.itinerary = window.itinerary || {});
  var STYLE = { color: "#8c8c8c", weight: 0.6, fillColor: "#f3efe4", fillOpacity: 1 };

  // Rings that cross the antimeridian (Fiji, Chukotka) would be drawn as bands across the
  // whole world; unwrap their longitudes so they stay continuous. A ring around a pole
  // (Antarctica) spans the whole world either way: unwrapped it would run on past ±180°
  // and streak across the map, so it is left as it is.
  function unwrap(ring) {
    var out = [ring[0].slice()], low = ring[0][0], high = ring[0][0];
    for (var i = 1; i < ring.length; i++) {
      var lon = ring[i][0];
      while (lon - out[i - 1][0] > 180) lon -= 360;
      while (lon - out[i - 1][0] < -180) lon += 360;
      out.push([lon, ring[i][1]]);
      low = Math.min(low, lon);
      high = Math.max(high, lon);
    }
    if (high - low >= 360) return;
    for (var j = 0; j < ring.length; j++) ring[j][0] = out[j][0];
  }

  function shapes(topo) {
    var found = topojson.feature(topo, topo.objects.countries);
    found.features.forEach(function (f) {
      if (!f.geometry) return;
      var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      polys.forEach(function (p) { p.forEach(unwrap); });
    });
    return found;
  }

  function fetchJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  ns.drawOutlines = function (map, source) {
    var pane = map.createPane("outlines");
    pane.style.zIndex = 150;
    pane.style.pointerEvents = "none";
    var fineShown = false;
    function draw(topo, fine) {
      if (fineShown) return; // a late coarse answer never replaces the fine outlines
      fineShown = fine;
      var layer = L.geoJSON(shapes(topo), { pane: "outlines", interactive: false, style: STYLE });
      if (window.itineraryOutlines) map.removeLayer(window.itineraryOutlines);
      window.itineraryOutlines = layer.addTo(map);
    }
    function unavailable(error) { console.warn("country outlines unavailable", error); }
    if (source.data) {
      draw(source.data, true);
      return;
    }
    fetchJson(source.coarse).then(function (topo) { draw(topo, false); }).catch(unavailable);
    function zoomedIn() {
      if (map.getZoom() < source.fineFrom) return;
      map.off("zoomend", zoomedIn);
      fetchJson(source.fine).then(function (topo) { draw(topo, true); }).catch(unavailable);
    }
    map.on("zoomend", zoomedIn);
    map.whenReady(zoomedIn);
  };
})();
