// After a tap on a marker on a phone, where the panel stands below the map and the
// timeline, bring the selected stop's panel into view: otherwise nothing visible changes.
(function () {
  "use strict";
  if (window.innerWidth > 640) return;
  var panel = document.querySelector(".st-key-stop_panel");
  if (panel) panel.scrollIntoView({ behavior: "smooth", block: "start" });
})();
