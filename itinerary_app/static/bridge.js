// The page's side of the map, loaded into the map's frame (streamlit-folium's component,
// version pinned in pyproject.toml) by itinerary_app/page.py. It knows streamlit-folium's
// state (window.__GLOBAL_DATA__) and the page's own buttons; the map knows neither, and
// only tells of a click on a stop ("itinerary:stop") and that it is drawn
// ("itinerary:drawn"), see itinerary/render/static/trip-layer.js.
//
// - A click on a stop is reported at once, with the stop's number, instead of after
//   streamlit-folium's 250 ms debounce: the report is the one streamlit-folium would send
//   (its own state, its message to Streamlit), plus `stop`, so that two visits to one
//   place stay apart. Its own debounced report then finds nothing new and sends nothing.
// - A clicked stop is marked at once, before the app's answer; the page tells the map
//   which stop is selected (select.js), and a map drawn later finds it here.
// - A click on the empty map is reported at once too: the app returns to the overview.
// - Ctrl and the wheel zoom the map from the first notch (see attach).
// - The keys ←, → and Esc pressed while the map has the focus press the page's Previous
//   stop, Next stop and Overview buttons, as they do anywhere else on the page; + and -
//   zoom the map (the map's own keyboard handler is off, since it focuses the map on every
//   click and the browser then scrolls, so that a click lands beside its marker).
(function () {
  "use strict";
  var FIELDS = ["last_clicked", "last_object_clicked", "last_object_clicked_count"];
  var BUTTONS = { ArrowLeft: "previous_stop", ArrowRight: "next_stop", Escape: "overview" };

  // Send what streamlit-folium would send, now, plus `extra`.
  function send(map, extra) {
    var state = window.__GLOBAL_DATA__;
    var wrap = function (p) { return p && state.wrap_longitude ? map.wrapLatLng(p) : p; };
    var all = { last_clicked: wrap(state.lat_lng_clicked),
      last_object_clicked: wrap(state.last_object_clicked),
      last_object_clicked_count: state.last_object_clicked_count };
    var value = {};
    FIELDS.forEach(function (key) {
      if (!state.returned_objects || state.returned_objects.indexOf(key) >= 0) {
        value[key] = all[key];
      }
    });
    if (JSON.stringify(state.previous_data) === JSON.stringify(value)) return;
    state.previous_data = value;
    window.parent.postMessage({ isStreamlitMessage: true, type: "streamlit:setComponentValue",
      value: Object.assign({}, value, extra), dataType: "json" }, "*");
  }

  function embedded() {
    return Boolean(window.__GLOBAL_DATA__) && window.parent !== window;
  }

  function press(key) {
    var name = BUTTONS[key];
    var page = window.parent && window.parent.document;
    var button = name && page && page.querySelector(".st-key-" + name + " button");
    if (button && !button.disabled) button.click();
    return Boolean(button);
  }

  function typing(target) {
    return target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  // A stop's marker was clicked, or opened with Enter. This runs before streamlit-folium's
  // own handler, which counts the click; what it did not count (Enter on a marker that came
  // on the map after it started) is counted here.
  function clicked(map, marker, number) {
    var state = window.__GLOBAL_DATA__, before = state.last_object_clicked_count;
    setTimeout(function () {
      if (state.last_object_clicked_count === before) {
        state.last_object_clicked = marker.getLatLng();
        state.last_object_clicked_count += 1;
      }
      send(map, { stop: number });
      // After the report, so that marking the marker does not hold the app's answer back.
      window.itinerary.select(marker.stopIndex);
    }, 0);
  }

  function attach(map) {
    if (!embedded()) return;
    var chosen = window.parent.itinerarySelected, day = window.parent.itineraryDay;
    if (typeof day === "number") window.itinerary.reach(day);
    if (typeof chosen === "number") window.itinerary.select(chosen);
    map.on("itinerary:stop", function (e) { clicked(map, e.marker, e.number); });
    // Ctrl and the wheel zoom the map. Leaflet.GestureHandling turns wheel zoom on only
    // when it sees Ctrl, too late for the notch that showed it: zoom by that notch here.
    map.getContainer().addEventListener("wheel", function (e) {
      if (!(e.ctrlKey || e.metaKey) || map.scrollWheelZoom.enabled()) return;
      var at = map.mouseEventToContainerPoint(e);
      map.setZoomAround(at, map.getZoom() + (e.deltaY < 0 ? 1 : -1));
      e.preventDefault();
    }, { capture: true, passive: false });
    map.on("click", function () { setTimeout(function () { send(map, {}); }, 0); });
    document.addEventListener("keydown", function (e) {
      if (typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (BUTTONS[e.key] && press(e.key)) {
        e.preventDefault();
      } else if (e.key === "+" || e.key === "=") {
        map.zoomIn();
      } else if (e.key === "-") {
        map.zoomOut();
      }
    });
  }

  document.addEventListener("itinerary:drawn", function (e) { attach(e.detail.map); });
})();
