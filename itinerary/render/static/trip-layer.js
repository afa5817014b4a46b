// The trip on the map: a marker per stop and the route, drawn from what the server sends
// (itinerary/render/layers.py writes `data`; the words and the geometry are made there, once
// for every format, and only laid out here). Called by the page as
// itinerary.drawTrip(map, data):
//
//   text      every string once (titles, dates, popups), referred to by index
//   stops     columns of the located stops in trip order: number, title ("1. Bogotá,
//             Colombia"), dates ("3–4 Oct 2022"), lat, lon; part, for trips joined; popup,
//             a card as escaped HTML, for a page without a server to show the panel
//   numbered  numbered markers and an animated route, or small dots and a plain line
//   routes    for each part, its route's lines of [lat, lon] (great circles, already cut
//             and copied where they run past ±180°)
//   arrivals  for each part, the stop (its index) each of its route's lines arrives at;
//             with stops.start, each stop's first day (as Python's date.toordinal), what
//             playback needs to draw the route as far as a day
//   parts     for trips joined or compared: [name, colour] of each. Each is drawn as a
//             route of its own in its colour, and a legend turns each on or off.
//   colors    the palette's route colour
//
// Markers that overlap at the current zoom are clustered; a cluster of stops at one place
// opens like a spider on click. Every marker and cluster can be reached with Tab and opened
// with Enter. A click on a marker is told to whoever embeds the map as the map's event
// "itinerary:stop" ({marker, number}); once drawn, the map is announced on the document as
// "itinerary:drawn" ({map}). What is drawn stays in itinerary.shown.
(function () {
  "use strict";
  var ns = (window.itinerary = window.itinerary || {});
  var TOOLTIP_VISITS = 6, NEAR_TOP_PX = 70, LEGEND_OPEN_MAX = 8;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"'`$\\]/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  function Trip(data) {
    this.data = data;
    this.stops = data.stops;
  }

  Trip.prototype.text = function (index) {
    return index === null || index === undefined ? "" : this.data.text[index];
  };

  Trip.prototype.title = function (i) { return this.text(this.stops.title[i]); };

  Trip.prototype.dates = function (i) { return this.text(this.stops.dates[i]); };

  Trip.prototype.tooltip = function (i) {
    return "<b>" + escapeHtml(this.title(i)) + "</b><br>" + escapeHtml(this.dates(i));
  };

  // A cluster's tooltip: its stops in trip order, a few of them.
  Trip.prototype.clusterTooltip = function (indexes) {
    var self = this;
    var lines = indexes.slice(0, TOOLTIP_VISITS).map(function (i) {
      return escapeHtml(self.title(i)) + " · " + escapeHtml(self.dates(i));
    });
    if (indexes.length > TOOLTIP_VISITS) {
      lines.push("and " + (indexes.length - TOOLTIP_VISITS) + " more");
    }
    return lines.join("<br>");
  };

  // The popup is the stop's card, escaped on the server.
  Trip.prototype.popup = function (i) {
    return '<div class="itinerary-popup">' + this.text(this.stops.popup[i]) + "</div>";
  };

  // The colour of a stop's part, for a trip of several; null for one trip.
  Trip.prototype.color = function (i) {
    return this.data.parts ? this.data.parts[this.stops.part[i]][1] : null;
  };

  Trip.prototype.icon = function (i, selected) {
    var extra = selected ? " itinerary-selected" : "";
    var color = this.color(i), style = color ? ' style="background:' + color + '"' : "";
    if (!this.data.numbered) {
      return L.divIcon({ html: "<i" + style + "></i>", className: "itinerary-dot" + extra,
        iconSize: [12, 12], iconAnchor: [6, 6] });
    }
    return L.divIcon({ html: "<span" + style + ">" + this.stops.number[i] + "</span>",
      className: "itinerary-stop" + extra, iconSize: [26, 26], iconAnchor: [13, 13] });
  };

  // The marker of the stop at index i; its keyboard option makes it a tab stop that Enter
  // clicks. What a screen reader says is set as the icon comes on the map.
  Trip.prototype.marker = function (i, map) {
    var self = this;
    var marker = L.marker([this.stops.lat[i], this.stops.lon[i]], {
      icon: this.icon(i, false), keyboard: true, riseOnHover: true });
    marker.stopIndex = i;
    marker.on("add", function () { self.name(marker); });
    marker.on("click", function () {
      map.fire("itinerary:stop", { marker: marker, number: self.stops.number[i] });
    });
    marker.bindTooltip(function () { return self.tooltip(i); },
      { direction: "top", offset: [0, this.data.numbered ? -12 : -6] });
    if (this.stops.popup) {
      marker.bindPopup(function () { return self.popup(i); }, { maxWidth: 340 });
    }
    return marker;
  };

  // What a screen reader says of a marker's icon, set whenever the icon is (re)made, and
  // its place in the trip, by which the icons are put in trip order for Tab.
  Trip.prototype.name = function (marker) {
    if (!marker._icon) return;
    marker._icon.setAttribute("role", "button");
    marker._icon.setAttribute("aria-label",
      this.title(marker.stopIndex) + ", " + this.dates(marker.stopIndex));
    marker._icon.dataset.order = marker.stopIndex;
  };

  // A cluster's icon, named for a screen reader by what it holds and where:
  // "155 stops near Geneva, Switzerland, expand".
  var ClusterIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var div = L.DivIcon.prototype.createIcon.call(this, old);
      div.setAttribute("role", "button");
      div.setAttribute("aria-label", this.options.label);
      div.dataset.order = this.options.order;
      return div;
    }
  });

  // The title without its number: "Geneva, Switzerland" of "3. Geneva, Switzerland".
  Trip.prototype.place = function (i) {
    return this.title(i).replace(/^\d+\.\s*/, "");
  };

  // A cluster shows the first of its stops' numbers and a "+", or how many dots it holds.
  // Of several trips, a cluster of one trip's stops takes that trip's colour.
  Trip.prototype.clusterIcon = function (cluster) {
    var self = this, children = cluster.getAllChildMarkers();
    var first = Math.min.apply(null, children.map(function (m) {
      return self.stops.number[m.stopIndex];
    }));
    var earliest = Math.min.apply(null, children.map(function (m) { return m.stopIndex; }));
    var numbered = this.data.numbered, size = numbered ? 30 : 34;
    var colors = children.map(function (m) { return self.color(m.stopIndex); });
    var same = colors[0] && colors.every(function (c) { return c === colors[0]; });
    var style = same ? ' style="background:' + colors[0] + '"' : "";
    return new ClusterIcon({ html: "<span" + style + ">" +
      (numbered ? first + "+" : children.length) + "</span>",
    className: "itinerary-cluster" + (numbered ? " itinerary-stop" : ""),
    iconSize: [size, size], iconAnchor: [size / 2, size / 2], order: earliest,
    label: children.length + " stops near " + this.place(earliest) + ", expand" });
  };

  // The marker pane's icons in trip order, so that Tab goes 1, 2, 3: the clusters add the
  // icons that come into view last first. Their drawing order is their z-index, not this.
  function inTripOrder(map) {
    var pane = map.getPane("markerPane"), queued = false;
    function order() {
      queued = false;
      var icons = Array.prototype.slice.call(pane.children);
      var sorted = icons.slice().sort(function (a, b) {
        return Number(a.dataset.order || 0) - Number(b.dataset.order || 0);
      });
      if (sorted.some(function (icon, i) { return icon !== icons[i]; })) {
        var focused = pane.contains(document.activeElement) ? document.activeElement : null;
        sorted.forEach(function (icon) { pane.appendChild(icon); });
        if (focused) focused.focus({ preventScroll: true });  // a move in the page blurs it
      }
    }
    new MutationObserver(function () {
      if (!queued) {
        queued = true;
        window.requestAnimationFrame(order);
      }
    }).observe(pane, { childList: true });
    order();
  }

  // Clusters change without animation: an animated change misses the markers that come into
  // view when the page fits the map to the trip just after drawing it (seen on a phone).
  function clusters(trip) {
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
    data.stops.lat.forEach(function (_, i) { found[data.parts ? data.stops.part[i] : 0].push(i); });
    return found;
  }

  // A part's route, in its colour; it takes no clicks, so it never steals the markers'.
  function route(data, lines, color) {
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
  function legend(map, trip, parts, shown) {
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
          var own = parts[p].map(function (i) { return shown.markers[i]; });
          if (input.checked) {
            shown.group.addLayers(own);
            if (shown.routes[p]) shown.routes[p].addTo(map);
          } else {
            shown.group.removeLayers(own);
            if (shown.routes[p]) map.removeLayer(shown.routes[p]);
          }
          shown.partsShown = list.querySelectorAll("input:checked").length;
        });
      });
      return box;
    };
    control.addTo(map);
  }

  ns.drawTrip = function (map, data) {
    var trip = new Trip(data);
    var parts = partsOf(data);
    var routes = data.routes.map(function (lines, p) {
      var line = route(data, lines, data.parts ? data.parts[p][1] : data.colors.route);
      return line ? line.addTo(map) : null;
    });
    var markers = data.stops.lat.map(function (_, i) { return trip.marker(i, map); });
    var group = clusters(trip);
    // On the map first, then the markers: a group not yet on a map checks each marker
    // added against every one before it (hasLayer), 0.3 s at 20,000 stops.
    group.addTo(map);
    group.addLayers(markers);
    ns.shown = { map: map, trip: trip, markers: markers, group: group, routes: routes,
      partsShown: parts.length, selected: null, reached: null };
    if (data.parts && data.parts.length > 1) legend(map, trip, parts, ns.shown);
    // The frame may be sized after the map is drawn (on a phone, say), without a resize of
    // the window: tell the map, so that the clusters are worked out for what is visible.
    if (window.ResizeObserver) {
      new ResizeObserver(function () { map.invalidateSize(); }).observe(map.getContainer());
    }
    keepTooltipsInside(map);
    inTripOrder(map);
    // Enter or Space on a marker or cluster with the focus acts as a click, as on a button.
    map.getContainer().addEventListener("keydown", function (e) {
      if ((e.key === "Enter" || e.key === " ") &&
          e.target.classList.contains("leaflet-marker-icon")) {
        e.preventDefault();
        e.target.click();
      }
    });
    document.dispatchEvent(new CustomEvent("itinerary:drawn", { detail: { map: map } }));
  };

  // Playback: each route drawn only as far as the stops begun by `day` (a day's ordinal),
  // or whole for null.
  ns.reach = function (day) {
    var shown = ns.shown;
    if (!shown || shown.reached === day) return;
    shown.reached = day;
    var data = shown.trip.data;
    shown.routes.forEach(function (line, p) {
      if (!line) return;
      var ends = data.arrivals[p];
      line.setLatLngs(day === null ? data.routes[p] : data.routes[p].filter(function (_, i) {
        return data.stops.start[ends[i]] <= day;
      }));
    });
  };

  // Steps without motion for a reader who asks for less of it.
  function still() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

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
    if (still() && !shown.map.getBounds().contains(marker.getLatLng())) {
      shown.map.setView(marker.getLatLng(), shown.map.getZoom(), { animate: false });
    }
    shown.group.zoomToShowLayer(marker, function () {});
  };
})();
