"""The page's script for events (see `events_layer` for the data it reads): a symbol per place of
events with their count, a place card for a stack, areas shaded for events known only to a country
or region, the event list beside the map, the legend's counts, and the date and article filters.

Article text reaches the page only through DOM text nodes. No call spreads an array into
arguments (`Math.min.apply`, `push.apply`): those fail past about 130,000 values.
"""

EVENT_SCRIPT = """
{% macro script(this, kwargs) %}
(function (map, control, data) {
    var SHAPES = {
        circle: '<circle cx="9" cy="9" r="6.5"/>',
        square: '<rect x="3" y="3" width="12" height="12"/>',
        triangle: '<path d="M9 1.5 L16.5 15.5 L1.5 15.5 Z"/>',
        diamond: '<path d="M9 1 L17 9 L9 17 L1 9 Z"/>',
        star: '<path d="M9 .8 L11.3 6.3 L17.2 6.6 L12.6 10.4 L14.1 16.2 L9 13 L3.9 16.2 L5.4 10.4 L.8 6.6 L6.7 6.3 Z"/>',
        cross: '<path d="M6.5 1.5 H11.5 V6.5 H16.5 V11.5 H11.5 V16.5 H6.5 V11.5 H1.5 V6.5 H6.5 Z"/>'
    };
    function svg(style, size) {
        return '<svg width="' + size + '" height="' + size + '" viewBox="0 0 18 18">' +
            '<g fill="' + style.colour + '" stroke="#fff" stroke-width="1.4">' +
            SHAPES[style.shape] + '</g></svg>';
    }
    function add(parent, tag, text, className) {
        var node = document.createElement(tag);
        if (text !== undefined && text !== null) { node.textContent = String(text); }
        if (className) { node.className = className; }
        parent.appendChild(node);
        return node;
    }
    function row(list, term, value) {
        if (value === undefined || value === null || value === "") { return; }
        add(list, "dt", term);
        add(list, "dd", value);
    }
    var S = data.strings, ROLES = ["actor", "target", "victim"];
    var MAX_ARTICLE_FILTERS = {{ this.max_article_filters }}, LIST_MOST = {{ this.list_most }};
    function text(index) { return index >= 0 ? S[index] : null; }
    function figure(value, e) {
        if (value === null) { return null; }
        return (e[16] & 8 ? "at least " : "") + value.toLocaleString("en");
    }
    function iso(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
    function heading(e) {
        var subtype = text(e[1]);
        return subtype ? subtype.charAt(0).toUpperCase() + subtype.slice(1)
                       : data.styles[e[0]].label;
    }
    function placeName(e) {
        if (e[23] >= 0) { return S[data.spots[e[23]][2]]; }
        if (e[24] >= 0) { return S[data.areas[e[24]][1]]; }
        return null;
    }
    function tooltip(e) {
        var parts = [text(e[1]), placeName(e)];
        if (e[4] !== null) { parts.push(e[5] ? e[6].split(" (")[0] : iso(e[4])); }
        if (e[13]) { parts.push(figure(e[13], e) + " killed"); }
        return parts.filter(Boolean).join(" · ");
    }
    function where(e) {
        if (e[7] < 0) { return "no place given"; }
        var written = text(e[8]);
        return text(e[7]) + " (" + e[9] + "% sure" +
            (written ? ", written “" + written + "”" : "") +
            (e[10] ? ", within about " + Math.round(e[10]) + " km" : "") +
            (e[24] >= 0 ? "; only the country or region is known" : "") + ")";
    }
    function popup(e) {
        var style = data.styles[e[0]];
        var box = document.createElement("div");
        box.className = "geomap-popup geomap-event-popup";
        box.setAttribute("data-event-id", e[22]);
        add(box, "h2", heading(e));
        add(box, "p", style.label, "geomap-kind");
        var flags = [[1, "reported by a source"], [2, "speculative"], [4, "denied or negated"]]
            .filter(function (f) { return e[16] & f[0]; })
            .map(function (f) { return f[1]; });
        if (flags.length) { add(box, "p", flags.join(" · "), "geomap-flags"); }
        var list = add(box, "dl");
        row(list, "Who", e[18].filter(function (a) { return a[1] === 0; })
            .map(function (a) { return S[a[0]]; }).join(", "));
        row(list, "Against", e[18].filter(function (a) { return a[1] !== 0; })
            .map(function (a) { return S[a[0]] + " (" + ROLES[a[1]] + ")"; }).join(", "));
        row(list, "When", e[6]);
        row(list, "Where", where(e));
        row(list, "From", text(e[11]));
        row(list, "To", text(e[12]));
        row(list, "Killed", figure(e[13], e));
        row(list, "Injured", figure(e[14], e));
        row(list, "Displaced", figure(e[15], e));
        row(list, "Confidence", e[17] + "%");
        add(box, "p", "As reported", "geomap-quotes-head");
        var quote = add(box, "blockquote");
        quote.appendChild(document.createTextNode(e[19][0]));
        add(quote, "mark", e[19][1]);
        quote.appendChild(document.createTextNode(e[19][2]));
        add(box, "p", e[20].length > 1 ? e[20].length + " sources" : "Source",
            "geomap-quotes-head");
        var sources = add(box, "ul", null, "geomap-sources");
        e[20].forEach(function (source) {
            var item = add(sources, "li");
            if (source[1] >= 0) {
                var link = add(item, "a", S[source[0]]);
                link.href = S[source[1]];
                link.target = "_blank";
                link.rel = "noopener noreferrer";
            } else {
                item.textContent = S[source[0]];
            }
            if (source[2] !== null) { add(item, "span", " (" + source[2] + " killed)"); }
        });
        return box;
    }
    var bubble = L.popup({maxWidth: 360, minWidth: 240, autoPanPaddingTopLeft: [20, 120]});
    function show(latlng, content) {  // panned clear of the layer list and the title box
        var corners = map.getContainer().querySelectorAll(".leaflet-top .leaflet-control");
        var top = 0;
        corners.forEach(function (node) {
            if (!node.classList.contains("geomap-list")) {
                top = Math.max(top, node.offsetTop + node.offsetHeight);
            }
        });
        bubble.options.autoPanPaddingTopLeft = [20, top + 12];
        bubble.setLatLng(latlng).setContent(content).openOn(map);
    }
    function later(event, then) {  // replacing a popup's content under a click closes it
        L.DomEvent.stop(event);
        setTimeout(then, 0);
    }
    function card(name, events, latlng) {
        var box = document.createElement("div");
        box.className = "geomap-popup geomap-place-card";
        add(box, "h2", name);
        add(box, "p", events.length + " events here", "geomap-kind");
        var list = add(box, "ul", null, "geomap-card-list");
        events.forEach(function (e) {
            var entry = add(add(list, "li"), "button", null, "geomap-card-entry");
            entry.type = "button";
            entry.setAttribute("data-event-id", e[22]);
            add(entry, "span", "", "geomap-legend-shape").innerHTML = svg(data.styles[e[0]], 12);
            add(entry, "span", heading(e) + (e[4] !== null ? " · " + iso(e[4]) : ""));
            L.DomEvent.on(entry, "click", function (event) {
                var back = add(document.createElement("div"), "button", "← " + name,
                               "geomap-card-back");
                back.type = "button";
                L.DomEvent.on(back, "click", function (again) {
                    later(again, function () { show(latlng, card(name, events, latlng)); });
                });
                var content = popup(e);
                content.insertBefore(back.parentNode, content.firstChild);
                later(event, function () { show(latlng, content); });
            });
        });
        return box;
    }
    var switches = data.styles.map(function (style, index) {
        var group = L.layerGroup();
        group.geomapType = index;
        return group;
    });
    var totals = data.styles.map(function () { return 0; });
    data.events.forEach(function (e) { totals[e[0]] += 1; });
    function legend(index, count) {
        var style = data.styles[index];
        return '<span class="geomap-family">' + style.family + '</span>' +
            '<span class="geomap-legend-shape">' + svg(style, 13) + '</span>' +
            style.label.replace(/&/g, "&amp;") + ' <span class="geomap-count" ' +
            'data-geomap-type="' + index + '">(' + count + ')</span>';
    }
    data.styles.forEach(function (style, index) {
        if (!totals[index]) { return; }
        switches[index].addTo(map);
        control.addOverlay(switches[index], legend(index, totals[index]));
    });
    function clusterIcon(cluster) {
        var count = 0;
        cluster.getAllChildMarkers().forEach(function (m) { count += m.geomapEvents.length; });
        var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        return L.divIcon({html: "<div><span>" + count + "</span></div>",
                          className: "marker-cluster marker-cluster-" + size,
                          iconSize: L.point(40, 40)});
    }
    var markers = data.cluster
        ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
                                disableClusteringAtZoom: 9, chunkedLoading: true,
                                iconCreateFunction: clusterIcon})
        : L.featureGroup();
    var shapes = L.featureGroup().addTo(map);
    markers.addTo(map);
    function byRank(a, b) { return data.styles[a[0]].rank - data.styles[b[0]].rank; }
    function stackMarker(index, events) {
        var spot = data.spots[index], top = events[0], node = document.createElement("div");
        node.className = "geomap-stack";
        node.innerHTML = svg(data.styles[top[0]], 18);
        if (events.length > 1) { add(node, "span", events.length, "geomap-stack-count"); }
        node.setAttribute("data-event-id", top[22]);
        node.setAttribute("data-event-ids", events.map(function (e) { return e[22]; }).join(" "));
        var icon = L.divIcon({className: "geomap-event-icon", html: node, iconSize: [18, 18],
                              iconAnchor: [9, 9], popupAnchor: [0, -8], tooltipAnchor: [0, -8]});
        var latlng = L.latLng(spot[0], spot[1]), name = S[spot[2]];
        var marker = L.marker(latlng, {icon: icon, riseOnHover: true, title: ""});
        marker.geomapEvents = events;
        marker.geomapSpot = index;
        marker.on("click", function () {
            show(latlng, events.length === 1 ? popup(top) : card(name, events, latlng));
        });
        marker.bindTooltip(function () {
            var span = document.createElement("span");
            span.textContent = events.length === 1 ? tooltip(top)
                : name + " · " + events.length + " events";
            return span;
        }, {direction: "top", className: "geomap-tooltip"});
        return marker;
    }
    function areaFill() {  // an area seen from close up fills the view: fainter then
        return map.getZoom() >= 8 ? .012 : .035;
    }
    map.on("zoomend", function () {
        shapes.eachLayer(function (layer) {
            if (layer.geomapArea) { layer.setStyle({fillOpacity: areaFill()}); }
        });
    });
    function areaShape(area, events) {
        var colour = data.styles[events[0][0]].colour, name = S[area[1]];
        var style = {color: colour, weight: 1, opacity: .4, dashArray: "5 4",
                     fillColor: colour, fillOpacity: areaFill()};
        var layer = area[4] ? L.geoJSON(area[4], {style: function () { return style; }})
                            : L.circle(area[3], Object.assign({radius: 50000}, style));
        layer.geomapArea = true;
        layer.on("click", function (event) {
            show(event.latlng, events.length === 1 ? popup(events[0])
                                                   : card(name, events, event.latlng));
        });
        layer.bindTooltip(name + " · " + events.length + (events.length > 1 ? " events" : " event") +
                          " known only to the area", {sticky: true, className: "geomap-tooltip"});
        return layer;
    }
    var spotMarkers = [], SPREAD = 27;  // a symbol and its count badge
    function spread() {  // symbols of nearby places set apart, the busiest where it stands
        if (data.cluster) { return; }  // clusters take care of crowding
        var kept = [];
        spotMarkers.map(function (marker, index) { return index; })
            .filter(function (index) { return spotMarkers[index]; })
            .sort(function (a, b) { return shownAt[b] - shownAt[a]; })
            .forEach(function (index) {
                var marker = spotMarkers[index], p = map.latLngToContainerPoint(marker.getLatLng());
                var x = p.x, y = p.y;
                for (var tries = 0; tries < 8; tries++) {
                    var near = kept.filter(function (k) {
                        return Math.abs(k[0] - x) < SPREAD && Math.abs(k[1] - y) < SPREAD;
                    })[0];
                    if (!near) { break; }
                    var dx = x - near[0], dy = y - near[1], d = Math.sqrt(dx * dx + dy * dy);
                    if (d < 0.5) { dx = 1; dy = 0; d = 1; }
                    var step = SPREAD / Math.max(Math.abs(dx / d), Math.abs(dy / d));
                    x = near[0] + dx / d * step; y = near[1] + dy / d * step;
                }
                kept.push([x, y]);
                var shift = [Math.round(x - p.x), Math.round(y - p.y)];
                spotLabels[index].shift = shift;
                if (marker._icon) {
                    marker._icon.style.marginLeft = (shift[0] - 9) + "px";
                    marker._icon.style.marginTop = (shift[1] - 9) + "px";
                }
            });
    }
    function draw(atSpots, atAreas) {
        markers.clearLayers();
        shapes.clearLayers();
        spotMarkers = data.spots.map(function () { return null; });
        var made = [];
        atAreas.forEach(function (events, index) {
            if (events.length) { shapes.addLayer(areaShape(data.areas[index], events.sort(byRank))); }
        });
        atSpots.forEach(function (events, index) {
            if (!events.length) { return; }
            var spot = data.spots[index];
            spotMarkers[index] = stackMarker(index, events.sort(byRank));
            made.push(spotMarkers[index]);
            if (spot[3]) {
                shapes.addLayer(L.circle([spot[0], spot[1]], {
                    radius: spot[3] * 1000, interactive: false, weight: 1, opacity: .35,
                    color: data.styles[events[0][0]].colour, dashArray: "4 3", fillOpacity: .03}));
            }
            events.forEach(function (e) {
                if (e[21]) {
                    shapes.addLayer(L.polyline(e[21], {color: data.styles[e[0]].colour, weight: 2,
                        opacity: .75, dashArray: "6 4", interactive: false}));
                }
            });
        });
        if (markers.addLayers) { markers.addLayers(made); }
        else { made.forEach(function (marker) { markers.addLayer(marker); }); }
        spread();
    }
    map.on("zoomend", spread);
    var listBox = null, listHead = null, listBody = null;
    var list = L.control({position: "topleft"});
    list.onAdd = function () {
        listBox = L.DomUtil.create("div", "geomap-list geomap-panel");
        listHead = add(listBox, "button", "Events", "geomap-panel-toggle");
        listHead.type = "button";
        listBody = add(listBox, "div", null, "geomap-list-body geomap-panel-body");
        L.DomEvent.on(listHead, "click", function () {
            listBox.classList.toggle("geomap-collapsed");
            map.fire("geomap-panels");
        });
        L.DomEvent.on(listBody, "click", function (event) {
            var entry = event.target.closest(".geomap-entry");
            if (entry) { openEvent(entry.geomapEvent); }
        });
        L.DomEvent.disableClickPropagation(listBox);
        L.DomEvent.disableScrollPropagation(listBox);
        return listBox;
    };
    list.addTo(map);
    function openEvent(e) {
        if (e[23] >= 0) {
            var spot = data.spots[e[23]], latlng = L.latLng(spot[0], spot[1]);
            var zoom = data.cluster ? Math.max(map.getZoom(), 9) : map.getZoom();
            map.setView(latlng, zoom, {animate: false});
            show(latlng, popup(e));
        } else if (e[24] >= 0) {
            var area = data.areas[e[24]];
            map.fitBounds(area[2], {animate: false, maxZoom: 7});
            show(L.latLng(area[3][0], area[3][1]), popup(e));
        } else {
            show(map.getCenter(), popup(e));
        }
    }
    var FAMILY_ORDER = {};
    data.styles.forEach(function (style, index) {
        if (!(style.family in FAMILY_ORDER)) { FAMILY_ORDER[style.family] = index; }
    });
    function listOrder(a, b) {
        var family = FAMILY_ORDER[data.styles[a[0]].family] - FAMILY_ORDER[data.styles[b[0]].family];
        if (family) { return family; }
        if (a[4] === null || b[4] === null) { return (a[4] === null) - (b[4] === null); }
        return a[4] - b[4];
    }
    function renderList(listed) {
        listed.sort(listOrder);
        listBody.textContent = "";
        var family = null;
        listed.slice(0, LIST_MOST).forEach(function (e) {
            var style = data.styles[e[0]];
            if (style.family !== family) {
                family = style.family;
                add(listBody, "h3", family, "geomap-list-family");
            }
            var entry = add(listBody, "button", null, "geomap-entry");
            entry.type = "button";
            entry.setAttribute("data-event-id", e[22]);
            entry.geomapEvent = e;
            add(entry, "span", "", "geomap-legend-shape").innerHTML = svg(style, 11);
            add(entry, "span", e[4] === null ? "undated" : iso(e[4]), "geomap-entry-date");
            add(entry, "span", heading(e), "geomap-entry-what");
            var place = placeName(e);
            add(entry, "span", e[23] >= 0 ? place : e[24] >= 0 ? place + " (area only)"
                                                         : "no place", e[23] >= 0
                ? "geomap-entry-where" : "geomap-entry-where geomap-entry-vague");
        });
        if (listed.length > LIST_MOST) {
            add(listBody, "p", "and " + (listed.length - LIST_MOST).toLocaleString("en") +
                " more (narrow the dates or switch types off)", "geomap-more");
        }
        listHead.textContent = listed.length.toLocaleString("en") + " of " +
            data.events.length.toLocaleString("en") + " events";
    }
    function legendCounts(counts) {
        control._layers.forEach(function (entry) {
            var index = entry.layer.geomapType;
            if (index !== undefined) { entry.name = legend(index, counts[index]); }
        });
        control.getContainer().querySelectorAll(".geomap-count[data-geomap-type]")
            .forEach(function (node) {
                node.textContent = "(" + counts[+node.getAttribute("data-geomap-type")] + ")";
            });
    }
    var spotLabels = data.spots.map(function (spot, index) {
        return {lat: spot[0], lon: spot[1], text: S[spot[2]], r: 14, priority: 0,
                cls: "geomap-label-event", spot: index};
    });
    var shownAt = data.spots.map(function () { return 0; });
    var placer = geomapLabels(map);
    placer.add({labels: spotLabels, active: function (label) {
        label.priority = {{ this.event_priority }} + shownAt[label.spot];
        var marker = spotMarkers[label.spot];  // in a cluster, the cluster is what shows
        return shownAt[label.spot] > 0 && !!marker &&
            (!data.cluster || markers.getVisibleParent(marker) === marker);
    }});
    if (data.cluster) {
        markers.on("animationend", placer.refresh);
        placer.add(clusterLabels());
    }
    function clusterLabels() {  // a cluster is named after its busiest place: "Mosul +3"
        var byTop = {}, round = 0;
        var set = {labels: [], active: function (label) { return label.round === round; }};
        set.collect = function () {
            round += 1;
            markers._featureGroup.eachLayer(function (layer) {
                if (!layer.getAllChildMarkers) { return; }
                var children = layer.getAllChildMarkers(), top = children[0], count = 0;
                children.forEach(function (marker) {
                    count += marker.geomapEvents.length;
                    if (marker.geomapEvents.length > top.geomapEvents.length) { top = marker; }
                });
                var key = top.geomapSpot + ":" + children.length, label = byTop[key];
                if (!label) {
                    label = byTop[key] = {text: S[data.spots[top.geomapSpot][2]] + " +" +
                                          (children.length - 1), r: 20, cls: "geomap-label-event"};
                    set.labels.push(label);
                }
                var at = layer.getLatLng();
                label.lat = at.lat; label.lon = at.lng; label.round = round;
                label.priority = {{ this.event_priority }} + count;
            });
        };
        return set;
    }
    var passes = function () { return true; };
    function refresh() {
        var counts = data.styles.map(function () { return 0; });
        var atSpots = data.spots.map(function () { return []; });
        var atAreas = data.areas.map(function () { return []; });
        var listed = [];
        for (var i = 0; i < data.events.length; i++) {
            var e = data.events[i];
            if (!passes(e)) { continue; }
            counts[e[0]] += 1;
            if (!map.hasLayer(switches[e[0]])) { continue; }
            listed.push(e);
            if (e[23] >= 0) { atSpots[e[23]].push(e); }
            else if (e[24] >= 0) { atAreas[e[24]].push(e); }
        }
        atSpots.forEach(function (events, index) { shownAt[index] = events.length; });
        draw(atSpots, atAreas);
        renderList(listed);
        legendCounts(counts);
        placer.refresh();
    }
    map.on("overlayadd overlayremove", function (event) {
        if (event.layer.geomapType !== undefined) { refresh(); }
    });
    map.geomapEvents = data.events;
    map.geomapOpenEvent = openEvent;
    var first = null, last = null, articles = [], seen = {};
    data.events.forEach(function (e) {
        if (e[4] !== null) {
            first = first === null || e[4] < first ? e[4] : first;
            last = last === null || e[4] > last ? e[4] : last;
        }
        e[20].forEach(function (source) {
            if (!seen[source[0]]) { seen[source[0]] = true; articles.push(source[0]); }
        });
    });
    var byArticle = articles.length > 1 && articles.length <= MAX_ARTICLE_FILTERS;
    if (first === null && !byArticle) { refresh(); return; }
    var filter = L.control({position: "bottomleft"});
    filter.onAdd = function () {
        var box = L.DomUtil.create("div", "geomap-time geomap-panel");
        var toggle = add(box, "button", "Dates & articles", "geomap-panel-toggle");
        toggle.type = "button";
        L.DomEvent.on(toggle, "click", function () {
            box.classList.toggle("geomap-collapsed");
            map.fire("geomap-panels");
        });
        var body = add(box, "div", null, "geomap-panel-body");
        var inputs = [], from = null, to = null, undated = null, range = null;
        if (first !== null) {
            add(body, "div", "Dates shown");
            range = add(body, "div", "", "geomap-time-range");
            from = add(body, "input"); to = add(body, "input");
            [from, to].forEach(function (input, index) {
                input.type = "range"; input.min = first; input.max = last;
                input.step = 1; input.value = index ? last : first;
                input.className = index ? "geomap-time-to" : "geomap-time-from";
            });
            var label = add(body, "label");
            undated = add(label, "input");
            undated.type = "checkbox"; undated.checked = true;
            undated.className = "geomap-time-undated";
            label.appendChild(document.createTextNode(" events without a date"));
            inputs.push(from, to, undated);
        }
        var chosen = {};
        if (byArticle) {
            add(body, "div", "Articles", "geomap-time-articles");
            articles.forEach(function (title) {
                var label = add(body, "label");
                var check = add(label, "input");
                check.type = "checkbox"; check.checked = true;
                check.className = "geomap-article-filter";
                label.appendChild(document.createTextNode(" " + S[title]));
                chosen[title] = check;
                inputs.push(check);
            });
        }
        function bounds() {
            return [Math.min(+from.value, +to.value), Math.max(+from.value, +to.value)];
        }
        passes = function (e) {
            if (from) {
                var span = bounds();
                if (e[4] === null ? !undated.checked : (e[4] + e[5] < span[0] || e[4] > span[1])) {
                    return false;
                }
            }
            return !byArticle || e[20].some(function (source) { return chosen[source[0]].checked; });
        };
        function apply() {
            if (from) { range.textContent = iso(bounds()[0]) + " – " + iso(bounds()[1]); }
            refresh();
        }
        inputs.forEach(function (input) { L.DomEvent.on(input, "input change", apply); });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        if (from) { range.textContent = iso(first) + " – " + iso(last); }
        return box;
    };
    filter.addTo(map);
    refresh();
})({{ this._parent.get_name() }}, {{ this.control.get_name() }}, {{ this.data|inert }});
{% endmacro %}
"""

