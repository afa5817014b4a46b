// "Skip to the map", the first link of the page: Enter on it sends the focus to the map's
// first marker (the icons are in trip order), past the sidebar's pickers and the dates.
// Registered once per page.
(function () {
  "use strict";
  var page = document.documentElement;
  if (page.dataset.itinerarySkip) return;
  page.dataset.itinerarySkip = "registered";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.itinerary-skip") : null;
    if (!link) return;
    event.preventDefault();
    var frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    var map = frame ? frame.contentDocument : null;
    var first = map ? map.querySelector(".leaflet-marker-pane [tabindex]") : null;
    if (first) first.focus();
    else if (frame) frame.focus();
  });
})();
