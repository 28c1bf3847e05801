"""The interactive map: a self-contained page that fetches nothing, shows article text only as text,
credits its sources, and works in a real Chromium from file://."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import folium.plugins
import pytest
from playwright.sync_api import expect
from shapely.geometry import LineString, MultiPolygon, Polygon, box

from gazetteer.model import Place
from geomap.events.records import Actor, ArticleRef, Event, EventDate, Report
from geomap.places.mention import PlaceMention
from geomap.render import place_map, write_html
from geomap.render.markers import group_places, popup_html, tooltip_text

HOSTILE_SCRIPT = "</script><img src=x onerror=alert(1)>"
HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(1)>'
# Live inside a JavaScript template literal, which is where folium's own Popup puts HTML.
HOSTILE_TEMPLATE = "${alert(2)}\\`-alert(3)-`"
CDN_HOSTS = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "bootstrapcdn.com",
             "unpkg.com")


def mention(start: int, text: str, name: str, lat: float, lon: float, kind: str, *,
            country: str = "IQ", geonameid: int | None = None,
            context: tuple[str, str, str] | None = None, geometry=None) -> PlaceMention:
    return PlaceMention(
        start=start, end=start + len(text), text=text, name=name, lat=lat, lon=lon, kind=kind,
        country=country, admin1="Nineveh" if kind == "city" else "", geonameid=geonameid,
        confidence=0.9, source="test",
        context=context or ("Fighting was reported near ", text, " on Tuesday."), geometry=geometry)


@pytest.fixture
def countries() -> list[Place]:
    testland = MultiPolygon([box(38, 30, 44, 37), box(44.5, 31, 46, 33)])
    return [
        Place(id=1, name="Testland", kind="country", lat=33.5, lon=41.0, population=None,
              country="TL", admin1="", geonameid=None, source="test", geometry=testland),
        Place(id=2, name="Otherland", kind="country", lat=38.5, lon=41.0, population=None,
              country="OL", admin1="", geonameid=None, source="test", geometry=box(38, 37, 44, 40)),
    ]


@pytest.fixture
def mentions() -> list[PlaceMention]:
    euphrates = LineString([(38.5, 36.5), (40.1, 35.3), (41.9, 34.4), (43.3, 33.3), (44.4, 32.0)])
    anbar = Polygon([(39, 32), (41, 34.5), (43, 34), (43.3, 31.5)])
    hostile_context = (f"Aid reached {HOSTILE_ATTRIBUTE} ", HOSTILE_SCRIPT, f" {HOSTILE_TEMPLATE}")
    return [
        mention(10, "Mosul", "Mosul", 36.335, 43.119, "city", geonameid=99072),
        mention(60, "al-Mawsil", "Mosul", 36.335, 43.119, "city", geonameid=99072),
        mention(120, "Euphrates", "Euphrates", 35.0, 40.4, "river", country="",
                geometry=euphrates),
        mention(160, "Anbar", "Al Anbar", 33.0, 41.3, "admin1", geonameid=99592, geometry=anbar),
        mention(200, HOSTILE_SCRIPT, HOSTILE_SCRIPT, 31.5, 39.5, "camp", context=hostile_context),
        mention(260, "Iraqi", "Iraq", 33.0, 43.7, "demonym"),
    ]


@pytest.fixture
def page_file(tmp_path: Path, mentions, countries) -> Path:
    fmap = place_map(mentions, countries=countries, title=f"Report {HOSTILE_SCRIPT}",
                     subtitle=f"file {HOSTILE_ATTRIBUTE}.txt")
    return write_html(fmap, tmp_path / "map.html")


class Tags(HTMLParser):
    """Every start tag of a page as a browser's parser sees it, and the text of its <style>s."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)

    def named(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def test_page_loads_nothing_from_the_network(page_file):
    html = page_file.read_text(encoding="utf-8")
    tags = Tags(html)
    assert tags.named("script"), "Leaflet must be inlined"
    assert all("src" not in attrs for attrs in tags.named("script"))
    assert all((attrs.get("href") or "").startswith("data:") for attrs in tags.named("link"))
    css_urls = [url for style in tags.styles for url in re.findall(r"url\(\s*([^)]*)\)", style)]
    assert css_urls, "Leaflet's layer icon should be inlined"
    assert all(url.strip("'\"").startswith("data:") for url in css_urls)
    for host in CDN_HOSTS:
        assert host not in html
    assert "sourceMappingURL" not in html


def test_article_text_is_escaped_everywhere(page_file):
    html = page_file.read_text(encoding="utf-8")
    tags = Tags(html)
    assert not tags.named("img")
    assert "&lt;/script&gt;" in html  # the page <title>
    assert "<img src=x" not in html.lower()
    # Popups and tooltips carry the text as JSON strings of escaped HTML.
    assert "\\u0026lt;/script\\u0026gt;\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html
    assert html.count("<script") == html.count("</script>") == len(tags.named("script"))


def test_page_credits_sources_and_is_complete(page_file):
    html = page_file.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.rstrip().endswith("</html>")
    assert "GeoNames" in html and "(CC-BY 4.0)" in html and "Natural Earth" in html
    assert [path.name for path in page_file.parent.iterdir()] == ["map.html"]


def test_rewriting_replaces_the_whole_file(page_file, countries, mentions):
    write_html(place_map(mentions[:1], countries=countries, title="Second version"), page_file)
    html = page_file.read_text(encoding="utf-8")
    assert "Second version" in html and "Euphrates" not in html
    assert [path.name for path in page_file.parent.iterdir()] == ["map.html"]


def test_a_page_that_would_fetch_is_refused_and_the_old_file_kept(page_file, countries, mentions):
    before = page_file.read_bytes()
    fmap = place_map(mentions, countries=countries, title="With a CDN plugin")
    folium.plugins.Fullscreen().add_to(fmap)  # folium links this plugin from a CDN
    with pytest.raises(ValueError, match="external resources"):
        write_html(fmap, page_file)
    assert page_file.read_bytes() == before
    assert [path.name for path in page_file.parent.iterdir()] == ["map.html"]


def test_popup_and_tooltip_describe_the_place():
    mentions = [mention(start, "Mosul", "Mosul", 36.335, 43.119, "city", geonameid=99072)
                for start in range(0, 700, 100)]
    [mosul] = group_places(mentions)
    assert tooltip_text(mosul) == "Mosul (city, IQ) – 7 mentions"
    html = popup_html(mosul)
    assert html.count("<blockquote>") == 5 and "and 2 more" in html
    assert "<mark>Mosul</mark>" in html and "Nineveh, IQ" in html
    assert 'href="https://www.geonames.org/99072"' in html
    assert "36.3350° N, 43.1190° E" in html


def test_one_marker_per_place_and_shapes_for_places_that_have_them(mentions):
    places = group_places(mentions)
    assert len(places) == 5
    assert places[0].place.name == "Mosul" and len(places[0].mentions) == 2


def test_places_with_a_shape_draw_it(page_file):
    html = page_file.read_text(encoding="utf-8")
    assert '"LineString"' in html and '"Polygon"' in html


def test_many_places_are_clustered_and_few_are_not(tmp_path, countries, mentions):
    many = [mention(index, f"Village {index}", f"Village {index}", 30 + index / 10, 38 + index / 10,
                    "village") for index in range(60)]
    clustered = write_html(place_map(many, countries=countries, title="Many"),
                           tmp_path / "many.html")
    assert "L.markerClusterGroup(" in clustered.read_text(encoding="utf-8")
    few = write_html(place_map(mentions, countries=countries, title="Few"), tmp_path / "few.html")
    assert "markerClusterGroup" not in few.read_text(encoding="utf-8")


def test_web_tiles_are_opt_in(tmp_path, countries, mentions):
    offline = write_html(place_map(mentions, countries=countries, title="Offline"),
                         tmp_path / "offline.html").read_text(encoding="utf-8")
    assert "L.tileLayer(" not in offline
    online = write_html(place_map(mentions, countries=countries, title="Online",
                                  tiles="OpenStreetMap.Mapnik"),
                        tmp_path / "online.html").read_text(encoding="utf-8")
    assert "L.tileLayer(" in online and "tile.openstreetmap.org" in online
    assert all("src" not in attrs for attrs in Tags(online).named("script"))
    with pytest.raises(ValueError, match="unknown tile provider"):
        place_map(mentions, countries=countries, title="Bad", tiles="No.Such.Tiles")


def test_a_small_map_over_every_real_country_stays_small(tmp_path, mentions):
    from gazetteer.sources.countries import places as country_sources

    countries = [Place(id=index, name=source.name, kind=source.kind, lat=source.lat, lon=source.lon,
                       population=source.population, country=source.country, admin1="",
                       geonameid=source.geonameid, source=source.source, geometry=source.geometry)
                 for index, source in enumerate(country_sources()) if source.kind == "country"]
    assert len(countries) > 200
    page = write_html(place_map(mentions, countries=countries, title="World"), tmp_path / "w.html")
    assert page.stat().st_size < 1_000_000


# --- in a real browser --------------------------------------------------------------------------

COUNT_COLOURS = """async (png) => {
    const image = new Image();
    image.src = "data:image/png;base64," + png;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4) {
        colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
    return colours.size;
}"""
CIRCLE_MARKERS = ".leaflet-overlay-pane path.leaflet-interactive"


class Visit:
    """A page opened from file:// with every request, console error and dialog recorded."""

    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_selector(".geomap-title", timeout=10_000)

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests
                if url != self.url and not url.startswith(("data:", "blob:"))]


