// Leaflet finds its marker images by their plain names; the collected static files have hashed names,
// so the page gives their addresses.
(function () {
  "use strict";
  var icons = document.querySelector("meta[name=leaflet-icons]");
  if (!icons || typeof L === "undefined") return;
  L.Icon.Default.imagePath = "";
  L.Icon.Default.mergeOptions({
    iconUrl: icons.dataset.icon,
    iconRetinaUrl: icons.dataset.retina,
    shadowUrl: icons.dataset.shadow,
  });
})();

// Offers on a Leaflet map. Without a tile server (a default install) the markers show on a plain, neutral
// background and nothing alarms the reader. The notice appears only when a configured tile server really
// fails: tiles fail and none has loaded; it goes again once tiles arrive. The list always has every offer.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var data = document.getElementById("map-data");
  if (!element || !data || typeof L === "undefined") return;
  var features = JSON.parse(data.textContent);
  var map = L.map(element, { scrollWheelZoom: false });
  var note = null;
  var loaded = 0;
  function unavailable() {
    if (note || loaded) return;
    note = document.createElement("p");
    note.className = "notice map-notice";
    note.setAttribute("role", "status");
    note.textContent = element.dataset.unavailable;
    element.parentNode.insertBefore(note, element);
  }
  if (element.dataset.tiles) {
    var tiles = L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: "© OpenStreetMap" });
    tiles.on("tileerror", unavailable);
    tiles.on("tileload", function () {
      loaded += 1;
      if (note) {
        note.remove();
        note = null;
      }
    });
    tiles.addTo(map);
  } else {
    element.classList.add("map-plain");
  }
  var layer = L.geoJSON(features, {
    onEachFeature: function (feature, marker) {
      var link = document.createElement("a");
      link.href = feature.properties.url;
      link.textContent = feature.properties.title;
      marker.bindPopup(link);
    },
  }).addTo(map);
  if (features.features.length) {
    map.fitBounds(layer.getBounds(), { maxZoom: 15, padding: [20, 20] });
  } else {
    map.setView([51.0, 10.5], 5);
  }
})();

// On the offer form: a click on the map sets the pin and fills in the coordinates.
(function () {
  "use strict";
  var element = document.getElementById("pick-map");
  var lat = document.getElementById("id_latitude");
  var lon = document.getElementById("id_longitude");
  if (!element || !lat || !lon || typeof L === "undefined") return;
  var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [51.0, 10.5];
  var map = L.map(element).setView(start, lat.value ? 15 : 5);
  if (element.dataset.tiles) L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: "© OpenStreetMap" }).addTo(map);
  var pin = lat.value ? L.marker(start).addTo(map) : null;
  map.on("click", function (event) {
    lat.value = event.latlng.lat.toFixed(6);
    lon.value = event.latlng.lng.toFixed(6);
    if (pin) pin.setLatLng(event.latlng); else pin = L.marker(event.latlng).addTo(map);
  });
})();
