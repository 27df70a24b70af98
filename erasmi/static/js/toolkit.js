// Toolkit progress: kept in this browser for visitors without an account, and handed to the account
// once the learner is signed in (the server merges it; the browser copy is then cleared).
(function () {
  "use strict";
  var KEY = "erasmi-toolkit-progress";

  function read() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return data && typeof data === "object" ? data : {};
    } catch (error) {
      return {};
    }
  }

  function write(data) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
    } catch (error) {
      // Storage full or forbidden: progress is simply not kept.
    }
  }

  function remember(tracker) {
    var unit = tracker.dataset.unit;
    if (!unit) return;
    var data = read();
    var entry = data[unit] || { pages: [], exercise: false };
    var page = parseInt(tracker.dataset.page || "", 10);
    if (page > 0 && entry.pages.indexOf(page) < 0) entry.pages.push(page);
    if (tracker.dataset.exercise) entry.exercise = true;
    data[unit] = entry;
    write(data);
  }

  function show() {
    var data = read();
    document.querySelectorAll("[data-progress-for]").forEach(function (element) {
      var entry = data[element.dataset.progressFor];
      if (!entry) return;
      var total = parseInt(element.dataset.pages, 10) || 0;
      var seen = entry.pages.filter(function (p) { return p <= total; }).length;
      var text = element.dataset.text.replace("{seen}", seen).replace("{total}", total);
      if (entry.exercise) text += ", " + element.dataset.exerciseText;
      element.textContent = text;
    });
  }

  function carryOver(tracker) {
    var data = read();
    if (!Object.keys(data).length) return;
    var token = tracker.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(tracker.dataset.carryOverUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.value : "" },
      body: JSON.stringify(data),
    })
      .then(function (response) {
        if (!response.ok) return null;
        window.localStorage.removeItem(KEY);
        return response.json();
      })
      .then(function (result) {
        if (result && result.units) window.location.reload();
      })
      .catch(function () {
        // Offline: try again on the next page.
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var tracker = document.getElementById("toolkit-progress");
    if (!tracker) return;
    if (tracker.dataset.carryOverUrl) {
      carryOver(tracker);
    } else {
      remember(tracker);
      show();
    }
    var feedback = document.getElementById("feedback");
    if (feedback) feedback.focus();
  });
})();
