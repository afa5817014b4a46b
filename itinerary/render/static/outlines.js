// Country outlines (Natural Earth, from world-atlas TopoJSON) in a pane under the tiles, so
// the map reads with no tile server at all. Called by the page as
//   itinerary.drawOutlines(map, {data: topology, colors})                     (a standalone file)
//   itinerary.drawOutlines(map, {coarse: url, fine: url, fineFrom: 4, colors}) (the app)
// With URLs, the coarse outlines (110m, about 100 KB) are drawn first; the finer ones
// (50m) are fetched only once the map is zoomed in to `fineFrom`, where they show.
// `colors` are the palette's land and border. The layer drawn is itinerary.outlines.
(function () {
  "use strict";
  var ns = (window.itinerary = window.itinerary || {});

  // The files' rings that cross the antimeridian are continuous already (mended once by
  // scripts/outlines.py, by the route's rule), so the shapes are drawn as they come.
  function shapes(topo) {
    return topojson.feature(topo, topo.objects.countries);
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
    var style = { color: source.colors.border, weight: 0.6, fillColor: source.colors.land,
      fillOpacity: 1 };
    function draw(topo, fine) {
      if (fineShown) return; // a late coarse answer never replaces the fine outlines
      fineShown = fine;
      var layer = L.geoJSON(shapes(topo), { pane: "outlines", interactive: false, style: style });
      if (ns.outlines) map.removeLayer(ns.outlines);
      ns.outlines = layer.addTo(map);
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