@pytest.mark.browser
def test_map_works_offline_in_chromium(browser, page_file):
    visit = Visit(browser, page_file)
    page = visit.page
    # Mosul, the Euphrates, Anbar, the hostile camp; the demonym layer starts hidden.
    expect(page.locator(CIRCLE_MARKERS)).to_have_count(4)
    assert HOSTILE_SCRIPT in page.locator(".geomap-title").inner_text()
    credits = page.locator(".leaflet-control-attribution").inner_text()
    assert "GeoNames (CC-BY 4.0)" in credits and "Natural Earth" in credits

    page.locator(f"{CIRCLE_MARKERS}.geomap-site").click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    text = popup.inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_ATTRIBUTE in text and HOSTILE_TEMPLATE in text
    assert popup.locator("img").count() == 0
    assert popup.locator("mark").inner_text() == HOSTILE_SCRIPT

    page.get_by_label("Nationalities (demonyms) (1)").check()
    expect(page.locator(CIRCLE_MARKERS)).to_have_count(5)

    screenshot = page.screenshot()
    assert visit.foreign_requests() == []
    assert visit.errors == []
    assert visit.dialogs == []
    page.close()

    blank = browser.new_page()
    assert blank.evaluate(COUNT_COLOURS, base64.b64encode(screenshot).decode("ascii")) > 10
    blank.close()


