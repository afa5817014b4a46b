// A meeting chosen among the search's results (window.itineraryFound: its place among the
// stop's meetings): scroll the stop's card to it and mark it for a moment. The card is
// Markdown (itinerary/dashboard/cards.py): after the "Meetings" heading, each meeting
// starts with a paragraph that opens with its bold "who", followed by its summary and quote.
(function () {
  "use strict";
  var index = window.itineraryFound;
  var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var tries = 0;

  function heads(panel) {
    var heading = panel.querySelector("h4");
    if (!heading) return [];
    return Array.prototype.filter.call(panel.querySelectorAll("p"), function (p) {
      var first = p.firstChild;
      return first && first.nodeName === "STRONG" &&
        (heading.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
  }

  function mark(head) {
    var parts = [head], next = head.nextElementSibling;
    while (next && !(next.nodeName === "P" && next.firstChild &&
                     next.firstChild.nodeName === "STRONG")) {
      parts.push(next);
      next = next.nextElementSibling;
    }
    parts.forEach(function (part) { part.classList.add("itinerary-found"); });
    head.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "center" });
    setTimeout(function () {
      parts.forEach(function (part) { part.classList.remove("itinerary-found"); });
    }, 2500);
  }

  function look() {
    var panel = document.querySelector(".st-key-stop_panel");
    var found = panel ? heads(panel)[index] : null;
    if (found) mark(found);
    else if (tries++ < 60) requestAnimationFrame(look);  // the card may still be drawing
  }

  if (typeof index === "number") look();
})();
