// The trip on the map: the route as great-circle arcs and a marker per stop, built in the
// browser from compact arrays so that thousands of stops cost a few bytes each. Called by
// the page as itinerary.drawTrip(map, data); itinerary/render/layers.py writes `data`:
//
//   text      every string once (labels, summaries, meetings), referred to by index
//   stops     [number, label, first day, last day, lat, lon] in trip order (days since
//             1970-01-01), plus the summary's index when `popups` is set
//   meetings  [stop, with, day or null, summary, quote, quote by] when `popups` is set
//   numbered  numbered markers and an animated route, or small dots and a plain line
//   parts     for trips joined or compared: [name, colour] of each, and `part`, each
//             stop's part. Each part is drawn as a route of its own in its colour, never
//             one route from the end of one trip to the start of the next, and a legend
//             turns each on or off.
//
// Markers that overlap at the current zoom are clustered; a cluster of stops at one place
// opens like a spider on click. Every marker and cluster can be reached with Tab and opened
// with Enter. Text from the data is escaped here, where it becomes HTML; tooltips and
// popups are built only when first shown.
(function () {
  "use strict";
  var ns = (window.itinerary = window.itinerary || {});
  var ROUTE_COLOR = "#1d4f91", TOOLTIP_VISITS = 6, NEAR_TOP_PX = 70, LEGEND_OPEN_MAX = 8;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
    "Dec"];
  var RAD = Math.PI / 180;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"'`$\\]/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  // The same words as itinerary.dates.format_range: "5 Oct 2022", "3–4 Oct 2022".
  ns.formatRange = function (first, last) {
    var a = new Date(first * 864e5), b = new Date(last * 864e5);
    var ad = a.getUTCDate(), am = MONTHS[a.getUTCMonth()], ay = a.getUTCFullYear();
    var bd = b.getUTCDate(), bm = MONTHS[b.getUTCMonth()], by = b.getUTCFullYear();
    if (first === last) return ad + " " + am + " " + ay;
    if (ay === by && am === bm) return ad + "–" + bd + " " + bm + " " + by;
    if (ay === by) return ad + " " + am + " – " + bd + " " + bm + " " + by;
    return ad + " " + am + " " + ay + " – " + bd + " " + bm + " " + by;
  };

  function vec(p) {
    var la = p[0] * RAD, lo = p[1] * RAD;
    return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)];
  }

  // One leg as points along the great circle, a point per degree, starting at the leg's own
  // start so the line stays continuous across the antimeridian.
  function arc(a, b) {
    var u = vec(a), v = vec(b), out = [];
    var dot = Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
    var w = Math.acos(dot), n = Math.max(1, Math.ceil(w / RAD)), s = Math.sin(w);
    for (var i = 0; i <= n; i++) {
      var t = i / n;
      var f = s < 1e-9 ? 1 - t : Math.sin((1 - t) * w) / s;
      var g = s < 1e-9 ? t : Math.sin(t * w) / s;
      var x = f * u[0] + g * v[0], y = f * u[1] + g * v[1], z = f * u[2] + g * v[2];
      var lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD;
      var lon = Math.atan2(y, x) / RAD;
      var prev = out.length ? out[out.length - 1][1] : a[1];
      out.push([lat, lon + Math.round((prev - lon) / 360) * 360]);
    }
    return out;
  }

  // Markers stay on the main copy of the world; a leg that crosses the antimeridian is
  // drawn on both sides of it, so it reaches both markers.
  function legs(points) {
    var found = [];
    for (var i = 1; i < points.length; i++) {
      if (points[i][0] === points[i - 1][0] && points[i][1] === points[i - 1][1]) continue;
      var leg = arc(points[i - 1], points[i]);
      found.push(leg);
      var end = leg[leg.length - 1][1];
      if (end > 180 || end < -180) {
        var shift = end > 180 ? -360 : 360;
        found.push(leg.map(function (q) { return [q[0], q[1] + shift]; }));
      }
    }
    return found;
  }

  function Trip(data) {
    this.data = data;
    this.meetings = {};
    var self = this;
    (data.meetings || []).forEach(function (m) {
      (self.meetings[m[0]] = self.meetings[m[0]] || []).push(m);
    });
  }

  Trip.prototype.text = function (index) {
    return index === null || index === undefined ? "" : this.data.text[index];
  };

  // "1. Bogotá, Colombia" and its dates, as the tooltip and the screen reader say it.
  Trip.prototype.title = function (i) {
    var s = this.data.stops[i];
    return s[0] + ". " + this.text(s[1]);
  };

  Trip.prototype.tooltip = function (i) {
    var s = this.data.stops[i];
    return "<b>" + escapeHtml(this.title(i)) + "</b><br>" + escapeHtml(ns.formatRange(s[2], s[3]));
  };

  // A cluster's tooltip: its stops in trip order, a few of them.
  Trip.prototype.clusterTooltip = function (indexes) {
    var self = this;
    var lines = indexes.slice(0, TOOLTIP_VISITS).map(function (i) {
      var s = self.data.stops[i];
      return escapeHtml(self.title(i)) + " · " + escapeHtml(ns.formatRange(s[2], s[3]));
    });
    if (indexes.length > TOOLTIP_VISITS) {
      lines.push("and " + (indexes.length - TOOLTIP_VISITS) + " more");
    }
    return lines.join("<br>");
  };

  Trip.prototype.popup = function (i) {
    var self = this, s = this.data.stops[i];
    var parts = ['<div class="itinerary-popup"><h4>' + escapeHtml(this.title(i)) + "</h4>",
      "<p><i>" + escapeHtml(ns.formatRange(s[2], s[3])) + "</i></p>"];
    if (this.text(s[6])) parts.push("<p>" + escapeHtml(this.text(s[6])) + "</p>");
    (this.meetings[i] || []).forEach(function (m) {
      var when = m[2] === null ? " (date not given)"
        : " (" + escapeHtml(ns.formatRange(m[2], m[2])) + ")";
      parts.push("<p><b>" + escapeHtml(self.text(m[1])) + "</b>" + when + "<br>" +
        escapeHtml(self.text(m[3])));
      if (self.text(m[4])) {
        var by = self.text(m[5]) ? " — " + escapeHtml(self.text(m[5])) : "";
        parts.push("<br>“" + escapeHtml(self.text(m[4])) + "”" + by);
      }
      parts.push("</p>");
    });
    parts.push("</div>");
    return parts.join("");
  };

  // The colour of a stop's part, for a trip of several; null for one trip.
  Trip.prototype.color = function (i) {
    return this.data.parts ? this.data.parts[this.data.part[i]][1] : null;
  };

  Trip.prototype.icon = function (i, selected) {
    var extra = selected ? " itinerary-selected" : "";
    var color = this.color(i), style = color ? ' style="background:' + color + '"' : "";
    if (!this.data.numbered) {
      return L.divIcon({ html: "<i" + style + "></i>", className: "itinerary-dot" + extra,
        iconSize: [12, 12], iconAnchor: [6, 6] });
    }
    return L.divIcon({ html: "<span" + style + ">" + this.data.stops[i][0] + "</span>",
      className: "itinerary-stop" + extra, iconSize: [26, 26], iconAnchor: [13, 13] });
  };

  // The marker of the stop at index i; its keyboard option makes it a tab stop that Enter
  // clicks. What a screen reader says is set as the icon comes on the map.
  Trip.prototype.marker = function (i) {
    var self = this, s = this.data.stops[i];
    var marker = L.marker([s[4], s[5]], { icon: this.icon(i, false), keyboard: true,
      riseOnHover: true });
    marker.stopIndex = i;
    marker.on("add", function () { self.name(marker); });
    marker.on("click", function () {
      if (ns.bridge) ns.bridge.clicked(self.map, marker, s[0]);
    });
    marker.bindTooltip(function () { return self.tooltip(i); },
      { direction: "top", offset: [0, this.data.numbered ? -12 : -6] });
    if (this.data.popups) {
      marker.bindPopup(function () { return self.popup(i); }, { maxWidth: 340 });
    }
    return marker;
  };

  // What a screen reader says of a marker's icon, set whenever the icon is (re)made.
  Trip.prototype.name = function (marker) {
    var s = this.data.stops[marker.stopIndex];
    if (!marker._icon) return;
    marker._icon.setAttribute("role", "button");
    marker._icon.setAttribute("aria-label",
      this.title(marker.stopIndex) + ", " + ns.formatRange(s[2], s[3]));
  };

  // A cluster shows the first of its stops' numbers and a "+", or how many dots it holds.
  // Of several trips, a cluster of one trip's stops takes that trip's colour.
  Trip.prototype.clusterIcon = function (cluster) {
    var self = this, stops = this.data.stops, children = cluster.getAllChildMarkers();
    var first = Math.min.apply(null, children.map(function (m) { return stops[m.stopIndex][0]; }));
    var numbered = this.data.numbered, size = numbered ? 30 : 34;
    var colors = children.map(function (m) { return self.color(m.stopIndex); });
    var same = colors[0] && colors.every(function (c) { return c === colors[0]; });
    var style = same ? ' style="background:' + colors[0] + '"' : "";
    return L.divIcon({ html: "<span" + style + ">" + (numbered ? first + "+" : children.length) +
      "</span>",
      className: "itinerary-cluster" + (numbered ? " itinerary-stop" : ""),
      iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
  };

  // Clusters change without animation: an animated change misses the markers that come into
  // view when the page fits the map to the trip just after drawing it (seen on a phone).
  function clusters(trip, map) {
    var group = L.markerClusterGroup({
      maxClusterRadius: trip.data.numbered ? 24 : 40, showCoverageOnHover: false, animate: false,
      spiderfyOnMaxZoom: true, chunkedLoading: !trip.data.numbered,
      iconCreateFunction: function (cluster) { return trip.clusterIcon(cluster); } });
    group.on("clustermouseover", function (e) {
      var indexes = e.layer.getAllChildMarkers().map(function (m) { return m.stopIndex; })
        .sort(function (a, b) { return a - b; });
      e.layer.bindTooltip(trip.clusterTooltip(indexes), { direction: "top", offset: [0, -15] })
        .openTooltip();
    });
    return group;
  }

  // A tooltip at the top edge of the map would be cut off: open it below the marker.
  function keepTooltipsInside(map) {
    map.on("tooltipopen", function (e) {
      var tip = e.tooltip, y = map.latLngToContainerPoint(tip.getLatLng()).y;
      var below = y < NEAR_TOP_PX;
      if (below === (tip.options.direction === "bottom")) return;
      tip.options.direction = below ? "bottom" : "top";
      tip.options.offset = [0, below ? 12 : -12];
      tip.update();
    });
  }

  // The stops' indexes of each part, in trip order: one part for a trip of one.
  function partsOf(data) {
    var count = data.parts ? data.parts.length : 1, found = [];
    for (var p = 0; p < count; p++) found.push([]);
    data.stops.forEach(function (_, i) { found[data.parts ? data.part[i] : 0].push(i); });
    return found;
  }

  // A part's route, in its colour; it takes no clicks, so it never steals the markers'.
  function route(data, indexes, color) {
    var points = indexes.map(function (i) { return [data.stops[i][4], data.stops[i][5]]; });
    var lines = legs(points);
    if (!lines.length) return null;
    var style = { color: color, weight: data.numbered ? 3 : 1.5, opacity: 0.85,
      interactive: false };
    return (data.numbered && L.polyline.antPath)
      ? L.polyline.antPath(lines, Object.assign(style, { delay: 1200, dashArray: [12, 18],
        pulseColor: "#ffffff", className: "itinerary-route" }))
      : L.polyline(lines, Object.assign(style, { renderer: L.canvas({ padding: 0.5 }) }));
  }

  // The legend of a trip of several parts: a checkbox per part, in its colour, that shows
  // or hides its markers and its route. Past a few trips (a traveller's whole record) it
  // starts folded behind a button, so that it does not hide the map.
  function legend(map, trip, parts, routes, markers, group) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "itinerary-legend leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var count = trip.data.parts.length, folded = count > LEGEND_OPEN_MAX;
      var toggle = L.DomUtil.create("button", "itinerary-legend-toggle", box);
      toggle.type = "button";
      var list = L.DomUtil.create("div", "itinerary-legend-list", box);
      list.setAttribute("role", "group");
      list.setAttribute("aria-label", "Trips on the map");
      function show(open) {
        list.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = (open ? "▾ " : "▸ ") + count + " trips";
      }
      toggle.addEventListener("click", function () { show(list.hidden); });
      show(!folded);
      trip.data.parts.forEach(function (part, p) {
        var label = L.DomUtil.create("label", "", list), input = L.DomUtil.create("input", "", label);
        input.type = "checkbox";
        input.checked = true;
        var swatch = L.DomUtil.create("span", "itinerary-swatch", label);
        swatch.style.background = part[1];
        label.appendChild(document.createTextNode(trip.text(part[0])));
        input.addEventListener("change", function () {
          var own = parts[p].map(function (i) { return markers[i]; });
          if (input.checked) {
            group.addLayers(own);
            if (routes[p]) routes[p].addTo(map);
          } else {
            group.removeLayers(own);
            if (routes[p]) map.removeLayer(routes[p]);
          }
          window.itineraryPartsShown = list.querySelectorAll("input:checked").length;
        });
      });
      return box;
    };
    control.addTo(map);
    window.itineraryPartsShown = trip.data.parts.length;
  }

  ns.drawTrip = function (map, data) {
    var trip = new Trip(data);
    trip.map = map;
    var parts = partsOf(data);
    var routes = parts.map(function (indexes, p) {
      var line = route(data, indexes, data.parts ? data.parts[p][1] : ROUTE_COLOR);
      return line ? line.addTo(map) : null;
    });
    window.itineraryRoute = routes[0];
    window.itineraryRoutes = routes.filter(Boolean).length;
    var markers = data.stops.map(function (_, i) { return trip.marker(i); });
    var group = clusters(trip, map);
    group.addLayers(markers);
    group.addTo(map);
    if (data.parts && data.parts.length > 1) legend(map, trip, parts, routes, markers, group);
    // The frame may be sized after the map is drawn (on a phone, say), without a resize of
    // the window: tell the map, so that the clusters are worked out for what is visible.
    if (window.ResizeObserver) {
      new ResizeObserver(function () { map.invalidateSize(); }).observe(map.getContainer());
    }
    keepTooltipsInside(map);
    // Enter or Space on a marker or cluster with the focus acts as a click, as on a button.
    map.getContainer().addEventListener("keydown", function (e) {
      if ((e.key === "Enter" || e.key === " ") &&
          e.target.classList.contains("leaflet-marker-icon")) {
        e.preventDefault();
        e.target.click();
      }
    });
    ns.shown = { map: map, trip: trip, markers: markers, group: group, selected: null };
    window.itineraryLayer = group;
    window.itineraryMarkers = markers.length;
    if (ns.bridge) ns.bridge.attach(map);
  };

  // Select a stop (its index among the drawn stops, or null for none): mark its marker and,
  // when the selection is new, move the map so that the marker shows, out of any cluster.
  ns.select = function (index) {
    var shown = ns.shown;
    if (!shown || shown.selected === index) return;
    var before = shown.selected;
    shown.selected = index;
    if (before !== null && shown.markers[before]) {
      shown.markers[before].setIcon(shown.trip.icon(before, false));
      shown.trip.name(shown.markers[before]);
    }
    var marker = index === null ? null : shown.markers[index];
    if (!marker) return;
    marker.setIcon(shown.trip.icon(index, true));
    shown.trip.name(marker);
    shown.group.zoomToShowLayer(marker, function () {});
  };
})();