CSS = """
.geomap-event-icon svg { display: block; overflow: visible; }
.geomap-event-icon { filter: drop-shadow(0 1px 1px rgba(0, 0, 0, .35)); }
.geomap-stack { position: relative; width: 18px; height: 18px; }
.geomap-stack-count {
  position: absolute; left: 8px; top: -6px; min-width: 15px; height: 15px; padding: 0 3px;
  box-sizing: border-box; border-radius: 8px; background: #333; color: #fff;
  font: 700 10px/15px system-ui, sans-serif; text-align: center; box-shadow: 0 0 0 1.5px #fff;
}
.geomap-legend-shape { display: inline-block; vertical-align: -2px; margin: 0 4px 0 1px; }
.geomap-family {
  display: inline-block; min-width: 6.5em; color: #777; font-size: 10px;
  text-transform: uppercase; letter-spacing: .04em;
}
.geomap-panel {
  background: rgba(255, 255, 255, .95); border-radius: 4px; font-size: 12px; color: #333;
  box-shadow: 0 1px 5px rgba(0, 0, 0, .18);
}
.geomap-panel-toggle {
  display: block; width: 100%; border: 0; background: none; padding: 6px 10px; margin: 0;
  font: 600 12px/1.3 inherit; color: #333; text-align: left; cursor: pointer;
}
.geomap-panel-toggle::after { content: " ▾"; color: #888; }
.geomap-collapsed .geomap-panel-toggle::after { content: " ▸"; }
.geomap-collapsed .geomap-panel-body { display: none; }
.geomap-list { width: 290px; }
.geomap-list-body { overflow-y: auto; max-height: 320px; padding: 0 6px 6px; }
.geomap-list-family {
  margin: 6px 4px 2px; font-size: 10px; text-transform: uppercase; letter-spacing: .05em;
  color: #777;
}
.geomap-entry, .geomap-card-entry, .geomap-card-back {
  display: block; width: 100%; border: 0; background: none; text-align: left; cursor: pointer;
  padding: 3px 4px; margin: 0; font: 12px/1.35 inherit; color: #222; border-radius: 3px;
}
.geomap-entry:hover, .geomap-card-entry:hover { background: #f0ede6; }
.geomap-entry-date { color: #777; font-variant-numeric: tabular-nums; margin-right: 5px; }
.geomap-entry-what { font-weight: 600; margin-right: 5px; }
.geomap-entry-where { color: #555; }
.geomap-entry-vague { font-style: italic; color: #8a6d3b; }
.geomap-card-list { list-style: none; margin: 0; padding: 0; max-height: 260px; overflow-y: auto; }
.geomap-card-back { color: #555; margin-bottom: 6px; }
.geomap-time { min-width: 260px; }
.geomap-time .geomap-panel-body { padding: 0 12px 8px; }
.geomap-time input[type=range] { width: 100%; margin: 2px 0; }
.geomap-time .geomap-time-range { font-weight: 600; }
.geomap-time label { display: block; margin-top: 3px; color: #555; max-width: 300px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.geomap-time .geomap-time-articles { margin-top: 6px; }
.leaflet-container .geomap-collapsed.geomap-time,
.leaflet-container .geomap-collapsed.geomap-list { min-width: 0; width: auto; }
.geomap-popup .geomap-sources li { margin: 0 0 3px; overflow-wrap: anywhere; }
.geomap-popup .geomap-sources { margin: 0; padding-left: 16px; }
.geomap-popup .geomap-flags { color: #8a5a00; margin-bottom: 6px; }
"""
