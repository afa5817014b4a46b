// The trip on the map: the route as great-circle arcs and one marker per place, built in
// the browser from compact arrays so that thousands of stops cost a few bytes each. Called
// by the page as itinerary.drawTrip(map, data); itinerary/render/layers.py writes `data`:
//
//   text      every string once (labels, summaries, meetings), referred to by index
//   stops     [number, label, first day, last day] (days since 1970-01-01), plus the
//             summary's index when `popups` is set
//   places    [lat, lon, [stop, ...]]: one marker per point, its visits in trip order
//   route     the places' indexes in trip order
//   meetings  [stop, with, day or null, summary, quote, quote by] when `popups` is set
//   numbered  numbered markers and an animated route, or clustered circles and a plain line
//
// Text from the data is escaped here, where it becomes HTML; labels and popups are built
// only when first shown.
(function () {
  "use strict";
  var ns = (window.itinerary = window.itinerary || {});
  var STOP_COLOR = "#b03a2e", ROUTE_COLOR = "#1d4f91", TOOLTIP_VISITS = 6;
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

  Trip.prototype.stopLine = function (i) {
    var s = this.data.stops[i];
    return s[0] + ". " + escapeHtml(ns.formatRange(s[2], s[3]));
  };

  // The place and each visit's number and dates: "1. Bogotá, Colombia / 3–4 Oct 2022".
  Trip.prototype.tooltip = function (visits) {
    var first = this.data.stops[visits[0]];
    if (visits.length === 1) {
      return "<b>" + first[0] + ". " + escapeHtml(this.text(first[1])) + "</b><br>" +
        escapeHtml(ns.formatRange(first[2], first[3]));
    }
    var lines = ["<b>" + escapeHtml(this.text(first[1])) + "</b>"];
    for (var i = 0; i < Math.min(visits.length, TOOLTIP_VISITS); i++) {
      lines.push(this.stopLine(visits[i]));
    }
    if (visits.length > TOOLTIP_VISITS) {
      lines.push("and " + (visits.length - TOOLTIP_VISITS) + " more visits");
    }
    return lines.join("<br>");
  };

  Trip.prototype.popup = function (visits) {
    var self = this;
    return visits.map(function (i) {
      var s = self.data.stops[i];
      var parts = ['<div class="itinerary-popup"><h4>' + escapeHtml(self.text(s[1])) + "</h4>",
        "<p><i>" + escapeHtml(ns.formatRange(s[2], s[3])) + "</i></p>"];
      if (self.text(s[4])) parts.push("<p>" + escapeHtml(self.text(s[4])) + "</p>");
      (self.meetings[i] || []).forEach(function (m) {
        var when = m[2] === null ? "" : " (" + escapeHtml(ns.formatRange(m[2], m[2])) + ")";
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
    }).join("");
  };

  Trip.prototype.marker = function (place, renderer) {
    var self = this, visits = place[2], numbered = this.data.numbered;
    var marker;
    if (numbered) {
      var label = this.data.stops[visits[0]][0] + (visits.length > 1 ? "+" : "");
      marker = L.marker([place[0], place[1]], { keyboard: false, icon: L.divIcon({
        html: "<span>" + label + "</span>", className: "itinerary-stop",
        iconSize: [26, 26], iconAnchor: [13, 13] }) });
    } else {
      marker = L.circleMarker([place[0], place[1]], { renderer: renderer, radius: 6,
        color: "#ffffff", weight: 1.5, fillColor: STOP_COLOR, fillOpacity: 0.95 });
    }
    marker.bindTooltip(function () { return self.tooltip(visits); },
      { direction: "top", offset: [0, numbered ? -12 : -6] });
    if (this.data.popups) {
      marker.bindPopup(function () { return self.popup(visits); }, { maxWidth: 340 });
    }
    return marker;
  };

  ns.drawTrip = function (map, data) {
    var trip = new Trip(data), numbered = data.numbered;
    var renderer = L.canvas({ padding: 0.5 });
    var points = data.route.map(function (i) { return data.places[i]; });
    var lines = legs(points);
    // The route is drawn first and takes no clicks, so it never steals the markers' clicks.
    if (lines.length) {
      var style = { color: ROUTE_COLOR, weight: numbered ? 3 : 1.5, opacity: 0.85,
        interactive: false };
      window.itineraryRoute = (numbered && L.polyline.antPath)
        ? L.polyline.antPath(lines, Object.assign(style, { delay: 1200, dashArray: [12, 18],
          pulseColor: "#ffffff", className: "itinerary-route" }))
        : L.polyline(lines, Object.assign(style, { renderer: renderer }));
      window.itineraryRoute.addTo(map);
    }
    var markers = data.places.map(function (place) { return trip.marker(place, renderer); });
    if (numbered || !L.markerClusterGroup) {
      markers.forEach(function (m) { m.addTo(map); });
      window.itineraryLayer = L.featureGroup(markers);
    } else {
      // Crowded maps cluster; clicks on a stop reach the app through the group.
      window.itineraryLayer = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40,
        disableClusteringAtZoom: 8, showCoverageOnHover: false });
      window.itineraryLayer.addLayers(markers);
      window.itineraryLayer.addTo(map);
    }
    window.itineraryMarkers = data.places.length;
  };
})();
