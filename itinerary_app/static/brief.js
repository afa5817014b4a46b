// The printable brief: the page keeps it in a template element (inert, and out of the page's
// text), and the browser's beforeprint puts a copy at the end of the body, where the print
// stylesheet (page.css) shows it alone; afterprint takes it away. Registered once per page;
// the newest template is used.
// The server makes the brief only when it is first asked for. Until then Ctrl+P (or Cmd+P)
// presses the Print brief button, whose run makes it and then prints; printing from the
// browser's menu before that prints the page itself.
// No less-than sign anywhere in this file: Streamlit's sanitizer (DOMPurify) drops a
// script whose text holds one.
(function () {
  "use strict";
  var page = document.documentElement;
  if (page.dataset.itineraryBrief) return;
  page.dataset.itineraryBrief = "registered";
  var ID = "itinerary-brief-print";
  window.addEventListener("beforeprint", function () {
    var old = document.getElementById(ID);
    if (old) old.remove();
    var templates = document.querySelectorAll("template.itinerary-brief");
    if (!templates.length) return;
    var sheet = document.createElement("div");
    sheet.id = ID;
    sheet.appendChild(templates[templates.length - 1].content.cloneNode(true));
    document.body.appendChild(sheet);
  });
  var BUTTON = ".st-key-print_brief_button button";
  document.addEventListener("keydown", function (event) {
    var key = event.key === "p" || event.key === "P";
    if (!key || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    var button = document.querySelector(BUTTON);
    if (document.querySelector("template.itinerary-brief") || !button) return;
    event.preventDefault();
    button.click();
  }, true);
  window.addEventListener("afterprint", function () {
    var sheet = document.getElementById(ID);
    if (sheet) sheet.remove();
  });
})();
