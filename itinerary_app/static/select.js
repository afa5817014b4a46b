// The selected stop, told to the map by the page (itinerary_app/page.py writes
// `window.itinerarySelected`, a marker's index or null, and `window.itineraryDay`, the day
// playback has reached as an ordinal or null, before this file) instead of with
// the map's own component: the component's message holds the whole map, and a message that
// did not change is not sent again, so a click sends a line instead of the map.
// A map drawn after this ran reads `itinerarySelected` itself (see bridge.js).
(function () {
  "use strict";
  var index = window.itinerarySelected;
  var day = typeof window.itineraryDay === "number" ? window.itineraryDay : null;
  document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]').forEach(function (f) {
    var map;
    try {
      map = f.contentWindow && f.contentWindow.itinerary;
    } catch {
      return;  // a frame from elsewhere
    }
    if (map && map.shown) {
      map.reach(day);
      map.select(index);
    }
  });
})();
