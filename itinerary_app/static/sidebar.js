// The phone's "Trip and dates" button, above the map: it opens the sidebar, where the data
// source and the dates are, as Streamlit's own unlabelled "»" does. Registered once per
// page; the button itself is drawn on every run.
(function () {
  "use strict";
  var page = document.documentElement;
  if (page.dataset.itinerarySidebar) return;
  page.dataset.itinerarySidebar = "registered";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".itinerary-trip-dates") : null;
    if (!button) return;
    var open = document.querySelector('[data-testid="stExpandSidebarButton"]');
    if (open) open.click();
  });
})();