@pytest.mark.browser
def test_clustered_map_works_offline_in_chromium(browser, tmp_path, countries):
    # a tenth of a degree apart: close enough to cluster at every zoom the map may open at
    many = [mention(index, f"Village {index}", f"Village {index}", 33 + (index % 8) * 0.1,
                    40 + (index // 8) * 0.1, "village") for index in range(64)]
    path = write_html(place_map(many, countries=countries, title="Many"), tmp_path / "many.html")
    visit = Visit(browser, path)
    expect(visit.page.locator(".marker-cluster").first).to_be_visible()
    assert visit.foreign_requests() == []
    assert visit.errors == []
    visit.page.close()


def test_an_approximate_location_is_drawn_with_its_uncertainty(tmp_path, countries):
    near = mention(0, "Zarqoun", "Zarqoun", 34.8, 43.68, "approximate")
    near.uncertainty_km, near.anchor = 30.0, "Tikrit"
    [mapped] = group_places([near])
    html = popup_html(mapped)
    assert "within about 30 km, from Tikrit" in html
    page = write_html(place_map([near], countries=countries, title="t"), tmp_path / "a.html")
    text = page.read_text(encoding="utf-8")
    assert "Approximate locations" in text
    assert '"radius": 30000.0' in text


def event(event_type: str, subtype: str, place: PlaceMention, date: str | None, *,
          sentence: str = "Fighting was reported on Tuesday.", actors=(), killed=None,
          origin=None, destination=None, url="https://example.org/a",
          titles=(f"Report {HOSTILE_ATTRIBUTE}",)) -> Event:
    articles = [ArticleRef(file=f"{title}.txt", title=title, url=url) for title in titles]
    return Event(id=f"{event_type}-{date}", type=event_type, subtype=subtype, triggers=[subtype],
                 date=EventDate(date, "day" if date else "unknown", "on Tuesday" if date else ""),
                 actors=[Actor(name, role, "armed group") for name, role in actors],
                 place=place, sentence=sentence, article=articles[0], confidence=0.8,
                 origin=origin, destination=destination, fatalities=killed,
                 sources=[Report(article, sentence, killed) for article in articles])


@pytest.fixture
def event_page(tmp_path: Path, mentions, countries) -> Path:
    mosul, camp = mentions[0], mentions[4]
    tikrit = mention(300, "Tikrit", "Tikrit", 34.6, 43.68, "city")
    events = [
        event("attack", "suicide bombing", camp, "2017-03-08", killed=26,
              sentence=f"Bombers {HOSTILE_SCRIPT} struck near {HOSTILE_SCRIPT} {HOSTILE_TEMPLATE}",
              actors=[(HOSTILE_ATTRIBUTE, "actor")]),
        event("attack", "shelling", mosul, "2017-02-01", url="javascript:alert(4)"),
        event("capture", "recapture", tikrit, "2016-10-10", actors=[("Iraqi forces", "actor")]),
        event("displacement", "flight", mosul, None, origin=mosul, destination=tikrit,
              actors=[("A leader", "actor")]),
        event("statement", "declaration", mosul, "2014-07-01"),
    ]
    fmap = place_map(mentions, countries=countries, title="Story", events=events)
    return write_html(fmap, tmp_path / "events.html")


def test_event_data_is_inert_in_the_page(event_page):
    html = event_page.read_text(encoding="utf-8")
    assert HOSTILE_SCRIPT not in html and HOSTILE_ATTRIBUTE not in html
    assert "javascript:alert(4)" not in html  # only http(s) links are kept


@pytest.mark.browser
def test_event_map_in_chromium(browser, event_page):
    visit = Visit(browser, event_page)
    page = visit.page
    # three events at Mosul are one symbol with their count; the camp and Tikrit one each
    icons = page.locator(".geomap-event-icon")
    expect(icons).to_have_count(3)
    ids = page.locator(".leaflet-marker-pane [data-event-ids]").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-event-ids')).join(' ').split(' ')")
    assert sorted(ids) == sorted(["attack-2017-03-08", "attack-2017-02-01", "capture-2016-10-10",
                                  "displacement-None", "statement-2014-07-01"])
    mosul = page.locator(".geomap-stack", has=page.locator(".geomap-stack-count"))
    assert mosul.locator(".geomap-stack-count").inner_text() == "3"
    flight = page.locator("path[stroke-dasharray='6 4']")
    expect(flight).to_have_count(1)
    legend = page.locator(".leaflet-control-layers").inner_text()
    assert "Attacks (2)" in legend and "Territory captured (1)" in legend

    page.locator('[data-event-id="attack-2017-03-08"]').first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    text = popup.inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_TEMPLATE in text and HOSTILE_ATTRIBUTE in text
    assert "at least" not in text and "26" in text
    assert popup.locator("img").count() == 0
    assert popup.locator("a").get_attribute("href") == "https://example.org/a"
    assert popup.locator("a").inner_text() == f"Report {HOSTILE_ATTRIBUTE}"
    page.locator(".leaflet-popup-close-button").click()

    # the stack opens a place card listing its three events, each opening its own popup
    mosul.dispatch_event("click")  # wherever the last popup panned it
    card = page.locator(".geomap-place-card")
    expect(card.locator(".geomap-card-entry")).to_have_count(3)
    card.locator('[data-event-id="statement-2014-07-01"]').click()
    expect(page.locator('.geomap-event-popup[data-event-id="statement-2014-07-01"]')).to_be_visible()
    page.locator(".leaflet-popup-close-button").click()

    # the time filter: from 2017-01-01 on, the 2014 and 2016 events go; the undated one stays
    page.evaluate("""() => {
        const from = document.querySelector('.geomap-time-from');
        from.value = Math.round(Date.UTC(2017, 0, 1) / 86400000);
        from.dispatchEvent(new Event('input', {bubbles: true}));
    }""")
    expect(icons).to_have_count(2)
    assert "2017-01-01" in page.locator(".geomap-time-range").inner_text()
    legend = page.locator(".leaflet-control-layers").inner_text()
    assert "Territory captured (0)" in legend and "Attacks (2)" in legend
    expect(page.locator(".geomap-entry")).to_have_count(3)
    page.locator(".geomap-time-undated").uncheck()
    expect(page.locator(".geomap-entry")).to_have_count(2)
    expect(mosul).to_have_count(0)  # one event left at Mosul: no count

    page.get_by_label(re.compile(r"Attacks \(2\)")).uncheck()
    expect(icons).to_have_count(0)
    page.get_by_label(re.compile(r"Attacks \(2\)")).check()
    expect(icons).to_have_count(2)

    screenshot = page.screenshot()
    assert visit.foreign_requests() == [] and visit.errors == [] and visit.dialogs == []
    page.close()
    blank = browser.new_page()
    assert blank.evaluate(COUNT_COLOURS, base64.b64encode(screenshot).decode("ascii")) > 10
    blank.close()


def test_static_map_is_a_real_image_with_the_events(tmp_path, mentions, countries):
    from PIL import Image

    from geomap.render.events_layer import STYLES
    from geomap.render.static import static_map

    tikrit = mention(300, "Tikrit", "Tikrit", 34.6, 43.68, "city")
    events = [event("attack", "suicide bombing", tikrit, "2017-03-08", killed=26),
              event("capture", "recapture", mentions[0], "2016-10-10")]
    path = static_map(tmp_path / "story.png", events=events, mentions=mentions,
                      countries=countries, title=f"Story {HOSTILE_SCRIPT}")
    image = Image.open(path).convert("RGB")
    assert image.width > 1000 and image.height > 700
    colours = {image.getpixel((x, y)) for x in range(0, image.width, 2)
               for y in range(0, image.height, 2)}
    assert len(colours) > 200  # a drawn map, not a blank canvas
    attack_red = tuple(int(STYLES["attack"].colour[i:i + 2], 16) for i in (1, 3, 5))
    assert attack_red in colours
    for suffix in ("svg", "pdf"):
        drawn = static_map(tmp_path / f"story.{suffix}", events=events, mentions=mentions,
                           countries=countries, title="Story")
        head = drawn.read_bytes()[:200]
        assert (b"<svg" in head) if suffix == "svg" else head.startswith(b"%PDF")
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        static_map(tmp_path / "story.gif", events=events, mentions=mentions, countries=countries,
                   title="Story")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.pdf", "story.png", "story.svg"]


@pytest.mark.browser
def test_many_events_cluster_in_chromium(browser, tmp_path, countries):
    places = [mention(i, f"Village {i}", f"Village {i}", 33 + (i % 9) * 0.1, 40 + (i // 9) * 0.1,
                      "village") for i in range(81)]
    events = [event("attack", "shelling", place, f"2017-03-{1 + i % 28:02d}")
              for i, place in enumerate(places)]
    path = write_html(place_map(places, countries=countries, title="Many", events=events),
                      tmp_path / "many-events.html")
    visit = Visit(browser, path)
    expect(visit.page.locator(".marker-cluster").first).to_be_visible()
    # a cluster is named after its busiest place, and says how many more it holds
    cluster_label = visit.page.locator(".geomap-label-event:visible", has_text=re.compile(r"\+\d+$"))
    expect(cluster_label.first).to_be_visible()
    name, more = re.fullmatch(r"(Village \d+) \+(\d+)", cluster_label.first.inner_text()).groups()
    assert name in {place.text for place in places} and int(more) >= 1
    assert visit.foreign_requests() == [] and visit.errors == []
    visit.page.close()


@pytest.mark.browser
def test_two_embedded_maps_share_a_page(browser, tmp_path, mentions, countries):
    from geomap.render import write_fragment

    fragments = []
    for index, title in enumerate(("First", "Second")):
        fmap = place_map(mentions[:2 + index], countries=countries, title=title)
        path = write_fragment(fmap, tmp_path / f"map{index}.html", responsive=index == 1)
        fragment = path.read_text(encoding="utf-8")
        assert "<html" not in fragment and "<head" not in fragment and "<body" not in fragment
        assert "html, body" not in fragment
        fragments.append(fragment)
    host = tmp_path / "report.html"
    host.write_text("<!doctype html><html><head><title>Report</title></head><body>"
                    "<h1>Report</h1><p>Before.</p>" + fragments[0] + "<p>Between.</p>"
                    + fragments[1] + "<p>After.</p></body></html>", encoding="utf-8")
    visit = Visit(browser, host)
    page = visit.page
    expect(page.locator(".leaflet-container")).to_have_count(2)
    assert [t.strip() for t in page.locator(".geomap-title h1").all_inner_texts()] == [
        "First", "Second"]
    assert page.locator(".geomap-embed").nth(1).bounding_box()["height"] == pytest.approx(
        page.locator(".geomap-embed").nth(1).bounding_box()["width"] * 10 / 16, abs=2)
    assert page.locator("body").evaluate("b => getComputedStyle(b).margin") != "0px"
    assert visit.foreign_requests() == [] and visit.errors == []
    page.close()


def shown_events(page) -> list[str]:
    """The ids of the events the map's symbols stand for, as the page says them."""
    return sorted(page.locator(".leaflet-marker-pane [data-event-ids]").evaluate_all(
        "nodes => nodes.flatMap(n => n.getAttribute('data-event-ids').split(' '))"))


@pytest.mark.browser
def test_articles_can_be_switched_off(browser, tmp_path, mentions, countries):
    mosul, camp = mentions[0], mentions[4]
    events = [event("attack", "shelling", mosul, "2017-03-01", titles=("Wire A",)),
              event("capture", "recapture", camp, "2017-03-02", titles=("Wire B",)),
              event("statement", "declaration", mosul, "2017-03-03", titles=("Wire A", "Wire B"))]
    path = write_html(place_map(mentions, countries=countries, title="Two wires", events=events),
                      tmp_path / "wires.html")
    visit = Visit(browser, path)
    page = visit.page
    expect(page.locator(".geomap-event-icon")).to_have_count(2)  # Mosul's two are one symbol
    assert shown_events(page) == ["attack-2017-03-01", "capture-2017-03-02",
                                  "statement-2017-03-03"]
    page.get_by_label("Wire A").uncheck()
    expect(page.locator(".geomap-entry")).to_have_count(2)
    assert shown_events(page) == ["capture-2017-03-02", "statement-2017-03-03"]  # Wire B too
    page.get_by_label("Wire B").uncheck()
    expect(page.locator(".geomap-event-icon")).to_have_count(0)
    page.get_by_label("Wire A").check()
    expect(page.locator(".geomap-entry")).to_have_count(2)
    assert shown_events(page) == ["attack-2017-03-01", "statement-2017-03-03"]
    assert visit.foreign_requests() == [] and visit.errors == []
    page.close()


@pytest.mark.browser
def test_a_hostile_article_runs_no_script(browser, tmp_path, gazetteer):
    from click.testing import CliRunner

    from geomap.cli import main

    article = tmp_path / "hostile.html"
    article.write_text(
        "<html><head><title>Siege &lt;script&gt;window.pwned=1&lt;/script&gt; of Mosul</title>"
        "<script>window.pwned = 2</script></head><body>"
        "<p>Gunmen &quot;&gt;&lt;img src=x onerror=window.pwned=3&gt; attacked a market in Mosul "
        "on Tuesday, killing 12 people, &lt;/textarea&gt;&lt;svg onload=window.pwned=4&gt; "
        "officials \u202eNUR\u202c said.</p><p>\u200bDaesh\u200d fighters shelled Tikrit "
        "&lt;b&gt;on&lt;/b&gt; Wednesday.</p></body></html>", encoding="utf-8")
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["render", str(article), "-o", str(out),
                                       "--date", "2017-03-09"])
    assert result.exit_code == 0, result.output
    visit = Visit(browser, out)
    page = visit.page
    assert "<script>window.pwned=1</script>" in page.locator(".geomap-title").inner_text()
    expect(page.locator(".geomap-event-icon")).not_to_have_count(0)
    popup = page.locator(".leaflet-popup-content")
    told = []
    for entry in page.locator(".geomap-entry").all():  # every event, from the list
        entry.click()
        popup.wait_for(state="visible")
        told.append(popup.inner_text())
        assert popup.locator("img, svg, script, textarea").count() == 0
    assert any('onerror=window.pwned=3>' in text for text in told)
    page.mouse.move(10, 10)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert visit.foreign_requests() == [] and visit.errors == [] and visit.dialogs == []
    page.close()
