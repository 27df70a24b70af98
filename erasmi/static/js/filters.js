// Filters fold away on a phone so that the results come first: a <details class="filters"> is open in the page
// (for a desktop, and without JavaScript) and closed here on a narrow screen. After htmx replaces the results,
// the filters stay as the reader left them.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 47.99rem)");
  var chosen = null; // open or closed by the reader
  function fold() {
    document.querySelectorAll("details.filters").forEach(function (details) {
      details.open = chosen === null ? !narrow.matches : chosen;
    });
  }
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.filters")) chosen = event.target.open;
  }, true);
  document.addEventListener("htmx:afterSettle", fold);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fold); else fold();
})();
