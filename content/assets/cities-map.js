// The map of the cities, in the document alliance/pages/citymap.py writes. Every text comes from
// the document's JSON data island and reaches the page as text (textContent, title, Leaflet's
// options), never as markup; the only markup inserted is the site's own shapes of the roles.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("am-map-data").textContent);
  var legend = document.querySelector(".am-legend");
  if (window.matchMedia(data.legendOpen).matches) legend.open = true;

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  var map = L.map(document.querySelector(".am-map"), { zoomControl: false }).setView([0, 0], 1);
  L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution }).addTo(map);
  // Leaflet's own zoom control is in English: this one speaks the document's language.
  L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);

  // The popup of a city: its name (a link to its page), its country, each of its roles.
  function popup(city) {
    var box = element("div", "am-popup");
    var name = box.appendChild(element("p", "am-popup-name"));
    var link = name.appendChild(element("a", null, city.name));
    link.href = city.url;
    link.target = "_parent";
    box.appendChild(element("p", null, city.country));
    var roles = box.appendChild(element("ul"));
    city.roles.forEach(function (role) {
      var item = roles.appendChild(element("li", null, data.roles[role].text));
      if (data.roles[role].lang) item.lang = data.roles[role].lang;
    });
    return box;
  }

  // A group of nearby markers shows its count and the shapes of the roles in it: a place's role
  // is seen before zooming in (Cascais's, next to Lisbon).
  function groupIcon(cluster) {
    var present = {};
    cluster.getAllChildMarkers().forEach(function (marker) { present[marker.options.amRole] = true; });
    var roles = Object.keys(data.markers).filter(function (role) { return present[role]; });
    var icon = element("div"), kinds = element("span", "am-cluster-roles");
    icon.appendChild(element("span", null, String(cluster.getChildCount())));
    roles.forEach(function (role) {
      kinds.appendChild(element("span")).innerHTML = data.markers[role];
    });
    icon.appendChild(kinds);
    icon.appendChild(element("span", "am-visually-hidden", roles.map(function (role) { return data.roles[role].text; }).join("; ")));
    var count = cluster.getChildCount(), size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    return L.divIcon({
      html: icon,
      className: "marker-cluster marker-cluster-" + size + " am-cluster",
      iconSize: L.point(Math.max(40, roles.length * data.clusterShapeSize + 16), 40 + data.clusterShapeSize),
    });
  }

  var group = L.markerClusterGroup({ maxClusterRadius: data.clusterRadius, iconCreateFunction: groupIcon });
  var half = data.markerSize / 2;
  data.cities.forEach(function (city) {
    // The marker's shape shows its first role; its title (what a keyboard or screen-reader user
    // hears, and a mouse shows) names the place and every role.
    var shown = city.roles[0];
    L.marker([city.lat, city.lon], {
      icon: L.divIcon({
        html: data.markers[shown],
        iconSize: [data.markerSize, data.markerSize],
        iconAnchor: [half, half],
        popupAnchor: [0, -half],
        className: "am-marker",
      }),
      title: city.name + " — " + city.roles.map(function (role) { return data.roles[role].text; }).join("; "),
      amRole: shown,
    }).bindPopup(function () { return popup(city); }).addTo(group);
  });
  group.addTo(map);

  // The view shows every city; it is fitted again when the legend's folding changes the map's
  // height, unless the reader has moved the map since.
  var moved = false, fitting = false;
  map.on("movestart zoomstart", function () { if (!fitting) moved = true; });
  function fit() {
    if (!data.bounds) return;
    fitting = true;
    map.fitBounds(data.bounds, data.fit);
    fitting = false;
    moved = false;
  }
  fit();
  legend.addEventListener("toggle", function () {
    map.invalidateSize();
    if (!moved) fit();
  });
})();
